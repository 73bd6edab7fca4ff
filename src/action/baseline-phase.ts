/**
 * The stored baseline in the action's life: which store, loading it, and saving this run into it
 * — without ever losing or resetting the history silently. Every outcome becomes a line for the
 * summary and the comment: how many runs the history had and has, and why it was reset when it
 * was (nothing stored, an unreadable entry, another kind of machine).
 */
import path from 'node:path';
import type { ActionSettings } from './inputs.js';
import { baselineScope, CacheBaselineStore, type KeySource } from '../baseline/cache-store.js';
import { BranchBaselineStore } from '../baseline/branch-store.js';
import { renderHistoryPage } from '../report/history-page.js';
import { FileBaselineStore } from '../baseline/file-store.js';
import { mergeRun, type BaselineDocument } from '../baseline/history.js';
import {
  DEFAULT_HISTORY_BRANCH,
  type BaselineStore,
  type LoadedBaseline,
} from '../baseline/store.js';
import { fingerprintDifferences } from '../cpu/fingerprint.js';
import { BaselineError, describeError, invalid } from '../errors.js';
import type { Result } from '../results/types.js';
import { actionTempDir, isDefaultBranchRun, type RunnerContext } from './context.js';

export function chooseStore(
  settings: ActionSettings,
  ctx: RunnerContext,
  result: Result,
): BaselineStore | null {
  const scope = () =>
    baselineScope({
      workflow: ctx.workflow,
      job: ctx.job,
      commentKey: settings.commentKey,
      workloads: result.workloads.map((w) => w.id),
      baselineKey: settings.baselineKey,
    });
  switch (settings.baseline.kind) {
    case 'none':
      return null;
    case 'file':
      // The file is the pull request's to change: a committed link may not lead out of the checkout.
      return new FileBaselineStore(path.resolve(ctx.workspace, settings.baseline.path), {
        within: ctx.workspace,
      });
    case 'cache':
      return new CacheBaselineStore(
        {
          fingerprint: result.machine.fingerprint,
          scope: scope(),
          event: ctx.eventName,
          source: cacheKeySource(ctx),
          defaultBranch: ctx.defaultBranch,
          runId: ctx.runId,
          runAttempt: ctx.runAttempt,
        },
        { dir: path.join(actionTempDir(ctx), 'baseline-cache') },
      );
    case 'branch': {
      const { branch } = settings.baseline;
      // A save pushes data commits (and, past the bound, a force-push) to this branch.
      if (branch === ctx.defaultBranch || branch === ctx.branch) {
        throw invalid(
          'history-branch',
          branch,
          `a branch of its own for the history, not the ${branch === ctx.defaultBranch ? 'default branch' : 'branch this run builds'} (e.g. "${DEFAULT_HISTORY_BRANCH}")`,
        );
      }
      return new BranchBaselineStore({
        workspace: ctx.workspace,
        branch,
        fingerprint: result.machine.fingerprint,
        scope: scope(),
        tempDir: actionTempDir(ctx),
        // The branch's page: every history on it drawn as charts (GitHub Pages can serve it).
        pageFiles: (docs) => ({
          'index.html': renderHistoryPage(docs, {
            repository: `${ctx.owner}/${ctx.repo}`,
            serverUrl: ctx.serverUrl,
          }),
        }),
      });
    }
    default: {
      const never: never = settings.baseline;
      return never;
    }
  }
}

/** Events whose payload is a pull request: their head branch is the pull request's author's. */
const PULL_REQUEST_EVENTS = [
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment',
];

/**
 * What the cache key says this run built (see KeySource in src/baseline/cache-store.ts): never a
 * branch name a fork chose. Pull request events save under the pull request; a workflow_run
 * started by a pull request or by a fork's run under that run; everything else under its ref.
 */
export function cacheKeySource(ctx: RunnerContext): KeySource {
  if (PULL_REQUEST_EVENTS.includes(ctx.eventName) || ctx.pullNumber !== null) {
    return { kind: 'pull-request', number: ctx.pullNumber };
  }
  const run = ctx.workflowRun;
  if (
    ctx.eventName === 'workflow_run' &&
    (run === null ||
      PULL_REQUEST_EVENTS.includes(run.event) ||
      run.headRepository !== `${ctx.owner}/${ctx.repo}`)
  ) {
    return { kind: 'run', id: run?.id ?? ctx.runId };
  }
  return { kind: 'ref', name: ctx.branch };
}

