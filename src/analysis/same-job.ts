/**
 * The same-job gate (DESIGN.md, "The gate", same-job comparison): base and head are measured in
 * the same job, in randomized interleaved rounds, so the slow moods of the machine (thermal,
 * neighbours, clock changes) hit both alike, and the machine-to-machine noise that a stored
 * baseline carries is gone. Pure: samples in, a {@link Comparison} out (the same union as the
 * stored-baseline gate, so the report and `toComparisonJson` work unchanged).
 *
 * Pairing. Each sample carries the round it was taken in. Per cell and per round, the paired
 * observation is log(median of the head's samples in that round / median of the base's samples
 * in that round); rounds where either side has no sample are skipped. Within one round the two
 * visits are close in time (the round visits every cell once, in a random order), so the ratio
 * cancels whatever the machine was doing then; using the round's median (a visit can hold up to
 * 50 calls) makes one observation per round, because calls within a visit are not independent.
 *
 * Decision, per cell: ratio = exp(median paired log-ratio), with the percentile-bootstrap CI of
 * that median (`bootstrapMedianOfLogRatiosCI`, resampling rounds). With t = threshold:
 *  - regression: the CI's lower bound > 1 + t (and, as guards, the point ratio ≥ 1 + t and the
 *    Holm-adjusted sign test says "head slower", below);
 *  - pass: the CI's upper bound < 1 + t;
 *  - otherwise inconclusive: the caller measures more rounds. With `final`, an inconclusive
 *    gated cell becomes pass with a warning naming the cell and its CI (DESIGN: "more rounds,
 *    then pass with a warning").
 * Fewer than MIN_PAIRS paired rounds: no CI, inconclusive.
 *
 * Multiplicity. The CIs of the m gated cells are computed at 1 − (1 − confidence)/m
 * (Bonferroni): together they all cover with probability ≥ confidence, so the chance that any
 * gated cell is wrongly decided (either way) is ≤ 1 − confidence. Bonferroni rather than Holm for
 * the CIs because Holm is a step-down procedure on p-values and has no simultaneous CIs to match
 * it; with the default gate m is 1 or 2 per workload (recommended and fastest often coincide),
 * where Holm's first step is Bonferroni anyway. The reported p-values (one-sided exact sign test,
 * below) are Holm-adjusted across the gated cells, as in the stored-baseline gate. Other cells
 * get plain `confidence` CIs; they are reported, never gate. The bootstrap uses at least
 * 50·m / (1 − confidence) resamples, so each tail of the widened CI still rests on ≥ 25 of them.
 *
 * p-value. The one-sided exact sign test of "head is not slower" (median paired log-ratio ≤ 0):
 * p = P(Binomial(n, ½) ≥ k), k = rounds where the head was slower, n = rounds that are not
 * exact ties. It is the test that goes with a median (distribution-free, exact for any n, no
 * symmetry assumption, unlike the Wilcoxon signed-rank test), and it has the same null as the
 * stored-baseline gate's Mann–Whitney p (current slower), so the report's "p (Holm)" column
 * means the same thing in both modes. src/stats has no sign test (nor a binomial tail); the
 * small exact tail below is the only statistic written here.
 *
 * Checks, as in the stored-baseline gate (literal meanings):
 *  - slowdown: point ratio − 1 ≥ threshold;
 *  - ciAboveOne: the CI's lower bound > 1 (null: fewer than MIN_PAIRS pairs);
 *  - significant: Holm-adjusted sign-test p < 1 − confidence (null: fewer than MIN_PAIRS pairs);
 *  - beyondHistory, beyondColdStart: null — there is no history, and the cold-start bar exists
 *    because within-run statistics cannot see run-to-run noise, which is what the same-job design
 *    removes (settings.coldStartThreshold is therefore set to the threshold).
 * A regression needs slowdown, significant, and the CI above 1 + threshold (so ciAboveOne too).
 *
 * Gated cells ('deployed', the default): per workload, the head's recommended and fastest thread
 * counts, from the head samples with `recommendForWorkload`. compareSameJob computes the points
 * exactly as `buildResult` does (median, 95 % bootstrap CI with 2000 resamples and seed + 1000 ·
 * workload index + cell index), so the head's Result built from the head's sweep with the same
 * seed and tolerance marks the same cells; sameJobDecided, the look after every round, uses the
 * O(n) order-statistic CI instead (the bootstrap costs O(n · 2000) per cell and look, which on a
 * real clock comes out of the budget). 'all' gates every paired cell.
 * Cells are named by the head workload's id (what the report's Result holds); the base is paired
 * explicitly, not by id, so its id may differ (a note records it). Base and head are one run
 * each: `baseline.runs` and `historyRuns` are 1.
 */

