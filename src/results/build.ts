/**
 * Turns raw sweep samples into the Result of the contract: medians, bootstrap CIs, throughput
 * against the estimated peak, speedups, the overhead share, and the recommendations.
 */
import {
  recommendForWorkload,
  recommendOverall,
  type PointSummary,
} from '../analysis/recommend.js';
import type { SweepOutput, WorkloadSweep } from '../measure/sweep.js';
import type { ReferenceSource } from '../contract/limits.js';
import { recommendSplit, recommendSplitOverall } from '../analysis/throughput.js';
import { visitSummary } from '../analysis/visits.js';
import type { ThroughputOutput } from '../measure/throughput.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { WorkloadError } from '../errors.js';
import type {
  MachineInfo,
  Point,
  Result,
  RuntimeInfo,
  ThroughputResult,
  WorkloadResult,
} from './types.js';

export interface BuildInput {
  readonly sweep: SweepOutput;
  readonly machine: MachineInfo;
  readonly runtime: RuntimeInfo;
  readonly overhead: {
    readonly perCallNs: number;
    readonly ci95Ns: readonly [number, number];
  } | null;
  readonly settings: Result['settings'];
  readonly elapsedSec: number;
  readonly createdAt?: string;
  /** The throughput objective's measurement, when it ran. */
  readonly throughput?: ThroughputOutput;
  /** The runner-speed reference cell's sweep (analysis/normalize.ts), when it was measured. */
  readonly reference?: {
    readonly sweep: WorkloadSweep;
    readonly threads: number;
    readonly measured: ReferenceSource;
  };
}

export function buildResult(input: BuildInput): Result {
  const { machine, settings, overhead } = input;
  const perCore = machine.peakGflops?.perCoreGflops ?? null;
  const workloads: WorkloadResult[] = input.sweep.workloads.map(({ workload, cells }) => {
    // A cell the budget left without samples is reported in `skipped`, not as a point.
    const measured = cells.flatMap((cell) => (cell.samplesNs.length > 0 ? [{ cell }] : []));
    if (measured.length === 0) {
      throw new WorkloadError(
        `the time budget (${Number(settings.maxTimeSec.toPrecision(3))} s of max-time for the sweep) ran out before any cell of ${workload.id} ` +
          'was measured; expected a budget that fits at least one visit of each workload: raise max-time',
      );
    }
    // The visit is the unit (visits.ts): the median of the visit medians and its CI.
    const summaries = measured.map(({ cell }) => {
      const v = visitSummary(cell.samplesNs, cell.rounds);
      return { cell, medianNs: v.medianNs, ci95Ns: v.ci95Ns, visits: v.byRound };
    });
    const oneThread = summaries.find((s) => s.cell.threads === 1)?.medianNs ?? null;
    const points: (Point & { visits: ReadonlyMap<number, number> })[] = summaries.map(
      ({ cell, medianNs, ci95Ns, visits }) => {
        const gflops = workload.flopsPerOp ? workload.flopsPerOp / medianNs : null;
        const peak =
          perCore && gflops ? perCore * Math.min(cell.threads, machine.physicalCores) : null;
        return {
          threads: cell.threads,
          samplesNs: cell.samplesNs,
          rounds: cell.rounds,
          visits,
          medianNs,
          ci95Ns,
          ciHalfWidthRel: (ci95Ns[1] - ci95Ns[0]) / 2 / medianNs,
          gflops,
          peakFraction: peak && gflops ? gflops / peak : null,
          speedup: oneThread ? oneThread / medianNs : null,
          overheadShare: overhead ? overhead.perCallNs / (medianNs * workload.opsPerCall) : null,
          converged: cell.converged,
          ...(workload.runtimeThreads?.has(cell.threads)
            ? { runtimeThreads: workload.runtimeThreads.get(cell.threads) ?? null }
            : {}),
        };
      },
    );
    const rec = recommendForWorkload(points, settings.tolerance, machine.availableCpus);
    return {
      id: workload.id,
      kind: workload.kind,
      label: workload.label,
      // The visit map served the recommendation; the file holds the rounds instead.
      points: points.map(({ visits: _visits, ...p }) => p),
      fastest: { threads: rec.fastest },
      recommended: { threads: rec.recommended, reason: rec.reason },
      ...(workload.mlasMaxThreads !== undefined ? { mlasMaxThreads: workload.mlasMaxThreads } : {}),
      flopsPerOp: workload.flopsPerOp,
      opsPerCall: workload.opsPerCall,
      metric: workload.metric,
      contentHash: workload.contentHash ?? null,
      ...(workload.details ? { details: workload.details } : {}),
      ...(workload.engine ? { engine: workload.engine } : {}),
      ...throughputOf(workload, input.throughput, settings.tolerance),
    };
  });
  const split = recommendSplitOverall(
    workloads.map((w) => w.throughput?.points ?? []),
    settings.tolerance,
  );

  const overall =
    workloads.length === 1
      ? {
          threads: workloads[0]!.recommended.threads,
          basis: 'the recommended thread count of the only workload',
        }
      : recommendOverall(
          workloads.map((w) => w.points as readonly PointSummary[]),
          settings.tolerance,
          machine.availableCpus,
        );

  const reference = referenceOf(input.reference);
  return {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    createdAt: input.createdAt ?? new Date().toISOString(),
    machine,
    runtime: input.runtime,
    settings,
    overhead,
    workloads,
    recommendation: {
      ompNumThreads: overall.threads,
      ortIntraOpNumThreads: overall.threads,
      basis: overall.basis,
      ...(split
        ? {
            throughput: {
              workers: split.workers,
              threadsPerWorker: split.threadsPerWorker,
              basis: split.reason,
            },
          }
        : {}),
    },
    ...(reference ? { reference } : {}),
    elapsedSec: input.elapsedSec,
    ...(input.sweep.skipped.length > 0 ? { skipped: input.sweep.skipped } : {}),
  };
}

