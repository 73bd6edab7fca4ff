/**
 * Change points of a stored history (DESIGN.md, "Change points"): for each cell, where the
 * run-level median stepped to a new level and stayed there — a slowdown of a few percent per pull
 * request that no single gate caught, or a change of the runner fleet.
 *
 * Per cell: the series of its run medians (runs lacking the cell skipped; the newest
 * MAX_CHANGE_RUNS of them), on the log scale so that a step of 10 % weighs the same at any
 * latency, goes through E-divisive means with a permutation test (stats/changepoint.ts; level
 * CHANGE_SIGNIFICANCE, CHANGE_PERMUTATIONS permutations, segments of at least CHANGE_MIN_SIZE
 * runs, seeded per cell). Each accepted point is reported with
 *  - `index`: the first run of the new segment, as an index into `history.runs` (oldest first),
 *    with that run's `createdAt` and `sha` (null when the run recorded none);
 *  - `ratio`: median of the segment after / median of the segment before (each segment runs to
 *    the neighbouring change point, or to the end of the history); > 1 is slower;
 *  - `ci`: the 95 % percentile-bootstrap CI of that ratio of medians, the two segments resampled
 *    independently (stats bootstrapRatioOfMediansCI, 2000 resamples, seeded per cell). With
 *    segments of three to five runs it is crude (a bootstrap of the median of a few values).
 *
 * Plain data in and out; deterministic.
 */

import { bootstrapRatioOfMediansCI, eDivisive } from '../stats/index.js';
import { cellSeed } from './comparison.js';
import { DEFAULT_COMPARE_SEED, DEFAULT_RESAMPLES } from '../contract/limits.js';
import type { ChangePointJson } from '../contract/schema.js';

/** Level of each permutation test (ecp::e.divisive's default `sig.lvl`). */
export const CHANGE_SIGNIFICANCE = 0.05;
/** Permutations per test (ecp's default R): the smallest reachable p is 1/200. */
export const CHANGE_PERMUTATIONS = 199;
/** Fewest runs on each side of a change point: one or two odd runs are not a new level. */
export const CHANGE_MIN_SIZE = 3;
/** The newest runs of a cell that are searched (the cost grows with the square of the runs). */
export const MAX_CHANGE_RUNS = 200;
/** Level of the ratio's CI. */
export const CHANGE_CI_LEVEL = 0.95;

/** A history as the detector reads it (a baseline document has this shape). */
export interface ChangeHistory {
  /** Oldest first. */
  readonly runs: readonly {
    readonly createdAt: string;
    readonly sha?: string | undefined;
    readonly workloads: readonly {
      readonly id: string;
      readonly points: readonly { readonly threads: number; readonly medianNs: number }[];
    }[];
  }[];
}

/**
 * One change point of one cell: the comparison JSON's `changes[]` entry, whose type comes from
 * its schema (contract/schema.ts ChangePointSchema; the names are the contract). `index` is the
 * first run of the new segment in the history's runs, oldest first; `ratio` median after / median
 * before (> 1 slower); `ci` its 95 % bootstrap CI.
 */
export type CellChange = ChangePointJson;

export interface ChangeOptions {
  readonly seed?: number;
  readonly significance?: number;
  readonly permutations?: number;
  readonly minSize?: number;
  readonly resamples?: number;
}

/** A cell's run medians, oldest first, with the index of the run each came from. */
export interface CellSeries {
  readonly runIndex: readonly number[];
  readonly medians: readonly number[];
}

/** The newest MAX_CHANGE_RUNS medians of one cell (runs lacking it, or a median ≤ 0, skipped). */
export function cellSeries(history: ChangeHistory, workload: string, threads: number): CellSeries {
  const runIndex: number[] = [];
  const medians: number[] = [];
  history.runs.forEach((run, i) => {
    const point = run.workloads
      .find((w) => w.id === workload)
      ?.points.find((p) => p.threads === threads);
    if (point !== undefined && point.medianNs > 0 && Number.isFinite(point.medianNs)) {
      runIndex.push(i);
      medians.push(point.medianNs);
    }
  });
  const skip = Math.max(0, medians.length - MAX_CHANGE_RUNS);
  return { runIndex: runIndex.slice(skip), medians: medians.slice(skip) };
}

