/**
 * A lock for read-merge-write of a shared file (the baseline history): `withFileLock(file, fn)`
 * runs `fn` while this process holds `<file>.lock`, and every wait has a deadline.
 *
 * The lock is proper-lockfile's: an empty folder made with mkdir (atomic, also on network file
 * systems), whose mtime the holder refreshes every `staleMs / 4`, and which is removed on release
 * and on exit (signals included). What proper-lockfile does not give, done here:
 * - **A deadline on every path.** Each try either returns, throws, or sleeps, and the deadline is
 *   checked before every try: nothing spins, nothing waits past `timeoutMs`.
 * - **Only the library's own folder is ever removed.** The path `<file>.lock` may hold something
 *   else: a symbolic link, a regular file or a folder with files in it, committed by a pull request
 *   or left by an older threadgate (whose lock was a file). That is refused at once with a
 *   `LockError` naming it, never deleted: threadgate removes only an empty folder.
 * - **One taker of a stale lock.** proper-lockfile takes over a stale lock by stat, rmdir, mkdir;
 *   two writers that both saw it stale can remove each other's fresh lock and both write (8 writers
 *   on a stale lock lost an update in 2 of 20 trials). Here the library's stale rule is off and a
 *   lock not refreshed for `staleMs` is removed only by the holder of `<file>.lock.takeover` (a
 *   second mkdir lock, held for the few milliseconds of one lstat and one rmdir), after it checked
 *   again that the lock is still stale. A lock is removed only while stale, and only one writer at
 *   a time may remove one, so a fresh lock is never removed. (A taker that dies inside those
 *   milliseconds leaves the guard, which the next taker removes once it is `staleMs` old.)
 *
 * Every failure is a LockError naming the lock's path: `ELOCKED` (still held at the deadline),
 * `ENOTLOCK` (something else is at the path), `ECOMPROMISED` (the lock was lost while `fn` ran: it
 * blocked for longer than `staleMs` and another writer took over), or a file-system error.
 */

