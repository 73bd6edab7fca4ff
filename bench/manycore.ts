/**
 * Many-core simulation: how often threadgate's recommendation is within 5 % of the true optimum
 * on machines this project does not have (16, 64, 96, 192 logical CPUs), against the seed
 * article's method (one unwarmed call per thread count, fastest wins), and how long the default
 * budget takes there.
 *
 * The real engine (src/measure/sweep.ts `sweep()`, its public options only, with an injected
 * clock), the real plan (src/measure/plan.ts) and the real rule (src/results/build.ts
 * buildResult → src/analysis/recommend.ts) drive synthetic workloads whose latency follows the
 * curves and noise of bench/manycore-model.ts on a virtual clock: a 60 s budget simulates in a
 * fraction of a second. Each repetition is seeded; the same command prints the same figures
 * (for the same engine and rule).
 */
import { planThreadCounts, type ThreadPlan } from '../src/measure/plan.js';
import { sweep } from '../src/measure/sweep.js';
import { buildResult } from '../src/results/build.js';
import type { MachineInfo } from '../src/results/types.js';
import { DEFAULTS } from '../src/settings/settings.js';
import { geometricMean } from '../src/stats/index.js';
import {
  COLD,
  COLD_PER_THREAD_MEASURED_NS,
  CURVES,
  MACHINES,
  NOISE,
  NOISE_SOURCES,
  THIS_MACHINE,
  latencyNs,
  newClock,
  optimum,
  seedMethodLatencies,
  simulatedWorkload,
  type SimMachine,
} from './manycore-model.js';
import type { Section, Table } from './types.js';
import { pct, quantile, rate } from './util.js';

const WITHIN = DEFAULTS.tolerance; // "right" = true latency within 5 % of the optimum
const FULL_REPS = 200;
const QUICK_REPS = 20;

/** The CPU probe's view of a simulated machine (what buildResult and the plan read). */
export function simMachineInfo(m: SimMachine): MachineInfo {
  return {
    os: 'linux',
    arch: m.kind === 'graviton' ? 'arm64' : 'x64',
    cpuModel: m.label,
    logicalCpus: m.logical,
    availableCpus: m.logical,
    physicalCores: m.physical,
    fingerprint: `sim-${m.id}`.padEnd(16, '0'),
    numaNodes: Array.from({ length: m.nodes }, (_, node) => ({
      node,
      cpus: m.logical / m.nodes,
      cpuList: '',
    })),
  };
}

export function simPlan(m: SimMachine, maxTimeSec: number = DEFAULTS.maxTimeSec): ThreadPlan {
  return planThreadCounts(simMachineInfo(m), { maxTimeSec, workloads: CURVES.length });
}

/** True geometric-mean score of `threads` (latency / each curve's optimum). */
function trueScore(m: SimMachine, threads: number): number {
  return geometricMean(CURVES.map((c) => latencyNs(c, m, threads) / optimum(c, m).ns));
}

function bestScore(m: SimMachine, counts: Iterable<number>): number {
  let best = Infinity;
  for (const t of counts) best = Math.min(best, trueScore(m, t));
  return best;
}

/**
 * What bench/ measured on this project's 2-vCPU machine (docs/benchmarks/2026-11-27-in-sample.md, the sitting of
 * 2026-11-27), for the model check: the same figures simulated on THIS_MACHINE.
 */
const MEASURED_HERE = {
  /** Adaptive section: samples per cell when it reached ±2 % (one default sweep). */
  samplesAtTarget: {
    'seed256@1': 81,
    'seed256@2': 535,
    'mm1024@1': 132,
    'mm1024@2': 281,
    'mv4096@1': 500,
    'mv4096@2': 492,
  } as Record<string, number>,
  /** Recommendation section: 20 default-budget sweeps. */
  sweepSeconds: 'median 8.4 s, 4.3–60.0 s (20 default-budget sweeps)',
  threadgateRight: [58, 60] as const,
  seedRight: [60, 60] as const,
};

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

export interface Repetition {
  readonly threadgate: readonly number[]; // per curve
  readonly threadgateOverall: number;
  readonly seed: readonly number[];
  readonly seedOverall: number;
  /** The seed method with the cold extra growing per thread as measured here (paired draws). */
  readonly seedGrowing: readonly number[];
  readonly seedGrowingOverall: number;
  readonly elapsedSec: number;
  readonly stoppedBy: 'precision' | 'budget';
  readonly calls: number;
  /** Samples per cell when the sweep stopped: [curve][index in plan.threads]. */
  readonly samples: readonly (readonly number[])[];
}

