/**
 * What the action does, as one pipeline of named phases over injected ports (./ports.ts):
 * inputs → provision onnxruntime-node → the same-job base (if any) and the sweep → results file →
 * stored history → gate (re-measuring a suspected stored-baseline regression or unclear cells
 * once) → comparison file and report bundle → save the history → report (comment, summary) →
 * the step's outcome. `mode: report` measures nothing: src/action/report-mode.ts.
 *
 * Failures of reporting are not failures of the gate: commenting or caching problems become
 * warnings, and the results file and job summary are written before anything can fail.
 *
 * The budget: `max-time` is the whole measurement — the base's set-up, the sweep and, when a
 * stored-baseline comparison can happen, the confirmation re-measure, which gets the last third
 * (CONFIRM_SHARE) of it. Provisioning onnxruntime-node is not part of it.
 */
import { compareResults, type Comparison } from '../analysis/compare.js';
import { toComparisonJson } from '../analysis/comparison-json.js';
import { decideOutcome, type Outcome } from '../analysis/outcome.js';
import { historyRecommendation, trendSeries } from '../analysis/trend.js';
import { isInside } from '../io/bounded-read.js';
import { CONFIRM_SHARE, confirmRegression } from '../pipeline/confirm.js';
import { runSweep, type SweepRun } from '../pipeline/sweep-run.js';
import { provisionFailureMarkdown } from '../provision/index.js';
import { renderMarkdown } from '../report/markdown.js';
import { progressText } from '../report/progress.js';
import { readAcceptance } from './accept.js';
import { writeJsonAtomic } from '../results/io.js';
import type { Result } from '../results/types.js';
import type { OrtModule } from '../workloads/ort.js';
import { loadHistory, saveHistory, type StoredHistory } from './baseline-phase.js';
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
import { actionLog, type ActionLog } from './log.js';
import type { ActionPorts } from './ports.js';
import { runReportMode } from './report-mode.js';
import { legKey, postComment, writeSummary } from './report-phase.js';

/** Below this many seconds left, a suspected regression cannot be confirmed. */
const MIN_CONFIRM_SEC = 1;

/** What every phase of one measuring step shares. */
interface Step {
  readonly ports: ActionPorts;
  readonly log: ActionLog;
  readonly settings: ActionSettings;
  readonly ctx: RunnerContext;
  /** Warnings for the log, the comment and the summary, in the order they arose. */
  readonly warnings: string[];
}

/** The step: settings from the inputs, then measure mode (below) or report mode. */
export async function runAction(ports: ActionPorts): Promise<void> {
  const endPhase = phaseClock(ports);
  const ctx = readRunnerContext(ports.env);
  const cpu = ports.probeCpu();
  const settings = readActionSettings((name) => ports.core.getInput(name), cpu, ctx.workspace);
  if (settings.mode === 'report') return runReportMode(ports, settings, ctx);
  const step: Step = { ports, log: actionLog(ports.core), settings, ctx, warnings: [] };

  const ort = await provision(step);
  endPhase('provision');

  const measureStart = ports.now();
  const run = await sweep(step, ort, measureStart);
  endPhase('sweep');
  const { result } = run;
  const resultsPath = await writeResults(step, result);

  // The stored history: the gate when nothing was measured in the same job, and what a run on
  // the default branch extends (also when it compared in the same job).
  const storedGate = !run.sameJob && settings.baseline.kind !== 'none';
  const save = shouldSaveBaseline(settings, ctx);
  const history = await openHistory(step, result, storedGate || save);
  const comparison = await gate(step, run, history, storedGate, ort, measureStart);
  const key = legKey(settings, ctx, result);
  const bundleError = await writeComparisonAndBundle(step, resultsPath, result, comparison, key);
  endPhase('compare');
  setVerdictOutputs(step, result, comparison);

  const historyLine = await recordHistory(step, history, result, save);
  // A label, or the head commit's Threadgate-Accept trailer (read only for a regression).
  const acceptance = await readAcceptance(
    ctx,
    comparison?.kind === 'regression',
    settings.acceptTrailer,
  );
  if (acceptance.note) step.log.info(`threadgate: ${acceptance.note}`);
  const outcome = decideOutcome(comparison, {
    failOnRegression: settings.failOnRegression,
    notGating: isDefaultBranchRun(ctx) ? 'a run on the default branch records the baseline' : null,
    accepted: acceptance.accepted,
  });
  const acceptNote = acceptance.note;
  await report(step, {
    run,
    comparison,
    history,
    historyLine,
    outcome,
    resultsPath,
    key,
    acceptNote,
  });
  endPhase('report');

  if (history?.error) throw history.error;
  if (bundleError) throw bundleError;
  finish(step, result, outcome);
}

