/**
 * The recommendation rule (DESIGN.md):
 *  - fastest: the thread count with the lowest median;
 *  - recommended: the fewest threads whose latency is within `tolerance` of the fastest, decided
 *    with a CI so that noise cannot talk us into a slower setting. When the cells carry their
 *    visits by round (every cell is visited once per round), the comparison is paired and
 *    cross-fitted: a count's ratio to the reference — the median of the per-round ratios, with
 *    its distribution-free 95 % CI — compares each round with the cell that was lowest on the
 *    other half of the rounds (two folds: odd rounds against the even rounds' lowest, even
 *    against the odd's). Choosing the lowest and measuring against it on the same data compares
 *    with a minimum of noisy medians, which is biased low (the winner's curse) and pushes the pick
 *    to more threads than needed; across folds every ratio is out of sample and all rounds count.
 *    A count qualifies when the upper end of its ratio's CI is within 1 + tolerance. Without
 *    rounds (or with fewer than MIN_HALF_ROUNDS in each half) the unpaired rule: the upper end of
 *    the count's 95 % CI within tolerance of the fastest median;
 *  - overall (across workloads): the thread count minimizing the geometric mean of latency
 *    normalized by each workload's best, with the same "fewest threads within tolerance" rule
 *    applied to that geometric mean (equal latency is bought with fewer cores);
 *  - never more threads than the usable CPUs (`maxThreads`): counts above them may be measured
 *    (oversubscription is a legitimate experiment) but are not recommended.
 */
import { geometricMean, median, medianCIOrderStat } from '../stats/index.js';

export const DEFAULT_TOLERANCE = 0.05;
/** Rounds needed in each half (odd, even) for the paired, cross-fitted rule. */
export const MIN_HALF_ROUNDS = 6;

export interface PointSummary {
  readonly threads: number;
  readonly medianNs: number;
  readonly ci95Ns: readonly [number, number];
  /** Round → the visit's median, when known (see visits.ts). */
  readonly visits?: ReadonlyMap<number, number>;
}

interface PairedPick {
  readonly reference: PointSummary;
  readonly pick: PointSummary;
  /** The pick's ratio to the reference: median of the per-round ratios, and its CI's upper end. */
  readonly ratio: number;
  readonly upper: number;
  readonly rounds: number;
}

/**
 * The paired, cross-fitted rule (see the file comment), or null when the cells lack rounds or
 * the halves are too short. Two folds: the reference chosen on the even rounds is compared with
 * on the odd rounds, and the one chosen on the odd rounds on the even rounds, so every round's
 * ratio is out of the fold its reference was chosen in and all rounds count.
 */
function pairedPick(
  eligible: readonly PointSummary[],
  all: readonly PointSummary[],
  fastest: PointSummary,
  tolerance: number,
): PairedPick | null {
  if (!all.every((p) => p.visits !== undefined && p.visits.size > 0)) return null;
  const rounds = [...all[0]!.visits!.keys()].filter((r) => all.every((p) => p.visits!.has(r)));
  const odd = rounds.filter((r) => r % 2 === 1);
  const even = rounds.filter((r) => r % 2 === 0);
  if (odd.length < MIN_HALF_ROUNDS || even.length < MIN_HALF_ROUNDS) return null;
  const lowestOn = (half: readonly number[]) => {
    const m = (p: PointSummary) => median(half.map((r) => p.visits!.get(r)!));
    return all.reduce((best, p) => (m(p) < m(best) ? p : best));
  };
  const refForOdd = lowestOn(even);
  const refForEven = lowestOn(odd);
  const against = (c: PointSummary) => {
    const logs = rounds.map((r) => {
      const ref = r % 2 === 1 ? refForOdd : refForEven;
      return Math.log(c.visits!.get(r)! / ref.visits!.get(r)!);
    });
    const [, hi] = medianCIOrderStat(logs, 0.95);
    return { ratio: Math.exp(median(logs)), upper: Math.exp(hi) };
  };
  const sorted = [...eligible].sort((a, b) => a.threads - b.threads);
  for (const c of sorted) {
    if (c.threads > fastest.threads) break;
    if (c === fastest) break;
    const r = against(c);
    if (r.upper <= 1 + tolerance)
      return { reference: fastest, pick: c, ...r, rounds: rounds.length };
  }
  return eligible.includes(fastest)
    ? { reference: fastest, pick: fastest, ratio: 1, upper: 1, rounds: rounds.length }
    : null;
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
  const paired = pairedPick(eligible, points, fastest, tolerance);
  if (paired !== null) {
    const { reference, pick, ratio, upper, rounds } = paired;
    const ref = plural(reference.threads);
    return {
      fastest: fastest.threads,
      recommended: pick.threads,
      reason:
        pick === reference
          ? `${plural(pick.threads)} is fastest` +
            (sorted.some((p) => p.threads < pick.threads)
              ? `; fewer threads are more than ${pct(tolerance)} slower (paired 95 % CI over ${rounds} rounds)`
              : '')
          : `${plural(pick.threads)} is within ${pct(tolerance)} of the fastest (${ref}): ` +
            `${ratio >= 1 ? '+' : '−'}${pct(Math.abs(ratio - 1))} paired, 95 % CI up to +${pct(upper - 1)} over ${rounds} rounds`,
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
