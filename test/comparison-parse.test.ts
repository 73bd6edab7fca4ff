/**
 * Reading a comparison JSON back through the contract (src/contract): what threadgate writes reads
 * back as the same Comparison; hostile files are refused with a message naming the field, the
 * value and the expected form; sizes are capped.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { compareResults, type Comparison } from '../src/analysis/compare.js';
import { parseComparisonFile, readComparisonFile } from '../src/contract/documents.js';
import { LIMITS } from '../src/contract/limits.js';

const COMPARISON_CELL_LIMIT = LIMITS.cells;
const COMPARISON_FILE_LIMIT = LIMITS.comparisonBytes;
const COMPARISON_STRING_LIMIT = LIMITS.idChars;
import { toComparisonJson } from '../src/analysis/comparison-json.js';
import { parseBaselineFile, parseResultFile } from '../src/contract/documents.js';
import { InputError } from '../src/errors.js';
import { schemaErrors } from './support/schema.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures/baseline');
const read = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const history = parseBaselineFile(read('history-main.json'), 'history-main.json').document;
const result = (name: string) => parseResultFile(read(name), name, '--current');
const loaded = { document: history, source: 'file history-main.json', notes: [] };

const comparisons: [string, Comparison][] = [
  ['regression', compareResults(loaded, result('current-regressed.json'))],
  ['pass', compareResults(loaded, result('current-same.json'))],
  // One run of history: a 1 % threshold is crossed, the cold-start bar (25 %) is not.
  [
    'inconclusive',
    compareResults(
      { ...loaded, document: { ...history, runs: history.runs.slice(-1) } },
      result('current-same.json'),
      { threshold: 0.01 },
    ),
  ],
  ['no-baseline (another machine)', compareResults(loaded, result('current-other-machine.json'))],
  ['no-baseline (none stored)', compareResults(null, result('current-same.json'))],
];

const json = (c: Comparison) =>
  JSON.parse(JSON.stringify(toComparisonJson(c))) as Record<string, unknown>;
const parse = (value: unknown) =>
  parseComparisonFile(
    typeof value === 'string' ? value : JSON.stringify(value),
    'c.json',
    '--comparison',
  );

function rejects(value: unknown, pattern: RegExp): void {
  assert.throws(
    () => parse(value),
    (e: unknown) => {
      assert.ok(e instanceof InputError, String(e));
      assert.match(e.message, /^--comparison c\.json: /);
      assert.match(e.message, pattern);
      assert.ok(!e.message.includes('\n'), 'one line');
      return true;
    },
  );
}

describe('parseComparisonFile', () => {
  for (const [what, comparison] of comparisons) {
    it(`reads back what threadgate writes: ${what}`, () => {
      const doc = json(comparison);
      assert.deepEqual(schemaErrors('comparison.schema.json', doc), []);
      assert.equal(doc['verdict'], what.split(' ')[0]);
      assert.deepEqual(parse(doc), comparison);
    });
  }

  it('fills the optional fields the report does not show, and requires the ones it shows', () => {
    const c = json(comparisons[0]![1]);
    const without = (o: unknown, keys: readonly string[]) =>
      Object.fromEntries(Object.entries(o as object).filter(([k]) => !keys.includes(k)));
    const optional = ['checks', 'gatedAs', 'historyRuns', 'predictionLimitRatio', 'contentChanged'];
    const cells = (c['cells'] as unknown[]).map((cell) => without(cell, optional));
    const settings = without(c['settings'], ['seed', 'resamples']);
    const minimal = { ...c, cells, settings, notes: undefined, machineDifferences: undefined };
    assert.deepEqual(
      schemaErrors('comparison.schema.json', JSON.parse(JSON.stringify(minimal))),
      [],
    );
    const back = parse(minimal);
    assert.equal(back.kind, 'regression');
    assert.deepEqual(back.notes, []);
    assert.deepEqual(back.changes, []); // a file from before change points
    if (back.kind !== 'regression') return;
    assert.equal(back.cells[0]!.historyRuns, 0);
    assert.deepEqual(back.cells[0]!.gatedAs, []);

    const noColdStart = without(settings, ['coldStartThreshold']);
    rejects(
      { ...minimal, settings: noColdStart },
      /is missing the field "settings\.coldStartThreshold"/,
    );
  });

  const CHANGE = {
    workload: 'matmul:256x256x256',
    threads: 2,
    index: 12,
    createdAt: '2026-03-13T00:00:00.000Z',
    sha: 'abc1234def5678abc1234def5678abc1234def56',
    ratio: 1.09,
    ci: [1.05, 1.12],
  };

  it('reads back the change points of the history', () => {
    const doc = { ...json(comparisons[0]![1]), changes: [CHANGE, { ...CHANGE, sha: null }] };
    assert.deepEqual(schemaErrors('comparison.schema.json', doc), []);
    const back = parse(doc);
    assert.deepEqual(back.changes, [CHANGE, { ...CHANGE, sha: null }]);
    assert.deepEqual(toComparisonJson(back).changes, doc.changes);
  });

  const base = () => json(comparisons[0]![1]);
  const cell0 = (c: Record<string, unknown>, patch: Record<string, unknown>) => ({
    ...c,
    cells: (c['cells'] as Record<string, unknown>[]).map((x, i) =>
      i === 0 ? { ...x, ...patch } : x,
    ),
  });
  const cases: [string, () => unknown, RegExp][] = [
    ['an array', () => [], /is not a threadgate file \(the JSON is an array of 0, not an object\)/],
    [
      'schemaVersion 2',
      () => ({ ...base(), schemaVersion: 2 }),
      /has schemaVersion number 2, which this threadgate does not know/,
    ],
    [
      'an unknown verdict',
      () => ({ ...base(), verdict: 'fine' }),
      /"verdict" is the string "fine"; expected one of "pass", "regression"/,
    ],
    [
      'a negative ratio',
      () => cell0(base(), { ratio: -1 }),
      /"cells\[0\]\.ratio" is number -1; expected a finite number > 0/,
    ],
    [
      'a zero median',
      () => cell0(base(), { baselineMedianNs: 0 }),
      /"cells\[0\]\.baselineMedianNs" is number 0; expected a finite number > 0/,
    ],
    [
      'a p above 1',
      () => cell0(base(), { pAdjusted: 1.5 }),
      /"cells\[0\]\.pAdjusted" is number 1\.5; expected a number from 0 to 1, or null/,
    ],
    [
      'a reversed CI',
      () => cell0(base(), { ci95: [1.2, 1.1] }),
      /"cells\[0\]\.ci95" is \[1\.2, 1\.1\]; expected \[lo, hi\] with lo ≤ hi/,
    ],
    [
      'a reversed change-point CI',
      () => ({ ...base(), changes: [{ ...CHANGE, ci: [1.2, 1.1] }] }),
      /"changes\[0\]\.ci" is \[1\.2, 1\.1\]; expected \[lo, hi\] with lo ≤ hi/,
    ],
    [
      'a negative change-point index',
      () => ({ ...base(), changes: [{ ...CHANGE, index: -1 }] }),
      /"changes\[0\]\.index" is number -1; expected a non-negative integer/,
    ],
    [
      'fractional threads',
      () => cell0(base(), { threads: 1.5 }),
      /"cells\[0\]\.threads" is number 1\.5; expected an integer from 1/,
    ],
    [
      'a string for threads',
      () => cell0(base(), { threads: '1' }),
      /"cells\[0\]\.threads" is the string "1"; expected an integer/,
    ],
    [
      'an ungated regression',
      () => cell0(base(), { gated: false }),
      /"cells\[0\]\.regression" is boolean true; expected false \(gated and status "regression"\)/,
    ],
    [
      'a confidence of 1',
      () => ({ ...base(), settings: { ...(base()['settings'] as object), confidence: 1 } }),
      /"settings\.confidence" is number 1; expected a number between 0 and 1/,
    ],
    [
      'an unknown gate',
      () => ({ ...base(), settings: { ...(base()['settings'] as object), gate: 'some' } }),
      /"settings\.gate" is the string "some"; expected one of "deployed", "all"/,
    ],
    [
      'a note that is a number',
      () => ({ ...base(), notes: [1] }),
      /"notes\[0\]" is number 1; expected a string/,
    ],
    [
      'an unknown machine field',
      () => ({
        ...base(),
        machineDifferences: [{ field: 'hostname', baseline: 'a', current: 'b' }],
      }),
      /"machineDifferences\[0\]\.field" is the string "hostname"; expected one of "os"/,
    ],
    [
      'cells on a no-baseline verdict',
      () => ({ ...base(), verdict: 'no-baseline' }),
      /"cells" is 4 cells; expected no cells with the verdict "no-baseline"/,
    ],
    [
      'no baseline on a regression',
      () => ({ ...base(), baseline: null }),
      /"baseline" is null; expected a baseline object with the verdict "regression"/,
    ],
    [
      'no gated cell',
      () => ({ ...base(), cells: [] }),
      /"cells" is without a gated cell; expected at least one gated cell/,
    ],
    [
      'an over-long string',
      () => ({ ...base(), reason: 'x'.repeat(COMPARISON_STRING_LIMIT + 1) }),
      new RegExp(
        `"reason" is ${COMPARISON_STRING_LIMIT + 1} characters long; expected a string of at most ${COMPARISON_STRING_LIMIT}`,
      ),
    ],
    [
      'too many cells',
      () => ({
        ...base(),
        cells: new Array(COMPARISON_CELL_LIMIT + 1).fill((base()['cells'] as unknown[])[0]),
      }),
      new RegExp(
        `"cells" is an array of ${COMPARISON_CELL_LIMIT + 1} entries; expected an array of at most ${COMPARISON_CELL_LIMIT}`,
      ),
    ],
  ];
  for (const [what, value, pattern] of cases) {
    it(`refuses ${what}`, () => rejects(value(), pattern));
  }

  it('refuses a file over the size limit before reading it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'threadgate-cmp-'));
    try {
      const big = path.join(dir, 'big.json');
      await writeFile(big, ' '.repeat(COMPARISON_FILE_LIMIT + 1));
      await assert.rejects(
        readComparisonFile(big, '--comparison'),
        new RegExp(
          `--comparison \\S+big\\.json: is ${COMPARISON_FILE_LIMIT + 1} bytes; expected a comparison JSON file of at most ${COMPARISON_FILE_LIMIT} bytes`,
        ),
      );
      await assert.rejects(
        readComparisonFile(dir, '--comparison'),
        /is a directory; expected a comparison JSON file/,
      );
      await assert.rejects(
        readComparisonFile(path.join(dir, 'no.json'), '--comparison'),
        /no\.json: file not found/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
