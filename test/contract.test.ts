/**
 * The data contract (src/contract): one schema per document, from which the published
 * schema/*.json are generated. Checked here: the files are fresh; what threadgate writes passes
 * both the contract and the published JSON Schema under an independent validator (ajv); hostile
 * changes are refused by both; and the enum lists appear once, as the contract says them.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { compareResults } from '../src/analysis/compare.js';
import { toComparisonJson } from '../src/analysis/comparison-json.js';
import {
  parseBaselineFile,
  parseComparisonFile,
  parseResultFile,
} from '../src/contract/documents.js';
import {
  CELL_STATUSES,
  FINGERPRINT_FIELD_NAMES,
  GATE_MODES,
  VERDICTS,
  WORKLOAD_KINDS,
} from '../src/contract/limits.js';
import { generated } from '../scripts/schema.js';
import { ROOT } from './support/cli.js';
import { schemaErrors } from './support/schema.js';

const FIXTURES = path.join(ROOT, 'test/fixtures/baseline');
const text = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const history = parseBaselineFile(text('history-main.json'), 'history-main.json').document;
const current = parseResultFile(text('current-regressed.json'), 'current-regressed.json', '');
const comparison = toComparisonJson(
  compareResults({ document: history, source: 'file h', notes: [] }, current),
);

type Doc = Record<string, unknown>;
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('the published schemas come from the contract', () => {
  it('schema/*.json are what scripts/schema.ts generates', () => {
    for (const [file, textOf] of Object.entries(generated())) {
      assert.equal(
        readFileSync(path.join(ROOT, 'schema', file), 'utf8'),
        textOf,
        `schema/${file} is stale: run npm run schema`,
      );
    }
  });

  it('carry the contract’s enum lists and limits', () => {
    const results = JSON.parse(generated()['results.schema.json']!) as {
      properties: { workloads: { items: { properties: { kind: { enum: string[] } } } } };
    };
    assert.deepEqual(results.properties.workloads.items.properties.kind.enum, [...WORKLOAD_KINDS]);
    const cmp = JSON.parse(generated()['comparison.schema.json']!) as {
      properties: Record<
        string,
        { enum?: string[]; properties?: Record<string, { enum?: string[] }> }
      >;
    };
    assert.deepEqual(cmp.properties['verdict']!.enum, [...VERDICTS]);
    assert.deepEqual(cmp.properties['settings']!.properties!['gate']!.enum, [...GATE_MODES]);
    const cell = (
      cmp.properties['cells'] as unknown as {
        items: { properties: Record<string, { enum?: string[] }> };
      }
    ).items.properties;
    assert.deepEqual(cell['status']!.enum, [...CELL_STATUSES]);
    const diff = (
      cmp.properties['machineDifferences'] as unknown as {
        items: { properties: Record<string, { enum?: string[] }> };
      }
    ).items.properties;
    assert.deepEqual(diff['field']!.enum, [...FINGERPRINT_FIELD_NAMES]);
  });
});

describe('the contract and the published JSON Schema agree', () => {
  it('on what threadgate writes: a results file, a history, a comparison', () => {
    assert.deepEqual(schemaErrors('results.schema.json', current), []);
    assert.deepEqual(schemaErrors('baseline.schema.json', history), []);
    assert.deepEqual(schemaErrors('comparison.schema.json', comparison), []);
    const back = parseComparisonFile(JSON.stringify(comparison), 'c.json', '--comparison');
    assert.equal(back.kind, comparison.verdict);
  });

  const hostile: [string, (d: Doc) => void, RegExp][] = [
    ['a negative median', (d) => (point(d)['medianNs'] = -1), /medianNs" is number -1/],
    ['a fractional thread count', (d) => (point(d)['threads'] = 1.5), /threads" is number 1\.5/],
    [
      'an unknown kind',
      (d) => (workload(d)['kind'] = 'python'),
      /kind" is the string "python"; expected one of "matmul", "model", "command"/,
    ],
    ['a string for a number', (d) => (point(d)['medianNs'] = '5'), /medianNs" is the string "5"/],
    [
      'a missing machine field',
      (d) => delete (d['machine'] as Doc)['os'],
      /missing the field "machine\.os"/,
    ],
    [
      'a bad fingerprint',
      (d) => ((d['machine'] as Doc)['fingerprint'] = 'XYZ'),
      /fingerprint" is the string "XYZ"; expected 16 lowercase/,
    ],
    [
      'an empty sample list',
      (d) => (point(d)['samplesNs'] = []),
      /samplesNs" is an array of 0 entries/,
    ],
  ];
  for (const [what, change, message] of hostile) {
    it(`on a results file with ${what}: both refuse`, () => {
      const doc = clone(current) as unknown as Doc;
      change(doc);
      assert.notDeepEqual(
        schemaErrors('results.schema.json', doc),
        [],
        'the JSON Schema refuses it',
      );
      assert.throws(() => parseResultFile(JSON.stringify(doc), 'r.json', '--current'), message);
    });
  }

  it('on a comparison with a verdict outside the list: both refuse', () => {
    const doc = { ...clone(comparison), verdict: 'maybe' };
    assert.notDeepEqual(schemaErrors('comparison.schema.json', doc), []);
    assert.throws(
      () => parseComparisonFile(JSON.stringify(doc), 'c.json', '--comparison'),
      /"verdict" is the string "maybe"; expected one of "pass", "regression", "inconclusive", "no-baseline"/,
    );
  });

  it('what one field says of another is the contract’s own check: a verdict its cells contradict', () => {
    const doc = { ...clone(comparison), verdict: 'pass' };
    // JSON Schema cannot say it; the contract's cross-field check does.
    assert.deepEqual(schemaErrors('comparison.schema.json', doc), []);
    assert.throws(
      () => parseComparisonFile(JSON.stringify(doc), 'c.json', '--comparison'),
      /"verdict" is the string "pass"; expected "regression", the verdict its cells give/,
    );
  });
});

function workload(d: Doc): Doc {
  return (d['workloads'] as Doc[])[0]!;
}
function point(d: Doc): Doc {
  return (workload(d)['points'] as Doc[])[0]!;
}
