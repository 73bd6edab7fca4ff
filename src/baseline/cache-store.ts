/**
 * `baseline: cache` — the baseline history kept in the GitHub Actions cache.
 *
 * Key scheme: `threadgate-v1-<fingerprint>-<branch>-<runId>-<attempt>`. Cache entries are
 * immutable (a key can be written once), so every saving run gets its own key, and readers find
 * the newest entry by prefix: `restoreCache` picks the most recently created entry whose key
 * starts with a restore key. `v1` is the key format's version: bump it if the stored document
 * changes incompatibly. The fingerprint keeps machines of different kinds apart.
 *
 * Restore order (restoreKeysFor):
 * - pull requests: only `threadgate-v1-<fp>-<defaultBranch>-`. The baseline must be what the
 *   default branch measured; the PR's own earlier runs would compare the change with itself.
 * - pushes to the default branch: the same prefix, so the newest default-branch history is
 *   merged with this run and saved under a new key.
 * - other events (pushes to other branches, schedule, dispatch): that branch's own prefix first
 *   (a branch that saves its own baselines), then the default branch's.
 * Branch names are sanitized so that a branch's segment never contains `-`: the prefix for "main"
 * can then never match a key of "main-old" (see sanitizeKeyPart).
 *
 * The adapter over `@actions/cache` is thin and imports it lazily, so the CLI never loads it.
 */

import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { BaselineError } from '../errors.js';
import { writeBaselineFile } from './atomic-write.js';
import type { BaselineDocument } from './history.js';
import { parseBaselineFile, readTextIfExists } from './parse.js';
import type { BaselineStore, LoadedBaseline, SaveInfo } from './store.js';

export const CACHE_KEY_VERSION = 'threadgate-v1';

/**
 * The cached path, relative to the workspace (GITHUB_WORKSPACE, else the working directory), as
 * @actions/cache resolves it. It must be the same string in every run: the cache entry's version
 * is a hash of the paths list.
 */
export const CACHE_PATH = '.threadgate/baseline-cache/baseline.json';

export interface CacheRunContext {
  readonly fingerprint: string;
  /** GITHUB_EVENT_NAME, e.g. "pull_request", "push". */
  readonly event: string;
  /** The branch of this run: GITHUB_HEAD_REF for pull requests, else GITHUB_REF_NAME. */
  readonly branch: string;
  /** The repository's default branch, e.g. "main". */
  readonly defaultBranch: string;
  /** GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT. */
  readonly runId: string;
  readonly runAttempt: string;
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

/** The prefix shared by every entry of one branch on one kind of machine (ends with `-`). */
export function cacheKeyPrefix(fingerprint: string, branch: string): string {
  return `${CACHE_KEY_VERSION}-${sanitizeKeyPart(fingerprint)}-${sanitizeKeyPart(branch)}-`;
}

/** The unique key this run saves under. */
export function cacheKeyFor(ctx: CacheRunContext): string {
  const run = sanitizeKeyPart(ctx.runId);
  const attempt = sanitizeKeyPart(ctx.runAttempt);
  return `${cacheKeyPrefix(ctx.fingerprint, ctx.branch)}${run}-${attempt}`;
}

/** The prefixes to restore from, best first (see the top of this file for the reasons). */
export function restoreKeysFor(ctx: CacheRunContext): string[] {
  const fromDefault = cacheKeyPrefix(ctx.fingerprint, ctx.defaultBranch);
  const isPullRequest = ctx.event === 'pull_request' || ctx.event === 'pull_request_target';
  if (isPullRequest || ctx.branch === ctx.defaultBranch) return [fromDefault];
  return [cacheKeyPrefix(ctx.fingerprint, ctx.branch), fromDefault];
}

/** The two calls of @actions/cache we use (its module satisfies this). */
export interface CacheClient {
  restoreCache(
    paths: string[],
    primaryKey: string,
    restoreKeys?: string[],
  ): Promise<string | undefined>;
  saveCache(paths: string[], key: string): Promise<number>;
}

export interface CacheStoreOptions {
  /** Defaults to @actions/cache, imported on first use. */
  readonly client?: CacheClient;
  /** Directory CACHE_PATH is relative to; defaults to GITHUB_WORKSPACE or the working dir. */
  readonly workspace?: string;
}

async function loadActionsCache(): Promise<CacheClient> {
  return await import('@actions/cache');
}

export class CacheBaselineStore implements BaselineStore {
  private readonly file: string;

  constructor(
    private readonly ctx: CacheRunContext,
    private readonly opts: CacheStoreOptions = {},
  ) {
    const workspace = opts.workspace ?? process.env['GITHUB_WORKSPACE'] ?? process.cwd();
    this.file = resolve(workspace, CACHE_PATH);
  }

  async load(): Promise<LoadedBaseline | null> {
    const client = await this.client();
    const keys = restoreKeysFor(this.ctx);
    const hit = await client.restoreCache([CACHE_PATH], cacheKeyFor(this.ctx), keys);
    if (hit === undefined) return null;
    const fail = (m: string): BaselineError =>
      new BaselineError(`baseline from cache key ${hit}: ${m}`);
    const text = await readTextIfExists(this.file, fail);
    if (text === null) throw fail(`the restored entry has no ${CACHE_PATH}`);
    const parsed = parseBaselineFile(text, `${CACHE_PATH} (cache key ${hit})`);
    return { document: parsed.document, source: `cache key ${hit}`, notes: [] };
  }

  async save(baseline: BaselineDocument): Promise<SaveInfo> {
    const key = cacheKeyFor(this.ctx);
    await writeBaselineFile(this.file, baseline);
    const client = await this.client();
    const id = await client.saveCache([CACHE_PATH], key);
    if (id === -1) {
      return {
        saved: false,
        location: key,
        detail: 'the cache service did not store it (see the log above)',
      };
    }
    return { saved: true, location: key };
  }

  describe(): string {
    return `cache (${restoreKeysFor(this.ctx).join(', ')}*)`;
  }

  private async client(): Promise<CacheClient> {
    return this.opts.client ?? (await loadActionsCache());
  }
}
