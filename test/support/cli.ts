/** Run the built CLI (bin/threadgate.js → dist/cli.js) as a real child process. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin/threadgate.js');

export interface RunOutput {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * NODE_COMPILE_CACHE of `npm test` (scripts/test.mjs), for a child that gets an environment of
 * its own (a runner's, the cache client's): V8 then parses a bundle once, not in every child.
 * It changes how fast a child starts, nothing it does.
 */
export const COMPILE_CACHE_ENV: Record<string, string> =
  process.env['NODE_COMPILE_CACHE'] !== undefined
    ? { NODE_COMPILE_CACHE: process.env['NODE_COMPILE_CACHE'] }
    : {};

/**
 * This process's environment without the colour switches (FORCE_COLOR, NO_COLOR): a child's
 * output does not depend on how the tests were started. A test that wants them passes `env`.
 */
export function plainEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const name of ['FORCE_COLOR', 'NO_COLOR']) if (!(name in extra)) delete env[name];
  return env;
}

export function runProcess(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<RunOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? ROOT,
      env: options.env ?? plainEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export function runCli(args: readonly string[], options: Parameters<typeof runProcess>[2] = {}) {
  return runProcess(process.execPath, [BIN, ...args], options);
}
