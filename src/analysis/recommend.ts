/**
 * The recommendation rule (DESIGN.md):
 *  - fastest: the thread count with the lowest median;
 *  - recommended: the fewest threads whose latency is within `tolerance` of the fastest, decided
 *    with the CIs — a count qualifies only when the upper end of its 95 % CI is within tolerance
 *    of the fastest median, so noise cannot talk us into a slower setting;
 *  - overall (across workloads): the thread count minimizing the geometric mean of latency
 *    normalized by each workload's best, with the same "fewest threads within tolerance" rule
 *    applied to that geometric mean (equal latency is bought with fewer cores);
 *  - never more threads than the usable CPUs (`maxThreads`): counts above them may be measured
 *    (oversubscription is a legitimate experiment) but are not recommended.
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
  maxThreads = Infinity,
): WorkloadRecommendation {
  if (points.length === 0) throw new RangeError('no points to recommend from');
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const plural = (n: number) => `${n} thread${n === 1 ? '' : 's'}`;
  const lowest = (ps: readonly PointSummary[]) =>
    ps.reduce((best, p) => (p.medianNs < best.medianNs ? p : best));
  const fastest = lowest(points);
  const sorted = [...points].sort((a, b) => a.threads - b.threads);
  // Counts above the usable CPUs may be measured (oversubscription is a legitimate experiment)
  // but are never recommended.
  const eligible = sorted.filter((p) => p.threads <= maxThreads);
  if (eligible.length === 0) {
    const cap = Math.max(1, Math.floor(maxThreads));
    return {
      fastest: fastest.threads,
      recommended: cap,
      reason: `every measured count is above the ${cap} usable CPUs: ${plural(cap)} (not measured), never more`,
    };
  }
  const limit = fastest.medianNs * (1 + tolerance);
  const within = eligible.find((p) => p.threads <= fastest.threads && p.ci95Ns[1] <= limit);
  const pick = within ?? lowest(eligible);
  const over =
    fastest.threads > maxThreads
      ? `${plural(fastest.threads)} measured fastest but oversubscribes the ${Math.floor(maxThreads)} usable CPUs; `
      : '';
  let reason: string;
  if (pick.threads === fastest.threads) {
    reason =
      `${plural(fastest.threads)} is fastest` +
      (sorted.some((p) => p.threads < fastest.threads)
        ? `; fewer threads are more than ${pct(tolerance)} slower (95 % CI)`
        : '');
  } else if (within) {
    reason =
      over +
      `${plural(pick.threads)} is within ${pct(tolerance)} of the fastest (${fastest.threads} threads) ` +
      `at 95 % confidence (+${pct(pick.medianNs / fastest.medianNs - 1)} median)`;
  } else {
    reason =
      over +
      `${plural(pick.threads)} is the fastest within them (+${pct(pick.medianNs / fastest.medianNs - 1)} median)`;
  }
  return { fastest: fastest.threads, recommended: pick.threads, reason };
}

export interface OverallRecommendation {
  readonly threads: number;
  /** Geometric mean of latency / workload best, per thread count. */
  readonly score: ReadonlyMap<number, number>;
  readonly basis: string;
}

/**
 * One thread count for all workloads (only thread counts measured in every workload count; none
 * above `maxThreads`, the usable CPUs, is recommended).
 */
export function recommendOverall(
  workloads: readonly (readonly PointSummary[])[],
  tolerance = DEFAULT_TOLERANCE,
  maxThreads = Infinity,
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
  const eligible = threads.filter((t) => t <= maxThreads);
  if (eligible.length === 0) {
    const cap = Math.max(1, Math.floor(maxThreads));
    return {
      threads: cap,
      score,
      basis: `every measured count is above the ${cap} usable CPUs: ${cap} (not measured), never more`,
    };
  }
  const bestScore = Math.min(...score.values());
  const argmin = threads.find((t) => score.get(t) === bestScore)!;
  const within = eligible.find((t) => score.get(t)! <= bestScore * (1 + tolerance));
  const pick = within ?? eligible.reduce((a, b) => (score.get(b)! < score.get(a)! ? b : a));
  const above = (s: number) => `${((s - 1) * 100).toFixed(1)} %`;
  const basis =
    within === undefined
      ? `${argmin} threads has the best geometric-mean latency but oversubscribes the ${Math.floor(maxThreads)} usable CPUs; ${pick} is the best within them (${above(score.get(pick)! / bestScore)} above)`
      : workloads.length === 1
        ? 'the recommended thread count of the only workload'
        : pick === argmin
          ? `minimizes the geometric mean of latency relative to each workload's best (${above(bestScore)} above the per-workload optimum)`
          : `fewest threads within ${(tolerance * 100).toFixed(0)} % of the best geometric-mean latency (${argmin} threads)`;
  return { threads: pick, score, basis };
}
