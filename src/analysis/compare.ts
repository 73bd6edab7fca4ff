/**
 * The stored-baseline gate: compare a run with the stored history and decide pass / regression /
 * inconclusive / no-baseline (DESIGN.md, "The gate").
 *
 * The unit of replication is the run: one median per cell per run. What each condition can see:
 *  (a) slowdown: median(current) / median(baseline latest) − 1 ≥ threshold — a size, no noise;
 *  (b), (c) within-run: the percentile-bootstrap CI of that ratio lies above 1, and the one-sided
 *      Mann–Whitney p (current slower), Holm-adjusted over the gated cells, is below
 *      1 − confidence — both over the visit medians of the two runs (visits.ts), never over
 *      single calls, which are not independent. They only say "this run is slower than that
 *      run": the two runs are one each, and machines and moments differ;
 *  (d) run to run: log(current median) lies above the robust prediction limit of the history's
 *      log-medians, median + k(n, level) · MAD, with k calibrated by simulation so that an
 *      unchanged cell exceeds it with probability 1 − level (robustPredictionUpperLimit), at a
 *      Bonferroni level over the gated cells with history. This is the only condition that
 *      knows how much a cell moves between runs on this kind of machine. The history is the
 *      cell's runs since its last change point (changes.ts: E-divisive means on the history's
 *      log-medians), not a history that mixes two levels: after a step down, a run back at the
 *      old level is judged against the new one; after a step up, the old runs do not widen the
 *      spread. Fewer than minHistory runs since the change: the cold-start rule, as for a short
 *      history.
 * A gated cell is
 *  - a regression when (a), (b), (c) hold and (d) does — or, without a usable history (fewer
 *    than minHistory runs, or a history whose MAD is 0: more than half its runs gave the same
 *    median, as a metric in whole milliseconds does), when the slowdown is at least
 *    max(threshold, coldStartThreshold) (d′);
 *  - a pass when the slowdown is below the threshold, or when the history shows the slowdown is
 *    within its run-to-run noise ((d) false): it is not a change, and calling it "inconclusive"
 *    would teach users to ignore the warning;
 *  - inconclusive otherwise (beyond the history but not clear within the run; or, without
 *    history, between the threshold and the cold-start bar). The action re-measures suspected
 *    and inconclusive cells (src/pipeline/confirm.ts) before it decides.
 *
 * Defaults, and why (measured with `npm run bench`; docs/benchmarks/2026-11-27-in-sample.md):
 *  - DEFAULT_THRESHOLD = 0.15: the smallest slowdown that can fail a build. Run-to-run noise on
 *    shared runners is 3–30 %; on this project's 2-vCPU machines the p95 of a cell's change
 *    between consecutive runs was 10–22 % (66 % for a memory-bound cell at 2 threads).
 *  - DEFAULT_CONFIDENCE = 0.99 and DEFAULT_GATE = 'all': 1 % per family, every common cell gated
 *    (the 1-thread cells are the quiet ones on a shared machine, and gating them adds power).
 *  - DEFAULT_MIN_HISTORY = 5: below five runs a spread cannot be estimated at all; the calibrated
 *    k is large at small n (k(5, 0.005) ≈ 13, k(10, 0.005) ≈ 5.3, k(20, 0.005) ≈ 3.5), so a
 *    short history only stops a slowdown that is far outside its spread.
 *  - DEFAULT_COLD_START_THRESHOLD = 0.25: without a usable history, within-run statistics cannot
 *    see run-to-run noise; 20 back-to-back A/A pairs gave 5 "regressions" at 10 % and none at 25 %.
 *  - MIN_UNITS = 5 per side: with fewer visits a one-sided rank test cannot reach p < 0.05 at
 *    all and the bootstrap median is crude; such cells have no CI and p and cannot regress.
 * Gated cells: 'all' (the default) gates every cell both runs have; 'deployed' only each
 * workload's recommended and fastest thread counts of the current run. Every common cell is
 * reported either way. Analysis takes the history as plain data (BaselineInput); the baseline
 * module's documents have that shape.
 */

