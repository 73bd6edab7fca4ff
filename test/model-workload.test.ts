/**
 * The `model` workload against real ONNX files (test/fixtures/models, written by the official
 * ONNX helper: make_models.py) and real onnxruntime-node sessions.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, WorkloadError } from '../src/errors.js';
import { sweep } from '../src/measure/sweep.js';
import { buildWorkloads } from '../src/pipeline/workloads.js';
import {
  createModelWorkload,
  modelId,
  parseInputShapes,
  parseInputValues,
  resolveInputs,
} from '../src/workloads/model.js';
import { loadOrt } from '../src/workloads/ort.js';
import {
  fromFloat16Bits,
  generateData,
  toFloat16Bits,
  valuesData,
} from '../src/workloads/tensor-data.js';

const ort = loadOrt();
const MODELS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/models');
const mlp = path.join(MODELS, 'mlp.onnx');
const mixed = path.join(MODELS, 'mixed_inputs.onnx');

function inputError(pattern: RegExp) {
  return (e: unknown) => {
    assert.ok(e instanceof InputError, `expected an InputError, got ${String(e)}`);
    assert.match(e.message, pattern);
    return true;
  };
}

test('parseInputShapes: NAME=DIMS items, lists inside one item, errors name the flag', () => {
  assert.deepEqual(parseInputShapes(['x=8x512']), { x: [8, 512] });
  assert.deepEqual(parseInputShapes(['x=8x512, mask=8X512', 'batch = 4\nseq=16; y=3×2']), {
    x: [8, 512],
    mask: [8, 512],
    batch: [4],
    seq: [16],
    y: [3, 2],
  });
  assert.deepEqual(parseInputShapes([]), {});
  for (const bad of ['x', 'x=', '=8', 'x=8x0', 'x=8x-1', 'x=8xx2', 'x=1.5', 'x=abc']) {
    assert.throws(() => parseInputShapes([bad]), inputError(/^--input-shape: got ".*"; expected /));
  }
  assert.throws(
    () => parseInputShapes(['x=1', 'x=2'], 'input-shapes'),
    inputError(/^input-shapes: "x" is given twice/),
  );
});

test('parseInputValues: constants and lists; a token with = starts the next input', () => {
  assert.deepEqual(parseInputValues(['ids=1']), { ids: '1' });
  assert.deepEqual(parseInputValues(['ids=101,2023,102, mask=true', 'bias=0.5']), {
    ids: '101,2023,102',
    mask: 'true',
    bias: '0.5',
  });
  assert.throws(
    () => parseInputValues(['1,2']),
    inputError(/^--input-value: got "1,2"; expected NAME=VALUES/),
  );
  assert.throws(
    () => parseInputValues(['ids=a']),
    inputError(/^--input-value: got "ids=a"; expected numbers/),
  );
  assert.throws(() => parseInputValues(['ids=']), inputError(/^--input-value: got "ids="/));
});

test('seeded data: float16 bit patterns, small non-negative ints, user values repeated to fill', () => {
  for (const v of [0, 1, -1, 0.5, 0.333251953125, 65504, 2 ** -24]) {
    assert.equal(fromFloat16Bits(toFloat16Bits(v)), v);
  }
  assert.equal(toFloat16Bits(1), 0x3c00);
  assert.equal(toFloat16Bits(1e6), 0x7c00);
  const halves = generateData('float16', 1000, 7) as Uint16Array;
  assert.ok([...halves].every((b) => Math.abs(fromFloat16Bits(b)) <= 1));
  const ids = generateData('int64', 1000, 7) as BigInt64Array;
  assert.ok([...ids].every((v) => v >= 0n && v < 100n));
  assert.deepEqual(generateData('int64', 5, 7), generateData('int64', 5, 7), 'seeded');
  assert.deepEqual([...(valuesData('int64', '1,2', 5) as BigInt64Array)], [1n, 2n, 1n, 2n, 1n]);
  assert.deepEqual([...(valuesData('bool', 'true,0', 3) as Uint8Array)], [1, 0, 1]);
  assert.match(valuesData('int32', '1.5', 3) as string, /not an integer/);
  assert.match(valuesData('int8', '300', 3) as string, /out of range/);
  assert.match(
    valuesData('float32', '1,2,3,4', 3) as string,
    /4 values for a tensor of 3 elements/,
  );
});

test('inputs come from the model metadata: symbolic dims from full shapes or by dimension name', async () => {
  // Full shape of ids binds batch and seq for mask too; bias is fixed.
  const w = await createModelWorkload(ort, { path: mixed, inputShapes: { ids: [2, 5] }, seed: 1 });
  assert.equal(w.label, 'mixed_inputs.onnx (ids: int64 2×5, mask: bool 2×5, bias: float16 16)');
  const inputs = (
    w.details as { inputs: { name: string; shape: number[]; declaredShape: unknown[] }[] }
  ).inputs;
  assert.deepEqual(
    inputs.map((i) => [i.name, i.shape, i.declaredShape]),
    [
      ['ids', [2, 5], ['batch', 'seq']],
      ['mask', [2, 5], ['batch', 'seq']],
      ['bias', [16], [16]],
    ],
  );
  // By dimension name, with token ids given as values (a Gather out of range would fail).
  const byDim = await createModelWorkload(ort, {
    path: mixed,
    inputShapes: { batch: [3], seq: [4] },
    inputValues: { ids: '99,0,7', mask: '1' },
    seed: 1,
  });
  assert.equal(byDim.id, `model:${mixed}[batch=3,seq=4]`);
  assert.match(byDim.label, /ids: int64 3×4, mask: bool 3×4, bias: float16 16/);
  const runner = await byDim.open(1);
  try {
    assert.ok((await runner.call()) > 0);
  } finally {
    await runner.close();
  }
  // Token ids the model cannot take: the probe run fails before any cell is opened.
  await assert.rejects(
    createModelWorkload(ort, {
      path: mixed,
      inputShapes: { batch: [1], seq: [2] },
      inputValues: { ids: '500' },
      seed: 1,
    }),
    (e: unknown) => {
      assert.ok(e instanceof WorkloadError);
      assert.match(
        e.message,
        /failed to run with the generated inputs .*Gather.*; check --input-shape and --input-value/,
      );
      return true;
    },
  );
  await assert.rejects(
    createModelWorkload(ort, {
      path: mixed,
      inputShapes: { ids: [1, 2] },
      inputValues: { ids: '1.5' },
      seed: 1,
    }),
    inputError(/^--input-value: got "ids=1.5"; "1.5" is not an integer \(the input is int64\)/),
  );
  await assert.rejects(
    createModelWorkload(ort, {
      path: mixed,
      inputShapes: { ids: [1, 2] },
      inputValues: { nope: '1' },
      seed: 1,
    }),
    inputError(
      /^--input-value: got "nope=1"; "nope" is not an input of mixed_inputs.onnx; its inputs are ids: int64 \[batch, seq\], mask: bool/,
    ),
  );
});

test('x=8x512 sweeps the MLP with real sessions at 1 and 2 threads', async () => {
  const w = await createModelWorkload(ort, {
    path: mlp,
    inputShapes: parseInputShapes(['x=8x512']),
    seed: 1,
  });
  assert.equal(w.kind, 'model');
  assert.equal(w.id, `model:${mlp}[x=8x512]`);
  assert.equal(w.label, 'mlp.onnx (x: float32 8×512)');
  assert.equal(w.opsPerCall, 1);
  assert.equal(w.flopsPerOp, null);
  assert.deepEqual(w.metric, { name: 'latency per run', unit: 'ns' });
  assert.match(w.contentHash ?? '', /^[0-9a-f]{16}$/);
  const out = await sweep([w], { threads: [1, 2], maxTimeSec: 2, targetPrecision: 0.05, seed: 1 });
  const cells = out.workloads[0]!.cells;
  assert.deepEqual(
    cells.map((c) => c.threads),
    [1, 2],
  );
  for (const c of cells) {
    assert.ok(c.samplesNs.length >= 1, `samples at ${c.threads} threads`);
    assert.ok(c.samplesNs.every((s) => s > 0 && Number.isFinite(s)));
  }
});

test('a symbolic dimension left unset names the dimension, the input and the form', async () => {
  await assert.rejects(
    createModelWorkload(ort, { path: mlp, inputShapes: {}, seed: 1 }),
    inputError(
      /^--input-shape: input "x" has a symbolic dimension "batch" with no value; expected --input-shape x=DIMS \(e\.g\. x=8x512\)/,
    ),
  );
});

test('unknown names list the inputs; rank and fixed dims are checked; unsupported types refused', async () => {
  await assert.rejects(
    createModelWorkload(ort, { path: mlp, inputShapes: { input: [8, 512] }, seed: 1 }),
    inputError(
      /^--input-shape: got "input=8x512"; "input" is neither an input nor a symbolic dimension of mlp\.onnx; its inputs are x: float32 \[batch, 512\]; its symbolic dimensions are batch$/,
    ),
  );
  await assert.rejects(
    createModelWorkload(ort, { path: mlp, inputShapes: { x: [8, 512, 1] }, seed: 1 }),
    inputError(
      /^--input-shape: got "x=8x512x1"; input "x" of mlp\.onnx has 2 dimensions \[batch, 512\]; expected e\.g\. x=8x512$/,
    ),
  );
  await assert.rejects(
    createModelWorkload(ort, { path: mlp, inputShapes: { x: [8, 256] }, seed: 1 }),
    inputError(/dimension 2 is fixed at 512; expected e\.g\. x=8x512$/),
  );
  await assert.rejects(
    createModelWorkload(ort, { path: mlp, inputShapes: { batch: [8, 2] }, seed: 1 }),
    inputError(/"batch" is a symbolic dimension of mlp\.onnx; expected one value, e\.g\. batch=8$/),
  );
  await assert.rejects(
    createModelWorkload(ort, {
      path: path.join(MODELS, 'string_input.onnx'),
      inputShapes: { n: [4] },
      seed: 1,
    }),
    inputError(
      /^--model: input "s" of string_input\.onnx has type string, which threadgate cannot generate/,
    ),
  );
  // Unnamed dynamic dimensions (ORT reports them as "") need a full shape.
  assert.throws(
    () => resolveInputs([{ name: 'x', type: 'float32', shape: ['', 4] }], {}, {}, 'm.onnx'),
    inputError(
      /input "x" has an unnamed dynamic dimension \(dimension 1 of \[\?, 4\]\) with no value; expected --input-shape x=DIMS \(e\.g\. x=8x4\)/,
    ),
  );
  assert.throws(
    () =>
      resolveInputs(
        [{ name: 'x', type: 'float32', shape: [65536, 'n'] }],
        { n: [65536] },
        {},
        'm.onnx',
      ),
    inputError(/would take 16\.0 GiB/),
  );
});

test('a missing or invalid file is an InputError naming --model and the file', async () => {
  const missing = path.join(MODELS, 'does-not-exist.onnx');
  await assert.rejects(
    createModelWorkload(ort, { path: missing, inputShapes: {}, seed: 1 }),
    inputError(/^--model \S*does-not-exist\.onnx: file not found; expected a readable \.onnx file/),
  );
  const junk = path.join(MODELS, 'not-a-model.onnx');
  await assert.rejects(
    createModelWorkload(ort, { path: junk, inputShapes: {}, seed: 1 }),
    (e: unknown) => {
      assert.ok(e instanceof InputError);
      assert.ok(e.message.startsWith(`--model: ${junk} is not a valid ONNX model: `), e.message);
      assert.ok(!e.message.includes('\n'), 'one line');
      return true;
    },
  );
});

test('the content hash follows the file bytes; the id follows what the user names', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'threadgate-model-'));
  try {
    const file = path.join(dir, 'model.onnx');
    await copyFile(mlp, file);
    const spec = { path: file, inputShapes: { x: [4, 512] }, seed: 1 };
    const a = await createModelWorkload(ort, spec);
    await writeFile(file, await readFile(path.join(MODELS, 'mlp_wide.onnx')));
    const b = await createModelWorkload(ort, spec);
    assert.equal(a.id, b.id);
    assert.equal(a.id, `model:${file}[x=4x512]`);
    assert.notEqual(a.contentHash, b.contentHash);
    assert.equal(modelId('m.onnx', { x: [8, 512], batch: [8] }), 'model:m.onnx[batch=8,x=8x512]');
    assert.equal(modelId('m.onnx', {}), 'model:m.onnx');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the memory check counts every session open at once: the throughput objective’s workers, not only the cells', async () => {
  // mlp.onnx is 534 710 bytes; with 20 MB free, half of it holds (sessions + 1) copies for up to
  // 17 sessions: 2 cells fit, 2 × 16 workers of a 16-CPU throughput run do not.
  const ctx = {
    ort,
    threads: [1, 2],
    overheadNs: 0,
    seed: 1,
    freeBytes: 20e6,
    spec: { kind: 'model', path: mlp, inputShapes: { x: [8, 512] } },
  } as const;
  const [w] = await buildWorkloads(ctx.spec, ctx);
  assert.equal(w?.kind, 'model');
  await assert.rejects(
    buildWorkloads(ctx.spec, { ...ctx, concurrentSessions: 32 }),
    (e: unknown) =>
      e instanceof InputError &&
      /^--model: .*mlp\.onnx is 0\.00 GiB; 32 sessions open at once need about 0\.02 GiB but only 0\.02 GiB of memory is free/.test(
        e.message,
      ),
  );
});
