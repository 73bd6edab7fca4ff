/**
 * The same-job comparison's measurement (the decision rule is src/analysis/same-job.ts): the head
 * and the base workload are measured in blocks. Each block is one sweep of both: it opens fresh
 * sessions for every (side, threads) cell in a random order, warms them briefly, and measures
 * `roundsPerBlock` interleaved rounds, then closes them. A block's per-cell medians are one
 * observation of the head/base ratio, with the session's luck (where its threads and memory
 * land) inside it, so the interval over blocks covers what varies between sessions.
 *
 * Duets (issue 22): a cell whose twice the threads fit the usable CPUs is measured, in each
 * block, as a duet instead (src/measure/duet.ts): a fresh base and head runner at the same time,
 * each in a child process pinned to its own CPUs (which side gets which drawn per block), paired
 * window by window; its block observation is the median over the windows of log(head / base),
 * so what the machine does in that moment cancels. The duet cells of a block run one after the
 * other, after the block's sweep of the other cells. Where children cannot be pinned (no
 * taskset, macOS, Windows), with `duet: off`, and for workloads that cannot run in a child,
 * every cell stays in the sweep, and the comparison's notes say why.
 *
 * Looks are planned before they are taken: after the first block the number of blocks that fit
 * the budget is known (at most `maxBlocks`), lookSchedule() places the looks and their shares of
 * α, and the sweep stops at the first look where every gated cell is decided. With the default
 * gate ('all'), a cell decided at a look is measured no more: later blocks spend the budget on
 * the cells still undecided, the decided cell is judged again at its own look's share of α
 * (LookOptions.decidedAt, so it keeps its decision), and since the blocks get shorter the looks
 * still to come are planned again at the next block's pace with the α that is left
 * (replanLooks). When the budget ends before the planned last look, one final look spends
 * whatever α is left.
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
  cellKey,
  compareSameJob,
  decideLook,
  lookSchedule,
  MIN_BLOCKS,
  replanLooks,
  type CellBlocks,
  type LookDecision,
  type SameJobWorkloadBlocks,
} from '../analysis/same-job.js';
import { probeAffinity, type Affinity, type Pin } from '../cpu/affinity.js';
import { DUET_WINDOWS, measureDuetBlock, type DuetSide } from '../measure/duet.js';
import { mulberry32 } from '../stats/random.js';
import { OrtChildPool } from '../workloads/ort-child.js';
import { DEFAULT_DUET, DUET_MODES, type DuetMode } from '../contract/limits.js';
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
  /** The usable CPUs: no gated cell is chosen above them, and no duet needs more. */
  readonly maxThreads?: number;
  /**
   * 'auto' (default): cells whose twice the threads fit the usable CPUs are measured as duets
   * (src/measure/duet.ts) where children can be pinned; 'off': every cell in sequential blocks.
   */
  readonly duet?: DuetMode;
  /** Where pinned CPUs come from (default probeAffinity(): taskset on Linux); for tests. */
  readonly affinity?: Affinity;
  /** Paired windows per duet block (default DUET_WINDOWS; 1 for a process per call). */
  readonly duetWindows?: number;
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
  /** The thread counts measured as duets. */
  readonly duetThreads: readonly number[];
  /** Per cell, the blocks the rule judged ([base, head] each; for a duet, see CellBlocks.duet). */
  readonly cells: readonly CellBlocks[];
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
  const plan = planDuets(head, base, opts);
  try {
    return await measureBlocks(head, base, opts, plan);
  } finally {
    // The duet sides' children (ONNX Runtime's are kept from block to block) end with the job.
    await plan.dispose();
  }
}

