/** action.yml is the contract users see: it must match DESIGN.md and what the code reads. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { readActionSettings } from '../src/action/inputs.js';
import { DEFAULT_HISTORY_BRANCH } from '../src/baseline/store.js';
import { DEFAULTS } from '../src/settings/settings.js';
import { ROOT } from './support/cli.js';

interface ActionYml {
  runs: { using: string; main: string };
  inputs: Record<string, { description?: string; default?: string }>;
  outputs: Record<string, { description?: string }>;
}
const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as ActionYml;

test('runs on node24 from the bundled dist/index.js', () => {
  assert.equal(action.runs.using, 'node24');
  assert.equal(action.runs.main, 'dist/index.js');
});

test('inputs and outputs are those of the contract, each described', () => {
  assert.deepEqual(Object.keys(action.inputs).sort(), [
    'accept-trailer',
    'baseline',
    'baseline-key',
    'command',
    'comment',
    'comment-key',
    'compare-ref',
    'duet',
    'engine',
    'export-env',
    'fail-on-regression',
    'gate',
    'github-token',
    'history-branch',
    'input-shapes',
    'input-values',
    'max-time',
    'metric',
    'metric-unit',
    'mode',
    'model',
    'normalize',
    'objective',
    'onnxruntime-path',
    'precision',
    'registry',
    'report-dir',
    'report-from',
    'save-baseline',
    'seed',
    'sizes',
    'thread-env',
    'threads',
    'threshold',
    'timeout',
    'tolerance',
    'warmup-runs',
    'worker',
  ]);
  assert.deepEqual(Object.keys(action.outputs).sort(), [
    'comment-url',
    'comparison-path',
    'max-slowdown',
    'recommended-threads',
    'report-dir',
    'results-path',
    'throughput-threads-per-worker',
    'throughput-workers',
    'verdict',
  ]);
  for (const [name, i] of Object.entries({ ...action.inputs, ...action.outputs })) {
    assert.ok((i.description ?? '').length > 20, `${name} has a description`);
  }
});

test('the settings reader reads every input, and action.yml defaults equal the code defaults', () => {
  const read = new Set<string>();
  const defaults = (name: string) => {
    read.add(name);
    return action.inputs[name]?.default ?? '';
  };
  const s = readActionSettings(defaults, { availableCpus: 2, logicalCpus: 2 });
  assert.deepEqual([...read].sort(), Object.keys(action.inputs).sort());
  assert.equal(action.inputs['sizes']?.default, DEFAULTS.sizes);
  assert.equal(Number(action.inputs['max-time']?.default), DEFAULTS.maxTimeSec);
  // A runner passes every default as INPUT_*: an input whose default depends on the mode must
  // default to '' so that each mode applies its own (stored 15 %, same job 5 %).
  assert.equal(action.inputs['threshold']?.default, '');
  assert.equal(s.threshold, null);
  assert.equal(action.inputs['compare-ref']?.default, '');
  assert.deepEqual(s.compareRef, { kind: 'auto' });
  assert.equal(action.inputs['timeout']?.default, '');
  assert.equal(s.comment, 'always');
  assert.equal(s.failOnRegression, true);
  assert.deepEqual(s.baseline, { kind: 'cache' });
  assert.equal(action.inputs['history-branch']?.default, DEFAULT_HISTORY_BRANCH);
  assert.deepEqual(
    readActionSettings((n) => (n === 'baseline' ? 'branch' : defaults(n)), {
      availableCpus: 2,
      logicalCpus: 2,
    }).baseline,
    { kind: 'branch', branch: DEFAULT_HISTORY_BRANCH },
  );
  assert.equal(s.mode, 'measure');
  assert.equal(s.reportFrom, '');
  assert.equal(s.reportDir, '');
});

test('bad inputs name the input, the value and the expected form', () => {
  const with_ = (over: Record<string, string>) => (name: string) =>
    over[name] ?? action.inputs[name]?.default ?? '';
  const cpus = { availableCpus: 2, logicalCpus: 2 };
  assert.throws(
    () => readActionSettings(with_({ baseline: 'branch', 'history-branch': 'a..b' }), cpus),
    /^InputError: history-branch: got "a\.\.b"; expected a git branch name/,
  );
  assert.throws(
    () => readActionSettings(with_({ comment: 'sometimes' }), cpus),
    /^InputError: comment: got "sometimes"; expected one of "always", "on-regression", "never"$/,
  );
  assert.throws(
    () => readActionSettings(with_({ 'fail-on-regression': 'yes' }), cpus),
    /fail-on-regression: got "yes"; expected "true" or "false"/,
  );
  assert.throws(
    () => readActionSettings(with_({ baseline: 's3://x' }), cpus),
    /baseline: got "s3:\/\/x"; expected "cache", "branch", "file:PATH"/,
  );
  assert.throws(() => readActionSettings(with_({ sizes: '0' }), cpus), /sizes: got "0"/);
  assert.throws(() => readActionSettings(with_({ threads: '0' }), cpus), /threads: got "0"/);
  assert.throws(() => readActionSettings(with_({ 'max-time': '-1' }), cpus), /max-time: got "-1"/);
});

test("the README's workflows parse, and every threadgate step uses only inputs of action.yml", () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/^```yaml\n([\s\S]*?)^```/gm)].map((m) => m[1]!);
  const steps: { uses?: string; with?: Record<string, unknown> }[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (typeof x === 'object' && x !== null) {
      const o = x as { uses?: unknown };
      if (typeof o.uses === 'string' && o.uses.startsWith('threadgate/threadgate@')) {
        steps.push(o as (typeof steps)[number]);
      }
      Object.values(x).forEach(walk);
    }
  };
  for (const block of blocks) walk(parse(block));
  assert.ok(steps.length >= 5, `${steps.length} threadgate steps found`);
  const modes = steps.map((s) => s.with?.['mode'] ?? 'measure');
  assert.ok(modes.includes('report'), 'the README shows report mode');
  for (const step of steps) {
    for (const name of Object.keys(step.with ?? {})) {
      assert.ok(name in action.inputs, `README uses the input ${name}`);
    }
    if (step.with?.['mode'] === 'report') assert.ok(step.with['report-from'], 'with report-from');
  }
});

test('the inputs the CLI has reach the settings (issue 21: the action was narrower)', () => {
  const cpus = { availableCpus: 2, logicalCpus: 2 };
  const given = (over: Record<string, string>) => (name: string) =>
    over[name] ?? action.inputs[name]?.default ?? '';
  const model = readActionSettings(
    given({
      model: 'bert.onnx',
      'input-values': 'attention_mask=1; ids=1,2,3',
      precision: '1',
      tolerance: '10',
      seed: '42',
      gate: 'all',
    }),
    cpus,
  );
  assert.deepEqual(model.sweep.workload.kind === 'model' && model.sweep.workload.inputValues, {
    attention_mask: '1',
    ids: '1,2,3',
  });
  assert.equal(model.sweep.targetPrecision, 0.01);
  assert.equal(model.sweep.tolerance, 0.1);
  assert.equal(model.sweep.seed, 42);
  assert.equal(model.gate, 'all');
  const command = readActionSettings(
    given({
      command: 'python3 b.py',
      'thread-env': 'OMP_NUM_THREADS,MY_THREADS',
      'warmup-runs': '3',
    }),
    cpus,
  ).sweep.workload;
  assert.ok(command.kind === 'command');
  assert.deepEqual(command.threadEnv, ['OMP_NUM_THREADS', 'MY_THREADS']);
  assert.equal(command.warmupRuns, 3);
  for (const [over, message] of [
    [
      { 'input-values': 'x=1' },
      /^InputError: input-values: got "x=1"; expected it only with model$/,
    ],
    [{ 'warmup-runs': '2' }, /^InputError: warmup-runs: got "2"; expected it only with command$/],
    [
      { command: 'x', 'warmup-runs': 'two' },
      /^InputError: warmup-runs: got "two"; expected an integer/,
    ],
    [{ gate: 'some' }, /^InputError: gate: got "some"; expected one of deployed, all/],
    [{ precision: '0' }, /^InputError: precision: got "0"; expected a percentage/],
  ] as const) {
    assert.throws(() => readActionSettings(given(over), cpus), message, JSON.stringify(over));
  }
});
