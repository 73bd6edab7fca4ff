/**
 * The same-job gate (DESIGN.md, "The gate", same-job comparison): base and head are measured in
 * the same job, interleaved, so the machine's moods hit both alike. Pure: blocks of measurements
 * in, decisions and a Comparison out (the same union as the stored-baseline gate's).
 *
 * The unit is the session, not the round. Where a session's threads and memory land decides its
 * speed more than anything in one job (two identical models differed by −10 % … +35 % from one
 * job to the next), and every round of one session shares that luck. So the job measures in
 * blocks: each block opens fresh sessions for every (side, threads) cell, in random order, and
 * measures a few interleaved rounds (src/pipeline/same-job.ts). Per cell and block, the observation
 * is d = log(median of the head's visits / median of the base's visits); the blocks are the
 * independent replicates.
 *
 * Decision, per gated cell, at a look after B blocks: the mean of d over the blocks with its
 * two-sided t interval (n = B, df = B − 1) at level 1 − α_look / m, m the gated cells
 * (Bonferroni), α_look this look's share of α = 1 − confidence. With the bar b = log(1 + t),
 * t the threshold:
 *  - regression: the interval lies above b (and the point slowdown is at least t);
 *  - pass: the interval lies below b;
 *  - otherwise undecided: more blocks, until the last look, where an undecided cell passes with
 *    a warning naming its interval (DESIGN: "more rounds, then pass with a warning").
 * Looks are planned (the pipeline's schedule) and α is spent over them, Σ α_look ≤ α (a union
 * bound over looks and cells: the chance that any gated cell is ever wrongly decided either way
 * stays ≤ α, however many looks). Checking after every round from round 10, as before, let a head
 * exactly at the threshold fail 15–23 % of the time against 2.5 % nominal.
 *
 * Gated cells ('all', the default): every measured thread count — a slowdown of the code at any
 * of them is a slowdown of the code, and nothing is chosen from the data. It is also where the
 * power is: on a shared 2-vCPU runner a fresh 2-thread session's speed varies by ~20 % from one
 * session to the next (the out-of-sample sitting of docs/BENCHMARKS.md: +10 % FLOPs caught in
 * 5/12 runs when only the recommended and fastest cell, 2 threads, was gated), while the 1-thread
 * cells vary by a few percent. 'deployed': per workload, the recommended and fastest thread
 * counts of both sides pooled (the geometric mean of the two medians per cell); choosing them
 * from the head alone would gate the cells where the head happened to look fast, and bias the
 * verdict towards pass; pooled, the choice is symmetric in head and base.
 *
 * The reported p (Holm over the gated cells) is the one-sided one-sample t test of mean d > 0,
 * head slower — the same null as the stored gate's Mann–Whitney p.
 */

import { recommendForWorkload, DEFAULT_TOLERANCE, type PointSummary } from './recommend.js';
import {
  cellName,
  formatLevel,
  holmWhere,
  isGateMode,
  GATE_MODES,
  type BaselineSummary,
  type CellChecks,
  type CellComparison,
  type CellStatus,
  type CompareSettings,
  type Comparison,
  type GateMode,
  type GateRole,
} from './comparison.js';
import { DEFAULT_COMPARE_SEED, DEFAULT_MIN_HISTORY, DEFAULT_RESAMPLES } from './compare.js';
import { median, tInterval, tTestGreater } from '../stats/index.js';

/**
 * Default threshold of the same-job comparison: 5 %. Measuring base and head interleaved in one
 * job removes the machine-to-machine noise a stored baseline carries (3–30 % on shared runners).
 */
export const DEFAULT_SAME_JOB_THRESHOLD = 0.05;
/** Family-wise confidence over the gated cells and all looks. */
export const DEFAULT_SAME_JOB_CONFIDENCE = 0.95;
export const DEFAULT_SAME_JOB_GATE: GateMode = 'all';
/** No decision with fewer blocks (a t interval from fewer sessions is too wide to decide). */
export const MIN_BLOCKS = 4;

/** One cell's block medians on both sides: per block, [base, head] (ns), or null if missed. */
export interface CellBlocks {
  readonly threads: number;
  readonly blocks: readonly (readonly [base: number, head: number] | null)[];
  /**
   * Measured as duets (src/measure/duet.ts): base and head at the same time on disjoint pinned
   * CPU sets; a block's pair is then [base, base · exp(median over paired windows of
   * log(head / base))], so that log(head / base) is the block's paired observation and the rule
   * is the same.
   */
  readonly duet?: boolean;
}

