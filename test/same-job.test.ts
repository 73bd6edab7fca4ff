/**
 * The same-job gate: pairing by round, the decision rule, multiplicity, the Comparison it builds,
 * and runSameJob against synthetic workloads on a simulated clock (no timing assertions).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  compareSameJob,
  decideSameJob,
  pairByRound,
  pairedLogRatios,
  sameJobDecided,
  signTestGreater,
  type PairedCell,
} from '../src/analysis/same-job.js';
import { toComparisonJson } from '../src/analysis/comparison-json.js';
import { runSameJob } from '../src/pipeline/same-job.js';
import { mulberry32 } from '../src/stats/random.js';
import { schemaErrors } from './support/schema.js';
import { newSim, synthetic } from './support/synthetic.js';

const OPTS = { threshold: 0.1, confidence: 0.95, seed: 7, final: false } as const;

/** n rounds of [base, head] with base ≈ 1 ms and head ≈ base · factor, each with ±noise. */
function pairs(n: number, factor: number, noise: number, seed = 1): [number, number][] {
  const rand = mulberry32(seed);
  const jitter = () => 1 + noise * (rand() * 2 - 1);
  return Array.from({ length: n }, () => [1e6 * jitter(), 1e6 * factor * jitter()]);
}

function cell(p: readonly (readonly [number, number])[], threads = 1, gated = true): PairedCell {
  return { workload: 'w', threads, pairs: p, gated };
}

// --- pairing ------------------------------------------------------------------------------------

test('pairing: per round, median head / median base; rounds missing a side are skipped', () => {
  const base = { samplesNs: [10, 12, 11, 20, 9], rounds: [1, 1, 1, 4, 2] };
  const head = { samplesNs: [22, 33, 30, 31], rounds: [1, 2, 3, 2] };
  assert.deepEqual(pairByRound(base, head), [
    [11, 22],
    [9, 32],
  ]);
  const logs = pairedLogRatios(base, head);
  assert.equal(logs.length, 2);
  assert.ok(Math.abs(logs[0]! - Math.log(2)) < 1e-12);
  assert.ok(Math.abs(logs[1]! - Math.log(32 / 9)) < 1e-12);
  assert.deepEqual(pairedLogRatios({ samplesNs: [], rounds: [] }, head), []);
  assert.throws(
    () => pairedLogRatios({ samplesNs: [1, 2], rounds: [1] }, head),
    /2 samples but 1 round/,
  );
});

test('sign test: exact one-sided binomial tail, ties dropped', () => {
  assert.equal(signTestGreater(Array(10).fill(0.1)), 2 ** -10);
  assert.equal(signTestGreater(Array(10).fill(-0.1)), 1);
  // 8 of 10 positive: P(B ≥ 8) = (45 + 10 + 1) / 1024.
  assert.ok(Math.abs(signTestGreater([...Array(8).fill(1), -1, -1, 0, 0]) - 56 / 1024) < 1e-15);
  assert.equal(signTestGreater([0, 0]), 1);
  assert.equal(signTestGreater([]), 1);
});

// --- the decision rule --------------------------------------------------------------------------

test('decision: clearly slower → regression; identical → pass', () => {
  const slow = decideSameJob([cell(pairs(20, 1.25, 0.03))], OPTS).cells[0]!;
  assert.equal(slow.status, 'regression');
  assert.ok(slow.ci![0] > 1.1, `CI ${slow.ci}`);
  assert.ok(Math.abs(slow.ratio - 1.25) < 0.03);
  assert.deepEqual(slow.checks, {
    slowdown: true,
    ciAboveOne: true,
    significant: true,
    beyondHistory: null,
    beyondColdStart: null,
  });
  assert.ok(slow.pValue! < 1e-5);

  const same = decideSameJob([cell(pairs(20, 1, 0.03))], OPTS);
  assert.equal(same.cells[0]!.status, 'pass');
  assert.ok(same.cells[0]!.ci![1] < 1.1);
  assert.equal(same.decided, true);
  assert.deepEqual(same.warnings, []);
});

