/**
 * The one place that touches onnxruntime-node. The module is loaded lazily (the action may
 * provision it at run time from a cache, see src/provision), and every session gets an explicit
 * intra-op thread count ≥ 1: `0` would mean "one per physical core of the whole host", ignoring
 * cgroup quotas and the affinity mask.
 */
import { createRequire } from 'node:module';
import type * as Ort from 'onnxruntime-node';

export type OrtModule = typeof Ort;
export type OrtSession = Ort.InferenceSession;
export type OrtTensor = Ort.Tensor;

let loaded: OrtModule | undefined;
let loadedFrom: string | undefined;

/**
 * Load onnxruntime-node: from `packageDir` when given (a provisioned copy), else the normal
 * module resolution (the project's own node_modules).
 */
export function loadOrt(packageDir?: string): OrtModule {
  if (loaded && (packageDir === undefined || packageDir === loadedFrom)) return loaded;
  const require = createRequire(import.meta.url);
  loaded = require(packageDir ?? 'onnxruntime-node') as OrtModule;
  loadedFrom = packageDir;
  return loaded;
}

/** The file `require()` loads onnxruntime-node from (worker threads load the same copy). */
export function ortModulePath(): string {
  const require = createRequire(import.meta.url);
  return require.resolve(loadedFrom ?? 'onnxruntime-node');
}

export function ortVersion(ort: OrtModule = loadOrt()): string {
  return ort.env.versions.node ?? ort.env.versions.common ?? 'unknown';
}

export interface SessionConfig {
  /**
   * The CPUs this process may use. A session with more intra-op threads than that
   * (oversubscribed) gets ONNX Runtime's spinning turned off (`session.intra_op.allow_spinning`
   * 0): its idle threads otherwise keep spinning for a while after each run, on CPUs that the
   * next cell of an interleaved sweep is measured on — measured here, a 1,2,8-thread sweep of
   * 256² on 2 CPUs made every cell 3–4× slower. ONNX Runtime's guidance for oversubscribed
   * cores is the same. Sessions within the CPUs keep the default (spinning on).
   */
  readonly usableCpus?: number;
  /**
   * false: `session.intra_op.allow_spinning` 0 for every session. The same-job comparison sets
   * it: its blocks keep a session of each side open at every thread count, and a multi-thread
   * session's threads spinning after its visit land on the CPUs of the next visit — on 2 vCPUs
   * that made a fresh 2-thread block's head/base ratio trimodal (×0.6, ×1.0, ×1.6; spread 30 %
   * per block); with spinning off it was 7 % (docs/BENCHMARKS.md, 2026-12-03). Default: on
   * (ONNX Runtime's default, as a deployment runs), except when oversubscribed.
   */
  readonly spinning?: boolean;
}

/**
 * `buildFeeds(ort, list)` as source, for code evaluated in a worker thread or a child process
 * (throughput workers, duet children): a ParallelSpec's feeds as ONNX Runtime tensors. float16
 * data arrives as a Uint16Array of bits, which the Tensor constructor of a Node without Float16Array
 * does not take as such.
 */
export const BUILD_FEEDS_SOURCE = `
function buildFeeds(ort, list) {
  const feeds = {};
  for (const f of list) {
    const t = new ort.Tensor(f.type, f.data, f.dims);
    if (f.type === 'float16' && !(t.data instanceof Uint16Array)) t.cpuData = f.data;
    feeds[f.name] = t;
  }
  return feeds;
}
`;

/**
 * The session options threadgate creates every ONNX Runtime session with — in this process,
 * and sent as data to the worker threads and child processes that create their own.
 */
export function sessionOptions(
  threads: number,
  config: SessionConfig = {},
): Ort.InferenceSession.SessionOptions {
  const oversubscribed = config.usableCpus !== undefined && threads > config.usableCpus;
  return {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    executionProviders: ['cpu'],
    logSeverityLevel: 3,
    ...(oversubscribed || config.spinning === false
      ? { extra: { session: { intra_op: { allow_spinning: '0' } } } }
      : {}),
  };
}

export async function createSession(
  ort: OrtModule,
  model: Uint8Array | string,
  threads: number,
  config: SessionConfig = {},
): Promise<OrtSession> {
  if (!Number.isInteger(threads) || threads < 1) {
    throw new RangeError(`intraOpNumThreads must be an integer ≥ 1, got ${threads}`);
  }
  const options = sessionOptions(threads, config);
  return typeof model === 'string'
    ? ort.InferenceSession.create(model, options)
    : ort.InferenceSession.create(model, options);
}

/** Time one `session.run` in nanoseconds (the await included: that is what a caller pays). */
export async function timedRun(
  session: OrtSession,
  feeds: Record<string, OrtTensor>,
): Promise<number> {
  const t0 = process.hrtime.bigint();
  await session.run(feeds);
  return Number(process.hrtime.bigint() - t0);
}
