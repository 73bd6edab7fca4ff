/**
 * Runner-speed normalization (src/analysis/normalize.ts): the stored gate reads each latency cell
 * relative to the run's reference cell, round by round, where this run, the baseline's newest run
 * and enough of the history have one. Seeded simulations with a known truth — a runner speed that
 * moves every cell of a run together, and a workload change that moves one cell only — show what
 * it changes; real sweeps show that the reference is measured in the rounds and kept out of the
 * workloads; thinning keeps older runs a day, then a week apart.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { compareResults, cellHistory, type CompareOptions } from '../src/analysis/compare.js';
import { toComparisonJson } from '../src/analysis/comparison-json.js';
import type { Comparison } from '../src/analysis/comparison.js';
import { REFERENCE_CELL, gateView } from '../src/analysis/normalize.js';
import { visitSummary } from '../src/analysis/visits.js';
import {
  isoWeek,
  mergeRun,
  thinRuns,
  type BaselineDocument,
  type BaselineRun,
} from '../src/baseline/history.js';
import { parseResultFile } from '../src/contract/documents.js';
import { runSweep } from '../src/pipeline/sweep-run.js';
import { renderComparison } from '../src/report/compare-terminal.js';
import { renderMarkdown } from '../src/report/markdown.js';
import type { Point, Result } from '../src/results/types.js';
import { mulberry32 } from '../src/stats/random.js';
import { RUNNER_MACHINE } from './fixtures/baseline/synthetic.js';
import { schemaErrors } from './support/schema.js';

const MODEL = 'model:mlp.onnx';

function normal(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

interface RunSpec {
  readonly seed: number;
  readonly day: number;
  /** The runner's speed this run: a factor on every cell and on the reference. */
  readonly runner: number;
  /** The workload's own change: a factor on the model's cells only. */
  readonly workload?: number;
  /** With a reference cell (default true). */
  readonly reference?: boolean;
}

/**
 * One run as a sweep records it: 16 rounds; each round's mood (the machine in that stretch, sd
 * 2 %) hits every cell of the round; each visit has its own noise (sd 1 %), each call 1 %.
 */
function run(spec: RunSpec): Result {
  const rand = mulberry32(spec.seed);
  const rounds = 16;
  const mood = Array.from({ length: rounds }, () => Math.exp(0.02 * normal(rand)));
  const point = (threads: number, ns: number): Point => {
    const samplesNs: number[] = [];
    const r: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const visit = ns * mood[i]! * Math.exp(0.01 * normal(rand));
      for (let c = 0; c < 3; c++) {
        samplesNs.push(Math.round(visit * Math.exp(0.01 * normal(rand))));
        r.push(i + 1);
      }
    }
    const v = visitSummary(samplesNs, r);
    return { threads, samplesNs, rounds: r, medianNs: v.medianNs, ci95Ns: v.ci95Ns };
  };
  const f = spec.runner * (spec.workload ?? 1);
  const points = [point(1, 2_000_000 * f), point(2, 1_100_000 * f)];
  return {
    schemaVersion: 1,
    tool: { name: 'threadgate', version: '1.0.0' },
    createdAt: new Date(Date.UTC(2026, 0, spec.day, 12)).toISOString(),
    machine: RUNNER_MACHINE,
    runtime: { onnxruntime: '1.30.0', node: 'v24.0.0' },
    settings: { maxTimeSec: 60, targetPrecision: 0.02, tolerance: 0.05, seed: spec.seed },
    overhead: null,
    workloads: [
      {
        id: MODEL,
        kind: 'model',
        label: 'mlp.onnx',
        points,
        fastest: { threads: 2 },
        recommended: { threads: 2 },
        contentHash: null,
      },
    ],
    ...((spec.reference ?? true)
      ? {
          reference: {
            id: REFERENCE_CELL.id,
            measured: 'added' as const,
            point: point(1, 480_000 * spec.runner),
          },
        }
      : {}),
    recommendation: { ompNumThreads: 2, ortIntraOpNumThreads: 2, basis: 'test' },
    elapsedSec: 30,
  };
}

