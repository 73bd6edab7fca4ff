/**
 * Builds the MatMul ONNX model in memory with the generated `onnx-proto` bindings.
 *
 * One `session.run` costs tens of microseconds from Node before any kernel runs, so a graph holds
 * `ops` MatMuls to amortize that overhead over enough work:
 *  - square-ish shapes (K == N): a chain X₁ = A·B₁, X₂ = X₁·B₂, … — only the last product is
 *    copied back to JavaScript, so output copies do not pollute the timing;
 *  - otherwise: `ops` independent products A·Bᵢ with distinct weights (distinct so that common
 *    subexpression elimination cannot merge them).
 * Weights are initializers (as in real inference, so ORT may pre-pack them); the activation `A`
 * is the one input. Values are seeded and scaled so chained products stay near unit variance
 * (no overflow, no denormals that would slow the kernel).
 */
import onnxProto from 'onnx-proto';
import { mulberry32 } from '../stats/random.js';

const { onnx } = onnxProto;

export interface MatMulShape {
  readonly m: number;
  readonly k: number;
  readonly n: number;
}

export interface MatMulModel {
  readonly bytes: Uint8Array;
  readonly inputName: string;
  readonly outputNames: readonly string[];
  readonly ops: number;
  readonly layout: 'chain' | 'parallel';
}

/** FLOPs of one M×K×N product (multiply + add). */
export function matmulFlops({ m, k, n }: MatMulShape): number {
  return 2 * m * k * n;
}

/** The most threads MLAS's SGEMM will use for one product: floor(M·N·K / 65536) + 1. */
export function mlasMaxThreads({ m, k, n }: MatMulShape): number {
  return Math.floor((m * n * k) / 65536) + 1;
}

/** Bytes the model and one set of inputs/outputs occupy (checked against free memory). */
export function matmulBytes({ m, k, n }: MatMulShape, ops: number): number {
  const weights = ops * k * n;
  const activations = m * k + (ops + 1) * m * n;
  return 4 * (weights + activations);
}

export function formatShape({ m, k, n }: MatMulShape): string {
  return m === k && k === n ? `${n}` : `${m}x${k}x${n}`;
}

/** Seeded float32 values uniform in ±sqrt(3/fanIn): unit variance after a product of length fanIn. */
export function seededData(count: number, fanIn: number, seed: number): Float32Array {
  const rand = mulberry32(seed);
  const scale = Math.sqrt(3 / Math.max(1, fanIn));
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = (rand() * 2 - 1) * scale;
  return out;
}

function valueInfo(name: string, dims: readonly number[]): onnxProto.onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType: onnx.TensorProto.DataType.FLOAT,
        shape: { dim: dims.map((d) => ({ dimValue: d })) },
      },
    },
  };
}

export function buildMatMulModel(shape: MatMulShape, ops: number, seed = 1): MatMulModel {
  if (!Number.isInteger(ops) || ops < 1) throw new RangeError(`ops must be a positive integer`);
  const { m, k, n } = shape;
  const layout = k === n && ops > 1 ? 'chain' : 'parallel';
  const nodes: onnxProto.onnx.INodeProto[] = [];
  const initializers: onnxProto.onnx.ITensorProto[] = [];
  const outputs: onnxProto.onnx.IValueInfoProto[] = [];
  for (let i = 0; i < ops; i++) {
    const weight = `B${i}`;
    const data = seededData(k * n, k, seed + 1 + i);
    initializers.push({
      name: weight,
      dims: [k, n],
      dataType: onnx.TensorProto.DataType.FLOAT,
      rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    });
    const input = layout === 'chain' && i > 0 ? `X${i}` : 'A';
    const output = layout === 'chain' && i < ops - 1 ? `X${i + 1}` : `Y${i}`;
    nodes.push({ opType: 'MatMul', name: `matmul${i}`, input: [input, weight], output: [output] });
    if (output.startsWith('Y')) outputs.push(valueInfo(output, [m, n]));
  }
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'threadgate',
    opsetImport: [{ domain: '', version: 13 }],
    graph: {
      name: `matmul_${formatShape(shape)}_x${ops}`,
      node: nodes,
      initializer: initializers,
      input: [valueInfo('A', [m, k])],
      output: outputs,
    },
  });
  return {
    bytes: onnx.ModelProto.encode(model).finish(),
    inputName: 'A',
    outputNames: outputs.map((o) => o.name ?? ''),
    ops,
    layout,
  };
}

/** A model whose run does (almost) nothing: one Identity on a 1-element tensor. */
export function buildIdentityModel(): Uint8Array {
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'threadgate',
    opsetImport: [{ domain: '', version: 13 }],
    graph: {
      name: 'overhead_probe',
      node: [{ opType: 'Identity', input: ['x'], output: ['y'] }],
      input: [valueInfo('x', [1])],
      output: [valueInfo('y', [1])],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}
