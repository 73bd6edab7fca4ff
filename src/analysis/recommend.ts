/**
 * The recommendation rule (DESIGN.md):
 *  - fastest: the thread count with the lowest median;
 *  - recommended: the fewest threads whose latency is within `tolerance` of the fastest, decided
 *    with the CIs — a count qualifies only when the upper end of its 95 % CI is within tolerance
 *    of the fastest median, so noise cannot talk us into a slower setting;
 *  - overall (across workloads): the thread count minimizing the geometric mean of latency
 *    normalized by each workload's best, with the same "fewest threads within tolerance" rule
 *    applied to that geometric mean (equal latency is bought with fewer cores).
 */
import { geometricMean } from '../stats/index.js';

export const DEFAULT_TOLERANCE = 0.05;

export interface PointSummary {
  readonly threads: number;
  readonly medianNs: number;
  readonly ci95Ns: readonly [number, number];
}

export interface WorkloadRecommendation {
  readonly fastest: number;
  readonly recommended: number;
  readonly reason: string;
}

export function recommendForWorkload(
  points: readonly PointSummary[],
  tolerance = DEFAULT_TOLERANCE,
): WorkloadRecommendation {
  if (points.length === 0) throw new RangeError('no points to recommend from');
  const fastest = points.reduce((best, p) => (p.medianNs < best.medianNs ? p : best));
  const limit = fastest.medianNs * (1 + tolerance);
  const sorted = [...points].sort((a, b) => a.threads - b.threads);
  const pick = sorted.find((p) => p.threads <= fastest.threads && p.ci95Ns[1] <= limit) ?? fastest;
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const reason =
    pick.threads === fastest.threads
      ? `${fastest.threads} thread${fastest.threads === 1 ? '' : 's'} is fastest` +
        (sorted.some((p) => p.threads < fastest.threads)
          ? `; fewer threads are more than ${pct(tolerance)} slower (95 % CI)`
          : '')
      : `${pick.threads} thread${pick.threads === 1 ? '' : 's'} is within ${pct(tolerance)} of the fastest (${fastest.threads} threads) ` +
        `at 95 % confidence (+${pct(pick.medianNs / fastest.medianNs - 1)} median)`;
  return { fastest: fastest.threads, recommended: pick.threads, reason };
}

export interface OverallRecommendation {
  readonly threads: number;
  /** Geometric mean of latency / workload best, per thread count. */
  readonly score: ReadonlyMap<number, number>;
  readonly basis: string;
}

/** One thread count for all workloads (only thread counts measured in every workload count). */
export function recommendOverall(
  workloads: readonly (readonly PointSummary[])[],
  tolerance = DEFAULT_TOLERANCE,
): OverallRecommendation {
  if (workloads.length === 0) throw new RangeError('no workloads to recommend from');
  const common = workloads
    .map((pts) => new Set(pts.map((p) => p.threads)))
    .reduce((a, b) => new Set([...a].filter((t) => b.has(t))));
  const threads = [...common].sort((a, b) => a - b);
  if (threads.length === 0) throw new RangeError('no thread count is common to all workloads');
  const score = new Map<number, number>();
  for (const t of threads) {
    const normalized = workloads.map((pts) => {
      const best = Math.min(...pts.map((p) => p.medianNs));
      return pts.find((p) => p.threads === t)!.medianNs / best;
    });
    score.set(t, geometricMean(normalized));
  }
  const bestScore = Math.min(...score.values());
  const pick = threads.find((t) => score.get(t)! <= bestScore * (1 + tolerance))!;
  const argmin = threads.find((t) => score.get(t) === bestScore)!;
  const basis =
    workloads.length === 1
      ? 'the recommended thread count of the only workload'
      : pick === argmin
        ? `minimizes the geometric mean of latency relative to each workload's best (${((bestScore - 1) * 100).toFixed(1)} % above the per-workload optimum)`
        : `fewest threads within ${(tolerance * 100).toFixed(0)} % of the best geometric-mean latency (${argmin} threads)`;
  return { threads: pick, score, basis };
}