/** One log line per phase with its seconds (bench/cost.ts reads them). */
function phaseClock(ports: ActionPorts): (name: string) => void {
  const log = actionLog(ports.core);
  let phaseStart = ports.now();
  return (name) => {
    const now = ports.now();
    log.info(`threadgate phase ${name}: ${((now - phaseStart) / 1000).toFixed(2)} s`);
    phaseStart = now;
  };
}

/** onnxruntime-node, from wherever it is (src/provision); a failure is in the summary too. */
async function provision({ ports, log, settings, ctx }: Step): Promise<OrtModule> {
  return ports.core.group('Provisioning onnxruntime-node', async () => {
    const p = await ports
      .provisionOrt({
        log: (line: string) => log.info(line),
        warn: (line: string) => log.warning(line),
        tempDir: ctx.tempDir,
        useActionsCache: true,
        ...(ctx.toolCacheDir ? { toolCacheDir: ctx.toolCacheDir } : {}),
        workspace: ctx.workspace,
        registry: settings.registry,
        onnxruntimePath: settings.onnxruntimePath,
      })
      .catch(async (e: unknown) => {
        // The job summary says what happened; a summary that cannot be written must not hide it.
        await ports.core.appendSummary(provisionFailureMarkdown(e)).catch(() => undefined);
        throw e;
      });
    log.info(`onnxruntime-node from ${p.source} in ${p.seconds.toFixed(1)} s`);
    return ports.loadOrt(p.packageDir);
  });
}

/** The sweep and what it measured besides the result: with the same-job base when there is one. */
interface Measured extends SweepRun {
  /** The base was measured in this job (so the stored history does not gate). */
  readonly sameJob: boolean;
}

/** The same-job base (if any), then the sweep over the whole budget less the confirmation's share. */
async function sweep(step: Step, ort: OrtModule, measureStart: number): Promise<Measured> {
  const { ports, log, settings, ctx, warnings } = step;
  const budgetSec = settings.sweep.maxTimeSec;
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
  if (base?.note) log.info(`compare-ref: ${base.note}`);
  const storedGate = base === null && settings.baseline.kind !== 'none';
  let run: SweepRun;
  try {
    run = await ports.core.group('Sweeping thread counts', () =>
      runSweep(
        {
          ...settings.sweep,
          ...(base ? { baselineWorkload: base.spec } : {}),
          // baseline: none reads and saves no history: no run will ever be compared relative
          // to this one's runner-speed reference, so none is measured.
          ...(settings.baseline.kind === 'none' ? { normalize: 'none' as const } : {}),
          maxTimeSec: budgetSec * (storedGate ? 1 - CONFIRM_SHARE : 1),
        },
        {
          ort,
          startMs: measureStart,
          onLine: (line: string) => log.info(line),
          ...(settings.threshold !== null ? { threshold: settings.threshold } : {}),
          ...(settings.gate !== null ? { gate: settings.gate } : {}),
          ...(base ? { baseDescription: base.description } : {}),
          onProgress: (p) => {
            if (p.phase !== 'measure' || p.round % 10 === 0) log.info(progressText(p));
          },
        },
      ),
    );
  } finally {
    await base?.cleanup();
  }
  if (run.plan?.note) ports.core.info(run.plan.note);
  warnings.push(...run.warnings);
  return { ...run, sameJob: base !== null };
}

/** The results file under RUNNER_TEMP, and the outputs that name it and the recommendation. */
async function writeResults({ ports, log, ctx }: Step, result: Result): Promise<string> {
  const resultsPath = defaultResultsPath(ctx);
  await writeJsonAtomic(resultsPath, result);
  ports.core.setOutput('results-path', resultsPath);
  ports.core.setOutput('recommended-threads', String(result.recommendation.ompNumThreads));
  log.info(`Results written to ${resultsPath}`);
  return resultsPath;
}

/** The stored history when this run gates on it or extends it; null otherwise. */
async function openHistory(
  { ports, settings, ctx, warnings }: Step,
  result: Result,
  wanted: boolean,
): Promise<StoredHistory | null> {
  const store = ports.baselineStore(settings, ctx, result);
  return store !== null && wanted ? await loadHistory(store, ctx, warnings) : null;
}

/**
 * The comparison: the same job's, else the stored history's — re-measuring a suspected
 * regression or unclear cells once, with what is left of the budget.
 */
