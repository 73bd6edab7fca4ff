/**
 * settings → plan → measure → Result. The only orchestration of a sweep; the CLI and the action
 * call this and hand the Result to their sinks.
 */
import { probeCpu } from '../cpu/index.js';
import type { Comparison, GateMode } from '../analysis/compare.js';
import { DEFAULT_SAME_JOB_THRESHOLD } from '../analysis/same-job.js';
import { sweep, type SweepOutput, type SweepProgress } from '../measure/sweep.js';
import { runSameJob } from './same-job.js';
import { planThreadCounts, plannedWorkloads, type ThreadPlan } from '../measure/plan.js';
import { buildResult } from '../results/build.js';
import { medianCIOrderStat } from '../stats/index.js';
import type { Result } from '../results/types.js';
import type { SweepSettings, WorkloadSpec } from '../settings/settings.js';
import { measureCallOverhead } from '../workloads/overhead.js';
import { loadOrt, ortVersion, type OrtModule } from '../workloads/ort.js';
import { buildWorkloads, type BuildContext } from './workloads.js';
import { REFERENCE_CELL, REFERENCE_VISIT_MS } from '../analysis/normalize.js';
import { DEFAULT_DUET, type ReferenceSource } from '../contract/limits.js';
import { parseShape } from '../workloads/matmul.js';
import type { Workload } from '../workloads/types.js';
import { withEngine } from '../cpu/fingerprint.js';
import { findTorchPython } from '../workloads/torch-matmul.js';
import { measureThroughput } from '../measure/throughput.js';
import { InputError } from '../errors.js';
import { THROUGHPUT_LATENCY_SHARE } from '../settings/settings.js';

export interface SweepRunOptions {
  readonly ort?: OrtModule;
  readonly onProgress?: (p: SweepProgress) => void;
  /** Same-job comparison only: the smallest slowdown that fails the gate. */
  readonly threshold?: number;
  /** Same-job comparison only: which cells are gated (default all). */
  readonly gate?: GateMode;
  /** Same-job comparison only: what the base is, for the report (e.g. "origin/main"). */
  readonly baseDescription?: string;
  /** When the budget started (performance.now()), if before this call; default: now. */
  readonly startMs?: number;
  /** Progress of the throughput measurement, a line at a time. */
  readonly onLine?: (line: string) => void;
  /** The run's time stamp (ISO 8601); default: when this call starts. */
  readonly createdAt?: string;
}

export interface SweepRun {
  readonly result: Result;
  /** The same-job comparison, when settings.baselineWorkload was given; else null. */
  readonly comparison: Comparison | null;
  /** Things the user should know (e.g. an undecided same-job cell passed). */
  readonly warnings: readonly string[];
  /** The `auto` thread plan (what the budget made it drop); null for an explicit list. */
  readonly plan: ThreadPlan | null;
}

