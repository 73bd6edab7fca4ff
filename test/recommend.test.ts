import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  recommendForWorkload,
  recommendOverall,
  type PointSummary,
} from '../src/analysis/recommend.js';
import { sweep } from '../src/measure/sweep.js';
import { medianCIOrderStat } from '../src/stats/index.js';
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
  // The tolerance buys fewer threads: with 1 thread's geometric mean 1.732, a tolerance of
  // 60 % (1.095 · 1.6 = 1.752 ≥ 1.732) picks 1; 50 % (1.643) does not.
  assert.equal(recommendOverall([a, b], 0.6).threads, 1);
  assert.equal(recommendOverall([a, b], 0.5).threads, 2);
  assert.match(
    recommendOverall([a, b], 0.6).basis,
    /fewest threads within 60 % of the best geometric-mean latency \(2 threads\)/,
  );
});

/** Cells with visits by round: visit r of cell t is truth(t) · noise, drawn with a seed. */
function visited(
  truth: Record<number, number>,
  rounds: number,
  seed: number,
  noise = 0.06,
): PointSummary[] {
  let x = seed >>> 0;
  const rand = () => (x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 4294967296;
  return Object.entries(truth).map(([t, ns]) => {
    const visits = new Map<number, number>();
    for (let r = 1; r <= rounds; r++) visits.set(r, ns * Math.exp(noise * (rand() * 2 - 1)));
    const sorted = [...visits.values()].sort((a, b) => a - b);
    const med = sorted[sorted.length >> 1]!;
    return { threads: Number(t), medianNs: med, ci95Ns: [sorted[0]!, sorted.at(-1)!], visits };
  });
}

test('paired, cross-fitted rule: equal cells give the fewest threads more often than the same rule without cross-fitting', () => {
  // Four thread counts that are truly equal. Picking the lowest of four noisy medians and then
  // asking "within 5 % of that?" on the same data compares with a minimum biased low (the
  // winner's curse) and pushes the pick to more threads. The rule chooses the reference on odd
  // rounds and measures the ratios on even rounds; the same rule on all rounds at once does worse.
  const naive = (points: readonly PointSummary[]): number => {
    const rounds = [...points[0]!.visits!.keys()];
    const ref = points.reduce((a, b) => (b.medianNs < a.medianNs ? b : a));
    for (const p of [...points].sort((a, b) => a.threads - b.threads)) {
      if (p === ref) return p.threads;
      const logs = rounds.map((r) => Math.log(p.visits!.get(r)! / ref.visits!.get(r)!));
      if (Math.exp(medianCIOrderStat(logs, 0.95)[1]) <= 1.05) return p.threads;
    }
    return ref.threads;
  };
  let crossFitted = 0;
  let onAll = 0;
  for (let seed = 1; seed <= 40; seed++) {
    const points = visited({ 1: 1e6, 2: 1e6, 4: 1e6, 8: 1e6 }, 24, seed);
    if (recommendForWorkload(points).recommended === 1) crossFitted++;
    if (naive(points) === 1) onAll++;
  }
  assert.ok(crossFitted >= 30, `cross-fitted: 1 thread in ${crossFitted}/40 draws`);
  assert.ok(crossFitted > onAll, `cross-fitted ${crossFitted}/40 vs on all rounds ${onAll}/40`);
});

test('paired rule: a count 10 % slower is not recommended; 2 % slower is', () => {
  for (let seed = 1; seed <= 20; seed++) {
    const slower = recommendForWorkload(visited({ 1: 1.1e6, 2: 1e6 }, 24, seed, 0.02));
    assert.equal(slower.recommended, 2, `seed ${seed}: ${slower.reason}`);
    const close = recommendForWorkload(visited({ 1: 1.02e6, 2: 1e6 }, 24, seed, 0.01));
    assert.equal(close.recommended, 1, `seed ${seed}: ${close.reason}`);
    assert.match(
      close.reason,
      /within 5\.0 % of the fastest \(2 threads.*paired, 95 % CI up to \+\d+\.\d % over 24 rounds/,
    );
  }
});

test('paired rule needs 6 rounds in each half; with fewer, the unpaired CI rule decides', () => {
  const short = visited({ 1: 1.02e6, 2: 1e6 }, 10, 3, 0.01);
  const r = recommendForWorkload(short);
  assert.doesNotMatch(r.reason, /paired/);
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