import { recommendForWorkload, DEFAULT_TOLERANCE, type PointSummary } from './recommend.js';
import {
  DEFAULT_COMPARE_SEED,
  DEFAULT_MIN_HISTORY,
  cellSeed,
  holmWhere,
  DEFAULT_RESAMPLES,
  GATE_MODES,
  isGateMode,
  type BaselineSummary,
  type CellChecks,
  type CellComparison,
  type CellStatus,
  type CompareSettings,
  type Comparison,
  type GateMode,
  type GateRole,
} from './compare.js';
import {
  bootstrapMedianCI,
  bootstrapMedianOfLogRatiosCI,
  median,
  medianCIOrderStat,
} from '../stats/index.js';

/** Fewer paired rounds than this: no CI and no p, the cell stays inconclusive. */
export const MIN_PAIRS = 5;
/** Each tail of a (Bonferroni-widened) bootstrap CI rests on at least this many resamples. */
const MIN_TAIL_RESAMPLES = 25;

/** One cell's samples as the sweep engine gives them: `rounds[i]` is the round of `samplesNs[i]`. */
export interface CellSamples {
  readonly samplesNs: readonly number[];
  readonly rounds: readonly number[];
}

/**
 * [base, head] per round, ascending by round: the median of each side's samples in that round.
 * Rounds where either side has no sample, or a median that is not a finite number > 0, are
 * skipped.
 */
export function pairByRound(
  base: CellSamples,
  head: CellSamples,
): [baseMedianNs: number, headMedianNs: number][] {
  const b = groupByRound(base, 'base');
  const h = groupByRound(head, 'head');
  const out: [number, number][] = [];
  for (const round of [...b.keys()].sort((x, y) => x - y)) {
    const hs = h.get(round);
    if (hs === undefined) continue;
    const bm = median(b.get(round)!);
    const hm = median(hs);
    if (bm > 0 && hm > 0 && Number.isFinite(bm) && Number.isFinite(hm)) out.push([bm, hm]);
  }
  return out;
}

/** log(median head / median base) per round (see {@link pairByRound}); > 0: head slower. */
export function pairedLogRatios(base: CellSamples, head: CellSamples): number[] {
  return pairByRound(base, head).map(([b, h]) => Math.log(h / b));
}

function groupByRound(cell: CellSamples, side: string): Map<number, number[]> {
  if (cell.samplesNs.length !== cell.rounds.length) {
    throw new RangeError(
      `pairedLogRatios: ${side} has ${cell.samplesNs.length} samples but ${cell.rounds.length} round indices`,
    );
  }
  const groups = new Map<number, number[]>();
  cell.samplesNs.forEach((x, i) => {
    const r = cell.rounds[i]!;
    const g = groups.get(r);
    if (g === undefined) groups.set(r, [x]);
    else g.push(x);
  });
  return groups;
}

/**
 * One-sided exact sign test of "median of d ≤ 0" against "> 0": P(Binomial(n, ½) ≥ k), k the
 * positive values, n the non-zero ones (exact ties carry no sign). 1 when n = 0.
 */
export function signTestGreater(d: readonly number[]): number {
  let n = 0;
  let k = 0;
  for (const x of d) {
    if (x > 0) k++;
    if (x !== 0) n++;
  }
  if (n === 0) return 1;
  // P(B = j) in log space, P(j+1) = P(j)·(n − j)/(j + 1): no overflow for any n.
  let logPmf = -n * Math.LN2;
  let tail = 0;
  for (let j = 0; j <= n; j++) {
    if (j >= k) tail += Math.exp(logPmf);
    logPmf += Math.log(n - j) - Math.log(j + 1);
  }
  return Math.min(1, tail);
}

