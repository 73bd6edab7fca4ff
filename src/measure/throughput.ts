/**
 * The throughput objective: how to split the usable CPUs between requests. Threads spent inside
 * one request lower its latency; separate requests served in parallel raise throughput. A split
 * is W workers × T threads each with W · T = the usable CPUs (on 16: 1×16, 2×8, 4×4, 8×2, 16×1),
 * each worker its own session — an ONNX Runtime session in its own worker thread (session.run
 * blocks its thread), or, for a command, its own process — all driven at once, back to back,
 * for a measurement window.
 *
 * A visit of a split starts its W workers (fresh sessions), warms them, measures one window,
 * and stops them; rounds visit every split once in a seeded random order, as the latency sweep
 * does, so the machine's drift spreads over all splits, and each window (with its own sessions)
 * is one observation. Per split: requests per second per window — Σ over workers of the requests
 * a worker completed divided by the time from the window's start to its last completion —, the
 * median over windows with its distribution-free 95 % CI, and the p50/p99 latency of all the
 * requests measured.
 *
 * The window is long enough for every worker to complete about MIN_REQUESTS_PER_WINDOW requests
 * (from the latency measured while warming), at least MIN_WINDOW_MS. The budget is a hard limit,
 * checked before every visit.
 */
import { Worker } from 'node:worker_threads';
import { median, medianCIOrderStat, mulberry32, quantile } from '../stats/index.js';
import { BUILD_FEEDS_SOURCE, ortModulePath, sessionOptions } from '../workloads/ort.js';
import type { CellRunner, Workload } from '../workloads/types.js';

export const MIN_WINDOW_MS = 500;
export const MIN_REQUESTS_PER_WINDOW = 20;
/** Windows per split before the CI can be narrow; more when the budget allows. */
export const MIN_WINDOWS = 6;
const WARMUP_MS = 150;

export interface Split {
  readonly workers: number;
  readonly threadsPerWorker: number;
}

/** Every W × T with W · T = cpus, fewest workers first. */
export function cpuSplits(cpus: number): Split[] {
  const n = Math.max(1, Math.floor(cpus));
  const out: Split[] = [];
  for (let w = 1; w <= n; w++) if (n % w === 0) out.push({ workers: w, threadsPerWorker: n / w });
  return out;
}

export interface ThroughputPoint extends Split {
  /** Median over windows of the requests per second. */
  readonly requestsPerSec: number;
  readonly ci95: readonly [number, number];
  readonly p50Ns: number;
  readonly p99Ns: number;
  /** Requests per second of each window, in round order. */
  readonly windows: readonly number[];
  /** The round of each window (one per round). */
  readonly rounds: readonly number[];
}

export interface ThroughputOptions {
  readonly cpus: number;
  readonly maxTimeSec: number;
  readonly seed: number;
  readonly startMs?: number;
  readonly onProgress?: (line: string) => void;
  /** Stop adding rounds once every split has this many windows (default 12). */
  readonly maxWindows?: number;
}

export interface ThroughputOutput {
  readonly workloads: readonly {
    readonly workload: Workload;
    readonly points: ThroughputPoint[];
  }[];
  readonly elapsedSec: number;
  readonly rounds: number;
  /** Splits the budget left without a window, per workload. */
  readonly skipped: readonly { readonly workload: string; readonly split: Split }[];
}

/** One worker's outcome of one window. */
interface WorkerWindow {
  readonly count: number;
  /** ns from the window's start to the worker's last completion. */
  readonly elapsedNs: number;
  readonly latenciesNs: readonly number[];
}

/** W workers of one split, started and warmed, ready to measure windows. */
interface Crew {
  window(durationMs: number): Promise<WorkerWindow[]>;
  /** Latency of one request while warming (ns), to size the window. */
  readonly warmLatencyNs: number;
  stop(): Promise<void>;
}

