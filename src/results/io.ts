/**
 * Writing files so that a reader sees the old content or the new, never half of either: a
 * temporary file in the same directory, written and flushed, then renamed over the target (atomic
 * on POSIX file systems; a replace on Windows). If anything fails, the old file is untouched and
 * the temporary file is removed; temporary files a crashed writer left behind are removed by the
 * next write. Results, comparisons and baselines all go through here.
 *
 * Paths the user names (`--json FILE`) are checked before anything is measured
 * (checkOutputPath), and a failing write names the flag: a sweep never ends in an internal error
 * because its output cannot be written. No directory is created with Node's recursive mkdir (on
 * /proc it loops forever): ensureDir walks up a bounded number of levels.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';
import type { Result } from './types.js';

/** The file operations used; a seam so tests can make a write fail half-way. */
export interface WriteOps {
  /** Write all of `data` to the (new) file at `path` and flush it to disk. */
  writeAndSync(path: string, data: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
}

export const nodeWriteOps: WriteOps = {
  async writeAndSync(file, data) {
    const handle = await open(file, 'wx');
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename,
};

/** Most directory levels ensureDir creates. */
const MAX_NEW_LEVELS = 16;

/** Create `dir` and its missing parents, at most MAX_NEW_LEVELS of them, one mkdir each. */
export async function ensureDir(dir: string): Promise<void> {
  const missing: string[] = [];
  let at = path.resolve(dir);
  for (;;) {
    try {
      const info = await stat(at);
      if (!info.isDirectory()) {
        throw Object.assign(new Error(`${at} is not a directory`), { code: 'ENOTDIR' });
      }
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      missing.push(at);
      const up = path.dirname(at);
      if (up === at || missing.length > MAX_NEW_LEVELS) {
        throw Object.assign(
          new Error(`no existing parent directory within ${MAX_NEW_LEVELS} levels of ${dir}`),
          {
            code: 'ENOENT',
          },
        );
      }
      at = up;
    }
  }
  for (const d of missing.reverse()) {
    await mkdir(d).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'EEXIST') throw e;
    });
  }
}

/** A temporary file of `file`'s: `.<name>.<pid>.<hex>.tmp`. */
function tempName(file: string): string {
  return `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Temporary files older than this are removed whatever their writer's state. */
const STALE_TEMP_MS = 60 * 60 * 1000;

/**
 * Remove temporary files of `file` that a crashed writer left: those whose process is gone (on
 * this machine), or older than an hour. Best effort: errors are ignored.
 */
export async function removeStaleTemps(file: string): Promise<string[]> {
  const dir = path.dirname(path.resolve(file));
  const prefix = `.${path.basename(file)}.`;
  const removed: string[] = [];
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name);
    if (!name.startsWith(prefix) || m === null || `.${m[1]}.` !== prefix) continue;
    const full = path.join(dir, name);
    try {
      const pid = Number(m[2]);
      const old = Date.now() - (await stat(full)).mtimeMs > STALE_TEMP_MS;
      if (old || (pid !== process.pid && !isAlive(pid))) {
        await unlink(full);
        removed.push(full);
      }
    } catch {
      // gone already, or not ours to remove
    }
  }
  return removed;
}

/** Atomically replace `file` with `text` (creating its directory). */
export async function writeTextAtomic(
  file: string,
  text: string,
  ops: WriteOps = nodeWriteOps,
): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const temp = path.join(dir, tempName(file));
  try {
    await ensureDir(dir);
    await removeStaleTemps(file);
    await ops.writeAndSync(temp, text);
    await ops.rename(temp, file);
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw e;
  }
}

export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  await writeTextAtomic(file, JSON.stringify(value, null, 2) + '\n');
}

export async function writeResultFile(file: string, result: Result): Promise<void> {
  await writeJsonAtomic(file, result);
}

// ---------------------------------------------------------------------------------------------
// Output paths the user names

const FS_WORDS: Record<string, string> = {
  ENOENT: 'a directory on the way does not exist',
  ENOTDIR: 'a parent is not a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  EISDIR: 'it is a directory',
  ENAMETOOLONG: 'the name is too long',
  EIO: 'an input/output error',
};

/** A file-system error as words: "the disk is full (ENOSPC)". */
export function fsWords(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code !== undefined) return `${FS_WORDS[code] ?? 'it failed'} (${code})`;
  return e instanceof Error ? e.message : String(e);
}

/**
 * Check, before anything is measured, that `file` (given by `flag`) can be written: a non-empty
 * path whose parent directory exists and is writable, that is not a directory, and that is not
 * one of `inputs` (the files this command reads, e.g. `--baseline`). Throws InputError naming
 * the flag.
 */
export async function checkOutputPath(
  file: string | undefined,
  flag: string,
  inputs: readonly { flag: string; path: string | undefined }[] = [],
  opts: { readonly createParents?: boolean } = {},
): Promise<void> {
  if (file === undefined) return;
  const fail = (why: string) =>
    new InputError(`${flag}: got ${JSON.stringify(file)}; ${why}; expected a file path to write`);
  if (file.trim() === '') throw fail('it is empty');
  const resolved = path.resolve(file);
  for (const input of inputs) {
    if (input.path !== undefined && path.resolve(input.path) === resolved) {
      throw fail(`it is the file ${input.flag} reads, which it would overwrite`);
    }
  }
  let parent = path.dirname(resolved);
  if (opts.createParents) {
    // The directories the write will create: check the nearest one that exists.
    for (let i = 0; i < 16; i++) {
      const exists = await stat(parent).then(
        () => true,
        (e: NodeJS.ErrnoException) => e.code !== 'ENOENT',
      );
      if (exists || path.dirname(parent) === parent) break;
      parent = path.dirname(parent);
    }
  }
  try {
    const info = await stat(parent);
    if (!info.isDirectory()) throw fail(`its parent ${parent} is not a directory`);
    await access(parent, constants.W_OK | constants.X_OK);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw fail(
      code === 'ENOENT'
        ? `its directory ${parent} does not exist`
        : `its directory ${parent} cannot be written: ${fsWords(e)}`,
    );
  }
  try {
    const info = await stat(resolved);
    if (info.isDirectory()) throw fail('it is a directory');
    if (!info.isFile()) throw fail('it exists and is not a regular file');
    await access(resolved, constants.W_OK);
  } catch (e) {
    if (e instanceof InputError) throw e;
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
      throw fail(`it cannot be written: ${fsWords(e)}`);
  }
}

/** Write JSON to a path the user named; a file-system error is an InputError naming the flag. */
export async function writeJsonOutput(file: string, value: unknown, flag: string): Promise<void> {
  try {
    await writeJsonAtomic(file, value);
  } catch (e) {
    throw new InputError(`${flag}: could not write ${JSON.stringify(file)}: ${fsWords(e)}`);
  }
}