import { fingerprintDifferences, type FingerprintDifference } from '../cpu/fingerprint.js';
import type { NormalizationJson as Normalization } from '../contract/schema.js';
import type { MachineInfo, Point, Result, WorkloadResult } from '../results/types.js';
import {
  bootstrapRatioOfMediansCI,
  mannWhitneyU,
  robustPredictionUpperLimit,
} from '../stats/index.js';
import {
  cellName,
  cellSeed,
  formatLevel,
  holmWhere,
  isGateMode,
  GATE_MODES,
  type BaselineSummary,
  type CellChecks,
  type CellComparison,
  type CellStatus,
  type CompareSettings,
  type Compared,
  type Comparison,
  type CurrentSummary,
  type GateMode,
  type GateRole,
} from './comparison.js';
import { cellChanges, type CellChange } from './changes.js';
import { gatedWorkloads } from './throughput.js';
import { gateView } from './normalize.js';
import type { NormalizeMode, ThinnedTier } from '../contract/limits.js';
import { visitSummary } from './visits.js';

export * from './comparison.js';

export const DEFAULT_THRESHOLD = 0.15;
export const DEFAULT_CONFIDENCE = 0.99;
export const DEFAULT_MIN_HISTORY = 5;
export const DEFAULT_COLD_START_THRESHOLD = 0.25;
export const MIN_UNITS = 5;
/** Fixed seed (so that the same two files always give the same verdict) and resamples. */
import { DEFAULT_COMPARE_SEED, DEFAULT_RESAMPLES } from '../contract/limits.js';
export { DEFAULT_COMPARE_SEED, DEFAULT_RESAMPLES };
export const DEFAULT_GATE: GateMode = 'all';

/** A stored history as the gate reads it (the baseline module's document has this shape). */
export interface StoredHistory {
  readonly fingerprint: string;
  readonly machine: MachineInfo;
  /** Oldest first; each run's median per cell. */
  readonly runs: readonly {
    readonly createdAt: string;
    readonly sha?: string | undefined;
    /** The run's reference cell median (runner-speed normalization, normalize.ts). */
    readonly reference?: { readonly medianNs: number } | undefined;
    /** An older run kept by thinning: read by the change points, not by the gate. */
    readonly kept?: ThinnedTier | undefined;
    readonly workloads: readonly {
      readonly id: string;
      readonly points: readonly { readonly threads: number; readonly medianNs: number }[];
    }[];
  }[];
  /** The newest run in full, with its samples. */
  readonly latest: Result;
}

export interface BaselineInput {
  readonly document: StoredHistory;
  /** Where it came from, e.g. "file baseline.json" or "cache key threadgate-v2-…". */
  readonly source: string;
  readonly notes: readonly string[];
}

export interface CompareOptions {
  /** Smallest relative slowdown that can fail the gate (0.10 = 10 %). */
  readonly threshold?: number;
  readonly confidence?: number;
  readonly minHistory?: number;
  /** Smallest slowdown that can fail a cell without a usable history. */
  readonly coldStartThreshold?: number;
  readonly gate?: GateMode;
  /** Compare even when the machine fingerprints differ. */
  readonly force?: boolean;
  readonly seed?: number;
  readonly resamples?: number;
  /** See CompareSettings.familySize. */
  readonly familySize?: number | null;
  /** Runner-speed normalization (normalize.ts); default 'auto'. */
  readonly normalize?: NormalizeMode;
}