test('decision: a CI straddling 1 + threshold is inconclusive, and passes with a warning when final', () => {
  const c = cell(pairs(20, 1.1, 0.1, 3), 2);
  const open = decideSameJob([c], OPTS);
  const d = open.cells[0]!;
  assert.equal(d.status, 'inconclusive');
  assert.ok(d.ci![0] < 1.1 && d.ci![1] > 1.1, `CI ${d.ci}`);
  assert.equal(open.decided, false);
  assert.deepEqual(open.warnings, []);

  const last = decideSameJob([c], { ...OPTS, final: true });
  assert.equal(last.cells[0]!.status, 'pass');
  assert.equal(last.cells[0]!.undecided, true);
  assert.equal(last.decided, false);
  assert.equal(last.warnings.length, 1);
  assert.match(last.warnings[0]!, /^w @ 2 threads: undecided after 20 paired rounds/);
  assert.match(last.warnings[0]!, new RegExp(`×${d.ci![0].toFixed(3)}–×${d.ci![1].toFixed(3)}`));
});

test('decision: too few pairs → no CI, inconclusive; cells that are not gated never block', () => {
  const few = decideSameJob([cell(pairs(4, 1.5, 0.01))], OPTS);
  assert.equal(few.cells[0]!.ci, null);
  assert.equal(few.cells[0]!.pValue, null);
  assert.equal(few.cells[0]!.status, 'inconclusive');
  assert.equal(few.decided, false);

  const mixed = decideSameJob(
    [cell(pairs(20, 1, 0.02), 1, true), cell(pairs(20, 1.1, 0.1, 3), 2, false)],
    { ...OPTS, final: true },
  );
  assert.equal(mixed.decided, true);
  assert.equal(mixed.cells[1]!.status, 'inconclusive', 'not gated: left as it is');
  assert.deepEqual(mixed.warnings, []);
});

test('multiplicity: more gated cells widen each gated CI (Bonferroni), not the others', () => {
  const p = pairs(30, 1.05, 0.1, 11);
  const one = decideSameJob([cell(p, 1)], OPTS);
  const three = decideSameJob(
    [cell(p, 1), cell(pairs(30, 1, 0.1, 12), 2), cell(pairs(30, 1, 0.1, 13), 4), cell(p, 8, false)],
    OPTS,
  );
  assert.equal(one.gatedCiLevel, 0.95);
  assert.equal(three.gatedCount, 3);
  assert.ok(Math.abs(three.gatedCiLevel - (1 - 0.05 / 3)) < 1e-12);
  const [a, b] = [one.cells[0]!.ci!, three.cells[0]!.ci!];
  assert.ok(b[0] < a[0] && b[1] > a[1], `${a} vs ${b}`);
  assert.equal(three.cells[3]!.ciLevel, 0.95, 'the cell that is not gated keeps the plain level');
  // Holm over the gated cells.
  assert.ok(three.cells[0]!.pAdjusted! >= three.cells[0]!.pValue!);
});

test('decision: deterministic for a seed; bad settings are rejected', () => {
  const c = [cell(pairs(15, 1.08, 0.1, 5))];
  assert.deepEqual(decideSameJob(c, OPTS), decideSameJob(c, OPTS));
  assert.throws(() => decideSameJob(c, { ...OPTS, threshold: -0.1 }), /threshold/);
  assert.throws(() => decideSameJob(c, { ...OPTS, confidence: 1 }), /confidence/);
});

// --- the Comparison -----------------------------------------------------------------------------

/** Samples of a cell over `rounds` rounds, `perRound` each, median ≈ ns. */
function cellSamples(threads: number, ns: number, rounds: number, seed: number, perRound = 3) {
  const rand = mulberry32(seed);
  const samplesNs: number[] = [];
  const r: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    for (let i = 0; i < perRound; i++) {
      samplesNs.push(ns * (1 + 0.02 * (rand() * 2 - 1)));
      r.push(round);
    }
  }
  return { threads, samplesNs, rounds: r };
}

