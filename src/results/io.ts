/** Reading and writing results files. Writes are atomic: a temporary file, then rename. */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Result } from './types.js';

export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  await mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  await writeFile(tmp, JSON.stringify(value, null, 2) + '\n');
  await rename(tmp, file);
}

export async function writeResultFile(file: string, result: Result): Promise<void> {
  await writeJsonAtomic(file, result);
}
