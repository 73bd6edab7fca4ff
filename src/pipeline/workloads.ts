/** WorkloadSpec (settings) → Workload objects the sweep engine drives. */
import os from 'node:os';
import type { WorkloadSpec } from '../settings/settings.js';
import { createCommandWorkload } from '../workloads/command.js';
import { checkShapeFits, createMatMulWorkload } from '../workloads/matmul.js';
import { createModelWorkload } from '../workloads/model.js';
import type { OrtModule } from '../workloads/ort.js';
import type { Workload } from '../workloads/types.js';

export interface BuildContext {
  readonly ort: OrtModule;
  readonly threads: readonly number[];
  readonly overheadNs: number;
  readonly seed: number;
}

export async function buildWorkloads(spec: WorkloadSpec, ctx: BuildContext): Promise<Workload[]> {
  switch (spec.kind) {
    case 'matmul': {
      for (const shape of spec.sizes) checkShapeFits(shape, ctx.threads.length, os.freemem());
      const out: Workload[] = [];
      for (const shape of spec.sizes) {
        out.push(
          await createMatMulWorkload(ctx.ort, shape, {
            overheadNs: ctx.overheadNs,
            maxThreads: Math.max(...ctx.threads),
            seed: ctx.seed,
          }),
        );
      }
      return out;
    }
    case 'model':
      return [await createModelWorkload(ctx.ort, { ...spec, seed: ctx.seed })];
    case 'command':
      return [createCommandWorkload(spec)];
    default: {
      const never: never = spec;
      return never;
    }
  }
}
