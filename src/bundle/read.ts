/**
 * Finding and reading the report bundles under one folder, as actions/download-artifact lays
 * them out (the folder itself is a bundle when one artifact was downloaded by name; else one
 * sub-folder per artifact).
 *
 * Every bundle is untrusted: on a `workflow_run` the fork's code wrote it. So the search is
 * bounded (depth, entries, bundles, bytes), nothing is followed that is a symbolic link (lstat,
 * then open with O_NOFOLLOW and check it is the same file), only the three file names of
 * BUNDLE_FILES are read and no path from a bundle is used, each file is capped, and its contents
 * are validated (manifest: parseManifest; results: parseResultFile + renderableResult;
 * comparison: parseComparisonFile + checkComparisonOf). A bundle that fails any check is
 * rejected with the reason and the others are still read.
 */

import { constants } from 'node:fs';
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  checkComparisonOf,
  COMPARISON_FILE_LIMIT,
  parseComparisonFile,
} from '../analysis/comparison-parse.js';
import type { Comparison } from '../analysis/compare.js';
import { LIMITS, parseResultFile } from '../baseline/parse.js';
import { InputError } from '../errors.js';
import type { Result } from '../results/types.js';
import {
  BUNDLE_FILES,
  MANIFEST_LIMIT_BYTES,
  parseManifest,
  type BundleManifest,
} from './manifest.js';
import { renderableResult } from './result.js';

export interface BundleLimits {
  /** Most bundles read; more are rejected. */
  readonly bundles: number;
  /** Most folder levels searched below the root. */
  readonly depth: number;
  /** Most directory entries looked at in the whole search. */
  readonly entries: number;
  /** Most bytes read from all bundles together. */
  readonly totalBytes: number;
  readonly manifestBytes: number;
  readonly resultsBytes: number;
  readonly comparisonBytes: number;
}

export const BUNDLE_LIMITS: BundleLimits = {
  bundles: 32,
  depth: 3,
  entries: 10_000,
  totalBytes: 64 * 1024 * 1024,
  manifestBytes: MANIFEST_LIMIT_BYTES,
  resultsBytes: LIMITS.fileBytes,
  comparisonBytes: COMPARISON_FILE_LIMIT,
};

/** One accepted bundle: a leg of the report. */
export interface Leg {
  /** Its folder relative to the root ('.' for the root itself): names it in messages. */
  readonly name: string;
  readonly manifest: BundleManifest;
  readonly result: Result;
  readonly comparison: Comparison | null;
}

export interface RejectedBundle {
  /** The folder or entry, relative to the root. Untrusted (the artifact's name): escape it. */
  readonly name: string;
  /** Why, in words. May quote bundle content: escape it. */
  readonly reason: string;
}

/** What every bundle must agree with; unset fields are not checked. */
export interface BundleExpectations {
  /** `owner/repo` (compared case-insensitively). */
  readonly repository?: string;
  /** The run the bundles must come from (a workflow_run's triggering run). */
  readonly runId?: string;
  /** The commit they must have measured. */
  readonly headSha?: string;
}

export interface BundleSet {
  readonly legs: readonly Leg[];
  readonly rejected: readonly RejectedBundle[];
  /** Things worth a warning that reject nothing (e.g. two bundles of the same leg). */
  readonly notes: readonly string[];
}

/**
 * Read every bundle below `root`. Throws InputError naming `input` when the root is not a
 * readable folder or holds no bundle at all; everything wrong with a bundle is a rejection.
 */