// ---------------------------------------------------------------------------------------------
// The decision rule on paired cells

/** One cell's paired observations. */
export interface PairedCell {
  readonly workload: string;
  readonly threads: number;
  /** [base, head] per round (see {@link pairByRound}). */
  readonly pairs: readonly (readonly [number, number])[];
  readonly gated: boolean;
}

export interface SameJobDecisionOptions {
  /** Smallest relative slowdown that fails the gate (0.10 = 10 %). */
  readonly threshold: number;
  /** Family-wise confidence over the gated cells, in (0, 1). */
  readonly confidence: number;
  readonly seed: number;
  /** Bootstrap resamples (raised to 50·m/(1 − confidence) when needed); default 2000. */
  readonly resamples?: number;
  /** Last look: inconclusive gated cells become pass, with a warning. */
  readonly final: boolean;
}

export interface CellDecision {
  readonly workload: string;
  readonly threads: number;
  /** Paired rounds used. */
  readonly pairs: number;
  /** exp(median paired log-ratio), head / base; > 1 is slower. NaN with no pairs. */
  readonly ratio: number;
  /** Bootstrap CI of the ratio at `ciLevel`; null with fewer than MIN_PAIRS pairs. */
  readonly ci: readonly [number, number] | null;
  readonly ciLevel: number;
  /** One-sided exact sign-test p, "head slower" (null with fewer than MIN_PAIRS pairs). */
  readonly pValue: number | null;
  /** Holm-adjusted p: across the gated cells for a gated cell, across all cells otherwise. */
  readonly pAdjusted: number | null;
  readonly gated: boolean;
  readonly checks: CellChecks;
  readonly status: CellStatus;
  /** Was inconclusive on the final look and was passed with a warning. */
  readonly undecided: boolean;
}

export interface SameJobDecision {
  readonly cells: readonly CellDecision[];
  /** Every gated cell is regression or pass on the evidence alone (before the final rule). */
  readonly decided: boolean;
  /** Number of gated cells (m of the Bonferroni step). */
  readonly gatedCount: number;
  /** CI level of the gated cells: 1 − (1 − confidence)/m. */
  readonly gatedCiLevel: number;
  /** One per gated cell passed undecided on the final look. */
  readonly warnings: readonly string[];
}

/** The per-cell rule; see the file comment. Pure and deterministic (seeded per cell). */
export function decideSameJob(
  cells: readonly PairedCell[],
  opts: SameJobDecisionOptions,
): SameJobDecision {
  const { threshold, confidence, seed, final } = opts;
  checkThresholdAndConfidence(threshold, confidence);
  const alpha = 1 - confidence;
  const gatedCount = cells.filter((c) => c.gated).length;
  const m = Math.max(1, gatedCount);
  const gatedCiLevel = 1 - alpha / m;
  const resamples = Math.max(
    opts.resamples ?? DEFAULT_RESAMPLES,
    Math.ceil((2 * MIN_TAIL_RESAMPLES * m) / alpha),
  );
  const bar = 1 + threshold;

  const measured = cells.map((c) => {
    const level = c.gated ? gatedCiLevel : confidence;
    const logs = c.pairs.map(([b, h]) => Math.log(h / b));
    if (c.pairs.length < MIN_PAIRS) {
      const ratio = logs.length > 0 ? Math.exp(median(logs)) : NaN;
      return { cell: c, level, ratio, ci: null, pValue: null };
    }
    const boot = bootstrapMedianOfLogRatiosCI(c.pairs, {
      confidence: level,
      resamples,
      seed: cellSeed(seed, c.workload, c.threads),
    });
    return {
      cell: c,
      level,
      ratio: boot.ratio,
      ci: boot.ci as readonly [number, number],
      pValue: signTestGreater(logs),
    };
  });

  const gatedAdj = holmWhere(measured, (x) => x.cell.gated);
  const allAdj = holmWhere(measured, () => true);
  const warnings: string[] = [];
  let decided = true;
  const decisions = measured.map((x, i): CellDecision => {
    const { cell, ci } = x;
    const pAdjusted = (cell.gated ? gatedAdj[i] : allAdj[i]) ?? null;
    const checks: CellChecks = {
      slowdown: x.ratio - 1 >= threshold - 1e-12,
      ciAboveOne: ci === null ? null : ci[0] > 1,
      significant: pAdjusted === null ? null : pAdjusted < alpha,
      beyondHistory: null,
      beyondColdStart: null,
    };
    let status: CellStatus = 'inconclusive';
    if (ci !== null && ci[0] > bar && checks.slowdown && checks.significant === true) {
      status = 'regression';
    } else if (ci !== null && ci[1] < bar) {
      status = 'pass';
    }
    let undecided = false;
    if (cell.gated && status === 'inconclusive') {
      decided = false;
      if (final) {
        status = 'pass';
        undecided = true;
        warnings.push(undecidedWarning(cell, x.ratio, ci, x.level, threshold));
      }
    }
    return {
      workload: cell.workload,
      threads: cell.threads,
      pairs: cell.pairs.length,
      ratio: x.ratio,
      ci,
      ciLevel: x.level,
      pValue: x.pValue,
      pAdjusted,
      gated: cell.gated,
      checks,
      status,
      undecided,
    };
  });
  return { cells: decisions, decided, gatedCount, gatedCiLevel, warnings };
}

