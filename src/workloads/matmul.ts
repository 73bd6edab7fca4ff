/**
 * The built-in workload: an in-memory MatMul model timed with onnxruntime-node.
 *
 * Identity is the shape (`matmul:256`, `matmul:1x4096x4096`); how many products one call holds
 * (`opsPerCall`) is a measurement detail chosen by calibration so that the per-call overhead of
 * `session.run` stays under the target share of every sample, rounded to a power of two so the
 * choice is stable from run to run on one machine.
 */
import { InputError, invalid } from '../errors.js';
import type { CellRunner, Workload } from './types.js';
import {
  buildMatMulModel,
  formatShape,
  matmulBytes,
  matmulFlops,
  mlasMaxThreads,
  seededData,
  type MatMulShape,
} from './matmul-model.js';
import { createSession, timedRun, type OrtModule, type SessionConfig } from './ort.js';

/** Largest dimension accepted; well past any CPU inference GEMM. */
export const MAX_DIM = 1 << 16;
export const MAX_OPS_PER_CALL = 64;

/** Parse `N` (square) or `MxKxN`. */
export function parseShape(text: string, input = '--sizes'): MatMulShape {
  const expected = 'a positive integer N (square) or MxKxN, e.g. 256 or 1x4096x4096';
  const parts = text.trim().toLowerCase().split('x');
  if (parts.length !== 1 && parts.length !== 3) throw invalid(input, text, expected);
  const dims = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : NaN));
  if (dims.some((d) => !Number.isSafeInteger(d) || d < 1)) throw invalid(input, text, expected);
  if (dims.some((d) => d > MAX_DIM)) {
    throw invalid(input, text, `dimensions of at most ${MAX_DIM}`);
  }
  const [m, k, n] =
    dims.length === 1 ? [dims[0]!, dims[0]!, dims[0]!] : (dims as [number, number, number]);
  return { m, k, n };
}

export function parseShapes(text: string, input = '--sizes'): MatMulShape[] {
  const items = text
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (items.length === 0) throw invalid(input, text, 'a comma-separated list of N or MxKxN');
  const shapes = items.map((s) => parseShape(s, input));
  const ids = new Set<string>();
  return shapes.filter((s) => {
    const id = formatShape(s);
    if (ids.has(id)) return false;
    ids.add(id);
    return true;
  });
}

/**
 * The memory plan of the MatMul cells: all of them hold a session at once (each with its own
 * copy of the weights, `opsPerCall` products deep), and together they may use at most half of
 * the free memory. Refuses the shapes when even one product per call does not fit — checked
 * before anything is allocated — and otherwise gives each shape the largest power-of-two number
 * of products per call that keeps the sum within that half (calibration may pick fewer).
 * @returns per shape, the most products per call its sessions may hold.
 */
export function planMatMulMemory(
  shapes: readonly MatMulShape[],
  cells: number,
  freeBytes: number,
  input = '--sizes',
): number[] {
  const budget = freeBytes * 0.5;
  const gib = (b: number) => `${(b / 2 ** 30).toFixed(1)} GiB`;
  // Sessions of every cell, plus the calibration session and the inputs.
  const need = (shape: MatMulShape, ops: number) => matmulBytes(shape, ops) * (cells + 1);
  const minimum = shapes.reduce((sum, s) => sum + need(s, 1), 0);
  if (minimum > budget) {
    const list = shapes.map(formatShape).join(',');
    throw new InputError(
      `${input}: got "${list}"; ${shapes.length === 1 ? 'it needs' : 'together they need'} about ` +
        `${gib(minimum)} for ${cells} sessions each but only ${gib(freeBytes)} of memory is free; ` +
        'expected shapes that fit in half of the free memory (fewer or smaller shapes, or fewer thread counts)',
    );
  }
  // Share the budget in proportion to each shape's one-product footprint.
  return shapes.map((shape) => {
    const share = (budget * need(shape, 1)) / minimum;
    let ops = 1;
    while (ops < MAX_OPS_PER_CALL && need(shape, ops * 2) <= share) ops *= 2;
    return ops;
  });
}

export function matmulId(shape: MatMulShape): string {
  return `matmul:${formatShape(shape)}`;
}

export function matmulLabel(shape: MatMulShape): string {
  return `MatMul ${shape.m}×${shape.k}×${shape.n} float32`;
}

/** Smallest power of two ≥ x, capped. */
function pow2AtLeast(x: number, cap: number): number {
  let p = 1;
  while (p < x && p < cap) p *= 2;
  return p;
}

/**
 * Fastest of a few timed calls, after `warm` untimed calls: the fastest call is the best
 * estimate of the work itself, and errs towards more products per call (the safe side).
 */
async function fastestCall(
  run: () => Promise<number>,
  warm: number,
  timed: number,
): Promise<number> {
  for (let i = 0; i < warm; i++) await run();
  let best = Infinity;
  for (let i = 0; i < timed; i++) best = Math.min(best, await run());
  return best;
}

export interface MatMulOptions {
  readonly overheadNs: number;
  /** The largest thread count the sweep will use (calibration runs there: the fastest case). */
  readonly maxThreads: number;
  /** Keep the overhead under this share of a call (default 2 %, with a 3× safety margin). */
  readonly targetOverheadShare?: number;
  /** The most products one call may hold (the memory plan's; default MAX_OPS_PER_CALL). */
  readonly maxOpsPerCall?: number;
  readonly seed?: number;
  /** How its sessions are created (see SessionConfig). */
  readonly session?: SessionConfig;
}

export async function createMatMulWorkload(
  ort: OrtModule,
  shape: MatMulShape,
  options: MatMulOptions,
): Promise<Workload> {
  const seed = options.seed ?? 1;
  const share = options.targetOverheadShare ?? 0.02;
  const input = new ort.Tensor('float32', seededData(shape.m * shape.k, 1, seed), [
    shape.m,
    shape.k,
  ]);

  // Calibrate: one product per call at the most threads, then as many as the overhead needs.
  const probe = await createSession(
    ort,
    buildMatMulModel(shape, 1, seed).bytes,
    options.maxThreads,
    options.session,
  );
  let perOpNs: number;
  try {
    perOpNs = await fastestCall(() => timedRun(probe, { A: input }), 10, 9);
  } finally {
    await probe.release();
  }
  const workNs = Math.max(1, perOpNs - options.overheadNs);
  const ops = pow2AtLeast(
    (3 * options.overheadNs) / (share * workNs),
    Math.min(MAX_OPS_PER_CALL, options.maxOpsPerCall ?? MAX_OPS_PER_CALL),
  );
  const model = buildMatMulModel(shape, ops, seed);

  return {
    id: matmulId(shape),
    kind: 'matmul',
    label: matmulLabel(shape),
    opsPerCall: ops,
    flopsPerOp: matmulFlops(shape),
    mlasMaxThreads: mlasMaxThreads(shape),
    metric: { name: 'latency per MatMul', unit: 'ns' },
    contentHash: null,
    details: { shape, opsPerCall: ops, layout: model.layout, calibrationNsPerOp: perOpNs },
    parallel: {
      model: model.bytes,
      feeds: [
        {
          name: model.inputName,
          type: 'float32',
          data: input.data as Float32Array,
          dims: [shape.m, shape.k],
        },
      ],
    },
    async open(threads: number): Promise<CellRunner> {
      const session = await createSession(ort, model.bytes, threads, options.session);
      const feeds = { [model.inputName]: input };
      return {
        call: () => timedRun(session, feeds),
        close: () => session.release(),
      };
    },
  };
}