export async function runSweep(
  settings: SweepSettings,
  options: SweepRunOptions = {},
): Promise<SweepRun> {
  const startMs = options.startMs ?? performance.now();
  // One instant names the run: the results' createdAt and, in a same-job comparison, the
  // comparison's current.createdAt, so `threadgate report --comparison` knows them as one run.
  const createdAt = options.createdAt ?? new Date().toISOString();
  const ort = options.ort ?? loadOrt();
  const version = ortVersion(ort);
  // The built-in MatMul in PyTorch: its Python is found first, and its engine is part of the
  // machine's fingerprint (a PyTorch history is never compared with an ONNX Runtime one).
  const torch =
    settings.workload.kind === 'matmul' && settings.workload.engine === 'torch'
      ? await findTorchPython(settings.workload.python)
      : undefined;
  const probed = probeCpu({ ortVersion: version });
  const machine = torch ? withEngine(probed, torch.fingerprint) : probed;
  const throughputObjective = settings.objective === 'throughput';
  if (throughputObjective && settings.baselineWorkload) {
    throw new InputError(
      'objective: "throughput" with a base measured in the same job; expected objective "latency" for a same-job comparison (it gates latency)',
    );
  }
  // With the throughput objective, latency comes first with its share of the budget, then the
  // splits with the rest: the thread grid is planned for the latency share.
  const latencySec = settings.maxTimeSec * (throughputObjective ? THROUGHPUT_LATENCY_SHARE : 1);
  const plan =
    settings.threads === 'auto'
      ? planThreadCounts(machine, { maxTimeSec: latencySec, workloads: plannedWorkloads(settings) })
      : null;
  const threads = settings.threads === 'auto' ? plan!.threads : [...settings.threads];
  // The per-call overhead of session.run matters to in-process ORT workloads only.
  const overhead = runsInProcess(settings.workload) ? await measureCallOverhead(ort) : null;
  const build = {
    ort,
    threads,
    overheadNs: overhead?.perCallNs ?? 0,
    seed: settings.seed,
    sides: settings.baselineWorkload ? 2 : 1,
    // The same-job comparison measures with ONNX Runtime's spinning off (SessionConfig.spinning).
    session: {
      usableCpus: machine.availableCpus,
      ...(settings.baselineWorkload ? { spinning: false } : {}),
    },
    ...(torch ? { torch } : {}),
    // Throughput workers: one session and one copy of the model each, up to one per CPU.
    ...(throughputObjective ? { concurrentSessions: 2 * machine.availableCpus } : {}),
  };
  const workloads = await buildWorkloads(settings.workload, build);
  // The runner-speed reference (analysis/normalize.ts): one of the run's own cells when the sweep
  // has it, else a short cell added to the rounds. A same-job comparison needs none: base and
  // head share the runner.
  const reference =
    (settings.normalize ?? 'auto') === 'auto' && !settings.baselineWorkload
      ? await referenceFor(workloads, threads, settings.workload, build)
      : null;

  const common = {
    threads,
    maxTimeSec: latencySec,
    targetPrecision: settings.targetPrecision,
    seed: settings.seed,
    startMs,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
  let output: SweepOutput;
  let comparison: Comparison | null = null;
  let warnings: readonly string[] = [];
  if (settings.baselineWorkload) {
    const [base] = await buildWorkloads(settings.baselineWorkload, build);
    if (workloads.length !== 1 || !base) {
      throw new Error('a same-job comparison needs exactly one workload on each side');
    }
    const run = await runSameJob(workloads[0]!, base, {
      ...common,
      threshold: options.threshold ?? DEFAULT_SAME_JOB_THRESHOLD,
      ...(options.gate ? { gate: options.gate } : {}),
      tolerance: settings.tolerance,
      fingerprint: machine.fingerprint,
      maxThreads: machine.availableCpus,
      duet: settings.duet ?? DEFAULT_DUET,
      baseDescription: options.baseDescription ?? describeSpec(settings.baselineWorkload),
      createdAt,
    });
    output = run.headSweep;
    comparison = run.comparison;
    warnings = run.warnings;
  } else {
    const added = reference?.measured === 'added' ? [reference.workload] : [];
    output = await sweep([...workloads, ...added], common);
  }
  const referenceSweep = reference
    ? output.workloads.find((w) => w.workload === reference.workload)
    : undefined;
  if (reference?.measured === 'added') {
    output = {
      ...output,
      workloads: output.workloads.filter((w) => w.workload !== reference.workload),
    };
  }
  const throughput = throughputObjective
    ? await measureThroughput(workloads, {
        cpus: machine.availableCpus,
        maxTimeSec: Math.max(0, settings.maxTimeSec - (performance.now() - startMs) / 1000),
        seed: settings.seed,
        ...(options.onLine ? { onProgress: options.onLine } : {}),
      })
    : undefined;
  const result = buildResult({
    sweep: output,
    machine,
    runtime: { onnxruntime: version, node: process.versions.node },
    overhead: overhead && {
      perCallNs: overhead.perCallNs,
      ci95Ns: medianCIOrderStat(overhead.samplesNs, 0.95),
    },
    settings: {
      maxTimeSec: settings.maxTimeSec,
      targetPrecision: settings.targetPrecision,
      tolerance: settings.tolerance,
      seed: settings.seed,
      ...(settings.objective ? { objective: settings.objective } : {}),
    },
    elapsedSec: (performance.now() - startMs) / 1000,
    createdAt,
    ...(throughput ? { throughput } : {}),
    ...(reference && referenceSweep
      ? {
          reference: {
            sweep: referenceSweep,
            threads: REFERENCE_CELL.threads,
            measured: reference.measured,
          },
        }
      : {}),
  });
  return { result, comparison, warnings, plan };
}

/**
 * The reference cell of this run: the sweep's own MatMul 256² at 1 thread when it has it (the
 * built-in ONNX Runtime sweep with 1 in its thread counts), else that cell built to be added to
 * the rounds, with short visits so that it costs the run's cells little of the budget.
 */
async function referenceFor(
  workloads: readonly Workload[],
  threads: readonly number[],
  spec: WorkloadSpec,
  build: BuildContext,
): Promise<{ workload: Workload; measured: ReferenceSource }> {
  const own =
    spec.kind === 'matmul' && spec.engine !== 'torch' && threads.includes(REFERENCE_CELL.threads)
      ? workloads.find((w) => w.id === REFERENCE_CELL.id)
      : undefined;
  if (own) return { workload: own, measured: 'in-run' };
  const [made] = await buildWorkloads(
    { kind: 'matmul', sizes: [parseShape(REFERENCE_CELL.size)] },
    { ...build, threads: [REFERENCE_CELL.threads] },
  );
  return {
    workload: {
      ...made!,
      threadCounts: [REFERENCE_CELL.threads],
      visitMs: REFERENCE_VISIT_MS,
      alongside: true,
    },
    measured: 'added',
  };
}

/** ONNX Runtime sessions in this process (not a child process: a command or a worker). */
function runsInProcess(spec: WorkloadSpec): boolean {
  return spec.kind === 'model' || (spec.kind === 'matmul' && spec.engine !== 'torch');
}

function describeSpec(spec: WorkloadSpec): string {
  switch (spec.kind) {
    case 'matmul':
      return spec.engine === 'torch' ? 'MatMul (PyTorch)' : 'MatMul';
    case 'worker':
      return `worker ${spec.command}${spec.cwd ? ` in ${spec.cwd}` : ''}`;
    case 'model':
      return `model ${spec.path}`;
    case 'command':
      return `command ${spec.command}${spec.cwd ? ` in ${spec.cwd}` : ''}`;
    default: {
      const never: never = spec;
      return never;
    }
  }
}
