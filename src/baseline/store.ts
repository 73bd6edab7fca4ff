/**
 * Where baselines live. The action picks a store from its `baseline` input (`cache`, `branch`,
 * `file:PATH` or `none`); the core only sees this interface, so tests use a real temp directory,
 * a real local git repository or a local stand-in for the cache service.
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
   * Save what `merge` makes of the stored history. A file is re-read under a lock first, and a
   * branch re-fetched on each try of its push, so two concurrent writers both land; the cache's
   * entries are immutable, so it merges into what load() found (concurrent saves there keep only
   * the newer: use a `concurrency` group).
   */
  save(merge: MergeIntoStored): Promise<SaveInfo>;
  /** One line for logs and reports, e.g. "file:bench/baseline.json". */
  describe(): string;
  /** Why load() found nothing, in words: where it looked and the likely causes. */
  missReason(): string;
}

/** The `history-branch` input's default. */
export const DEFAULT_HISTORY_BRANCH = 'threadgate-data';

export type BaselineSpec =
  | { readonly kind: 'cache' }
  /** On the orphan branch `branch` of the repository (input `history-branch`). */
  | { readonly kind: 'branch'; readonly branch: string }
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'none' };

const EXPECTED_SPEC =
  '"cache", "branch", "file:PATH" (e.g. file:.threadgate/baseline.json) or "none"';

/**
 * Parse the `baseline` input; `historyBranch` is the branch `branch` names (the `history-branch`
 * input, checked by parseHistoryBranch). Throws InputError naming the input and the expected forms.
 */
export function parseBaselineSpec(
  value: string,
  input = 'baseline',
  historyBranch = DEFAULT_HISTORY_BRANCH,
): BaselineSpec {
  const v = value.trim();
  if (v === 'cache' || v === '') return { kind: 'cache' };
  if (v === 'branch') return { kind: 'branch', branch: historyBranch };
  if (v === 'none') return { kind: 'none' };
  if (v.startsWith('file:')) {
    const path = v.slice('file:'.length).trim();
    if (path === '')
      throw invalid(input, value, `${EXPECTED_SPEC}; the path after "file:" is empty`);
    return { kind: 'file', path };
  }
  throw invalid(input, value, EXPECTED_SPEC);
}

/**
 * The `history-branch` input: a branch name git accepts (`git check-ref-format --branch`, checked
 * here without git), short and printable. Throws InputError naming the input.
 */
export function parseHistoryBranch(value: string, input = 'history-branch'): string {
  const v = value.trim() || DEFAULT_HISTORY_BRANCH;
  const ok =
    v.length <= 200 &&
    /^[A-Za-z0-9._/-]+$/.test(v) &&
    !v.startsWith('-') &&
    !v.split('/').some((part) => part === '' || part.startsWith('.') || part.endsWith('.lock')) &&
    !v.includes('..') &&
    !v.endsWith('.') &&
    v !== 'HEAD';
  if (!ok) {
    throw invalid(
      input,
      value,
      `a git branch name of at most 200 characters (A–Z a–z 0–9 . _ / -), e.g. "${DEFAULT_HISTORY_BRANCH}"`,
    );
  }
  return v;
}
