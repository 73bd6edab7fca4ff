import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  cellHistory,
  compareResults,
  DEFAULT_MIN_HISTORY,
  type CellComparison,
  type Comparison,
  type CompareOptions,
} from '../src/analysis/compare.js';
import type { CellChange } from '../src/analysis/changes.js';
import { toComparisonJson } from '../src/analysis/comparison-json.js';
import { mergeRun, type BaselineDocument } from '../src/baseline/history.js';
import type { LoadedBaseline } from '../src/baseline/store.js';
import type { Result } from '../src/results/types.js';
import { renderComparison } from '../src/report/compare-terminal.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { robustPredictionUpperLimit } from '../src/stats/index.js';
import { schemaErrors } from './support/schema.js';
import {
  DEFAULT_WORKLOADS,
  scaleResult,
  syntheticResult,
  type WorkloadSpec,
} from './fixtures/baseline/synthetic.js';

const LATER = '2025-07-01T12:00:00.000Z';

function draw(
  seed: number,
  workloads: readonly WorkloadSpec[] = DEFAULT_WORKLOADS,
  day = 1,
): Result {
  return syntheticResult({
    seed,
    workloads,
    createdAt: new Date(Date.UTC(2025, 5, day)).toISOString(),
  });
}

/** A baseline whose history medians are the default cells × multipliers[i]; the last run is ×1. */
function history(multipliers: readonly number[], seed = 100): LoadedBaseline {
  let doc: BaselineDocument | null = null;
  multipliers.forEach((m, i) => {
    const workloads = DEFAULT_WORKLOADS.map((w) => ({
      ...w,
      cells: w.cells.map((c) => ({ ...c, medianNs: c.medianNs * m })),
    }));
    doc = mergeRun(doc, draw(seed + i, workloads, i + 1)).baseline;
  });
  if (doc === null) throw new Error('empty history');
  return { document: doc, source: 'test', notes: [] };
}

const oneRun = (): LoadedBaseline => history([1]);
const latestOf = (b: LoadedBaseline) => b.document.latest;

function compare(b: LoadedBaseline | null, current: Result, opts: CompareOptions = {}): Comparison {
  const c = compareResults(b, current, opts);
  // Every comparison must serialize to the shipped schema and render without throwing.
  assert.deepEqual(schemaErrors('comparison.schema.json', toComparisonJson(c)), []);
  assert.ok(renderComparison(c).length > 0);
  return c;
}

function gatedCells(c: Comparison): readonly CellComparison[] {
  assert.notEqual(c.kind, 'no-baseline');
  return c.kind === 'no-baseline' ? [] : c.cells.filter((x) => x.gated);
}

/**
 * Runs as a shared machine gives them: visits of correlated calls, and a run-level offset per cell
 * (sd `runNoise` in log) that moves between runs and no within-run statistic can see.
 */
function realistic(seed: number, day: number, runNoise: number, factor = 1): Result {
  const r = syntheticResult({
    seed,
    workloads: DEFAULT_WORKLOADS,
    createdAt: new Date(Date.UTC(2025, 5, day)).toISOString(),
    visits: 12,
    callsPerVisit: 4,
    visitNoise: 0.01,
    runNoise,
  });
  return factor === 1 ? r : scaleResult(r, factor, r.createdAt);
}

function realisticHistory(runs: number, runNoise: number, seed: number): LoadedBaseline {
  let doc: BaselineDocument | null = null;
  for (let i = 0; i < runs; i++)
    doc = mergeRun(doc, realistic(seed * 1000 + i, i + 1, runNoise)).baseline;
  return { document: doc!, source: 'test', notes: [] };
}