/** One repetition on machine `m`: a default sweep, and the seed method, with seed `seed`. */
export async function simulateOnce(
  m: SimMachine,
  plan: ThreadPlan,
  seed: number,
): Promise<Repetition> {
  const clock = newClock(seed);
  const maxThreads = Math.max(...plan.threads);
  const workloads = CURVES.map((c, i) => simulatedWorkload(c, m, clock, seed * 3 + i, maxThreads));
  const out = await sweep(workloads, {
    threads: plan.threads,
    maxTimeSec: DEFAULTS.maxTimeSec,
    targetPrecision: DEFAULTS.targetPrecision,
    seed,
    now: () => clock.now,
  });
  const result = buildResult({
    sweep: out,
    machine: simMachineInfo(m),
    runtime: { onnxruntime: 'simulated', node: process.versions.node },
    overhead: null,
    settings: {
      maxTimeSec: DEFAULTS.maxTimeSec,
      targetPrecision: DEFAULTS.targetPrecision,
      tolerance: DEFAULTS.tolerance,
      seed,
    },
    elapsedSec: out.elapsedSec,
    createdAt: '1970-01-01T00:00:00.000Z',
  });
  // The seed method, over the same counts, a fresh session per count.
  const seedMethod = (coldPerThreadNs: number) => {
    const observed = CURVES.map((c, i) =>
      seedMethodLatencies(c, m, plan.threads, seed * 3 + i + 1_000_003, coldPerThreadNs),
    );
    const picks = observed.map(
      (lat) => [...lat.entries()].reduce((a, b) => (b[1] < a[1] ? b : a))[0],
    );
    let overall = plan.threads[0]!;
    let best = Infinity;
    for (const t of plan.threads) {
      const s = geometricMean(observed.map((lat) => lat.get(t)! / Math.min(...lat.values())));
      if (s < best) [overall, best] = [t, s];
    }
    return { picks, overall };
  };
  const flat = seedMethod(COLD.perThreadNs);
  const growing = seedMethod(COLD_PER_THREAD_MEASURED_NS);
  return {
    threadgate: result.workloads.map((w) => w.recommended.threads),
    threadgateOverall: result.recommendation.ompNumThreads,
    seed: flat.picks,
    seedOverall: flat.overall,
    seedGrowing: growing.picks,
    seedGrowingOverall: growing.overall,
    elapsedSec: out.elapsedSec,
    stoppedBy: out.stoppedBy,
    calls: clock.calls,
    samples: out.workloads.map((w) => w.cells.map((c) => c.samplesNs.length)),
  };
}

function histogram(picks: readonly number[], top = 4): string {
  const counts = new Map<number, number>();
  for (const p of picks) counts.set(p, (counts.get(p) ?? 0) + 1);
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const shown = sorted.slice(0, top).map(([t, c]) => `${t}t×${c}`);
  if (sorted.length > top) shown.push(`${sorted.length - top} more`);
  return shown.join(' ');
}

const us = (ns: number) =>
  ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : `${(ns / 1e3).toFixed(1)} µs`;