/** Compare `current` with `baseline` (null: none stored). Pure and deterministic (seeded). */
export function compareResults(
  baseline: BaselineInput | null,
  current: Result,
  opts: CompareOptions = {},
): Comparison {
  const settings = resolveSettings(opts);
  const cur: CurrentSummary = {
    fingerprint: current.machine.fingerprint,
    createdAt: current.createdAt,
  };
  const base = {
    settings,
    current: cur,
    machineDifferences: [] as FingerprintDifference[],
    changes: [] as CellChange[],
    normalization: null as Normalization | null,
  };
  if (baseline === null) {
    return {
      kind: 'no-baseline',
      ...base,
      baseline: null,
      reason: 'no baseline is stored yet',
      notes: [],
    };
  }
  const doc = baseline.document;
  const summary: BaselineSummary = {
    source: baseline.source,
    fingerprint: doc.fingerprint,
    runs: doc.runs.length,
    latestCreatedAt: doc.latest.createdAt,
  };
  const notes = [...baseline.notes];
  const mismatch = doc.fingerprint !== current.machine.fingerprint;
  const differences = mismatch ? fingerprintDifferences(doc.machine, current.machine) : [];
  if (mismatch) {
    const what = describeMismatch(doc, current, differences);
    if (!settings.force) {
      return {
        kind: 'no-baseline',
        ...base,
        baseline: summary,
        machineDifferences: differences,
        reason: `the baseline is from another kind of machine: ${what}; not compared (--force, or the force option, compares anyway)`,
        notes,
      };
    }
    notes.push(`forced: comparing with a baseline from another kind of machine (${what})`);
  }

  // The history and the run at one runner speed, where they can be (normalize.ts).
  const view = gateView(doc, current, settings.normalize, settings.minHistory);
  const history = view.history;
  base.normalization = view.normalization;
  // Latency, and the throughput splits where both runs measured them (throughput.ts).
  const curWorkloads = gatedWorkloads(view.current);
  const baseWorkloads = gatedWorkloads(history.latest);
  const pairs = curWorkloads.flatMap((c) => {
    const b = baseWorkloads.find((w) => w.id === c.id);
    return b === undefined ? [] : [{ base: b, cur: c }];
  });
  const onlyBase = baseWorkloads.filter((w) => !curWorkloads.some((c) => c.id === w.id));
  const onlyCur = curWorkloads.filter((w) => !baseWorkloads.some((b) => b.id === w.id));
  const noBaselineHere = (reason: string): Comparison => ({
    kind: 'no-baseline',
    ...base,
    baseline: summary,
    machineDifferences: differences,
    reason,
    notes,
  });
  if (pairs.length === 0) {
    return noBaselineHere(
      `no workload in common: the baseline has ${listIds(doc.latest.workloads)}, ` +
        `this run has ${listIds(current.workloads)}`,
    );
  }

  const measured = pairs
    .flatMap((pair) => measurePair(pair, history, settings, notes))
    .map((c) => ({ ...c, rawRatio: view.rawRatio(c.workload, c.threads) }));
  if (!measured.some((c) => isGated(c, settings.gate))) {
    return noBaselineHere(
      `the baseline has none of the cells to gate (${settings.gate === 'deployed' ? "each workload's recommended and fastest thread counts" : 'common cells'})`,
    );
  }
  const changes = measured.filter((c) => isGated(c, settings.gate)).flatMap((c) => c.changes);
  for (const c of measured.filter((m) => m.changes.length > 0 && isGated(m, settings.gate))) {
    const last = c.changes[c.changes.length - 1]!;
    notes.push(
      `${cellName(c.workload, c.threads)}: judged against the ${c.historyRuns} run${c.historyRuns === 1 ? '' : 's'} of history since its last change point (run ${last.index} of ${last.createdAt.slice(0, 10)}, ×${last.ratio.toFixed(3)})`,
    );
  }
  const cells = adjustAndDecide(measured, settings);
  if (cells.some((c) => c.unit === 'samples')) {
    notes.push(
      'a results file without visit rounds (an older threadgate): its within-run checks count single calls, which overstates their certainty',
    );
  }
  const gated = cells.filter((c) => c.gated);
  const compared: Compared = {
    ...base,
    baseline: summary,
    forced: mismatch,
    machineDifferences: differences,
    reason: '',
    notes,
    changes,
    cells,
    maxSlowdown: Math.max(...gated.map((c) => c.ratio - 1)),
    workloadsOnlyInBaseline: onlyBase.map((w) => w.id),
    workloadsOnlyInCurrent: onlyCur.map((w) => w.id),
  };
  return decide(compared, gated);
}

// ---------------------------------------------------------------------------------------------

