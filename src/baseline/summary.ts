/**
 * What a baseline history holds, as plain data for `threadgate baseline show`: its runs (date,
 * ref, sha, oldest first) and, per (workload, threads) cell, the run-level medians aligned with
 * the runs (null where a run lacks the cell), newest last.
 */

import type { MachineInfo } from '../results/types.js';
import type { BaselineDocument } from './history.js';

export interface HistoryRunSummary {
  readonly createdAt: string;
  readonly ref: string | null;
  readonly sha: string | null;
}

export interface HistoryCellSummary {
  readonly workload: string;
  readonly threads: number;
  /** One per run, oldest first; null where that run did not measure the cell. */
  readonly mediansNs: readonly (number | null)[];
}

export interface HistorySummary {
  readonly schemaVersion: 1;
  readonly kind: 'threadgate-baseline-summary';
  readonly fingerprint: string;
  readonly machine: Pick<
    MachineInfo,
    'os' | 'arch' | 'cpuModel' | 'availableCpus' | 'physicalCores' | 'onnxruntime'
  >;
  readonly runs: readonly HistoryRunSummary[];
  readonly cells: readonly HistoryCellSummary[];
}

/** The runs and cells of `doc`; cells in the order they first appear, threads ascending. */
export function summarizeHistory(doc: BaselineDocument): HistorySummary {
  const keys = new Map<string, Set<number>>();
  for (const run of doc.runs) {
    for (const w of run.workloads) {
      const threads = keys.get(w.id) ?? new Set<number>();
      for (const p of w.points) threads.add(p.threads);
      keys.set(w.id, threads);
    }
  }
  const cells: HistoryCellSummary[] = [];
  for (const [workload, threads] of keys) {
    for (const t of [...threads].sort((a, b) => a - b)) {
      cells.push({
        workload,
        threads: t,
        mediansNs: doc.runs.map(
          (run) =>
            run.workloads.find((w) => w.id === workload)?.points.find((p) => p.threads === t)
              ?.medianNs ?? null,
        ),
      });
    }
  }
  const m = doc.machine;
  return {
    schemaVersion: 1,
    kind: 'threadgate-baseline-summary',
    fingerprint: doc.fingerprint,
    machine: {
      os: m.os,
      arch: m.arch,
      cpuModel: m.cpuModel,
      availableCpus: m.availableCpus,
      physicalCores: m.physicalCores,
      ...(m.onnxruntime === undefined ? {} : { onnxruntime: m.onnxruntime }),
    },
    runs: doc.runs.map((r) => ({
      createdAt: r.createdAt,
      // Not checked when the file was read (the gate does not use them): strings or nothing.
      ref: typeof r.ref === 'string' ? r.ref : null,
      sha: typeof r.sha === 'string' ? r.sha : null,
    })),
    cells,
  };
}
