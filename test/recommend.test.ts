import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  recommendForWorkload,
  recommendOverall,
  type PointSummary,
} from '../src/analysis/recommend.js';

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
