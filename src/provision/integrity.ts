/** npm-style Subresource Integrity (`sha512-<base64>`) of bytes and files. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { WorkloadError } from '../errors.js';

/** The sha512 SRI string of some bytes, as npm records it in `integrity`. */
export function sriSha512(data: Uint8Array | string): string {
  return `sha512-${createHash('sha512').update(data).digest('base64')}`;
}

/** The sha512 SRI string of a file, read as a stream (tarballs are ~110 MB). */
export async function fileSriSha512(file: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return `sha512-${hash.digest('base64')}`;
}

/** Throw a WorkloadError naming the package, expected and actual integrity when they differ. */
export async function verifyIntegrity(file: string, expected: string, pkg: string): Promise<void> {
  const actual = await fileSriSha512(file);
  if (actual !== expected) {
    throw new WorkloadError(
      `integrity check failed for ${pkg} (${file}): expected ${expected}, got ${actual}`,
    );
  }
}
