import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  recommendForWorkload,
  recommendOverall,
  type PointSummary,
} from '../src/analysis/recommend.js';
import { sweep } from '../src/measure/sweep.js';
import { buildResult } from '../src/results/build.js';
import type { MachineInfo } from '../src/results/types.js';
import { newSim, synthetic } from './support/synthetic.js';

const pt = (threads: number, medianNs: number, halfWidth = 0.01): PointSummary => ({
  threads,
  medianNs,
  ci95Ns: [medianNs * (1 - halfWidth), medianNs * (1 + halfWidth)],
});

test('fastest is the lowest median; recommended is the fewest threads within tolerance (by CI)', () => {
  const r = recommendForWorkload([pt(1, 1000), pt(2, 520), pt(4, 500), pt(8, 505)]);
  assert.equal(r.fastest, 4);
  // 2 threads: median +4 %, CI upper +5.04 % > 5 % → not within tolerance at 95 %.
  assert.equal(r.recommended, 4);
  const r2 = recommendForWorkload([pt(1, 1000), pt(2, 510), pt(4, 500), pt(8, 505)]);
  // 2 threads: CI upper 515.1 ≤ 525.
  assert.equal(r2.recommended, 2);
  assert.match(r2.reason, /2 threads is within 5.0 % of the fastest \(4 threads\)/);
});

test('a wide CI keeps the recommendation at the fastest (noise cannot buy fewer threads)', () => {
  const r = recommendForWorkload([pt(1, 1000), pt(2, 510, 0.2), pt(4, 500)]);
  assert.equal(r.recommended, 4);
});

test('more threads than the fastest are never recommended', () => {
  const r = recommendForWorkload([pt(1, 500), pt(2, 400), pt(4, 401), pt(8, 900)]);
  assert.equal(r.fastest, 2);
  assert.equal(r.recommended, 2);
});

test('overall: geometric mean of latency normalised by each workload best', () => {
  // Workload A best at 4 (normalised: 1: 2.0, 2: 1.2, 4: 1.0); B best at 2 (1: 1.5, 2: 1.0, 4: 1.3).
  // Geometric means: 1 → sqrt(3.0)=1.732, 2 → sqrt(1.2)=1.095, 4 → sqrt(1.3)=1.140.
  const a = [pt(1, 200), pt(2, 120), pt(4, 100)];
  const b = [pt(1, 150), pt(2, 100), pt(4, 130)];
  const o = recommendOverall([a, b]);
  assert.equal(o.threads, 2);
  assert.ok(Math.abs(o.score.get(2)! - Math.sqrt(1.2)) < 1e-12);
  assert.ok(Math.abs(o.score.get(4)! - Math.sqrt(1.3)) < 1e-12);
  // Within tolerance (5 %) of the best geomean, fewer threads win: 1.095 vs 1.140 → 2 anyway;
  // with a 10 % tolerance 4 is still not fewer than 2, so the pick stays 2.
  assert.equal(recommendOverall([a, b], 0.1).threads, 2);
});

// Never more threads than the usable CPUs: counts above them may be measured (an explicit
// `--threads 1,2,4,8` on 2 CPUs) but are not recommended.

test('an oversubscribed count that measured fastest is not recommended; the best within is', () => {
  // 8 threads fastest (a noisy fluke or a real effect): 2 threads is 25 % slower.
  const r = recommendForWorkload([pt(1, 900), pt(2, 500), pt(4, 450), pt(8, 400)], 0.05, 2);
  assert.equal(r.fastest, 8); // the fact stays reported
  assert.equal(r.recommended, 2);
  assert.match(r.reason, /8 threads measured fastest but oversubscribes the 2 usable CPUs/);
  assert.match(r.reason, /2 threads is the fastest within them \(\+25\.0 % median\)/);
  // Within tolerance of the oversubscribed fastest: the fewest such threads, as usual.
  const w = recommendForWorkload([pt(1, 900), pt(2, 405), pt(4, 450), pt(8, 400)], 0.05, 2);
  assert.equal(w.recommended, 2);
  assert.match(w.reason, /2 threads is within 5\.0 % of the fastest \(8 threads\)/);
  // Without a cap the same points recommend 8 (the rule is unchanged below the cap).
  assert.equal(
    recommendForWorkload([pt(1, 900), pt(2, 500), pt(4, 450), pt(8, 400)]).recommended,
    8,
  );
});

test('every measured count above the usable CPUs: the usable count, said to be unmeasured', () => {
  const r = recommendForWorkload([pt(4, 450), pt(8, 400)], 0.05, 2);
  assert.equal(r.recommended, 2);
  assert.match(r.reason, /every measured count is above the 2 usable CPUs/);
  const o = recommendOverall([[pt(4, 450), pt(8, 400)]], 0.05, 2);
  assert.equal(o.threads, 2);
});

test('overall: the best geometric mean within the usable CPUs', () => {
  // Both workloads fastest at 8 threads on 4 usable CPUs; 4 threads is +20 % / +10 %.
  const a = [pt(1, 400), pt(2, 200), pt(4, 120), pt(8, 100)];
  const b = [pt(1, 300), pt(2, 150), pt(4, 110), pt(8, 100)];
  const o = recommendOverall([a, b], 0.05, 4);
  assert.equal(o.threads, 4);
  assert.match(
    o.basis,
    /8 threads has the best geometric-mean latency but oversubscribes the 4 usable CPUs/,
  );
  assert.equal(recommendOverall([a, b]).threads, 8);
});

test('buildResult: a sweep measured at 1, 2, 4, 8 threads on 2 usable CPUs recommends ≤ 2', async () => {
  const sim = newSim();
  // Latency keeps falling up to 8 threads (as if oversubscription helped): 8 is fastest.
  const nsAt = (t: number) => 1e6 / Math.min(t, 8) ** 0.5;
  const workloads = [
    synthetic(sim, 'a', 1e6, { nsAt, noise: 0.01, seed: 1 }),
    synthetic(sim, 'b', 1e6, { nsAt: (t) => nsAt(t) * 1.5, noise: 0.01, seed: 2 }),
  ];
  const out = await sweep(workloads, {
    threads: [1, 2, 4, 8],
    maxTimeSec: 5,
    targetPrecision: 0.02,
    seed: 3,
    now: () => sim.now,
  });
  const machine: MachineInfo = {
    os: 'linux',
    arch: 'x64',
    cpuModel: 'test',
    logicalCpus: 2,
    availableCpus: 2,
    physicalCores: 2,
    fingerprint: '0123456789abcdef',
  };
  const result = buildResult({
    sweep: out,
    machine,
    runtime: { onnxruntime: '1.30.0', node: process.versions.node },
    overhead: null,
    settings: { maxTimeSec: 5, targetPrecision: 0.02, tolerance: 0.05, seed: 3 },
    elapsedSec: out.elapsedSec,
  });
  for (const w of result.workloads) {
    assert.deepEqual(
      w.points.map((p) => p.threads),
      [1, 2, 4, 8],
    ); // measured as asked
    assert.equal(w.fastest.threads, 8);
    assert.equal(w.recommended.threads, 2);
  }
  assert.equal(result.recommendation.ompNumThreads, 2);
  assert.equal(result.recommendation.ortIntraOpNumThreads, 2);
});
