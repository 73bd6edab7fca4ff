/**
 * The one settings type that both the CLI (flags) and the action (inputs) build. Each reader
 * validates as it reads; errors name the flag or input, the value and the expected form.
 */
import { invalid } from '../errors.js';
import {
  DUET_MODES,
  ENGINES,
  NORMALIZE_MODES,
  type DuetMode,
  type Engine,
  type NormalizeMode,
} from '../contract/limits.js';
import { OBJECTIVES, type Objective } from '../results/types.js';
import type { CommandSpec } from '../workloads/command.js';
import type { MatMulShape } from '../workloads/matmul-model.js';
import type { ModelSpec } from '../workloads/model.js';
import type { WorkerSpec } from '../workloads/worker.js';

/** Defaults, with the reason for each. */
export const DEFAULTS = {
  /**
   * The seed's compute-bound 256² square, a larger square that keeps every core busy, and an
   * LLM-decode-like matrix–vector product (1×4096 · 4096×4096: memory-bound, 64 MiB of weights).
   */
  sizes: '256,1024,1x4096x4096',
  /** Seconds for the whole sweep, set-up included. */
  maxTimeSec: 60,
  /** A cell has converged when the 95 % CI half-width of the median of its visit medians is ≤ 2 % of it. */
  targetPrecision: 0.02,
  /** Recommend the fewest threads within 5 % of the fastest. */
  tolerance: 0.05,
} as const;

/** What to sweep: the built-in MatMul shapes, the user's ONNX model, or the user's command. */
export type WorkloadSpec =
  | {
      readonly kind: 'matmul';
      readonly sizes: readonly MatMulShape[];
      /** The runtime the MatMul runs in (default onnxruntime; torch through a worker). */
      readonly engine?: Engine;
      /** engine torch: the Python that has PyTorch (default: looked for). */
      readonly python?: string;
    }
  | ({ readonly kind: 'model' } & Omit<ModelSpec, 'seed'>)
  | ({ readonly kind: 'command' } & Omit<CommandSpec, 'env'>)
  | ({ readonly kind: 'worker' } & Omit<WorkerSpec, 'env'>);

export interface SweepSettings {
  readonly workload: WorkloadSpec;
  /** Same-job comparison: the base version measured interleaved with the workload. */
  readonly baselineWorkload?: WorkloadSpec;
  /** Explicit list, or 'auto' (1, 2, 4, … plus the usable CPUs, decided after the CPU probe). */
  readonly threads: readonly number[] | 'auto';
  readonly maxTimeSec: number;
  readonly targetPrecision: number;
  readonly tolerance: number;
  readonly seed: number;
  /** 'latency' (default): threads per request; 'throughput': also splits of the CPUs into workers. */
  readonly objective?: Objective;
  /**
   * Runner-speed normalization (analysis/normalize.ts): 'auto' (default) measures the reference
   * cell in the run's rounds and lets the stored gate divide by it where the history allows;
   * 'none' measures and normalizes nothing.
   */
  readonly normalize?: NormalizeMode;
  /**
   * Same job: 'auto' measures the cells whose twice the threads fit the usable CPUs as duets,
   * base and head at the same time on pinned CPU sets (src/measure/duet.ts), where the
   * platform can pin; 'off' (the default, DEFAULT_DUET) measures every cell in sequential
   * blocks.
   */
  readonly duet?: DuetMode;
}

/** `--duet` / the `duet` input. */
export function parseDuet(text: string, input: string): DuetMode {
  const v = text.trim();
  if (!(DUET_MODES as readonly string[]).includes(v)) {
    throw invalid(input, text, `one of ${DUET_MODES.join(', ')}`);
  }
  return v as DuetMode;
}

/** `--normalize` / the `normalize` input. */
export function parseNormalize(text: string, input: string): NormalizeMode {
  const v = text.trim();
  if (!(NORMALIZE_MODES as readonly string[]).includes(v)) {
    throw invalid(input, text, `one of ${NORMALIZE_MODES.join(', ')}`);
  }
  return v as NormalizeMode;
}

/** Of the budget, the share the latency sweep gets under the throughput objective. */
export const THROUGHPUT_LATENCY_SHARE = 0.4;

/** `--engine` / the `engine` input. */
export function parseEngine(text: string, input: string): Engine {
  const v = text.trim();
  if (!(ENGINES as readonly string[]).includes(v)) {
    throw invalid(input, text, `one of ${ENGINES.join(', ')}`);
  }
  return v as Engine;
}

/** `--objective` / the `objective` input. */
export function parseObjective(text: string, input: string): Objective {
  const v = text.trim();
  if (!(OBJECTIVES as readonly string[]).includes(v)) {
    throw invalid(input, text, `one of ${OBJECTIVES.join(', ')}`);
  }
  return v as Objective;
}

/** The smallest time budget: below a second nothing useful can be measured. */
export const MIN_BUDGET_SEC = 1;
/** The smallest per-run timeout of a command. */
export const MIN_TIMEOUT_SEC = 0.1;

/**
 * Seconds: a plain decimal number (not `0x10`, not `1e3`) from `min` to a day.
 */
export function parseSeconds(text: string, input: string, min = MIN_BUDGET_SEC): number {
  const t = text.trim();
  const n = /^\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
  if (!Number.isFinite(n) || n < min || n > 86400) {
    throw invalid(input, text, `a number of seconds from ${min} to 86400, e.g. 60`);
  }
  return n;
}

/** "10", "10%" or "0.10"? Only percent forms: "10" and "10%" both mean 10 %. */
export function parsePercent(text: string, input: string, max = 1000): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(text);
  const n = m ? Number(m[1]) : NaN;
  if (!Number.isFinite(n) || n <= 0 || n > max) {
    throw invalid(input, text, `a percentage greater than 0 and at most ${max}, e.g. 10 or 10%`);
  }
  return n / 100;
}

export function parseSeed(text: string, input: string): number {
  if (!/^\d{1,9}$/.test(text.trim()))
    throw invalid(input, text, 'a non-negative integer below 10^9');
  return Number(text);
}

export function randomSeed(): number {
  return Math.floor(Math.random() * 1e9);
}