export const manycore: Section = {
  name: 'manycore',
  title: 'Many-core simulation: threadgate vs the single-shot method at 16, 64, 96 and 192 CPUs',
  async run(ctx) {
    const reps = ctx.quick ? QUICK_REPS : FULL_REPS;
    const t0 = performance.now();
    const main: string[][] = [];
    const perCurve: string[][] = [];
    const timing: string[][] = [];
    const summary: string[] = [];
    let tgAll = 0;
    let sdAll = 0;
    let sdGAll = 0;
    let cases = 0;
    for (const m of MACHINES) {
      const plan = simPlan(m);
      const opt = CURVES.map((c) => optimum(c, m));
      const gridBest = CURVES.map((c) => Math.min(...plan.threads.map((t) => latencyNs(c, m, t))));
      const overallOpt = bestScore(m, range(m.logical));
      const overallGrid = bestScore(m, plan.threads);
      const runs: Repetition[] = [];
      for (let r = 0; r < reps; r++) {
        runs.push(await simulateOnce(m, plan, 1 + r + 10_000 * m.logical));
        if ((r + 1) % 50 === 0) ctx.log(`manycore: ${m.id} ${r + 1}/${reps}`);
      }
      const right = (ci: number, t: number) =>
        latencyNs(CURVES[ci]!, m, t) <= opt[ci]!.ns * (1 + WITHIN);
      const rightOverall = (t: number) => trueScore(m, t) <= overallOpt * (1 + WITHIN);
      // Right against the curve's optimum, and against the best count the grid offers.
      const both = (picks: readonly number[], ci: number) => {
        const k = picks.filter((t) => right(ci, t)).length;
        const g = picks.filter(
          (t) => latencyNs(CURVES[ci]!, m, t) <= gridBest[ci]! * (1 + WITHIN),
        ).length;
        return `${rate(k, picks.length)}; vs the grid’s best ${g}/${picks.length}`;
      };
      const bothOverall = (picks: readonly number[]) => {
        const k = picks.filter(rightOverall).length;
        const g = picks.filter((t) => trueScore(m, t) <= overallGrid * (1 + WITHIN)).length;
        return `${rate(k, picks.length)}; vs the grid’s best ${g}/${picks.length}`;
      };
      const count = (pick: (r: Repetition) => readonly number[]) =>
        runs.reduce((k, r) => k + pick(r).filter((t, ci) => right(ci, t)).length, 0);
      const tg = count((r) => r.threadgate);
      const sd = count((r) => r.seed);
      const sdG = count((r) => r.seedGrowing);
      const tgO = runs.filter((r) => rightOverall(r.threadgateOverall)).length;
      const sdO = runs.filter((r) => rightOverall(r.seedOverall)).length;
      const sdGO = runs.filter((r) => rightOverall(r.seedGrowingOverall)).length;
      const n = runs.length * CURVES.length;
      tgAll += tg;
      sdAll += sd;
      sdGAll += sdG;
      cases += n;
      const elapsed = runs.map((r) => r.elapsedSec);
      const budgetStops = runs.filter((r) => r.stoppedBy === 'budget').length;
      main.push([
        `${m.logical} (${m.physical} cores, ${m.nodes} node${m.nodes === 1 ? '' : 's'})`,
        plan.threads.join(', '),
        rate(tg, n),
        rate(sd, n),
        rate(tgO, runs.length),
        rate(sdO, runs.length),
        `${rate(sdG, n)}; overall ${sdGO}/${runs.length}`,
        `${quantile(elapsed, 0.5).toFixed(1)} s (p95 ${quantile(elapsed, 0.95).toFixed(1)}, max ${Math.max(...elapsed).toFixed(1)})`,
      ]);
      timing.push([
        String(m.logical),
        `${plan.threads.length} × ${CURVES.length} = ${plan.threads.length * CURVES.length}`,
        `${plan.affordable} per workload`,
        plan.dropped.length === 0 ? 'none' : plan.dropped.join(', '),
        rate(budgetStops, runs.length),
        `${Math.round(
          quantile(
            runs.map((r) => r.calls),
            0.5,
          ),
        ).toLocaleString('en')}`,
      ]);
      CURVES.forEach((c, ci) => {
        const onGrid = gridBest[ci]! / opt[ci]!.ns - 1;
        perCurve.push([
          String(m.logical),
          c.id,
          `${opt[ci]!.threads}t ${us(opt[ci]!.ns)}`,
          onGrid <= 1e-9 ? 'on the grid' : `+${pct(onGrid)}`,
          both(
            runs.map((r) => r.threadgate[ci]!),
            ci,
          ),
          histogram(runs.map((r) => r.threadgate[ci]!)),
          both(
            runs.map((r) => r.seed[ci]!),
            ci,
          ),
          histogram(runs.map((r) => r.seed[ci]!)),
        ]);
      });
      perCurve.push([
        String(m.logical),
        'overall',
        `geomean ×${overallOpt.toFixed(3)}`,
        overallGrid <= overallOpt * (1 + 1e-9)
          ? 'on the grid'
          : `+${pct(overallGrid / overallOpt - 1)}`,
        bothOverall(runs.map((r) => r.threadgateOverall)),
        histogram(runs.map((r) => r.threadgateOverall)),
        bothOverall(runs.map((r) => r.seedOverall)),
        histogram(runs.map((r) => r.seedOverall)),
      ]);
    }
    const check = await modelCheck(reps, ctx.log);
    summary.push(
      `simulated: the sweep engine (\`sweep()\` with an injected clock), the default plan for each machine (src/measure/plan.ts, budget ${DEFAULTS.maxTimeSec} s, ${CURVES.length} workloads), and the recommendation rule (buildResult, tolerance ${pct(WITHIN, 0)}), ${reps} seeded repetitions per machine; synthetic workloads follow the curves and noise of bench/manycore-model.ts (tables below) on a virtual clock; ${((performance.now() - t0) / 1000).toFixed(0)} s of real time for all`,
      `right = the recommended count’s true latency is within ${pct(WITHIN, 0)} of the curve’s optimum over every count 1…N (not only the grid’s); overall = the one value, right when its true geometric-mean score (latency / each curve’s optimum) is within ${pct(WITHIN, 0)} of the best score over 1…N`,
      `seed article’s method: per count a fresh session, its first call timed (cold), fastest wins; overall = the count with the best geometric mean of observed latency / each workload’s fastest`,
      `**threadgate: ${rate(tgAll, cases)} of per-workload picks right; the single-shot method: ${rate(sdAll, cases)}** with a cold extra that does not grow with the threads (its most favourable case), ${rate(sdGAll, cases)} if it grows ${us(COLD_PER_THREAD_MEASURED_NS)} per thread as measured from 1 to 2 threads here`,
    );
    const modelTables = modelDescription();
    const out: Table[] = [
      {
        title:
          'Right picks (within 5 % of the true optimum) and the simulated time of the default 60 s budget',
        header: [
          'logical CPUs',
          'thread grid (auto)',
          'threadgate, per workload',
          'single-shot, per workload',
          'threadgate, overall',
          'single-shot, overall',
          `single-shot if the cold call grows ${us(COLD_PER_THREAD_MEASURED_NS)} per thread (as measured 1→2 here), per workload`,
          'sweep time (engine’s elapsed, simulated)',
        ],
        rows: main,
      },
      {
        title:
          'Per curve: the true optimum, how close the grid gets, and the picks (most frequent first)',
        header: [
          'CPUs',
          'curve',
          'true optimum',
          'grid’s best vs optimum',
          'threadgate right (vs optimum; vs grid’s best)',
          'threadgate picks',
          'single-shot right (vs optimum; vs grid’s best)',
          'single-shot picks',
        ],
        rows: perCurve,
      },
      {
        title:
          'Budget: cells planned, what the plan dropped, sweeps that ran out of budget, calls simulated',
        header: [
          'CPUs',
          'cells (counts × workloads)',
          'plan affords',
          'dropped by the plan',
          'stopped by the budget',
          'calls per sweep (median)',
        ],
        rows: timing,
      },
      check,
      ...modelTables,
    ];
    return { summary, tables: out };
  },
};

