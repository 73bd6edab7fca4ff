/**
 * Runs a copy of the bundled action (dist/index.js) under a chosen Node binary with a chosen
 * PATH, as a runner would (every action.yml default as INPUT_*, the runner's files and
 * directories), and records when the first error line appeared and when the process exited —
 * so a test can tell "failed and exited" from "failed and hung". Also: finding Node 24 (the
 * `node` devDependency, the action's runtime) and Node 20 binaries, and making that copy of the
 * action without node_modules.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { COMPILE_CACHE_ENV, ROOT } from './cli.js';
import { actionDefaults } from './runner.js';
import { parseCommandFile, pullRequestEvent } from './runner.js';

export interface NodeBinary {
  readonly path: string;
  /** e.g. `v24.21.0`. */
  readonly version: string;
}

function versionOf(file: string): string | undefined {
  try {
    return execFileSync(file, ['--version'], { encoding: 'utf8', timeout: 20_000 }).trim();
  } catch {
    return undefined;
  }
}

/** The first of `candidates` that runs and reports major version `major`. */
function findNode(major: number, candidates: readonly string[]): NodeBinary | undefined {
  for (const file of [...new Set(candidates)]) {
    if (!existsSync(file)) continue;
    const version = versionOf(file);
    if (version?.startsWith(`v${major}.`)) return { path: file, version };
  }
  return undefined;
}

/** `node` on PATH outside any node_modules/.bin (npm scripts put the devDependency's first). */
function nodesOnPath(): string[] {
  const exe = process.platform === 'win32' ? 'node.exe' : 'node';
  return (process.env['PATH'] ?? '')
    .split(path.delimiter)
    .filter((d) => d !== '' && !d.split(path.sep).includes('node_modules'))
    .map((d) => path.join(d, exe));
}

/** Node 24: the `node` devDependency's binary (npm package node@24), else one on PATH. */
export function node24(): NodeBinary | undefined {
  const exe = process.platform === 'win32' ? 'node.exe' : 'node';
  return findNode(24, [
    path.join(ROOT, 'node_modules', 'node', 'bin', exe),
    process.execPath,
    ...nodesOnPath(),
  ]);
}

/** A copy of the action (action.yml and dist/index.js) with no node_modules beside it. */
export function copyActionWithoutNodeModules(dir: string): string {
  const actionDir = path.join(dir, 'action');
  mkdirSync(path.join(actionDir, 'dist'), { recursive: true });
  copyFileSync(path.join(ROOT, 'action.yml'), path.join(actionDir, 'action.yml'));
  copyFileSync(path.join(ROOT, 'dist', 'index.js'), path.join(actionDir, 'dist', 'index.js'));
  return actionDir;
}

/** A directory holding only a `node` link to `node`: a PATH with node but no npm, no tar. */
export function pathWithOnlyNode(dir: string, node: string): string {
  const bin = path.join(dir, 'bin-only-node');
  mkdirSync(bin, { recursive: true });
  const link = path.join(bin, process.platform === 'win32' ? 'node.exe' : 'node');
  if (!existsSync(link)) {
    if (process.platform === 'win32') copyFileSync(node, link);
    else symlinkSync(node, link);
  }
  return bin;
}

export interface ActionProcessRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
  /** Milliseconds from start to the first `::error::` line on stdout, if any. */
  readonly errorAtMs: number | undefined;
  readonly exitAtMs: number;
  /** True when the process had to be killed at `timeoutMs`. */
  readonly killed: boolean;
}

export interface ActionProcessOptions {
  readonly node: string;
  readonly actionDir: string;
  /** A runner directory (temp, tool cache, workspace, … are made inside it). */
  readonly dir: string;
  readonly inputs: Record<string, string>;
  /** PATH of the action's process. */
  readonly path: string;
  readonly env?: Record<string, string>;
  readonly timeoutMs?: number;
}

export function runActionProcess(opts: ActionProcessOptions): Promise<ActionProcessRun> {
  const file = (name: string) => path.join(opts.dir, name);
  for (const d of ['temp', 'tool-cache', 'workspace', 'home'])
    mkdirSync(file(d), { recursive: true });
  const event = pullRequestEvent();
  writeFileSync(file('event.json'), JSON.stringify(event.payload));
  for (const f of ['output.txt', 'summary.md', 'env.txt', 'path.txt', 'state.txt']) {
    writeFileSync(file(f), '');
  }
  const env: Record<string, string> = {
    ...COMPILE_CACHE_ENV,
    PATH: opts.path,
    // A home of its own: no user .npmrc from the machine running the tests.
    HOME: file('home'),
    USERPROFILE: file('home'),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: file('event.json'),
    GITHUB_OUTPUT: file('output.txt'),
    GITHUB_STEP_SUMMARY: file('summary.md'),
    GITHUB_ENV: file('env.txt'),
    GITHUB_PATH: file('path.txt'),
    GITHUB_STATE: file('state.txt'),
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_REPOSITORY_OWNER: 'octo-org',
    GITHUB_API_URL: 'http://127.0.0.1:9',
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
  for (const [name, value] of Object.entries({
    ...actionDefaults(opts.actionDir),
    ...opts.inputs,
  })) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(opts.node, [path.join(opts.actionDir, 'dist', 'index.js')], {
      cwd: file('workspace'),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let errorAtMs: number | undefined;
    let killed = false;
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (errorAtMs === undefined && /^::error::/m.test(stdout)) errorAtMs = performance.now() - t0;
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? 180_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        code,
        // Workflow commands escape %, CR and LF in messages; show them as the runner does.
        stdout: stdout.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%'),
        stderr,
        outputs: parseCommandFile(readFileSync(file('output.txt'), 'utf8')),
        summary: readFileSync(file('summary.md'), 'utf8'),
        errorAtMs,
        exitAtMs: performance.now() - t0,
        killed,
      });
    });
  });
}
