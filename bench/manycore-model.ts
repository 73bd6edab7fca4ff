/**
 * The many-core simulation's model (bench/manycore.ts): machines, latency curves against the
 * thread count, and noise — all written down here as tables, with the figure each number is
 * anchored to. The bench section prints these tables; docs/BENCHMARKS.md quotes them.
 *
 * Curves are steady-state latency of one operation, in ns, at `n` threads:
 *
 *  - compute-bound (`seed256`, `mm1024`): t(n) = S + W · (f + (1 − f) / e(n)) + a · n, where
 *    e(n) = min(n, cores) + smtYield · max(0, n − cores) are the effective cores (SMT siblings
 *    share a core's FMA units: they add nothing to a compute-bound GEMM), W the one-core work,
 *    f the serial fraction (Amdahl), a the cost per thread of forking and joining the pool, S a
 *    fixed cost;
 *  - memory-bound (`mv4096`): the weights stream from DRAM. On one node, n threads draw
 *    BW(e) = BWsat · (1 − (1 − bwCore / BWsat)^e) (one thread gets bwCore; more saturate at
 *    BWsat); the weights live on the first node (first touch by the loading thread), so with
 *    several nodes the threads past the first node read across the socket link, capped at
 *    bwRemote; with rows split evenly, the slower group sets the time:
 *    t(n) = max(local share / BW(local), remote share / min(BW(remote), bwRemote)) + a · n.
 *
 * Noise is drawn per session (a level shift that lasts the session: where its threads and
 * pages landed, the neighbours of that moment), per visit (~30 ms of consecutive calls), and per
 * call (with a heavy tail); a visit's first call pays a wake-up, and the first call of a fresh
 * session a cold extra that grows with the threads. Parameters come from docs/benchmarks/2026-11-27-in-sample.md
 * (run-to-run medians) and bench/noise-calibration.ts (visit, call, wake-up, cold first call),
 * both measured on this project's 2-vCPU machine (NOISE_SOURCES says how). Counts of 2 threads
 * and more take the 2-thread figures: nothing was measured above 2.
 */
import { mulberry32 } from '../src/stats/random.js';
import type { CellRunner, Workload } from '../src/workloads/types.js';

// ---------------------------------------------------------------------------------------------
// Machines

export type CoreKind = 'x86' | 'graviton';

export interface SimMachine {
  readonly id: string;
  readonly label: string;
  readonly logical: number;
  readonly physical: number;
  readonly nodes: number;
  readonly kind: CoreKind;
  /** Saturated DRAM bandwidth of one node as this machine gets it, GB/s. */
  readonly bwSatGBs: number;
  /** Bandwidth across the socket link to the node holding the weights, GB/s (nodes > 1). */
  readonly bwRemoteGBs: number;
  /** Where bwSat / bwRemote come from. */
  readonly bandwidthSource: string;
}

/**
 * This project's 2-vCPU machine, for checking the model against what bench/ measured on it:
 * bwSat fitted to its memory-bound figures (1.852 ms at 1 thread, 1.209 ms at 2:
 * bwSat = bwCore / (2 − 1.852 / 1.209)).
 */
export const THIS_MACHINE: SimMachine = {
  id: 'x86-2',
  label: 'this project’s 2-vCPU machine (AMD EPYC Zen 5, 2 cores)',
  logical: 2,
  physical: 2,
  nodes: 1,
  kind: 'x86',
  bwSatGBs: (4096 * 4096 * 4) / 1.852e6 / (2 - 1.852 / 1.209),
  bwRemoteGBs: 0,
  bandwidthSource: 'fitted to the 1- and 2-thread figures measured here',
};

