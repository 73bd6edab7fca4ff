/**
 * The gate: compare a run with the stored baseline and decide pass / regression / inconclusive /
 * no-baseline (DESIGN.md, "The gate").
 *
 * A gated cell regresses only when all of these hold:
 *  (a) its point slowdown, median(current) / median(baseline latest) − 1, is ≥ threshold;
 *  (b) the percentile-bootstrap CI of that ratio of medians lies above 1;
 *  (c) the one-sided Mann–Whitney p (current slower), Holm-adjusted across the gated cells, is
 *      < 1 − confidence;
 *  (d) when the history has ≥ minHistory runs with the cell: log(current median) lies above the
 *      one-sided robust t prediction limit of the history's log-medians (median + t·MAD·√(1+1/n),
 *      at a Bonferroni level across the gated cells); with less history, a slowdown of at least
 *      max(threshold, DEFAULT_COLD_START_THRESHOLD) instead.
 * (b) and (c) only say "this run is slower than that run": they see the iterations of one run,
 * which are correlated and share the machine's mood. (d) is what knows how much a cell moves
 * between runs on this kind of machine, so it is the part that absorbs run-to-run noise. Noise
 * that is rarer than the history can show (a neighbour's burst slowing one run by 30–80 %) is
 * left to the action's confirmation step (src/pipeline/confirm.ts): a second measurement.
 *
 * Defaults, and why (measured with `npm run bench -- --only aa-stored,power`; docs/BENCHMARKS.md):
 *  - DEFAULT_THRESHOLD = 0.15. The smallest slowdown that can fail a build. On the bench's A/A
 *    replay (this project's 2-vCPU machine, history ≤ 20 runs, confirmation by an independent
 *    second run) 10 % gave 7/95 false alarms with the robust limit, 15 % gave 3/95; detection at
 *    +15 % and +25 % FLOPs was the same for both.
 *  - Robust rather than classical estimates in (d): with the classical mean/SD limit, one
 *    contaminated run in the history widened the limit so much that a +25 % FLOPs model was
 *    caught in 16/39 runs (with confirmation); with median/MAD in 32/39, for 1/95 → 3/95 false
 *    alarms.
 *  - DEFAULT_CONFIDENCE = 0.99 and DEFAULT_GATE = 'all' (changed from 0.95 and the deployed
 *    cells with the bench of 2026-11-27, docs/BENCHMARKS.md): 1 % per family — Holm over the
 *    gated cells' p-values (c), Bonferroni over their prediction limits (d), the bootstrap CI (b)
 *    at 99 %. On the bench, 95 % with the deployed cells gave 4/100 A/A false alarms and caught a
 *    +25 % FLOPs model in 33/40 runs; 99 % with every cell gated gave 1/100 and 38/40: the
 *    1-thread cells are the quiet ones on a shared machine, and gating them adds power while the
 *    higher confidence holds the larger family's false alarms down. No extra time is spent.
 *  - DEFAULT_MIN_HISTORY = 5. With n = 5 the limit's multiplier is t₀.₉₅,₄·√1.2 = 2.34 (1.69 for
 *    n = 20); with n = 3 it is 3.37 and a spread from three runs is too unreliable on bursty
 *    shared runners. Five runs is a week of merges for most projects.
 *  - DEFAULT_MAX_RUNS (history length, 20) is documented in src/baseline/history.ts.
 *  - MIN_SAMPLES = 5 per side: with fewer, a one-sided rank test cannot reach p < 0.05 at all
 *    (n = 3 + 3 has a smallest exact p of 0.05) and the bootstrap median is crude; such cells are
 *    reported with no CI and p, and can only be inconclusive.
 *
 * Gated cells: 'all' (the default) gates every cell both runs have; 'deployed' only each
 * workload's recommended and fastest thread counts of the current run. Every common cell is
 * reported either way.
 */

