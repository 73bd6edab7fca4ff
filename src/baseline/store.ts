/**
 * Where baselines live. The action picks a store from its `baseline` input (`cache`, `file:PATH`
 * or `none`); the core only sees this interface, so tests use a real temp directory or a local
 * stand-in for the cache service.
 */

import { invalid } from '../errors.js';
import type { BaselineDocument } from './history.js';

/** A baseline as loaded, with where it came from. */
export interface LoadedBaseline {
  readonly document: BaselineDocument;
  /** Human description of the origin, e.g. "file baseline.json" or "cache key threadgate-v1-…". */
  readonly source: string;
  /** Things the reader should know, e.g. "a plain results file: a history of one run". */
  readonly notes: readonly string[];
}

export interface SaveInfo {
  readonly saved: boolean;
  /** Where it went: a path or a cache key. */
  readonly location: string;
  /** Why it was not saved, or extra detail. */
  readonly detail?: string;
}

/**
 * Makes the document to save from the stored one as it is at saving time (null: none, or
 * unreadable — the history then starts afresh).
 */
export type MergeIntoStored = (stored: BaselineDocument | null) => BaselineDocument;

export interface BaselineStore {
  /** The stored baseline, or null when there is none yet. Throws BaselineError when unusable. */
  load(): Promise<LoadedBaseline | null>;
  /**
   * Save what `merge` makes of the stored history. A file is re-read under a lock first, so two
   * concurrent writers both land; the cache's entries are immutable, so it merges into what
   * load() found (concurrent saves there keep only the newer: use a `concurrency` group).
   */
  save(merge: MergeIntoStored): Promise<SaveInfo>;
  /** One line for logs and reports, e.g. "file:bench/baseline.json". */
  describe(): string;
  /** Why load() found nothing, in words: where it looked and the likely causes. */
  missReason(): string;
}

export type BaselineSpec =
  | { readonly kind: 'cache' }
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'none' };

const EXPECTED_SPEC = '"cache", "file:PATH" (e.g. file:.threadgate/baseline.json) or "none"';

/** Parse the `baseline` input. Throws InputError naming the input and the expected forms. */
export function parseBaselineSpec(value: string, input = 'baseline'): BaselineSpec {
  const v = value.trim();
  if (v === 'cache' || v === '') return { kind: 'cache' };
  if (v === 'none') return { kind: 'none' };
  if (v.startsWith('file:')) {
    const path = v.slice('file:'.length).trim();
    if (path === '')
      throw invalid(input, value, `${EXPECTED_SPEC}; the path after "file:" is empty`);
    return { kind: 'file', path };
  }
  throw invalid(input, value, EXPECTED_SPEC);
}