function resolveSettings(opts: CompareOptions): CompareSettings {
  const s: CompareSettings = {
    threshold: opts.threshold ?? DEFAULT_THRESHOLD,
    confidence: opts.confidence ?? DEFAULT_CONFIDENCE,
    minHistory: opts.minHistory ?? DEFAULT_MIN_HISTORY,
    coldStartThreshold: opts.coldStartThreshold ?? DEFAULT_COLD_START_THRESHOLD,
    gate: opts.gate ?? DEFAULT_GATE,
    force: opts.force ?? false,
    seed: opts.seed ?? DEFAULT_COMPARE_SEED,
    resamples: opts.resamples ?? DEFAULT_RESAMPLES,
    familySize: opts.familySize ?? null,
    normalize: opts.normalize ?? 'auto',
  };
  if (!(s.threshold >= 0 && Number.isFinite(s.threshold))) {
    throw new RangeError(`threshold must be a finite number ≥ 0; got ${String(s.threshold)}`);
  }
  if (!(s.confidence > 0 && s.confidence < 1)) {
    throw new RangeError(`confidence must be in (0, 1); got ${String(s.confidence)}`);
  }
  if (!Number.isInteger(s.minHistory) || s.minHistory < 2) {
    throw new RangeError(`minHistory must be an integer ≥ 2; got ${String(s.minHistory)}`);
  }
  if (s.familySize !== null && !(Number.isInteger(s.familySize) && s.familySize >= 1)) {
    throw new RangeError(`familySize must be an integer ≥ 1; got ${String(s.familySize)}`);
  }
  if (!isGateMode(s.gate)) throw new RangeError(`gate must be one of ${GATE_MODES.join(', ')}`);
  return s;
}

function describeMismatch(
  doc: StoredHistory,
  current: Result,
  differences: readonly FingerprintDifference[],
): string {
  if (differences.length === 0) {
    return (
      `fingerprint ${doc.fingerprint} ≠ ${current.machine.fingerprint}, although the recorded ` +
      'machine fields match (the baseline was probably written by another threadgate version)'
    );
  }
  return differences
    .map((d) => `${d.field} ${JSON.stringify(d.a)} (baseline) ≠ ${JSON.stringify(d.b)} (this run)`)
    .join(', ');
}

function listIds(workloads: readonly WorkloadResult[]): string {
  return workloads.length === 0 ? 'none' : workloads.map((w) => w.id).join(', ');
}

/**
 * The history of one cell: its run-level medians, oldest first (runs lacking the cell skipped),
 * from run index `from` on.
 */
export function cellHistory(
  history: StoredHistory,
  workloadId: string,
  threads: number,
  from = 0,
): number[] {
  const medians: number[] = [];
  for (const run of history.runs.slice(from)) {
    if (run.kept !== undefined) continue; // thinned: for the change points, not the gate
    const point = run.workloads
      .find((w) => w.id === workloadId)
      ?.points.find((p) => p.threads === threads);
    if (point !== undefined && point.medianNs > 0) medians.push(point.medianNs);
  }
  return medians;
}

/** A cell before the multiplicity step: everything but the adjusted p and the decision. */
type MeasuredCell = Omit<
  CellComparison,
  'pAdjusted' | 'checks' | 'status' | 'regression' | 'gated' | 'predictionLimitRatio'
> & {
  readonly ciAboveOne: boolean | null;
  /** Change points of the cell's history; the history below starts at the last one. */
  readonly changes: readonly CellChange[];
  /** Log run-medians of the history (≥ minHistory of them), or null with too little history. */
  readonly historyLogs: readonly number[] | null;
};

/** Which deployed settings this cell is, whatever the gate mode. */
function deployedRoles(cur: WorkloadResult, threads: number): GateRole[] {
  const roles: GateRole[] = [];
  if (cur.recommended.threads === threads) roles.push('recommended');
  if (cur.fastest.threads === threads) roles.push('fastest');
  return roles;
}

function isGated(cell: Pick<CellComparison, 'gatedAs'>, gate: GateMode): boolean {
  return gate === 'all' || cell.gatedAs.length > 0;
}