import type { LoadedBaseline } from '../baseline/store.js';
import { cellHistory, type BaselineDocument } from '../baseline/history.js';
import { fingerprintDifferences, type FingerprintDifference } from '../cpu/fingerprint.js';
import { invalid } from '../errors.js';
import type { Point, Result, WorkloadResult } from '../results/types.js';
import {
  bootstrapRatioOfMediansCI,
  holm,
  mannWhitneyU,
  median,
  robustTPredictionUpperLimit,
} from '../stats/index.js';

export const DEFAULT_THRESHOLD = 0.15;
export const DEFAULT_CONFIDENCE = 0.99;
export const DEFAULT_MIN_HISTORY = 5;
/**
 * Until a cell has DEFAULT_MIN_HISTORY runs of history, nothing knows how much it moves between
 * runs, and the within-run checks (b), (c) cannot see run-to-run noise. Measured here: 20
 * back-to-back A/A pairs on a 2-vCPU machine gave 5 "regressions" at a 10 % threshold without
 * history (run-to-run ratios up to 1.23); at 25 % none. So a cold-start cell needs a slowdown of
 * at least max(threshold, 25 %) to fail; smaller slowdowns are reported as inconclusive.
 */
export const DEFAULT_COLD_START_THRESHOLD = 0.25;
export const MIN_SAMPLES = 5;
export const DEFAULT_RESAMPLES = 2000;
/** Fixed so that the same two files always give the same verdict. */
export const DEFAULT_COMPARE_SEED = 0x7468;

export const GATE_MODES = ['deployed', 'all'] as const;
export type GateMode = (typeof GATE_MODES)[number];
export const DEFAULT_GATE: GateMode = 'all';

export function isGateMode(x: string): x is GateMode {
  return (GATE_MODES as readonly string[]).includes(x);
}

/** Parse a gate mode given by `input` (e.g. "--gate"); InputError naming it otherwise. */
export function parseGateMode(text: string, input: string): GateMode {
  const v = text.trim();
  if (!isGateMode(v)) throw invalid(input, text, `one of ${GATE_MODES.join(', ')}`);
  return v;
}

export interface CompareOptions {
  /** Smallest relative slowdown that can fail the gate (0.10 = 10 %). */
  readonly threshold?: number;
  readonly confidence?: number;
  readonly minHistory?: number;
  /** Smallest slowdown that can fail a cell with less than minHistory runs of history. */
  readonly coldStartThreshold?: number;
  readonly gate?: GateMode;
  /** Compare even when the machine fingerprints differ. */
  readonly force?: boolean;
  readonly seed?: number;
  readonly resamples?: number;
}

export interface CompareSettings {
  readonly threshold: number;
  readonly confidence: number;
  readonly minHistory: number;
  readonly coldStartThreshold: number;
  readonly gate: GateMode;
  readonly force: boolean;
  readonly seed: number;
  readonly resamples: number;
}

export type CellStatus = 'regression' | 'inconclusive' | 'pass';
export type GateRole = 'recommended' | 'fastest';

/** Which of the four conditions held; null when the condition could not be evaluated. */
export interface CellChecks {
  /** (a) ratio − 1 ≥ threshold. */
  readonly slowdown: boolean;
  /** (b) bootstrap CI of the ratio above 1 (null: too few samples). */
  readonly ciAboveOne: boolean | null;
  /** (c) Holm-adjusted one-sided Mann–Whitney p < 1 − confidence (null: too few samples). */
  readonly significant: boolean | null;
  /** (d) above the history's prediction limit (null: fewer than minHistory runs). */
  readonly beyondHistory: boolean | null;
  /** (d′) with too little history: ratio − 1 ≥ max(threshold, coldStartThreshold) (null: enough history). */
  readonly beyondColdStart: boolean | null;
}

