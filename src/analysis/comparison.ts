/**
 * What a comparison is, whichever gate made it (the stored baseline's, compare.ts; the same job's,
 * same-job.ts): the verdict as a discriminated union, the cells, the settings, and the helpers
 * both gates share. Plain data, no I/O.
 */
import type { FingerprintDifference } from '../cpu/fingerprint.js';
import type { CellChange } from './changes.js';
import type { NormalizationJson as Normalization } from '../contract/schema.js';
import { invalid } from '../errors.js';
import { holm } from '../stats/index.js';

import { GATE_MODES, type GateMode } from '../contract/limits.js';
export {
  CELL_STATUSES,
  GATE_MODES,
  GATE_ROLES,
  type CellStatus,
  type ComparisonUnit,
  type GateMode,
  type GateRole,
} from '../contract/limits.js';
/** Settings and per-cell checks are fields of the comparison JSON: their types come from its schema. */
export type { CellChecks, CompareSettings } from '../contract/schema.js';
import type { CellChecks, CompareSettings } from '../contract/schema.js';
import type { CellStatus, ComparisonUnit, GateRole } from '../contract/limits.js';

export function isGateMode(x: string): x is GateMode {
  return (GATE_MODES as readonly string[]).includes(x);
}

/** Parse a gate mode given by `input` (e.g. "--gate"); InputError naming it otherwise. */
export function parseGateMode(text: string, input: string): GateMode {
  const v = text.trim();
  if (!isGateMode(v)) throw invalid(input, text, `one of ${GATE_MODES.join(', ')}`);
  return v;
}

export interface CellComparison {
  readonly workload: string;
  readonly threads: number;
  readonly baselineMedianNs: number;
  readonly currentMedianNs: number;
  /** current / baseline; > 1 is slower (normalized by runner speed when the comparison is). */
  readonly ratio: number;
  /** The ratio as measured, when `ratio` is normalized (analysis/normalize.ts); else null. */
  readonly rawRatio?: number | null;
  /** The CI of the ratio at `ciLevel` (null: too few units). The name is the contract's. */
  readonly ci95: readonly [number, number] | null;
  /** The level of `ci95`: the confidence, or Bonferroni-widened over the gated cells and looks. */
  readonly ciLevel: number;
  /**
   * What the within-run statistics count as one observation: `visits` (the median of a visit's
   * calls), `sessions` (same job: a block with freshly opened sessions), or `samples` (a results
   * file without rounds, from an older threadgate: every call, too sure of itself).
   */
  readonly unit: ComparisonUnit;
  /** One-sided p (current slower than baseline). */
  readonly pValue: number | null;
  /** p adjusted over the gated family for a gated cell, over all cells otherwise. */
  readonly pAdjusted: number | null;
  /** Runs in the history with this cell. */
  readonly historyRuns: number;
  /** The prediction limit as a ratio to the baseline median (null: no usable history). */
  readonly predictionLimitRatio: number | null;
  readonly gated: boolean;
  readonly gatedAs: readonly GateRole[];
  readonly checks: CellChecks;
  /** What the cell would be if gated; only gated cells decide the verdict. */
  readonly status: CellStatus;
  /** gated and status === 'regression'. */
  readonly regression: boolean;
  /** The workload's content hash differs from the baseline's (same id, changed model/command). */
  readonly contentChanged: boolean;
  /**
   * Same job: measured as duets (base and head at the same time on disjoint pinned CPU sets,
   * src/measure/duet.ts); absent or false: in sequential blocks.
   */
  readonly duet?: boolean;
}

export interface BaselineSummary {
  readonly source: string;
  readonly fingerprint: string;
  readonly runs: number;
  readonly latestCreatedAt: string;
}

export interface CurrentSummary {
  readonly fingerprint: string;
  readonly createdAt: string;
}

interface ComparisonBase {
  readonly reason: string;
  readonly settings: CompareSettings;
  readonly current: CurrentSummary;
  /** Machine fields that differ (non-empty only when the fingerprints differ). */
  readonly machineDifferences: readonly FingerprintDifference[];
  readonly notes: readonly string[];
  /**
   * Change points in the stored history of the gated cells (changes.ts), oldest first per cell;
   * empty without a stored history (the same-job gate, no baseline, another kind of machine).
   */
  readonly changes: readonly CellChange[];
  /** Runner-speed normalization of the stored gate (normalize.ts); absent: none considered. */
  readonly normalization?: Normalization | null;
}

export interface Compared extends ComparisonBase {
  readonly baseline: BaselineSummary;
  /** Compared with a baseline from another kind of machine because `force` was set. */
  readonly forced: boolean;
  readonly cells: readonly CellComparison[];
  /** Largest ratio − 1 among the gated cells (negative: all faster). */
  readonly maxSlowdown: number;
  readonly workloadsOnlyInBaseline: readonly string[];
  readonly workloadsOnlyInCurrent: readonly string[];
}

export type Comparison =
  | ({ readonly kind: 'pass' } & Compared)
  | ({ readonly kind: 'regression'; readonly regressions: readonly CellComparison[] } & Compared)
  | ({ readonly kind: 'inconclusive'; readonly unresolved: readonly CellComparison[] } & Compared)
  | ({ readonly kind: 'no-baseline'; readonly baseline: BaselineSummary | null } & ComparisonBase);

export type Verdict = Comparison['kind'];

/** A per-cell seed that does not depend on which other cells exist (FNV-1a of the cell's name). */
export function cellSeed(seed: number, workload: string, threads: number): number {
  let h = 0x811c9dc5;
  for (const ch of `${workload}@${threads}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193);
  }
  return (h ^ seed) >>> 0;
}

/**
 * Holm-adjusted p for the cells selected by `pick` that have a p; undefined elsewhere. With
 * `familySize` larger than the number of p-values (a re-measure of some cells of a larger
 * family), Bonferroni over that family instead: min(1, p · familySize), which Holm's first step
 * is and which holds whatever the other members' p-values were.
 */
export function holmWhere<T extends { readonly pValue: number | null }>(
  cells: readonly T[],
  pick: (c: T) => boolean,
  familySize: number | null = null,
): (number | undefined)[] {
  const idx = cells.flatMap((c, i) => (pick(c) && c.pValue !== null ? [i] : []));
  const adjusted =
    familySize !== null && familySize > idx.length
      ? idx.map((i) => Math.min(1, cells[i]!.pValue! * familySize))
      : holm(idx.map((i) => cells[i]!.pValue!));
  const out = new Array<number | undefined>(cells.length).fill(undefined);
  idx.forEach((cellIndex, k) => {
    out[cellIndex] = adjusted[k];
  });
  return out;
}

export function cellName(workload: string, threads: number): string {
  return `${workload} @ ${threads} thread${threads === 1 ? '' : 's'}`;
}

/** A confidence level as text: 99 %, 97.5 %, 99.75 %. */
export function formatLevel(level: number): string {
  return `${Number((level * 100).toPrecision(4))} %`;
}
