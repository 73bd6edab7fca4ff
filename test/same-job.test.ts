/**
 * The same-job gate: the decision at a look (t interval over blocks of fresh sessions,
 * Bonferroni over gated cells, α spent over planned looks), the cells it gates, the Comparison it
 * builds, and runSameJob on a simulated clock — including the error rates the rule promises, by
 * simulation with session-to-session noise (fixed seeds: deterministic; no timing assertions).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  compareSameJob,
  decideLook,
  lookSchedule,
  MIN_BLOCKS,
  type SameJobWorkloadBlocks,
} from '../src/analysis/same-job.js';
import { toComparisonJson } from '../src/analysis/comparison-json.js';
import { runSameJob } from '../src/pipeline/same-job.js';
import { visitSummary } from '../src/analysis/visits.js';
import { DEFAULT_MIN_VISITS, relativeHalfWidth } from '../src/measure/sweep.js';
import { mulberry32 } from '../src/stats/random.js';
import { tInterval, tTestGreater } from '../src/stats/index.js';
import { schemaErrors } from './support/schema.js';
import { newSim, synthetic } from './support/synthetic.js';

/** A workload whose cells have `n` blocks of [base, head] with head ≈ base · factor. */
function blocks(
  n: number,
  factor: number,
  noise: number,
  seed = 1,
  threads: readonly number[] = [1],
): SameJobWorkloadBlocks {
  const rand = mulberry32(seed);
  const jitter = () => Math.exp(noise * (rand() * 2 - 1));
  return {
    id: 'w',
    cells: threads.map((t) => ({
      threads: t,
      blocks: Array.from({ length: n }, () => [1e6 * jitter(), 1e6 * factor * jitter()] as const),
    })),
    pooled: threads.map((t) => ({
      threads: t,
      medianNs: 1e6 / t,
      ci95Ns: [0.99e6 / t, 1.01e6 / t],
    })),
  };
}

const LOOK = { threshold: 0.05, confidence: 0.95, gate: 'all', spend: 1, final: false } as const;

test('t interval and one-sided t test of the block log-ratios match SciPy', () => {
  // SciPy 1.17.1: x = log([1.04, 1.07, 1.02, 1.09, 1.05, 1.03]);
  // stats.t.interval(0.95, 5, loc=x.mean(), scale=x.std(ddof=1)/sqrt(6)),
  // stats.ttest_1samp(x, 0, alternative='greater').pvalue
  const x = [1.04, 1.07, 1.02, 1.09, 1.05, 1.03].map(Math.log);
  const t = tInterval(x, 0.95);
  assert.ok(Math.abs(t.mean - 0.04853477526255081) < 1e-12);
  assert.ok(Math.abs(t.se - 0.01009150283112598) < 1e-12);
  assert.ok(Math.abs(t.ci[0] - 0.022593741390585925) < 1e-9);
  assert.ok(Math.abs(t.ci[1] - 0.0744758091345157) < 1e-9);
  const t99 = tInterval(x, 0.99);
  assert.ok(Math.abs(t99.ci[0] - 0.007844392928498478) < 1e-9);
  assert.ok(Math.abs(tTestGreater(x) - 0.0024215434704756627) < 1e-9);
  assert.equal(tTestGreater([0.1, 0.1, 0.1]), 0, 'no spread, all slower');
  assert.equal(tTestGreater([0, 0, 0]), 1);
});