async function gate(
  { ports, log, settings }: Step,
  run: Measured,
  history: StoredHistory | null,
  storedGate: boolean,
  ort: OrtModule,
  measureStart: number,
): Promise<Comparison | null> {
  const compareOptions = {
    normalize: settings.sweep.normalize ?? 'auto',
    ...(settings.threshold !== null ? { threshold: settings.threshold } : {}),
    ...(settings.gate !== null ? { gate: settings.gate } : {}),
  };
  let comparison: Comparison | null = run.comparison;
  if (comparison === null && history !== null && storedGate) {
    comparison = compareResults(history.baseline, run.result, compareOptions);
    if (comparison.kind === 'no-baseline' && history.baseline === null && history.missing) {
      comparison = { ...comparison, reason: `no stored baseline: ${history.missing}` };
    }
  }
  if (
    (comparison?.kind === 'regression' || comparison?.kind === 'inconclusive') &&
    run.comparison === null &&
    history?.baseline
  ) {
    const leftSec = settings.sweep.maxTimeSec - (ports.now() - measureStart) / 1000;
    log.info(
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
    log.info(confirmation.note);
    comparison = confirmation.comparison;
  }
  return comparison;
}

/**
 * The throughput split's outputs, the comparison file beside the results, and the report bundle;
 * returns the bundle's error, which fails the step once the report is out.
 */
async function writeComparisonAndBundle(
  { ports, settings, ctx }: Step,
  resultsPath: string,
  result: Result,
  comparison: Comparison | null,
  key: string,
): Promise<Error | null> {
  const { core } = ports;
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
  return writeReportBundle(core, settings, ctx, result, comparison, key);
}

/** `verdict` and `max-slowdown`; with `export-env`, the recommendation for later steps. */
function setVerdictOutputs(
  { ports, settings }: Step,
  result: Result,
  comparison: Comparison | null,
): void {
  const { core } = ports;
  core.setOutput('verdict', comparison?.kind ?? 'no-baseline');
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
}

/** Saves this run into the history when it should; returns the history's line for the report. */
async function recordHistory(
  { log, ctx, warnings }: Step,
  history: StoredHistory | null,
  result: Result,
  save: boolean,
): Promise<string | undefined> {
  if (save && history !== null && history.error === null) {
    const saved = await saveHistory(history, result, ctx, warnings);
    if (saved !== null) log.info(`Baseline ${saved}`);
    return saved ?? undefined;
  }
  if (history?.baseline) {
    const n = history.baseline.document.runs.length;
    return `history: ${n} run${n === 1 ? '' : 's'} (${history.baseline.source})`;
  }
  return undefined;
}

/** The comment (when the event and settings ask for one), the warnings, and the job summary. */
async function report(
  step: Step,
  r: {
    readonly run: Measured;
    readonly comparison: Comparison | null;
    readonly history: StoredHistory | null;
    readonly historyLine: string | undefined;
    readonly outcome: Outcome;
    readonly resultsPath: string;
    readonly key: string;
    readonly acceptNote: string | null;
  },
): Promise<void> {
  const { ports, log, settings, ctx, warnings } = step;
  const { result } = r.run;
  // The history as a person reads it: the gated cells' last runs, and its recommendation.
  const stored = r.history?.baseline?.document ?? null;
  const trend = stored
    ? trendSeries(stored, result, r.comparison, r.comparison?.changes ?? [])
    : [];
  const historyAdvice = stored
    ? historyRecommendation(stored, result, settings.sweep.tolerance)
    : [];
  const markdown = (extra: readonly string[]) =>
    renderMarkdown(result, r.comparison, {
      trend,
      historyAdvice,
      ...(r.outcome.waived ? { waived: r.outcome.waived } : {}),
      acceptHint: isPullRequest(ctx),
      ...(r.acceptNote ? { acceptNote: r.acceptNote } : {}),
      ...(ctx.job ? { title: ctx.job } : {}),
      baselineKind: r.run.comparison ? 'same-job' : 'stored',
      resultsPath: r.resultsPath,
      resultsPathIsTemporary: isInside(ctx.tempDir, r.resultsPath),
      runUrl: runUrl(ctx),
      warnings: [...warnings, ...extra],
      ...(r.historyLine ? { history: r.historyLine } : {}),
    });

  const commentWarnings = await postComment(
    ports,
    settings,
    ctx,
    r.key,
    r.comparison,
    markdown([]),
  );
  for (const w of [...warnings, ...commentWarnings]) log.warning(w);
  // The summary is written on every event: it is the report that works on fork pull requests.
  await writeSummary(ports, markdown(commentWarnings));
}

/** The step's last line: the failure decideOutcome decided, an accepted regression, or a notice. */
function finish({ ports, log }: Step, result: Result, outcome: Outcome): void {
  const recommended = `recommended OMP_NUM_THREADS=${result.recommendation.ompNumThreads}`;
  if (outcome.fail) ports.core.setFailed(outcome.message);
  else if (outcome.waived) log.warning(`${outcome.message} (not failing: ${outcome.waived})`);
  else ports.core.notice(`${outcome.message}; ${recommended}`);
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
