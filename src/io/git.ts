/**
 * git as a child process, the one way threadgate runs it: bounded in time and in output, never
 * waiting for a password prompt, and with the child environment (io/child-env.ts) — without the
 * action's inputs and tokens, since git runs the checkout's hooks and reads its configuration.
 * The credentials a fetch or a push needs are those actions/checkout left in the repository's
 * configuration, not the environment.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describeError } from '../errors.js';
import { childEnv } from './child-env.js';

const run = promisify(execFile);

/** A local git command (rev-parse, show, worktree) gives up after this long. */
export const GIT_TIMEOUT_MS = 60_000;
/** A fetch or push, which talks to the remote. */
export const GIT_REMOTE_TIMEOUT_MS = 120_000;

export interface GitOptions {
  readonly encoding?: 'utf8' | 'buffer';
  readonly timeoutMs?: number;
  /** Bytes of stdout (and of stderr) kept; more fails the call. Default 1 MiB. */
  readonly maxBuffer?: number;
  /** Variables added to the child environment, e.g. GIT_INDEX_FILE. */
  readonly env?: Readonly<Record<string, string>>;
}

export async function git(args: readonly string[], cwd: string, opts: GitOptions = {}) {
  return run('git', [...args], {
    cwd,
    encoding: opts.encoding ?? 'utf8',
    maxBuffer: opts.maxBuffer ?? 1024 * 1024,
    timeout: opts.timeoutMs ?? GIT_TIMEOUT_MS,
    env: { ...childEnv(), GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'never', ...opts.env },
  });
}

/** A failed git call in one line: its stderr (or message), or "git timed out". */
export function gitErrorLine(e: unknown): string {
  const err = e as { stderr?: unknown; killed?: unknown };
  if (err.killed === true) return 'git timed out';
  const stderr =
    typeof err.stderr === 'string'
      ? err.stderr
      : Buffer.isBuffer(err.stderr)
        ? err.stderr.toString('utf8')
        : '';
  const text = stderr.trim() ? stderr : describeError(e);
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}