export interface CellComparison {
  readonly workload: string;
  readonly threads: number;
  readonly baselineMedianNs: number;
  readonly currentMedianNs: number;
  /** current / baseline median; > 1 is slower. */
  readonly ratio: number;
  /** Bootstrap CI of the ratio at the `confidence` level (0.95 by default). */
  readonly ci95: readonly [number, number] | null;
  /** One-sided Mann–Whitney p (current slower than baseline latest). */
  readonly pValue: number | null;
  /** Holm-adjusted p: across the gated cells for a gated cell, across all cells otherwise. */
  readonly pAdjusted: number | null;
  /** Runs in the history with this cell. */
  readonly historyRuns: number;
  /** The prediction limit as a ratio to the baseline median (null: too little history). */
  readonly predictionLimitRatio: number | null;
  readonly gated: boolean;
  readonly gatedAs: readonly GateRole[];
  readonly checks: CellChecks;
  /** What the cell would be if gated; only gated cells decide the verdict. */
  readonly status: CellStatus;
  /** gated and status === 'regression'. */
  readonly regression: boolean;
  /** The workload's content hash differs from the baseline's (same id, changed model/command). */
  readonly contentChanged: boolean;
}

export interface BaselineSummary {
  readonly source: string;
  readonly fingerprint: string;
  readonly runs: number;
  readonly latestCreatedAt: string;
}

export interface CurrentSummary {
  readonly fingerprint: string;
  readonly createdAt: string;
}

interface ComparisonBase {
  readonly reason: string;
  readonly settings: CompareSettings;
  readonly current: CurrentSummary;
  /** Machine fields that differ (non-empty only when the fingerprints differ). */
  readonly machineDifferences: readonly FingerprintDifference[];
  readonly notes: readonly string[];
}

interface Compared extends ComparisonBase {
  readonly baseline: BaselineSummary;
  /** Compared with a baseline from another kind of machine because `force` was set. */
  readonly forced: boolean;
  readonly cells: readonly CellComparison[];
  /** Largest ratio − 1 among the gated cells (negative: all faster). */
  readonly maxSlowdown: number;
  readonly workloadsOnlyInBaseline: readonly string[];
  readonly workloadsOnlyInCurrent: readonly string[];
}

export type Comparison =
  | ({ readonly kind: 'pass' } & Compared)
  | ({ readonly kind: 'regression'; readonly regressions: readonly CellComparison[] } & Compared)
  | ({ readonly kind: 'inconclusive'; readonly unresolved: readonly CellComparison[] } & Compared)
  | ({ readonly kind: 'no-baseline'; readonly baseline: BaselineSummary | null } & ComparisonBase);

export type Verdict = Comparison['kind'];