/**
 * The model on this project's own machine, against what bench/ measured there: samples per cell
 * at the target precision, sweep time, and how often each method was right.
 */
async function modelCheck(reps: number, log: (line: string) => void): Promise<Table> {
  const m = THIS_MACHINE;
  const plan = simPlan(m);
  const runs: Repetition[] = [];
  for (let r = 0; r < reps; r++) runs.push(await simulateOnce(m, plan, 1 + r));
  log(`manycore: model check on ${m.id}, ${reps} repetitions`);
  const opt = CURVES.map((c) => optimum(c, m));
  const right = (ci: number, t: number) =>
    latencyNs(CURVES[ci]!, m, t) <= opt[ci]!.ns * (1 + WITHIN);
  let tg = 0;
  let sd = 0;
  for (const run of runs) {
    run.threadgate.forEach((t, ci) => (tg += right(ci, t) ? 1 : 0));
    run.seed.forEach((t, ci) => (sd += right(ci, t) ? 1 : 0));
  }
  const rows: string[][] = [];
  CURVES.forEach((c, ci) => {
    plan.threads.forEach((t, ti) => {
      const key = `${c.id}@${t}`;
      const n = runs.map((r) => r.samples[ci]![ti]!);
      rows.push([
        `samples when the cell stopped, ${key}`,
        String(MEASURED_HERE.samplesAtTarget[key] ?? '–'),
        `median ${quantile(n, 0.5).toFixed(0)} (p10 ${quantile(n, 0.1).toFixed(0)}, p90 ${quantile(n, 0.9).toFixed(0)})`,
      ]);
    });
  });
  const elapsed = runs.map((r) => r.elapsedSec);
  rows.push([
    'default sweep time',
    MEASURED_HERE.sweepSeconds,
    `median ${quantile(elapsed, 0.5).toFixed(1)} s, ${Math.min(...elapsed).toFixed(1)}–${Math.max(...elapsed).toFixed(1)} s (simulated; no set-up or overhead measurement)`,
  ]);
  rows.push([
    'threadgate right, per workload',
    rate(...MEASURED_HERE.threadgateRight),
    rate(tg, runs.length * CURVES.length),
  ]);
  rows.push([
    'seed method right, per workload',
    rate(...MEASURED_HERE.seedRight),
    rate(sd, runs.length * CURVES.length),
  ]);
  return {
    title: `Model check: this project’s 2-vCPU machine, measured (docs/benchmarks/2026-11-27-in-sample.md) vs simulated with the same model (${reps} repetitions)`,
    header: ['figure', 'measured', 'simulated'],
    rows,
  };
}

