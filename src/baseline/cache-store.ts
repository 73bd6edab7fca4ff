/**
 * `baseline: cache` — the baseline history kept in the GitHub Actions cache.
 *
 * Key scheme: `threadgate-v2-<fingerprint>-<scope>-<branch>-<runId>-<attempt>`. Cache entries are
 * immutable (a key can be written once), so every saving run gets its own key, and readers find
 * the newest entry by prefix: `restoreCache` picks the most recently created entry whose key
 * starts with a restore key. `v2` is the key format's version (v1 had no scope): bump it if the
 * stored document changes incompatibly. The fingerprint keeps machines of different kinds apart;
 * the scope keeps apart histories that share a machine kind — two jobs, two matrix legs, two steps
 * with other workloads — so that none of them reads or overwrites another's (see baselineScope).
 *
 * Restore order (restoreKeysFor):
 * - pull requests and merge queues: only `…-<scope>-<defaultBranch>-`. The baseline must be what
 *   the default branch measured; the PR's own earlier runs would compare the change with itself.
 * - runs on the default branch: the same prefix, so the newest default-branch history is merged
 *   with this run and saved under a new key.
 * - other events (pushes to other branches): that branch's own prefix first (a branch that saves
 *   its own baselines), then the default branch's.
 * Branch names are sanitized so that a branch's segment never contains `-`: the prefix for "main"
 * can then never match a key of "main-old" (see sanitizeKeyPart).
 *
 * The branch part names the ref being built, never a name a fork chose (see KeySource): a run for
 * a pull request saves (`save-baseline: true`) under `.pr.<number>`, a workflow_run triggered by
 * a pull request or from a fork under `.run.<id>`. A ref's segment never begins with `.` (git
 * forbids it, and refSegment makes sure), so no branch's prefix — the default branch's least of
 * all — can match those keys. This matters on `pull_request_target`, which runs with the default
 * branch's cache scope: keyed by GITHUB_HEAD_REF, a fork's branch named `main` saved an entry the
 * next push to main restored.
 *
 * The cached file lives under RUNNER_TEMP, never in the user's checkout, and is removed once read
 * or saved. The adapter over `@actions/cache` is thin and imports it lazily, so the CLI never
 * loads it.
 */

import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { BaselineError } from '../errors.js';
import { writeBaselineFile } from './atomic-write.js';
import type { BaselineDocument } from './history.js';
import { readBaselineIfExists } from '../contract/documents.js';
import type { BaselineStore, LoadedBaseline, MergeIntoStored, SaveInfo } from './store.js';

export const CACHE_KEY_VERSION = 'threadgate-v2';

/** The cached file's name inside the store's directory. */
export const CACHE_FILE = 'baseline.json';

export interface CacheRunContext {
  readonly fingerprint: string;
  /** Which history this is (baselineScope): job, matrix leg and workloads, or the user's key. */
  readonly scope: string;
  /** GITHUB_EVENT_NAME, e.g. "pull_request", "push". */
  readonly event: string;
  /** What this run builds: the key's branch part (keySegment). */
  readonly source: KeySource;
  /** The repository's default branch, e.g. "main". */
  readonly defaultBranch: string;
  /** GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT. */
  readonly runId: string;
  readonly runAttempt: string;
}

/**
 * What a run builds, as its key names it: a ref of the repository (GITHUB_REF_NAME on pushes,
 * schedules, manual runs); a pull request (on every pull request event: its head branch is a name
 * the pull request's author chose, and on `pull_request_target` the ref is the base branch
 * itself); or a run started for a pull request or a fork's push (`workflow_run` runs on the
 * default branch's ref whatever it measures).
 */
export type KeySource =
  | { readonly kind: 'ref'; readonly name: string }
  | { readonly kind: 'pull-request'; readonly number: number | null }
  | { readonly kind: 'run'; readonly id: string };