export interface StoredHistory {
  readonly store: BaselineStore;
  /** The usable baseline, or null. */
  readonly baseline: LoadedBaseline | null;
  /** Why there is no usable baseline, in words (null when there is one). */
  readonly missing: string | null;
  /**
   * A failure that is the user's to fix and fails the step as an error after the report: an
   * unreadable `file:` baseline outside the default branch. Null otherwise.
   */
  readonly error: BaselineError | null;
}

/**
 * Load the stored history. An unreadable entry never wedges the pipeline: on the default branch
 * (which will replace it) and for the cache (which the user cannot edit) it is a warning and no
 * baseline; only a user's own `file:` baseline on other runs fails, as an error naming it.
 */
export async function loadHistory(
  store: BaselineStore,
  ctx: RunnerContext,
  warnings: string[],
): Promise<StoredHistory> {
  try {
    const baseline = await store.load();
    return { store, baseline, missing: baseline ? null : store.missReason(), error: null };
  } catch (e) {
    const why = describeError(e);
    const userFile = store instanceof FileBaselineStore && !isDefaultBranchRun(ctx);
    if (e instanceof BaselineError && userFile) {
      return { store, baseline: null, missing: why, error: e };
    }
    warnings.push(
      `The stored baseline could not be read (${why}): ` +
        (isDefaultBranchRun(ctx)
          ? 'this run starts a fresh history.'
          : 'compared with nothing; the next run on the default branch replaces it.'),
    );
    return {
      store,
      baseline: null,
      missing: `the stored history could not be read (${why})`,
      error: null,
    };
  }
}

/** Merge this run into the history and save it; a failed save is a warning, never a failure. */
export async function saveHistory(
  history: StoredHistory,
  result: Result,
  ctx: RunnerContext,
  warnings: string[],
): Promise<string | null> {
  let line: string | null = null;
  const merge = (stored: BaselineDocument | null): BaselineDocument => {
    const merged = mergeRun(stored, result, { ref: ctx.ref, sha: ctx.sha }).baseline;
    line = historyLine(stored, merged, history.missing, result);
    return merged;
  };
  try {
    const info = await history.store.save(merge);
    const done = line as string | null;
    if (info.saved && done !== null) return `${done}; saved as ${info.location}`;
    warnings.push(
      `The baseline was not saved to ${info.location}: ${info.detail ?? 'unknown reason'}`,
    );
  } catch (e) {
    warnings.push(
      `Could not save the baseline to ${history.store.describe()}: ${describeError(e)}`,
    );
  }
  return null;
}

/**
 * The history's line for the summary and the comment, after `result` was merged into `stored`
 * (giving `merged`): "history: 7 → 8 runs", or "history reset: N → 1 run (why)".
 */
export function historyLine(
  stored: BaselineDocument | null,
  merged: BaselineDocument,
  missing: string | null,
  result: Result,
): string {
  const runs = (n: number) => `${n} run${n === 1 ? '' : 's'}`;
  if (stored === null) return `history reset: 0 → 1 run (${missing ?? 'nothing stored'})`;
  if (stored.fingerprint !== result.machine.fingerprint) {
    const diff = fingerprintDifferences(stored.machine, result.machine)
      .map((d) => `${d.field} ${JSON.stringify(d.a)} → ${JSON.stringify(d.b)}`)
      .join(', ');
    return (
      `history reset: ${runs(stored.runs.length)} → 1 run (this is another kind of machine` +
      `${diff ? `: ${diff}` : ''}; a history holds one kind)`
    );
  }
  const after = merged.runs.length;
  const dropped = stored.runs.length + 1 - after;
  return (
    `history: ${stored.runs.length} → ${runs(after)}` +
    (dropped > 0 ? ` (the oldest ${runs(dropped)} dropped)` : '')
  );
}
