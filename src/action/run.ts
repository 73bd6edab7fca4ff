/**
 * What the action does, as one pipeline: inputs → provision onnxruntime-node → the same-job base
 * (if any) → sweep → results file → stored baseline → gate (re-measuring a suspected stored-baseline
 * regression or unclear cells once) → save the history → report bundle → report → sinks (summary, comment, outputs,
 * env). `mode: report` measures nothing: src/action/report-mode.ts.
 *
 * Failures of reporting are not failures of the gate: commenting or caching problems become
 * warnings, and the results file and job summary are written before anything can fail.
 *
 * The budget: `max-time` is the whole measurement — the base's set-up, the sweep and, when a
 * stored-baseline comparison can happen, the confirmation re-measure, which gets the last third
 * (CONFIRM_SHARE) of it. Provisioning onnxruntime-node is not part of it.
 */
import * as core from '@actions/core';
import { compareResults, type Comparison } from '../analysis/compare.js';
import { toComparisonJson } from '../analysis/comparison-json.js';
import { probeCpu } from '../cpu/index.js';
import { CONFIRM_SHARE, confirmRegression } from '../pipeline/confirm.js';
import { runSweep, type SweepRun } from '../pipeline/sweep-run.js';
import { provisionFailureMarkdown, provisionOrt } from '../provision/index.js';
import { renderMarkdown } from '../report/markdown.js';
import { progressText } from '../report/progress.js';
import { decideOutcome } from '../analysis/outcome.js';
import { readAcceptance } from './accept.js';
import { isInside } from '../io/bounded-read.js';
import { historyRecommendation, trendSeries } from '../analysis/trend.js';
import { writeJsonAtomic } from '../results/io.js';
import { loadOrt } from '../workloads/ort.js';
import { chooseStore, loadHistory, saveHistory, type StoredHistory } from './baseline-phase.js';
import { writeReportBundle } from './bundle.js';
import { resolveSameJobBase } from './compare-ref.js';
import {
  defaultResultsPath,
  isDefaultBranchRun,
  isPullRequest,
  readRunnerContext,
  runUrl,
  type RunnerContext,
} from './context.js';
import { readActionSettings, type ActionSettings } from './inputs.js';
import { info, warning } from './log.js';
import { runReportMode } from './report-mode.js';
import { legKey, postComment, writeSummary } from './report-phase.js';

/** Below this many seconds left, a suspected regression cannot be confirmed. */
const MIN_CONFIRM_SEC = 1;