/** The key's branch part for `source`; only a ref's segment can equal a branch's prefix. */
export function keySegment(source: KeySource): string {
  switch (source.kind) {
    case 'ref':
      return refSegment(source.name);
    case 'pull-request':
      return `.pr.${source.number ?? 'unknown'}`;
    case 'run':
      return `.run.${sanitizeKeyPart(source.id)}`;
    default: {
      const never: never = source;
      return never;
    }
  }
}

/** A ref's segment: sanitized, and never beginning with `.` (reserved for the other sources). */
function refSegment(name: string): string {
  const safe = sanitizeKeyPart(name);
  return safe.startsWith('.') ? `_${safe}` : safe;
}

export interface ScopeParts {
  readonly workflow: string;
  readonly job: string;
  /** The `comment-key` input (a matrix leg's identity), '' when not given. */
  readonly commentKey: string;
  /** The workloads' identities (order does not matter). */
  readonly workloads: readonly string[];
  /** The `baseline-key` input: when not '', it names the history instead of the parts above. */
  readonly baselineKey: string;
}

/**
 * The history's scope in a key: `k.<name>` for a user's `baseline-key`, else `j.<hash>` of the
 * workflow, the job, the comment-key and the sorted workload identities (12 hex digits: 48 bits,
 * so two scopes of one repository collide with a chance of about 1 in 10^14).
 */
export function baselineScope(parts: ScopeParts): string {
  if (parts.baselineKey !== '') return `k.${sanitizeKeyPart(parts.baselineKey)}`;
  const identity = JSON.stringify([
    parts.workflow,
    parts.job,
    parts.commentKey,
    [...parts.workloads].sort(),
  ]);
  return `j.${createHash('sha256').update(identity).digest('hex').slice(0, 12)}`;
}

const SAFE_KEY_PART = /^[A-Za-z0-9._/]+$/;
const MAX_KEY_PART = 100;

/**
 * Make a branch name or fingerprint safe for a cache key segment: only `A–Z a–z 0–9 . _ /` are
 * kept (no `-`, the segment separator; no `,`, which cache keys forbid). When anything had to
 * change, a short hash of the original is appended so distinct names stay distinct
 * ("feat-x" → "feat_x.h1a2b3c4d", never equal to the branch "feat_x").
 */
export function sanitizeKeyPart(name: string): string {
  if (SAFE_KEY_PART.test(name) && name.length <= MAX_KEY_PART) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  const safe = name.replace(/[^A-Za-z0-9._/]/g, '_').slice(0, MAX_KEY_PART);
  return `${safe}.h${hash}`;
}

/**
 * The prefix shared by every entry of one history from one source (ends with `-`); a string
 * `branch` is a ref's name.
 */
export function cacheKeyPrefix(
  fingerprint: string,
  scope: string,
  branch: string | KeySource,
): string {
  const source: KeySource = typeof branch === 'string' ? { kind: 'ref', name: branch } : branch;
  return `${CACHE_KEY_VERSION}-${sanitizeKeyPart(fingerprint)}-${sanitizeKeyPart(scope)}-${keySegment(source)}-`;
}

/** The unique key this run saves under. */
export function cacheKeyFor(ctx: CacheRunContext): string {
  const run = sanitizeKeyPart(ctx.runId);
  const attempt = sanitizeKeyPart(ctx.runAttempt);
  return `${cacheKeyPrefix(ctx.fingerprint, ctx.scope, ctx.source)}${run}-${attempt}`;
}

const PROPOSED_CHANGE_EVENTS = ['pull_request', 'pull_request_target', 'merge_group'];

/** The prefixes to restore from, best first (see the top of this file for the reasons). */
export function restoreKeysFor(ctx: CacheRunContext): string[] {
  const fromDefault = cacheKeyPrefix(ctx.fingerprint, ctx.scope, ctx.defaultBranch);
  if (
    PROPOSED_CHANGE_EVENTS.includes(ctx.event) ||
    ctx.source.kind !== 'ref' ||
    ctx.source.name === ctx.defaultBranch
  ) {
    return [fromDefault];
  }
  return [cacheKeyPrefix(ctx.fingerprint, ctx.scope, ctx.source), fromDefault];
}

