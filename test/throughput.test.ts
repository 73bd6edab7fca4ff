/**
 * The throughput objective: the splits of the CPUs, the rate of a window, the recommendation, the
 * cells the stored gate compares, and one real measurement with worker threads running their own
 * ONNX Runtime sessions (no assertion on which split wins: that is the machine's).
 */
import { test } from 'node:test';
import path from 'node:path';
import { ROOT } from './support/cli.js';
import assert from 'node:assert/strict';
import { compareResults } from '../src/analysis/compare.js';
import {
  recommendSplit,
  recommendSplitOverall,
  throughputAsWorkloads,
} from '../src/analysis/throughput.js';
import { baselineFromResult, mergeRun } from '../src/baseline/history.js';
import { affordableCounts } from '../src/measure/plan.js';
import { cpuSplits, windowRate } from '../src/measure/throughput.js';
import { THROUGHPUT_LATENCY_SHARE } from '../src/settings/settings.js';
import { runSweep } from '../src/pipeline/sweep-run.js';
import type { Result, ThroughputPoint } from '../src/results/types.js';
import { DEFAULT_WORKLOADS, syntheticResult } from './fixtures/baseline/synthetic.js';
import { schemaErrors } from './support/schema.js';

const point = (workers: number, threads: number, rps: number, half = 0.02): ThroughputPoint => ({
  workers,
  threadsPerWorker: threads,
  requestsPerSec: rps,
  ci95: [rps * (1 - half), rps * (1 + half)],
  p50Ns: 1e9 / rps,
  p99Ns: 2e9 / rps,
  windows: Array.from({ length: 8 }, (_, i) => rps * (1 + (i % 2 ? half : -half) / 2)),
  rounds: Array.from({ length: 8 }, (_, i) => i + 1),
});

test('splits: every W × T with W · T = the usable CPUs, fewest workers first', () => {
  assert.deepEqual(
    cpuSplits(16).map((s) => `${s.workers}×${s.threadsPerWorker}`),
    ['1×16', '2×8', '4×4', '8×2', '16×1'],
  );
  assert.deepEqual(
    cpuSplits(6).map((s) => `${s.workers}×${s.threadsPerWorker}`),
    ['1×6', '2×3', '3×2', '6×1'],
  );
  assert.deepEqual(cpuSplits(1), [{ workers: 1, threadsPerWorker: 1 }]);
});

test('a window’s rate: Σ over workers of requests / time to the last completion', () => {
  const rate = windowRate([
    { count: 10, elapsedNs: 0.5e9, latenciesNs: [] },
    { count: 30, elapsedNs: 1e9, latenciesNs: [] },
    { count: 0, elapsedNs: 0, latenciesNs: [] },
  ]);
  assert.equal(rate, 20 + 30);
});

test('recommendation: the most requests per second; the fewest workers within tolerance, by CI', () => {
  const best = recommendSplit([
    point(1, 16, 100),
    point(2, 8, 180),
    point(4, 4, 260),
    point(8, 2, 262),
  ]);
  // 4 × 4 is within 5 % of 8 × 2 (its CI lower end 254.8 ≥ 262 / 1.05 = 249.5): fewer workers.
  assert.deepEqual([best.workers, best.threadsPerWorker], [4, 4]);
  assert.match(
    best.reason,
    /^4 workers × OMP_NUM_THREADS=4: 2\.6× the throughput of 1 × 16 \(within 5 % of the best, 8 workers × OMP_NUM_THREADS=2, with fewer workers\)$/,
  );
  // A wide CI cannot buy fewer workers.
  const wide = recommendSplit([point(1, 2, 240, 0.3), point(2, 1, 250)]);
  assert.equal(wide.workers, 2);
  const one = recommendSplit([point(1, 2, 250), point(2, 1, 240)]);
  assert.match(one.reason, /one request at a time with every thread is as fast as any split here/);
  const overall = recommendSplitOverall([
    [point(1, 4, 100), point(2, 2, 150), point(4, 1, 160)],
    [point(1, 4, 50), point(2, 2, 92), point(4, 1, 95)],
  ]);
  assert.equal(overall?.workers, 2);
});

function withThroughput(r: Result, rps: readonly number[]): Result {
  return {
    ...r,
    workloads: r.workloads.map((w) => ({
      ...w,
      throughput: {
        points: [point(1, 2, rps[0]!), point(2, 1, rps[1]!)],
        recommended: { workers: 2, threadsPerWorker: 1 },
      },
    })),
  };
}

