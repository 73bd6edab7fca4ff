/**
 * The one reader for every file a user or a pull request supplies: results, baselines,
 * comparisons, models, `.npmrc`, bundle manifests.
 *
 * What a pull request can change is hostile data, and so is its shape on disk: a symbolic link to
 * a secret outside the checkout, `/dev/zero`, a FIFO that never ends, a file that grows while it
 * is read. So every read here is:
 * - opened non-blocking (a FIFO cannot hang the open), then checked with fstat on the open handle:
 *   a regular file only, at most `maxBytes` before a byte is read, and at most `maxBytes` read
 *   whatever the file grows to meanwhile;
 * - confined: with `within` (the job's workspace), a path that lies inside that folder must still
 *   lie inside it once every link is resolved, and the file opened must be that same file (device
 *   and inode), so a committed link cannot point the read out of the checkout. A path outside
 *   `within` was chosen by the workflow itself (e.g. under RUNNER_TEMP) and is read as given.
 *
 * Every failure is one error from `fail`, naming the input, the path and what was expected.
 */

import { constants } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';

export interface BoundedReadOptions {
  /** Names the input in every message, e.g. "--baseline" or "input 'baseline'". */
  readonly input: string;
  /** Most bytes accepted. */
  readonly maxBytes: number;
  /** What the file should be, for messages: "a results JSON file". */
  readonly expected: string;
  /** Keep paths inside this folder inside it after links are resolved (the workspace). */
  readonly within?: string;
  /** How messages name the file instead of its path (a bundle's fixed file name). */
  readonly shownAs?: string;
  /** false: a symbolic link is refused, not followed (report bundles). Default true. */
  readonly followLinks?: boolean;
  /** Builds the error thrown; default InputError. Receives the whole message. */
  readonly fail?: (message: string) => Error;
}

/** The file's bytes; throws `fail` naming the input for a missing file too. */
export async function readBounded(file: string, opts: BoundedReadOptions): Promise<Buffer> {
  const bytes = await readBoundedIfExists(file, opts);
  if (bytes === null) throw error(opts, file, 'file not found');
  return bytes;
}

/** The file's text (UTF-8, a byte-order mark dropped). */
export async function readBoundedText(file: string, opts: BoundedReadOptions): Promise<string> {
  return toText(await readBounded(file, opts), file, opts);
}

/** The file's text, or null when nothing is at the path. */
export async function readBoundedTextIfExists(
  file: string,
  opts: BoundedReadOptions,
): Promise<string | null> {
  const bytes = await readBoundedIfExists(file, opts);
  return bytes === null ? null : toText(bytes, file, opts);
}

/** The file's bytes, or null when nothing is at the path (ENOENT, or a dangling link). */
export async function readBoundedIfExists(
  file: string,
  opts: BoundedReadOptions,
): Promise<Buffer | null> {
  let handle;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, forever.
    const noFollow = opts.followLinks === false ? (constants.O_NOFOLLOW ?? 0) : 0;
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK | noFollow);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ELOOP' && opts.followLinks === false) {
      throw error(opts, file, 'is a symbolic link; links are not followed here');
    }
    throw error(opts, file, `cannot be opened (${code ?? describe(e)})`);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw error(opts, file, 'is a directory');
    if (!info.isFile()) throw error(opts, file, 'is not a regular file (a device, FIFO or socket)');
    if (opts.within !== undefined) await checkWithin(file, info, opts);
    if (info.size > opts.maxBytes) {
      throw error(opts, file, `is ${info.size} bytes`, ` of at most ${opts.maxBytes} bytes`);
    }
    const buf = Buffer.alloc(Math.min(info.size, opts.maxBytes) + 1);
    let got = 0;
    // A regular file may still grow (or shrink) while it is read: read until EOF or the cap.
    for (;;) {
      const { bytesRead } = await handle.read(buf, got, buf.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
      if (got > opts.maxBytes) {
        throw error(opts, file, 'grew while it was read', ` of at most ${opts.maxBytes} bytes`);
      }
      if (got === buf.length) break;
    }
    return buf.subarray(0, got);
  } finally {
    await handle.close();
  }
}

/** True when `child` is `parent` or lies below it (both absolute, already resolved). */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Throws unless a path inside `opts.within` resolves (links followed) to a place inside it, and
 * the file opened is that place. Paths outside `within` are the workflow's own choice.
 */
async function checkWithin(
  file: string,
  opened: { dev: number; ino: number },
  opts: BoundedReadOptions,
): Promise<void> {
  const root = await realpath(opts.within as string).catch(() =>
    path.resolve(opts.within as string),
  );
  const given = path.resolve(file);
  const lexicallyInside =
    isInside(path.resolve(opts.within as string), given) || isInside(root, given);
  if (!lexicallyInside) return;
  let real: string;
  try {
    real = await realpath(given);
  } catch (e) {
    throw error(
      opts,
      file,
      `cannot be resolved (${(e as NodeJS.ErrnoException).code ?? describe(e)})`,
    );
  }
  if (!isInside(root, real)) {
    // Say where it points only as "outside": the target's name can itself be a secret's path.
    throw error(
      opts,
      file,
      'is a symbolic link (or lies under one) that leads outside the workspace',
    );
  }
  const now = await stat(real);
  if (now.dev !== opened.dev || now.ino !== opened.ino) {
    throw error(opts, file, 'changed while it was opened');
  }
}

function toText(bytes: Buffer, file: string, opts: BoundedReadOptions): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw error(opts, file, 'is not UTF-8 text');
  }
}

function error(opts: BoundedReadOptions, file: string, what: string, limit = ''): Error {
  const message =
    opts.shownAs === undefined
      ? `${opts.input} ${file}: ${what}; expected ${opts.expected}${limit}`
      : `${opts.shownAs}: ${what}; expected ${opts.expected}${limit}`;
  return opts.fail ? opts.fail(message) : new InputError(message);
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
