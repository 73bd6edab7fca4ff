/**
 * The history as a person reads it (src/analysis/trend.ts): the gated cells' series for the trend
 * chart, and the thread count the history recommends against this run's.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { compareResults } from '../src/analysis/compare.js';
import { historyRecommendation, trendSeries } from '../src/analysis/trend.js';
import { parseBaselineFile, parseResultFile } from '../src/contract/documents.js';
import type { BaselineDocument } from '../src/contract/schema.js';
import { renderMarkdown } from '../src/report/markdown.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures/baseline');
const read = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const history = parseBaselineFile(read('history-main.json'), 'history-main.json').document;
const current = parseResultFile(read('current-regressed.json'), 'current-regressed.json', '');

/** The history with every run's cells of `id` set to `byThreads` (ns). */
function withCells(
  doc: BaselineDocument,
  id: string,
  byThreads: Record<number, number>[],
): BaselineDocument {
  return {
    ...doc,
    runs: doc.runs.map((run, i) => ({
      ...run,
      workloads: run.workloads.map((w) =>
        w.id !== id
          ? w
          : {
              ...w,
              points: w.points.map((p) => ({
                ...p,
                medianNs: byThreads[i % byThreads.length]![p.threads] ?? p.medianNs,
              })),
            },
      ),
    })),
  };
}

describe('trendSeries', () => {
  it('one series per gated cell: the history’s runs, then this run, change points mapped', () => {
    const comparison = compareResults({ document: history, source: 'h', notes: [] }, current);
    assert.ok(comparison.kind !== 'no-baseline');
    const gated = comparison.cells.filter((c) => c.gated);
    const series = trendSeries(history, current, comparison, [
      { workload: gated[0]!.workload, threads: gated[0]!.threads, index: 2 },
    ]);
    assert.equal(series.length, Math.min(4, gated.length));
    const first = series[0]!;
    assert.equal(first.points.length, history.runs.length + 1);
    assert.equal(first.points.at(-1)!.current, true);
    assert.equal(first.points.at(-1)!.createdAt, current.createdAt);
    const stored = history.runs[0]!.workloads.find((w) => w.id === first.workload)!;
    assert.equal(
      first.points[0]!.medianNs,
      stored.points.find((p) => p.threads === first.threads)!.medianNs,
    );
    assert.deepEqual(first.changes, [2]);
    assert.deepEqual(series[1]?.changes ?? [], []);
  });

  it('does not draw this run twice when the history already holds it (a push that saved)', () => {
    const saved = {
      ...history,
      runs: [
        ...history.runs.slice(0, -1),
        { ...history.runs.at(-1)!, createdAt: current.createdAt },
      ],
    };
    const series = trendSeries(saved, current, null);
    assert.ok(series.length > 0);
    for (const s of series) {
      assert.equal(s.points.length, saved.runs.length);
      assert.equal(s.points.filter((p) => p.createdAt === current.createdAt).length, 1);
    }
  });
});

describe('historyRecommendation', () => {
  const id = current.workloads[0]!.id;
  const threads = current.workloads[0]!.points.map((p) => p.threads);

  it('takes the fewest threads within tolerance in each run and the most frequent of them', () => {
    // In every run, 2 threads is within 5 % of the fastest (4 threads); 1 thread is not.
    const cells = Object.fromEntries(threads.map((t) => [t, t === 1 ? 1000 : t === 2 ? 520 : 500]));
    const doc = withCells(history, id, [cells]);
    const advice = historyRecommendation(doc, current, 0.05).find((a) => a.workload === id)!;
    assert.equal(advice.threads, threads.includes(2) ? 2 : threads[0]);
    assert.equal(advice.agreeing, advice.runs);
    assert.equal(advice.runs, Math.min(10, doc.runs.length));
  });

  it('one odd run does not flip the advice, and the comment says when this run differs', () => {
    const steady = Object.fromEntries(threads.map((t) => [t, t === 1 ? 1000 : 500]));
    const odd = Object.fromEntries(threads.map((t) => [t, t === 1 ? 400 : 500]));
    const doc = withCells(history, id, [steady, steady, odd]);
    const advice = historyRecommendation(doc, current, 0.05).find((a) => a.workload === id)!;
    assert.notEqual(advice.threads, 1);
    assert.ok(advice.agreeing < advice.runs && advice.agreeing > advice.runs / 2);
    const differing = { ...advice, current: advice.threads === 2 ? 1 : 2 };
    const md = renderMarkdown(current, null, { historyAdvice: [differing] });
    assert.match(
      md,
      /the history recommends \d+ threads? \(\d+ of its last \d+ runs\); \*\*this run's answer, \d+ threads?, differs\*\*/,
    );
    assert.match(
      renderMarkdown(current, null, { historyAdvice: [advice] }),
      /this run agrees|differs/,
    );
  });

  it('says nothing with fewer than three runs', () => {
    const short = { ...history, runs: history.runs.slice(0, 2) };
    assert.deepEqual(historyRecommendation(short, current, 0.05), []);
  });
});
