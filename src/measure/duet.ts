/**
 * Duet measurement (Bulej et al., "Duet Benchmarking", ICPE 2020): one block of a same-job cell
 * with the base and the head running at the same time, each in its own child process pinned to
 * its own CPUs, so that what the machine does to one side in that moment (a neighbour, the
 * hypervisor, frequency) it does to the other, and the paired ratio cancels it.
 *
 * One block of a cell at T threads, on 2·T CPUs of the affinity mask:
 *  1. which side gets the first T CPUs and which the next T is drawn at random (seeded), so a
 *     faster CPU or core favours neither side;
 *  2. both sides open fresh sessions (children under taskset) at once, and warm up at once;
 *  3. `windows` paired windows: both sides run a window of calls (about `visitMs` each, one call
 *     for a workload that pays per process) at the same time; a window's value per side is the
 *     median of its calls;
 *  4. the block's observation: d = median over windows of log(head / base); the pair handed to
 *     the decision rule (src/analysis/same-job.ts, CellBlocks) is [B, B · e^d], B the median of
 *     the base's windows, so the one rule sees log(head / base) = d.
 * Both sides are closed (their children killed) on every path out.
 */
import { median } from '../stats/index.js';
import type { Pin } from '../cpu/affinity.js';
import type { CellRunner } from '../workloads/types.js';
import { MAX_CALLS_PER_REQUEST } from '../workloads/worker.js';

/** Paired windows per block. */
export const DUET_WINDOWS = 5;

/** One side of a duet: how to open its pinned runner, and its calibration. */
export interface DuetSide {
  open(threads: number, pin: Pin): Promise<CellRunner>;
  readonly opsPerCall: number;
  /** A fixed number of untimed warm-up calls (a process per call), instead of warming by time. */
  readonly warmupCalls?: number;
}

export interface DuetBlockOptions {
  readonly threads: number;
  /** The taskset program and at least 2 · threads CPUs to split between the sides. */
  readonly pin: Pin;
  /** Seeded: decides which side gets which CPUs. */
  readonly rand: () => number;
  /** Warm each side at least this long (workloads without a fixed warm-up). */
  readonly warmupMs: number;
  /** Skip a fixed warm-up (the call time is known from an earlier block). */
  readonly skipFixedWarmup: boolean;
  readonly windows: number;
  readonly visitMs: number;
  readonly now: () => number;
  /** The job's deadline (same clock): no window starts that would not end before it. */
  readonly deadline: number;
  /** Call times (ns) known from an earlier block, [head, base]; 0 unknown. */
  readonly hintsNs?: readonly [number, number];
}

/** One side's samples of a block, as the pipeline absorbs them into its results. */
export interface DuetSideSamples {
  /** ns per operation, window after window. */
  readonly samplesNs: number[];
  /** The window (0-based) of each sample. */
  readonly windows: number[];
  readonly warmupCalls: number;
  /** Wall time of one call (ns), for the next block. */
  readonly callNs: number;
}

export interface DuetBlock {
  readonly head: DuetSideSamples;
  readonly base: DuetSideSamples;
  /** [base, head] for CellBlocks, or null when fewer than half the windows fit the budget. */
  readonly pair: readonly [number, number] | null;
  /** Each window's log(head / base). */
  readonly logRatios: readonly number[];
  readonly headCpus: readonly number[];
  readonly baseCpus: readonly number[];
}

/** Run one window of `n` calls (callMany when the runner has it: one request to a child). */
async function runWindow(r: CellRunner, n: number): Promise<number[]> {
  if (r.callMany) return r.callMany(n);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await r.call());
  return out;
}

/** Calls of about `ms` at `callNs` per call, within the protocol's limit. */
function callsFor(ms: number, callNs: number): number {
  return Math.max(1, Math.min(MAX_CALLS_PER_REQUEST, Math.round((ms * 1e6) / Math.max(1, callNs))));
}

