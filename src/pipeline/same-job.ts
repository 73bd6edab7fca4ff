/**
 * The same-job comparison's measurement (the decision rule is src/analysis/same-job.ts): the head
 * and the base workload are measured in blocks. Each block is one sweep of both: it opens fresh
 * sessions for every (side, threads) cell in a random order, warms them briefly, and measures
 * `roundsPerBlock` interleaved rounds, then closes them. A block's per-cell medians are one
 * observation of the head/base ratio, with the session's luck (where its threads and memory
 * land) inside it, so the interval over blocks covers what varies between sessions.
 *
 * Looks are planned before they are taken: after the first block the number of blocks that fit
 * the budget is known (at most `maxBlocks`), lookSchedule() places the looks and their shares of
 * α, and the sweep stops at the first look where every gated cell is decided. When the budget
 * ends before the planned last look, one final look spends whatever α is left.
 *
 * Defaults, and why:
 *  - roundsPerBlock 3 (1 for workloads with a fixed warm-up, a process per call): enough visits
 *    for a block median, while the budget still holds many blocks;
 *  - blocks after the first warm their fresh sessions ≥ 50 ms (the first: 200 ms), and commands
 *    skip their warm-up run (the call time is known from the first block);
 *  - maxBlocks 120: more blocks narrow the interval by √B, and the run stops at the first look
 *    where every gated cell is decided, so blocks past that are spent only on a cell still
 *    undecided. The earlier cap of 30 stopped runs after ~8 s of a 20 s budget with the 2-thread
 *    cell undecided in 46 of 50 A/A runs (docs/BENCHMARKS.md, part 2). Simulated with the
 *    unit tests' session noise (σ 8 % per session, 170 µs calls, the action's 60 s):
 *    undecided A/A jobs 27/30 → 4/30, +10 % caught 8/30 → 30/30, a head at the threshold
 *    never called a regression, mean time 9 s → 25 s (`node --import tsx
 *    scripts/same-job-blocks.ts`).
 */
import {
  compareSameJob,
  decideLook,
  lookSchedule,
  MIN_BLOCKS,
  type CellBlocks,
  type LookDecision,
  type SameJobWorkloadBlocks,
} from '../analysis/same-job.js';
import type { Comparison, GateMode } from '../analysis/compare.js';
import type { PointSummary } from '../analysis/recommend.js';
import { visitSummary } from '../analysis/visits.js';
import {
  DEFAULT_MIN_VISITS,
  relativeHalfWidth,
  sweep,
  type CellResult,
  type SweepOutput,
  type SweepProgress,
  type WorkloadSweep,
} from '../measure/sweep.js';
import type { Workload } from '../workloads/types.js';

export const DEFAULT_MAX_BLOCKS = 120;

export interface SameJobOptions {
  readonly threads: readonly number[];
  readonly maxTimeSec: number;
  /** Smallest relative slowdown that fails the gate (0.05 = 5 %). */
  readonly threshold: number;
  /** Family-wise confidence over the gated cells and looks; default 0.95. */
  readonly confidence?: number;
  readonly seed: number;
  readonly onProgress?: (p: SweepProgress) => void;
  /** 'all' (the default: DEFAULT_SAME_JOB_GATE) or 'deployed': pooled recommended and fastest thread counts. */
  readonly gate?: GateMode;
  readonly tolerance?: number;
  /** What the base is, for the report: "same job: <this>". Default: "base <base.label>". */
  readonly baseDescription?: string;
  readonly fingerprint?: string;
  readonly createdAt?: string;
  readonly targetPrecision?: number;
  readonly visitMs?: number;
  readonly now?: () => number;
  readonly startMs?: number;
  readonly roundsPerBlock?: number;
  readonly maxBlocks?: number;
  /** The usable CPUs: no gated cell is chosen above them. */
  readonly maxThreads?: number;
}

export interface SameJobRun {
  /** The head's cells over all blocks (rounds numbered across blocks): hand it to buildResult. */
  readonly headSweep: SweepOutput;
  readonly baseSweep: SweepOutput;
  readonly comparison: Comparison;
  readonly decision: LookDecision;
  readonly blocks: number;
  readonly looks: number;
  readonly elapsedSec: number;
  /** decided: every gated cell decided at a look; budget / max-blocks: the final rule applied. */
  readonly stoppedBy: 'decided' | 'budget' | 'max-blocks';
  /** The undecided cells passed with a warning, one line each (also in comparison.notes). */
  readonly warnings: readonly string[];
}

interface SideCell {
  readonly threads: number;
  readonly samplesNs: number[];
  readonly rounds: number[];
  warmupCalls: number;
  visits: number;
}

export async function runSameJob(
  head: Workload,
  base: Workload,
  opts: SameJobOptions,
): Promise<SameJobRun> {
  const report = opts.onProgress;
  if (report === undefined) return measureSameJob(head, base, opts);
  // The blocks' own "done" is not forwarded: the job's end, or its failure, is.
  let last: SweepProgress | undefined;
  try {
    return await measureSameJob(head, base, {
      ...opts,
      onProgress: (p) => {
        last = p;
        report(p);
      },
    });
  } finally {
    if (last !== undefined) report({ ...last, phase: 'done' });
  }
}

