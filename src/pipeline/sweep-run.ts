/**
 * settings → plan → measure → Result. The only orchestration of a sweep; the CLI and the action
 * call this and hand the Result to their sinks.
 */
import os from 'node:os';
import { probeCpu } from '../cpu/index.js';
import { sweep, type SweepProgress } from '../measure/sweep.js';
import { defaultThreadCounts } from '../measure/plan.js';
import { buildResult } from '../results/build.js';
import { medianCIOrderStat } from '../stats/index.js';
import type { Result } from '../results/types.js';
import type { SweepSettings } from '../settings/settings.js';
import { checkShapeFits, createMatMulWorkload } from '../workloads/matmul.js';
import { measureCallOverhead } from '../workloads/overhead.js';
import { loadOrt, ortVersion, type OrtModule } from '../workloads/ort.js';
import type { Workload } from '../workloads/types.js';

export interface SweepRunOptions {
  readonly ort?: OrtModule;
  readonly onProgress?: (p: SweepProgress) => void;
  readonly log?: (line: string) => void;
}

export async function runSweep(
  settings: SweepSettings,
  options: SweepRunOptions = {},
): Promise<Result> {
  const startMs = performance.now();
  const ort = options.ort ?? loadOrt();
  const version = ortVersion(ort);
  const machine = probeCpu({ ortVersion: version });
  const threads =
    settings.threads === 'auto'
      ? defaultThreadCounts(machine.availableCpus)
      : [...settings.threads];
  for (const shape of settings.sizes) checkShapeFits(shape, threads.length, os.freemem());

  const overhead = await measureCallOverhead(ort);
  const maxThreads = Math.max(...threads);
  const workloads: Workload[] = [];
  for (const shape of settings.sizes) {
    workloads.push(
      await createMatMulWorkload(ort, shape, {
        overheadNs: overhead.perCallNs,
        maxThreads,
        seed: settings.seed,
      }),
    );
  }

  const output = await sweep(workloads, {
    threads,
    maxTimeSec: settings.maxTimeSec,
    targetPrecision: settings.targetPrecision,
    seed: settings.seed,
    startMs,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return buildResult({
    sweep: output,
    machine,
    runtime: { onnxruntime: version, node: process.versions.node },
    overhead: {
      perCallNs: overhead.perCallNs,
      ci95Ns: medianCIOrderStat(overhead.samplesNs, 0.95),
    },
    settings: {
      maxTimeSec: settings.maxTimeSec,
      targetPrecision: settings.targetPrecision,
      tolerance: settings.tolerance,
      seed: settings.seed,
    },
    elapsedSec: (performance.now() - startMs) / 1000,
  });
}