/** The reference cell as the results file holds it; none when the budget left it unmeasured. */
function referenceOf(ref: BuildInput['reference']): Result['reference'] {
  const cell = ref?.sweep.cells.find((c) => c.threads === ref.threads);
  if (!ref || !cell || cell.samplesNs.length === 0) return undefined;
  const v = visitSummary(cell.samplesNs, cell.rounds);
  return {
    id: ref.sweep.workload.id,
    measured: ref.measured,
    point: {
      threads: cell.threads,
      samplesNs: cell.samplesNs,
      rounds: cell.rounds,
      medianNs: v.medianNs,
      ci95Ns: v.ci95Ns,
      ciHalfWidthRel: (v.ci95Ns[1] - v.ci95Ns[0]) / 2 / v.medianNs,
      converged: cell.converged,
    },
  };
}

/** The workload's throughput splits and their recommendation, when measured. */
function throughputOf(
  workload: SweepOutput['workloads'][number]['workload'],
  output: ThroughputOutput | undefined,
  tolerance: number,
): { throughput?: ThroughputResult } {
  const measured = output?.workloads.find((w) => w.workload === workload);
  if (measured === undefined || measured.points.length === 0) return {};
  const rec = recommendSplit(measured.points, tolerance);
  return {
    throughput: {
      points: measured.points.map((p) => ({
        workers: p.workers,
        threadsPerWorker: p.threadsPerWorker,
        requestsPerSec: p.requestsPerSec,
        ci95: p.ci95,
        p50Ns: p.p50Ns,
        p99Ns: p.p99Ns,
        windows: p.windows,
        rounds: p.rounds,
      })),
      recommended: {
        workers: rec.workers,
        threadsPerWorker: rec.threadsPerWorker,
        reason: rec.reason,
      },
    },
  };
}
