/**
 * Runs the action in this process — runStep(ports) with the real components (onnxruntime-node
 * provisioned from this checkout's node_modules, the real GitHub client against the local
 * stand-in, the real baseline stores, real git, real files) — with the runner's environment of
 * runBundledAction (runner.ts): every action.yml default as an input, GITHUB_EVENT_PATH,
 * RUNNER_TEMP, the workspace as the working directory. Only `core` is a recorder: it writes the
 * log as the runner shows it (`::warning::…`, `::error::…`, `::notice::…`), the outputs, the
 * variables for later steps and the job summary, and returns them in the ActionRun shape the
 * bundled runs return, so a test reads the same fields either way.
 *
 * One run at a time per process (the working directory is the process's); runs queue.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runnerPorts, runStep } from '../../src/action/main.js';
import type { ActionCore, ActionPorts } from '../../src/action/ports.js';
import { createGitHubClient } from '../../src/github/client.js';
import { actionDefaults, type ActionRun, type ActionRunOptions } from './runner.js';

export interface InProcessOptions extends ActionRunOptions {
  /**
   * Variables the libraries behind the ports read from process.env (the Actions cache service's
   * ACTIONS_RESULTS_URL, ACTIONS_RUNTIME_TOKEN, …): set for the run, restored after.
   */
  readonly processEnv?: Record<string, string>;
  /** Replace ports (e.g. provisionOrt with other options); the rest are the runner's. */
  readonly ports?: (ports: ActionPorts) => ActionPorts;
}

/** What a recording core saw. */
interface Recorded {
  readonly lines: string[];
  readonly outputs: Record<string, string>;
  readonly exported: Record<string, string>;
  summary: string;
  failed: boolean;
}

function recordingCore(inputs: Record<string, string>, rec: Recorded): ActionCore {
  const line = (text: string) => rec.lines.push(text);
  return {
    // As @actions/core's getInput: INPUT_<NAME>, trimmed.
    getInput: (name) => (inputs[name] ?? '').trim(),
    setOutput: (name, value) => void (rec.outputs[name] = value),
    exportVariable: (name, value) => void (rec.exported[name] = value),
    info: line,
    warning: (m) => line(`::warning::${m}`),
    notice: (m) => line(`::notice::${m}`),
    debug: (m) => line(`::debug::${m}`),
    setFailed: (m) => {
      rec.failed = true;
      line(`::error::${m}`);
    },
    group: async (name, fn) => {
      line(`::group::${name}`);
      try {
        return await fn();
      } finally {
        line('::endgroup::');
      }
    },
    appendSummary: async (markdown) => {
      rec.summary += markdown;
    },
  };
}

let queue: Promise<unknown> = Promise.resolve();

export function runActionInProcess(opts: InProcessOptions): Promise<ActionRun> {
  const run = queue.then(() => runOnce(opts));
  queue = run.catch(() => undefined);
  return run;
}

async function runOnce(opts: InProcessOptions): Promise<ActionRun> {
  const dir = opts.dir ?? mkdtempSync(path.join(os.tmpdir(), 'threadgate-action-'));
  const file = (name: string) => path.join(dir, name);
  for (const d of ['temp', 'tool-cache', 'workspace']) mkdirSync(file(d), { recursive: true });
  writeFileSync(file('event.json'), JSON.stringify(opts.event.payload));
  const env: Record<string, string | undefined> = {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: opts.event.name,
    GITHUB_EVENT_PATH: file('event.json'),
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_REPOSITORY_OWNER: 'octo-org',
    GITHUB_API_URL: opts.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKFLOW: 'latency',
    GITHUB_JOB: 'bench',
    GITHUB_RUN_ID: '1234',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SHA: 'ffac537e6cbbf934b08745a378932722df287a53',
    GITHUB_REF: 'refs/pull/7/merge',
    GITHUB_REF_NAME: '7/merge',
    GITHUB_HEAD_REF: 'feature/faster',
    GITHUB_BASE_REF: 'main',
    GITHUB_WORKSPACE: file('workspace'),
    RUNNER_TEMP: file('temp'),
    RUNNER_TOOL_CACHE: file('tool-cache'),
    RUNNER_OS: 'Linux',
    ...opts.env,
  };
  const inputs = { ...actionDefaults(opts.actionDir), ...opts.inputs };
  const rec: Recorded = { lines: [], outputs: {}, exported: {}, summary: '', failed: false };
  const real = runnerPorts();
  const ports: ActionPorts = {
    ...real,
    core: recordingCore(inputs, rec),
    env,
    // The real client; its retries back off 1 ms per unit instead of 500 (a test's 502 is retried
    // at once).
    github: (token, options) => createGitHubClient(token, { ...options, retryDelayMs: 1 }),
  };

  const saved = new Map<string, string | undefined>();
  for (const [name, value] of Object.entries(opts.processEnv ?? {})) {
    saved.set(name, process.env[name]);
    process.env[name] = value;
  }
  // What the libraries write to standard error (e.g. test/support/loopback-only.mjs's refusals).
  let stderr = '';
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    stderr += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    return write(chunk, ...rest);
  }) as typeof process.stderr.write;
  const cwd = process.cwd();
  // The runner starts the action in the workspace.
  process.chdir(env['GITHUB_WORKSPACE'] ?? file('workspace'));
  try {
    await runStep(opts.ports ? opts.ports(ports) : ports);
  } finally {
    process.stderr.write = write;
    process.chdir(cwd);
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  return {
    code: rec.failed ? 1 : 0,
    stdout: rec.lines.map((l) => `${l}\n`).join(''),
    stderr,
    dir,
    outputs: rec.outputs,
    summary: rec.summary,
    exportedEnv: rec.exported,
  };
}
