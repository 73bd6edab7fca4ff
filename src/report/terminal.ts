/** The sweep as the terminal shows it: one table per workload, the lines to copy, the machine. */
import type { MachineInfo, Result, WorkloadResult } from '../results/types.js';
import { PLAIN, type Paint } from './ansi.js';
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
  const peak = m.peakGflops
    ? `; estimated peak ${m.peakGflops.gflops.toFixed(0)} GFLOP/s FP32 (${m.peakGflops.basis})`
    : '';
  return (
    `${m.os} ${m.arch}, ${m.cpuModel}: ${m.availableCpus} usable CPUs (${affinity}, ${quota}), ` +
    `${m.physicalCores} physical cores${peak}`
  );
}

function workloadTable(w: WorkloadResult, usable: number): string {
  const header = ['', 'threads', 'median', '95 % CI', 'GFLOP/s', '% peak', 'speedup', ''];
  const rows = w.points.map((p) => {
    const marks = [
      p.threads === w.fastest.threads ? 'fastest' : '',
      p.threads === w.recommended.threads ? 'recommended' : '',
      p.converged === false ? 'budget hit before ±target' : '',
      p.threads > usable ? `oversubscribed (> ${usable} usable CPUs)` : '',
    ].filter(Boolean);
    return [
      p.threads === w.recommended.threads ? '►' : ' ',
      String(p.threads),
      formatNs(p.medianNs),
      formatRange(p.ci95Ns[0], p.ci95Ns[1]),
      p.gflops != null ? p.gflops.toFixed(1) : '–',
      p.peakFraction != null ? formatPercent(p.peakFraction, 0) : '–',
      p.speedup != null ? `${p.speedup.toFixed(2)}×` : '–',
      marks.join(', '),
    ];
  });
  const notes: string[] = [w.id];
  if (w.metric && w.kind !== 'matmul') notes.push(`metric: ${w.metric.name}`);
  if (w.mlasMaxThreads !== undefined)
    notes.push(`MLAS uses at most ${w.mlasMaxThreads} threads for this shape`);
  if (w.opsPerCall && w.opsPerCall > 1) notes.push(`${w.opsPerCall} MatMuls per session.run`);
  const shares = w.points.map((p) => p.overheadShare).filter((s): s is number => s != null);
  if (shares.length > 0)
    notes.push(`call overhead ≤ ${formatPercent(Math.max(...shares))} of a sample`);
  return `${w.label}  (${notes.join('; ')})\n${textTable(header, rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l'])}\n  → ${w.recommended.reason ?? ''}`;
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

export function renderSweep(result: Result, paint: Paint = PLAIN): string {
  const usable = result.machine.availableCpus;
  const parts = result.workloads
    .flatMap((w) => [workloadTable(w, usable), throughputTable(w)])
    .filter(Boolean);
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
  const extra: string[] = [`Machine: ${describeMachine(result.machine)}`];
  const engine = engineText(result);
  if (engine) extra.push(`Engine: ${engine}`);
  const above = result.workloads.some((w) => w.points.some((p) => (p.peakFraction ?? 0) > 1));
  if (above) {
    extra.push(
      'Note: some cells exceed 100 % of the estimated peak: the CPU runs above the clock the estimate used (boost, or a virtual machine reporting its base clock), so the estimate is low.',
    );
  }
  if (result.overhead)
    extra.push(`Per-call overhead of session.run: ${formatNs(result.overhead.perCallNs)}`);
  extra.push(
    `Measured in ${result.elapsedSec.toFixed(1)} s (budget ${result.settings.maxTimeSec} s, target ±${formatPercent(result.settings.targetPrecision, 0)} on each median).`,
  );
  const skipped = skippedText(result);
  if (skipped) extra.push(skipped);
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
