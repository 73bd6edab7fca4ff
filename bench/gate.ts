/**
 * The stored-baseline verdict as the action reaches it (src/action/run.ts): compareResults on a
 * sweep that had (1 − CONFIRM_SHARE) of the budget, and, when that says `regression` or
 * `inconclusive`, the re-measure of src/pipeline/confirm.ts: the flagged cells swept once more
 * with the rest of the budget (CONFIRM_SHARE), compared with the same baseline (every cell gated,
 * the first comparison's family size kept), and `judge` decides. These are confirmRegression's
 * steps, split so that one re-measurement of a given set of flagged cells serves every setting
 * of the rule (bench/rules.ts) that flags exactly those cells in the same run: the settings are
 * then compared on the same re-measurements, and evaluating many costs few extra sweeps.
 */
import { compareResults, type CompareOptions, type Verdict } from '../src/analysis/compare.js';
import type { LoadedBaseline } from '../src/baseline/store.js';
import { CONFIRM_SHARE, judge, recheckSettings } from '../src/pipeline/confirm.js';
import { runSweep } from '../src/pipeline/sweep-run.js';
import type { Result } from '../src/results/types.js';
import type { SweepSettings } from '../src/settings/settings.js';

export interface GateVerdict {
  /** compareResults alone (what `threadgate compare` says). */
  readonly compared: Verdict;
  /** After the re-measure (what the action says). */
  readonly final: Verdict;
}

/** One run's re-measurements, keyed by the flagged cells; use a fresh one per run. */
export type RecheckCache = Map<string, Result>;

/** The main sweep's share of a run's budget, as in the action when a stored baseline gates. */
export function mainSweepSettings(settings: SweepSettings): SweepSettings {
  return { ...settings, maxTimeSec: settings.maxTimeSec * (1 - CONFIRM_SHARE) };
}

/** `settings` is the whole run's (max-time as the user gives it). */
export async function storedVerdict(
  baseline: LoadedBaseline,
  current: Result,
  opts: CompareOptions,
  settings: SweepSettings,
  cache: RecheckCache,
): Promise<GateVerdict> {
  const first = compareResults(baseline, current, opts);
  if (first.kind !== 'regression' && first.kind !== 'inconclusive') {
    return { compared: first.kind, final: first.kind };
  }
  const recheck = recheckSettings(settings, first, settings.maxTimeSec * CONFIRM_SHARE);
  const key = JSON.stringify([recheck.workload, recheck.threads]);
  let again = cache.get(key);
  if (again === undefined) {
    again = (await runSweep(recheck)).result;
    cache.set(key, again);
  }
  const family = first.cells.filter((c) => c.gated).length;
  const second = compareResults(baseline, again, {
    ...opts,
    gate: 'all',
    familySize: Math.max(1, family),
  });
  return { compared: first.kind, final: judge(first, second).comparison.kind };
}