async function measureSameJob(
  head: Workload,
  base: Workload,
  opts: SameJobOptions,
): Promise<SameJobRun> {
  if (head === base) {
    throw new RangeError('the head and the base must be two Workload objects, not the same one');
  }
  const now = opts.now ?? (() => performance.now());
  const start = opts.startMs ?? now();
  const deadline = start + opts.maxTimeSec * 1000;
  const fixedWarmup = head.warmupCalls !== undefined || base.warmupCalls !== undefined;
  const roundsPerBlock = opts.roundsPerBlock ?? (fixedWarmup ? 1 : 3);
  const maxBlocks = opts.maxBlocks ?? DEFAULT_MAX_BLOCKS;
  const targetPrecision = opts.targetPrecision ?? 0.02;
  const createdAt = opts.createdAt ?? new Date().toISOString();
  const look = {
    threshold: opts.threshold,
    ...(opts.confidence !== undefined ? { confidence: opts.confidence } : {}),
    ...(opts.gate !== undefined ? { gate: opts.gate } : {}),
    ...(opts.tolerance !== undefined ? { tolerance: opts.tolerance } : {}),
    ...(opts.maxThreads !== undefined ? { maxThreads: opts.maxThreads } : {}),
  };
  // Validate the rule's options before spending the budget.
  decideLook([], { ...look, spend: 1, final: false });

  const side = (): SideCell[] =>
    opts.threads.map((threads) => ({
      threads,
      samplesNs: [],
      rounds: [],
      warmupCalls: 0,
      visits: 0,
    }));
  const headCells = side();
  const baseCells = side();
  const blocks: (readonly [number, number] | null)[][] = opts.threads.map(() => []);
  let roundOffset = 0;
  let hints: readonly number[] | undefined;
  let schedule: { blocks: number; spend: number }[] | null = null;
  let lookIndex = 0;
  let spent = 0;
  let lastBlockMs: number;
  let stoppedBy: SameJobRun['stoppedBy'] = 'budget';
  /** The α share of the look the verdict comes from. */
  let verdictSpend = 0;
  const skipped = new Map<string, { workload: string; threads: number; reason: string }>();

  // Each block is a sweep of its own, timed from the block's start against what is left: its
  // progress is shown over the whole job (elapsed and budget since `start`, rounds across
  // blocks), so a progress bar advances over the job, not over each block.
  const report = opts.onProgress;
  const onProgress =
    report &&
    ((p: SweepProgress, b: number, offset: number) => {
      if (p.phase === 'done') return;
      report({
        ...p,
        elapsedSec: (now() - start) / 1000,
        budgetSec: opts.maxTimeSec,
        round: offset + p.round,
        block: b + 1,
      });
    });

  for (let b = 0; ; b++) {
    const blockStart = now();
    const remainingSec = (deadline - blockStart) / 1000;
    if (remainingSec <= 0) break;
    const out = await sweep([head, base], {
      threads: opts.threads,
      maxTimeSec: remainingSec,
      targetPrecision,
      seed: (opts.seed + b * 7919) >>> 0,
      startMs: blockStart,
      ...(b > 0 ? { minWarmupMs: 50 } : {}),
      ...(hints ? { callNsHints: hints } : {}),
      ...(opts.visitMs !== undefined ? { visitMs: opts.visitMs } : {}),
      ...(opts.now ? { now: opts.now } : {}),
      ...(onProgress ? { onProgress: (p: SweepProgress) => onProgress(p, b, roundOffset) } : {}),
      stopWhen: (_cells, round) => round >= roundsPerBlock,
    });
    hints = out.callNs;
    lastBlockMs = now() - blockStart;
    for (const s of out.skipped) skipped.set(`${s.workload}@${s.threads}`, s);
    const [h, bs] = out.workloads as [WorkloadSweep, WorkloadSweep];
    opts.threads.forEach((_, ti) => {
      const hc = h.cells[ti]!;
      const bc = bs.cells[ti]!;
      absorb(headCells[ti]!, hc, roundOffset);
      absorb(baseCells[ti]!, bc, roundOffset);
      blocks[ti]!.push(
        hc.samplesNs.length > 0 && bc.samplesNs.length > 0
          ? [blockMedian(bc), blockMedian(hc)]
          : null,
      );
    });
    roundOffset += out.rounds;
    const done = b + 1;
    // The plan, fixed before any look (the first is at MIN_BLOCKS): after the second block, how
    // many blocks fit the budget at the second block's pace (at most maxBlocks). The first block
    // is slower (its warm-up starts without hints), so planning on it would stop the looks early
    // and leave budget unused.
    if (schedule === null && done >= Math.min(2, MIN_BLOCKS)) {
      const fit = done + Math.floor((deadline - now()) / Math.max(1, lastBlockMs));
      schedule = lookSchedule(Math.min(maxBlocks, Math.max(MIN_BLOCKS, fit)));
    }
    const planned = schedule?.[lookIndex];
    if (planned !== undefined && planned.blocks === done) {
      lookIndex++;
      spent += planned.spend;
      verdictSpend = planned.spend;
      if (decideLook(workloadBlocks(), { ...look, spend: planned.spend, final: false }).decided) {
        stoppedBy = 'decided';
        break;
      }
      if (lookIndex === schedule!.length) {
        stoppedBy = 'max-blocks';
        break;
      }
    }
    if (out.stoppedBy === 'budget' || deadline - now() < lastBlockMs * 0.9) {
      // The budget ends before the next planned look: a last look, unless one was just taken
      // at this block, spends what is left of α.
      if (planned === undefined || planned.blocks !== done) {
        verdictSpend = Math.max(1e-12, 1 - spent);
        lookIndex++;
      }
      stoppedBy = 'budget';
      break;
    }
  }
  if (verdictSpend === 0) verdictSpend = 1; // no block at all: nothing to spend α on
  const looks = lookIndex;
  const { comparison, decision } = compareSameJob(workloadBlocks(), {
    ...look,
    spend: verdictSpend,
    final: stoppedBy !== 'decided',
    baseDescription: opts.baseDescription ?? `base ${base.label}`,
    fingerprint: opts.fingerprint ?? 'unknown',
    createdAt,
    blocks: blocks[0]?.length ?? 0,
    looks,
  });
  const elapsedSec = (now() - start) / 1000;
  const asSweep = (workload: Workload, cells: SideCell[]): SweepOutput => ({
    workloads: [{ workload, cells: cells.map((c) => toCellResult(c, targetPrecision)) }],
    elapsedSec,
    rounds: roundOffset,
    stoppedBy: stoppedBy === 'budget' ? 'budget' : 'precision',
    skipped: [...skipped.values()].filter(
      (s) =>
        s.workload === workload.id &&
        cells.find((c) => c.threads === s.threads)?.samplesNs.length === 0,
    ),
    callNs: hints ?? [],
  });
  return {
    headSweep: asSweep(head, headCells),
    baseSweep: asSweep(base, baseCells),
    comparison,
    decision,
    blocks: blocks[0]?.length ?? 0,
    looks,
    elapsedSec,
    stoppedBy,
    warnings: decision.warnings,
  };

  function workloadBlocks(): SameJobWorkloadBlocks[] {
    const cells: CellBlocks[] = opts.threads.map((threads, ti) => ({
      threads,
      blocks: blocks[ti]!,
    }));
    return [
      {
        id: head.id,
        ...(base.id !== head.id ? { baseId: base.id } : {}),
        headContentHash: head.contentHash ?? null,
        baseContentHash: base.contentHash ?? null,
        cells,
        pooled: pooledPoints(headCells, baseCells),
      },
    ];
  }
}