/** One workload measured on both sides, block by block. */
export interface SameJobWorkloadBlocks {
  /** The head's id (what the head's Result holds). */
  readonly id: string;
  /** The base's id, when it differs (recorded in a note). */
  readonly baseId?: string;
  readonly headContentHash?: string | null;
  readonly baseContentHash?: string | null;
  readonly cells: readonly CellBlocks[];
  /** The cells as both sides pooled them, for choosing the gated cells. */
  readonly pooled: readonly PointSummary[];
}

export interface LookOptions {
  /** Smallest relative slowdown that fails the gate (0.05 = 5 %). */
  readonly threshold?: number;
  /** Family-wise confidence over gated cells and looks; default 0.95. */
  readonly confidence?: number;
  readonly gate?: GateMode;
  readonly tolerance?: number;
  /** The share of α = 1 − confidence this look spends, in (0, 1]. */
  readonly spend: number;
  /** The last look: undecided gated cells pass with a warning. */
  readonly final: boolean;
  /**
   * Cells decided at an earlier look (key `workload@threads`) and the α share of that look: they
   * are judged at that share again, on the blocks they had then (the pipeline measures no more
   * of them), so they keep their decision — each cell is decided at one look, and the union
   * bound over looks and cells still holds.
   */
  readonly decidedAt?: ReadonlyMap<string, number>;
}

/** The key of a cell in LookOptions.decidedAt. */
export function cellKey(workload: string, threads: number): string {
  return `${workload}@${threads}`;
}

export interface CellDecision {
  readonly workload: string;
  readonly threads: number;
  /** Measured as duets (CellBlocks.duet). */
  readonly duet: boolean;
  readonly gated: boolean;
  readonly gatedAs: readonly GateRole[];
  /** Blocks with both sides measured. */
  readonly blocks: number;
  /** exp(mean d): head / base; > 1 is slower. */
  readonly ratio: number;
  /** The t interval of the ratio at `ciLevel` (null: fewer than MIN_BLOCKS blocks). */
  readonly ci: readonly [number, number] | null;
  readonly ciLevel: number;
  readonly pValue: number | null;
  readonly status: CellStatus;
  /** Passed undecided on the final look. */
  readonly undecided: boolean;
  readonly baseMedianNs: number;
  readonly headMedianNs: number;
}

export interface LookDecision {
  readonly cells: readonly CellDecision[];
  /** Every gated cell is regression or pass on the evidence (before the final rule). */
  readonly decided: boolean;
  readonly gatedCount: number;
  /** The level of the gated cells' intervals at this look. */
  readonly gatedCiLevel: number;
  readonly warnings: readonly string[];
  /**
   * Undecided gated cells at the last look whose interval includes 1 (no evidence of any
   * slowdown, only too much noise to resolve the threshold): passed with a note, not a warning.
   */
  readonly notes: readonly string[];
}