/** The model as tables (machines, curves at the machines' grids, noise). */
export function modelDescription(): Table[] {
  const machines: Table = {
    title: 'Model: machines',
    header: [
      'id',
      'machine',
      'logical CPUs',
      'physical cores',
      'NUMA nodes',
      'DRAM bandwidth (source)',
    ],
    rows: MACHINES.map((m) => [
      m.id,
      m.label,
      String(m.logical),
      String(m.physical),
      String(m.nodes),
      `${m.bwSatGBs} GB/s per node${m.nodes > 1 ? `, ${m.bwRemoteGBs} GB/s across sockets` : ''} (${m.bandwidthSource})`,
    ]),
  };
  const curves: Table = {
    title:
      'Model: curves (t(n) = S + W·(f + (1 − f)/e(n)) + a·n compute-bound; bandwidth-bound for mv4096; see bench/manycore-model.ts)',
    header: [
      'curve',
      'core kind',
      'W or bytes',
      'f',
      'a (per thread)',
      'S',
      'SMT yield',
      'sources',
    ],
    rows: CURVES.flatMap((c) =>
      (['x86', 'graviton'] as const).map((kind, i) => {
        const p = c.params[kind];
        return [
          i === 0 ? `${c.id}: ${c.label}` : '',
          kind,
          p.workNs !== undefined
            ? `W = ${us(p.workNs)}`
            : `${(p.bytes! / 1e6).toFixed(1)} MB at ${p.bwCoreGBs!.toFixed(1)} GB/s per thread`,
          pct(p.serialFraction),
          `${(p.perThreadNs / 1e3).toFixed(2)} µs`,
          us(p.fixedNs),
          String(p.smtYield),
          i === 0 ? c.sources.join('; ') : '',
        ];
      }),
    ),
  };
  const points: Table = {
    title:
      'Model: true latency at each machine’s grid counts (★ optimum over 1…N; ✓ within 5 % of it)',
    header: ['CPUs', 'curve', 'latency by thread count'],
    rows: MACHINES.flatMap((m) => {
      const plan = simPlan(m);
      return CURVES.map((c) => {
        const o = optimum(c, m);
        const cells = plan.threads.map((t) => {
          const ns = latencyNs(c, m, t);
          return `${t}t ${us(ns)}${ns <= o.ns * (1 + WITHIN) ? ' ✓' : ''}`;
        });
        return [String(m.logical), c.id, `${cells.join(', ')}; ★ ${o.threads}t ${us(o.ns)}`];
      });
    }),
  };
  const noise: Table = {
    title: 'Model: noise (log-normal σ; tails as chance × factor range)',
    header: [
      'bound',
      'threads',
      'session σ, tail × 1.15–1.75',
      'visit σ (own; shared drift)',
      'call σ, tail × 1.3–4',
      'a visit’s first call',
      'cold first call of a session',
    ],
    rows: (['compute', 'memory'] as const).flatMap((bound) =>
      NOISE[bound].map((p, i) => [
        bound,
        i === 0 ? '1' : '≥ 2',
        `${p.sessionSigma}, ${pct(p.sessionTailP, 1)}`,
        `${p.visitSigma}; ${p.moodSigma}`,
        `${p.callSigma}, ${pct(p.callTailP, 0)}`,
        `+${us(p.wakeNs)}`,
        (i === 0
          ? `+${us(COLD.extraNs[bound])} (σ ${COLD.sigma})`
          : `+${us(COLD.extraNs[bound])} + ${us(COLD.perThreadNs)} × (n − 1) (σ ${COLD.sigma})`) +
          `; ${pct(COLD.tailP, 0)} × ${COLD.tail[0]}–${COLD.tail[1]}`,
      ]),
    ),
  };
  const sources: Table = {
    title: 'Model: where the noise figures come from',
    header: ['source'],
    rows: NOISE_SOURCES.map((s) => [s]),
  };
  return [machines, curves, points, noise, sources];
}
