import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  buildMatMulModel,
  matmulBytes,
  matmulFlops,
  mlasMaxThreads,
  seededData,
} from '../src/workloads/matmul-model.js';
import {
  planMatMulMemory,
  createMatMulWorkload,
  parseShape,
  parseShapes,
} from '../src/workloads/matmul.js';
import { createSession, loadOrt } from '../src/workloads/ort.js';
import { runSweep } from '../src/pipeline/sweep-run.js';
import { ROOT } from './support/cli.js';
import { InputError } from '../src/errors.js';

const ort = loadOrt();

/** Reference product in float64 (row-major), independent of ORT. */
function reference(
  a: Float32Array,
  b: Float32Array,
  m: number,
  k: number,
  n: number,
): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let p = 0; p < k; p++) {
      const aip = a[i * k + p]!;
      for (let j = 0; j < n; j++) c[i * n + j]! += aip * b[p * n + j]!;
    }
  return c;
}

test('parseShape accepts N and MxKxN and rejects the rest naming the flag', () => {
  assert.deepEqual(parseShape('256'), { m: 256, k: 256, n: 256 });
  assert.deepEqual(parseShape('1x4096x4096'), { m: 1, k: 4096, n: 4096 });
  assert.deepEqual(parseShape('2X3x4'), { m: 2, k: 3, n: 4 });
  for (const bad of ['-5', '0', 'abc', '2x3', '1.5', '', '1x0x3', '70000']) {
    assert.throws(
      () => parseShape(bad),
      (e: unknown) => {
        assert.ok(e instanceof InputError);
        assert.match(e.message, /^--sizes: got ".*"; expected /);
        return true;
      },
    );
  }
  assert.deepEqual(parseShapes('64, 256,64').length, 2, 'duplicates are dropped');
});

test('MLAS thread limit follows floor(M·N·K / 65536) + 1', () => {
  assert.equal(mlasMaxThreads({ m: 256, k: 256, n: 256 }), 257);
  assert.equal(mlasMaxThreads({ m: 1, k: 4096, n: 4096 }), 257);
  assert.equal(mlasMaxThreads({ m: 32, k: 32, n: 32 }), 1);
  assert.equal(mlasMaxThreads({ m: 64, k: 64, n: 64 }), 5);
  assert.equal(matmulFlops({ m: 2, k: 3, n: 4 }), 48);
});

test('a shape too large for free memory is refused before anything is allocated', () => {
  const shape = { m: 65536, k: 65536, n: 65536 };
  assert.ok(matmulBytes(shape, 1) > 2 ** 34);
  assert.throws(
    () => planMatMulMemory([shape], 2, 8 * 2 ** 30),
    /--sizes: got "65536"; it needs about .* GiB for 2 sessions each but only 8\.0 GiB .* free/,
  );
  assert.deepEqual(planMatMulMemory([{ m: 256, k: 256, n: 256 }], 2, 8 * 2 ** 30), [64]);
});

test('the memory plan counts every cell of every shape at once, and the products per call', () => {
  // 4096² float32 weights are 64 MiB; 12 matrix–vector shapes × 8 cells need 12 × 9 × 64 MiB
  // ≈ 6.8 GiB with one product per call: each alone fits in half of 8 GiB, together they do not.
  const twelve = Array.from({ length: 12 }, (_, i) => ({ m: i + 1, k: 4096, n: 4096 }));
  for (const s of twelve) assert.doesNotThrow(() => planMatMulMemory([s], 8, 8 * 2 ** 30));
  assert.throws(
    () => planMatMulMemory(twelve, 8, 8 * 2 ** 30),
    /together they need about 6\.\d GiB for 8 sessions each but only 8\.0 GiB/,
  );
  // Batching multiplies the weights and activations: a 1024² shape (4 MiB of weights, 4 MiB per
  // output) with 8 cells in 1 GiB free may hold 4 products per call: 4·4 + 1·4 + 5·4 = 40 MiB
  // per session, × 9 = 360 MiB ≤ 512 MiB; 8 would take 72 MiB × 9 = 648 MiB.
  const [ops] = planMatMulMemory([{ m: 1024, k: 1024, n: 1024 }], 8, 2 ** 30);
  assert.equal(ops, 4);
  const sum = matmulBytes({ m: 1024, k: 1024, n: 1024 }, ops!) * 9;
  assert.ok(sum <= 2 ** 29 && matmulBytes({ m: 1024, k: 1024, n: 1024 }, 2 * ops!) * 9 > 2 ** 29);
});