test('comparison: gates the head’s recommended and fastest cells, reports all, fits the JSON schema', () => {
  // Head: 4 threads fastest, 2 within 5 % (recommended), 1 much slower; 2 threads regressed.
  const head = {
    id: 'model.onnx',
    contentHash: 'h2',
    cells: [cellSamples(1, 2e6, 20, 1), cellSamples(2, 1.02e6, 20, 2), cellSamples(4, 1e6, 20, 3)],
  };
  const base = {
    id: 'model.onnx',
    contentHash: 'h1',
    cells: [cellSamples(1, 2e6, 20, 4), cellSamples(2, 0.8e6, 20, 5), cellSamples(4, 1e6, 20, 6)],
  };
  const { comparison: c } = compareSameJob([{ head, base }], {
    threshold: 0.1,
    seed: 1,
    final: true,
    baseDescription: 'origin/main',
    fingerprint: 'fp',
    createdAt: '2026-01-01T00:00:00.000Z',
    rounds: 20,
  });
  assert.equal(c.kind, 'regression');
  if (c.kind !== 'regression') return;
  assert.deepEqual(c.baseline, {
    source: 'same job: origin/main',
    fingerprint: 'fp',
    runs: 1,
    latestCreatedAt: '2026-01-01T00:00:00.000Z',
  });
  assert.deepEqual(
    c.cells.map((x) => [x.threads, x.gated, x.gatedAs, x.status]),
    [
      [1, false, [], 'pass'],
      [2, true, ['recommended'], 'regression'],
      [4, true, ['fastest'], 'pass'],
    ],
  );
  assert.deepEqual(
    c.regressions.map((x) => x.threads),
    [2],
  );
  assert.ok(Math.abs(c.maxSlowdown - (1.02 / 0.8 - 1)) < 0.03);
  assert.ok(c.cells.every((x) => x.contentChanged));
  assert.ok(c.notes.some((n) => /measured in this job, interleaved/.test(n)));
  assert.ok(c.notes.some((n) => /Bonferroni/.test(n)));
  assert.match(c.reason, /model\.onnx @ 2 threads \+2\d\.\d %/);
  assert.deepEqual(schemaErrors('comparison.schema.json', toComparisonJson(c)), []);
});

test('comparison: no common thread count → no-baseline', () => {
  const { comparison } = compareSameJob(
    [
      {
        head: { id: 'a', cells: [cellSamples(1, 1e6, 10, 1)] },
        base: { id: 'a', cells: [cellSamples(2, 1e6, 10, 2)] },
      },
    ],
    { final: true, baseDescription: 'x', fingerprint: 'fp', createdAt: 't' },
  );
  assert.equal(comparison.kind, 'no-baseline');
  assert.deepEqual(schemaErrors('comparison.schema.json', toComparisonJson(comparison)), []);
});

// --- the engine ---------------------------------------------------------------------------------

const RUN = { threads: [1, 2], maxTimeSec: 60, threshold: 0.1, seed: 3 } as const;

test('engine: a head 25 % slower is a regression, decided before the budget', async () => {
  const sim = newSim();
  const head = synthetic(sim, 'cmd', 2e6, { noise: 0.3, seed: 1, factor: 1.25 });
  const base = synthetic(sim, 'cmd', 2e6, { noise: 0.3, seed: 2 });
  const run = await runSameJob(head, base, { ...RUN, now: () => sim.now, fingerprint: 'fp' });
  assert.equal(run.comparison.kind, 'regression');
  assert.equal(run.stoppedBy, 'decided');
  assert.ok(run.rounds >= 10);
  assert.ok(sim.now < 60_000 / 2, 'stopped well before the budget');
  const gated =
    run.comparison.kind === 'regression' ? run.comparison.cells.filter((c) => c.gated) : [];
  assert.deepEqual(
    gated.map((c) => [c.workload, c.threads, c.gatedAs]),
    [['cmd', 2, ['recommended', 'fastest']]],
  );
  assert.ok(Math.abs(gated[0]!.ratio - 1.25) < 0.05, `ratio ${gated[0]!.ratio}`);
  // Both sides were measured in every round, interleaved.
  assert.equal(run.head.cells[0]!.visits, run.rounds);
  assert.equal(run.base.cells[1]!.visits, run.rounds);
  assert.equal(run.headSweep.workloads.length, 1);
  assert.equal(run.headSweep.workloads[0]!.workload, head);
  assert.deepEqual(schemaErrors('comparison.schema.json', toComparisonJson(run.comparison)), []);
});

test('engine: identical head and base pass, even on a machine whose speed swings', async () => {
  // The machine slows down by up to 60 % in 300 ms bursts: a stored baseline would see it, the
  // paired rounds do not.
  const sim = newSim((ms) => (Math.floor(ms / 300) % 3 === 1 ? 1.6 : 1));
  const head = synthetic(sim, 'cmd', 2e6, { noise: 0.3, seed: 1 });
  const base = synthetic(sim, 'cmd', 2e6, { noise: 0.3, seed: 2 });
  const run = await runSameJob(head, base, { ...RUN, now: () => sim.now });
  assert.equal(run.comparison.kind, 'pass');
  assert.equal(run.stoppedBy, 'decided');
  assert.deepEqual(run.warnings, []);
  if (run.comparison.kind === 'pass') {
    assert.match(run.comparison.baseline.source, /^same job: base cmd/);
  }
});