// The worker thread: loads the same onnxruntime-node, builds its session and inputs, and runs
// back to back for each window it is sent. CommonJS, evaluated (no separate file to bundle).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ort = require(workerData.ortPath);
${BUILD_FEEDS_SOURCE}
(async () => {
  const session = await ort.InferenceSession.create(workerData.model, workerData.options);
  const feeds = buildFeeds(ort, workerData.feeds);
  const now = () => process.hrtime.bigint();
  const warmEnd = now() + BigInt(workerData.warmupMs) * 1000000n;
  let one = 0n;
  do { const t = now(); await session.run(feeds); one = now() - t; } while (now() < warmEnd);
  parentPort.postMessage({ type: 'ready', warmLatencyNs: Number(one) });
  parentPort.on('message', async (m) => {
    if (m.type === 'window') {
      const start = BigInt(m.startNs);
      const end = start + BigInt(m.durationNs);
      while (now() < start) {}
      const latencies = [];
      let last = start;
      while (now() < end) {
        const t = now();
        await session.run(feeds);
        last = now();
        latencies.push(Number(last - t));
      }
      parentPort.postMessage({ type: 'window', count: latencies.length, elapsedNs: Number(last - start), latenciesNs: latencies });
    } else if (m.type === 'stop') {
      await session.release();
      parentPort.postMessage({ type: 'stopped' });
    }
  });
})().catch((e) => parentPort.postMessage({ type: 'error', message: String(e && e.message || e) }));
`;

/** Wait for one message of `type` from a worker, bounded. */
function nextMessage<T>(worker: Worker, type: string, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`a throughput worker did not answer "${type}" within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (m: { type: string; message?: string }) => {
      if (m.type === 'error') {
        cleanup();
        reject(new Error(`a throughput worker failed: ${m.message ?? 'unknown error'}`));
      } else if (m.type === type) {
        cleanup();
        resolve(m as T);
      }
    };
    const onError = (e: Error) => {
      cleanup();
      reject(e);
    };
    const cleanup = () => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
  });
}

async function ortCrew(workload: Workload, split: Split): Promise<Crew> {
  const spec = workload.parallel!;
  const workers = Array.from(
    { length: split.workers },
    () =>
      new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: {
          ortPath: ortModulePath(),
          model: spec.model,
          feeds: spec.feeds,
          options: sessionOptions(split.threadsPerWorker),
          warmupMs: WARMUP_MS,
        },
      }),
  );
  try {
    const ready = await Promise.all(
      workers.map((w) => nextMessage<{ warmLatencyNs: number }>(w, 'ready', 120_000)),
    );
    return {
      warmLatencyNs: Math.max(...ready.map((r) => r.warmLatencyNs)),
      async window(durationMs) {
        // A common start a little ahead, so that every worker begins together.
        const startNs = process.hrtime.bigint() + 20_000_000n;
        const replies = workers.map((w) =>
          nextMessage<WorkerWindow>(w, 'window', durationMs + 120_000),
        );
        for (const w of workers) {
          w.postMessage({
            type: 'window',
            startNs: String(startNs),
            durationNs: String(BigInt(Math.round(durationMs * 1e6))),
          });
        }
        return Promise.all(replies);
      },
      async stop() {
        await Promise.all(
          workers.map(async (w) => {
            const stopped = nextMessage(w, 'stopped', 10_000).catch(() => undefined);
            w.postMessage({ type: 'stop' });
            await stopped;
            await w.terminate();
          }),
        );
      },
    };
  } catch (e) {
    await Promise.all(workers.map((w) => w.terminate()));
    throw e;
  }
}

/** A command's crew: W concurrent loops of the command, each its own process per request. */
async function processCrew(workload: Workload, split: Split): Promise<Crew> {
  const runners: CellRunner[] = [];
  for (let i = 0; i < split.workers; i++) runners.push(await workload.open(split.threadsPerWorker));
  // One warm-up request each, concurrently: it also gives the latency that sizes the window.
  const warm = await Promise.all(runners.map((r) => r.call()));
  return {
    warmLatencyNs: Math.max(...warm),
    async window(durationMs) {
      const start = process.hrtime.bigint();
      const end = start + BigInt(Math.round(durationMs * 1e6));
      return Promise.all(
        runners.map(async (r) => {
          const latencies: number[] = [];
          let last = start;
          while (process.hrtime.bigint() < end) {
            // The request's latency as the command workload measures it (its wall time from
            // spawn to exit, or the metric it prints), not this loop's: that also holds the
            // clean-up after each process and the other workers' turns on the event loop.
            latencies.push(await r.call());
            last = process.hrtime.bigint();
          }
          return {
            count: latencies.length,
            elapsedNs: Number(last - start),
            latenciesNs: latencies,
          };
        }),
      );
    },
    async stop() {
      for (const r of runners) await r.close();
    },
  };
}

