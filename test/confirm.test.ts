/**
 * Confirmation of a stored-baseline regression by a second, real measurement (onnxruntime-node
 * on a tiny MatMul): a one-off slow run is not confirmed; a real slowdown is.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compareResults } from '../src/analysis/compare.js';
import { baselineFromResult } from '../src/baseline/history.js';
import type { LoadedBaseline } from '../src/baseline/store.js';
import { confirmRegression, recheckSettings } from '../src/pipeline/confirm.js';
import { runSweep } from '../src/pipeline/sweep-run.js';
import type { Result } from '../src/results/types.js';
import type { SweepSettings } from '../src/settings/settings.js';

const settings: SweepSettings = {
  workload: {
    kind: 'matmul',
    sizes: [
      { m: 32, k: 32, n: 32 },
      { m: 40, k: 40, n: 40 },
    ],
  },
  threads: [1], // the quiet cell on a shared machine: the re-measurement must not be noise
  maxTimeSec: 3,
  targetPrecision: 0.02,
  tolerance: 0.05,
  seed: 5,
};

function scaled(r: Result, f: number, createdAt: string): Result {
  return {
    ...r,
    createdAt,
    workloads: r.workloads.map((w) => ({
      ...w,
      points: w.points.map((p) => ({
        ...p,
        samplesNs: p.samplesNs.map((s) => s * f),
        medianNs: p.medianNs * f,
        ci95Ns: [p.ci95Ns[0] * f, p.ci95Ns[1] * f] as const,
      })),
    })),
  };
}

const loaded = (r: Result): LoadedBaseline => ({
  document: baselineFromResult(r),
  source: 'test',
  notes: [],
});

describe('confirming a suspected regression', () => {
  let measured: Result;
  before(async () => {
    measured = (await runSweep(settings)).result;
  });

  it('re-measures only the flagged workloads and thread counts', () => {
    const baseline = loaded(scaled(measured, 0.5, '2026-01-01T00:00:00Z'));
    const first = compareResults(baseline, measured);
    assert.equal(first.kind, 'regression');
    if (first.kind !== 'regression') return;
    const flagged = first.regressions;
    const again = recheckSettings(settings, first, 7);
    assert.equal(again.maxTimeSec, 7, 'the re-measure gets what is left of the budget');
    assert.equal(again.workload.kind, 'matmul');
    if (again.workload.kind !== 'matmul') return;
    assert.deepEqual(
      again.workload.sizes.map((s) => `matmul:${s.n}`).sort(),
      [...new Set(flagged.map((c) => c.workload))].sort(),
    );
    assert.deepEqual(
      again.threads,
      [...new Set(flagged.map((c) => c.threads))].sort((a, b) => a - b),
    );
  });

  it('a one-off slow run is not confirmed: inconclusive, no cell left marked as a regression', async () => {
    const baseline = loaded(measured);
    const slowRun = scaled(measured, 1.6, '2026-01-02T00:00:00Z');
    const first = compareResults(baseline, slowRun);
    assert.equal(first.kind, 'regression');
    if (first.kind !== 'regression') return;
    const c = await confirmRegression(settings, first, baseline, {});
    assert.equal(c.confirmed, false);
    assert.equal(c.comparison.kind, 'inconclusive');
    assert.match(c.note, /did not confirm the slowdown/);
    assert.ok(c.comparison.cells.every((x) => !x.regression));
  });

  it('with no time left of the budget, a suspected regression stays unconfirmed and says why', async () => {
    const baseline = loaded(scaled(measured, 0.5, '2026-01-01T00:00:00Z'));
    const first = compareResults(baseline, measured);
    assert.equal(first.kind, 'regression');
    if (first.kind !== 'regression') return;
    const c = await confirmRegression(settings, first, baseline, {}, {}, 0);
    assert.equal(c.confirmed, false);
    assert.equal(c.recheck, null);
    assert.equal(c.comparison.kind, 'inconclusive');
    assert.match(c.note, /no time was left of max-time/);
  });

  it('a real slowdown (a baseline twice as fast) is confirmed and stays a regression', async () => {
    const baseline = loaded(scaled(measured, 0.5, '2026-01-01T00:00:00Z'));
    const first = compareResults(baseline, measured);
    assert.equal(first.kind, 'regression');
    if (first.kind !== 'regression') return;
    const c = await confirmRegression(settings, first, baseline, {});
    assert.equal(c.confirmed, true);
    assert.equal(c.comparison.kind, 'regression');
    assert.match(c.note, /^confirmed by a second measurement/);
  });
});
