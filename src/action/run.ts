/**
 * What the action does, as one pipeline: inputs → provision onnxruntime-node → sweep → results
 * file → baseline → gate → report → sinks (summary, comment, outputs, env, baseline store).
 *
 * Failures of reporting are not failures of the gate: commenting or caching problems become
 * warnings, and the results file and job summary are written before anything can fail.
 */
import * as core from '@actions/core';
import { compareResults, type Comparison } from '../analysis/compare.js';
import { toComparisonJson } from '../analysis/comparison-json.js';
import { mergeRun } from '../baseline/history.js';
import { CacheBaselineStore } from '../baseline/cache-store.js';
import { FileBaselineStore } from '../baseline/file-store.js';
import type { BaselineStore, LoadedBaseline } from '../baseline/store.js';
import { probeCpu } from '../cpu/index.js';
import { BaselineError, describeError } from '../errors.js';
import { createGitHubClient } from '../github/client.js';
import {
  classifyGitHubError,
  commentMarker,
  stickyKey,
  upsertStickyComment,
} from '../github/comment.js';
import { truncateBody } from '../github/markdown.js';
import { runSweep, type SweepRun } from '../pipeline/sweep-run.js';
import { baseVersionAt } from './compare-ref.js';
import { confirmRegression } from '../pipeline/confirm.js';
import { provisionOrt } from '../provision/index.js';
import { formatNs, formatSignedPercent } from '../report/format.js';
import { renderMarkdown } from '../report/markdown.js';
import { writeJsonAtomic } from '../results/io.js';
import type { Result } from '../results/types.js';
import { loadOrt } from '../workloads/ort.js';
import {
  defaultResultsPath,
  isPullRequest,
  isPushToDefaultBranch,
  readRunnerContext,
  runUrl,
  type RunnerContext,
} from './context.js';
import { readActionSettings, type ActionSettings } from './inputs.js';

/** GitHub's limit for one step's summary is 1 MiB. */
const SUMMARY_LIMIT = 1024 * 1024 - 1024;