export const MACHINES: readonly SimMachine[] = [
  {
    id: 'x86-16',
    label: '16 vCPUs = 8 x86 cores × 2 SMT, 1 node (a 16-vCPU CI runner)',
    logical: 16,
    physical: 8,
    nodes: 1,
    kind: 'x86',
    bwSatGBs: 100,
    bwRemoteGBs: 0,
    bandwidthSource:
      'assumed: a 16-vCPU VM’s share of a 12-channel DDR5 socket (576 GB/s peak for EPYC 9005)',
  },
  {
    id: 'x86-64',
    label: '64 vCPUs = 32 x86 cores × 2 SMT, 1 node',
    logical: 64,
    physical: 32,
    nodes: 1,
    kind: 'x86',
    bwSatGBs: 250,
    bwRemoteGBs: 0,
    bandwidthSource: 'assumed: a 64-vCPU VM’s share of the same socket',
  },
  {
    id: 'graviton-96',
    label: '96 Graviton4-like cores, no SMT, 1 node (the seed article’s machine)',
    logical: 96,
    physical: 96,
    nodes: 1,
    kind: 'graviton',
    bwSatGBs: 400,
    bwRemoteGBs: 0,
    bandwidthSource:
      '75 % of Graviton4’s 536.7 GB/s peak per socket (12 × DDR5-5600; AnandTech, 2023-11-29)',
  },
  {
    id: 'graviton-192',
    label: '192 Graviton4-like cores on 2 sockets, 2 NUMA nodes of 96',
    logical: 192,
    physical: 192,
    nodes: 2,
    kind: 'graviton',
    bwSatGBs: 400,
    bwRemoteGBs: 100,
    bandwidthSource:
      '400 GB/s per socket as above; the socket link assumed at a quarter of it (not published)',
  },
];

// ---------------------------------------------------------------------------------------------
// Curves

export type CurveId = 'seed256' | 'mm1024' | 'mv4096';
export type Bound = 'compute' | 'memory';

export interface CurveParams {
  /** One-core work, ns (compute) — or bytes streamed per operation (memory). */
  readonly workNs?: number;
  readonly bytes?: number;
  /** One thread's streaming bandwidth, GB/s (memory). */
  readonly bwCoreGBs?: number;
  readonly serialFraction: number;
  readonly perThreadNs: number;
  readonly fixedNs: number;
  readonly smtYield: number;
}

export interface Curve {
  readonly id: CurveId;
  readonly label: string;
  readonly bound: Bound;
  /** Per core kind. */
  readonly params: Readonly<Record<CoreKind, CurveParams>>;
  /** How each parameter was set. */
  readonly sources: readonly string[];
  /** Session creation in the simulation (this machine: see src/measure/plan.ts), ms. */
  readonly openMs: number;
}

/** The seed article: PyTorch 256×256 matmul on 96 Graviton cores (one call each). */
export const SEED_ANCHORS = { threads16Ns: 0.64e6, threads96Ns: 2.24e6 } as const;
/** This project's reference sweep (docs/benchmarks/2026-11-27-in-sample.md, recommendation section), Zen 5 x86. */
export const X86_ANCHORS = {
  mm256Threads1Ns: 135.0e3,
  mm256Threads2Ns: 72.27e3,
  mm1024Threads1Ns: 9.958e6,
  mv4096Threads1Ns: 1.852e6,
} as const;

const FLOPS_256 = 2 * 256 ** 3;
const FLOPS_1024 = 2 * 1024 ** 3;
/** Neoverse V2: 32 FP32 FLOP/cycle × 2.8 GHz (Graviton4), at 75 % of peak in a GEMM. */
const GRAVITON_CORE_GFLOPS = 32 * 2.8 * 0.75;
const MV_BYTES = 4096 * 4096 * 4;

/** S and a of the seed curve, from its two anchors on 96 cores (no SMT): a linear system. */
export function fitTwoAnchors(
  workNs: number,
  n1: number,
  t1: number,
  n2: number,
  t2: number,
): { perThreadNs: number; fixedNs: number } {
  const perThreadNs = (t2 - t1 - workNs * (1 / n2 - 1 / n1)) / (n2 - n1);
  return { perThreadNs, fixedNs: t1 - workNs / n1 - perThreadNs * n1 };
}