function resolve(opts: LookOptions) {
  const threshold = opts.threshold ?? DEFAULT_SAME_JOB_THRESHOLD;
  const confidence = opts.confidence ?? DEFAULT_SAME_JOB_CONFIDENCE;
  const gate = opts.gate ?? DEFAULT_SAME_JOB_GATE;
  if (!(threshold >= 0 && Number.isFinite(threshold))) {
    throw new RangeError(`threshold must be a finite number ≥ 0; got ${String(threshold)}`);
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be in (0, 1); got ${String(confidence)}`);
  }
  if (!isGateMode(gate)) throw new RangeError(`gate must be one of ${GATE_MODES.join(', ')}`);
  if (!(opts.spend > 0 && opts.spend <= 1)) {
    throw new RangeError(`spend must be in (0, 1]; got ${String(opts.spend)}`);
  }
  return { threshold, confidence, gate, tolerance: opts.tolerance ?? DEFAULT_TOLERANCE };
}

/** The deployed cells of a workload from both sides pooled (see the file comment). */
export function pooledDeployed(
  pooled: readonly PointSummary[],
  tolerance: number,
  maxThreads = Infinity,
): { recommended: number; fastest: number } | null {
  if (pooled.length === 0) return null;
  const r = recommendForWorkload(pooled, tolerance, maxThreads);
  return { recommended: r.recommended, fastest: r.fastest };
}

/** Decide every cell at one look (see the file comment). Pure. */
export function decideLook(
  workloads: readonly SameJobWorkloadBlocks[],
  opts: LookOptions & { readonly maxThreads?: number },
): LookDecision {
  const { threshold, confidence, gate, tolerance } = resolve(opts);
  const rows = workloads.flatMap((w) => {
    const deployed = pooledDeployed(w.pooled, tolerance, opts.maxThreads);
    return w.cells.map((c) => {
      const gatedAs: GateRole[] = [];
      if (deployed?.recommended === c.threads) gatedAs.push('recommended');
      if (deployed?.fastest === c.threads) gatedAs.push('fastest');
      const pairs = c.blocks.filter((b): b is readonly [number, number] => b !== null);
      return {
        workload: w.id,
        threads: c.threads,
        duet: c.duet === true,
        gatedAs,
        gated: gate === 'all' || gatedAs.length > 0,
        logs: pairs.map(([b, h]) => Math.log(h / b)),
        baseMedianNs: pairs.length ? median(pairs.map((p) => p[0])) : NaN,
        headMedianNs: pairs.length ? median(pairs.map((p) => p[1])) : NaN,
      };
    });
  });
  const gatedCount = rows.filter((r) => r.gated).length;
  const alpha = (1 - confidence) * opts.spend;
  const gatedCiLevel = 1 - alpha / Math.max(1, gatedCount);
  const bar = Math.log(1 + threshold);
  const warnings: string[] = [];
  const notes: string[] = [];
  let decided = true;
  const cells = rows.map((r): CellDecision => {
    const earlier = opts.decidedAt?.get(cellKey(r.workload, r.threads));
    const cellAlpha = earlier === undefined ? alpha : (1 - confidence) * earlier;
    const ciLevel = r.gated ? 1 - cellAlpha / Math.max(1, gatedCount) : 1 - cellAlpha;
    const n = r.logs.length;
    const mean = n > 0 ? r.logs.reduce((a, b) => a + b, 0) / n : NaN;
    let ci: readonly [number, number] | null = null;
    let pValue: number | null = null;
    let status: CellStatus = 'inconclusive';
    if (n >= MIN_BLOCKS) {
      const t = tInterval(r.logs, ciLevel);
      ci = [Math.exp(t.ci[0]), Math.exp(t.ci[1])];
      pValue = tTestGreater(r.logs);
      if (t.ci[0] > bar && mean >= bar - 1e-12) status = 'regression';
      else if (t.ci[1] < bar) status = 'pass';
    }
    let undecided = false;
    if (r.gated && status === 'inconclusive') {
      decided = false;
      if (opts.final) {
        status = 'pass';
        undecided = true;
        const line = undecidedText(
          r.workload,
          r.threads,
          n,
          Math.exp(mean),
          ci,
          ciLevel,
          threshold,
        );
        // The interval includes 1: no evidence of a slowdown, only noise too large to resolve the
        // threshold — a note. Above 1 but including the threshold: slower by an unclear amount —
        // a warning.
        if (ci !== null && ci[0] <= 1) notes.push(`${line}; no evidence of a slowdown: passed`);
        else warnings.push(`${line}; passed with a warning`);
      }
    }
    return {
      workload: r.workload,
      threads: r.threads,
      duet: r.duet,
      gated: r.gated,
      gatedAs: r.gatedAs,
      blocks: n,
      ratio: Math.exp(mean),
      ci,
      ciLevel,
      pValue,
      status,
      undecided,
      baseMedianNs: r.baseMedianNs,
      headMedianNs: r.headMedianNs,
    };
  });
  return { cells, decided, gatedCount, gatedCiLevel, warnings, notes };
}

function undecidedText(
  workload: string,
  threads: number,
  blocks: number,
  ratio: number,
  ci: readonly [number, number] | null,
  level: number,
  threshold: number,
): string {
  const what =
    ci === null
      ? `only ${blocks} block${blocks === 1 ? '' : 's'} of sessions (fewer than ${MIN_BLOCKS}), no CI`
      : `ratio ×${ratio.toFixed(3)}, ${formatLevel(level)} CI ×${ci[0].toFixed(3)}–×${ci[1].toFixed(3)} ` +
        `includes the threshold ×${(1 + threshold).toFixed(3)}`;
  return `${cellName(workload, threads)}: undecided after ${blocks} block${blocks === 1 ? '' : 's'} of sessions (${what})`;
}

export interface SameJobCompareOptions extends LookOptions {
  /** What the base is, for the report: "same job: <this>". */
  readonly baseDescription: string;
  readonly fingerprint: string;
  readonly createdAt: string;
  readonly maxThreads?: number;
  /** Blocks and rounds measured, and looks taken, for the note. */
  readonly blocks?: number;
  readonly looks?: number;
  /** Why no cell was measured as a duet (duets off, no CPU pinning here), for a note. */
  readonly noDuet?: string;
}

export interface SameJobComparison {
  readonly comparison: Comparison;
  readonly decision: LookDecision;
}

/** The look's decision as a Comparison ('no-baseline' when no cell can be gated). */
export function compareSameJob(
  workloads: readonly SameJobWorkloadBlocks[],
  opts: SameJobCompareOptions,
): SameJobComparison {
  const { threshold, confidence, gate } = resolve(opts);
  const settings: CompareSettings = {
    threshold,
    confidence,
    minHistory: DEFAULT_MIN_HISTORY,
    coldStartThreshold: threshold,
    gate,
    force: false,
    seed: DEFAULT_COMPARE_SEED,
    resamples: DEFAULT_RESAMPLES,
    familySize: null,
    normalize: 'none', // base and head share the runner
  };
  const decision = decideLook(workloads, opts);
  const notes: string[] = [
    `the baseline (${opts.baseDescription}) was measured in this job, interleaved with the head` +
      (opts.blocks !== undefined
        ? ` in ${opts.blocks} block${opts.blocks === 1 ? '' : 's'} of freshly opened sessions`
        : '') +
      (opts.looks !== undefined ? `, decided at look ${opts.looks}` : '') +
      '; each ratio is the mean over blocks of log(head / base), with a t interval over blocks',
  ];
  for (const w of workloads) {
    if (w.baseId !== undefined && w.baseId !== w.id) {
      notes.push(`${w.id}: the base was measured as ${w.baseId}`);
    }
    if (
      w.headContentHash != null &&
      w.baseContentHash != null &&
      w.headContentHash !== w.baseContentHash
    ) {
      notes.push(`${w.id}: the base and the head differ in content`);
    }
  }
  if (decision.gatedCount > 0) {
    notes.push(
      `the gated cells' intervals are at ${formatLevel(decision.gatedCiLevel)}: ` +
        `${formatLevel(confidence)} for all gated cells and looks together (Bonferroni over ` +
        `${decision.gatedCount} cell${decision.gatedCount === 1 ? '' : 's'}, α spent over the planned looks)`,
    );
  }
  const duets = decision.cells.filter((c) => c.duet);
  if (duets.length > 0) {
    notes.push(
      `${duetText(duets.map((c) => c.threads))} (base and head at the same time on disjoint ` +
        'pinned CPU sets, sides swapped at random per block; per block the median over paired ' +
        'windows of log(head / base))',
    );
  } else if (opts.noDuet !== undefined) {
    notes.push(`no cell measured as a duet: ${opts.noDuet}`);
  }
  if (opts.decidedAt !== undefined && opts.decidedAt.size > 0 && decision.cells.length > 1) {
    notes.push(
      'after a look, later blocks measured only the cells still undecided (a decided cell keeps its decision)',
    );
  }
  notes.push(...decision.notes);
  notes.push(...decision.warnings.map((w) => `warning: ${w}`));
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
    changes: [],
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
  const pAdj = holmWhere(decision.cells, (c) => c.gated);
  const pAll = holmWhere(decision.cells, () => true);
  const contentChanged = new Set(
    workloads
      .filter(
        (w) =>
          w.headContentHash != null &&
          w.baseContentHash != null &&
          w.headContentHash !== w.baseContentHash,
      )
      .map((w) => w.id),
  );
  const cells: CellComparison[] = decision.cells.map((d, i) => {
    const checks: CellChecks = {
      slowdown: d.ratio - 1 >= threshold - 1e-12,
      ciAboveOne: d.ci === null ? null : d.ci[0] > 1,
      significant: d.pValue === null ? null : (d.gated ? pAdj[i]! : pAll[i]!) < 1 - confidence,
      beyondHistory: null,
      beyondColdStart: null,
    };
    return {
      workload: d.workload,
      threads: d.threads,
      baselineMedianNs: d.baseMedianNs,
      currentMedianNs: d.headMedianNs,
      ratio: d.ratio,
      ci95: d.ci,
      ciLevel: d.ciLevel,
      unit: 'sessions',
      pValue: d.pValue,
      pAdjusted: (d.gated ? pAdj[i] : pAll[i]) ?? null,
      historyRuns: 1,
      predictionLimitRatio: null,
      gated: d.gated,
      gatedAs: d.gatedAs,
      checks,
      status: d.status,
      regression: d.gated && d.status === 'regression',
      contentChanged: contentChanged.has(d.workload),
      ...(d.duet ? { duet: true } : {}),
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
      .map((c) =>
        c.ci95 === null
          ? `${cellName(c.workload, c.threads)} ×${c.ratio.toFixed(3)} (too few blocks for a CI)`
          : `${cellName(c.workload, c.threads)} ×${c.ratio.toFixed(3)} (CI ×${c.ci95[0].toFixed(3)}–×${c.ci95[1].toFixed(3)})`,
      )
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
  // Undecided cells passed on the last look: with a warning when their interval lies above 1,
  // with a note when it includes 1 (see decideLook).
  const undecided = decision.cells.filter((d) => d.undecided);
  const warned = undecided.filter((d) => d.ci === null || d.ci[0] > 1).length;
  const noted = undecided.length - warned;
  const cellsWere = (n: number) => `${n} cell${n === 1 ? ' was' : 's were'}`;
  const largest = compared.maxSlowdown;
  return {
    decision,
    comparison: {
      ...compared,
      kind: 'pass',
      reason:
        `no gated cell is ${pct(threshold)} or more slower than the base measured in this job ` +
        `(largest change ${largest >= 0 ? '+' : '−'}${pct(Math.abs(largest))})` +
        (warned > 0 ? `; ${cellsWere(warned)} still undecided and passed with a warning` : '') +
        (noted > 0
          ? `; ${cellsWere(noted)} undecided inside the noise (no evidence of a slowdown): see the notes`
          : ''),
    },
  };
}

/**
 * The planned looks: block counts from MIN_BLOCKS growing by about ×1.4 up to `maxBlocks`
 * (always a look at maxBlocks), and the share of α each spends: linear in the information
 * fraction, α · (B_j − B_{j−1}) / maxBlocks, with the first look spending B_1 / maxBlocks.
 * The shares sum to 1.
 */
export function lookSchedule(maxBlocks: number): { blocks: number; spend: number }[] {
  const last = Math.max(MIN_BLOCKS, Math.floor(maxBlocks));
  const at: number[] = [];
  for (let b = MIN_BLOCKS; b < last; b = Math.max(b + 1, Math.round(b * 1.4))) at.push(b);
  at.push(last);
  return at.map((b, j) => ({ blocks: b, spend: (b - (j === 0 ? 0 : at[j - 1]!)) / last }));
}

/** "measured as duets: 1 thread" / "…: 1 and 2 threads" (distinct counts, ascending). */
export function duetText(threads: readonly number[]): string {
  const t = [...new Set(threads)].sort((a, b) => a - b);
  const list = t.length <= 1 ? t.join('') : `${t.slice(0, -1).join(', ')} and ${t.at(-1)!}`;
  return `measured as duets: ${list} thread${t.length === 1 && t[0] === 1 ? '' : 's'}`;
}

/**
 * The looks still to come after `done` blocks, with α share `spent` taken: the looks of
 * lookSchedule(maxBlocks) after `done` (at least one, at done + 1), their shares scaled to sum to
 * what is left. For a new plan when the pace changes (blocks measure fewer cells once some are
 * decided); the α spent stays spent, so the total stays ≤ 1.
 */
export function replanLooks(
  done: number,
  spent: number,
  maxBlocks: number,
): { blocks: number; spend: number }[] {
  const left = Math.max(0, 1 - spent);
  const rest = lookSchedule(Math.max(maxBlocks, done + 1)).filter((l) => l.blocks > done);
  const total = rest.reduce((a, l) => a + l.spend, 0);
  return rest.map((l) => ({ blocks: l.blocks, spend: Math.max(1e-12, (l.spend / total) * left) }));
}
