/**
 * The Comparison JSON (DESIGN.md, "Interfaces"; schema/comparison.schema.json): the verdict of
 * the gate as plain data, for `threadgate compare --json`, the action's outputs and other tools.
 */

import type { ComparisonCellJson, ComparisonJson } from '../contract/schema.js';
import type { CellComparison, CellChecks, Comparison, CompareSettings } from './compare.js';

/** The JSON's types come from its schema (src/contract/schema.ts, schema/comparison.schema.json). */
export type { ComparisonCellJson, ComparisonJson };

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
    changes: c.changes,
    normalization: c.normalization ?? null,
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
    rawRatio: c.rawRatio ?? null,
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
    duet: c.duet === true,
    checks: c.checks,
  };
}

/**
 * The comparison a checked comparison JSON describes (contract/parse.ts has checked the verdict
 * against its cells). Fields older files lack get the values they imply: a cell's CI level is the
 * settings' confidence, its checks are derived from its ratio and CI.
 */
export function comparisonFromJson(json: ComparisonJson): Comparison {
  const common = {
    reason: json.reason,
    settings: json.settings,
    current: json.current,
    machineDifferences: json.machineDifferences.map((d) => ({
      field: d.field,
      a: d.baseline,
      b: d.current,
    })),
    notes: json.notes,
    changes: json.changes,
    normalization: json.normalization,
  };
  if (json.verdict === 'no-baseline')
    return { kind: 'no-baseline', ...common, baseline: json.baseline };
  const cells = json.cells.map((c) => cellFromJson(c, json.settings));
  const compared = {
    ...common,
    // checkComparisonJson: a verdict other than no-baseline has both.
    baseline: json.baseline!,
    forced: json.forced,
    cells,
    maxSlowdown: json.maxSlowdown!,
    workloadsOnlyInBaseline: json.workloadsOnlyInBaseline,
    workloadsOnlyInCurrent: json.workloadsOnlyInCurrent,
  };
  switch (json.verdict) {
    case 'regression':
      return { kind: 'regression', regressions: cells.filter((c) => c.regression), ...compared };
    case 'inconclusive':
      return {
        kind: 'inconclusive',
        unresolved: cells.filter((c) => c.gated && c.status === 'inconclusive'),
        ...compared,
      };
    case 'pass':
      return { kind: 'pass', ...compared };
    default: {
      const never: never = json.verdict;
      return never;
    }
  }
}

function cellFromJson(c: ComparisonCellJson, s: CompareSettings): CellComparison {
  // `duet` is written always (false: sequential blocks) and held only when true.
  const { duet, ...rest } = c;
  return {
    ...rest,
    ...(duet ? { duet: true } : {}),
    ciLevel: c.ciLevel ?? s.confidence,
    checks: c.checks ?? derivedChecks(c.ratio, c.ci95, s),
  };
}

/** The checks a file without them implies (they are not shown in the report). */
function derivedChecks(
  ratio: number,
  ci95: readonly [number, number] | null,
  s: CompareSettings,
): CellChecks {
  return {
    slowdown: ratio - 1 >= s.threshold,
    ciAboveOne: ci95 === null ? null : ci95[0] > 1,
    significant: null,
    beyondHistory: null,
    beyondColdStart: null,
  };
}
