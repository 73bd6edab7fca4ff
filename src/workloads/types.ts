import type { WorkloadKind } from '../results/types.js';

/** One (workload, thread count) cell, ready to be timed. */
export interface CellRunner {
  /** Run the workload once; returns the sample in nanoseconds per call. */
  call(): Promise<number>;
  /**
   * Run the workload `n` times; each call's sample in ns. For runners that pay per request (a
   * worker process: one round trip per visit instead of per call); the engine uses it when
   * present.
   */
  callMany?(n: number): Promise<number[]>;
  close(): Promise<void>;
}

/** The runtime that ran a workload, as it reported itself (a worker's ready line). */
export type { EngineInfo } from '../contract/schema.js';
import type { EngineInfo } from '../contract/schema.js';
import type { Pin } from '../cpu/affinity.js';

export interface Metric {
  readonly name: string; // "latency" or the user's metric name
  readonly unit: 'ns'; // samples are always stored in nanoseconds
}

/**
 * A thing to time at several thread counts. `open(threads)` gives a runner for one cell; the
 * sweep engine owns the order, warm-up and stopping.
 */
export interface Workload {
  readonly id: string;
  readonly kind: WorkloadKind;
  readonly label: string;
  /** Operations per call: samples are divided by this to give ns per operation. */
  readonly opsPerCall: number;
  readonly flopsPerOp: number | null;
  readonly mlasMaxThreads?: number;
  readonly metric: Metric;
  readonly contentHash?: string | null;
  readonly details?: Record<string, unknown>;
  /**
   * Fixed number of untimed warm-up calls per cell, for workloads whose calls are long (a
   * process per call): replaces the default "until steady, at least 200 ms" warm-up.
   */
  readonly warmupCalls?: number;
  open(threads: number): Promise<CellRunner>;
  /**
   * A runner for one cell in a child process pinned to `pin.cpus` (the same-job gate's duets,
   * src/measure/duet.ts), for workloads that run as processes (command, worker). ONNX Runtime
   * workloads get theirs from `parallel` (src/workloads/ort-child.ts).
   */
  openPinned?(threads: number, pin: Pin): Promise<CellRunner>;
  /** Sweep this workload at these thread counts only (default: the sweep's). */
  readonly threadCounts?: readonly number[];
  /**
   * Visit length this workload asks for, in ms (default: the sweep's, 30): a worker pays one
   * protocol round trip per visit, so its visits are longer.
   */
  readonly visitMs?: number;
  /**
   * Measured alongside the others (the runner-speed reference a run adds): visited in every
   * round they are, but its own precision does not keep the sweep going once it has its
   * minimum visits, so an added cell never stretches a run to its budget.
   */
  readonly alongside?: boolean;
  /** The runtime the workload ran in, when it says (a worker; known once a session opened). */
  readonly engine?: EngineInfo | null;
  /** The thread count the runtime reported for each count asked (null: it did not say). */
  readonly runtimeThreads?: ReadonlyMap<number, number | null>;
  /**
   * What a worker thread needs to run this workload in its own ONNX Runtime session (the
   * throughput objective: several workers at once; session.run blocks its thread, so in-process
   * workloads need a thread each). Absent for workloads that run as processes (commands), which
   * simply run several at once.
   */
  readonly parallel?: ParallelSpec;
}

/** An ONNX model and its inputs, as plain data a worker thread can rebuild them from. */
export interface ParallelSpec {
  readonly model: Uint8Array;
  readonly feeds: readonly {
    readonly name: string;
    readonly type: string;
    readonly data: ArrayLike<number | bigint | boolean | string> & {
      readonly buffer?: ArrayBufferLike;
    };
    readonly dims: readonly number[];
  }[];
}