test('engine: stopWhen ends the sweep once decided, not before minRounds; maxRounds ends an undecided one', async () => {
  const decisive = newSim();
  const quick = await runSameJob(
    synthetic(decisive, 'w', 2e6, { noise: 0.01, seed: 1, factor: 2 }),
    synthetic(decisive, 'w', 2e6, { noise: 0.01, seed: 2 }),
    { ...RUN, minRounds: 12, now: () => decisive.now },
  );
  assert.equal(quick.stoppedBy, 'decided');
  assert.equal(quick.rounds, 12, 'decided at the first look');

  // 10 % slower at a 10 % threshold: never clear; the last look passes it with a warning.
  const sim = newSim();
  const undecided = await runSameJob(
    synthetic(sim, 'w', 2e6, { noise: 0.3, seed: 1, factor: 1.1 }),
    synthetic(sim, 'w', 2e6, { noise: 0.3, seed: 2 }),
    { ...RUN, maxRounds: 25, now: () => sim.now },
  );
  assert.equal(undecided.stoppedBy, 'max-rounds');
  assert.equal(undecided.rounds, 25);
  assert.equal(undecided.comparison.kind, 'pass');
  assert.equal(undecided.warnings.length, 1);
  assert.match(undecided.warnings[0]!, /^w @ 2 threads: undecided after 25 paired rounds/);
  assert.ok(undecided.comparison.notes.includes(`warning: ${undecided.warnings[0]!}`));

  // Without maxRounds the budget ends it, with the same final rule.
  const sim2 = newSim();
  const budget = await runSameJob(
    synthetic(sim2, 'w', 2e6, { noise: 0.3, seed: 1, factor: 1.1 }),
    synthetic(sim2, 'w', 2e6, { noise: 0.3, seed: 2 }),
    { ...RUN, maxTimeSec: 2, now: () => sim2.now },
  );
  assert.equal(budget.stoppedBy, 'budget');
  assert.equal(budget.comparison.kind, 'pass');
});

test('engine: bad options are rejected before anything runs', async () => {
  const sim = newSim();
  const w = synthetic(sim, 'w', 1e6);
  await assert.rejects(runSameJob(w, w, RUN), /two Workload objects/);
  const b = synthetic(sim, 'w', 1e6);
  await assert.rejects(runSameJob(w, b, { ...RUN, minRounds: 0 }), /minRounds/);
  await assert.rejects(runSameJob(w, b, { ...RUN, minRounds: 10, maxRounds: 5 }), /maxRounds/);
  await assert.rejects(runSameJob(w, b, { ...RUN, threshold: Number.NaN }), /threshold/);
  assert.equal(sim.log.length, 0);
});

test('the look after a round agrees with the full rule', () => {
  const side = (ns: number, seed: number) => ({
    id: 'w',
    cells: [cellSamples(1, 2 * ns, 15, seed), cellSamples(2, ns, 15, seed + 1)],
  });
  const full = (head: ReturnType<typeof side>, base: ReturnType<typeof side>) =>
    compareSameJob([{ head, base }], {
      final: false,
      baseDescription: 'b',
      fingerprint: 'fp',
      createdAt: 't',
    }).decision.decided;
  const slower = { head: side(1.3e6, 1), base: side(1e6, 9) };
  const same = { head: side(1e6, 1), base: side(1e6, 9) };
  const unclear = { head: side(1e6, 1), base: side(1e6, 9) };
  unclear.head.cells[1]!.samplesNs.forEach((_, i, xs) => (xs[i] = xs[i]! * (i % 2 ? 1.6 : 0.7)));
  for (const p of [slower, same, unclear]) {
    assert.equal(sameJobDecided([p], {}), full(p.head, p.base));
  }
  assert.equal(sameJobDecided([slower], {}), true);
  assert.equal(sameJobDecided([unclear], {}), false);
  assert.equal(sameJobDecided([], {}), true);
  assert.throws(() => sameJobDecided([], { gate: 'some' as 'all' }), /gate/);
});
