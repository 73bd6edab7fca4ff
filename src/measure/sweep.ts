/**
 * The sweep engine: times every (workload, threads) cell.
 *
 *  1. each cell's session is opened when the cell is first needed (its warm-up), not all at once:
 *     on a machine with many cores and a large model, opening every session up front could spend
 *     the budget before anything is measured;
 *  2. warm-up per cell until steady (at least 200 ms, and two consecutive blocks of calls agree
 *     within 5 %; capped so that warm-ups take at most a quarter of what is left of the budget);
 *  3. randomized interleaved rounds: each round visits every unfinished cell once, in a fresh
 *     seeded random order, so slow drifts of the machine (thermal, neighbours) spread over all
 *     cells instead of biasing whichever ran last;
 *  4. adaptive stopping: a cell has converged when the distribution-free 95 % CI of the median
 *     of its visit medians has a half-width ≤ `targetPrecision` of that median (after at least
 *     `minVisits` visits), and the sweep ends when every cell has (a workload measured
 *     `alongside`, the runner-speed reference, once it has its `minVisits`). The unit is the visit, not the
 *     call: the calls of one visit share the machine's state of that moment and are not
 *     independent, so a CI over calls is too narrow. Converged cells keep being visited until
 *     all have converged, so that every cell sees the same stretch of the machine's drift;
 *  5. the budget is a hard limit: before each session is opened, each warm-up call and each
 *     visit, the engine checks that it fits in what is left. A cell that never got a sample is
 *     reported in `skipped`, with the reason.
 *
 * A visit starts with one untimed call when calls are short: the session's thread pool was idle
 * (or other sessions' workers were still spinning) and the first call pays the wake-up.
 */
import { median, medianCIOrderStat } from '../stats/index.js';
import { mulberry32 } from '../stats/random.js';
import type { CellRunner, Workload } from '../workloads/types.js';

export interface SweepOptions {
  readonly threads: readonly number[];
  readonly maxTimeSec: number;
  readonly targetPrecision: number;
  readonly seed: number;
  /** Visits a cell needs before it can count as converged (default 8). */
  readonly minVisits?: number;
  readonly maxSamples?: number;
  /** Aim for visits of about this long, so switching cells stays cheap. */
  readonly visitMs?: number;
  readonly onProgress?: (p: SweepProgress) => void;
  /**
   * Decides when to stop instead of per-cell precision (e.g. a same-job comparison that runs
   * until its decision is clear): asked after every round with the cells so far; converged cells
   * keep being measured while it says no. The budget still ends the sweep.
   */
  readonly stopWhen?: (cells: readonly WorkloadSweep[], round: number) => boolean;
  /** Injected clock in ms (tests); default performance.now. */
  readonly now?: () => number;
  /** When the budget started (same clock), if before this call: set-up counts against it. */
  readonly startMs?: number;
  /** Warm each cell at least this long (default 200 ms; capped by the budget as usual). */
  readonly minWarmupMs?: number;
  /**
   * Known call times (ns) of the cells, in cell order (workloads × threads), e.g. from an earlier
   * block of the same job: a workload with a fixed warm-up then skips it (warm-up calls 0), since
   * the call time that plans the visits is known.
   */
  readonly callNsHints?: readonly number[];
}

export interface SweepProgress {
  readonly phase: 'open' | 'warmup' | 'measure' | 'done';
  readonly elapsedSec: number;
  readonly budgetSec: number;
  readonly cellsDone: number;
  readonly cellsTotal: number;
  readonly round: number;
  /** A same-job comparison's block (1-based); elapsed and budget are then the whole job's. */
  readonly block?: number;
}

export interface CellResult {
  readonly threads: number;
  /** ns per operation (call time / opsPerCall). */
  readonly samplesNs: number[];
  /** The round each sample was taken in (parallel to samplesNs): one visit per round per cell. */
  readonly rounds: number[];
  readonly converged: boolean;
  readonly warmupCalls: number;
  readonly visits: number;
}

export interface WorkloadSweep {
  readonly workload: Workload;
  readonly cells: CellResult[];
}

/** A cell the budget left without a single sample. */
export interface SkippedCell {
  readonly workload: string;
  readonly threads: number;
  readonly reason: string;
}

export interface SweepOutput {
  readonly workloads: WorkloadSweep[];
  readonly elapsedSec: number;
  readonly rounds: number;
  readonly stoppedBy: 'precision' | 'budget';
  /** Cells without samples (their CellResult has empty samplesNs). */
  readonly skipped: readonly SkippedCell[];
  /** The call time (ns) of each cell as last seen, in cell order: hints for a later sweep. */
  readonly callNs: readonly number[];
}