test('the stored gate compares throughput splits as time per request: lower throughput is a slowdown', () => {
  const run = (seed: number, day: number, rps: readonly number[]) =>
    withThroughput(
      syntheticResult({
        seed,
        workloads: DEFAULT_WORKLOADS,
        visits: 10,
        createdAt: new Date(Date.UTC(2025, 5, day)).toISOString(),
      }),
      rps,
    );
  const base = run(1, 1, [500, 600]);
  const pseudo = throughputAsWorkloads(base);
  assert.deepEqual(
    pseudo.map((w) => [w.id, w.points.map((p) => p.threads), w.recommended.threads]),
    DEFAULT_WORKLOADS.map((w) => [`${w.id} · throughput`, [2, 1], 1]),
  );
  assert.ok(Math.abs(pseudo[0]!.points[0]!.medianNs - 1e9 / 500) < 1e-6);
  // The history keeps the splits' medians too.
  assert.ok(baselineFromResult(base).runs[0]!.workloads.some((w) => w.id.endsWith('· throughput')));
  const doc = mergeRun(null, base).baseline;
  const slower = compareResults({ document: doc, source: 't', notes: [] }, run(2, 2, [250, 300]));
  assert.equal(slower.kind, 'regression');
  if (slower.kind === 'regression') {
    assert.ok(slower.regressions.every((c) => c.workload.endsWith('· throughput')));
    assert.ok(slower.regressions.every((c) => Math.abs(c.ratio - 2) < 0.05));
  }
});

test('a real throughput run: worker threads with their own sessions, every split measured, the JSON fits its schema', async () => {
  const run = await runSweep({
    workload: { kind: 'matmul', sizes: [{ m: 64, k: 64, n: 64 }] },
    threads: 'auto',
    maxTimeSec: 6,
    targetPrecision: 0.02,
    tolerance: 0.05,
    seed: 4,
    objective: 'throughput',
  });
  const r = run.result;
  assert.deepEqual(schemaErrors('results.schema.json', r), []);
  // `auto` is planned for the latency sweep's share of the budget, not the whole of it.
  assert.equal(
    run.plan?.affordable,
    affordableCounts({ maxTimeSec: 6 * THROUGHPUT_LATENCY_SHARE, workloads: 1 }),
  );
  assert.notEqual(
    affordableCounts({ maxTimeSec: 6 * THROUGHPUT_LATENCY_SHARE, workloads: 1 }),
    affordableCounts({ maxTimeSec: 6, workloads: 1 }),
    'precondition: the two budgets afford different numbers of counts',
  );
  const t = r.workloads[0]!.throughput!;
  assert.deepEqual(
    t.points.map((p) => p.workers * p.threadsPerWorker),
    t.points.map(() => r.machine.availableCpus),
  );
  assert.equal(t.points.length, cpuSplits(r.machine.availableCpus).length);
  for (const p of t.points) {
    assert.ok(
      p.requestsPerSec > 0 && p.ci95[0] <= p.requestsPerSec && p.requestsPerSec <= p.ci95[1],
    );
    assert.ok(p.p50Ns > 0 && p.p99Ns >= p.p50Ns);
    assert.ok((p.windows?.length ?? 0) >= 1);
  }
  const best = Math.max(...t.points.map((p) => p.requestsPerSec));
  const pick = t.points.find((p) => p.workers === t.recommended.workers)!;
  assert.ok(
    pick.requestsPerSec * 1.05 >= best * (pick.ci95[0] / pick.requestsPerSec) ||
      pick.requestsPerSec === best,
  );
  assert.deepEqual(r.recommendation.throughput?.workers, t.recommended.workers);
});

test("a command under the throughput objective: W concurrent processes per split; each request's latency is the metric it prints", async () => {
  const run = await runSweep({
    workload: {
      kind: 'command',
      command: `sh ${JSON.stringify(path.join(ROOT, 'test/fixtures/commands/fake_latency.sh'))}`,
      metric: { regex: 'latency_ms=([0-9.]+)', unit: 'ms' },
      cwd: path.join(ROOT, 'test/fixtures/commands/latency-10ms'),
      warmupRuns: 0,
    },
    threads: [1],
    maxTimeSec: 4,
    targetPrecision: 0.02,
    tolerance: 0.05,
    seed: 5,
    objective: 'throughput',
  });
  const t = run.result.workloads[0]!.throughput!;
  assert.deepEqual(schemaErrors('results.schema.json', run.result), []);
  assert.equal(t.points.length, cpuSplits(run.result.machine.availableCpus).length);
  for (const p of t.points) {
    assert.ok(p.requestsPerSec > 0);
    // fake_latency.sh prints 10 ms ± 0.5 %: the p50 and p99 are that, not the loop's wall time
    // per request (starting node, and the clean-up after each process).
    assert.ok(Math.abs(p.p50Ns / 10e6 - 1) <= 0.005, `${p.workers}×: p50 ${p.p50Ns}`);
    assert.ok(Math.abs(p.p99Ns / 10e6 - 1) <= 0.005, `${p.workers}×: p99 ${p.p99Ns}`);
  }
});