describe('the gate on runs with run-to-run noise (seeded simulations)', () => {
  it('A/A: with 10 runs of history and 8 % run-to-run noise, at most about 1 % of unchanged runs fail', () => {
    // The unit is the run: 8 % run-level noise makes 15 % slowdowns common (p ≈ 4 % per cell),
    // so the threshold alone would fail many runs; the calibrated history limit must hold the
    // family's false alarms at 1 − 0.99. 200 seeded comparisons: binomial 99.9 % bound for 1 %
    // is 7/200. Within-run statistics over calls (not visits) flagged these offsets as
    // "significant" with p near 1e-30.
    let regressions = 0;
    let inconclusive = 0;
    for (let i = 0; i < 200; i++) {
      const b = realisticHistory(10, 0.08, i + 1);
      const c = compare(b, realistic(90_000 + i, 20, 0.08));
      if (c.kind === 'regression') regressions++;
      if (c.kind === 'inconclusive') inconclusive++;
    }
    assert.ok(regressions <= 7, `${regressions}/200 false alarms`);
    assert.ok(inconclusive <= 10, `${inconclusive}/200 inconclusive`);
  });

  it('the same 10-run histories flag a run 50 % slower', () => {
    let flagged = 0;
    for (let i = 0; i < 40; i++) {
      const b = realisticHistory(10, 0.08, 500 + i);
      if (compare(b, realistic(95_000 + i, 20, 0.08, 1.5)).kind === 'regression') flagged++;
    }
    assert.ok(flagged >= 34, `${flagged}/40 detected`);
  });

  it('within-run checks count visits, not calls: p-values of a 20 % shift are not astronomically small', () => {
    const b = realisticHistory(1, 0, 7);
    const c = compare(b, realistic(8, 20, 0, 1.2));
    for (const cell of gatedCells(c)) {
      assert.equal(cell.unit, 'visits');
      // 12 visits per side: the smallest one-sided Mann–Whitney p is about 1.7e-5 (normal
      // approximation); over 48 calls per side it would be about 1e-16.
      assert.ok(cell.pValue! > 1e-6, String(cell.pValue));
    }
  });
});