const gravitonSeedWork = FLOPS_256 / GRAVITON_CORE_GFLOPS;
const gravitonSeed = fitTwoAnchors(
  gravitonSeedWork,
  16,
  SEED_ANCHORS.threads16Ns,
  96,
  SEED_ANCHORS.threads96Ns,
);
// x86: t(1) = W + a, t(2) = W / 2 + 2a with S = 0 (ORT, warm): a = (2·t2 − t1) / 3.
const x86SeedPerThread = (2 * X86_ANCHORS.mm256Threads2Ns - X86_ANCHORS.mm256Threads1Ns) / 3;
const x86SeedWork = X86_ANCHORS.mm256Threads1Ns - x86SeedPerThread;

/** A warm pool's fork/join per thread for a large GEMM (assumed: ~µs barriers). */
const BARRIER_NS = 500;
const MM1024_SERIAL = 0.002;

export const CURVES: readonly Curve[] = [
  {
    id: 'seed256',
    label: 'MatMul 256×256×256 (the seed article’s)',
    bound: 'compute',
    params: {
      graviton: {
        workNs: gravitonSeedWork,
        serialFraction: 0,
        perThreadNs: gravitonSeed.perThreadNs,
        fixedNs: gravitonSeed.fixedNs,
        smtYield: 0,
      },
      x86: {
        workNs: x86SeedWork,
        serialFraction: 0,
        perThreadNs: x86SeedPerThread,
        fixedNs: 0,
        smtYield: 0,
      },
    },
    sources: [
      'Graviton: W = 33.6 MFLOP at 75 % of a Neoverse V2 core (67.2 GFLOP/s); a and S solved from the seed article’s 0.64 ms at 16 threads and 2.24 ms at 96 (PyTorch, one first call each: the fitted a includes thread start-up, so this curve is steeper than a warm ORT pool’s)',
      'x86: t(1) = 135.0 µs and t(2) = 72.27 µs from this project’s reference sweep (docs/benchmarks/2026-11-27-in-sample.md), S = 0: W and a solved',
    ],
    openMs: 5,
  },
  {
    id: 'mm1024',
    label: 'MatMul 1024×1024×1024 (compute-bound, scales to every core)',
    bound: 'compute',
    params: {
      graviton: {
        workNs: FLOPS_1024 / GRAVITON_CORE_GFLOPS,
        serialFraction: MM1024_SERIAL,
        perThreadNs: BARRIER_NS,
        fixedNs: 0,
        smtYield: 0,
      },
      x86: {
        workNs: X86_ANCHORS.mm1024Threads1Ns - BARRIER_NS,
        serialFraction: MM1024_SERIAL,
        perThreadNs: BARRIER_NS,
        fixedNs: 0,
        smtYield: 0,
      },
    },
    sources: [
      'W: 2.15 GFLOP at 67.2 GFLOP/s (Graviton), 9.958 ms measured at 1 thread here (x86)',
      'Amdahl serial fraction 0.2 % and 0.5 µs per thread: assumed, so that it scales to every physical core as a large GEMM does',
    ],
    openMs: 10,
  },
  {
    id: 'mv4096',
    label: 'MatMul 1×4096 · 4096×4096 (memory-bound, 64 MiB of weights)',
    bound: 'memory',
    params: {
      graviton: {
        bytes: MV_BYTES,
        bwCoreGBs: 20,
        serialFraction: 0,
        perThreadNs: BARRIER_NS,
        fixedNs: 0,
        smtYield: 0.5,
      },
      x86: {
        bytes: MV_BYTES,
        bwCoreGBs: MV_BYTES / (X86_ANCHORS.mv4096Threads1Ns - BARRIER_NS),
        serialFraction: 0,
        perThreadNs: BARRIER_NS,
        fixedNs: 0,
        smtYield: 0.5,
      },
    },
    sources: [
      'x86: one thread streams 67.1 MB in 1.852 ms (measured here) = 36.2 GB/s; Graviton: 20 GB/s per core, assumed',
      'saturation per node: the machine table’s bwSat; SMT siblings add half a thread’s bandwidth (assumed); 0.5 µs per thread',
    ],
    openMs: 300,
  },
];

