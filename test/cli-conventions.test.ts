/**
 * The CLI's conventions (issue 21, item 2), as real processes of the built CLI: a same-job
 * sweep's comparison reported by `threadgate report`.
 */
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ComparisonJson } from '../src/analysis/comparison-json.js';
import type { Result } from '../src/results/types.js';
import { runCli } from './support/cli.js';

const MODEL = path.join(import.meta.dirname, 'fixtures/models/mlp.onnx');
const FIXTURES = path.join(import.meta.dirname, 'fixtures/baseline');
const fx = (name: string) => path.join(FIXTURES, name);

let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'threadgate-conventions-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the README’s same-job flow ends with a report', () => {
  it('sweep --baseline-model … --json r.json --comparison-json c.json, then report --comparison c.json: exit 0, the same-job verdict', async () => {
    const base = path.join(dir, 'model-main.onnx');
    await copyFile(MODEL, base);
    const results = path.join(dir, 'sj-results.json');
    const comparison = path.join(dir, 'sj-comparison.json');
    const sweep = await runCli([
      'sweep',
      '--model',
      MODEL,
      '--baseline-model',
      base,
      '--input-shape',
      'x=8x512',
      '--threads',
      '1,2',
      '--max-time',
      '3',
      '--seed',
      '4',
      '--quiet',
      '--json',
      results,
      '--comparison-json',
      comparison,
    ]);
    assert.ok(sweep.code === 0 || sweep.code === 1, `a verdict, not an error: ${sweep.stderr}`);
    const report = await runCli(['report', '--current', results, '--comparison', comparison]);
    assert.equal(report.code, 0, report.stderr);
    assert.match(report.stdout, /\*\*Gate:\*\* the base measured in this job \(model /);
    assert.match(report.stdout, /baseline measured in the same job, interleaved/);
    const c = JSON.parse(await readFile(comparison, 'utf8')) as ComparisonJson;
    const r = JSON.parse(await readFile(results, 'utf8')) as Result;
    assert.equal(c.current.createdAt, r.createdAt, 'one run, one time stamp');
  });

  it('the stored flow still works: compare --json c.json, then report --comparison c.json', async () => {
    const comparison = path.join(dir, 'stored-comparison.json');
    const compare = await runCli([
      'compare',
      '--baseline',
      fx('history-main.json'),
      '--current',
      fx('current-regressed.json'),
      '--json',
      comparison,
    ]);
    assert.equal(compare.code, 1, compare.stderr);
    const report = await runCli([
      'report',
      '--current',
      fx('current-regressed.json'),
      '--comparison',
      comparison,
    ]);
    assert.equal(report.code, 0, report.stderr);
    assert.match(report.stdout, /regression/i);
  });
});