export async function readBundles(
  root: string,
  input: string,
  expect: BundleExpectations = {},
  limits: BundleLimits = BUNDLE_LIMITS,
): Promise<BundleSet> {
  const top = await rootFolder(root, input);
  const { found, rejected } = await findBundles(top, limits);
  if (found.length === 0 && rejected.length === 0) {
    throw new InputError(
      `${input}: no threadgate report bundle (a folder with ${BUNDLE_FILES.manifest}) within ` +
        `${limits.depth} levels of ${JSON.stringify(root)}; expected the folder where ` +
        'actions/download-artifact put the artifacts the measuring steps uploaded from their report-dir',
    );
  }
  const legs: Leg[] = [];
  const budget: Budget = { left: limits.totalBytes, total: limits.totalBytes };
  for (const [i, bundle] of found.entries()) {
    if (i >= limits.bundles) {
      rejected.push({
        name: bundle.name,
        reason: `over the limit of ${limits.bundles} bundles in one report; not read`,
      });
      continue;
    }
    try {
      legs.push(await readBundle(bundle.dir, bundle.name, expect, limits, budget));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      rejected.push({ name: bundle.name, reason: e.message.trim() });
    }
  }
  return { legs, rejected, notes: duplicateLegs(legs) };
}

async function rootFolder(root: string, input: string): Promise<string> {
  try {
    // The root is the workflow's own input (a folder it downloaded into): it may be a link.
    const real = await realpath(root);
    if (!(await stat(real)).isDirectory()) {
      throw new InputError(
        `${input}: got ${JSON.stringify(root)}, which is not a folder; expected the folder holding the report bundles`,
      );
    }
    return real;
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(
      `${input}: got ${JSON.stringify(root)}, which ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? String(e)})`}; ` +
        'expected the folder holding the report bundles (did actions/download-artifact run, with this path?)',
    );
  }
}

/** What is left of the bytes all bundles may hold together. */
interface Budget {
  left: number;
  readonly total: number;
}

interface Found {
  readonly dir: string;
  readonly name: string;
}

/** Breadth-first, sorted, bounded; a folder holding a manifest is a bundle and not entered. */
async function findBundles(
  top: string,
  limits: BundleLimits,
): Promise<{ found: Found[]; rejected: RejectedBundle[] }> {
  const found: Found[] = [];
  const rejected: RejectedBundle[] = [];
  const queue: { dir: string; name: string; depth: number }[] = [{ dir: top, name: '.', depth: 0 }];
  let seen = 0;
  while (queue.length > 0) {
    const at = queue.shift()!;
    let entries;
    try {
      entries = await readdir(at.dir, { withFileTypes: true });
    } catch (e) {
      rejected.push({
        name: at.name,
        reason: `cannot be listed (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
      });
      continue;
    }
    seen += entries.length;
    if (seen > limits.entries) {
      rejected.push({
        name: at.name,
        reason: `the folders hold over ${limits.entries} entries; the search stopped here`,
      });
      break;
    }
    if (entries.some((e) => e.name === BUNDLE_FILES.manifest)) {
      found.push({ dir: at.dir, name: at.name });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const name = at.name === '.' ? e.name : `${at.name}/${e.name}`;
      if (e.isSymbolicLink()) {
        rejected.push({
          name,
          reason: 'is a symbolic link; links in report bundles are not followed',
        });
      } else if (e.isDirectory() && at.depth < limits.depth) {
        queue.push({ dir: path.join(at.dir, e.name), name, depth: at.depth + 1 });
      }
    }
  }
  return { found, rejected };
}

async function readBundle(
  dir: string,
  name: string,
  expect: BundleExpectations,
  limits: BundleLimits,
  budget: Budget,
): Promise<Leg> {
  const file = (base: string) => path.join(dir, base);
  const manifestText = await readCapped(
    file(BUNDLE_FILES.manifest),
    BUNDLE_FILES.manifest,
    limits.manifestBytes,
    budget,
  );
  if (manifestText === null) throw new InputError(`${BUNDLE_FILES.manifest}: is missing`);
  const manifest = parseManifest(manifestText);
  checkExpectations(manifest, expect);

  const resultsText = await readCapped(
    file(BUNDLE_FILES.results),
    BUNDLE_FILES.results,
    limits.resultsBytes,
    budget,
  );
  if (resultsText === null) {
    throw new InputError(
      `${BUNDLE_FILES.results}: is missing; expected the results JSON of the leg`,
    );
  }
  const parsed = parseResultFile(resultsText, BUNDLE_FILES.results, '');
  const result = renderableResult(parsed, BUNDLE_FILES.results);

  const comparisonText = await readCapped(
    file(BUNDLE_FILES.comparison),
    BUNDLE_FILES.comparison,
    limits.comparisonBytes,
    budget,
  );
  if (manifest.comparison !== (comparisonText !== null)) {
    throw new InputError(
      manifest.comparison
        ? `${BUNDLE_FILES.comparison}: is missing, but the manifest says the bundle has one`
        : `${BUNDLE_FILES.comparison}: is present, but the manifest says the bundle has none`,
    );
  }
  let comparison: Comparison | null = null;
  if (comparisonText !== null) {
    comparison = parseComparisonFile(comparisonText, BUNDLE_FILES.comparison, '');
    checkComparisonOf(
      comparison,
      result,
      (m) => new InputError(`${BUNDLE_FILES.comparison}: ${m}`),
      `the run of ${BUNDLE_FILES.results}`,
    );
  }
  return { name, manifest, result, comparison };
}