describe('the stored gate judges a run against the segment since the last change point', () => {
  // 20 runs of history with 2 % run-to-run noise: 10 at one level, then 10 at another.
  function stepHistory(before: number, after: number, seed: number): LoadedBaseline {
    let doc: BaselineDocument | null = null;
    for (let i = 0; i < 20; i++) {
      const run = realistic(seed * 1000 + i, i + 1, 0.02, i < 10 ? before : after);
      doc = mergeRun(doc, run, {
        sha: `${i.toString(16).padStart(2, '0')}${'ab'.repeat(19)}`,
      }).baseline;
    }
    return { document: doc!, source: 'test', notes: [] };
  }
  /** The limit the gate used before change points: the whole history, two levels mixed. */
  function mixedLimitRatio(b: LoadedBaseline, cell: CellComparison, family: number): number {
    const logs = cellHistory(b.document, cell.workload, cell.threads).map(Math.log);
    return Math.exp(robustPredictionUpperLimit(logs, 1 - 0.01 / family)!.limit);
  }

  it('after a step down, a run back at the old level is a regression against the new level', () => {
    const b = stepHistory(1, 0.8, 4);
    const c = compare(b, realistic(4_999, 25, 0.02, 1));
    const gated = gatedCells(c);
    // Every gated cell's history has its change point at run 10 (the first of the new level).
    assert.deepEqual(
      c.changes.map((x) => [x.workload, x.threads, x.index]),
      gated.map((x) => [x.workload, x.threads, 10]),
    );
    for (const x of c.changes) assert.ok(x.ratio < 0.85 && x.ci[1] < 1, JSON.stringify(x));
    assert.equal(c.kind, 'regression');
    for (const cell of gated) {
      assert.equal(cell.historyRuns, 10); // the runs since the change, not all 20
      assert.equal(cell.checks.beyondHistory, true);
      assert.equal(cell.regression, true);
      // Before: the mixed history's limit lay above this run, so it passed as "within the
      // run-to-run noise" — the step down itself made the spread that hid the step back up.
      assert.ok(cell.currentMedianNs < mixedLimitRatio(b, cell, gated.length));
    }
    assert.ok(
      c.notes.some((n) =>
        /judged against the 10 runs of history since its last change point \(run 10 of 2025-06-11, ×0\.8/.test(
          n,
        ),
      ),
    );
    assert.ok(toComparisonJson(c).changes.length === gated.length);
    // The report has a line per change point, next to the notes.
    const md = renderMarkdown(realistic(4_999, 25, 0.02, 1), c);
    assert.match(
      md,
      /\n- Change point: matmul:256x256x256 @ 1 thread has been 2\d % faster since commit 0aababa \(run of 2025-06-11\); 95 % CI ×0\.\d{3} … ×0\.\d{3}\n/,
    );
  });

  it('after a step up, a run at the new level passes, and the old runs do not widen its limit', () => {
    const b = stepHistory(1, 1.25, 5);
    const c = compare(b, realistic(5_999, 25, 0.02, 1.25));
    assert.equal(c.kind, 'pass');
    const gated = gatedCells(c);
    for (const cell of gated) {
      const own: readonly CellChange[] = c.changes.filter(
        (x) => x.workload === cell.workload && x.threads === cell.threads,
      );
      // The step at run 10, and here one cell's 5 % wobble at run 15 too (each test is at 5 %):
      // the history is what came after the last of them.
      assert.ok(
        own.some((x) => x.index === 10 && x.ratio > 1.15),
        JSON.stringify(own),
      );
      assert.equal(cell.historyRuns, 20 - own[own.length - 1]!.index);
      // The limit from the 10 runs at the new level is tighter than the mixed history's.
      assert.ok(
        cell.predictionLimitRatio! * cell.baselineMedianNs < mixedLimitRatio(b, cell, gated.length),
      );
    }
  });

  it('fewer than minHistory runs since the change: the cold-start rule, as for a short history', () => {
    let doc: BaselineDocument | null = null;
    for (let i = 0; i < 16; i++)
      doc = mergeRun(doc, realistic(600 + i, i + 1, 0.02, i < 12 ? 1 : 0.8)).baseline;
    const c = compare({ document: doc!, source: 'test', notes: [] }, realistic(699, 25, 0.02, 1.2));
    const gated = gatedCells(c);
    assert.ok(
      c.changes.length > 0 && c.changes.every((x) => x.index === 12),
      JSON.stringify(c.changes),
    );
    for (const cell of gated) {
      assert.equal(cell.historyRuns, 4);
      assert.equal(cell.checks.beyondHistory, null);
      assert.equal(cell.checks.beyondColdStart, true); // +50 % over the 0.8 level ≥ 25 %
    }
    assert.equal(c.kind, 'regression');
  });
});

describe('the gate on synthetic runs', () => {
  it('flags every sample ×1.5 as a regression, on every gated cell', () => {
    const b = oneRun();
    const c = compare(b, scaleResult(latestOf(b), 1.5, LATER));
    assert.equal(c.kind, 'regression');
    const gated = gatedCells(c);
    assert.ok(gated.length >= 2);
    for (const cell of gated) {
      assert.equal(cell.regression, true);
      assert.ok(Math.abs(cell.ratio - 1.5) < 0.01, String(cell.ratio));
      assert.ok(cell.ci95 && cell.ci95[0] > 1);
    }
    assert.ok(c.kind === 'regression' && c.regressions.length === gated.length);
    assert.ok(Math.abs((c.kind === 'regression' ? c.maxSlowdown : 0) - 0.5) < 0.01);
  });

  it('passes every sample ×0.6 (faster)', () => {
    const b = oneRun();
    const c = compare(b, scaleResult(latestOf(b), 0.6, LATER));
    assert.equal(c.kind, 'pass');
    assert.ok(c.kind === 'pass' && Math.abs(c.maxSlowdown + 0.4) < 0.01);
    assert.ok(gatedCells(c).every((x) => !x.regression && x.status === 'pass'));
  });

  it('passes a slowdown within the threshold even when it is statistically clear', () => {
    const b = oneRun();
    const c = compare(b, scaleResult(latestOf(b), 1.05, LATER));
    assert.equal(c.kind, 'pass');
    // The shift is real (CI above 1) but below the 10 % threshold: not even inconclusive.
    assert.ok(gatedCells(c).every((x) => x.ci95 !== null && x.ci95[0] > 1 && !x.checks.slowdown));
  });

  it('with little history, the cold-start threshold (25 %) and the within-run statistics decide', () => {
    const b = history([1.02, 0.97, 1]);
    assert.ok(b.document.runs.length < DEFAULT_MIN_HISTORY);
    // 20 %: above the 15 % threshold, but below the 25 % a cold-start cell needs → inconclusive.
    const c = compare(b, scaleResult(latestOf(b), 1.2, LATER));
    assert.equal(c.kind, 'inconclusive');
    assert.ok(
      gatedCells(c).every(
        (x) =>
          x.predictionLimitRatio === null &&
          x.checks.beyondHistory === null &&
          x.checks.slowdown &&
          x.checks.beyondColdStart === false,
      ),
    );
    assert.match(
      c.reason,
      /only 3 runs of history: below 5 usable runs only a slowdown ≥ 25 % counts/,
    );
    // 30 %: beyond the cold-start threshold and statistically clear → regression.
    const d = compare(b, scaleResult(latestOf(b), 1.3, LATER));
    assert.equal(d.kind, 'regression');
    assert.ok(gatedCells(d).every((x) => x.checks.beyondColdStart === true));
  });

  it('a history with large run-to-run spread passes a 20 % shift that a tight history flags', () => {
    const tight = history([0.99, 1.01, 1.0, 0.995, 1.005, 1.01, 0.99, 1]);
    const loose = history([0.8, 1.2, 0.85, 1.25, 0.82, 1.18, 0.84, 1]);

    const flagged = compare(tight, scaleResult(latestOf(tight), 1.2, LATER));
    assert.equal(flagged.kind, 'regression', flagged.reason);
    for (const cell of gatedCells(flagged)) {
      assert.equal(cell.historyRuns, 8);
      assert.equal(cell.checks.beyondHistory, true);
      assert.ok(cell.predictionLimitRatio !== null && cell.predictionLimitRatio < 1.2);
    }

    // Within the history's own run-to-run noise: a pass, with a note — not "inconclusive".
    const suppressed = compare(loose, scaleResult(latestOf(loose), 1.2, LATER));
    assert.equal(suppressed.kind, 'pass', suppressed.reason);
    assert.ok(
      suppressed.notes.some((n) => /within the run-to-run noise of the history, so passed/.test(n)),
    );
    for (const cell of gatedCells(suppressed)) {
      assert.equal(cell.regression, false);
      assert.equal(cell.status, 'pass');
      // (a)–(c) hold: the run really is slower than the latest baseline run …
      assert.deepEqual(
        [cell.checks.slowdown, cell.checks.ciAboveOne, cell.checks.significant],
        [true, true, true],
      );
      // … but not beyond how much this cell moves between runs.
      assert.equal(cell.checks.beyondHistory, false);
      assert.ok(cell.predictionLimitRatio !== null && cell.predictionLimitRatio > 1.2);
    }
  });

  it('applies Holm across the gated cells (pAdjusted = Holm of the raw one-sided p values)', () => {
    const b = oneRun();
    // Mixed shifts so the p values differ: some cells slower, some not.
    const current = syntheticResult({
      seed: 77,
      workloads: DEFAULT_WORKLOADS.map((w, i) => ({
        ...w,
        cells: w.cells.map((c, j) => ({
          ...c,
          medianNs: c.medianNs * [1.0, 1.03, 1.04, 1.02][i * 2 + j]!,
        })),
      })),
    });
    for (const gate of ['all', 'deployed'] as const) {
      const c = compare(b, current, { gate });
      assert.ok(c.kind !== 'no-baseline');
      const gated = c.cells.filter((x) => x.gated);
      const raw = gated.map((x) => x.pValue!);
      assert.deepEqual(
        gated.map((x) => x.pAdjusted),
        holmReference(raw),
      );
      if (gate === 'all') assert.equal(gated.length, 4);
      else assert.equal(gated.length, 3); // 256² at 2 threads (both), 1×4096² at 1 (rec.) and 2 (fastest)
    }
  });

  it('gate "deployed" gates the recommended and fastest thread counts, and reports every cell', () => {
    const b = oneRun();
    const c = compare(b, draw(900), { gate: 'deployed' });
    assert.ok(c.kind !== 'no-baseline');
    assert.equal(c.cells.length, 4);
    const byKey = new Map(c.cells.map((x) => [`${x.workload}@${x.threads}`, x]));
    assert.deepEqual(byKey.get('matmul:256x256x256@2')?.gatedAs, ['recommended', 'fastest']);
    assert.equal(byKey.get('matmul:256x256x256@1')?.gated, false);
    assert.deepEqual(byKey.get('matmul:1x4096x4096@1')?.gatedAs, ['recommended']);
    assert.deepEqual(byKey.get('matmul:1x4096x4096@2')?.gatedAs, ['fastest']);
  });

  it('gate "deployed" does not fail the build on a slowdown of a cell nobody deploys; the default gates it', () => {
    const b = oneRun();
    const slow = latestOf(b);
    const current: Result = {
      ...slow,
      workloads: slow.workloads.map((w) =>
        w.id === 'matmul:256x256x256'
          ? { ...w, points: w.points.map((p) => (p.threads === 1 ? scalePoint(p, 1.5) : p)) }
          : w,
      ),
    };
    const deployed = compare(b, current, { gate: 'deployed' });
    assert.equal(deployed.kind, 'pass');
    const cell =
      deployed.kind === 'pass'
        ? deployed.cells.find((x) => x.threads === 1 && x.workload.includes('256'))
        : undefined;
    assert.equal(cell?.status, 'regression');
    assert.equal(cell?.regression, false);
    assert.equal(compare(b, current, { gate: 'all' }).kind, 'regression');
    assert.equal(compare(b, current).kind, 'regression');
  });

  it('is inconclusive, not a regression, when a slow cell has too few samples to test', () => {
    const b = history([1], 5);
    const few = syntheticResult({ seed: 8, samples: 3, workloads: DEFAULT_WORKLOADS });
    const c = compare(b, scaleResult(few, 1.3));
    assert.equal(c.kind, 'inconclusive');
    assert.ok(gatedCells(c).every((x) => x.ci95 === null && x.pValue === null && !x.regression));
  });

  it('is deterministic (seeded bootstrap)', () => {
    const b = oneRun();
    const cur = draw(31);
    assert.deepEqual(
      toComparisonJson(compareResults(b, cur)),
      toComparisonJson(compareResults(b, cur)),
    );
  });
});

describe('no-baseline', () => {
  it('when nothing is stored', () => {
    const c = compare(null, draw(1));
    assert.equal(c.kind, 'no-baseline');
    assert.match(c.reason, /no baseline/);
    assert.equal(toComparisonJson(c).maxSlowdown, null);
  });

  it('when the machine differs, listing the fields; force compares anyway', () => {
    const b = oneRun();
    const other = syntheticResult({
      seed: 3,
      workloads: DEFAULT_WORKLOADS,
      machine: {
        cpuModel: 'Intel(R) Xeon(R) Platinum 8370C CPU @ 2.80GHz',
        availableCpus: 4,
        logicalCpus: 4,
        physicalCores: 2,
      },
    });
    const c = compare(b, other);
    assert.equal(c.kind, 'no-baseline');
    assert.deepEqual(
      c.machineDifferences.map((d) => d.field),
      ['cpuModel', 'availableCpus', 'physicalCores'],
    );
    assert.match(c.reason, /cpuModel "AMD EPYC 7763 64-Core Processor" \(baseline\) ≠ "Intel/);
    assert.match(c.reason, /availableCpus 2 \(baseline\) ≠ 4/);

    const forced = compare(b, other, { force: true });
    assert.equal(forced.kind, 'pass');
    assert.ok(forced.kind === 'pass' && forced.forced);
    assert.match(forced.notes.join('\n'), /forced/);
    assert.equal(toComparisonJson(forced).forced, true);
  });

  it('when no workload is in common, naming both sides', () => {
    const b = oneRun();
    const c = compare(
      b,
      draw(4, [{ id: 'matmul:64x64x64', cells: [{ threads: 1, medianNs: 9_000 }] }]),
    );
    assert.equal(c.kind, 'no-baseline');
    assert.match(c.reason, /no workload in common.*matmul:256x256x256.*matmul:64x64x64/);
  });
});

describe('workload identity', () => {
  it('compares a workload whose content changed by name, and flags it', () => {
    const withHash = (h: string) => DEFAULT_WORKLOADS.map((w) => ({ ...w, contentHash: h }));
    const b: LoadedBaseline = {
      document: mergeRun(null, draw(1, withHash('sha256:aaaa'))).baseline,
      source: 'test',
      notes: [],
    };
    const c = compare(b, draw(2, withHash('sha256:bbbb')));
    assert.equal(c.kind, 'pass');
    assert.ok(c.kind === 'pass' && c.cells.every((x) => x.contentChanged));
    assert.match(c.notes.join('\n'), /content changed/);
  });

  it('reports workloads only on one side', () => {
    const b = oneRun();
    const c = compare(b, draw(6, [DEFAULT_WORKLOADS[0]!]));
    assert.ok(c.kind !== 'no-baseline');
    assert.deepEqual(c.workloadsOnlyInBaseline, ['matmul:1x4096x4096']);
  });
});

/** Holm (1979), written out independently of src/stats: R `p.adjust(p, "holm")`. */
function holmReference(p: readonly number[]): number[] {
  const m = p.length;
  const order = p.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(m);
  let max = 0;
  order.forEach(([v, i], rank) => {
    max = Math.max(max, Math.min(1, (m - rank) * v));
    out[i] = max;
  });
  return out;
}

function scalePoint<
  P extends { samplesNs: readonly number[]; medianNs: number; ci95Ns: readonly [number, number] },
>(p: P, f: number): P {
  return {
    ...p,
    samplesNs: p.samplesNs.map((s) => s * f),
    medianNs: p.medianNs * f,
    ci95Ns: [p.ci95Ns[0] * f, p.ci95Ns[1] * f],
  };
}