function absorb(into: SideCell, cell: CellResult, roundOffset: number): void {
  into.samplesNs.push(...cell.samplesNs);
  into.rounds.push(...cell.rounds.map((r) => r + roundOffset));
  into.warmupCalls += cell.warmupCalls;
  into.visits += cell.visits;
}

/** A block's median for one cell: the median of its visit medians. */
function blockMedian(cell: CellResult): number {
  return visitSummary(cell.samplesNs, cell.rounds).medianNs;
}

/**
 * A side's cell over all blocks. Converged as the sweep would judge it over the whole job (a
 * block alone has too few visits ever to converge).
 */
function toCellResult(c: SideCell, targetPrecision: number): CellResult {
  return {
    threads: c.threads,
    samplesNs: c.samplesNs,
    rounds: c.rounds,
    converged:
      c.visits >= DEFAULT_MIN_VISITS &&
      relativeHalfWidth(visitSummary(c.samplesNs, c.rounds).medians) <= targetPrecision,
    warmupCalls: c.warmupCalls,
    visits: c.visits,
  };
}

/** Both sides pooled per cell (geometric means), for choosing the gated cells symmetrically. */
function pooledPoints(head: readonly SideCell[], base: readonly SideCell[]): PointSummary[] {
  return head.flatMap((hc, i) => {
    const bc = base[i]!;
    if (hc.samplesNs.length === 0 || bc.samplesNs.length === 0) return [];
    const h = visitSummary(hc.samplesNs, hc.rounds);
    const b = visitSummary(bc.samplesNs, bc.rounds);
    const visits = new Map<number, number>();
    for (const [r, hv] of h.byRound) {
      const bv = b.byRound.get(r);
      if (bv !== undefined) visits.set(r, Math.sqrt(hv * bv));
    }
    const gm = (x: number, y: number) => Math.sqrt(x * y);
    return [
      {
        threads: hc.threads,
        medianNs: gm(h.medianNs, b.medianNs),
        ci95Ns: [gm(h.ci95Ns[0], b.ci95Ns[0]), gm(h.ci95Ns[1], b.ci95Ns[1])] as const,
        visits,
      },
    ];
  });
}
