/**
 * The second measurement of a stored-baseline comparison's suspects (src/pipeline/confirm.ts):
 * which cells are re-measured, how the two measurements are judged (on synthetic comparisons, so
 * no outcome depends on this machine's timing), the family it keeps, and one real re-measure of a
 * command whose metric is known exactly.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { compareResults, type Comparison } from '../src/analysis/compare.js';
import { baselineFromResult } from '../src/baseline/history.js';
import type { LoadedBaseline } from '../src/baseline/store.js';
import { confirmRegression, judge, recheckSettings } from '../src/pipeline/confirm.js';
import { runSweep } from '../src/pipeline/sweep-run.js';
import type { Result } from '../src/results/types.js';
import type { SweepSettings } from '../src/settings/settings.js';
import { DEFAULT_WORKLOADS, scaleResult, syntheticResult } from './fixtures/baseline/synthetic.js';
import { ROOT } from './support/cli.js';

const settings: SweepSettings = {
  workload: {
    kind: 'matmul',
    sizes: [
      { m: 256, k: 256, n: 256 },
      { m: 1, k: 4096, n: 4096 },
    ],
  },
  threads: [1, 2],
  maxTimeSec: 3,
  targetPrecision: 0.02,
  tolerance: 0.05,
  seed: 5,
};

const run = (seed: number, day: number, factor = 1): Result => {
  const r = syntheticResult({
    seed,
    workloads: DEFAULT_WORKLOADS,
    createdAt: new Date(Date.UTC(2025, 5, day)).toISOString(),
    visits: 12,
    callsPerVisit: 4,
  });
  return factor === 1 ? r : scaleResult(r, factor, r.createdAt);
};
const loaded = (r: Result): LoadedBaseline => ({
  document: baselineFromResult(r),
  source: 'test',
  notes: [],
});
type Suspect = Extract<Comparison, { kind: 'regression' | 'inconclusive' }>;
const suspect = (c: Comparison): Suspect => {
  assert.ok(c.kind === 'regression' || c.kind === 'inconclusive', c.kind);
  return c as Suspect;
};

describe('the second measurement of suspects', () => {
  const baseline = loaded(run(1, 1));
  const slow = suspect(compareResults(baseline, run(2, 2, 1.6)));

  it('re-measures only the flagged workloads and thread counts, within what is left of the budget', () => {
    assert.equal(slow.kind, 'regression');
    const again = recheckSettings(settings, slow, 7);
    assert.equal(again.maxTimeSec, 7);
    assert.equal(again.workload.kind, 'matmul');
    if (again.workload.kind !== 'matmul' || slow.kind !== 'regression') return;
    assert.deepEqual(
      again.workload.sizes.map((s) => `matmul:${s.m}x${s.k}x${s.n}`).sort(),
      [...new Set(slow.regressions.map((c) => c.workload))].sort(),
    );
    assert.deepEqual(again.threads, [1, 2]);
  });

  it('a regression found again in the same cells is confirmed', () => {
    const c = judge(slow, compareResults(baseline, run(3, 3, 1.6)));
    assert.equal(c.confirmed, true);
    assert.equal(c.comparison.kind, 'regression');
    assert.match(c.note, /^confirmed by a second measurement of the flagged cells: /);
  });

  it('a regression gone on the second measurement was a burst: pass, with the note', () => {
    const c = judge(slow, compareResults(baseline, run(4, 3)));
    assert.equal(c.confirmed, false);
    assert.equal(c.comparison.kind, 'pass');
    assert.match(c.note, /showed no slowdown of 15 % .*: the first was noise of this run/);
    assert.ok(c.comparison.cells.every((x) => !x.regression));
  });

  it('a regression still slower but no longer clear is inconclusive, never a regression', () => {
    // 20 %: beyond the threshold, below the cold-start bar of a one-run history.
    const c = judge(slow, compareResults(baseline, run(5, 3, 1.2)));
    assert.equal(c.comparison.kind, 'inconclusive');
    assert.match(c.note, /did not confirm the slowdown/);
    assert.ok(c.comparison.cells.every((x) => !x.regression));
  });

  it('an inconclusive cell passes when the re-measure shows no slowdown, and a second try never makes it a regression', () => {
    const unclear = suspect(compareResults(baseline, run(6, 2, 1.2)));
    assert.equal(unclear.kind, 'inconclusive');
    const cleared = judge(unclear, compareResults(baseline, run(7, 3)));
    assert.equal(cleared.comparison.kind, 'pass');
    const worse = judge(unclear, compareResults(baseline, run(8, 3, 1.6)));
    assert.equal(worse.comparison.kind, 'inconclusive');
    assert.match(worse.note, /left it unclear/);
  });

  it('the re-measure counts the first comparison’s whole family (Bonferroni over it)', () => {
    const few = compareResults(baseline, run(9, 3, 1.3), { gate: 'all' });
    const inFamily = compareResults(baseline, run(9, 3, 1.3), { gate: 'all', familySize: 40 });
    if (few.kind === 'no-baseline' || inFamily.kind === 'no-baseline') {
      assert.fail('both must compare');
    }
    for (const [i, cell] of inFamily.cells.entries()) {
      assert.equal(cell.pAdjusted, Math.min(1, cell.pValue! * 40));
      assert.ok(cell.pAdjusted! >= few.cells[i]!.pAdjusted!);
    }
  });

  it('with no time left of the budget, a suspect stays unconfirmed and says why', async () => {
    const c = await confirmRegression(settings, slow, baseline, {}, {}, 0);
    assert.equal(c.recheck, null);
    assert.equal(c.comparison.kind, 'inconclusive');
    assert.match(c.note, /no time was left of max-time/);
  });

  it('a real re-measure: a command whose metric doubled is confirmed', async () => {
    // fake_latency.sh prints its latency.json value with ±0.5 % jitter: the verdicts are known.
    const cwd = path.join(ROOT, 'test/fixtures/commands/latency-10ms');
    const command: SweepSettings = {
      ...settings,
      workload: {
        kind: 'command',
        command: `sh ${JSON.stringify(path.join(ROOT, 'test/fixtures/commands/fake_latency.sh'))}`,
        metric: { regex: 'latency_ms=([0-9.]+)', unit: 'ms' },
        cwd,
        warmupRuns: 0,
      },
      threads: [1],
      maxTimeSec: 20,
    };
    const measured = (await runSweep(command)).result;
    const half = loaded(scaleResult(measured, 0.5, '2026-01-01T00:00:00.000Z'));
    const first = suspect(compareResults(half, measured));
    assert.equal(first.kind, 'regression');
    const c = await confirmRegression(command, first, half, {}, {}, 20);
    assert.equal(c.confirmed, true);
    assert.equal(c.recheck?.kind, 'regression');
  });
});