interface Cell {
  readonly workload: Workload;
  readonly threads: number;
  runner: CellRunner | null;
  readonly samples: number[];
  readonly rounds: number[];
  callNs: number; // wall time of one call as the engine saw it (plans visits and the budget)
  warmupCalls: number;
  /** The median of each visit, in order: the unit of the stopping rule (their count: visits). */
  readonly visitMedians: number[];
  converged: boolean;
  skipped: string | null;
}

const WARMUP_BLOCK = 5;
/** Warm at least this long per cell: caches, page faults, thread pools and clocks settle. */
const MIN_WARMUP_MS = 200;
const SHORT_CALL_NS = 10e6; // below 10 ms a call pays a visible wake-up after a switch
export const DEFAULT_MIN_VISITS = 8;

/** The thread counts a workload is swept at: its own, if it names them, else the sweep's. */
export function threadsOf(workload: Workload, threads: readonly number[]): readonly number[] {
  return workload.threadCounts ?? threads;
}

/** Relative half-width of the 95 % distribution-free CI of the median of `samples`. */
export function relativeHalfWidth(samples: readonly number[]): number {
  if (samples.length < 2) return Infinity;
  const [lo, hi] = medianCIOrderStat(samples, 0.95);
  const m = median(samples);
  return m > 0 ? (hi - lo) / 2 / m : Infinity;
}