function checkExpectations(m: BundleManifest, expect: BundleExpectations): void {
  const fail = (what: string) => new InputError(`${BUNDLE_FILES.manifest}: ${what}`);
  if (
    expect.repository !== undefined &&
    m.repository.toLowerCase() !== expect.repository.toLowerCase()
  ) {
    throw fail(`is from the repository ${m.repository}; expected ${expect.repository}`);
  }
  if (expect.runId !== undefined && m.runId !== expect.runId) {
    throw fail(`is from run ${m.runId}; expected the triggering run ${expect.runId}`);
  }
  if (expect.headSha !== undefined && m.headSha !== expect.headSha) {
    throw fail(
      `measured ${m.headSha === null ? 'no pull request head' : `commit ${m.headSha}`}; expected the triggering run's head ${expect.headSha}`,
    );
  }
}

/**
 * The text of `file`, or null when it does not exist. A link, anything but a regular file, a
 * file over `max` bytes or over what is left of `budget`, or text that is not UTF-8 is refused.
 */
async function readCapped(
  file: string,
  name: string,
  max: number,
  budget: Budget,
): Promise<string | null> {
  const fail = (what: string) => new InputError(`${name}: ${what}`);
  const fsFail = (e: unknown) =>
    fail(`cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  let info;
  try {
    info = await lstat(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw fsFail(e);
  }
  if (info.isSymbolicLink())
    throw fail('is a symbolic link; links in report bundles are not followed');
  if (!info.isFile()) throw fail('is not a regular file');
  if (info.size > max) throw fail(`is ${info.size} bytes; expected at most ${max}`);
  if (info.size > budget.left) {
    throw fail(`would pass the limit of ${budget.total} bytes read from all bundles together`);
  }
  let handle;
  try {
    // O_NOFOLLOW: if the file became a link since lstat, opening it fails (not on Windows).
    handle = await open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch (e) {
    throw (e as NodeJS.ErrnoException).code === 'ELOOP'
      ? fail('is a symbolic link; links in report bundles are not followed')
      : fsFail(e);
  }
  try {
    const opened = await handle.stat();
    if (!opened.isFile() || opened.ino !== info.ino || opened.dev !== info.dev) {
      throw fail('changed while it was read');
    }
    const buffer = Buffer.alloc(Math.min(opened.size, max) + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > max) throw fail(`grew past ${max} bytes while it was read`);
    budget.left -= bytesRead;
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, bytesRead));
    } catch {
      throw fail('is not UTF-8 text; expected JSON');
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw fsFail(e);
  } finally {
    await handle.close();
  }
}

/** Two bundles with one sticky key are the same leg twice: say so (both are shown). */
function duplicateLegs(legs: readonly Leg[]): string[] {
  const byKey = new Map<string, string[]>();
  for (const leg of legs) {
    byKey.set(leg.manifest.stickyKey, [...(byKey.get(leg.manifest.stickyKey) ?? []), leg.name]);
  }
  return [...byKey.entries()]
    .filter(([, names]) => names.length > 1)
    .map(
      ([key, names]) =>
        `the bundles ${names.join(', ')} are the same leg (${key}); give each leg its own comment-key (e.g. \${{ toJSON(matrix) }})`,
    );
}
