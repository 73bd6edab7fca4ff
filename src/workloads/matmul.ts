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
import { createSession, timedRun, type OrtModule } from './ort.js';

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
 * Refuse a shape whose model would not fit: checked before anything is allocated. Every cell
 * holds its own session (its own copy of the weights), hence `cells`.
 */
export function checkShapeFits(
  shape: MatMulShape,
  cells: number,
  freeBytes: number,
  input = '--sizes',
): void {
  const need = matmulBytes(shape, 1) * (cells + 2);
  if (need > freeBytes * 0.5) {
    const gib = (b: number) => `${(b / 2 ** 30).toFixed(1)} GiB`;
    throw new InputError(
      `${input}: got "${formatShape(shape)}"; it needs about ${gib(need)} for ${cells} sessions ` +
        `but only ${gib(freeBytes)} of memory is free; expected a shape that fits in half of the free memory`,
    );
  }
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
  readonly seed?: number;
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
  );
  let perOpNs: number;
  try {
    perOpNs = await fastestCall(() => timedRun(probe, { A: input }), 10, 9);
  } finally {
    await probe.release();
  }
  const workNs = Math.max(1, perOpNs - options.overheadNs);
  const ops = pow2AtLeast((3 * options.overheadNs) / (share * workNs), MAX_OPS_PER_CALL);
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
    async open(threads: number): Promise<CellRunner> {
      const session = await createSession(ort, model.bytes, threads);
      const feeds = { [model.inputName]: input };
      return {
        call: () => timedRun(session, feeds),
        close: () => session.release(),
      };
    },
  };
}