function startCrew(workload: Workload, split: Split): Promise<Crew> {
  return workload.parallel ? ortCrew(workload, split) : processCrew(workload, split);
}

/** Requests per second of one window: Σ over workers of count / elapsed. */
export function windowRate(windows: readonly WorkerWindow[]): number {
  return windows.reduce(
    (sum, w) => (w.elapsedNs > 0 ? sum + w.count / (w.elapsedNs / 1e9) : sum),
    0,
  );
}

export async function measureThroughput(
  workloads: readonly Workload[],
  opts: ThroughputOptions,
): Promise<ThroughputOutput> {
  const start = opts.startMs ?? performance.now();
  const deadline = start + opts.maxTimeSec * 1000;
  const splits = cpuSplits(opts.cpus);
  const maxWindows = opts.maxWindows ?? 12;
  const rand = mulberry32(opts.seed ^ 0x7470);
  interface Cell {
    readonly workload: Workload;
    readonly split: Split;
    readonly windows: number[];
    readonly rounds: number[];
    readonly latencies: number[];
    /** ms a visit took, to plan the budget (0: not visited yet). */
    visitMs: number;
    windowMs: number;
  }
  const cells: Cell[] = workloads.flatMap((workload) =>
    splits.map((split) => ({
      workload,
      split,
      windows: [],
      rounds: [],
      latencies: [],
      visitMs: 0,
      windowMs: MIN_WINDOW_MS,
    })),
  );
  let round = 0;
  for (;;) {
    const active = cells.filter((c) => c.windows.length < maxWindows);
    if (active.length === 0) break;
    // A round must fit (once every split has its minimum, stop at a round boundary).
    const roundMs = active.reduce((s, c) => s + (c.visitMs || c.windowMs + 500), 0);
    const enough = cells.every((c) => c.windows.length >= MIN_WINDOWS);
    if (round > 0 && enough && performance.now() + roundMs > deadline) break;
    round++;
    for (let i = active.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [active[i], active[j]] = [active[j]!, active[i]!];
    }
    let visited = 0;
    for (const cell of active) {
      const planned = cell.visitMs || cell.windowMs + 500;
      if (performance.now() + planned > deadline) continue;
      const t0 = performance.now();
      const crew = await startCrew(cell.workload, cell.split);
      try {
        cell.windowMs = Math.max(
          MIN_WINDOW_MS,
          (MIN_REQUESTS_PER_WINDOW * crew.warmLatencyNs) / 1e6,
        );
        if (performance.now() + cell.windowMs > deadline) continue;
        const w = await crew.window(cell.windowMs);
        // Requests are operations: a MatMul call batches opsPerCall products.
        const ops = cell.workload.opsPerCall;
        cell.windows.push(windowRate(w) * ops);
        cell.rounds.push(round);
        for (const x of w)
          cell.latencies.push(...x.latenciesNs.slice(0, 10_000).map((l) => l / ops));
        visited++;
      } finally {
        await crew.stop();
        cell.visitMs = performance.now() - t0;
      }
      opts.onProgress?.(
        `throughput · round ${round} · ${cell.workload.id} ${cell.split.workers}×${cell.split.threadsPerWorker}: ${cell.windows.at(-1)?.toFixed(1) ?? '–'} requests/s`,
      );
    }
    if (visited === 0) break;
  }
  const out = workloads.map((workload) => ({
    workload,
    points: cells
      .filter((c) => c.workload === workload && c.windows.length > 0)
      .map((c): ThroughputPoint => {
        const [lo, hi] = medianCIOrderStat(c.windows, 0.95);
        const sorted = [...c.latencies].sort((a, b) => a - b);
        return {
          ...c.split,
          requestsPerSec: median(c.windows),
          ci95: [lo, hi],
          p50Ns: sorted.length ? quantile(sorted, 0.5) : NaN,
          p99Ns: sorted.length ? quantile(sorted, 0.99) : NaN,
          windows: c.windows,
          rounds: c.rounds,
        };
      }),
  }));
  return {
    workloads: out,
    elapsedSec: (performance.now() - start) / 1000,
    rounds: round,
    skipped: cells
      .filter((c) => c.windows.length === 0)
      .map((c) => ({ workload: c.workload.id, split: c.split })),
  };
}
