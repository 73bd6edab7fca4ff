/**
 * The Comparison JSON (DESIGN.md, "Interfaces"; schema/comparison.schema.json): the verdict of
 * the gate as plain data, for `threadgate compare --json`, the action's outputs and other tools.
 */

import type {
  CellComparison,
  CellChecks,
  Comparison,
  CompareSettings,
  GateRole,
  Verdict,
} from './compare.js';

export interface ComparisonCellJson {
  readonly workload: string;
  readonly threads: number;
  readonly baselineMedianNs: number;
  readonly currentMedianNs: number;
  readonly ratio: number;
  readonly ci95: readonly [number, number] | null;
  /** The level of `ci95` (the confidence, or Bonferroni-widened). */
  readonly ciLevel: number;
  /** What the within-run statistics count as one observation. */
  readonly unit: CellComparison['unit'];
  readonly pValue: number | null;
  readonly pAdjusted: number | null;
  readonly predictionLimitRatio: number | null;
  readonly historyRuns: number;
  readonly gated: boolean;
  readonly gatedAs: readonly GateRole[];
  readonly status: CellComparison['status'];
  readonly regression: boolean;
  readonly contentChanged: boolean;
  readonly checks: CellChecks;
}

export interface ComparisonJson {
  readonly schemaVersion: 1;
  readonly kind: 'threadgate-comparison';
  readonly verdict: Verdict;
  readonly reason: string;
  readonly settings: CompareSettings;
  readonly baseline: {
    readonly source: string;
    readonly fingerprint: string;
    readonly runs: number;
    readonly latestCreatedAt: string;
  } | null;
  readonly current: { readonly fingerprint: string; readonly createdAt: string };
  readonly forced: boolean;
  readonly machineDifferences: readonly {
    readonly field: string;
    readonly baseline: string | number;
    readonly current: string | number;
  }[];
  readonly cells: readonly ComparisonCellJson[];
  /** Largest ratio − 1 among the gated cells; null when nothing was compared. */
  readonly maxSlowdown: number | null;
  readonly workloadsOnlyInBaseline: readonly string[];
  readonly workloadsOnlyInCurrent: readonly string[];
  readonly notes: readonly string[];
}

export function toComparisonJson(c: Comparison): ComparisonJson {
  const common = {
    schemaVersion: 1,
    kind: 'threadgate-comparison',
    verdict: c.kind,
    reason: c.reason,
    settings: c.settings,
    current: c.current,
    machineDifferences: c.machineDifferences.map((d) => ({
      field: d.field,
      baseline: d.a,
      current: d.b,
    })),
    notes: c.notes,
  } as const;
  if (c.kind === 'no-baseline') {
    return {
      ...common,
      baseline: c.baseline,
      forced: false,
      cells: [],
      maxSlowdown: null,
      workloadsOnlyInBaseline: [],
      workloadsOnlyInCurrent: [],
    };
  }
  return {
    ...common,
    baseline: c.baseline,
    forced: c.forced,
    cells: c.cells.map(cellJson),
    maxSlowdown: c.maxSlowdown,
    workloadsOnlyInBaseline: c.workloadsOnlyInBaseline,
    workloadsOnlyInCurrent: c.workloadsOnlyInCurrent,
  };
}

function cellJson(c: CellComparison): ComparisonCellJson {
  return {
    workload: c.workload,
    threads: c.threads,
    baselineMedianNs: c.baselineMedianNs,
    currentMedianNs: c.currentMedianNs,
    ratio: c.ratio,
    ci95: c.ci95,
    ciLevel: c.ciLevel,
    unit: c.unit,
    pValue: c.pValue,
    pAdjusted: c.pAdjusted,
    predictionLimitRatio: c.predictionLimitRatio,
    historyRuns: c.historyRuns,
    gated: c.gated,
    gatedAs: c.gatedAs,
    status: c.status,
    regression: c.regression,
    contentChanged: c.contentChanged,
    checks: c.checks,
  };
}
