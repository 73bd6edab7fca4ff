/**
 * Finding and reading the report bundles under one folder, as actions/download-artifact lays
 * them out (the folder itself is a bundle when one artifact was downloaded by name; else one
 * sub-folder per artifact).
 *
 * Every bundle is untrusted: on a `workflow_run` the fork's code wrote it. So the search is
 * bounded (depth, entries, bundles, bytes), nothing is followed that is a symbolic link (lstat,
 * then open with O_NOFOLLOW and check it is the same file), only the three file names of
 * BUNDLE_FILES are read and no path from a bundle is used, each file is capped, and its contents
 * are validated through the contract (src/contract: manifest, results, comparison, and that the
 * comparison is of those results). A bundle that fails any check is
 * rejected with the reason and the others are still read.
 */

import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  checkComparisonOf,
  parseComparisonFile,
  parseManifest,
  parseResultFile,
} from '../contract/documents.js';
import { LIMITS } from '../contract/limits.js';
import type { BundleManifest } from '../contract/schema.js';
import { readBoundedTextIfExists } from '../io/bounded-read.js';
import type { Comparison } from '../analysis/compare.js';
import { InputError } from '../errors.js';
import type { Result } from '../results/types.js';
import { BUNDLE_FILES } from './manifest.js';

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
  manifestBytes: LIMITS.manifestBytes,
  resultsBytes: LIMITS.fileBytes,
  comparisonBytes: LIMITS.comparisonBytes,
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
  const manifest = parseManifest(manifestText, BUNDLE_FILES.manifest);
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
  const result = parseResultFile(resultsText, BUNDLE_FILES.results, '');

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
  const text = await readBoundedTextIfExists(file, {
    input: name,
    shownAs: name,
    maxBytes: max,
    expected: 'a JSON file',
    followLinks: false,
    fail: (m) => new InputError(m),
  });
  if (text === null) return null;
  const bytes = Buffer.byteLength(text);
  if (bytes > budget.left) {
    throw new InputError(
      `${name}: would pass the limit of ${budget.total} bytes read from all bundles together`,
    );
  }
  budget.left -= bytes;
  return text;
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
