/**
 * Writing files so that a reader sees the old content or the new, never half of either: a
 * temporary file in the same directory, written and flushed, then renamed over the target (atomic
 * on POSIX file systems; a replace on Windows). If anything fails, the old file is untouched and
 * the temporary file is removed. Results, comparisons and baselines all go through here.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
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

/** Atomically replace `file` with `text` (creating its directory). */
export async function writeTextAtomic(
  file: string,
  text: string,
  ops: WriteOps = nodeWriteOps,
): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const temp = path.join(
    dir,
    `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    await mkdir(dir, { recursive: true });
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
