/**
 * The user's workloads through the built CLI, as a new user runs them: a model written by the
 * official ONNX helper, a PyTorch script swept over OMP_NUM_THREADS, and same-job comparisons.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli, ROOT } from './support/cli.js';
import { schemaErrors } from './support/schema.js';
import type { Result } from '../src/results/types.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'threadgate-user-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const MODELS = path.join(ROOT, 'test/fixtures/models');

test('sweep --model with --input-shape x=8x512 sweeps the model and writes a valid JSON', async () => {
  const json = path.join(tmp, 'm.json');
  const out = await runCli([
    'sweep',
    '--model',
    path.join(MODELS, 'mlp.onnx'),
    '--input-shape',
    'x=8x512',
    '--threads',
    '1,2',
    '--max-time',
    '5',
    '--json',
    json,
    '--quiet',
  ]);
  assert.equal(out.code, 0, out.stderr);
  assert.match(out.stdout, /mlp\.onnx \(x: float32 8×512\)/);
  assert.match(out.stdout, /OMP_NUM_THREADS=\d/);
  const result = JSON.parse(readFileSync(json, 'utf8')) as Result;
  assert.deepEqual(schemaErrors('results.schema.json', result), []);
  assert.equal(result.workloads[0]!.kind, 'model');
  assert.match(result.workloads[0]!.id, /^model:.*mlp\.onnx\[x=8x512\]$/);
  assert.match(result.workloads[0]!.contentHash ?? '', /^[0-9a-f]{16}$/);
  assert.deepEqual(
    result.workloads[0]!.points.map((p) => p.threads),
    [1, 2],
  );
});

test('sweep --model without --input-shape exits 2 naming the symbolic dimension batch', async () => {
  const out = await runCli(['sweep', '--model', path.join(MODELS, 'mlp.onnx'), '--threads', '1,2']);
  assert.equal(out.code, 2);
  assert.match(
    out.stderr,
    /^threadgate: error: --input-shape: input "x" has a symbolic dimension "batch" with no value/,
  );
});

test('sweep --command runs a script at OMP_NUM_THREADS 1 and 2, each run getting its count', async () => {
  // report_threads.mjs prints latency_ms = 1.5 × OMP_NUM_THREADS: the medians show which count
  // each run got, and a metric without noise ends the sweep at its minimum visits. The PyTorch
  // script itself (each run imports torch, ~1.3 s) is test/command-workload.test.ts's: it checks
  // the thread count torch really used at each OMP_NUM_THREADS.
  const json = path.join(tmp, 'c.json');
  const script = path.join(ROOT, 'test/fixtures/commands/report_threads.mjs');
  const out = await runCli([
    'sweep',
    '--command',
    `node ${JSON.stringify(script)}`,
    '--threads',
    '1,2',
    '--max-time',
    '20',
    '--metric',
    'latency_ms=([0-9.]+)',
    '--metric-unit',
    'ms',
    '--json',
    json,
    '--quiet',
  ]);
  assert.equal(out.code, 0, out.stderr);
  assert.match(out.stdout, /OMP_NUM_THREADS=1\b/);
  const result = JSON.parse(readFileSync(json, 'utf8')) as Result;
  assert.deepEqual(schemaErrors('results.schema.json', result), []);
  const w = result.workloads[0]!;
  assert.equal(w.kind, 'command');
  assert.equal(w.metric?.name, 'latency_ms');
  assert.deepEqual(
    w.points.map((p) => [p.threads, p.medianNs]),
    [
      [1, 1.5e6],
      [2, 3e6],
    ],
  );
  for (const p of w.points) assert.ok(p.samplesNs.length >= 8, `${p.samplesNs.length} samples`);
});

test('same-job: a command 25 % slower than its base is a regression (exit 1); the same one passes', async () => {
  // fake_latency.sh prints latency.json's value with ±0.5 % jitter: the verdicts are certain.
  const dirFor = (ms: number) => {
    const d = mkdtempSync(path.join(tmp, 'latency-'));
    writeFileSync(path.join(d, 'latency.json'), JSON.stringify({ ms }));
    return d;
  };
  const command = `sh ${JSON.stringify(path.join(ROOT, 'test/fixtures/commands/fake_latency.sh'))}`;
  const args = (baseDir: string, json: string) => [
    'sweep',
    '--command',
    command,
    '--baseline-cwd',
    baseDir,
    '--metric',
    'latency_ms=([0-9.]+)',
    '--threads',
    '1',
    '--max-time',
    '20',
    '--quiet',
    '--comparison-json',
    json,
  ];
  const slow = await runCli(args(dirFor(10), path.join(tmp, 'slow.json')), { cwd: dirFor(12.5) });
  assert.equal(slow.code, 1, slow.stdout + slow.stderr);
  assert.match(slow.stdout, /REGRESSION/);
  const slowJson = JSON.parse(readFileSync(path.join(tmp, 'slow.json'), 'utf8')) as {
    verdict: string;
    notes: string[];
  };
  assert.deepEqual(schemaErrors('comparison.schema.json', slowJson), []);
  assert.equal(slowJson.verdict, 'regression');
  assert.ok(slowJson.notes.some((n) => /blocks of freshly opened sessions/.test(n)));

  const same = await runCli(args(dirFor(10), path.join(tmp, 'same.json')), { cwd: dirFor(10) });
  assert.equal(same.code, 0, same.stdout + same.stderr);
  const sameJson = JSON.parse(readFileSync(path.join(tmp, 'same.json'), 'utf8')) as {
    verdict: string;
  };
  assert.equal(sameJson.verdict, 'pass');
});

test('same-job with --baseline-model: real ORT sessions on both sides, interleaved in blocks', async () => {
  // Which verdict a model gets is the bench's business; here, that the comparison runs.
  const copy = path.join(tmp, 'mlp_copy.onnx');
  copyFileSync(path.join(MODELS, 'mlp.onnx'), copy);
  const json = path.join(tmp, 'model.json');
  const out = await runCli([
    'sweep',
    '--model',
    path.join(MODELS, 'mlp.onnx'),
    '--baseline-model',
    copy,
    '--input-shape',
    'x=8x512',
    '--threads',
    '1',
    '--max-time',
    '6',
    '--quiet',
    '--comparison-json',
    json,
  ]);
  assert.ok(out.code === 0 || out.code === 1, out.stdout + out.stderr);
  const doc = JSON.parse(readFileSync(json, 'utf8')) as { cells: { unit: string }[] };
  assert.deepEqual(schemaErrors('comparison.schema.json', doc), []);
  assert.equal(doc.cells[0]!.unit, 'sessions');
});

test('workload flags that do not fit together exit 2 naming them', async () => {
  for (const [args, pattern] of [
    [['sweep', '--model', 'a.onnx', '--command', 'true'], /--model and --command: given together/],
    [
      ['sweep', '--input-shape', 'x=1x2'],
      /--input-shape: got "x=1x2"; expected it only with --model/,
    ],
    [['sweep', '--baseline-model', 'a.onnx'], /--baseline-model: given without --model/],
    [
      ['sweep', '--model', path.join(MODELS, 'not-a-model.onnx')],
      /--model: .*not-a-model\.onnx is not a valid ONNX model/,
    ],
    [
      ['sweep', '--command', 'true', '--metric', 'no group'],
      /--metric: got "no group"; it has no capture group/,
    ],
  ] as const) {
    const out = await runCli(args);
    assert.equal(out.code, 2, args.join(' '));
    assert.match(out.stderr, pattern);
  }
});
