/** WorkloadSpec (settings) → Workload objects the sweep engine drives. */
import os from 'node:os';
import type { WorkloadSpec } from '../settings/settings.js';
import { createCommandWorkload } from '../workloads/command.js';
import { InputError } from '../errors.js';
import { createMatMulWorkload, planMatMulMemory } from '../workloads/matmul.js';
import { createModelWorkload, modelFileBytes } from '../workloads/model.js';
import type { OrtModule, SessionConfig } from '../workloads/ort.js';
import { createTorchMatMulWorkloads, type TorchPython } from '../workloads/torch-matmul.js';
import type { Workload } from '../workloads/types.js';
import { createWorkerWorkload } from '../workloads/worker.js';

export interface BuildContext {
  readonly ort: OrtModule;
  readonly threads: readonly number[];
  readonly overheadNs: number;
  readonly seed: number;
  /**
   * Sides measured at once (2 for a same-job comparison): every cell of every side holds its
   * session during the rounds. Default 1.
   */
  readonly sides?: number;
  /** How sessions are created (the usable CPUs: oversubscribed sessions do not spin). */
  readonly session?: SessionConfig;
  /**
   * The most sessions open at once when that is more than one per cell: the throughput
   * objective opens one per worker (each worker thread also holds its own copy of the model).
   */
  readonly concurrentSessions?: number;
  /** Free memory in bytes; default os.freemem(). */
  readonly freeBytes?: number;
  /** engine torch: the Python with PyTorch, found before the sweep (findTorchPython). */
  readonly torch?: TorchPython;
}

export async function buildWorkloads(spec: WorkloadSpec, ctx: BuildContext): Promise<Workload[]> {
  const sessions = Math.max(ctx.threads.length * (ctx.sides ?? 1), ctx.concurrentSessions ?? 0);
  const free = ctx.freeBytes ?? os.freemem();
  switch (spec.kind) {
    case 'matmul': {
      if (spec.engine === 'torch') {
        if (!ctx.torch) throw new Error('engine torch: no Python with PyTorch was looked for');
        return createTorchMatMulWorkloads(spec.sizes, ctx.torch, { seed: ctx.seed });
      }
      const maxOps = planMatMulMemory(spec.sizes, sessions, free);
      const out: Workload[] = [];
      for (const [i, shape] of spec.sizes.entries()) {
        out.push(
          await createMatMulWorkload(ctx.ort, shape, {
            overheadNs: ctx.overheadNs,
            maxThreads: Math.max(...ctx.threads),
            seed: ctx.seed,
            maxOpsPerCall: maxOps[i]!,
            ...(ctx.session ? { session: ctx.session } : {}),
          }),
        );
      }
      return out;
    }
    case 'model': {
      // Every session holds the model's weights (about the file's size).
      const bytes = await modelFileBytes(spec.path);
      if (bytes * (sessions + 1) > free * 0.5) {
        const gib = (b: number) => `${(b / 2 ** 30).toFixed(2)} GiB`;
        throw new InputError(
          `--model: ${spec.path} is ${gib(bytes)}; ${sessions} sessions open at once need about ` +
            `${gib(bytes * (sessions + 1))} but only ${gib(free)} of memory is free; expected fewer ` +
            'thread counts (--threads) or a machine with more memory',
        );
      }
      return [await createModelWorkload(ctx.ort, { ...spec, seed: ctx.seed }, ctx.session)];
    }
    case 'command':
      return [createCommandWorkload(spec)];
    case 'worker':
      return [createWorkerWorkload(spec)];
    default: {
      const never: never = spec;
      return never;
    }
  }
}