/** One duet block of one cell (see the file comment). */
export async function measureDuetBlock(
  head: DuetSide,
  base: DuetSide,
  opts: DuetBlockOptions,
): Promise<DuetBlock> {
  const t = opts.threads;
  if (opts.pin.cpus.length < 2 * t) {
    throw new RangeError(`a duet at ${t} threads needs ${2 * t} CPUs; got ${opts.pin.cpus.length}`);
  }
  const first = opts.pin.cpus.slice(0, t);
  const second = opts.pin.cpus.slice(t, 2 * t);
  const headFirst = opts.rand() < 0.5;
  const headCpus = headFirst ? first : second;
  const baseCpus = headFirst ? second : first;
  const sides = [
    {
      side: head,
      pin: { taskset: opts.pin.taskset, cpus: headCpus },
      hint: opts.hintsNs?.[0] ?? 0,
    },
    {
      side: base,
      pin: { taskset: opts.pin.taskset, cpus: baseCpus },
      hint: opts.hintsNs?.[1] ?? 0,
    },
  ] as const;
  // Open both at once; whichever opened is closed on every path out.
  const opened = await Promise.allSettled(sides.map((s) => s.side.open(t, s.pin)));
  const runners = opened.map((o) => (o.status === 'fulfilled' ? o.value : null));
  try {
    const failed = opened.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed) throw failed.reason;
    const [h, b] = runners as [CellRunner, CellRunner];
    const warmed = await Promise.all([warm(h, sides[0]), warm(b, sides[1])]);
    const callNs: [number, number] = [warmed[0].callNs, warmed[1].callNs];
    const fixed = head.warmupCalls !== undefined || base.warmupCalls !== undefined;
    const samples: [DuetSideSamples, DuetSideSamples] = [
      { samplesNs: [], windows: [], warmupCalls: warmed[0].calls, callNs: callNs[0] },
      { samplesNs: [], windows: [], warmupCalls: warmed[1].calls, callNs: callNs[1] },
    ];
    const logRatios: number[] = [];
    const baseValues: number[] = [];
    for (let w = 0; w < opts.windows; w++) {
      const n = fixed
        ? [1, 1]
        : [callsFor(opts.visitMs, callNs[0]), callsFor(opts.visitMs, callNs[1])];
      const expectMs = Math.max(n[0]! * callNs[0], n[1]! * callNs[1]) / 1e6;
      if (opts.now() + expectMs > opts.deadline) break;
      const [hs, bs] = await Promise.all([runWindow(h, n[0]!), runWindow(b, n[1]!)]);
      // The last window's pace plans the next (a side that slowed down keeps to the visit length).
      callNs[0] = median(hs);
      callNs[1] = median(bs);
      const hv = callNs[0] / head.opsPerCall;
      const bv = callNs[1] / base.opsPerCall;
      for (const x of hs) {
        samples[0].samplesNs.push(x / head.opsPerCall);
        samples[0].windows.push(w);
      }
      for (const x of bs) {
        samples[1].samplesNs.push(x / base.opsPerCall);
        samples[1].windows.push(w);
      }
      logRatios.push(Math.log(hv / bv));
      baseValues.push(bv);
    }
    const enough = logRatios.length > 0 && logRatios.length >= Math.ceil(opts.windows / 2);
    const base0 = enough ? median(baseValues) : NaN;
    return {
      head: { ...samples[0], callNs: callNs[0] },
      base: { ...samples[1], callNs: callNs[1] },
      pair: enough ? [base0, base0 * Math.exp(median(logRatios))] : null,
      logRatios,
      headCpus,
      baseCpus,
    };
  } finally {
    await Promise.allSettled(runners.map((r) => r?.close()));
  }

  /** Warm one side: its fixed warm-up calls, or calls until `warmupMs` has passed. */
  async function warm(
    r: CellRunner,
    s: (typeof sides)[number],
  ): Promise<{ calls: number; callNs: number }> {
    if (s.side.warmupCalls !== undefined) {
      const count = opts.skipFixedWarmup && s.hint > 0 ? 0 : s.side.warmupCalls;
      let last = s.hint;
      for (let i = 0; i < count; i++) last = await r.call();
      // Nothing known yet: one call to learn the pace.
      if (last <= 0) return { calls: count + 1, callNs: await r.call() };
      return { calls: count, callNs: last };
    }
    const start = opts.now();
    let calls = 0;
    let callNs = s.hint > 0 ? s.hint : 0;
    do {
      // Batches of about 25 ms once the pace is known (one request each to a child).
      const n = callNs > 0 ? callsFor(25, callNs) : 1;
      const times = await runWindow(r, n);
      calls += n;
      callNs = median(times);
    } while (opts.now() - start < opts.warmupMs && opts.now() + 25 < opts.deadline);
    return { calls, callNs };
  }
}
