/**
 * A second measurement of the suspects of a stored-baseline comparison, before the action
 * decides. Run-to-run noise on shared machines is heavy-tailed: a neighbour's burst can slow one
 * run by 30–80 % for a few seconds, which no threshold or limit fitted to ordinary noise
 * excludes. So the flagged cells — the regressions, or the cells left inconclusive — are measured
 * once more, as a separate sweep on the same machine, and compared with the same baseline. It is
 * a filter for short bursts on this machine, not a second independent run: both measurements
 * share the runner, the image and the job.
 *
 *  - A regression stands only if the same cells regress again; if they are no longer slower by
 *    the threshold, the verdict is pass (the first measurement was a burst, and the note says
 *    so); otherwise inconclusive.
 *  - An inconclusive cell that is no longer slower by the threshold passes; otherwise it stays
 *    inconclusive (a second try is not allowed to turn it into a regression: that would spend α
 *    twice).
 * The re-measure's multiplicity corrections count the first comparison's whole family of gated
 * cells (familySize), not only the few cells re-measured, so its checks are as strict as the
 * first's.
 */
import { compareResults, type CompareOptions, type Comparison } from '../analysis/compare.js';
import type { BaselineInput } from '../analysis/compare.js';
import type { CellComparison } from '../analysis/comparison.js';
import type { SweepSettings, WorkloadSpec } from '../settings/settings.js';
import { parseShape } from '../workloads/matmul.js';
import { runSweep, type SweepRunOptions } from './sweep-run.js';

/** The share of `max-time` the action keeps for re-measuring the flagged cells. */
export const CONFIRM_SHARE = 1 / 3;

export interface Confirmation {
  readonly comparison: Comparison;
  /** The re-measurement's own comparison (only the flagged cells); null when none ran. */
  readonly recheck: Comparison | null;
  readonly confirmed: boolean;
  readonly note: string;
}

type Suspect = Extract<Comparison, { kind: 'regression' | 'inconclusive' }>;

function suspects(c: Suspect): readonly CellComparison[] {
  return c.kind === 'regression' ? c.regressions : c.unresolved;
}

/**
 * The workloads and thread counts of the flagged cells, as sweep settings with `budgetSec` (what
 * is left of the step's measuring budget).
 */
export function recheckSettings(
  settings: SweepSettings,
  first: Suspect,
  budgetSec: number,
): SweepSettings {
  const cells = suspects(first);
  const ids = [...new Set(cells.map((c) => c.workload))];
  const threads = [...new Set(cells.map((c) => c.threads))].sort((a, b) => a - b);
  const workload: WorkloadSpec =
    settings.workload.kind === 'matmul'
      ? { kind: 'matmul', sizes: ids.map((id) => parseShape(id.replace(/^matmul:/, ''))) }
      : settings.workload;
  return { ...settings, workload, threads, maxTimeSec: budgetSec };
}

export async function confirmRegression(
  settings: SweepSettings,
  first: Suspect,
  baseline: BaselineInput,
  compareOptions: CompareOptions,
  runOptions: SweepRunOptions,
  /** What is left of max-time (the action: at least CONFIRM_SHARE of it); 0 skips the re-measure. */
  budgetSec: number,
): Promise<Confirmation> {
  if (!(budgetSec > 0)) {
    return settle(first, null, [], 'no time was left of max-time to measure it again');
  }
  const again = await runSweep(recheckSettings(settings, first, budgetSec), runOptions);
  const family = first.cells.filter((c) => c.gated).length;
  const recheck = compareResults(baseline, again.result, {
    ...compareOptions,
    gate: 'all',
    familySize: Math.max(1, family),
  });
  return judge(first, recheck);
}

/** The outcome of a re-measure (see the file comment). Pure. */
export function judge(first: Suspect, recheck: Comparison): Confirmation {
  const flagged = suspects(first);
  const key = (c: { workload: string; threads: number }) => `${c.workload}@${c.threads}`;
  const names = (cs: readonly { workload: string; threads: number }[]) =>
    cs.map((c) => `${c.workload} @ ${c.threads}`).join(', ');
  const again = new Map(
    (recheck.kind === 'no-baseline' ? [] : recheck.cells).map((c) => [key(c), c] as const),
  );
  const still = flagged.filter((c) => again.get(key(c))?.status === 'regression');
  const gone = flagged.filter((c) => {
    const a = again.get(key(c));
    return a !== undefined && !a.checks.slowdown;
  });
  if (first.kind === 'regression' && still.length > 0) {
    const note = `confirmed by a second measurement of the flagged cells: ${names(still)}`;
    return {
      comparison: {
        ...first,
        regressions: first.regressions.filter((c) => still.some((s) => key(s) === key(c))),
        notes: [...first.notes, note],
      },
      recheck,
      confirmed: true,
      note,
    };
  }
  const summary = recheckSummary(recheck);
  if (gone.length === flagged.length) {
    return settle(
      first,
      recheck,
      flagged,
      `a second measurement of ${names(flagged)} showed no slowdown of ${pct(first.settings.threshold)} (${summary}): the first was noise of this run`,
      'pass',
    );
  }
  return settle(
    first,
    recheck,
    [],
    first.kind === 'regression'
      ? `a second measurement of ${names(flagged)} did not confirm the slowdown (${summary})`
      : `a second measurement of ${names(flagged)} left it unclear (${summary})`,
  );
}

function pct(x: number): string {
  return `${(x * 100).toFixed(0)} %`;
}

/** The first comparison, with the flagged cells passed (`to: 'pass'`) or left inconclusive. */
function settle(
  first: Suspect,
  recheck: Comparison | null,
  cleared: readonly CellComparison[],
  note: string,
  to: 'pass' | 'inconclusive' = 'inconclusive',
): Confirmation {
  const clearedKeys = new Set(cleared.map((c) => `${c.workload}@${c.threads}`));
  const cells = first.cells.map((c): CellComparison => {
    if (clearedKeys.has(`${c.workload}@${c.threads}`))
      return { ...c, regression: false, status: 'pass' };
    return c.regression ? { ...c, regression: false, status: 'inconclusive' } : c;
  });
  const unresolved = cells.filter((c) => c.gated && c.status === 'inconclusive');
  const notes = [...first.notes, note];
  if (to === 'pass' && unresolved.length === 0) {
    return {
      comparison: {
        ...first,
        kind: 'pass',
        cells,
        notes,
        reason: `no gated cell is slower beyond the noise after a second measurement; ${note}`,
      },
      recheck,
      confirmed: false,
      note,
    };
  }
  return {
    comparison: {
      ...first,
      kind: 'inconclusive',
      cells,
      unresolved,
      reason: `${first.kind === 'regression' ? 'not confirmed' : 'still unclear'}: ${first.reason}; ${note}`,
      notes,
    },
    recheck,
    confirmed: false,
    note,
  };
}

function recheckSummary(c: Comparison): string {
  if (c.kind === 'no-baseline') return c.reason;
  return c.cells
    .map((x) => `${x.workload} @ ${x.threads}: ${((x.ratio - 1) * 100).toFixed(1)} %`)
    .join(', ');
}