function measurePair(
  { base, cur }: { base: WorkloadResult; cur: WorkloadResult },
  doc: StoredHistory,
  settings: CompareSettings,
  notes: string[],
): MeasuredCell[] {
  const contentChanged =
    base.contentHash != null && cur.contentHash != null && base.contentHash !== cur.contentHash;
  if (contentChanged) {
    notes.push(`${cur.id}: its content changed since the baseline (compared by name anyway)`);
  }
  const cells: MeasuredCell[] = [];
  for (const cp of cur.points) {
    const bp = base.points.find((p) => p.threads === cp.threads);
    if (bp === undefined) continue;
    cells.push({
      ...measureCell(base.id, cp.threads, bp, cp, doc, settings),
      gatedAs: deployedRoles(cur, cp.threads),
      contentChanged,
    });
  }
  const missing = base.points.filter((b) => !cur.points.some((c) => c.threads === b.threads));
  if (missing.length > 0) {
    notes.push(
      `${cur.id}: thread counts ${missing.map((p) => p.threads).join(', ')} are in the baseline only`,
    );
  }
  return cells;
}

function measureCell(
  workload: string,
  threads: number,
  bp: Point,
  cp: Point,
  doc: StoredHistory,
  settings: CompareSettings,
): Omit<MeasuredCell, 'gatedAs' | 'contentChanged'> {
  const bv = visitSummary(bp.samplesNs, bp.rounds);
  const cv = visitSummary(cp.samplesNs, cp.rounds);
  const unit = bp.rounds !== undefined && cp.rounds !== undefined ? 'visits' : 'samples';
  let ci95: readonly [number, number] | null = null;
  let pValue: number | null = null;
  if (bv.medians.length >= MIN_UNITS && cv.medians.length >= MIN_UNITS) {
    ci95 = bootstrapRatioOfMediansCI(bv.medians, cv.medians, {
      confidence: settings.confidence,
      resamples: settings.resamples,
      seed: cellSeed(settings.seed, workload, threads),
    }).ci;
    pValue = mannWhitneyU(cv.medians, bv.medians, 'greater').p;
  }
  const changes = cellChanges(doc, workload, threads, { seed: settings.seed });
  const since = changes.length === 0 ? 0 : changes[changes.length - 1]!.index;
  const history = cellHistory(doc, workload, threads, since);
  return {
    workload,
    threads,
    baselineMedianNs: bv.medianNs,
    currentMedianNs: cv.medianNs,
    ratio: cv.medianNs / bv.medianNs,
    ci95,
    ciLevel: settings.confidence,
    unit,
    pValue,
    historyRuns: history.length,
    ciAboveOne: ci95 === null ? null : ci95[0] > 1,
    changes,
    historyLogs: history.length >= settings.minHistory ? history.map(Math.log) : null,
  };
}

/** Multiplicity over the gated family, then each cell's checks and status (file comment). */
function adjustAndDecide(measured: readonly MeasuredCell[], s: CompareSettings): CellComparison[] {
  const gatedAdj = holmWhere(measured, (c) => isGated(c, s.gate), s.familySize);
  const allAdj = holmWhere(measured, () => true);
  const alpha = 1 - s.confidence;
  // The prediction limits of the gated cells are one family too: Bonferroni, so the chance that
  // any gated cell of an unchanged workload lands beyond its limit stays at alpha.
  const withHistory = measured.filter((c) => isGated(c, s.gate) && c.historyLogs).length;
  const family = Math.max(1, s.familySize ?? withHistory);
  return measured.map((c, i) => {
    const gated = isGated(c, s.gate);
    const pAdjusted = (gated ? gatedAdj[i] : allAdj[i]) ?? null;
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- dropped: the comparison lists them
    const { ciAboveOne, historyLogs, changes, ...rest } = c;
    const level = 1 - alpha / (gated ? family : 1);
    const limit = historyLogs ? robustPredictionUpperLimit(historyLogs, level) : null;
    const predictionLimitRatio = limit === null ? null : Math.exp(limit.limit) / c.baselineMedianNs;
    const beyondHistory = limit === null ? null : Math.log(c.currentMedianNs) > limit.limit;
    const slowdown = c.ratio - 1 >= s.threshold - 1e-12;
    const checks: CellChecks = {
      slowdown,
      ciAboveOne,
      significant: pAdjusted === null ? null : pAdjusted < alpha,
      beyondHistory,
      beyondColdStart:
        beyondHistory === null
          ? c.ratio - 1 >= Math.max(s.threshold, s.coldStartThreshold) - 1e-12
          : null,
    };
    const withinRun = ciAboveOne === true && checks.significant === true;
    let status: CellStatus;
    if (!slowdown) status = 'pass';
    else if (beyondHistory === false)
      status = 'pass'; // within the history's run-to-run noise
    else if (withinRun && (beyondHistory === true || checks.beyondColdStart === true)) {
      status = 'regression';
    } else status = 'inconclusive';
    return {
      ...rest,
      predictionLimitRatio,
      pAdjusted,
      gated,
      checks,
      status,
      regression: gated && status === 'regression',
    };
  });
}