/** Compare `current` with `baseline` (null: none stored). Pure and deterministic (seeded). */
export function compareResults(
  baseline: LoadedBaseline | null,
  current: Result,
  opts: CompareOptions = {},
): Comparison {
  const settings = resolveSettings(opts);
  const cur: CurrentSummary = {
    fingerprint: current.machine.fingerprint,
    createdAt: current.createdAt,
  };
  const base = { settings, current: cur, machineDifferences: [] as FingerprintDifference[] };
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
  const summary = summarize(baseline);
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

  const pairs = pairWorkloads(doc.latest, current);
  const onlyBase = doc.latest.workloads.filter(
    (w) => !current.workloads.some((c) => c.id === w.id),
  );
  const onlyCur = current.workloads.filter((w) => !doc.latest.workloads.some((b) => b.id === w.id));
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

  const measured = pairs.flatMap((pair) => measurePair(pair, doc, settings, notes));
  if (!measured.some((c) => isGated(c, settings.gate))) {
    return noBaselineHere(
      `the baseline has none of the cells to gate (${settings.gate === 'deployed' ? "each workload's recommended and fastest thread counts" : 'common cells'})`,
    );
  }
  const cells = adjustAndDecide(measured, settings);
  const gated = cells.filter((c) => c.gated);
  const compared: Compared = {
    ...base,
    baseline: summary,
    forced: mismatch,
    machineDifferences: differences,
    reason: '',
    notes,
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
  if (!isGateMode(s.gate)) throw new RangeError(`gate must be one of ${GATE_MODES.join(', ')}`);
  return s;
}

function summarize(baseline: LoadedBaseline): BaselineSummary {
  const doc = baseline.document;
  return {
    source: baseline.source,
    fingerprint: doc.fingerprint,
    runs: doc.runs.length,
    latestCreatedAt: doc.latest.createdAt,
  };
}

function describeMismatch(
  doc: BaselineDocument,
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

interface WorkloadPair {
  readonly base: WorkloadResult;
  readonly cur: WorkloadResult;
}

function pairWorkloads(latest: Result, current: Result): WorkloadPair[] {
  return current.workloads.flatMap((cur) => {
    const base = latest.workloads.find((w) => w.id === cur.id);
    return base === undefined ? [] : [{ base, cur }];
  });
}

/** A cell before the Holm step: everything but pAdjusted and the decision. */
type MeasuredCell = Omit<
  CellComparison,
  'pAdjusted' | 'checks' | 'status' | 'regression' | 'gated' | 'predictionLimitRatio'
> & {
  readonly ciAboveOne: boolean | null;
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
  { base, cur }: WorkloadPair,
  doc: BaselineDocument,
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
      ...measureCell(base.id, cp.threads, [bp, cp], doc, settings),
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
  [bp, cp]: readonly [Point, Point],
  doc: BaselineDocument,
  settings: CompareSettings,
): Omit<MeasuredCell, 'gatedAs' | 'contentChanged'> {
  const baseSamples = bp.samplesNs;
  const curSamples = cp.samplesNs;
  const usable = (xs: readonly number[]) =>
    xs.length >= MIN_SAMPLES && xs.every((x) => Number.isFinite(x) && x > 0);
  let baselineMedianNs = bp.medianNs;
  let currentMedianNs = cp.medianNs;
  let ratio = currentMedianNs / baselineMedianNs;
  let ci95: readonly [number, number] | null = null;
  let pValue: number | null = null;
  if (usable(baseSamples) && usable(curSamples)) {
    const seed = cellSeed(settings.seed, workload, threads);
    const boot = bootstrapRatioOfMediansCI(baseSamples, curSamples, {
      confidence: settings.confidence,
      resamples: settings.resamples,
      seed,
    });
    baselineMedianNs = median(baseSamples);
    currentMedianNs = median(curSamples);
    ratio = boot.ratio;
    ci95 = boot.ci;
    pValue = mannWhitneyU(curSamples, baseSamples, 'greater').p;
  }
  const history = cellHistory(doc, workload, threads).filter((m) => m > 0);
  return {
    workload,
    threads,
    baselineMedianNs,
    currentMedianNs,
    ratio,
    ci95,
    pValue,
    historyRuns: history.length,
    ciAboveOne: ci95 === null ? null : ci95[0] > 1,
    historyLogs: history.length >= settings.minHistory ? history.map(Math.log) : null,
  };
}

/** A per-cell seed that does not depend on which other cells exist (FNV-1a of the cell's name). */
/** A per-cell seed that does not depend on which other cells exist (FNV-1a of the cell's name). */
export function cellSeed(seed: number, workload: string, threads: number): number {
  let h = 0x811c9dc5;
  for (const ch of `${workload}@${threads}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193);
  }
  return (h ^ seed) >>> 0;
}

/** Holm over the gated family (and, for information, over all cells), then each cell's status. */
function adjustAndDecide(measured: readonly MeasuredCell[], s: CompareSettings): CellComparison[] {
  const gatedAdj = holmWhere(measured, (c) => isGated(c, s.gate));
  const allAdj = holmWhere(measured, () => true);
  const alpha = 1 - s.confidence;
  // The prediction limits of the gated cells form one family too: Bonferroni, so the chance
  // that any gated cell of an unchanged workload lands beyond its limit stays at alpha.
  const gatedWithHistory = measured.filter((c) => isGated(c, s.gate) && c.historyLogs).length;
  return measured.map((c, i) => {
    const gated = isGated(c, s.gate);
    const pAdjusted = (gated ? gatedAdj[i] : allAdj[i]) ?? null;
    const { ciAboveOne, historyLogs, ...rest } = c;
    const level = 1 - alpha / (gated ? Math.max(1, gatedWithHistory) : 1);
    const limit = historyLogs ? robustTPredictionUpperLimit(historyLogs, level) : null;
    const predictionLimitRatio = limit === null ? null : Math.exp(limit) / c.baselineMedianNs;
    const beyondHistory = limit === null ? null : Math.log(c.currentMedianNs) > limit;
    const checks: CellChecks = {
      slowdown: c.ratio - 1 >= s.threshold - 1e-12,
      ciAboveOne,
      significant: pAdjusted === null ? null : pAdjusted < alpha,
      beyondHistory,
      beyondColdStart:
        beyondHistory === null
          ? c.ratio - 1 >= Math.max(s.threshold, s.coldStartThreshold) - 1e-12
          : null,
    };
    const all =
      checks.slowdown &&
      ciAboveOne === true &&
      checks.significant === true &&
      beyondHistory !== false &&
      checks.beyondColdStart !== false;
    const status: CellStatus = all ? 'regression' : checks.slowdown ? 'inconclusive' : 'pass';
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

/** Holm-adjusted p for the cells selected by `pick` that have a p; undefined elsewhere. */
export function holmWhere<T extends { readonly pValue: number | null }>(
  cells: readonly T[],
  pick: (c: T) => boolean,
): (number | undefined)[] {
  const idx = cells.flatMap((c, i) => (pick(c) && c.pValue !== null ? [i] : []));
  const adjusted = holm(idx.map((i) => cells[i]!.pValue!));
  const out = new Array<number | undefined>(cells.length).fill(undefined);
  idx.forEach((cellIndex, k) => {
    out[cellIndex] = adjusted[k];
  });
  return out;
}

function decide(compared: Compared, gated: readonly CellComparison[]): Comparison {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const name = (c: CellComparison) =>
    `${c.workload} @ ${c.threads} thread${c.threads === 1 ? '' : 's'}`;
  const regressions = gated.filter((c) => c.regression);
  if (regressions.length > 0) {
    const list = regressions.map((c) => `${name(c)} +${pct(c.ratio - 1)}`).join(', ');
    return {
      ...compared,
      kind: 'regression',
      regressions,
      reason: `slower beyond the noise: ${list}`,
    };
  }
  const unresolved = gated.filter((c) => c.status === 'inconclusive');
  if (unresolved.length > 0) {
    const list = unresolved.map((c) => `${name(c)} +${pct(c.ratio - 1)} (${whyNot(c)})`).join('; ');
    return {
      ...compared,
      kind: 'inconclusive',
      unresolved,
      reason: `slower by at least ${pct(compared.settings.threshold)} but not beyond the noise: ${list}`,
    };
  }
  return {
    ...compared,
    kind: 'pass',
    reason:
      `no gated cell is ${pct(compared.settings.threshold)} or more slower ` +
      `(largest change ${compared.maxSlowdown >= 0 ? '+' : '−'}${pct(Math.abs(compared.maxSlowdown))})`,
  };
}

/** Which statistical condition a slower cell failed, in words. */
export function whyNot(c: CellComparison): string {
  const reasons: string[] = [];
  if (c.checks.ciAboveOne === null) reasons.push(`fewer than ${MIN_SAMPLES} samples`);
  else if (!c.checks.ciAboveOne) reasons.push('the ratio CI includes 1');
  if (c.checks.significant === false)
    reasons.push(`Holm p = ${c.pAdjusted?.toPrecision(2) ?? '?'}`);
  if (c.checks.beyondHistory === false && c.predictionLimitRatio !== null) {
    reasons.push(
      `within the spread of ${c.historyRuns} baseline runs: limit ×${c.predictionLimitRatio.toFixed(3)}`,
    );
  }
  if (c.checks.beyondColdStart === false) {
    reasons.push(
      `only ${c.historyRuns} run${c.historyRuns === 1 ? '' : 's'} of history: below ${DEFAULT_MIN_HISTORY} runs only a slowdown ≥ ${(DEFAULT_COLD_START_THRESHOLD * 100).toFixed(0)} % counts`,
    );
  }
  return reasons.join(', ') || 'all conditions met';
}
