/**
 * One settings reader (src/settings/reader.ts) behind both shells (issue 21): the CLI's flags and
 * the action's inputs reach the same SweepSettings, and a rule between settings gives the same
 * error in both, naming the setting as each user writes it (`--metric` / `metric`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { readActionSettings } from '../src/action/inputs.js';
import { sweepSettingsFromFlags } from '../src/cli/sweep.js';
import { ROOT } from './support/cli.js';

const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
};
const cpus = { availableCpus: 2, logicalCpus: 2 };

/** The action with these inputs set, every other input at its action.yml default (as a runner). */
function fromInputs(over: Record<string, string>) {
  return readActionSettings((n) => over[n] ?? action.inputs[n]?.default ?? '', cpus).sweep;
}

/** The CLI with the same settings as flags: `{ metric: 'x' }` → `--metric x`. */
function fromFlags(over: Record<string, string>) {
  const flag: Record<string, string> = {
    'input-shapes': 'input-shape',
    'input-values': 'input-value',
  };
  return sweepSettingsFromFlags(Object.entries(over).flatMap(([k, v]) => [`--${flag[k] ?? k}`, v]));
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
  return 'no error';
}

test('each rule between settings: the same error from flags and from inputs, each naming its own', () => {
  const cases: Record<string, string>[] = [
    { model: 'a.onnx', command: 'true' },
    { command: 'true', worker: 'python3 w.py' },
    { sizes: '64', command: 'true' },
    { 'metric-unit': 's' },
    { command: 'true', 'metric-unit': 's' },
    { worker: 'python3 w.py', metric: 'ms=(\\d+)' },
    { 'warmup-runs': '2' },
    { command: 'true', 'warmup-runs': 'two' },
    { 'thread-env': 'MY_THREADS' },
    { timeout: '5' },
    { 'input-shapes': 'x=1x2' },
    { 'input-values': 'ids=1' },
    { command: 'true', engine: 'torch' },
    { engine: 'tensorflow' },
    { 'max-time': '-1' },
    { precision: '0' },
    { seed: 'x' },
    { objective: 'speed' },
    { duet: 'sometimes' },
  ];
  for (const over of cases) {
    const cli = errorOf(() => fromFlags(over));
    const act = errorOf(() => fromInputs(over));
    assert.match(cli, /^InputError: --/, JSON.stringify(over));
    // The action's message is the CLI's with each flag written as its input.
    const asInputs = cli
      .replace(/--input-shape\b/g, 'input-shapes')
      .replace(/--input-value\b/g, 'input-values')
      .replace(/--([a-z][a-z-]*)/g, '$1');
    assert.equal(act, asInputs, JSON.stringify(over));
  }
});

test('the same settings from flags and from inputs', () => {
  const over = {
    command: 'python3 bench.py',
    metric: 'latency_ms=([0-9.]+)',
    'metric-unit': 'ms',
    'thread-env': 'OMP_NUM_THREADS,MY_THREADS',
    'warmup-runs': '3',
    timeout: '7',
    threads: '1,2',
    'max-time': '12',
    precision: '1',
    tolerance: '10',
    seed: '42',
    objective: 'latency',
  };
  /** The sweep's settings without what only the CLI has, and without the objective's default. */
  const sweepOnly = (s: object) => {
    const { jsonPath, comparisonJsonPath, quiet, verbose, threshold, objective, ...rest } =
      s as Record<string, unknown>;
    void [jsonPath, comparisonJsonPath, quiet, verbose, threshold];
    return { ...rest, objective: objective ?? 'latency' };
  };
  assert.deepEqual(sweepOnly(fromFlags(over)), sweepOnly(fromInputs(over)));
  const model = {
    model: 'bert.onnx',
    'input-shapes': 'batch=1',
    'input-values': 'ids=1,2,3',
    seed: '1',
  };
  assert.deepEqual(sweepOnly(fromFlags(model)), sweepOnly(fromInputs(model)));
  assert.equal(fromFlags(model).workload.kind, 'model');
});

test('duet: off by default from both shells; auto read the same from flags and inputs', () => {
  assert.equal(fromInputs({ command: 'true' }).duet, 'off');
  assert.equal(fromFlags({ command: 'true' }).duet, 'off');
  const on = { command: 'python3 new.py', 'baseline-command': 'python3 old.py', duet: 'auto' };
  assert.equal(fromFlags(on).duet, 'auto');
  assert.equal(fromInputs({ command: 'python3 new.py', duet: 'auto' }).duet, 'auto');
  // The CLI's --duet belongs to a same-job comparison.
  assert.match(
    errorOf(() => fromFlags({ command: 'true', duet: 'off' })),
    /^InputError: --duet: given without a base to compare with/,
  );
});