test('decision: clearly slower → regression; identical → pass; at the threshold → undecided', () => {
  const slow = decideLook([blocks(8, 1.3, 0.02)], LOOK);
  assert.equal(slow.cells[0]!.status, 'regression');
  assert.ok(slow.decided);
  const same = decideLook([blocks(8, 1.0, 0.02)], LOOK);
  assert.equal(same.cells[0]!.status, 'pass');
  const edge = decideLook([blocks(8, 1.05, 0.05)], LOOK);
  assert.equal(edge.cells[0]!.status, 'inconclusive');
  assert.equal(edge.decided, false);
  const last = decideLook([blocks(8, 1.05, 0.05)], { ...LOOK, final: true });
  assert.equal(last.cells[0]!.status, 'pass');
  assert.equal(last.cells[0]!.undecided, true);
  assert.match(
    last.warnings[0]!,
    /^w @ 1 thread: undecided after 8 blocks of sessions \(ratio ×1\.0\d\d, 95 % CI ×/,
  );
});

test('final look: undecided inside the noise passes with a note; slower by an unclear amount, with a warning', () => {
  const final = { ...LOOK, final: true };
  // Wide: the interval includes 1 and the threshold — no evidence of a slowdown.
  const noisy = decideLook([blocks(6, 1.0, 0.3, 3)], final);
  const a = noisy.cells[0]!;
  assert.ok(a.ci !== null && a.ci[0] < 1 && a.ci[1] > 1.05, `precondition: ${String(a.ci)}`);
  assert.equal(a.status, 'pass');
  assert.equal(a.undecided, true);
  assert.deepEqual(noisy.warnings, []);
  assert.equal(noisy.notes.length, 1);
  assert.match(noisy.notes[0]!, /undecided after 6 blocks.*no evidence of a slowdown: passed$/);
  // Narrow but straddling the threshold, above 1: slower, by an unclear amount — a warning.
  const slower = decideLook([blocks(6, 1.05, 0.02, 4)], final);
  const b = slower.cells[0]!;
  assert.ok(
    b.ci !== null && b.ci[0] > 1 && b.ci[0] < 1.05 && b.ci[1] > 1.05,
    `precondition: ${String(b.ci)}`,
  );
  assert.equal(b.status, 'pass');
  assert.deepEqual(slower.notes, []);
  assert.equal(slower.warnings.length, 1);
  assert.match(slower.warnings[0]!, /passed with a warning$/);
  // Before the final look neither is decided and nothing is said.
  const early = decideLook([blocks(6, 1.0, 0.3, 3)], LOOK);
  assert.equal(early.decided, false);
  assert.deepEqual([early.notes, early.warnings], [[], []]);
});

test('decision: fewer than MIN_BLOCKS blocks → no CI, undecided; ungated cells never block', () => {
  const few = decideLook([blocks(MIN_BLOCKS - 1, 2, 0.01)], LOOK);
  assert.equal(few.cells[0]!.ci, null);
  assert.equal(few.cells[0]!.status, 'inconclusive');
  const w = { ...blocks(8, 1.05, 0.05, 1, [1, 2]) };
  // deployed: the pooled fastest (2 threads) is gated, 1 thread is not.
  const d = decideLook([w], { ...LOOK, gate: 'deployed' });
  assert.deepEqual(
    d.cells.map((c) => [c.threads, c.gated]),
    [
      [1, false],
      [2, true],
    ],
  );
  assert.equal(d.gatedCount, 1);
});

test('multiplicity: more gated cells and a smaller share of α widen each gated interval', () => {
  const one = decideLook([blocks(10, 1.1, 0.05)], LOOK);
  const four = decideLook([blocks(10, 1.1, 0.05, 1, [1, 2, 4, 8])], LOOK);
  const share = decideLook([blocks(10, 1.1, 0.05)], { ...LOOK, spend: 0.25 });
  assert.ok(Math.abs(one.gatedCiLevel - 0.95) < 1e-12);
  assert.ok(Math.abs(four.gatedCiLevel - (1 - 0.05 / 4)) < 1e-12);
  assert.ok(Math.abs(share.gatedCiLevel - (1 - 0.05 / 4)) < 1e-12);
  const width = (c: { ci: readonly [number, number] | null }) => c.ci![1] - c.ci![0];
  assert.ok(width(four.cells[0]!) > width(one.cells[0]!));
  assert.ok(Math.abs(width(share.cells[0]!) - width(four.cells[0]!)) < 1e-12);
});

test('looks: planned from MIN_BLOCKS to the last block, their shares of α sum to 1', () => {
  for (const max of [4, 5, 9, 17, 30]) {
    const s = lookSchedule(max);
    assert.equal(s[0]!.blocks, Math.min(MIN_BLOCKS, max) < MIN_BLOCKS ? MIN_BLOCKS : MIN_BLOCKS);
    assert.equal(s.at(-1)!.blocks, Math.max(MIN_BLOCKS, max));
    assert.ok(s.every((l, i) => i === 0 || l.blocks > s[i - 1]!.blocks));
    assert.ok(Math.abs(s.reduce((a, l) => a + l.spend, 0) - 1) < 1e-12);
  }
  assert.deepEqual(
    lookSchedule(30).map((l) => l.blocks),
    [4, 6, 8, 11, 15, 21, 29, 30],
  );
});

test('comparison: every cell gated by default; deployed cells from both sides pooled; every cell reported; the JSON fits its schema', () => {
  const w: SameJobWorkloadBlocks = {
    ...blocks(8, 1.3, 0.02, 3, [1, 2]),
    // Pooled, 2 threads is the fastest and within tolerance nothing is cheaper.
    pooled: [
      { threads: 1, medianNs: 2e6, ci95Ns: [1.98e6, 2.02e6] },
      { threads: 2, medianNs: 1e6, ci95Ns: [0.99e6, 1.01e6] },
    ],
  };
  const options = {
    threshold: 0.05,
    spend: 1,
    final: true,
    baseDescription: 'model.onnx at abc1234',
    fingerprint: '0123456789abcdef',
    createdAt: '2026-11-29T00:00:00.000Z',
    blocks: 8,
    looks: 3,
  } as const;
  // The default gates every cell; 'deployed' the pooled recommended and fastest.
  const all = compareSameJob([w], options).comparison;
  assert.notEqual(all.kind, 'no-baseline');
  if (all.kind === 'no-baseline') return;
  assert.deepEqual(
    all.cells.map((c) => c.gated),
    [true, true],
  );
  const { comparison } = compareSameJob([w], { ...options, gate: 'deployed' });
  assert.equal(comparison.kind, 'regression');
  if (comparison.kind !== 'regression') return;
  assert.deepEqual(
    comparison.cells.map((c) => [c.threads, c.gated, c.gatedAs, c.unit]),
    [
      [1, false, [], 'sessions'],
      [2, true, ['recommended', 'fastest'], 'sessions'],
    ],
  );
  assert.equal(comparison.settings.threshold, 0.05);
  assert.match(comparison.notes[0]!, /in 8 blocks of freshly opened sessions, decided at look 3/);
  assert.deepEqual(schemaErrors('comparison.schema.json', toComparisonJson(comparison)), []);
});

test('comparison: the pass reason tells a cell undecided inside the noise (note) from one passed with a warning', () => {
  const options = {
    threshold: 0.05,
    spend: 1,
    final: true,
    baseDescription: 'model.onnx at abc1234',
    fingerprint: '0123456789abcdef',
    createdAt: '2026-11-29T00:00:00.000Z',
    blocks: 6,
    looks: 1,
  } as const;
  const noisy = compareSameJob([blocks(6, 1.0, 0.3, 3)], options).comparison;
  assert.equal(noisy.kind, 'pass');
  assert.match(
    noisy.reason,
    /; 1 cell was undecided inside the noise \(no evidence of a slowdown\): see the notes$/,
  );
  assert.doesNotMatch(noisy.reason, /warning/);
  const slower = compareSameJob([blocks(6, 1.05, 0.02, 4)], options).comparison;
  assert.equal(slower.kind, 'pass');
  assert.match(slower.reason, /; 1 cell was still undecided and passed with a warning$/);
});

/**
 * runSameJob with session-to-session noise (each opened session ×exp(N(0, 0.08²))) and ±20 %
 * per call, on a simulated clock: the verdict of one job.
 */
async function job(factor: number, seed: number, maxTimeSec = 60, callNs = 1e6) {
  const sim = newSim();
  const head = synthetic(sim, 'm', callNs, { noise: 0.2, seed, factor, sessionNoise: 0.08 });
  const base = synthetic(sim, 'm', callNs, {
    noise: 0.2,
    seed: seed + 1000,
    sessionNoise: 0.08,
  });
  return runSameJob(head, base, {
    threads: [1, 2],
    maxTimeSec,
    threshold: 0.05,
    seed,
    now: () => sim.now,
    fingerprint: 'fp',
  });
}

test('engine: a head 25 % slower is a regression, decided before the budget; the outputs hold every block', async () => {
  const run = await job(1.25, 11);
  assert.equal(run.comparison.kind, 'regression');
  assert.equal(run.stoppedBy, 'decided');
  assert.ok(run.blocks >= MIN_BLOCKS && run.elapsedSec < 60);
  assert.equal(run.headSweep.workloads.length, 1);
  const cell = run.headSweep.workloads[0]!.cells[0]!;
  assert.equal(new Set(cell.rounds).size, cell.visits, 'rounds numbered across blocks');
  assert.deepEqual(schemaErrors('comparison.schema.json', toComparisonJson(run.comparison)), []);
});

test("engine: a side's cell is converged as judged over all its blocks (one block alone never has enough visits)", async () => {
  const run = await job(1.0, 300);
  assert.ok(run.blocks > 8, `precondition: ${run.blocks} blocks`);
  let converged = 0;
  for (const side of [run.headSweep, run.baseSweep]) {
    for (const c of side.workloads[0]!.cells) {
      const width = relativeHalfWidth(visitSummary(c.samplesNs, c.rounds).medians);
      assert.equal(c.converged, c.visits >= DEFAULT_MIN_VISITS && width <= 0.02);
      if (c.converged) converged++;
    }
  }
  // Before, the flag was copied from the last block alone and was never true.
  assert.ok(converged >= 2, `${converged} of 4 cells converged`);
  // Too few blocks for the target: not converged.
  const short = await job(1.0, 300, 1);
  assert.ok(short.headSweep.workloads[0]!.cells.every((c) => !c.converged));
});

test('engine: the budget ending before the planned last look spends the rest of α on a final look', async () => {
  const run = await job(1.05, 5, 2);
  assert.equal(run.stoppedBy, 'budget');
  assert.equal(run.comparison.kind, 'pass');
  assert.ok(run.warnings.length >= 1, 'an undecided gated cell passes with a warning');
});

test('error rates by simulation: at the threshold a regression is called at most α/2 of the time; unchanged never; +25 % almost always', async () => {
  // Issue 13: with the session as unit and looks planned, a head exactly at the threshold
  // (+5 %) must be called a regression in at most (1 − 0.95)/2 = 2.5 % of jobs (the old rule,
  // checking every round from round 10, reached 15–23 %). 80 seeded jobs: the binomial 99.9 %
  // upper bound for 2.5 % is 7/80; the old rule's rate would give 12–18.
  // Calls of 4 ms (7 to a 30 ms visit): the rule's unit is the block, so the call length does
  // not enter the error rates, and 120 jobs simulate in a quarter of the time 1 ms calls take.
  const sim = (factor: number, seed: number) => job(factor, seed, 60, 4e6);
  let atThreshold = 0;
  let aa = 0;
  let detected = 0;
  const reps = 80;
  for (let i = 0; i < reps; i++) {
    if ((await sim(1.05, 100 + i)).comparison.kind === 'regression') atThreshold++;
    if (i < 20 && (await sim(1.0, 300 + i)).comparison.kind === 'regression') aa++;
    if (i < 20 && (await sim(1.25, 500 + i)).comparison.kind === 'regression') detected++;
  }
  assert.ok(atThreshold <= 7, `regression at the threshold in ${atThreshold}/${reps} jobs`);
  assert.equal(aa, 0, `false alarms in ${aa}/20 unchanged jobs`);
  assert.ok(detected >= 18, `+25 % detected in ${detected}/20 jobs`);
});
