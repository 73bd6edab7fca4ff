/**
 * The results file (schemaVersion 1). This is a contract: see DESIGN.md and
 * schema/results.schema.json. Fields may be added; none of the required ones may change.
 */

export type WorkloadKind = 'matmul' | 'model' | 'command';

export const OBJECTIVES = ['latency', 'throughput'] as const;
export type Objective = (typeof OBJECTIVES)[number];

export interface MachineInfo {
  readonly os: string; // process.platform, e.g. "linux"
  readonly arch: string; // process.arch, e.g. "x64"
  readonly cpuModel: string;
  readonly logicalCpus: number; // CPUs the OS reports for the whole host
  readonly availableCpus: number; // usable: min(affinity mask, ceil(cgroup quota))
  readonly physicalCores: number; // distinct physical cores inside the affinity mask
  readonly fingerprint: string; // stable hash of the fields that make runs comparable
  /** More detail, not part of the fingerprint. */
  readonly affinityCpus?: number;
  readonly cgroupQuotaCpus?: number | null;
  readonly peakGflops?: PeakEstimate | null;
  /** The CPUs in the affinity mask as a kernel cpulist, e.g. "0-3,8" (Linux). */
  readonly affinityCpuList?: string;
  /**
   * NUMA nodes holding CPUs of the affinity mask (Linux sysfs), with how many of those CPUs each
   * has; absent when unknown. The thread grid adds one node's CPUs when there are several.
   */
  readonly numaNodes?: readonly NumaNodeInfo[];
  /** Which file set cgroupQuotaCpus, e.g. "cgroup v2 /sys/fs/cgroup/ci.slice/cpu.max = …". */
  readonly cgroupQuotaSource?: string | null;
  /** The onnxruntime version the fingerprint was computed with ("" when none was given). */
  readonly onnxruntime?: string;
  /** What the CPU probe assumed or could not read, in plain words. */
  readonly notes?: readonly string[];
}

export interface NumaNodeInfo {
  readonly node: number;
  /** CPUs of the affinity mask on this node. */
  readonly cpus: number;
  /** Those CPUs as a kernel cpulist, e.g. "0-23,48-71". */
  readonly cpuList: string;
}

export interface PeakEstimate {
  /** Estimated FP32 peak of the usable physical cores, GFLOP/s. Always an estimate. */
  readonly gflops: number;
  readonly perCoreGflops: number;
  readonly basis: string; // e.g. "AVX2 2×FMA: 32 FLOP/cycle × 2.45 GHz × 1 core"
}

export interface RuntimeInfo {
  readonly onnxruntime: string;
  readonly node: string;
}

export interface Point {
  readonly threads: number;
  /** Raw samples, nanoseconds per operation (one MatMul, one model run, one command run). */
  readonly samplesNs: readonly number[];
  /**
   * The round of each sample (parallel to samplesNs): one visit per cell per round. Absent in
   * files of older versions (each sample then counts as its own visit).
   */
  readonly rounds?: readonly number[];
  /** Median of the visit medians (the visit is the unit of measurement). */
  readonly medianNs: number;
  /** Distribution-free 95 % CI of that median, over the visit medians. */
  readonly ci95Ns: readonly [number, number];
  /** Relative half-width of the CI, (hi - lo) / 2 / median. */
  readonly ciHalfWidthRel?: number;
  readonly gflops?: number | null;
  readonly peakFraction?: number | null;
  readonly speedup?: number | null; // median at 1 thread / this median
  readonly overheadShare?: number | null; // per-call overhead / (ns per call)
  readonly converged?: boolean; // reached the target precision before the budget ran out
}

/** One split of the usable CPUs under the throughput objective. */
export interface ThroughputPoint {
  readonly workers: number;
  readonly threadsPerWorker: number;
  /** Median over measurement windows of the requests per second of all workers together. */
  readonly requestsPerSec: number;
  /** Distribution-free 95 % CI of that median, over windows. */
  readonly ci95: readonly [number, number];
  /** Latency of one request, over every request measured. */
  readonly p50Ns: number;
  readonly p99Ns: number;
  /** Requests per second of each window (each with freshly started workers). */
  readonly windows?: readonly number[];
  /** The round of each window. */
  readonly rounds?: readonly number[];
}

export interface ThroughputResult {
  readonly points: readonly ThroughputPoint[];
  readonly recommended: {
    readonly workers: number;
    readonly threadsPerWorker: number;
    readonly reason?: string;
  };
}

export interface WorkloadResult {
  readonly id: string;
  readonly kind: WorkloadKind;
  readonly label: string; // human description, e.g. "MatMul 256×256×256 (float32)"
  readonly points: readonly Point[];
  readonly fastest: { readonly threads: number };
  readonly recommended: { readonly threads: number; readonly reason?: string };
  /** matmul: the most threads MLAS can use for this shape. */
  readonly mlasMaxThreads?: number;
  readonly flopsPerOp?: number | null;
  readonly opsPerCall?: number; // MatMuls per session.run (amortization)
  readonly metric?: { readonly name: string; readonly unit: string };
  readonly contentHash?: string | null;
  readonly details?: Record<string, unknown>;
  /** With `--objective throughput`: the splits of the usable CPUs into workers × threads. */
  readonly throughput?: ThroughputResult;
}

export interface Result {
  readonly schemaVersion: 1;
  readonly tool: { readonly name: 'threadgate'; readonly version: string };
  readonly createdAt: string;
  readonly machine: MachineInfo;
  readonly runtime: RuntimeInfo;
  readonly settings: {
    readonly maxTimeSec: number;
    readonly targetPrecision: number;
    readonly tolerance: number;
    readonly seed: number;
    /** 'latency' (default) or 'throughput'. */
    readonly objective?: Objective;
  };
  readonly overhead: {
    readonly perCallNs: number;
    readonly ci95Ns: readonly [number, number];
  } | null;
  readonly workloads: readonly WorkloadResult[];
  readonly recommendation: {
    readonly ompNumThreads: number;
    readonly ortIntraOpNumThreads: number;
    readonly basis: string;
    /** With `--objective throughput`: how to split the CPUs between requests. */
    readonly throughput?: {
      readonly workers: number;
      readonly threadsPerWorker: number;
      readonly basis?: string;
    };
  };
  readonly elapsedSec: number;
  /** Cells the time budget left without a sample (not in `workloads[].points`). */
  readonly skipped?: readonly { workload: string; threads: number; reason: string }[];
}