export async function runAction(): Promise<void> {
  // One log line per phase with its seconds (bench/cost.ts reads them).
  let phaseStart = performance.now();
  const endPhase = (name: string) => {
    const now = performance.now();
    core.info(`threadgate phase ${name}: ${((now - phaseStart) / 1000).toFixed(2)} s`);
    phaseStart = now;
  };
  const ctx = readRunnerContext();
  const cpu = probeCpu();
  const settings = readActionSettings((name) => core.getInput(name), cpu);

  const ort = await core.group('Provisioning onnxruntime-node', async () => {
    const p = await provisionOrt({
      log: (line: string) => core.info(line),
      warn: (line: string) => core.warning(line),
      tempDir: ctx.tempDir,
      useActionsCache: true,
      ...(ctx.toolCacheDir ? { toolCacheDir: ctx.toolCacheDir } : {}),
    });
    core.info(`onnxruntime-node from ${p.source} in ${p.seconds.toFixed(1)} s`);
    return loadOrt(p.packageDir);
  });
  endPhase('provision');

  const base = settings.compareRef
    ? await baseVersionAt(settings.compareRef, settings.sweep.workload, ctx.workspace, ctx.tempDir)
    : null;
  const warnings: string[] = [];
  let run: SweepRun;
  try {
    run = await core.group('Sweeping thread counts', () =>
      runSweep(base ? { ...settings.sweep, baselineWorkload: base.spec } : settings.sweep, {
        ort,
        ...(settings.threshold !== null ? { threshold: settings.threshold } : {}),
        ...(base ? { baseDescription: base.description } : {}),
        onProgress: (p) => {
          if (p.phase !== 'measure' || p.round % 10 === 0)
            core.info(
              `${p.phase} · round ${p.round} · ${p.cellsDone}/${p.cellsTotal} cells at target · ${p.elapsedSec.toFixed(0)}/${p.budgetSec} s`,
            );
        },
      }),
    );
  } finally {
    await base?.cleanup();
  }
  endPhase('sweep');
  const { result } = run;
  if (run.plan?.note) core.info(run.plan.note);
  warnings.push(...run.warnings);
  const resultsPath = defaultResultsPath(ctx);
  await writeJsonAtomic(resultsPath, result);
  core.setOutput('results-path', resultsPath);
  core.setOutput('recommended-threads', String(result.recommendation.ompNumThreads));
  core.info(`Results written to ${resultsPath}`);

  // A same-job comparison is the baseline when compare-ref is set; otherwise the store's.
  const store = chooseStore(settings, ctx, result.machine.fingerprint);
  const { baseline, error: baselineError } = base
    ? { baseline: null, error: null }
    : await loadBaseline(store, warnings);
  const compareOptions = settings.threshold !== null ? { threshold: settings.threshold } : {};
  let comparison =
    run.comparison ?? (store === null ? null : compareResults(baseline, result, compareOptions));
  if (comparison?.kind === 'regression' && baseline !== null && !run.comparison) {
    core.info('Suspected regression: measuring the flagged cells once more to confirm it');
    const confirmation = await confirmRegression(
      settings.sweep,
      comparison,
      baseline,
      compareOptions,
      { ort },
    );
    core.info(confirmation.note);
    comparison = confirmation.comparison;
  }
  if (comparison) {
    await writeJsonAtomic(
      resultsPath.replace(/\.json$/, '.comparison.json'),
      toComparisonJson(comparison),
    );
  }
  endPhase('compare');
  const verdict = comparison?.kind ?? 'no-baseline';
  core.setOutput('verdict', verdict);
  core.setOutput(
    'max-slowdown',
    comparison && comparison.kind !== 'no-baseline'
      ? (comparison.maxSlowdown * 100).toFixed(2)
      : '',
  );

  if (settings.exportEnv) {
    core.exportVariable('OMP_NUM_THREADS', String(result.recommendation.ompNumThreads));
    core.exportVariable(
      'ORT_INTRA_OP_NUM_THREADS',
      String(result.recommendation.ortIntraOpNumThreads),
    );
  }

  if (shouldSaveBaseline(settings, ctx) && store !== null && baselineError === null) {
    await saveBaseline(store, baseline, result, ctx, warnings);
  }

  const markdown = (extra: readonly string[]) =>
    renderMarkdown(result, comparison, {
      ...(ctx.job ? { title: ctx.job } : {}),
      baselineKind: base ? 'same-job' : 'stored',
      resultsPath,
      runUrl: runUrl(ctx),
      warnings: [...warnings, ...extra],
    });

  const commentWarnings = await postComment(settings, ctx, result, comparison, markdown([]));
  for (const w of [...warnings, ...commentWarnings]) core.warning(w);
  // The summary is written on every event: it is the report that works on fork pull requests.
  await core.summary.addRaw(truncateBody(markdown(commentWarnings), SUMMARY_LIMIT)).write();
  endPhase('report');

  if (baselineError !== null) throw baselineError;
  if (
    comparison?.kind === 'regression' &&
    settings.failOnRegression &&
    !isPushToDefaultBranch(ctx)
  ) {
    core.setFailed(regressionMessage(comparison));
  } else if (comparison?.kind === 'regression') {
    core.warning(
      regressionMessage(comparison) +
        ' (not failing: ' +
        (settings.failOnRegression
          ? 'a push to the default branch records the baseline'
          : 'fail-on-regression is false') +
        ')',
    );
  }
}

export function regressionMessage(c: Extract<Comparison, { kind: 'regression' }>): string {
  const parts = c.regressions.map(
    (r) =>
      `${r.workload} at ${r.threads} thread${r.threads === 1 ? '' : 's'} is ${formatSignedPercent(r.ratio - 1)} slower ` +
      `(${formatNs(r.baselineMedianNs)} → ${formatNs(r.currentMedianNs)}` +
      (r.ci95
        ? `, 95 % CI ${formatSignedPercent(r.ci95[0] - 1)} … ${formatSignedPercent(r.ci95[1] - 1)}`
        : '') +
      ')',
  );
  return `threadgate: latency regression: ${parts.join('; ')}`;
}