export async function runAction(): Promise<void> {
  // One log line per phase with its seconds (bench/cost.ts reads them).
  let phaseStart = performance.now();
  const endPhase = (name: string) => {
    const now = performance.now();
    info(`threadgate phase ${name}: ${((now - phaseStart) / 1000).toFixed(2)} s`);
    phaseStart = now;
  };
  const ctx = readRunnerContext();
  const cpu = probeCpu();
  const settings = readActionSettings((name) => core.getInput(name), cpu, ctx.workspace);
  if (settings.mode === 'report') return runReportMode(settings, ctx);

  const ort = await core.group('Provisioning onnxruntime-node', async () => {
    const p = await provisionOrt({
      log: (line: string) => info(line),
      warn: (line: string) => warning(line),
      tempDir: ctx.tempDir,
      useActionsCache: true,
      ...(ctx.toolCacheDir ? { toolCacheDir: ctx.toolCacheDir } : {}),
      workspace: ctx.workspace,
      registry: settings.registry,
      onnxruntimePath: settings.onnxruntimePath,
    }).catch(async (e: unknown) => {
      // The job summary says what happened; a summary that cannot be written must not hide it.
      await core.summary
        .addRaw(provisionFailureMarkdown(e))
        .write()
        .catch(() => undefined);
      throw e;
    });
    info(`onnxruntime-node from ${p.source} in ${p.seconds.toFixed(1)} s`);
    return loadOrt(p.packageDir);
  });
  endPhase('provision');

  const measureStart = performance.now();
  const budgetSec = settings.sweep.maxTimeSec;
  const warnings: string[] = [];
  // The same-job gate compares latency; under the throughput objective the stored history
  // gates the splits instead (an explicit compare-ref is still an error there).
  const compareRef =
    settings.sweep.objective === 'throughput' && settings.compareRef.kind === 'auto'
      ? ({ kind: 'none' } as const)
      : settings.compareRef;
  const resolution = await resolveSameJobBase(compareRef, settings.sweep.workload, ctx);
  if (resolution.kind === 'fallback') {
    warnings.push(
      `The base was not measured in this job: ${resolution.reason}. The stored baseline gates instead.`,
    );
  }
  const base = resolution.kind === 'base' ? resolution.base : null;
  if (base?.note) info(`compare-ref: ${base.note}`);
  const storedGate = base === null && settings.baseline.kind !== 'none';
  let run: SweepRun;
  try {
    run = await core.group('Sweeping thread counts', () =>
      runSweep(
        {
          ...settings.sweep,
          ...(base ? { baselineWorkload: base.spec } : {}),
          maxTimeSec: budgetSec * (storedGate ? 1 - CONFIRM_SHARE : 1),
        },
        {
          ort,
          startMs: measureStart,
          onLine: (line: string) => info(line),
          ...(settings.threshold !== null ? { threshold: settings.threshold } : {}),
          ...(settings.gate !== null ? { gate: settings.gate } : {}),
          ...(base ? { baseDescription: base.description } : {}),
          onProgress: (p) => {
            if (p.phase !== 'measure' || p.round % 10 === 0) info(progressText(p));
          },
        },
      ),
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
  info(`Results written to ${resultsPath}`);

  // The stored history: the gate when nothing was measured in the same job, and what a run on
  // the default branch extends (also when it compared in the same job).
  const save = shouldSaveBaseline(settings, ctx);
  const store = chooseStore(settings, ctx, result);
  const history: StoredHistory | null =
    store !== null && (storedGate || save) ? await loadHistory(store, ctx, warnings) : null;
  const compareOptions = {
    normalize: settings.sweep.normalize ?? 'auto',
    ...(settings.threshold !== null ? { threshold: settings.threshold } : {}),
    ...(settings.gate !== null ? { gate: settings.gate } : {}),
  };
  let comparison: Comparison | null = run.comparison;
  if (comparison === null && history !== null && storedGate) {
    comparison = compareResults(history.baseline, result, compareOptions);
    if (comparison.kind === 'no-baseline' && history.baseline === null && history.missing) {
      comparison = { ...comparison, reason: `no stored baseline: ${history.missing}` };
    }
  }
  if (
    (comparison?.kind === 'regression' || comparison?.kind === 'inconclusive') &&
    run.comparison === null &&
    history?.baseline
  ) {
    const leftSec = budgetSec - (performance.now() - measureStart) / 1000;
    info(
      `${comparison.kind === 'regression' ? 'Suspected regression' : 'Unclear cells'}: measuring them once more (${leftSec.toFixed(1)} s left of max-time)`,
    );
    const confirmation = await confirmRegression(
      settings.sweep,
      comparison,
      history.baseline,
      compareOptions,
      { ort },
      leftSec >= MIN_CONFIRM_SEC ? leftSec : 0,
    );
    info(confirmation.note);
    comparison = confirmation.comparison;
  }
  const split = result.recommendation.throughput;
  core.setOutput('throughput-workers', split ? String(split.workers) : '');
  core.setOutput('throughput-threads-per-worker', split ? String(split.threadsPerWorker) : '');
  if (comparison) {
    const comparisonPath = resultsPath.replace(/\.json$/, '.comparison.json');
    await writeJsonAtomic(comparisonPath, toComparisonJson(comparison));
    core.setOutput('comparison-path', comparisonPath);
  } else {
    core.setOutput('comparison-path', '');
  }
  const key = legKey(settings, ctx, result);
  const bundleError = await writeReportBundle(settings, ctx, result, comparison, key);
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

  let historyLine: string | undefined;
  if (save && history !== null && history.error === null) {
    const saved = await saveHistory(history, result, ctx, warnings);
    if (saved !== null) {
      historyLine = saved;
      info(`Baseline ${saved}`);
    }
  } else if (history?.baseline) {
    historyLine = `history: ${history.baseline.document.runs.length} run${history.baseline.document.runs.length === 1 ? '' : 's'} (${history.baseline.source})`;
  }

  // A label, or the head commit's Threadgate-Accept trailer (read only for a regression).
  const acceptance = await readAcceptance(ctx, comparison?.kind === 'regression');
  if (acceptance.note) info(`threadgate: ${acceptance.note}`);
  const outcome = decideOutcome(comparison, {
    failOnRegression: settings.failOnRegression,
    notGating: isDefaultBranchRun(ctx) ? 'a run on the default branch records the baseline' : null,
    accepted: acceptance.accepted,
  });
  // The history as a person reads it: the gated cells' last runs, and its recommendation.
  const stored = history?.baseline?.document ?? null;
  const trend = stored ? trendSeries(stored, result, comparison, comparison?.changes ?? []) : [];
  const historyAdvice = stored
    ? historyRecommendation(stored, result, settings.sweep.tolerance)
    : [];
  const markdown = (extra: readonly string[]) =>
    renderMarkdown(result, comparison, {
      trend,
      historyAdvice,
      ...(outcome.waived ? { waived: outcome.waived } : {}),
      acceptHint: isPullRequest(ctx),
      ...(acceptance.note ? { acceptNote: acceptance.note } : {}),
      ...(ctx.job ? { title: ctx.job } : {}),
      baselineKind: run.comparison ? 'same-job' : 'stored',
      resultsPath,
      resultsPathIsTemporary: isInside(ctx.tempDir, resultsPath),
      runUrl: runUrl(ctx),
      warnings: [...warnings, ...extra],
      ...(historyLine ? { history: historyLine } : {}),
    });

  const commentWarnings = await postComment(settings, ctx, key, comparison, markdown([]));
  for (const w of [...warnings, ...commentWarnings]) warning(w);
  // The summary is written on every event: it is the report that works on fork pull requests.
  await writeSummary(markdown(commentWarnings));
  endPhase('report');

  if (history?.error) throw history.error;
  if (bundleError) throw bundleError;
  const recommended = `recommended OMP_NUM_THREADS=${result.recommendation.ompNumThreads}`;
  if (outcome.fail) core.setFailed(outcome.message);
  else if (outcome.waived) warning(`${outcome.message} (not failing: ${outcome.waived})`);
  else core.notice(`${outcome.message}; ${recommended}`);
}

function shouldSaveBaseline(settings: ActionSettings, ctx: RunnerContext): boolean {
  switch (settings.saveBaseline) {
    case 'true':
      return true;
    case 'false':
      return false;
    case 'auto':
      return isDefaultBranchRun(ctx);
    default: {
      const never: never = settings.saveBaseline;
      return never;
    }
  }
}
