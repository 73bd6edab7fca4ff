/**
 * The sweep engine against synthetic workloads on a simulated clock: each call advances the
 * clock by the time it reports, so order, warm-up, stopping and the budget are deterministic.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { relativeHalfWidth, sweep } from '../src/measure/sweep.js';
import { defaultThreadCounts, parseThreadCounts } from '../src/measure/plan.js';
import { mulberry32 } from '../src/stats/random.js';
import type { Workload } from '../src/workloads/types.js';

interface Sim {
  now: number; // ms
  log: string[];
}

/** A workload whose call at `threads` takes base/threads ns, with relative noise and a cold start. */
function synthetic(
  sim: Sim,
  id: string,
  baseNs: number,
  opts: { noise?: number; coldCalls?: number; seed?: number } = {},
): Workload {
  return {
    id,
    kind: 'matmul',
    label: id,
    opsPerCall: 1,
    flopsPerOp: null,
    metric: { name: 'latency', unit: 'ns' },
    async open(threads) {
      const rand = mulberry32((opts.seed ?? 1) * 31 + threads);
      let calls = 0;
      return {
        async call() {
          calls++;
          const cold = calls <= (opts.coldCalls ?? 0) ? 3 : 1;
          const ns = (baseNs / threads) * cold * (1 + (opts.noise ?? 0) * (rand() * 2 - 1));
          sim.now += ns / 1e6;
          sim.log.push(`${id}@${threads}`);
          return ns;
        },
        async close() {},
      };
    },
  };
}

test('thread plan: 1, 2, 4, … below the usable CPUs plus the usable count', () => {
  assert.deepEqual(defaultThreadCounts(1), [1]);
  assert.deepEqual(defaultThreadCounts(2), [1, 2]);
  assert.deepEqual(defaultThreadCounts(6), [1, 2, 4, 6]);
  assert.deepEqual(defaultThreadCounts(96), [1, 2, 4, 8, 16, 32, 64, 96]);
  assert.deepEqual(parseThreadCounts('4, 1,2,2', 2, 2), [1, 2, 4]);
  assert.deepEqual(parseThreadCounts('auto', 3, 4), [1, 2, 3]);
  assert.throws(() => parseThreadCounts('0', 2, 2), /--threads: got "0"/);
  assert.throws(() => parseThreadCounts('1,x', 2, 2), /--threads: got "1,x"/);
  assert.throws(() => parseThreadCounts('9', 2, 2), /integers from 1 to 8/);
});

test('cells are measured in interleaved rounds in a varying random order, not one after another', async () => {
  const sim: Sim = { now: 0, log: [] };
  const w = [
    synthetic(sim, 'a', 1e6, { noise: 0.001 }),
    synthetic(sim, 'b', 2e6, { noise: 0.001 }),
  ];
  const out = await sweep(w, {
    threads: [1, 2],
    maxTimeSec: 10,
    targetPrecision: 0.02,
    seed: 5,
    now: () => sim.now,
    visitMs: 1,
  });
  // After warm-up, the measured calls switch cells many times.
  const measured = sim.log.slice(w.length * 2 * 5);
  let switches = 0;
  for (let i = 1; i < measured.length; i++) if (measured[i] !== measured[i - 1]) switches++;
  assert.ok(switches >= 3 * 3, `switches: ${switches}`);
  // The first cell of each round is not always the same.
  assert.ok(out.rounds >= 3);
  assert.equal(out.stoppedBy, 'precision');
  for (const ws of out.workloads) for (const c of ws.cells) assert.ok(c.converged && c.visits >= 3);
});

test('adaptive stopping: quiet cells stop at the target precision; a noisy one runs to the budget', async () => {
  const sim: Sim = { now: 0, log: [] };
  const quiet = synthetic(sim, 'quiet', 1e6, { noise: 0.002 });
  const noisy = synthetic(sim, 'noisy', 1e6, { noise: 0.9 });
  const out = await sweep([quiet, noisy], {
    threads: [1],
    maxTimeSec: 2,
    targetPrecision: 0.01,
    seed: 1,
    now: () => sim.now,
    maxSamples: 100000,
  });
  const [q, n] = out.workloads.map((w) => w.cells[0]!);
  assert.equal(out.stoppedBy, 'budget');
  assert.ok(q!.converged);
  assert.ok(relativeHalfWidth(q!.samplesNs) <= 0.01);
  assert.ok(!n!.converged);
  assert.ok(
    n!.samplesNs.length > 5 * q!.samplesNs.length,
    'the noisy cell got the rest of the budget',
  );
  // The budget is honoured within one visit (~30 ms) of 2 s.
  assert.ok(sim.now <= 2000 * 1.1, `elapsed ${sim.now} ms`);
});

test('warm-up runs until steady, and cold calls never become samples', async () => {
  const sim: Sim = { now: 0, log: [] };
  const w = synthetic(sim, 'cold', 1e6, { coldCalls: 12 });
  const out = await sweep([w], {
    threads: [1],
    maxTimeSec: 10,
    targetPrecision: 0.02,
    seed: 1,
    now: () => sim.now,
  });
  const cell = out.workloads[0]!.cells[0]!;
  assert.ok(cell.warmupCalls >= 15, `warm-up calls ${cell.warmupCalls}`);
  assert.ok(Math.max(...cell.samplesNs) < 1.5e6, 'no cold (3×) call among samples');
});

test('every cell gets samples even when the budget is smaller than one round', async () => {
  const sim: Sim = { now: 0, log: [] };
  const w = synthetic(sim, 'slow', 400e6);
  const out = await sweep([w], {
    threads: [1, 2],
    maxTimeSec: 0.5,
    targetPrecision: 0.02,
    seed: 1,
    now: () => sim.now,
  });
  for (const c of out.workloads[0]!.cells) assert.ok(c.samplesNs.length >= 1);
  assert.equal(out.stoppedBy, 'budget');
});

test('each cell is closed after the sweep, also when a call throws', async () => {
  let closed = 0;
  const failing: Workload = {
    id: 'f',
    kind: 'command',
    label: 'f',
    opsPerCall: 1,
    flopsPerOp: null,
    metric: { name: 'latency', unit: 'ns' },
    async open() {
      return {
        call: async () => {
          throw new Error('boom');
        },
        close: async () => {
          closed++;
        },
      };
    },
  };
  await assert.rejects(
    sweep([failing], { threads: [1, 2], maxTimeSec: 1, targetPrecision: 0.02, seed: 1 }),
    /boom/,
  );
  assert.equal(closed, 2);
});
