/**
 * The baseline document: the newest full Result plus the history of the last N runs' medians.
 *
 * The unit of replication is the run, not the iteration (DESIGN.md, "The gate"), so the history
 * keeps one median per (workload, threads) cell per run. The gate uses it to learn how much a
 * cell's median moves from run to run on this kind of machine; the full samples are kept only for
 * the newest run (`latest`), which the within-run bootstrap and Mann–Whitney test need.
 *
 * DEFAULT_MAX_RUNS = 20. The history's only use is the spread of the log-medians (the t prediction
 * limit). With 20 runs the t quantile is about 5 % above its large-sample value (t₀.₉₅,₁₉ = 1.73
 * vs z = 1.64) and the standard deviation is estimated to about ±16 %, so more runs buy little; fewer
 * would let two or three noisy runs dominate. Twenty also ages out old runs (after ~20 merges to
 * the default branch) so a drift of the runner fleet or of the code is forgotten, and it keeps the
 * file small (the history is ~100 bytes per cell per run; only `latest` carries samples).
 * Older runs are not all forgotten: thinRuns keeps one a day and then one a week of them for the
 * change points and the trend (at most 3 × maxRuns runs); the gate reads only the newest maxRuns.
 */

import { gatedWorkloads } from '../analysis/throughput.js';
import type { BaselineDocument, BaselineRun } from '../contract/schema.js';
import type { Result } from '../results/types.js';

export const DEFAULT_MAX_RUNS = 20;

/** The stored history's types come from its schema (src/contract/schema.ts). */
export type {
  BaselineDocument,
  BaselinePoint,
  BaselineRun,
  BaselineWorkload,
} from '../contract/schema.js';

export interface MergeOptions {
  readonly maxRuns?: number;
  /** Git ref the run measured, e.g. "refs/heads/main". */
  readonly ref?: string;
  readonly sha?: string;
}

export interface MergeOutcome {
  readonly baseline: BaselineDocument;
  /** What happened besides appending, e.g. a history reset; empty when nothing notable. */
  readonly notes: readonly string[];
}

/** The run-level medians of one Result, as stored in the history. */
export function runFromResult(result: Result, ref?: string, sha?: string): BaselineRun {
  return {
    createdAt: result.createdAt,
    ...(ref === undefined ? {} : { ref }),
    ...(sha === undefined ? {} : { sha }),
    ...(result.reference
      ? {
          reference: {
            id: result.reference.id,
            threads: result.reference.point.threads,
            medianNs: result.reference.point.medianNs,
          },
        }
      : {}),
    // Latency cells, and the throughput splits as cells (analysis/throughput.ts).
    workloads: gatedWorkloads(result).map((w) => ({
      id: w.id,
      ...(w.contentHash == null ? {} : { contentHash: w.contentHash }),
      points: w.points.map((p) => ({ threads: p.threads, medianNs: p.medianNs })),
    })),
  };
}

/** A baseline holding one run: `result`. */
export function baselineFromResult(result: Result, opts: MergeOptions = {}): BaselineDocument {
  return {
    schemaVersion: 1,
    kind: 'threadgate-baseline',
    fingerprint: result.machine.fingerprint,
    machine: result.machine,
    runs: [runFromResult(result, opts.ref, opts.sha)],
    latest: result,
  };
}

/**
 * Append `result` to `baseline`'s history (newest last, keeping the newest `maxRuns` whole and
 * older runs thinned: thinRuns) and make it
 * the `latest`. A result from another machine fingerprint cannot share a history: it starts a
 * fresh one, and the outcome's notes say so. Re-merging the same run (same createdAt) replaces it
 * instead of counting it twice. Pure: returns a new document.
 */
export function mergeRun(
  baseline: BaselineDocument | null,
  result: Result,
  opts: MergeOptions = {},
): MergeOutcome {
  const maxRuns = opts.maxRuns ?? DEFAULT_MAX_RUNS;
  if (!Number.isInteger(maxRuns) || maxRuns < 1) {
    throw new RangeError(`maxRuns: got ${String(maxRuns)}; expected an integer ≥ 1`);
  }
  if (baseline === null) {
    return { baseline: baselineFromResult(result, opts), notes: [] };
  }
  if (baseline.fingerprint !== result.machine.fingerprint) {
    return {
      baseline: baselineFromResult(result, opts),
      notes: [
        `machine fingerprint changed (${baseline.fingerprint} → ${result.machine.fingerprint}): ` +
          `started a fresh baseline history; the previous ${baseline.runs.length} run(s) were dropped`,
      ],
    };
  }
  const notes: string[] = [];
  const previous = baseline.runs.filter((r) => r.createdAt !== result.createdAt);
  if (previous.length !== baseline.runs.length) {
    notes.push(`replaced the stored run of ${result.createdAt} (merged twice)`);
  }
  // Runs stay in time order even when pipelines finish out of order; the newest is `latest`.
  const newer = Date.parse(result.createdAt) >= Date.parse(baseline.latest.createdAt);
  if (!newer) {
    notes.push(
      `the run of ${result.createdAt} is older than the newest stored run (${baseline.latest.createdAt}): ` +
        'inserted in time order; the newest run stays the one compared with',
    );
  }
  const all = [...previous, runFromResult(result, opts.ref, opts.sha)].sort(
    (a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt),
  );
  const runs = thinRuns(all, maxRuns);
  return {
    baseline: {
      schemaVersion: 1,
      kind: 'threadgate-baseline',
      fingerprint: result.machine.fingerprint,
      machine: newer ? result.machine : baseline.machine,
      runs,
      latest: newer ? result : baseline.latest,
    },
    notes,
  };
}

/**
 * Older runs thinned, newest kept whole: the newest `keep` runs as they are (the gate reads
 * these), then of the older ones the newest run of each UTC day for `keep` more days, then the
 * newest of each ISO week for `keep` more weeks, marked `kept: 'daily' | 'weekly'`; the rest is
 * dropped. Like a backup rotation: the history reaches back months (for the change points and the
 * trend) at most 3 × keep runs long, and a run's place in it depends only on the runs newer than
 * it. `runs` oldest first; returns oldest first.
 */
export function thinRuns(runs: readonly BaselineRun[], keep: number): BaselineRun[] {
  const recent = runs.slice(Math.max(0, runs.length - keep)).map(({ kept: _kept, ...r }) => r);
  const older = runs.slice(0, Math.max(0, runs.length - keep)).reverse();
  // Days and weeks the whole runs cover need no older representative.
  const days = new Set<string>();
  const covered = new Set(recent.map((r) => r.createdAt.slice(0, 10)));
  const weeks = new Set<string>();
  const out: BaselineRun[] = [];
  for (const run of older) {
    const day = run.createdAt.slice(0, 10);
    if (days.size < keep) {
      if (!days.has(day) && !covered.has(day)) {
        days.add(day);
        out.push({ ...run, kept: 'daily' });
      }
      continue;
    }
    const week = isoWeek(run.createdAt);
    if (weeks.size < keep && !weeks.has(week) && !days.has(day) && !covered.has(day)) {
      weeks.add(week);
      out.push({ ...run, kept: 'weekly' });
    }
  }
  return [...out.reverse(), ...recent];
}

/** The ISO 8601 week of a time stamp, e.g. "2026-W49". */
export function isoWeek(iso: string): string {
  const d = new Date(Date.parse(iso));
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const weekday = day.getUTCDay() || 7; // Monday 1 … Sunday 7
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the Thursday of its week names the year
  const year = day.getUTCFullYear();
  const week = Math.ceil(((day.getTime() - Date.UTC(year, 0, 1)) / 86400000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}