function decide(compared: Compared, gated: readonly CellComparison[]): Comparison {
  const s = compared.settings;
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const regressions = gated.filter((c) => c.regression);
  const withinNoise = gated.filter((c) => c.checks.slowdown && c.checks.beyondHistory === false);
  const notes = [...compared.notes];
  if (withinNoise.length > 0) {
    notes.push(
      `slower by ${pct(s.threshold)} or more but within the run-to-run noise of the history, so passed: ` +
        withNoise(withinNoise),
    );
  }
  if (regressions.length > 0) {
    const list = regressions
      .map((c) => `${cellName(c.workload, c.threads)} +${pct(c.ratio - 1)}`)
      .join(', ');
    return {
      ...compared,
      notes,
      kind: 'regression',
      regressions,
      reason: `slower beyond the noise: ${list}`,
    };
  }
  const unresolved = gated.filter((c) => c.status === 'inconclusive');
  if (unresolved.length > 0) {
    const list = unresolved
      .map((c) => `${cellName(c.workload, c.threads)} +${pct(c.ratio - 1)} (${whyNot(c, s)})`)
      .join('; ');
    return {
      ...compared,
      notes,
      kind: 'inconclusive',
      unresolved,
      reason: `slower by at least ${pct(s.threshold)} but not clearly beyond the noise: ${list}`,
    };
  }
  return {
    ...compared,
    notes,
    kind: 'pass',
    reason:
      `no gated cell is ${pct(s.threshold)} or more slower beyond the noise ` +
      `(largest change ${compared.maxSlowdown >= 0 ? '+' : '−'}${pct(Math.abs(compared.maxSlowdown))})`,
  };
}

function withNoise(cells: readonly CellComparison[]): string {
  return cells
    .map(
      (c) =>
        `${cellName(c.workload, c.threads)} +${((c.ratio - 1) * 100).toFixed(1)} % (limit ×${c.predictionLimitRatio?.toFixed(3) ?? '?'} from ${c.historyRuns} runs)`,
    )
    .join(', ');
}

/** Which condition a slower cell failed, in words, with the settings it was judged by. */
export function whyNot(c: CellComparison, s: CompareSettings): string {
  const reasons: string[] = [];
  if (c.checks.ciAboveOne === null) reasons.push(`fewer than ${MIN_UNITS} ${c.unit} per side`);
  else if (!c.checks.ciAboveOne)
    reasons.push(`the ${formatLevel(c.ciLevel)} CI of the ratio includes 1`);
  if (c.checks.significant === false) {
    reasons.push(
      `adjusted p = ${c.pAdjusted?.toPrecision(2) ?? '?'} ≥ ${(1 - s.confidence).toPrecision(2)}`,
    );
  }
  if (c.checks.beyondHistory === false && c.predictionLimitRatio !== null) {
    reasons.push(
      `within the spread of ${c.historyRuns} baseline runs: limit ×${c.predictionLimitRatio.toFixed(3)}`,
    );
  }
  if (c.checks.beyondColdStart === false) {
    const why =
      c.historyRuns >= s.minHistory
        ? `the ${c.historyRuns} runs of history have no spread (more than half gave the same median)`
        : `only ${c.historyRuns} run${c.historyRuns === 1 ? '' : 's'} of history`;
    reasons.push(
      `${why}: below ${s.minHistory} usable runs only a slowdown ≥ ${(Math.max(s.threshold, s.coldStartThreshold) * 100).toFixed(0)} % counts`,
    );
  }
  return reasons.join(', ') || 'all conditions met';
}
