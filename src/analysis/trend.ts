/**
 * The history as a person reads it: the last runs of each gated cell as a series (for the trend
 * chart), and the thread count the history recommends, so that one run on a busy host does not
 * flip the advice. Plain data in, plain data out.
 */
import type { BaselineDocument } from '../contract/schema.js';
import type { Result } from '../results/types.js';
import type { Comparison } from './comparison.js';

/** Runs drawn per series (the newest; the current run is the last point). */
export const TREND_RUNS = 20;
/** Series drawn at most (the gated cells, in the comparison's order). */
export const TREND_SERIES = 4;

export interface TrendPoint {
  /** ISO date of the run. */
  readonly createdAt: string;
  /** Commit of the run, when the history recorded it. */
  readonly sha?: string;
  readonly medianNs: number;
  /** This run (not yet in the history). */
  readonly current: boolean;
}

export interface TrendSeries {
  readonly workload: string;
  readonly threads: number;
  readonly points: readonly TrendPoint[];
  /** Indexes into `points` where a change point's new segment starts. */
  readonly changes: readonly number[];
}

/** A change point of a cell's history, as the change-point analysis reports it. */
export interface ChangeMark {
  readonly workload: string;
  readonly threads: number;
  /** Index into the history's runs of the first run of the new segment. */
  readonly index: number;
}

/**
 * The series of the gated cells (or, without a comparison, of each workload's recommended
 * thread count): the history's last TREND_RUNS runs and this run.
 */
export function trendSeries(
  history: BaselineDocument,
  current: Result,
  comparison: Comparison | null,
  changes: readonly ChangeMark[] = [],
): TrendSeries[] {
  const cells =
    comparison && comparison.kind !== 'no-baseline'
      ? comparison.cells.filter((c) => c.gated).map((c) => ({ id: c.workload, t: c.threads }))
      : current.workloads.map((w) => ({ id: w.id, t: w.recommended.threads }));
  const out: TrendSeries[] = [];
  for (const { id, t } of cells.slice(0, TREND_SERIES)) {
    const start = Math.max(0, history.runs.length - TREND_RUNS);
    const points: TrendPoint[] = [];
    const at: number[] = [];
    history.runs.slice(start).forEach((run, i) => {
      const p = run.workloads.find((w) => w.id === id)?.points.find((x) => x.threads === t);
      if (p === undefined) return;
      at.push(start + i);
      points.push({
        createdAt: run.createdAt,
        ...(run.sha ? { sha: run.sha } : {}),
        medianNs: p.medianNs,
        current: false,
      });
    });
    // The history's latest run is this run when it was saved already (a push): not twice.
    const now = current.workloads.find((w) => w.id === id)?.points.find((p) => p.threads === t);
    const last = points[points.length - 1];
    if (now && last?.createdAt !== current.createdAt) {
      points.push({ createdAt: current.createdAt, medianNs: now.medianNs, current: true });
    }
    if (points.length < 2) continue;
    const marks = changes
      .filter((c) => c.workload === id && c.threads === t)
      .map((c) => at.indexOf(c.index))
      .filter((i) => i > 0);
    out.push({
      workload: id,
      threads: t,
      points,
      changes: [...new Set(marks)].sort((a, b) => a - b),
    });
  }
  return out;
}

export interface HistoryRecommendation {
  readonly workload: string;
  /** The thread count recommended most often over the runs looked at. */
  readonly threads: number;
  /** In how many of them. */
  readonly agreeing: number;
  readonly runs: number;
  /** This run's recommended count. */
  readonly current: number;
}

/**
 * Per workload, the thread count the last `runs` runs of the history recommend most often, by the
 * recommendation rule on run medians: the fewest threads within `tolerance` of that run's fastest
 * (ties between counts go to the fewer threads). Null for a workload with fewer than 3 such runs.
 */
export function historyRecommendation(
  history: BaselineDocument,
  current: Result,
  tolerance: number,
  runs = 10,
): HistoryRecommendation[] {
  const out: HistoryRecommendation[] = [];
  for (const w of current.workloads) {
    const votes = new Map<number, number>();
    let counted = 0;
    for (const run of history.runs.slice(-runs)) {
      const points = run.workloads.find((x) => x.id === w.id)?.points ?? [];
      if (points.length === 0) continue;
      const best = Math.min(...points.map((p) => p.medianNs));
      const pick = [...points]
        .sort((a, b) => a.threads - b.threads)
        .find((p) => p.medianNs <= best * (1 + tolerance))!;
      votes.set(pick.threads, (votes.get(pick.threads) ?? 0) + 1);
      counted++;
    }
    if (counted < 3) continue;
    const [threads, agreeing] = [...votes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]!;
    out.push({ workload: w.id, threads, agreeing, runs: counted, current: w.recommended.threads });
  }
  return out;
}