/** A history of `n` runs whose runner speeds are exp(N(0, runnerSd²)). */
function history(n: number, runnerSd: number, seed: number, withReference = (_i: number) => true) {
  const rand = mulberry32(seed);
  let doc: BaselineDocument | null = null;
  for (let i = 0; i < n; i++) {
    const r = run({
      seed: seed * 100 + i,
      day: i + 1,
      runner: Math.exp(runnerSd * normal(rand)),
      reference: withReference(i),
    });
    doc = mergeRun(doc, r).baseline;
  }
  return { document: doc!, source: 'test', notes: [] as string[] };
}

function compare(
  b: ReturnType<typeof history>,
  current: Result,
  opts: CompareOptions = {},
): Comparison {
  const c = compareResults(b, current, opts);
  assert.deepEqual(schemaErrors('comparison.schema.json', toComparisonJson(c)), []);
  assert.ok(renderComparison(c).length > 0);
  return c;
}

describe('runner-speed normalization in the stored gate', () => {
  it('a run on a 30 % slower runner, workload unchanged: raw fails it, normalized passes', () => {
    // A quiet history (runner sd 2 %): raw, a whole run 30 % slower is far beyond the history's
    // spread, and every within-run check agrees — the within-run statistics cannot see the
    // runner. Relative to the reference of the same run and round, nothing changed.
    const h = history(10, 0.02, 7);
    const slowRunner = run({ seed: 991, day: 30, runner: 1.3 });
    const raw = compare(h, slowRunner, { normalize: 'none' });
    const normalized = compare(h, slowRunner);
    assert.equal(raw.kind, 'regression');
    assert.equal(normalized.kind, 'pass');
    assert.equal(normalized.normalization?.used, true);
    assert.ok(Math.abs(normalized.normalization!.runnerRatio! - 1.3) < 0.05);
    assert.equal(raw.normalization?.used, false);
    assert.match(raw.normalization!.reason, /normalize is none/);
    for (const c of normalized.cells) {
      assert.ok(c.rawRatio! > 1.2, `${c.threads}: raw ratio ${c.rawRatio}`);
      assert.ok(Math.abs(c.ratio - 1) < 0.05, `${c.threads}: normalized ratio ${c.ratio}`);
    }
  });

  it('a 25 % slower workload on a noisy fleet: raw passes it as noise, normalized catches it', () => {
    // Runner speeds vary by 15 % between runs: raw, the history's prediction limit is wide and a
    // real 25 % slowdown lies inside it. The reference moves with the runner, so relative to it
    // the history is quiet and the slowdown stands out.
    const h = history(12, 0.15, 11);
    const slower = run({ seed: 992, day: 30, runner: 1, workload: 1.25 });
    const raw = compare(h, slower, { normalize: 'none' });
    const normalized = compare(h, slower);
    assert.notEqual(raw.kind, 'regression');
    assert.equal(normalized.kind, 'regression');
    if (normalized.kind !== 'regression') return;
    assert.ok(normalized.regressions.every((c) => c.ratio > 1.15));
  });

  it('the report says which comparison was used', () => {
    const h = history(10, 0.02, 7);
    const c = compare(h, run({ seed: 993, day: 30, runner: 1.3 }));
    const current = run({ seed: 993, day: 30, runner: 1.3 });
    const md = renderMarkdown(current, c, {});
    assert.match(md, /normalized by the runner-speed reference matmul:256 @ 1/i);
    // Said where the reader looks first, too: the gate line above the folds.
    const gate = md.split('\n').find((l) => l.startsWith('**Gate:**'))!;
    assert.match(
      gate,
      /relative to the runner-speed reference matmul:256 @ 1 \(this runner took ×1\.\d\d/,
    );
    assert.ok(md.indexOf(gate) < md.indexOf('<details'), 'the gate line is outside the folds');
    assert.match(renderComparison(c), /normalized by the runner-speed reference/i);
    const raw = compare(h, current, { normalize: 'none' });
    assert.match(renderMarkdown(current, raw, {}), /compared as measured/i);
  });

  it('falls back to raw, saying why, without the numbers it needs', () => {
    const h = history(10, 0.02, 7);
    const noRef = compare(h, run({ seed: 994, day: 30, runner: 1, reference: false }));
    assert.equal(noRef.normalization?.used, false);
    assert.match(noRef.normalization!.reason, /this run has no reference cell/);
    // An older history: only the last 3 of 10 runs carry a reference (minHistory is 5).
    const old = history(10, 0.02, 8, (i) => i >= 7);
    const few = compare(old, run({ seed: 995, day: 30, runner: 1 }));
    assert.equal(few.normalization?.used, false);
    assert.match(few.normalization!.reason, /only 3 of the history's 10 runs have a reference/);
    const latestWithout = history(10, 0.02, 9, (i) => i < 9);
    const latest = compare(latestWithout, run({ seed: 996, day: 30, runner: 1 }));
    assert.match(latest.normalization!.reason, /newest run has no reference cell/);
  });

  it('the reference cell itself, when it is one of the run’s cells, is gated as measured', () => {
    const h = history(6, 0.02, 12);
    const current = run({ seed: 997, day: 30, runner: 1.3 });
    // Put the reference among the workloads too, as the built-in MatMul sweep has it.
    const asWorkload = (r: Result): Result => ({
      ...r,
      workloads: [
        ...r.workloads,
        {
          id: REFERENCE_CELL.id,
          kind: 'matmul',
          label: 'MatMul 256×256×256 (float32)',
          points: [r.reference!.point],
          fastest: { threads: 1 },
          recommended: { threads: 1 },
        },
      ],
      reference: { ...r.reference!, measured: 'in-run' },
    });
    let doc: BaselineDocument | null = null;
    for (const r of h.document.runs.map((_, i) => run({ seed: 1200 + i, day: i + 1, runner: 1 })))
      doc = mergeRun(doc, asWorkload(r)).baseline;
    const c = compare({ document: doc!, source: 'test', notes: [] }, asWorkload(current));
    assert.equal(c.normalization?.used, true);
    if (c.kind === 'no-baseline') return;
    const ref = c.cells.find((x) => x.workload === REFERENCE_CELL.id)!;
    assert.equal(ref.rawRatio, null);
    assert.ok(ref.ratio > 1.2, 'the reference itself shows the slower runner');
  });

  it('normalizes each sample by the reference visit of its own round', () => {
    // A run whose second half ran on a 2× slower stretch of the machine: raw, its visits
    // split into two levels; relative to the reference of the same rounds they are one level.
    const r = run({ seed: 5, day: 1, runner: 1 });
    const slowHalf = (p: Point): Point => {
      const samplesNs = p.samplesNs.map((x, i) => (p.rounds![i]! > 8 ? x * 2 : x));
      const v = visitSummary(samplesNs, p.rounds);
      return { ...p, samplesNs, medianNs: v.medianNs, ci95Ns: v.ci95Ns };
    };
    const bumped: Result = {
      ...r,
      workloads: r.workloads.map((w) => ({ ...w, points: w.points.map(slowHalf) })),
      reference: { ...r.reference!, point: slowHalf(r.reference!.point) },
    };
    const h = history(6, 0.02, 13);
    const view = gateView(h.document, bumped, 'auto', 5);
    const p = view.current.workloads[0]!.points[0]!;
    const v = visitSummary(p.samplesNs, p.rounds).medians;
    const spread = Math.max(...v) / Math.min(...v);
    assert.ok(spread < 1.15, `normalized visits within 15 %, got ×${spread.toFixed(3)}`);
  });
});

describe('older runs thinned', () => {
  const runAt = (iso: string): BaselineRun => ({
    createdAt: iso,
    workloads: [{ id: MODEL, points: [{ threads: 1, medianNs: 1e6 }] }],
  });

  it('keeps the newest N whole, then one a day for N days, then one a week for N weeks', () => {
    // Three runs a day for 200 days.
    const runs: BaselineRun[] = [];
    for (let d = 0; d < 200; d++)
      for (const h of [8, 12, 16])
        runs.push(runAt(new Date(Date.UTC(2026, 0, 1 + d, h)).toISOString()));
    const kept = thinRuns(runs, 20);
    assert.ok(kept.length <= 60, `bounded by 3 × keep, got ${kept.length}`);
    const whole = kept.filter((r) => r.kept === undefined);
    assert.deepEqual(
      whole.map((r) => r.createdAt),
      runs.slice(-20).map((r) => r.createdAt),
    );
    const daily = kept.filter((r) => r.kept === 'daily');
    assert.equal(daily.length, 20);
    assert.equal(new Set(daily.map((r) => r.createdAt.slice(0, 10))).size, 20);
    // Each kept day's run is that day's newest among the older runs.
    for (const r of daily) {
      const sameDay = runs
        .slice(0, -20)
        .filter((x) => x.createdAt.slice(0, 10) === r.createdAt.slice(0, 10));
      assert.equal(r.createdAt, sameDay[sameDay.length - 1]!.createdAt);
    }
    const weekly = kept.filter((r) => r.kept === 'weekly');
    assert.equal(weekly.length, 20);
    assert.equal(new Set(weekly.map((r) => isoWeek(r.createdAt))).size, 20);
    // Oldest first, as the history is.
    const times = kept.map((r) => Date.parse(r.createdAt));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => a - b),
    );
  });

  it('the gate reads only the runs kept whole; the change points read all', () => {
    const runs = Array.from({ length: 40 }, (_, d) =>
      runAt(new Date(Date.UTC(2026, 0, 1 + d)).toISOString()),
    );
    const kept = thinRuns(runs, 10);
    // 10 whole, 10 a day apart, and the older 20 a week apart.
    assert.equal(kept.filter((r) => r.kept === 'daily').length, 10);
    assert.ok(kept.filter((r) => r.kept === 'weekly').length >= 2);
    const doc = { runs: kept } as unknown as Parameters<typeof cellHistory>[0];
    assert.equal(cellHistory(doc, MODEL, 1).length, 10);
  });

  it('re-thinning a thinned history changes nothing (a run’s place depends on newer runs only)', () => {
    const runs = Array.from({ length: 90 }, (_, d) =>
      runAt(new Date(Date.UTC(2026, 0, 1 + Math.floor(d / 2), d % 2 ? 15 : 9)).toISOString()),
    );
    const once = thinRuns(runs, 10);
    assert.deepEqual(thinRuns(once, 10), once);
  });

  it('ISO weeks match the ISO 8601 calendar (values from Python’s date.isocalendar)', () => {
    assert.equal(isoWeek('2026-12-02T10:00:00Z'), '2026-W49');
    assert.equal(isoWeek('2021-01-03T10:00:00Z'), '2020-W53');
    assert.equal(isoWeek('2024-12-30T10:00:00Z'), '2025-W01');
    assert.equal(isoWeek('2026-01-01T10:00:00Z'), '2026-W01');
    assert.equal(isoWeek('2020-12-31T10:00:00Z'), '2020-W53');
  });
});

