/**
 * Runs the bundled action (dist/index.js) as a child process with the environment a GitHub
 * runner gives it: INPUT_*, GITHUB_EVENT_NAME/PATH, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_ENV,
 * RUNNER_TEMP, RUNNER_TOOL_CACHE, GITHUB_API_URL, … and reads back what it wrote.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { COMPILE_CACHE_ENV, ROOT, runProcess, type RunOutput } from './cli.js';

/** The token a runner puts where action.yml says `${{ github.token }}`. */
export const RUNNER_TOKEN = 'ghs_runnerGitHubToken0000000000000000';

/**
 * Every input's default from action.yml, as a runner passes them: a runner sets INPUT_<NAME> for
 * every input the workflow does not set, to its default (expressions evaluated), so the action
 * never sees an input as missing. `${{ github.token }}` becomes RUNNER_TOKEN.
 */
export function actionDefaults(actionDir = ROOT): Record<string, string> {
  const action = parse(readFileSync(path.join(actionDir, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: unknown }>;
  };
  const out: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs)) {
    const value = input.default === undefined ? '' : String(input.default);
    out[name] = value.replace(/\$\{\{\s*github\.token\s*\}\}/g, RUNNER_TOKEN);
  }
  return out;
}

export interface ActionRun extends RunOutput {
  readonly outputs: Record<string, string>;
  readonly summary: string;
  readonly exportedEnv: Record<string, string>;
  readonly dir: string;
}

/** Parse the `name<<delimiter … delimiter` (and `name=value`) file format of GITHUB_OUTPUT/ENV. */
export function parseCommandFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delim] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i]!);
      out[name!] = value.join('\n');
    } else if (line.includes('=')) {
      const at = line.indexOf('=');
      out[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return out;
}

export interface ActionRunOptions {
  readonly inputs: Record<string, string>;
  readonly event: { name: string; payload: unknown };
  readonly apiUrl: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Run from this copy of the action instead of the repository (e.g. without node_modules). */
  readonly actionDir?: string;
  readonly dir?: string;
}

export async function runBundledAction(opts: ActionRunOptions): Promise<ActionRun> {
  const dir = opts.dir ?? mkdtempSync(path.join(os.tmpdir(), 'threadgate-action-'));
  const file = (name: string) => path.join(dir, name);
  mkdirSync(file('temp'), { recursive: true });
  mkdirSync(file('tool-cache'), { recursive: true });
  mkdirSync(file('workspace'), { recursive: true });
  writeFileSync(file('event.json'), JSON.stringify(opts.event.payload));
  for (const f of ['output.txt', 'summary.md', 'env.txt', 'path.txt', 'state.txt'])
    writeFileSync(file(f), '');
  const env: NodeJS.ProcessEnv = {
    ...COMPILE_CACHE_ENV,
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: opts.event.name,
    GITHUB_EVENT_PATH: file('event.json'),
    GITHUB_OUTPUT: file('output.txt'),
    GITHUB_STEP_SUMMARY: file('summary.md'),
    GITHUB_ENV: file('env.txt'),
    GITHUB_PATH: file('path.txt'),
    GITHUB_STATE: file('state.txt'),
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
  const actionDir = opts.actionDir ?? ROOT;
  for (const [name, value] of Object.entries({ ...actionDefaults(actionDir), ...opts.inputs })) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  const out = await runProcess(process.execPath, [path.join(actionDir, 'dist/index.js')], {
    cwd: file('workspace'),
    env,
    timeoutMs: 300_000,
  });
  return {
    ...out,
    // Workflow commands escape %, CR and LF in messages; show them as the runner does.
    stdout: out.stdout.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%'),
    dir,
    outputs: parseCommandFile(readFileSync(file('output.txt'), 'utf8')),
    summary: readFileSync(file('summary.md'), 'utf8'),
    exportedEnv: parseCommandFile(readFileSync(file('env.txt'), 'utf8')),
  };
}

export function pullRequestEvent(number = 7): { name: string; payload: unknown } {
  return {
    name: 'pull_request',
    payload: {
      action: 'synchronize',
      number,
      pull_request: {
        number,
        head: { ref: 'feature/faster', sha: 'ffac537e6cbbf934b08745a378932722df287a53' },
        base: { ref: 'main', sha: '6dcb09b5b57875f334f61aebed695e2e4193db5e' },
      },
      repository: { name: 'octo-repo', full_name: 'octo-org/octo-repo', default_branch: 'main' },
    },
  };
}
