/**
 * Confirmation of a suspected regression against a stored baseline. Run-to-run noise on shared
 * machines is heavy-tailed: a neighbour's burst can slow one run by 30–80 % for a few seconds,
 * which no threshold or prediction limit fitted to ordinary noise excludes. So before a stored-
 * baseline regression fails a build, the flagged cells are measured once more, as a separate
 * sweep; the regression stands only if the same cells regress again against the same baseline.
 * It costs one short sweep, and only when a regression is suspected.
 */
import { compareResults, type CompareOptions, type Comparison } from '../analysis/compare.js';
import type { LoadedBaseline } from '../baseline/store.js';
import type { SweepSettings, WorkloadSpec } from '../settings/settings.js';
import { parseShape } from '../workloads/matmul.js';
import { runSweep, type SweepRunOptions } from './sweep-run.js';

export interface Confirmation {
  readonly comparison: Comparison;
  /** The re-measurement's own comparison (only the flagged cells), for the report; null when none ran. */
  readonly recheck: Comparison | null;
  readonly confirmed: boolean;
  readonly note: string;
}

type Regression = Extract<Comparison, { kind: 'regression' }>;

/**
 * The workloads and thread counts of the flagged cells, as sweep settings with `budgetSec` (what
 * is left of the step's measuring budget).
 */
export function recheckSettings(
  settings: SweepSettings,
  regression: Regression,
  budgetSec: number,
): SweepSettings {
  const ids = [...new Set(regression.regressions.map((c) => c.workload))];
  const threads = [...new Set(regression.regressions.map((c) => c.threads))].sort((a, b) => a - b);
  const workload: WorkloadSpec =
    settings.workload.kind === 'matmul'
      ? { kind: 'matmul', sizes: ids.map((id) => parseShape(id.replace(/^matmul:/, ''))) }
      : settings.workload;
  return { ...settings, workload, threads, maxTimeSec: budgetSec };
}

export async function confirmRegression(
  settings: SweepSettings,
  first: Regression,
  baseline: LoadedBaseline,
  compareOptions: CompareOptions,
  runOptions: SweepRunOptions = {},
  budgetSec: number = settings.maxTimeSec / 2,
): Promise<Confirmation> {
  if (!(budgetSec > 0)) {
    return unconfirmed(first, null, 'no time was left of max-time to measure it again');
  }
  const again = await runSweep(recheckSettings(settings, first, budgetSec), runOptions);
  const recheck = compareResults(baseline, again.result, { ...compareOptions, gate: 'all' });
  const flagged = new Set(first.regressions.map((c) => `${c.workload}@${c.threads}`));
  const still =
    recheck.kind === 'regression'
      ? recheck.regressions.filter((c) => flagged.has(`${c.workload}@${c.threads}`))
      : [];
  const names = (cs: readonly { workload: string; threads: number }[]) =>
    cs.map((c) => `${c.workload} @ ${c.threads}`).join(', ');
  if (still.length > 0) {
    const note = `confirmed by a second measurement of the flagged cells: ${names(still)}`;
    return {
      comparison: {
        ...first,
        regressions: first.regressions.filter((c) =>
          still.some((s) => s.workload === c.workload && s.threads === c.threads),
        ),
        notes: [...first.notes, note],
      },
      recheck,
      confirmed: true,
      note,
    };
  }
  return unconfirmed(
    first,
    recheck,
    `a second measurement of ${names(first.regressions)} did not confirm the slowdown (${recheckSummary(recheck)}): treated as noise of this run`,
  );
}

function unconfirmed(first: Regression, recheck: Comparison | null, note: string): Confirmation {
  const cells = first.cells.map((c) =>
    c.regression ? { ...c, regression: false, status: 'inconclusive' as const } : c,
  );
  return {
    comparison: {
      ...first,
      kind: 'inconclusive',
      cells,
      unresolved: cells.filter((c) => c.gated && c.status === 'inconclusive'),
      reason: `not confirmed: ${first.reason}; ${note}`,
      notes: [...first.notes, note],
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
