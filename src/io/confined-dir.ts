/**
 * A folder the action writes into (the report bundle's `report-dir`) that a committed symbolic
 * link cannot move out of the workspace.
 *
 * A path inside the workspace is walked from the workspace down, one component at a time, with
 * lstat: a missing folder is made (one mkdir, checked again after), a link is allowed only when it
 * resolves to a place inside the workspace, and anything else but a folder is refused. A path
 * outside the workspace was chosen by the workflow itself (e.g. under RUNNER_TEMP) and is used as
 * given, like the bounded reader's `within` (src/io/bounded-read.ts).
 *
 * The files written in the folder do not follow links either: writeTextAtomic creates its
 * temporary file exclusively (`wx`, which fails on a link) and renames it over the name, and rm
 * removes a link, never its target. (Nothing else runs in the step while it writes; code the
 * pull request runs in the job could change the folder meanwhile, but that code can already do
 * whatever the action can.)
 */

import { lstat, mkdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { ensureDir } from '../results/io.js';
import { isInside } from './bounded-read.js';

/** Why a folder was refused: `step` is the component (relative to the workspace) at fault. */
export class ConfinedDirError extends Error {
  override readonly name = 'ConfinedDirError';
  constructor(
    readonly step: string,
    message: string,
  ) {
    super(message);
  }
}

/** Most components walked below the workspace. */
const MAX_DEPTH = 64;

/**
 * Make `dir` exist and return its path. Inside `root`, no component may be a link that leads out of
 * `root`, nor anything but a folder: throws ConfinedDirError naming the component. A file-system
 * error (permission, a full disk) is thrown as it comes.
 */
export async function ensureDirWithin(dir: string, root: string): Promise<string> {
  const given = path.resolve(dir);
  const top = path.resolve(root);
  const realTop = await realpath(top).catch(() => top);
  if (!isInside(top, given) && !isInside(realTop, given)) {
    await ensureDir(given);
    return given;
  }
  const base = isInside(top, given) ? top : realTop;
  const parts = path.relative(base, given).split(path.sep).filter(Boolean);
  if (parts.length > MAX_DEPTH) {
    throw new ConfinedDirError('', `it is more than ${MAX_DEPTH} folders deep`);
  }
  let at = base;
  for (const [i, part] of parts.entries()) {
    at = path.join(at, part);
    const step = parts.slice(0, i + 1).join('/');
    let info = await lstat(at).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return null;
      throw e;
    });
    if (info === null) {
      await mkdir(at).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'EEXIST') throw e;
      });
      info = await lstat(at);
    }
    if (info.isSymbolicLink()) {
      const target = await realpath(at).catch(() => null);
      if (target === null) {
        throw new ConfinedDirError(step, `${step} is a symbolic link to nothing`);
      }
      if (!isInside(realTop, target)) {
        throw new ConfinedDirError(
          step,
          `${step} is a symbolic link to a place outside the workspace`,
        );
      }
      if (!(await lstat(target)).isDirectory()) {
        throw new ConfinedDirError(step, `${step} is a symbolic link to something not a folder`);
      }
    } else if (!info.isDirectory()) {
      throw new ConfinedDirError(step, `${step} is not a folder`);
    }
  }
  // Every component checked; the whole path, links resolved, must still be inside.
  const real = await realpath(given);
  if (!isInside(realTop, real)) {
    throw new ConfinedDirError('', 'it resolves to a place outside the workspace');
  }
  return given;
}
