/**
 * The sweep engine against synthetic workloads on a simulated clock: each call advances the
 * clock by the time it reports, so order, warm-up, stopping and the budget are deterministic.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { relativeHalfWidth, sweep } from '../src/measure/sweep.js';
import { visitSummary } from '../src/analysis/visits.js';
import { defaultThreadCounts, parseThreadCounts } from '../src/measure/plan.js';
import { mulberry32 } from '../src/stats/random.js';
import type { Workload } from '../src/workloads/types.js';
import { synthetic as flatSynthetic } from './support/synthetic.js';

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
  const boundaries: number[] = [];
  const out = await sweep(w, {
    threads: [1, 2],
    maxTimeSec: 10,
    targetPrecision: 0.02,
    seed: 5,
    now: () => sim.now,
    visitMs: 1,
    onProgress: (p) => {
      if (p.phase === 'measure') boundaries.push(sim.log.length);
    },
  });
  // After warm-up, the measured calls switch cells many times.
  const measured = sim.log.slice(w.length * 2 * 5);
  let switches = 0;
  for (let i = 1; i < measured.length; i++) if (measured[i] !== measured[i - 1]) switches++;
  assert.ok(switches >= 3 * 3, `switches: ${switches}`);
  assert.equal(out.stoppedBy, 'precision');
  for (const ws of out.workloads) for (const c of ws.cells) assert.ok(c.converged && c.visits >= 8);
  // The order differs between rounds: the cell visited first in a round (the log's entry right
  // after each 'measure' progress report, which comes before the first round and after each)
  // takes at least three different values.
  const firsts = new Set(boundaries.slice(0, -1).map((at) => sim.log[at]!));
  assert.ok(firsts.size >= 3, `first cells of the ${out.rounds} rounds: ${[...firsts].join(', ')}`);
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
  assert.ok(relativeHalfWidth(visitSummary(q!.samplesNs, q!.rounds).medians) <= 0.01);
  assert.ok(!n!.converged);
  // The converged cell keeps being visited while another is not done: every cell sees the
  // whole stretch of the machine's drift, round by round.
  assert.equal(q!.visits, n!.visits);
  assert.equal(q!.visits, out.rounds);
  // The budget is honoured within one visit (~30 ms) of 2 s.
  assert.ok(sim.now <= 2000 * 1.1, `elapsed ${sim.now} ms`);
});

test('a workload measured alongside (the runner-speed reference) does not hold the sweep to its budget', async () => {
  const sim: Sim = { now: 0, log: [] };
  const quiet = synthetic(sim, 'quiet', 1e6, { noise: 0.002 });
  const noisy = { ...synthetic(sim, 'reference', 1e6, { noise: 0.9 }), alongside: true };
  const out = await sweep([quiet, noisy], {
    threads: [1],
    maxTimeSec: 20,
    targetPrecision: 0.01,
    seed: 1,
    now: () => sim.now,
    maxSamples: 100000,
  });
  const [q, r] = out.workloads.map((w) => w.cells[0]!);
  assert.equal(out.stoppedBy, 'precision');
  assert.ok(q!.converged);
  assert.ok(!r!.converged, 'precondition: the reference alone would run to the budget');
  // Visited in every round the others were, at least the minimum visits, and then the end.
  assert.equal(r!.visits, q!.visits);
  assert.ok(r!.visits >= 8, `${r!.visits} visits`);
  assert.ok(sim.now < 20000 / 4, `elapsed ${sim.now} ms of the 20 s budget`);
  // Without the mark the same pair runs to the budget (the test above).
  const sim2: Sim = { now: 0, log: [] };
  const held = await sweep(
    [
      synthetic(sim2, 'quiet', 1e6, { noise: 0.002 }),
      synthetic(sim2, 'reference', 1e6, { noise: 0.9 }),
    ],
    {
      threads: [1],
      maxTimeSec: 20,
      targetPrecision: 0.01,
      seed: 1,
      now: () => sim2.now,
      maxSamples: 100000,
    },
  );
  assert.equal(held.stoppedBy, 'budget');
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

test('the budget is a hard limit: what does not fit is skipped and reported, never run past the deadline', async () => {
  // 4 thread counts of a 1 s call with a 2 s budget (issue 10: this once took 8.1 s, because
  // the warm-ups and the first round always ran).
  const sim: Sim = { now: 0, log: [] };
  const w = flatSynthetic(sim, 'slow', 1e9, { nsAt: () => 1e9 });
  const out = await sweep([{ ...w, warmupCalls: 1 }], {
    threads: [1, 2, 4, 8],
    maxTimeSec: 2,
    targetPrecision: 0.02,
    seed: 1,
    now: () => sim.now,
  });
  assert.ok(sim.now <= 2000, `ran until ${sim.now} ms of a 2000 ms budget`);
  assert.equal(out.stoppedBy, 'budget');
  // Two calls fit: the warm-ups of the first two cells; the other two were never opened.
  // Two calls fit: the warm-ups of the first two cells opened (in a random order); the other
  // two were never opened, and no visit fitted.
  const reasons = out.skipped.map((s) => s.reason).sort();
  assert.deepEqual(reasons, [
    'the budget ran out before its first visit',
    'the budget ran out before its first visit',
    'the budget ran out before its session was opened',
    'the budget ran out before its session was opened',
  ]);
  for (const c of out.workloads[0]!.cells) assert.equal(c.samplesNs.length, 0);
});

test('with the warm-up of fast cells, what fits of the first round is measured and the rest reported', async () => {
  const sim: Sim = { now: 0, log: [] };
  // 100 ms calls: warm-up (one block of 5 calls per cell) takes 1 s; of 1.15 s one visit fits.
  const w = flatSynthetic(sim, 'tight', 100e6, { nsAt: () => 100e6 });
  const out = await sweep([w], {
    threads: [1, 2],
    maxTimeSec: 1.15,
    targetPrecision: 0.02,
    seed: 3,
    now: () => sim.now,
    visitMs: 100,
  });
  assert.ok(sim.now <= 1150, `ran until ${sim.now} ms`);
  const measured = out.workloads[0]!.cells.filter((c) => c.samplesNs.length > 0);
  assert.equal(measured.length, 1);
  assert.equal(out.skipped.length, 1);
  assert.equal(out.skipped[0]!.reason, 'the budget ran out before its first visit');
});

test('sessions are opened when first needed: a budget spent before a cell leaves it unopened', async () => {
  const sim: Sim = { now: 0, log: [] };
  const opened: number[] = [];
  const inner = flatSynthetic(sim, 'big', 1e6, { nsAt: () => 1e6 });
  const slowOpen: Workload = {
    ...inner,
    async open(threads) {
      opened.push(threads);
      sim.now += 600; // 0.6 s to create a session (a large model)
      return inner.open(threads);
    },
  };
  const out = await sweep([slowOpen], {
    threads: [1, 2, 4, 8],
    maxTimeSec: 1.5,
    targetPrecision: 0.02,
    seed: 1,
    now: () => sim.now,
  });
  // Opening all four up front would take 2.4 s; opened one at a time, the budget stops it.
  assert.ok(opened.length < 4, `opened ${opened.join(',')}`);
  assert.ok(out.skipped.some((s) => /before its session was opened/.test(s.reason)));
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
  let opened = 0;
  const counting: Workload = {
    ...failing,
    async open(threads) {
      opened++;
      return failing.open(threads);
    },
  };
  await assert.rejects(
    sweep([counting], { threads: [1, 2], maxTimeSec: 1, targetPrecision: 0.02, seed: 1 }),
    /boom/,
  );
  assert.ok(opened >= 1);
  assert.equal(closed, opened);
});