/**
 * Change points of one cell's series, each as a position in the series (the first value of the
 * new segment), oldest first. Fewer than 2 · CHANGE_MIN_SIZE values: none.
 */
export function seriesChangePoints(
  medians: readonly number[],
  seed: number,
  opts: ChangeOptions = {},
): number[] {
  const minSize = opts.minSize ?? CHANGE_MIN_SIZE;
  if (medians.length < 2 * minSize) return [];
  return eDivisive(medians.map(Math.log), {
    significance: opts.significance ?? CHANGE_SIGNIFICANCE,
    permutations: opts.permutations ?? CHANGE_PERMUTATIONS,
    minSize,
    seed,
  }).changePoints.map((c) => c.index);
}

/** The change points of one cell of `history`, oldest first (module comment). */
export function cellChanges(
  history: ChangeHistory,
  workload: string,
  threads: number,
  opts: ChangeOptions = {},
): CellChange[] {
  const series = cellSeries(history, workload, threads);
  const seed = cellSeed(opts.seed ?? DEFAULT_COMPARE_SEED, workload, threads);
  const points = seriesChangePoints(series.medians, seed, opts);
  const edges = [0, ...points, series.medians.length];
  return points.map((at, k) => {
    const before = series.medians.slice(edges[k]!, at);
    const after = series.medians.slice(at, edges[k + 2]!);
    const { ratio, ci } = bootstrapRatioOfMediansCI(before, after, {
      confidence: CHANGE_CI_LEVEL,
      resamples: opts.resamples ?? DEFAULT_RESAMPLES,
      seed: (seed + k + 1) >>> 0,
    });
    const index = series.runIndex[at]!;
    const run = history.runs[index]!;
    return {
      workload,
      threads,
      index,
      createdAt: run.createdAt,
      sha: run.sha ?? null,
      ratio,
      ci: [ci[0], ci[1]] as const,
    };
  });
}

/** Every (workload, threads) cell of the history, in the order they first appear. */
export function historyCells(
  history: ChangeHistory,
): { readonly workload: string; readonly threads: number }[] {
  const seen = new Set<string>();
  const cells: { workload: string; threads: number }[] = [];
  for (const run of history.runs) {
    for (const w of run.workloads) {
      for (const p of w.points) {
        const key = JSON.stringify([w.id, p.threads]);
        if (seen.has(key)) continue;
        seen.add(key);
        cells.push({ workload: w.id, threads: p.threads });
      }
    }
  }
  return cells;
}

/**
 * The change points of the given cells of `history` (default: all its cells), cell by cell in
 * that order, each cell's oldest first.
 */
export function historyChanges(
  history: ChangeHistory,
  cells: readonly { readonly workload: string; readonly threads: number }[] = historyCells(history),
  opts: ChangeOptions = {},
): CellChange[] {
  return cells.flatMap((c) => cellChanges(history, c.workload, c.threads, opts));
}

/**
 * A change as one line, e.g. "matmul:256 @ 2 threads has been 9.0 % slower since commit abc1234
 * (run of 2026-03-01); 95 % CI ×1.062 … ×1.118".
 */
export function describeChange(c: CellChange): string {
  const pct = Math.abs(c.ratio - 1) * 100;
  const size = pct >= 10 ? pct.toFixed(0) : pct.toFixed(1);
  const dir = c.ratio >= 1 ? 'slower' : 'faster';
  const since = c.sha === null ? 'the run' : `commit ${c.sha.slice(0, 7)} (run`;
  const date = c.createdAt.slice(0, 10);
  const ci = `95 % CI ×${c.ci[0].toFixed(3)} … ×${c.ci[1].toFixed(3)}`;
  return (
    `${c.workload} @ ${c.threads} thread${c.threads === 1 ? '' : 's'} has been ${size} % ${dir} ` +
    `since ${since} of ${date}${c.sha === null ? '' : ')'}; ${ci}`
  );
}