export function curveById(id: CurveId): Curve {
  const c = CURVES.find((x) => x.id === id);
  if (!c) throw new RangeError(`no curve ${id}`);
  return c;
}

function effective(n: number, cores: number, smtYield: number): number {
  return Math.min(n, cores) + smtYield * Math.max(0, n - cores);
}

/** Saturating bandwidth of `e` effective threads on one node, GB/s. */
export function nodeBandwidth(e: number, bwCore: number, bwSat: number): number {
  if (e <= 0) return 0;
  const x = Math.min(1, bwCore / bwSat);
  return bwSat * (1 - (1 - x) ** e);
}

/** Steady-state latency of one operation at `n` threads on `m`, ns (no noise). */
export function latencyNs(curve: Curve, m: SimMachine, n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`threads must be ≥ 1, got ${n}`);
  const p = curve.params[m.kind];
  if (curve.bound === 'compute') {
    const e = effective(Math.min(n, m.logical), m.physical, p.smtYield);
    const w = p.workNs!;
    return p.fixedNs + w * (p.serialFraction + (1 - p.serialFraction) / e) + p.perThreadNs * n;
  }
  const perNode = m.logical / m.nodes;
  const coresPerNode = m.physical / m.nodes;
  const local = Math.min(n, perNode);
  const remote = Math.min(n, m.logical) - local;
  const bwCore = p.bwCoreGBs!;
  const bwLocal = nodeBandwidth(effective(local, coresPerNode, p.smtYield), bwCore, m.bwSatGBs);
  const localNs = ((local / n) * p.bytes!) / bwLocal; // bytes / (GB/s) = ns
  let remoteNs = 0;
  if (remote > 0) {
    const bw = Math.min(
      nodeBandwidth(effective(remote, coresPerNode, p.smtYield), bwCore, m.bwSatGBs),
      m.bwRemoteGBs,
    );
    remoteNs = ((remote / n) * p.bytes!) / bw;
  }
  return p.fixedNs + Math.max(localNs, remoteNs) + p.perThreadNs * n;
}

