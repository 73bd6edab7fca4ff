/**
 * The sweep engine: times every (workload, threads) cell.
 *
 *  1. one session per cell, opened up front;
 *  2. warm-up per cell until steady (at least 200 ms, and two consecutive blocks of calls agree
 *     within 5 %; capped at a quarter of the budget shared by all cells);
 *  3. randomized interleaved rounds: each round visits every unfinished cell once, in a fresh
 *     seeded random order, so slow drifts of the machine (thermal, neighbours) spread over all
 *     cells instead of biasing whichever ran last;
 *  4. adaptive stopping: a cell is done when the distribution-free 95 % CI of its median has a
 *     half-width ≤ `targetPrecision` of the median (after `minSamples` samples over ≥ `minRounds`
 *     visits); the sweep ends when all cells are done or the time budget is spent.
 *
 * A visit starts with one untimed call when calls are short: the session's thread pool was idle
 * (or other sessions' workers were still spinning) and the first call pays the wake-up.
 */
import { medianCIOrderStat } from '../stats/index.js';
import { mulberry32 } from '../stats/random.js';
import type { CellRunner, Workload } from '../workloads/types.js';

export interface SweepOptions {
  readonly threads: readonly number[];
  readonly maxTimeSec: number;
  readonly targetPrecision: number;
  readonly seed: number;
  readonly minSamples?: number;
  readonly minRounds?: number;
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
}

export interface SweepProgress {
  readonly phase: 'open' | 'warmup' | 'measure' | 'done';
  readonly elapsedSec: number;
  readonly budgetSec: number;
  readonly cellsDone: number;
  readonly cellsTotal: number;
  readonly round: number;
}

export interface CellResult {
  readonly threads: number;
  /** ns per operation (call time / opsPerCall). */
  readonly samplesNs: number[];
  /** The round each sample was taken in (parallel to samplesNs), for pairing across cells. */
  readonly rounds: number[];
  readonly converged: boolean;
  readonly warmupCalls: number;
  readonly visits: number;
}

export interface WorkloadSweep {
  readonly workload: Workload;
  readonly cells: CellResult[];
}

export interface SweepOutput {
  readonly workloads: WorkloadSweep[];
  readonly elapsedSec: number;
  readonly rounds: number;
  readonly stoppedBy: 'precision' | 'budget';
}

interface Cell {
  readonly workload: Workload;
  readonly threads: number;
  readonly runner: CellRunner;
  readonly samples: number[];
  readonly rounds: number[];
  callNs: number; // wall time of one call as the engine saw it (plans visits and the budget)
  warmupCalls: number;
  visits: number;
  converged: boolean;
}

const WARMUP_BLOCK = 5;
/** Warm at least this long per cell: caches, page faults, thread pools and clocks settle. */
const MIN_WARMUP_MS = 200;
const SHORT_CALL_NS = 10e6; // below 10 ms a call pays a visible wake-up after a switch

function medianOf(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Relative half-width of the 95 % distribution-free CI of the median. */
export function relativeHalfWidth(samples: readonly number[]): number {
  if (samples.length < 2) return Infinity;
  const [lo, hi] = medianCIOrderStat(samples, 0.95);
  const m = medianOf(samples);
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
  const minSamples = options.minSamples ?? 10;
  const minRounds = options.minRounds ?? 3;
  const maxSamples = options.maxSamples ?? 5000;
  const visitNs = (options.visitMs ?? 30) * 1e6;
  const rand = mulberry32(options.seed);
  const cells: Cell[] = [];
  let round = 0;

  const visitPlan = (cell: Cell) => {
    const calls = Math.max(1, Math.min(50, Math.round(visitNs / Math.max(1, cell.callNs))));
    const discard = cell.callNs < SHORT_CALL_NS ? 1 : 0;
    return { calls, discard, ms: ((calls + discard) * cell.callNs) / 1e6 };
  };

  const progress = (phase: SweepProgress['phase']) =>
    options.onProgress?.({
      phase,
      elapsedSec: (now() - start) / 1000,
      budgetSec: options.maxTimeSec,
      cellsDone: cells.filter((c) => c.converged).length,
      cellsTotal: workloads.length * options.threads.length,
      round,
    });

  try {
    progress('open');
    for (const workload of workloads) {
      for (const threads of options.threads) {
        const runner = await workload.open(threads);
        cells.push({
          workload,
          threads,
          runner,
          samples: [],
          rounds: [],
          callNs: 0,
          warmupCalls: 0,
          visits: 0,
          converged: false,
        });
      }
    }

    // Warm-up: at most a quarter of the budget overall, shared equally.
    progress('warmup');
    const warmCapMs = Math.max(50, (deadline - now()) / 4 / Math.max(1, cells.length));
    for (const cell of cells) {
      if (cell.workload.warmupCalls !== undefined) {
        // At least one call: it estimates the call time that plans the visits.
        const calls = Math.max(1, cell.workload.warmupCalls);
        const t = now();
        for (let i = 0; i < calls; i++) await cell.runner.call();
        cell.callNs = ((now() - t) * 1e6) / calls;
        cell.warmupCalls = calls;
        continue;
      }
      const cellStart = now();
      let previous = Infinity;
      for (;;) {
        const block: number[] = [];
        const t = now();
        for (let i = 0; i < WARMUP_BLOCK; i++) block.push(await cell.runner.call());
        cell.callNs = ((now() - t) * 1e6) / WARMUP_BLOCK;
        cell.warmupCalls += WARMUP_BLOCK;
        const m = medianOf(block);
        const steady = Math.abs(m - previous) / previous <= 0.05;
        previous = m;
        const spent = now() - cellStart;
        if ((steady && spent >= Math.min(MIN_WARMUP_MS, warmCapMs)) || spent >= warmCapMs) break;
      }
    }

    progress('measure');
    let stoppedBy: SweepOutput['stoppedBy'] = 'precision';
    for (;;) {
      const active = cells.filter(
        (c) => (options.stopWhen || !c.converged) && c.samples.length < maxSamples,
      );
      if (active.length === 0) break;
      // Stop at a round boundary, so every cell gets the same number of visits; the first
      // round always runs, so every cell has samples.
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
      for (const cell of active) {
        const { calls, discard } = visitPlan(cell);
        const t = now();
        for (let i = 0; i < discard; i++) await cell.runner.call();
        const ops = cell.workload.opsPerCall;
        for (let i = 0; i < calls; i++) {
          const ns = await cell.runner.call();
          cell.samples.push(ns / ops);
          cell.rounds.push(round);
        }
        cell.callNs = ((now() - t) * 1e6) / (calls + discard);
        cell.visits++;
      }
      for (const cell of active) {
        if (
          cell.samples.length >= minSamples &&
          cell.visits >= minRounds &&
          relativeHalfWidth(cell.samples) <= options.targetPrecision
        ) {
          cell.converged = true;
        }
      }
      progress('measure');
      if (options.stopWhen?.(snapshot(), round)) break;
    }
    return { workloads: snapshot(), elapsedSec: (now() - start) / 1000, rounds: round, stoppedBy };
  } finally {
    progress('done');
    for (const cell of cells) await cell.runner.close();
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
          visits: c.visits,
        })),
    }));
  }
}