/** The two calls of @actions/cache we use (its module satisfies this). */
export interface CacheClient {
  restoreCache(
    paths: string[],
    primaryKey: string,
    restoreKeys?: string[],
    options?: { segmentTimeoutInMs?: number },
  ): Promise<string | undefined>;
  saveCache(paths: string[], key: string): Promise<number>;
  /** False outside a GitHub runner (no cache service URL); absent: assumed available. */
  isFeatureAvailable?(): boolean;
}

const UNAVAILABLE =
  'the Actions cache service is not available here (ACTIONS_RESULTS_URL is not set: not a GitHub-hosted or configured runner)';

export interface CacheStoreOptions {
  /** Defaults to @actions/cache, imported on first use. */
  readonly client?: CacheClient;
  /**
   * Absolute directory of the cached file, outside the checkout (the action passes
   * `$RUNNER_TEMP/threadgate/baseline-cache`). It must be the same path in every run of the
   * history: the cache entry's version is a hash of the paths list.
   */
  readonly dir: string;
}

async function loadActionsCache(): Promise<CacheClient> {
  return await import('@actions/cache');
}

export class CacheBaselineStore implements BaselineStore {
  private readonly file: string;
  private unavailable = false;
  /** What load() found: the cache's entries are immutable, so a save merges into it. */
  private loaded: BaselineDocument | null = null;

  constructor(
    private readonly ctx: CacheRunContext,
    private readonly opts: CacheStoreOptions,
  ) {
    this.file = join(opts.dir, CACHE_FILE);
  }

  async load(): Promise<LoadedBaseline | null> {
    const client = await this.client();
    if (client.isFeatureAvailable?.() === false) {
      this.unavailable = true;
      return null;
    }
    const keys = restoreKeysFor(this.ctx);
    try {
      // A history is a few kB: a download that stalls gives up after 30 s, not the client's
      // default 10 minutes.
      const hit = await client.restoreCache([this.file], cacheKeyFor(this.ctx), keys, {
        segmentTimeoutInMs: 30_000,
      });
      if (hit === undefined) return null;
      const parsed = await readBaselineIfExists(this.file, `baseline from cache key ${hit}`);
      if (parsed === null) {
        throw new BaselineError(
          `baseline from cache key ${hit}: the restored entry has no ${CACHE_FILE}`,
        );
      }
      this.loaded = parsed.document;
      return { document: parsed.document, source: `cache key ${hit}`, notes: [] };
    } finally {
      await rm(this.file, { force: true });
    }
  }

  async save(merge: MergeIntoStored): Promise<SaveInfo> {
    const key = cacheKeyFor(this.ctx);
    const baseline = merge(this.loaded);
    try {
      const client = await this.client();
      if (client.isFeatureAvailable?.() === false) {
        return { saved: false, location: cacheKeyFor(this.ctx), detail: UNAVAILABLE };
      }
      await writeBaselineFile(this.file, baseline);
      const id = await client.saveCache([this.file], key);
      if (id === -1) {
        return {
          saved: false,
          location: key,
          detail: 'the cache service did not store it (see the log above)',
        };
      }
      return { saved: true, location: key };
    } finally {
      await rm(this.file, { force: true });
    }
  }

  describe(): string {
    return `cache (${restoreKeysFor(this.ctx).join(', ')}*)`;
  }

  missReason(): string {
    if (this.unavailable) return UNAVAILABLE;
    return (
      `the Actions cache has no entry under ${restoreKeysFor(this.ctx).join(' or ')}* that ` +
      'could be restored (never saved for this job and these workloads on the default branch; ' +
      'or evicted: the Actions cache drops entries not used for 7 days, and a nightly ' +
      '`schedule` run keeps them; or its download failed: see the log)'
    );
  }

  private async client(): Promise<CacheClient> {
    return this.opts.client ?? (await loadActionsCache());
  }
}
