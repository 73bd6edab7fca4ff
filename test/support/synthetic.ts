/**
 * Synthetic workloads on a simulated clock (as test/sweep.test.ts): each call advances the clock
 * by the time it reports, so the sweep engine's order, warm-up, stopping and budget are
 * deterministic and no test depends on the real machine's timing.
 */
import { mulberry32 } from '../../src/stats/random.js';
import type { Workload } from '../../src/workloads/types.js';

export interface Sim {
  /** The simulated clock, ms. */
  now: number;
  /** `id@threads` of every call, in order. */
  log: string[];
  /** The machine's mood: a factor on every call at simulated time `ms` (default 1). */
  load?: (ms: number) => number;
}

export function newSim(load?: (ms: number) => number): Sim {
  return load === undefined ? { now: 0, log: [] } : { now: 0, log: [], load };
}

export interface SyntheticOptions {
  /** Relative uniform noise per call: × (1 ± noise). */
  readonly noise?: number;
  /** The first calls of each cell take 3× (a cold start). */
  readonly coldCalls?: number;
  readonly seed?: number;
  /** A factor on every call (1.25: 25 % slower). */
  readonly factor?: number;
  /** ns per call at `threads`; default baseNs / threads. */
  readonly nsAt?: (threads: number) => number;
  /**
   * Each opened session runs at its own speed: a factor exp(N(0, sessionNoise²)) drawn per
   * open() (where its threads and memory landed), the same for all its calls.
   */
  readonly sessionNoise?: number;
}

/** A workload whose call at `threads` takes baseNs/threads ns, with relative noise. */
export function synthetic(
  sim: Sim,
  id: string,
  baseNs: number,
  opts: SyntheticOptions = {},
): Workload {
  let opens = 0;
  return {
    id,
    kind: 'matmul',
    label: id,
    opsPerCall: 1,
    flopsPerOp: null,
    metric: { name: 'latency', unit: 'ns' },
    async open(threads) {
      opens++;
      const rand = mulberry32(
        (opts.seed ?? 1) * 31 + threads + (opts.sessionNoise ? 7919 * opens : 0),
      );
      const session = opts.sessionNoise
        ? Math.exp(
            opts.sessionNoise *
              Math.sqrt(-2 * Math.log(1 - rand())) *
              Math.cos(2 * Math.PI * rand()),
          )
        : 1;
      const nominal = (opts.nsAt ? opts.nsAt(threads) : baseNs / threads) * session;
      let calls = 0;
      return {
        async call() {
          calls++;
          const cold = calls <= (opts.coldCalls ?? 0) ? 3 : 1;
          const mood = sim.load ? sim.load(sim.now) : 1;
          const ns =
            nominal * (opts.factor ?? 1) * mood * cold * (1 + (opts.noise ?? 0) * (rand() * 2 - 1));
          sim.now += ns / 1e6;
          sim.log.push(`${id}@${threads}`);
          return ns;
        },
        async close() {},
      };
    },
  };
}