import { lstat, mkdir, readdir, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { ensureDir } from '../results/io.js';

export interface LockOptions {
  /** Give up after this long (ms); default 30 s. */
  readonly timeoutMs?: number;
  /** A lock not refreshed for this long (ms) is taken over: its holder is gone; default 10 s. */
  readonly staleMs?: number;
}

export type LockErrorCode = 'ELOCKED' | 'ENOTLOCK' | 'ECOMPROMISED' | 'EFS';

/** A lock that could not be taken or kept; the message names the lock's path. */
export class LockError extends Error {
  override readonly name = 'LockError';
  constructor(
    readonly code: LockErrorCode,
    readonly lockPath: string,
    message: string,
  ) {
    super(message);
  }
}

export const DEFAULT_LOCK_TIMEOUT_MS = 30_000;
export const DEFAULT_LOCK_STALE_MS = 10_000;

/** The lock's path for `file`: proper-lockfile's default, `<file>.lock`. */
export function lockPathFor(file: string): string {
  return `${path.resolve(file)}.lock`;
}

/** Off for proper-lockfile (it never finds our lock stale): the takeover is done here. */
const NEVER_STALE = Number.MAX_SAFE_INTEGER;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function withFileLock<T>(
  file: string,
  fn: () => Promise<T>,
  opts: LockOptions = {},
): Promise<T> {
  const target = path.resolve(file);
  const lock = lockPathFor(target);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
  const staleMs = Math.max(opts.staleMs ?? DEFAULT_LOCK_STALE_MS, 2000);
  const deadline = Date.now() + timeoutMs;
  const { lock: acquire } = await import('proper-lockfile');
  try {
    await ensureDir(path.dirname(lock));
  } catch (e) {
    throw fsError(lock, 'cannot create its folder', e);
  }
  for (let attempt = 0; ; attempt++) {
    await inspect(lock, target); // throws for anything that is not a lock
    let release: (() => Promise<void>) | null = null;
    let compromised: Error | null = null;
    try {
      release = await acquire(target, {
        lockfilePath: lock,
        realpath: false,
        stale: NEVER_STALE,
        update: Math.max(1000, Math.floor(staleMs / 4)),
        retries: 0,
        onCompromised: (e) => {
          compromised = e;
        },
      });
    } catch (e) {
      if (!isHeld(e)) throw fsError(lock, 'cannot be created', e);
    }
    if (release !== null) {
      let value: T;
      try {
        value = await fn();
      } finally {
        // After a compromise the library has let go already (ERELEASED): nothing to remove.
        await release().catch(() => undefined);
      }
      const lost = compromised as Error | null;
      if (lost !== null) {
        throw new LockError(
          'ECOMPROMISED',
          lock,
          `${target} was written after its lock ${lock} was lost (${lost.message}): another ` +
            `writer may have written it meanwhile; expected the update to take less than ${seconds(staleMs)}`,
        );
      }
      return value;
    }
    const held = await inspect(lock, target);
    const now = Date.now();
    if (now < deadline && held !== 'absent' && now - held.mtimeMs > staleMs) {
      // Removed: try again at once; not removed (another taker): wait like any writer.
      if (await takeOver(lock, target, staleMs)) continue;
    }
    if (now >= deadline) {
      const age = held === 'absent' ? '' : `, refreshed ${seconds(now - held.mtimeMs)} ago`;
      throw new LockError(
        'ELOCKED',
        lock,
        `${target} is locked by another writer (${lock}${age}) for more than ` +
          `${seconds(timeoutMs)}; expected no other writer at the same time (a lock not ` +
          `refreshed for ${seconds(staleMs)} is taken over)`,
      );
    }
    const backoff = Math.min(25 * 2 ** Math.min(attempt, 5), 500) * (0.5 + Math.random());
    await sleep(Math.max(1, Math.min(backoff, deadline - now)));
  }
}

function isHeld(e: unknown): boolean {
  return (e as { code?: string }).code === 'ELOCKED';
}

/**
 * What is at `lock`: nothing, or an empty folder (a lock, threadgate's or proper-lockfile's) with
 * its mtime. Anything else throws ENOTLOCK: it is not ours to wait for or to remove.
 */
async function inspect(lock: string, target: string): Promise<'absent' | { mtimeMs: number }> {
  let info;
  try {
    info = await lstat(lock);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw fsError(lock, 'cannot be read', e);
  }
  let what: string | null = null;
  if (info.isSymbolicLink()) what = 'a symbolic link';
  else if (info.isFile()) what = 'a regular file (older threadgate versions locked with a file)';
  else if (!info.isDirectory()) what = 'a device, FIFO or socket';
  else {
    const entries = await readdir(lock).catch((e: NodeJS.ErrnoException) =>
      e.code === 'ENOENT' ? [] : null,
    );
    if (entries === null) what = 'a folder that cannot be read';
    else if (entries.length > 0) {
      what = `a folder holding ${entries.length === 1 ? 'an entry' : `${entries.length} entries`}`;
    }
  }
  if (what === null) return { mtimeMs: info.mtimeMs };
  throw new LockError(
    'ENOTLOCK',
    lock,
    `${lock} is ${what}, not threadgate's lock (an empty folder), so ${target} cannot be ` +
      'locked; expected nothing at that path: remove it (threadgate never deletes what it did ' +
      'not make)',
  );
}

/**
 * Remove the stale lock at `lock` if it is still stale once this process holds the takeover
 * guard. True when it was removed (or is gone); false when another writer is taking it over, or it
 * was refreshed or replaced meanwhile.
 */
async function takeOver(lock: string, target: string, staleMs: number): Promise<boolean> {
  const guard = `${lock}.takeover`;
  try {
    await mkdir(guard);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST')
      throw fsError(guard, 'cannot be created', e);
    const other = await inspect(guard, target);
    // A taker holds the guard for milliseconds; an old guard is a dead taker's.
    if (other !== 'absent' && Date.now() - other.mtimeMs > staleMs) {
      await rmdir(guard).catch(() => undefined);
    }
    return false;
  }
  try {
    const again = await inspect(lock, target);
    if (again === 'absent') return true;
    if (Date.now() - again.mtimeMs <= staleMs) return false;
    await rmdir(lock);
    return true;
  } catch (e) {
    if (e instanceof LockError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return true;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') return false; // the next inspect says what
    throw fsError(lock, 'cannot be removed', e);
  } finally {
    await rmdir(guard).catch(() => undefined);
  }
}

function fsError(at: string, what: string, e: unknown): LockError {
  const code = (e as NodeJS.ErrnoException).code;
  const why = e instanceof Error ? e.message : String(e);
  return new LockError('EFS', at, `the lock ${at} ${what}: ${code ?? why}`);
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}
