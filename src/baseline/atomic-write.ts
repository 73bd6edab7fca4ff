/**
 * Saving a baseline without ever leaving a broken one behind: the document is serialized and
 * re-read first (a bad or empty document is refused before anything touches the disk), written to
 * a temporary file in the same directory, flushed, and renamed over the target. A rename within
 * one directory is atomic on POSIX file systems and replaces the file on Windows, so a reader sees
 * either the old baseline or the new one, never half of one; if anything fails, the old file is
 * untouched and the temporary file is removed.
 */

import { BaselineError } from '../errors.js';
import { nodeWriteOps, writeTextAtomic, type WriteOps } from '../results/io.js';
import type { BaselineDocument } from './history.js';
import { parseBaselineFile } from '../contract/documents.js';

export { nodeWriteOps, type WriteOps };

/** Serialize a baseline document, refusing one that would not read back as a valid baseline. */
export function serializeBaseline(doc: BaselineDocument, fileName: string): string {
  const text = `${JSON.stringify(doc, null, 2)}\n`;
  try {
    parseBaselineFile(text, fileName);
  } catch (e) {
    throw new BaselineError(
      `refusing to save ${fileName}: the new baseline is not valid (${(e as Error).message})`,
    );
  }
  return text;
}

/** Atomically write `doc` to `path` (creating its directory). Returns the bytes written. */
export async function writeBaselineFile(
  path: string,
  doc: BaselineDocument,
  ops: WriteOps = nodeWriteOps,
): Promise<number> {
  const text = serializeBaseline(doc, path);
  try {
    await writeTextAtomic(path, text, ops);
  } catch (e) {
    throw new BaselineError(`cannot save baseline ${path}: ${(e as Error).message}`);
  }
  return Buffer.byteLength(text);
}
