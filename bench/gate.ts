/**
 * The stored-baseline verdict as the action reaches it: compareResults, and, when that says
 * `regression`, the confirmation step of src/pipeline/confirm.ts: the flagged cells measured once
 * more (`recheckSettings`, a sweep in the same process, right away), compared with the same
 * baseline with gate 'all', and the regression stands only if one of the flagged cells regresses
 * again. These are confirmRegression's steps, repeated here so that the re-measurement of a given
 * set of flagged cells can be shared by all the settings of the rule (bench/rules.ts) that flag
 * exactly those cells in the same run: evaluating many settings then costs few extra sweeps, and
 * the settings are compared on the same re-measurements.
 */
import { compareResults, type CompareOptions, type Verdict } from '../src/analysis/compare.js';
import type { LoadedBaseline } from '../src/baseline/store.js';
import { recheckSettings } from '../src/pipeline/confirm.js';
import { runSweep } from '../src/pipeline/sweep-run.js';
import type { Result } from '../src/results/types.js';
import type { SweepSettings } from '../src/settings/settings.js';

export interface GateVerdict {
  /** compareResults alone (what `threadgate compare` says). */
  readonly compared: Verdict;
  /** After the confirmation step (what the action says). */
  readonly final: Verdict;
}

/** One run's re-measurements, keyed by the flagged cells; use a fresh one per run. */
export type RecheckCache = Map<string, Result>;

export async function storedVerdict(
  baseline: LoadedBaseline,
  current: Result,
  opts: CompareOptions,
  settings: SweepSettings,
  cache: RecheckCache,
): Promise<GateVerdict> {
  const first = compareResults(baseline, current, opts);
  if (first.kind !== 'regression') return { compared: first.kind, final: first.kind };
  const flagged = new Set(first.regressions.map((c) => `${c.workload}@${c.threads}`));
  const key = [...flagged].sort().join(',');
  let recheck = cache.get(key);
  if (recheck === undefined) {
    recheck = (await runSweep(recheckSettings(settings, first, settings.maxTimeSec / 2))).result;
    cache.set(key, recheck);
  }
  const again = compareResults(baseline, recheck, { ...opts, gate: 'all' });
  const confirmed =
    again.kind === 'regression' &&
    again.regressions.some((c) => flagged.has(`${c.workload}@${c.threads}`));
  return { compared: 'regression', final: confirmed ? 'regression' : 'inconclusive' };
}
