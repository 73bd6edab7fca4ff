/**
 * The throughput objective's analysis: which split of the CPUs to recommend, and the view of the
 * splits the stored gate compares.
 *
 * Recommendation, per workload: the split with the most requests per second; among the splits
 * within `tolerance` of it — decided with the CI, a split qualifies when the lower end of its
 * 95 % CI is at least best / (1 + tolerance) — the one with the fewest workers (more threads per
 * request: lower latency for the same throughput). Across workloads: the split maximizing the
 * geometric mean of each workload's requests per second relative to its best, with the same
 * fewest-workers-within-tolerance rule. Said the way a server is configured:
 * "4 workers × OMP_NUM_THREADS=4: 2.6× the throughput of 1 × 16".
 *
 * Gating: a split is a cell whose "latency" is the time per request of the whole machine
 * (1 / requests per second), one observation per window, so the stored gate compares it as it
 * compares latency — lower throughput is a slowdown. throughputAsWorkloads gives those cells as
 * workloads with the id `<workload> · throughput`, keyed by threads per worker (the workers
 * follow: workers × threads = the usable CPUs).
 */
import { geometricMean } from '../stats/index.js';
import type { Result, ThroughputPoint, WorkloadResult } from '../results/types.js';
import { DEFAULT_TOLERANCE } from './recommend.js';

export interface SplitChoice {
  readonly workers: number;
  readonly threadsPerWorker: number;
  readonly reason: string;
}

const splitText = (p: { workers: number; threadsPerWorker: number }) =>
  `${p.workers} worker${p.workers === 1 ? '' : 's'} × OMP_NUM_THREADS=${p.threadsPerWorker}`;

export function recommendSplit(
  points: readonly ThroughputPoint[],
  tolerance = DEFAULT_TOLERANCE,
): SplitChoice {
  if (points.length === 0) throw new RangeError('no throughput points to recommend from');
  const best = points.reduce((a, b) => (b.requestsPerSec > a.requestsPerSec ? b : a));
  const byWorkers = [...points].sort((a, b) => a.workers - b.workers);
  const pick =
    byWorkers.find((p) => p === best || p.ci95[0] * (1 + tolerance) >= best.requestsPerSec) ?? best;
  const single = byWorkers[0]!;
  const gain = pick.requestsPerSec / single.requestsPerSec;
  const vs =
    pick === single
      ? 'one request at a time with every thread is as fast as any split here'
      : `${gain.toFixed(1)}× the throughput of ${single.workers} × ${single.threadsPerWorker}`;
  const within =
    pick === best
      ? ''
      : ` (within ${(tolerance * 100).toFixed(0)} % of the best, ${splitText(best)}, with fewer workers)`;
  return {
    workers: pick.workers,
    threadsPerWorker: pick.threadsPerWorker,
    reason: `${splitText(pick)}: ${vs}${within}`,
  };
}

/** One split for every workload (only splits measured for all of them). */
export function recommendSplitOverall(
  workloads: readonly (readonly ThroughputPoint[])[],
  tolerance = DEFAULT_TOLERANCE,
): SplitChoice | null {
  const usable = workloads.filter((w) => w.length > 0);
  if (usable.length === 0) return null;
  if (usable.length === 1) return recommendSplit(usable[0]!, tolerance);
  const keys = usable
    .map((w) => new Set(w.map((p) => p.workers)))
    .reduce((a, b) => new Set([...a].filter((x) => b.has(x))));
  const workers = [...keys].sort((a, b) => a - b);
  if (workers.length === 0) return null;
  const score = new Map(
    workers.map((n) => [
      n,
      geometricMean(
        usable.map((w) => {
          const best = Math.max(...w.map((p) => p.requestsPerSec));
          return w.find((p) => p.workers === n)!.requestsPerSec / best;
        }),
      ),
    ]),
  );
  const top = Math.max(...score.values());
  const pick = workers.find((n) => score.get(n)! * (1 + tolerance) >= top)!;
  const point = usable[0]!.find((p) => p.workers === pick)!;
  return {
    workers: pick,
    threadsPerWorker: point.threadsPerWorker,
    reason: `${splitText(point)}: the fewest workers within ${(tolerance * 100).toFixed(0)} % of the best geometric-mean throughput across the workloads`,
  };
}

/** The throughput splits as workloads whose cells the stored gate compares (file comment). */
export function throughputAsWorkloads(result: Pick<Result, 'workloads'>): WorkloadResult[] {
  return result.workloads.flatMap((w) => {
    const t = w.throughput;
    if (t === undefined || t.points.length === 0) return [];
    return [
      {
        id: `${w.id} · throughput`,
        kind: w.kind,
        label: `${w.label}, throughput`,
        metric: { name: 'time per request, all workers', unit: 'ns' },
        contentHash: w.contentHash ?? null,
        points: t.points.map((p) => ({
          threads: p.threadsPerWorker,
          samplesNs: (p.windows ?? [p.requestsPerSec]).map((r) => 1e9 / r),
          ...(p.rounds !== undefined ? { rounds: p.rounds } : {}),
          medianNs: 1e9 / p.requestsPerSec,
          ci95Ns: [1e9 / p.ci95[1], 1e9 / p.ci95[0]] as const,
        })),
        fastest: {
          threads: t.points.reduce((a, b) => (b.requestsPerSec > a.requestsPerSec ? b : a))
            .threadsPerWorker,
        },
        recommended: { threads: t.recommended.threadsPerWorker },
      },
    ];
  });
}

/** The workloads the stored gate compares: latency, and the throughput splits where measured. */
export function gatedWorkloads(result: Pick<Result, 'workloads'>): WorkloadResult[] {
  return [...result.workloads, ...throughputAsWorkloads(result)];
}