function checkThresholdAndConfidence(threshold: number, confidence: number): void {
  if (!(threshold >= 0 && Number.isFinite(threshold))) {
    throw new RangeError(`threshold must be a finite number ≥ 0; got ${String(threshold)}`);
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be in (0, 1); got ${String(confidence)}`);
  }
}

function undecidedWarning(
  cell: PairedCell,
  ratio: number,
  ci: readonly [number, number] | null,
  level: number,
  threshold: number,
): string {
  const what =
    ci === null
      ? `only ${cell.pairs.length} paired round${cell.pairs.length === 1 ? '' : 's'} (fewer than ${MIN_PAIRS}), no CI`
      : `ratio ×${ratio.toFixed(3)}, ${formatLevel(level)} CI ×${ci[0].toFixed(3)}–×${ci[1].toFixed(3)} ` +
        `includes the threshold ×${(1 + threshold).toFixed(3)}`;
  return (
    `${cellName(cell.workload, cell.threads)}: undecided after ${cell.pairs.length} paired ` +
    `round${cell.pairs.length === 1 ? '' : 's'} (${what}); passed with a warning`
  );
}

// ---------------------------------------------------------------------------------------------
// From samples to a Comparison

/** One workload's cells on one side, as measured (e.g. a WorkloadSweep's cells). */
export interface SameJobWorkloadSamples {
  readonly id: string;
  readonly contentHash?: string | null;
  readonly cells: readonly (CellSamples & { readonly threads: number })[];
  /**
   * The deployed thread counts, when the caller already knows them (e.g. from the head's
   * Result); otherwise they are computed from the head's samples.
   */
  readonly deployed?: { readonly recommended: number; readonly fastest: number };
}

/** A head workload and the base it is compared with (explicitly paired, not matched by id). */
export interface SameJobPair {
  readonly head: SameJobWorkloadSamples;
  readonly base: SameJobWorkloadSamples;
}

/**
 * The CI of each head point that the recommendation (hence the gated cells) is computed with:
 * 'bootstrap' exactly as buildResult (O(n · 2000) per cell); 'order-statistic' the exact
 * distribution-free CI of the median (O(n), for the look after every round).
 */
export type RecommendationCi = 'bootstrap' | 'order-statistic';

export interface SameJobLookOptions {
  readonly threshold?: number;
  readonly confidence?: number;
  /** The sweep's seed: seeds the recommendation CIs (as buildResult) and the bootstraps. */
  readonly seed?: number;
  readonly resamples?: number;
  readonly gate?: GateMode;
  /** Recommendation tolerance (as the sweep's settings). */
  readonly tolerance?: number;
  /** Default 'bootstrap' in compareSameJob, 'order-statistic' in sameJobDecided. */
  readonly recommendationCi?: RecommendationCi;
}

export interface SameJobCompareOptions extends SameJobLookOptions {
  readonly final: boolean;
  /** What the base is, e.g. "origin/main" or "base ref abc1234": source "same job: …". */
  readonly baseDescription: string;
  /** This machine's fingerprint (both sides ran on it). */
  readonly fingerprint: string;
  /** When the measurement happened (ISO 8601). */
  readonly createdAt: string;
  /** Rounds measured, for the note. */
  readonly rounds?: number;
}

export interface SameJobComparison {
  readonly comparison: Comparison;
  readonly decision: SameJobDecision;
}

function resolveSettings(opts: SameJobLookOptions): CompareSettings {
  const threshold = opts.threshold ?? DEFAULT_SAME_JOB_THRESHOLD;
  const confidence = opts.confidence ?? DEFAULT_SAME_JOB_CONFIDENCE;
  checkThresholdAndConfidence(threshold, confidence);
  const gate = opts.gate ?? DEFAULT_SAME_JOB_GATE;
  if (!isGateMode(gate)) throw new RangeError(`gate must be one of ${GATE_MODES.join(', ')}`);
  return {
    threshold,
    confidence,
    minHistory: DEFAULT_MIN_HISTORY,
    // No cold-start bar in this mode: the threshold is the smallest slowdown that can fail.
    coldStartThreshold: threshold,
    gate,
    force: false,
    seed: opts.seed ?? DEFAULT_COMPARE_SEED,
    resamples: opts.resamples ?? DEFAULT_RESAMPLES,
  };
}

interface Row {
  readonly paired: PairedCell;
  readonly gatedAs: GateRole[];
  readonly baseMedianNs: number;
  readonly headMedianNs: number;
  readonly contentChanged: boolean;
}

/** Head cells paired with the base cells of the same thread count, gated or not. */
function pairRows(
  pairs: readonly SameJobPair[],
  settings: CompareSettings,
  opts: SameJobLookOptions,
  defaultCi: RecommendationCi,
  notes: string[],
): Row[] {
  const tolerance = opts.tolerance ?? DEFAULT_TOLERANCE;
  const ciMethod = opts.recommendationCi ?? defaultCi;
  const rows: Row[] = [];
  pairs.forEach(({ head, base }, wi) => {
    if (base.id !== head.id) notes.push(`${head.id}: the base was measured as ${base.id}`);
    const contentChanged =
      head.contentHash != null && base.contentHash != null && head.contentHash !== base.contentHash;
    if (contentChanged) notes.push(`${head.id}: the base and the head differ in content`);
    const deployed = head.deployed ?? deployedThreads(head, wi, settings.seed, tolerance, ciMethod);
    for (const hc of head.cells) {
      const bc = base.cells.find((c) => c.threads === hc.threads);
      if (bc === undefined || hc.samplesNs.length === 0 || bc.samplesNs.length === 0) continue;
      const gatedAs: GateRole[] = [];
      if (deployed?.recommended === hc.threads) gatedAs.push('recommended');
      if (deployed?.fastest === hc.threads) gatedAs.push('fastest');
      rows.push({
        paired: {
          workload: head.id,
          threads: hc.threads,
          pairs: pairByRound(bc, hc),
          gated: settings.gate === 'all' || gatedAs.length > 0,
        },
        gatedAs,
        baseMedianNs: median(bc.samplesNs),
        headMedianNs: median(hc.samplesNs),
        contentChanged,
      });
    }
    const unpaired = [
      ...head.cells.filter((h) => !base.cells.some((b) => b.threads === h.threads)),
      ...base.cells.filter((b) => !head.cells.some((h) => h.threads === b.threads)),
    ].map((c) => c.threads);
    if (unpaired.length > 0) {
      notes.push(`${head.id}: thread counts ${unpaired.join(', ')} were measured on one side only`);
    }
  });
  return rows;
}

/**
 * The look after a round: is every gated cell decided (regression or pass)? The same rule as
 * {@link compareSameJob}, computing only what the answer needs: the gated cells' decisions
 * (which do not depend on the other cells: m and Holm count gated cells only), with the gated
 * cells chosen from order-statistic CIs by default (cheap; see {@link RecommendationCi}).
 * True when there is nothing to gate.
 */
export function sameJobDecided(pairs: readonly SameJobPair[], opts: SameJobLookOptions): boolean {
  const settings = resolveSettings(opts);
  const gated = pairRows(pairs, settings, opts, 'order-statistic', [])
    .filter((r) => r.paired.gated)
    .map((r) => r.paired);
  if (gated.length === 0) return true;
  return decideSameJob(gated, {
    threshold: settings.threshold,
    confidence: settings.confidence,
    seed: settings.seed,
    resamples: settings.resamples,
    final: false,
  }).decided;
}

/**
 * Pair each head cell with the base cell of the same thread count, decide, and build the
 * Comparison. 'no-baseline' when there is no cell to gate (no common thread count).
 */
export function compareSameJob(
  pairs: readonly SameJobPair[],
  opts: SameJobCompareOptions,
): SameJobComparison {
  const settings = resolveSettings(opts);
  const { threshold, confidence } = settings;
  const notes: string[] = [];
  const roundsText =
    opts.rounds === undefined
      ? ''
      : ` in ${opts.rounds} randomized round${opts.rounds === 1 ? '' : 's'}`;
  notes.push(
    `the baseline (${opts.baseDescription}) was measured in this job, interleaved with the head` +
      `${roundsText}; each ratio is the median over rounds of head / base within a round`,
  );
  const rows = pairRows(pairs, settings, opts, 'bootstrap', notes);

  const decision = decideSameJob(
    rows.map((r) => r.paired),
    {
      threshold,
      confidence,
      seed: settings.seed,
      resamples: settings.resamples,
      final: opts.final,
    },
  );
  const baseline: BaselineSummary = {
    source: `same job: ${opts.baseDescription}`,
    fingerprint: opts.fingerprint,
    runs: 1,
    latestCreatedAt: opts.createdAt,
  };
  const common = {
    settings,
    current: { fingerprint: opts.fingerprint, createdAt: opts.createdAt },
    machineDifferences: [],
    notes,
  };
  if (decision.gatedCount === 0) {
    return {
      decision,
      comparison: {
        kind: 'no-baseline',
        ...common,
        baseline,
        reason: 'the base and the head have no thread count in common to gate',
      },
    };
  }
  if (decision.gatedCount > 1) {
    notes.push(
      `the CIs of the ${decision.gatedCount} gated cells are at ${formatLevel(decision.gatedCiLevel)} ` +
        `(Bonferroni: ${formatLevel(confidence)} for all of them together), the others at ${formatLevel(confidence)}`,
    );
  }
  notes.push(...decision.warnings.map((w) => `warning: ${w}`));

  const cells: CellComparison[] = rows.map((r, i) => {
    const d = decision.cells[i]!;
    return {
      workload: d.workload,
      threads: d.threads,
      baselineMedianNs: r.baseMedianNs,
      currentMedianNs: r.headMedianNs,
      // No paired round at all (the sides were measured apart): the ratio of the medians.
      ratio: d.pairs > 0 ? d.ratio : r.headMedianNs / r.baseMedianNs,
      ci95: d.ci,
      pValue: d.pValue,
      pAdjusted: d.pAdjusted,
      historyRuns: 1,
      predictionLimitRatio: null,
      gated: d.gated,
      gatedAs: r.gatedAs,
      checks: d.checks,
      status: d.status,
      regression: d.gated && d.status === 'regression',
      contentChanged: r.contentChanged,
    };
  });
  const gated = cells.filter((c) => c.gated);
  const compared = {
    ...common,
    baseline,
    forced: false,
    cells,
    maxSlowdown: Math.max(...gated.map((c) => c.ratio - 1)),
    workloadsOnlyInBaseline: [],
    workloadsOnlyInCurrent: [],
  };
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const regressions = gated.filter((c) => c.regression);
  if (regressions.length > 0) {
    const list = regressions
      .map((c) => `${cellName(c.workload, c.threads)} +${pct(c.ratio - 1)}`)
      .join(', ');
    return {
      decision,
      comparison: {
        ...compared,
        kind: 'regression',
        regressions,
        reason: `slower than the base by more than ${pct(threshold)} (measured in the same job): ${list}`,
      },
    };
  }
  const unresolved = gated.filter((c) => c.status === 'inconclusive');
  if (unresolved.length > 0) {
    const list = unresolved
      .map((c) => `${cellName(c.workload, c.threads)} ${ciText(c)}`)
      .join('; ');
    return {
      decision,
      comparison: {
        ...compared,
        kind: 'inconclusive',
        unresolved,
        reason: `not yet clear whether slower than the base by ${pct(threshold)}: ${list}`,
      },
    };
  }
  const undecided = decision.cells.filter((d) => d.undecided).length;
  const largest = compared.maxSlowdown;
  return {
    decision,
    comparison: {
      ...compared,
      kind: 'pass',
      reason:
        `no gated cell is ${pct(threshold)} or more slower than the base measured in this job ` +
        `(largest change ${largest >= 0 ? '+' : '−'}${pct(Math.abs(largest))})` +
        (undecided > 0
          ? `; ${undecided} cell${undecided === 1 ? ' was' : 's were'} still undecided and passed with a warning`
          : ''),
    },
  };
}

/**
 * The head's deployed thread counts. With 'bootstrap', computed exactly as buildResult computes a
 * Result's: per cell the median and the 95 % bootstrap CI (2000 resamples, seed + 1000·workload
 * index + cell index).
 */
function deployedThreads(
  w: SameJobWorkloadSamples,
  wi: number,
  seed: number,
  tolerance: number,
  ciMethod: RecommendationCi,
): { recommended: number; fastest: number } | null {
  const points: PointSummary[] = w.cells.flatMap((cell, ci) => {
    if (cell.samplesNs.length === 0) return [];
    const [lo, hi] =
      ciMethod === 'bootstrap'
        ? bootstrapMedianCI(cell.samplesNs, {
            confidence: 0.95,
            resamples: 2000,
            seed: seed + 1000 * wi + ci,
          })
        : medianCIOrderStat(cell.samplesNs, 0.95);
    return [{ threads: cell.threads, medianNs: median(cell.samplesNs), ci95Ns: [lo, hi] as const }];
  });
  if (points.length === 0) return null;
  const rec = recommendForWorkload(points, tolerance);
  return { recommended: rec.recommended, fastest: rec.fastest };
}

function cellName(workload: string, threads: number): string {
  return `${workload} @ ${threads} thread${threads === 1 ? '' : 's'}`;
}

function ciText(c: CellComparison): string {
  return c.ci95 === null
    ? `×${c.ratio.toFixed(3)} (too few rounds for a CI)`
    : `×${c.ratio.toFixed(3)} (CI ×${c.ci95[0].toFixed(3)}–×${c.ci95[1].toFixed(3)})`;
}

function formatLevel(level: number): string {
  const pct = level * 100;
  return `${Number.isInteger(pct) ? pct.toFixed(0) : pct.toPrecision(4).replace(/0+$/, '')} %`;
}

/**
 * Default threshold of the same-job comparison: 5 %. Measuring base and head interleaved in one
 * job removes the machine-to-machine noise a stored baseline carries (3–30 % on shared runners),
 * and the rule already demands that the whole CI lie above 1 + threshold, so a lower bar than the
 * stored-baseline gate's 10 % still holds false alarms down while detecting a 10 % slowdown.
 */
export const DEFAULT_SAME_JOB_THRESHOLD = 0.05;

/**
 * The same-job gate keeps the settings it was measured with (docs/BENCHMARKS.md: 2/200 A/A false
 * alarms over two sittings, +10 % FLOPs caught 40/40): 95 % confidence, Bonferroni over the
 * deployed cells (each workload's recommended and fastest thread counts). The stored-baseline
 * gate moved to 99 % and all cells because its noise is the machine's, not the code's.
 */
export const DEFAULT_SAME_JOB_CONFIDENCE = 0.95;
export const DEFAULT_SAME_JOB_GATE: GateMode = 'deployed';