async function measureBlocks(
  head: Workload,
  base: Workload,
  opts: SameJobOptions,
  duetPlan: DuetPlan,
): Promise<SameJobRun> {
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
  const duetCells = new Set(duetPlan.threads);
  // A process per call: one paired call per block (a sequential block has one visit per side).
  const duetWindows = opts.duetWindows ?? (fixedWarmup ? 1 : DUET_WINDOWS);
  const duetRand = mulberry32((opts.seed ^ 0x5eed) >>> 0);
  let roundOffset = 0;
  /** How long the last duet block of each duet cell took (ms). */
  const duetMs = new Map<number, number>();
  /** Call times (ns) from earlier blocks, per thread count: [head, base]. */
  const hintNs = new Map<number, [number, number]>();
  let schedule: { blocks: number; spend: number }[] | null = null;
  let replan = false;
  let lookIndex = 0;
  let spent = 0;
  let lastBlockMs: number;
  let stoppedBy: SameJobRun['stoppedBy'] = 'budget';
  /** The α share of the look the verdict comes from. */
  let verdictSpend = 0;
  let blockCount = 0;
  const skipped = new Map<string, { workload: string; threads: number; reason: string }>();
  /**
   * Cells decided at a look, with that look's α share: later blocks measure only the others
   * (with the default gate 'all'; with 'deployed' which cells are gated depends on every cell's
   * pooled latency, so every cell keeps being measured).
   */
  const decidedAt = new Map<string, number>();
  const dropDecided = (opts.gate ?? 'all') === 'all';

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
    const active = opts.threads
      .map((threads, ti) => ({ threads, ti }))
      .filter((c) => !decidedAt.has(cellKey(head.id, c.threads)));
    const inBlocks = active.filter((c) => !duetCells.has(c.threads));
    const inDuets = active.filter((c) => duetCells.has(c.threads));
    let budgetEnded = false;
    let blockRounds = 0;
    if (inBlocks.length > 0) {
      const threads = inBlocks.map((c) => c.threads);
      const known = threads.map((t) => hintNs.get(t));
      const hints = known.every((k) => k !== undefined)
        ? [...known.map((k) => k[0]), ...known.map((k) => k[1])]
        : undefined;
      const out = await sweep([head, base], {
        threads,
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
      threads.forEach((t, i) => hintNs.set(t, [out.callNs[i]!, out.callNs[threads.length + i]!]));
      for (const s of out.skipped) skipped.set(`${s.workload}@${s.threads}`, s);
      const [h, bs] = out.workloads as [WorkloadSweep, WorkloadSweep];
      inBlocks.forEach(({ ti }, i) => {
        const hc = h.cells[i]!;
        const bc = bs.cells[i]!;
        absorb(headCells[ti]!, hc, roundOffset);
        absorb(baseCells[ti]!, bc, roundOffset);
        blocks[ti]!.push(
          hc.samplesNs.length > 0 && bc.samplesNs.length > 0
            ? [blockMedian(bc), blockMedian(hc)]
            : null,
        );
      });
      blockRounds = out.rounds;
      budgetEnded = out.stoppedBy === 'budget';
    }
    // The duet cells, one after another (each uses 2 · threads CPUs), in a seeded random order.
    for (const { threads, ti } of shuffled(inDuets, duetRand)) {
      // A duet block costs its children's start: none is started that the budget cannot hold
      // (at the pace of this cell's last duet block).
      const lastMs = duetMs.get(threads);
      if (budgetEnded || (lastMs !== undefined && now() + 0.9 * lastMs > deadline)) {
        blocks[ti]!.push(null);
        budgetEnded = true;
        continue;
      }
      const duetStart = now();
      const duet = await measureDuetBlock(duetPlan.head!, duetPlan.base!, {
        threads,
        pin: duetPlan.pin!,
        rand: duetRand,
        warmupMs: b > 0 ? 50 : 200,
        skipFixedWarmup: b > 0,
        windows: duetWindows,
        visitMs: opts.visitMs ?? head.visitMs ?? base.visitMs ?? 30,
        now,
        deadline,
        ...(hintNs.has(threads) ? { hintsNs: hintNs.get(threads)! } : {}),
      });
      hintNs.set(threads, [duet.head.callNs, duet.base.callNs]);
      duetMs.set(threads, now() - duetStart);
      absorbDuet(headCells[ti]!, duet.head, roundOffset);
      absorbDuet(baseCells[ti]!, duet.base, roundOffset);
      blocks[ti]!.push(duet.pair);
      blockRounds = Math.max(blockRounds, duetWindows);
      if (duet.pair === null) budgetEnded = true;
      // The sweep reports its own cells' progress; a duet cell's block is reported when done.
      report?.({
        phase: 'measure',
        elapsedSec: (now() - start) / 1000,
        budgetSec: opts.maxTimeSec,
        cellsDone: 0,
        cellsTotal: 2 * opts.threads.length,
        round: roundOffset + duetWindows,
        block: b + 1,
      });
    }
    lastBlockMs = now() - blockStart;
    roundOffset += blockRounds;
    const done = ++blockCount;
    // The plan, fixed before any look (the first is at MIN_BLOCKS): after the second block, how
    // many blocks fit the budget at the second block's pace (at most maxBlocks). The first block
    // is slower (its warm-up starts without hints), so planning on it would stop the looks early
    // and leave budget unused. Once a look has decided some cells, the blocks get shorter: the
    // looks still to come are planned again at the next block's pace, with the α that is left.
    const fit = () => done + Math.floor((deadline - now()) / Math.max(1, lastBlockMs));
    if (schedule === null && done >= Math.min(2, MIN_BLOCKS)) {
      schedule = lookSchedule(Math.min(maxBlocks, Math.max(MIN_BLOCKS, fit())));
    } else if (schedule !== null && replan) {
      replan = false;
      schedule = [
        ...schedule.slice(0, lookIndex),
        ...replanLooks(done, spent, Math.min(maxBlocks, Math.max(MIN_BLOCKS, fit()))),
      ];
    }
    const planned = schedule?.[lookIndex];
    if (planned !== undefined && planned.blocks === done) {
      lookIndex++;
      spent += planned.spend;
      verdictSpend = planned.spend;
      const seen = decideLook(workloadBlocks(), {
        ...look,
        spend: planned.spend,
        final: false,
        decidedAt,
      });
      if (seen.decided) {
        stoppedBy = 'decided';
        break;
      }
      if (dropDecided) {
        for (const c of seen.cells) {
          const key = cellKey(c.workload, c.threads);
          if (c.gated && c.status !== 'inconclusive' && !decidedAt.has(key)) {
            decidedAt.set(key, planned.spend);
            replan = true;
          }
        }
      }
      if (lookIndex === schedule!.length) {
        stoppedBy = 'max-blocks';
        break;
      }
    }
    if (budgetEnded || deadline - now() < lastBlockMs * 0.9) {
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
    decidedAt,
    baseDescription: opts.baseDescription ?? `base ${base.label}`,
    fingerprint: opts.fingerprint ?? 'unknown',
    createdAt,
    blocks: blockCount,
    looks,
    ...(duetPlan.none !== undefined ? { noDuet: duetPlan.none } : {}),
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
    callNs: [
      ...opts.threads.map((t) => hintNs.get(t)?.[0] ?? 0),
      ...opts.threads.map((t) => hintNs.get(t)?.[1] ?? 0),
    ],
  });
  return {
    headSweep: asSweep(head, headCells),
    baseSweep: asSweep(base, baseCells),
    comparison,
    decision,
    blocks: blockCount,
    looks,
    elapsedSec,
    stoppedBy,
    warnings: decision.warnings,
    duetThreads: duetPlan.threads,
    cells: workloadBlocks()[0]!.cells,
  };

  function workloadBlocks(): SameJobWorkloadBlocks[] {
    const cells: CellBlocks[] = opts.threads.map((threads, ti) => ({
      threads,
      blocks: blocks[ti]!,
      ...(duetCells.has(threads) ? { duet: true } : {}),
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

/** The duet cells of a job and how their sides open, or why there are none. */
interface DuetPlan {
  readonly threads: readonly number[];
  readonly head?: DuetSide;
  readonly base?: DuetSide;
  readonly pin?: Pin;
  /** Why no cell is a duet (for the note); undefined when some are. */
  readonly none?: string;
  /** End the sides' children. */
  dispose(): Promise<void>;
}

function planDuets(head: Workload, base: Workload, opts: SameJobOptions): DuetPlan {
  const mode = opts.duet ?? DEFAULT_DUET;
  if (!(DUET_MODES as readonly string[]).includes(mode)) {
    throw new RangeError(`duet must be one of ${DUET_MODES.join(', ')}; got ${String(mode)}`);
  }
  const none = (why: string): DuetPlan => ({
    threads: [],
    none: why,
    dispose: () => Promise.resolve(),
  });
  if (mode === 'off') return none('duets are off (duet: off)');
  if (!canPin(head) || !canPin(base)) {
    return none('this workload cannot run pinned in a child process');
  }
  const affinity = opts.affinity ?? probeAffinity();
  if (affinity.kind === 'none') {
    return none(`${affinity.reason}: no CPU pinning, so sequential blocks`);
  }
  const cpus = Math.min(affinity.cpus.length, opts.maxThreads ?? affinity.cpus.length);
  const threads = opts.threads.filter((t) => 2 * t <= cpus);
  if (threads.length === 0) {
    return none(`no cell's twice the threads fits the ${cpus} usable CPU${cpus === 1 ? '' : 's'}`);
  }
  const h = duetSide(head);
  const b = duetSide(base);
  return {
    threads,
    head: h.side,
    base: b.side,
    pin: { taskset: affinity.taskset, cpus: affinity.cpus.slice(0, cpus) },
    dispose: async () => {
      await Promise.allSettled([h.dispose(), b.dispose()]);
    },
  };
}

function canPin(w: Workload): boolean {
  return w.openPinned !== undefined || w.parallel !== undefined;
}

/**
 * How a workload runs as one side of a duet: its own pinned opener (a process per session), or
 * ONNX Runtime children kept from block to block, a fresh session in each block.
 */
function duetSide(w: Workload): { side: DuetSide; dispose(): Promise<void> } {
  const common = {
    opsPerCall: w.opsPerCall,
    ...(w.warmupCalls !== undefined ? { warmupCalls: w.warmupCalls } : {}),
  };
  if (w.openPinned) {
    return {
      side: { ...common, open: (t, pin) => w.openPinned!(t, pin) },
      dispose: () => Promise.resolve(),
    };
  }
  const pool = new OrtChildPool(w.parallel!, { label: w.label });
  return {
    side: { ...common, open: (t, pin) => pool.open(t, pin) },
    dispose: () => pool.dispose(),
  };
}

function shuffled<T>(items: readonly T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A duet block's samples, window k as round roundOffset + k (so head and base pair by round). */
function absorbDuet(
  into: SideCell,
  side: { samplesNs: readonly number[]; windows: readonly number[]; warmupCalls: number },
  roundOffset: number,
): void {
  into.samplesNs.push(...side.samplesNs);
  into.rounds.push(...side.windows.map((w) => w + roundOffset));
  into.warmupCalls += side.warmupCalls;
  into.visits += new Set(side.windows).size;
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