/** The true optimum of a curve over 1..usable threads: the latency and its thread count. */
export function optimum(curve: Curve, m: SimMachine): { threads: number; ns: number } {
  let best = { threads: 1, ns: latencyNs(curve, m, 1) };
  for (let n = 2; n <= m.logical; n++) {
    const ns = latencyNs(curve, m, n);
    if (ns < best.ns) best = { threads: n, ns };
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Noise

export interface NoiseParams {
  /** Session level shift: log-normal σ, and the chance of a tail shift ×[1.15, 1.75]. */
  readonly sessionSigma: number;
  readonly sessionTailP: number;
  /** Per visit (consecutive calls of one cell), on its own: log-normal σ. */
  readonly visitSigma: number;
  /**
   * The machine's mood: a slow drift shared by every cell (neighbours, clocks), log σ of this
   * cell's response to it. Interleaved rounds spread it over all cells; single calls taken close
   * together share it.
   */
  readonly moodSigma: number;
  /** Per call: log-normal σ, and the chance of an outlier ×[1.3, 4]. */
  readonly callSigma: number;
  readonly callTailP: number;
  /** Extra time of a visit's first call (the pool wakes up), ns. */
  readonly wakeNs: number;
}

/**
 * Per bound and thread class (1 thread, ≥ 2 threads). Session figures: docs/benchmarks/2026-11-27-in-sample.md
 * (run-to-run medians on the 2-vCPU runner); visit, call and wake-up: bench/noise-calibration.ts
 * (see NOISE_SOURCES).
 */
export const NOISE: Readonly<Record<Bound, readonly [NoiseParams, NoiseParams]>> = {
  compute: [
    {
      sessionSigma: 0.035,
      sessionTailP: 0,
      visitSigma: 0.03,
      moodSigma: 0.15,
      callSigma: 0.025,
      callTailP: 0.01,
      wakeNs: 50e3,
    },
    {
      sessionSigma: 0.064,
      sessionTailP: 0,
      visitSigma: 0.06,
      moodSigma: 0.3,
      callSigma: 0.035,
      callTailP: 0.02,
      wakeNs: 75e3,
    },
  ],
  memory: [
    {
      sessionSigma: 0.07,
      sessionTailP: 0.015,
      visitSigma: 0.08,
      moodSigma: 0.25,
      callSigma: 0.045,
      callTailP: 0.01,
      wakeNs: 226e3,
    },
    {
      sessionSigma: 0.1,
      sessionTailP: 0.025,
      visitSigma: 0.1,
      moodSigma: 0.22,
      callSigma: 0.1,
      callTailP: 0.02,
      wakeNs: 375e3,
    },
  ],
};

/**
 * The first call of a fresh session: the call plus an extra time, E(bound) + perThread · (n − 1),
 * drawn log-normal with σ, and at every thread count a chance (tailP) of a tail (×tail) on the
 * extra (as the calibration measured it at 1 thread: p10–p90 of the ratio 1.56–2.12). perThread is 0 in the main table (no growth with the
 * thread count: the single-shot method's most favourable case); the section also shows the
 * single-shot method with COLD_PER_THREAD_MEASURED_NS, the growth from 1 to 2 threads measured
 * here — on 96 threads that is +3.1 ms, of the size of the seed article's own 96-thread cold call.
 */
export const COLD = {
  extraNs: { compute: 86e3, memory: 331e3 } as Readonly<Record<Bound, number>>,
  perThreadNs: 0,
  sigma: 0.12,
  tailP: 0.05,
  /** The tail's factor range on the extra time (log-uniform). */
  tail: [1.5, 3] as const,
} as const;

/** 256@2's cold extra − 256@1's, scaled to the sitting's speed (119 − 86 µs). */
export const COLD_PER_THREAD_MEASURED_NS = 33e3;

export const NOISE_SOURCES: readonly string[] = [
  'session σ and tail: fitted to the ratio of consecutive runs’ medians in docs/benchmarks/2026-11-27-in-sample.md (A/A stored section, 100 pairs per cell: p5/p95, p95 of the absolute change, share ≥ +25 %; test/manycore-model.test.ts checks the fit); half of σ is each session’s own, half shared by the run (the calibration’s twin sessions: own/run-to-run σ 0.22–0.7 by cell); the 2-thread figures stand for every count ≥ 2',
  'calibration: `node --import tsx bench/noise-calibration.ts --reps 12` on this machine, 2026-11-29, with other processes using 0.39 of the 2 CPUs and calls ~2.4× slower than in the BENCHMARKS sitting: a visit’s own σ as measured at 1 thread (256@1 0.015, 1024@1 0.13, 1x4096x4096@1 0.080; 0.03/0.08 taken), call σ as measured (0.022, 0.032, 0.045, 0.098 for 256@1, 256@2, 1x4096x4096 @1, @2); its call tails (4–13 % of calls > 1.3×) were inflated by the other processes: 1–2 % taken',
  'shared drift (mood) σ: fitted so that the engine simulated on this machine needs about the samples and the time the real one did (an earlier sitting of docs/benchmarks/2026-11-27-in-sample.md: samples at ±2 % per cell; median default sweep 8.4 s), see the model check; its period range (1–20 s) keeps the single-shot method’s accuracy here near the measured 60/60',
  'wake-up and cold extra times: the calibration’s (first call of a visit / cold first call) − warm median, scaled to the BENCHMARKS sitting’s speed (× reference median / calibration median): wake 50/75 µs (256 @1/@2), 226/375 µs (1x4096x4096); cold 86 µs (256@1; p10–p90 of the ratio 1.56–2.12: σ 0.12 and a 5 % tail ×1.5–3), 331 µs (1x4096x4096@1); a 1024² call is long enough that its cold extra (102 µs) is within its noise; 256@2’s cold extra was 33 µs more than 256@1’s: the per-thread growth of the sensitivity column',
];

/** Standard normal from two uniforms (Box–Muller). */
function gaussian(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

function logUniform(rand: () => number, lo: number, hi: number): number {
  return Math.exp(Math.log(lo) + rand() * (Math.log(hi) - Math.log(lo)));
}

export function noiseFor(bound: Bound, threads: number): NoiseParams {
  return NOISE[bound][threads === 1 ? 0 : 1];
}

/**
 * The share of the session level's σ that each session draws on its own; the rest is shared by
 * every session of the run (what the machine was like during that run), which cannot change a
 * pick. From the calibration's twin sessions: their own σ / the run-to-run σ was 0.22–0.7 by cell
 * (median ~0.5).
 */
export const SESSION_OWN_SHARE = 0.5;

/**
 * A session's level: exp(σ·(own · z + √(1 − own²) · zRun)) × a tail, where z is its own standard
 * normal and zRun the run's (shared by its sessions). With `zRun` drawn afresh per session (the
 * default), two sessions of separate runs: the run-to-run spread of docs/benchmarks/2026-11-27-in-sample.md.
 */
export function drawSessionLevel(
  p: NoiseParams,
  rand: () => number,
  zRun: number = gaussian(rand),
): number {
  const tail = rand() < p.sessionTailP ? logUniform(rand, 1.15, 1.75) : 1;
  const own = SESSION_OWN_SHARE;
  const z = own * gaussian(rand) + Math.sqrt(1 - own * own) * zRun;
  return Math.exp(p.sessionSigma * z) * tail;
}

export function drawVisit(p: NoiseParams, rand: () => number): number {
  return Math.exp(p.visitSigma * gaussian(rand));
}

export function drawCall(p: NoiseParams, rand: () => number): number {
  const tail = rand() < p.callTailP ? logUniform(rand, 1.3, 4) : 1;
  return Math.exp(p.callSigma * gaussian(rand)) * tail;
}

/** Extra time of a fresh session's first call at `threads` (see COLD), ns. */
export function drawColdExtra(
  bound: Bound,
  threads: number,
  rand: () => number,
  perThreadNs: number = COLD.perThreadNs,
): number {
  const median = COLD.extraNs[bound] + perThreadNs * (threads - 1);
  const tail = rand() < COLD.tailP ? logUniform(rand, COLD.tail[0], COLD.tail[1]) : 1;
  return median * Math.exp(COLD.sigma * gaussian(rand)) * tail;
}

// ---------------------------------------------------------------------------------------------
// Workloads on a virtual clock

/** The virtual clock and who ran last (a call of another cell starts a new visit). */
export interface VirtualClock {
  /** ms */
  now: number;
  lastCell: string | null;
  calls: number;
  /** The machine's mood at `ms`: a standard-normal slow drift (see moodProcess). */
  readonly mood: (ms: number) => number;
  /** The run's shared part of the session levels (standard normal; see drawSessionLevel). */
  readonly runZ: number;
}

/**
 * A slow, smooth drift with unit variance: a sum of 6 sinusoids with periods log-uniform in
 * 1–20 s and random phases (seeded): a sweep of several seconds sees it change; calls a few
 * hundred ms apart share it.
 */
export function moodProcess(seed: number): (ms: number) => number {
  const rand = mulberry32((seed * 2654435761) >>> 0);
  const waves = Array.from({ length: 6 }, () => ({
    periodMs: logUniform(rand, 1_000, 20_000),
    phase: rand() * 2 * Math.PI,
  }));
  const amp = Math.sqrt(2 / waves.length);
  return (ms) =>
    amp * waves.reduce((sum, w) => sum + Math.sin((2 * Math.PI * ms) / w.periodMs + w.phase), 0);
}

export function newClock(seed = 1): VirtualClock {
  const rand = mulberry32((seed * 40503 + 17) >>> 0);
  return { now: 0, lastCell: null, calls: 0, mood: moodProcess(seed), runZ: gaussian(rand) };
}

/** Per-call overhead of `session.run` measured here (docs/benchmarks/2026-11-27-in-sample.md, overhead section). */
export const CALL_OVERHEAD_NS = 6750;

/**
 * MatMuls per call, as src/workloads/matmul.ts calibrates them: the smallest power of two (≤ 64)
 * that keeps the call overhead under 2 % with a 3× margin, for the call at the most threads.
 */
export function opsPerCall(curve: Curve, machine: SimMachine, maxThreads: number): number {
  const x = (3 * CALL_OVERHEAD_NS) / (0.02 * latencyNs(curve, machine, maxThreads));
  let p = 1;
  while (p < x && p < 64) p *= 2;
  return p;
}

/**
 * A Workload whose calls follow `curve` on `machine`, with the noise model, on `clock`: open()
 * and call() advance the clock instead of sleeping. A call runs `opsPerCall` operations (as the
 * real MatMul workload, calibrated at `maxThreads`); its noise is drawn per call. Seeded: the
 * same seed gives the same run.
 */
export function simulatedWorkload(
  curve: Curve,
  machine: SimMachine,
  clock: VirtualClock,
  seed: number,
  maxThreads: number = machine.logical,
): Workload {
  let sessions = 0;
  const ops = opsPerCall(curve, machine, maxThreads);
  return {
    id: curve.id,
    kind: 'matmul',
    label: curve.label,
    opsPerCall: ops,
    flopsPerOp: null,
    metric: { name: 'latency', unit: 'ns' },
    async open(threads: number): Promise<CellRunner> {
      sessions++;
      const rand = mulberry32((seed * 7919 + threads * 131 + sessions) >>> 0);
      const noise = noiseFor(curve.bound, threads);
      const base =
        ops * latencyNs(curve, machine, threads) * drawSessionLevel(noise, rand, clock.runZ);
      const cell = `${curve.id}@${threads}#${sessions}`;
      let calls = 0;
      let visit = 1;
      clock.now += curve.openMs;
      return {
        async call() {
          const firstOfVisit = clock.lastCell !== cell;
          if (firstOfVisit) {
            visit = drawVisit(noise, rand);
            clock.lastCell = cell;
          }
          calls++;
          clock.calls++;
          let ns =
            base *
            visit *
            Math.exp(noise.moodSigma * clock.mood(clock.now)) *
            drawCall(noise, rand);
          if (calls === 1) ns += drawColdExtra(curve.bound, threads, rand);
          else if (firstOfVisit) ns += noise.wakeNs;
          clock.now += ns / 1e6;
          return ns;
        },
        async close() {},
      };
    },
  };
}

/**
 * The seed article's method on the simulated machine: per thread count a fresh session, its
 * first call timed (cold, unwarmed), the fastest wins. Returns the observed ns per count. The
 * same seed gives the same draws whatever `coldPerThreadNs` is (paired comparisons).
 */
export function seedMethodLatencies(
  curve: Curve,
  machine: SimMachine,
  threads: readonly number[],
  seed: number,
  coldPerThreadNs: number = COLD.perThreadNs,
): Map<number, number> {
  const out = new Map<number, number>();
  const mood = moodProcess(seed);
  const runZ = gaussian(mulberry32((seed * 40503 + 17) >>> 0));
  let nowMs = 0;
  for (const t of threads) {
    const rand = mulberry32((seed * 104729 + t * 613) >>> 0);
    const noise = noiseFor(curve.bound, t);
    nowMs += curve.openMs; // a fresh session per count
    const ns =
      latencyNs(curve, machine, t) *
        drawSessionLevel(noise, rand, runZ) *
        drawVisit(noise, rand) *
        Math.exp(noise.moodSigma * mood(nowMs)) *
        drawCall(noise, rand) +
      drawColdExtra(curve.bound, t, rand, coldPerThreadNs);
    nowMs += ns / 1e6;
    out.set(t, ns);
  }
  return out;
}