function chooseStore(
  settings: ActionSettings,
  ctx: RunnerContext,
  fingerprint: string,
): BaselineStore | null {
  switch (settings.baseline.kind) {
    case 'none':
      return null;
    case 'file':
      return new FileBaselineStore(settings.baseline.path);
    case 'cache':
      return new CacheBaselineStore(
        {
          fingerprint,
          event: ctx.eventName,
          branch: ctx.branch,
          defaultBranch: ctx.defaultBranch,
          runId: ctx.runId,
          runAttempt: ctx.runAttempt,
        },
        { workspace: ctx.workspace },
      );
    default: {
      const never: never = settings.baseline;
      return never;
    }
  }
}

async function loadBaseline(
  store: BaselineStore | null,
  warnings: string[],
): Promise<{ baseline: LoadedBaseline | null; error: BaselineError | null }> {
  if (store === null) return { baseline: null, error: null };
  try {
    return { baseline: await store.load(), error: null };
  } catch (e) {
    if (e instanceof BaselineError) return { baseline: null, error: e };
    warnings.push(
      `Could not load the baseline from ${store.describe()}: ${describeError(e)}. Compared with nothing.`,
    );
    return { baseline: null, error: null };
  }
}

function shouldSaveBaseline(settings: ActionSettings, ctx: RunnerContext): boolean {
  switch (settings.saveBaseline) {
    case 'true':
      return true;
    case 'false':
      return false;
    case 'auto':
      return isPushToDefaultBranch(ctx);
    default: {
      const never: never = settings.saveBaseline;
      return never;
    }
  }
}

async function saveBaseline(
  store: BaselineStore,
  previous: LoadedBaseline | null,
  result: Result,
  ctx: RunnerContext,
  warnings: string[],
): Promise<void> {
  try {
    const merged = mergeRun(previous?.document ?? null, result, { ref: ctx.ref, sha: ctx.sha });
    const info = await store.save(merged.baseline);
    for (const n of merged.notes) core.info(n);
    if (info.saved)
      core.info(
        `Baseline saved to ${info.location} (${merged.baseline.runs.length} runs of history)`,
      );
    else
      warnings.push(
        `The baseline was not saved to ${info.location}: ${info.detail ?? 'unknown reason'}`,
      );
  } catch (e) {
    warnings.push(`Could not save the baseline to ${store.describe()}: ${describeError(e)}`);
  }
}

async function postComment(
  settings: ActionSettings,
  ctx: RunnerContext,
  result: Result,
  comparison: Comparison | null,
  body: string,
): Promise<string[]> {
  if (!isPullRequest(ctx) || ctx.pullNumber === null) return [];
  if (settings.comment === 'never') return [];
  if (settings.comment === 'on-regression' && comparison?.kind !== 'regression') return [];
  if (!settings.githubToken) {
    return [
      'threadgate could not comment: the github-token input is empty. The job summary has the full report.',
    ];
  }
  const key = stickyKey({
    workflow: ctx.workflow,
    job: ctx.job,
    matrix:
      settings.commentKey !== ''
        ? settings.commentKey
        : {
            runner: `${result.machine.os}-${result.machine.arch}`,
            workloads: result.workloads.map((w) => w.id).join(' '),
          },
  });
  try {
    const client = createGitHubClient(settings.githubToken, { baseUrl: ctx.apiUrl });
    const posted = await upsertStickyComment(client, {
      owner: ctx.owner,
      repo: ctx.repo,
      issueNumber: ctx.pullNumber,
      marker: commentMarker(key),
      body,
    });
    core.setOutput('comment-url', posted.url);
    core.info(`Comment ${posted.action}: ${posted.url}`);
    return [];
  } catch (e) {
    const info = classifyGitHubError(e);
    return [`${info.message}. ${info.hint}`];
  }
}