describe('the reference cell in a real sweep (onnxruntime-node)', () => {
  const model = path.resolve('test/fixtures/models/mlp.onnx');

  it('a model run measures the reference in its rounds, outside its workloads', async () => {
    const { result } = await runSweep({
      workload: { kind: 'model', path: model, inputShapes: { x: [8, 512] } },
      threads: [1, 2],
      maxTimeSec: 3,
      targetPrecision: 0.02,
      tolerance: 0.05,
      seed: 3,
    });
    assert.equal(result.workloads.length, 1);
    assert.match(result.workloads[0]!.id, /mlp\.onnx/);
    const ref = result.reference!;
    assert.equal(ref.id, REFERENCE_CELL.id);
    assert.equal(ref.measured, 'added');
    assert.equal(ref.point.threads, 1);
    // The same rounds as the model's cells: every round visited the reference too.
    const roundsOf = (p: Point) => [...new Set(p.rounds)];
    const cell = result.workloads[0]!.points[0]!;
    const common = roundsOf(cell).filter((r) => roundsOf(ref.point).includes(r));
    assert.ok(common.length >= roundsOf(cell).length - 1, 'the reference shares the rounds');
    // The file reads back through the contract.
    assert.doesNotThrow(() => parseResultFile(JSON.stringify(result), 'r.json', '--current'));
  });

  it('the built-in MatMul with 256² at 1 thread uses its own cell; normalize none measures none', async () => {
    const base = {
      threads: [1],
      maxTimeSec: 2,
      targetPrecision: 0.02,
      tolerance: 0.05,
      seed: 4,
    } as const;
    const own = await runSweep({
      ...base,
      workload: { kind: 'matmul', sizes: [{ m: 256, k: 256, n: 256 }] },
    });
    assert.equal(own.result.reference?.measured, 'in-run');
    assert.deepEqual(
      own.result.reference?.point.samplesNs,
      own.result.workloads[0]!.points[0]!.samplesNs,
    );
    const none = await runSweep({
      ...base,
      workload: { kind: 'matmul', sizes: [{ m: 64, k: 64, n: 64 }] },
      normalize: 'none',
    });
    assert.equal(none.result.reference, undefined);
  });
});
