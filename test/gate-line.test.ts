/**
 * The comment's Gate line states the bar each gated cell was really held to: compare.ts decides
 * the cold-start bar per cell (no usable history for that cell), not from the history's length.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareResults } from '../src/analysis/compare.js';
import { mergeRun } from '../src/baseline/history.js';
import type { BaselineDocument } from '../src/baseline/history.js';
import { gateLine } from '../src/report/markdown.js';
import { syntheticResult, type WorkloadSpec } from './fixtures/baseline/synthetic.js';

const MACHINE = { logicalCpus: 4, availableCpus: 4, physicalCores: 4 };
const spec = (threads: readonly number[]): WorkloadSpec[] => [
  { id: 'matmul:256', cells: threads.map((t) => ({ threads: t, medianNs: 1e6 / t })) },
];
const run = (seed: number, threads: readonly number[]) =>
  syntheticResult({
    seed,
    workloads: spec(threads),
    machine: MACHINE,
    createdAt: `2025-06-${String(seed).padStart(2, '0')}T10:00:00.000Z`,
  });

/** `runs` runs of history; the last `withFour` of them also measured 4 threads. */
function history(runs: number, withFour = 0): BaselineDocument {
  let doc: BaselineDocument | null = null;
  for (let i = 1; i <= runs; i++) {
    doc = mergeRun(doc, run(i, i > runs - withFour ? [1, 2, 4] : [1, 2])).baseline;
  }
  return doc!;
}

const line = (runs: number, withFour = 0) =>
  gateLine(
    compareResults(
      { document: history(runs, withFour), source: 'test cache', notes: [] },
      run(20, withFour > 0 ? [1, 2, 4] : [1, 2]),
    ),
    {},
  );

test('one run of history: every gated cell is held to the cold-start bar, and the line says so', () => {
  assert.match(
    line(1),
    /fails at a slowdown of 25 % or more \(the cold-start bar, without a usable history: fewer than 5 runs, or no spread; 15 % from then on\)/,
  );
});

test('six runs of history: the threshold, with no cold-start bar', () => {
  const text = line(6);
  assert.match(
    text,
    /6 runs of history\); a gated cell fails at a slowdown of 15 % or more beyond/,
  );
  assert.doesNotMatch(text, /cold-start/);
});

test('six runs of history, but a thread count measured in only the last 3: that cell alone gets the cold-start bar', () => {
  // The line used to derive the bar from the history's length and said 15 % for every cell.
  assert.match(
    line(6, 3),
    /fails at a slowdown of 15 % or more \(25 %, the cold-start bar, for 1 of the 3 cells without a usable history: fewer than 5 runs, or no spread\)/,
  );
});