for (const [label, shape, ops] of [
  ['chained square', { m: 8, k: 8, n: 8 }, 3],
  ['parallel non-square', { m: 3, k: 5, n: 7 }, 2],
] as const) {
  test(`the in-memory ${label} model computes the product (real ORT session)`, async () => {
    const model = buildMatMulModel(shape, ops, 7);
    const session = await createSession(ort, model.bytes, 1);
    try {
      const a = seededData(shape.m * shape.k, 1, 7);
      const out = await session.run({ A: new ort.Tensor('float32', a, [shape.m, shape.k]) });
      // Recompute with the same seeded weights.
      let x: Float64Array | Float32Array = a;
      const outputs: Float64Array[] = [];
      for (let i = 0; i < ops; i++) {
        const b = seededData(shape.k * shape.n, shape.k, 7 + 1 + i);
        const y = reference(
          model.layout === 'chain' ? Float32Array.from(x) : a,
          b,
          shape.m,
          shape.k,
          shape.n,
        );
        if (model.layout === 'chain') x = y;
        else outputs.push(y);
      }
      if (model.layout === 'chain') outputs.push(x as Float64Array);
      assert.deepEqual(Object.keys(out), [...model.outputNames]);
      model.outputNames.forEach((name, i) => {
        const got = out[name]!.data as Float32Array;
        const want = outputs[i]!;
        assert.equal(got.length, shape.m * shape.n);
        for (let j = 0; j < got.length; j++)
          assert.ok(Math.abs(got[j]! - want[j]!) < 1e-4, `${name}[${j}]`);
      });
    } finally {
      await session.release();
    }
  });
}

test('calibration amortizes the call overhead with a power-of-two count of MatMuls per call', async () => {
  // A tiny product with a large assumed overhead must get several ops per call; a huge one, one.
  const small = await createMatMulWorkload(
    ort,
    { m: 16, k: 16, n: 16 },
    { overheadNs: 30_000, maxThreads: 1 },
  );
  assert.ok(small.opsPerCall > 1 && Number.isInteger(Math.log2(small.opsPerCall)));
  const cheap = await createMatMulWorkload(
    ort,
    { m: 64, k: 64, n: 64 },
    { overheadNs: 1, maxThreads: 1 },
  );
  assert.equal(cheap.opsPerCall, 1);
  assert.equal(small.id, 'matmul:16');
  const runner = await small.open(1);
  try {
    assert.ok((await runner.call()) > 0);
  } finally {
    await runner.close();
  }
});

test('an oversubscribed session (threads > usable CPUs) runs with ONNX Runtime spinning off; others keep the default', async () => {
  // The real module, with InferenceSession.create wrapped to record the options it is given:
  // the sessions are real, and the option must be one the Node binding accepts (it rejects
  // non-string `extra` values), so a run through each session is part of the check.
  const seen: { threads: number; extra: unknown }[] = [];
  const recording = {
    ...ort,
    InferenceSession: {
      create: (model: Uint8Array, options: Record<string, unknown>) => {
        seen.push({ threads: options.intraOpNumThreads as number, extra: options.extra });
        return ort.InferenceSession.create(model, options);
      },
    },
  } as unknown as typeof ort;
  const w = await createMatMulWorkload(
    recording,
    { m: 32, k: 32, n: 32 },
    { overheadNs: 1, maxThreads: 3, session: { usableCpus: 2 } },
  );
  for (const threads of [1, 2, 3]) {
    const runner = await w.open(threads);
    try {
      assert.ok((await runner.call()) > 0);
    } finally {
      await runner.close();
    }
  }
  const byThreads = new Map(seen.map((s) => [s.threads, s.extra]));
  assert.equal(byThreads.get(1), undefined);
  assert.equal(byThreads.get(2), undefined);
  assert.deepEqual(byThreads.get(3), { session: { intra_op: { allow_spinning: '0' } } });
  // Without a known CPU count nothing is changed.
  seen.length = 0;
  const plain = await createSession(
    recording,
    buildMatMulModel({ m: 8, k: 8, n: 8 }, 1, 1).bytes,
    8,
  );
  await plain.release();
  assert.deepEqual(seen, [{ threads: 8, extra: undefined }]);
});

test('a same-job comparison opens its multi-thread sessions with ONNX Runtime spinning off; a sweep keeps the default', async () => {
  // The same recording module, through runSweep: the settings decide the session options.
  // Single-thread sessions (the probes, the overhead, 1-thread cells) have no threads to spin.
  const seen: { threads: number; extra: unknown }[] = [];
  const recording = {
    ...ort,
    InferenceSession: {
      create: (model: Uint8Array | string, options: Record<string, unknown>) => {
        seen.push({ threads: options.intraOpNumThreads as number, extra: options.extra });
        return ort.InferenceSession.create(model as Uint8Array, options);
      },
    },
  } as unknown as typeof ort;
  const model = path.join(ROOT, 'test/fixtures/models/mlp.onnx');
  const spec = { kind: 'model', path: model, inputShapes: { x: [8, 512] } } as const;
  const settings = {
    workload: spec,
    threads: [1, 2],
    maxTimeSec: 2,
    targetPrecision: 0.05,
    tolerance: 0.05,
    seed: 3,
  };
  const wide = () => seen.filter((s) => s.threads > 1);
  await runSweep({ ...settings, baselineWorkload: spec }, { ort: recording });
  assert.ok(wide().length >= 2, `${wide().length} sessions of 2 threads (head and base)`);
  for (const { extra } of wide()) {
    assert.deepEqual(extra, { session: { intra_op: { allow_spinning: '0' } } });
  }
  seen.length = 0;
  await runSweep({ ...settings, normalize: 'none' }, { ort: recording });
  assert.ok(wide().length >= 1, `${wide().length} sessions of 2 threads`);
  for (const { extra } of seen) assert.equal(extra, undefined);
});
