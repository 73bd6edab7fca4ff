/**
 * The sweep as the terminal shows it: the cells that matter and the lines to copy; with
 * --verbose, one table per workload and the machine in full.
 */
import type { MachineInfo, Point, Result, WorkloadResult } from '../results/types.js';
import { PLAIN, type Paint } from './ansi.js';
import {
  ABOVE_PEAK_NOTE,
  abovePeak,
  budgetNote,
  keyPoints,
  machineKindNote,
  mlasNote,
  stoppedCellsLine,
} from './brief.js';
import {
  engineText,
  formatNs,
  formatPercent,
  formatRange,
  runsAsProgram,
  textTable,
} from './format.js';

export function describeMachine(m: MachineInfo): string {
  const quota =
    m.cgroupQuotaCpus === undefined || m.cgroupQuotaCpus === null
      ? 'no CPU quota'
      : `CPU quota ${m.cgroupQuotaCpus.toFixed(2)} CPUs`;
  const affinity =
    m.affinityCpus !== undefined
      ? `affinity ${m.affinityCpus} of ${m.logicalCpus}`
      : `${m.logicalCpus} logical`;
  return (
    `${m.os} ${m.arch}, ${m.cpuModel}: ${m.availableCpus} usable CPUs (${affinity}, ${quota}), ` +
    `${m.physicalCores} physical cores`
  );
}

/** The peak estimate and how it was made (empty without one): a line of its own. */
export function describePeak(m: MachineInfo): string {
  return m.peakGflops
    ? `estimated ${m.peakGflops.gflops.toFixed(0)} GFLOP/s FP32 (${m.peakGflops.basis.replace(/^estimate: /, '')})`
    : '';
}

function workloadTable(w: WorkloadResult, usable: number): string {
  const header = ['', 'threads', 'median', '95 % CI', 'GFLOP/s', '% peak', 'speedup', ''];
  const rows = w.points.map((p) => [
    p.threads === w.recommended.threads ? '►' : ' ',
    String(p.threads),
    formatNs(p.medianNs),
    formatRange(p.ci95Ns[0], p.ci95Ns[1]),
    p.gflops != null ? p.gflops.toFixed(1) : '–',
    p.peakFraction != null ? formatPercent(p.peakFraction, 0) : '–',
    p.speedup != null ? `${p.speedup.toFixed(2)}×` : '–',
    marks(w, p, usable),
  ]);
  const notes: string[] = [w.id];
  if (w.metric && w.kind !== 'matmul') notes.push(`metric: ${w.metric.name}`);
  if (w.mlasMaxThreads !== undefined) notes.push(`MLAS ≤ ${w.mlasMaxThreads} threads`);
  if (w.opsPerCall && w.opsPerCall > 1) notes.push(`${w.opsPerCall} MatMuls per session.run`);
  const shares = w.points.map((p) => p.overheadShare).filter((s): s is number => s != null);
  if (shares.length > 0)
    notes.push(`call overhead ≤ ${formatPercent(Math.max(...shares))} of a sample`);
  const mlas = mlasNote(w);
  return (
    `${w.label}  (${notes.join('; ')})\n${textTable(header, rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l'])}\n  → ${w.recommended.reason ?? ''}` +
    (mlas ? `\n  ${mlas}` : '')
  );
}