export async function sweep(
  workloads: readonly Workload[],
  options: SweepOptions,
): Promise<SweepOutput> {
  const now = options.now ?? (() => performance.now());
  const start = options.startMs ?? now();
  const budgetMs = options.maxTimeSec * 1000;
  const deadline = start + budgetMs;
  const minVisits = options.minVisits ?? DEFAULT_MIN_VISITS;
  const maxSamples = options.maxSamples ?? 5000;
  const visitNs = (options.visitMs ?? 30) * 1e6;
  const rand = mulberry32(options.seed);
  const minWarmupMs = options.minWarmupMs ?? MIN_WARMUP_MS;
  // A workload may ask for its own thread counts (the runner-speed reference: 1 thread only);
  // hints are in the order of the cells as built here.
  const cells: Cell[] = workloads
    .flatMap((workload) =>
      threadsOf(workload, options.threads).map((threads) => ({ workload, threads })),
    )
    .map(({ workload, threads }, i): Cell => ({
      workload,
      threads,
      runner: null,
      samples: [],
      rounds: [],
      callNs: options.callNsHints?.[i] ?? 0,
      warmupCalls: 0,
      visitMedians: [],
      converged: false,
      skipped: null,
    }));
  let round = 0;
  const left = () => deadline - now();

  const visitPlan = (cell: Cell) => {
    // A workload that pays per request (a worker: one round trip per visit) asks for longer
    // visits, so the round trip is a small share of the visit.
    const ns = cell.workload.visitMs !== undefined ? cell.workload.visitMs * 1e6 : visitNs;
    const calls = Math.max(1, Math.min(50, Math.round(ns / Math.max(1, cell.callNs))));
    const discard = cell.callNs < SHORT_CALL_NS ? 1 : 0;
    return { calls, discard, ms: ((calls + discard) * cell.callNs) / 1e6 };
  };

  const progress = (phase: SweepProgress['phase']) =>
    options.onProgress?.({
      phase,
      elapsedSec: (now() - start) / 1000,
      budgetSec: options.maxTimeSec,
      cellsDone: cells.filter((c) => c.converged).length,
      cellsTotal: cells.length,
      round,
    });

  const skip = (cell: Cell, reason: string) => {
    cell.skipped ??= reason;
  };

  try {
    // Open and warm up each cell in turn, in a seeded random order (where a session's threads
    // and memory land should not depend on its place in the list). Warm-ups share at most a
    // quarter of the budget left.
    progress('warmup');
    const openOrder = [...cells];
    for (let i = openOrder.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [openOrder[i], openOrder[j]] = [openOrder[j]!, openOrder[i]!];
    }
    for (const [i, cell] of openOrder.entries()) {
      if (left() <= 0) {
        skip(cell, 'the budget ran out before its session was opened');
        continue;
      }
      progress('open');
      cell.runner = await cell.workload.open(cell.threads);
      const warmCapMs = Math.max(50, left() / 4 / (cells.length - i));
      if (cell.workload.warmupCalls !== undefined) {
        // At least one call — it estimates the call time that plans the visits — unless that is
        // known already (a hint).
        if (cell.callNs > 0) continue;
        const calls = Math.max(1, cell.workload.warmupCalls);
        const t = now();
        for (let j = 0; j < calls; j++) {
          if (j > 0 && left() < cell.callNs / 1e6) break;
          await cell.runner.call();
          cell.warmupCalls++;
          cell.callNs = ((now() - t) * 1e6) / cell.warmupCalls;
        }
        continue;
      }
      const cellStart = now();
      let previous = Infinity;
      let out = false;
      while (!out) {
        const block: number[] = [];
        const t = now();
        for (let j = 0; j < WARMUP_BLOCK; j++) {
          // The first call measures the call time; later ones must fit in the budget.
          if (cell.warmupCalls > 0 && left() < cell.callNs / 1e6) {
            out = true;
            break;
          }
          block.push(await cell.runner.call());
          cell.warmupCalls++;
          cell.callNs = ((now() - t) * 1e6) / block.length;
        }
        if (out || block.length < WARMUP_BLOCK) break;
        const m = median(block);
        const steady = Math.abs(m - previous) / previous <= 0.05;
        previous = m;
        const spent = now() - cellStart;
        if ((steady && spent >= Math.min(minWarmupMs, warmCapMs)) || spent >= warmCapMs) break;
      }
    }

    progress('measure');
    let stoppedBy: SweepOutput['stoppedBy'] = 'precision';
    for (;;) {
      // Every cell is visited in every round until all have converged: a cell that stopped
      // early would miss the machine's later drift that the others see, and the recommendation
      // compares cells round by round.
      const live = cells.filter(
        (c) => c.runner !== null && c.skipped === null && c.samples.length < maxSamples,
      );
      const done = (c: (typeof live)[number]) =>
        c.converged || (c.workload.alongside === true && c.visitMedians.length >= minVisits);
      if (live.length === 0 || (!options.stopWhen && live.every(done))) break;
      const active = [...live];
      // Stop at a round boundary when the next round does not fit, so every cell gets the same
      // number of visits. The first round is the exception: every cell should get samples, so
      // it visits what fits and skips the rest.
      const roundMs = active.reduce((sum, c) => sum + visitPlan(c).ms, 0);
      if (round > 0 && now() + roundMs > deadline) {
        stoppedBy = 'budget';
        break;
      }
      round++;
      // Fisher–Yates with the seeded generator.
      for (let i = active.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [active[i], active[j]] = [active[j]!, active[i]!];
      }
      let overran = false;
      for (const cell of active) {
        const { calls, discard, ms } = visitPlan(cell);
        if (now() + ms > deadline) {
          overran = true;
          if (cell.samples.length === 0) skip(cell, 'the budget ran out before its first visit');
          continue;
        }
        const t = now();
        for (let i = 0; i < discard; i++) await cell.runner!.call();
        const ops = cell.workload.opsPerCall;
        const runner = cell.runner!;
        if (runner.callMany) {
          for (const ns of await runner.callMany(calls)) {
            cell.samples.push(ns / ops);
            cell.rounds.push(round);
          }
        } else {
          for (let i = 0; i < calls; i++) {
            const ns = await runner.call();
            cell.samples.push(ns / ops);
            cell.rounds.push(round);
          }
        }
        cell.callNs = ((now() - t) * 1e6) / (calls + discard);
        cell.visitMedians.push(median(cell.samples.slice(-calls)));
      }
      for (const cell of active) {
        if (
          !cell.converged &&
          cell.visitMedians.length >= minVisits &&
          relativeHalfWidth(cell.visitMedians) <= options.targetPrecision
        ) {
          cell.converged = true;
        }
      }
      progress('measure');
      if (overran) {
        stoppedBy = 'budget';
        break;
      }
      if (options.stopWhen?.(snapshot(), round)) break;
    }
    for (const cell of cells) {
      if (cell.samples.length === 0) skip(cell, 'the budget ran out before its first visit');
    }
    return {
      workloads: snapshot(),
      elapsedSec: (now() - start) / 1000,
      rounds: round,
      stoppedBy,
      callNs: cells.map((c) => c.callNs),
      skipped: cells
        .filter((c) => c.skipped !== null)
        .map((c) => ({ workload: c.workload.id, threads: c.threads, reason: c.skipped! })),
    };
  } finally {
    progress('done');
    for (const cell of cells) await cell.runner?.close();
  }

  function snapshot(): WorkloadSweep[] {
    return workloads.map((workload) => ({
      workload,
      cells: cells
        .filter((c) => c.workload === workload)
        .map((c) => ({
          threads: c.threads,
          samplesNs: c.samples,
          rounds: c.rounds,
          converged: c.converged,
          warmupCalls: c.warmupCalls,
          visits: c.visitMedians.length,
        })),
    }));
  }
}