/** A point's role: fastest, recommended, oversubscribed (the budget has its own line). */
function marks(w: WorkloadResult, p: Point, usable: number): string {
  return [
    p.threads === w.fastest.threads ? 'fastest' : '',
    p.threads === w.recommended.threads ? 'recommended' : '',
    p.threads > usable ? `oversubscribed (> ${usable} usable CPUs)` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/** The short form: one table of each workload's recommended and fastest cells. */
function keyTable(result: Result): string {
  const usable = result.machine.availableCpus;
  const header = ['workload', '', 'threads', 'median', '95 % CI', 'speedup', ''];
  const rows = result.workloads.flatMap((w) =>
    keyPoints(w).map((p) => [
      w.label,
      p.threads === w.recommended.threads ? '►' : ' ',
      String(p.threads),
      formatNs(p.medianNs),
      formatRange(p.ci95Ns[0], p.ci95Ns[1]),
      p.speedup != null ? `${p.speedup.toFixed(2)}×` : '–',
      marks(w, p, usable),
    ]),
  );
  const mlas = result.workloads
    .map((w) => (mlasNote(w) ? `  ${w.label}: ${mlasNote(w)}` : ''))
    .filter(Boolean);
  return [textTable(header, rows, ['l', 'l', 'r', 'r', 'r', 'r', 'l']), ...mlas].join('\n');
}

/** The throughput splits of a workload, as a table (empty when not measured). */
function throughputTable(w: WorkloadResult): string {
  const t = w.throughput;
  if (t === undefined || t.points.length === 0) return '';
  const header = ['', 'workers × threads', 'requests/s', '95 % CI', 'p50', 'p99', ''];
  const rows = t.points.map((p) => {
    const rec = p.workers === t.recommended.workers;
    return [
      rec ? '►' : ' ',
      `${p.workers} × ${p.threadsPerWorker}`,
      p.requestsPerSec.toFixed(1),
      `${p.ci95[0].toFixed(1)}–${p.ci95[1].toFixed(1)}`,
      formatNs(p.p50Ns),
      formatNs(p.p99Ns),
      rec ? 'recommended' : '',
    ];
  });
  return `${w.label}: throughput by split of the CPUs\n${textTable(header, rows, ['l', 'r', 'r', 'r', 'r', 'r', 'l'])}\n  → ${t.recommended.reason ?? ''}`;
}

export interface SweepTextOptions {
  /** Every cell's table, the machine in full, the overhead and the notes (CLI --verbose). */
  readonly verbose?: boolean;
}

/**
 * The sweep for the terminal. The short form (the default): the cells that matter, the
 * recommendation, the kind of machine it holds for, and one line on cells the budget stopped.
 * `verbose` shows every cell's table, the throughput splits, the machine in full and the notes.
 */
export function renderSweep(
  result: Result,
  paint: Paint = PLAIN,
  opts: SweepTextOptions = {},
): string {
  const usable = result.machine.availableCpus;
  const verbose = opts.verbose === true;
  const parts = verbose
    ? result.workloads
        .flatMap((w) => [workloadTable(w, usable), throughputTable(w)])
        .filter(Boolean)
    : [keyTable(result)];
  const k = result.recommendation.ompNumThreads;
  const only = result.workloads.length === 1 ? result.workloads[0] : undefined;
  parts.push(
    runsAsProgram(only)
      ? [
          `${paint.good('Recommendation:')} run it with ${k} thread${k === 1 ? '' : 's'} (${result.recommendation.basis})`,
          `  OMP_NUM_THREADS=${k} ${only.label}`,
        ].join('\n')
      : [
          `${paint.good('Recommendation:')} ${k} thread${k === 1 ? '' : 's'} (${result.recommendation.basis})`,
          `  OMP_NUM_THREADS=${k}            # PyTorch, OpenMP, MKL, OpenBLAS programs`,
          `  ORT_INTRA_OP_NUM_THREADS=${result.recommendation.ortIntraOpNumThreads}   # ONNX Runtime ignores OMP_NUM_THREADS: set intraOpNumThreads`,
        ].join('\n'),
  );
  const split = result.recommendation.throughput;
  if (split) {
    parts.push(
      [
        `${paint.good('For throughput:')} ${split.workers} worker${split.workers === 1 ? '' : 's'} (processes or sessions serving requests in parallel), each with`,
        `  OMP_NUM_THREADS=${split.threadsPerWorker}  ORT_INTRA_OP_NUM_THREADS=${split.threadsPerWorker}   # ${split.basis ?? ''}`,
      ].join('\n'),
    );
  }
  const extra: string[] = [machineKindNote(result)];
  const budget = budgetNote(result);
  if (budget) extra.push(budget);
  if (verbose && budget) extra.push(stoppedCellsLine(result));
  const skipped = skippedText(result);
  if (skipped) extra.push(skipped);
  if (verbose) {
    extra.push(`Machine: ${describeMachine(result.machine)}`);
    const peak = describePeak(result.machine);
    if (peak) extra.push(`Peak: ${peak}`);
    const engine = engineText(result);
    if (engine) extra.push(`Engine: ${engine}`);
    if (abovePeak(result)) extra.push(ABOVE_PEAK_NOTE);
    if (result.overhead)
      extra.push(`Per-call overhead of session.run: ${formatNs(result.overhead.perCallNs)}`);
  }
  const cells = result.workloads.reduce((n, w) => n + w.points.length, 0);
  extra.push(
    `Measured in ${result.elapsedSec.toFixed(1)} s (budget ${result.settings.maxTimeSec} s, target ±${formatPercent(result.settings.targetPrecision, 0)} on each median).` +
      (verbose ? '' : ` All ${cells} cells, the machine in full and the notes: --verbose.`),
  );
  parts.push(extra.join('\n'));
  return parts.join('\n\n') + '\n';
}

/** The cells the budget left unmeasured, in one line (empty when none). */
export function skippedText(result: Result): string {
  const skipped = result.skipped ?? [];
  if (skipped.length === 0) return '';
  const cells = skipped.map((s) => `${s.workload} @ ${s.threads}`).join(', ');
  return (
    `Not measured (the time budget of ${result.settings.maxTimeSec} s ran out): ${cells}. ` +
    'Raise the budget (--max-time, or the max-time input) to measure them.'
  );
}
