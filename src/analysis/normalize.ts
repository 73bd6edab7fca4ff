/**
 * Runner-speed normalization for the stored gate (issue 20, item 3). On shared runners a whole
 * run is often uniformly slower or faster — another CPU model of the same name, a busy host, a
 * throttled clock — and the stored gate, which compares runs, cannot tell that from a slower
 * workload. So every run that may meet the stored gate also measures a reference cell, the
 * built-in MatMul 256² at 1 thread, in its own interleaved rounds (src/pipeline/sweep-run.ts: the
 * run's own cell when its sweep has it, else one added with short visits), and the gate reads each
 * latency cell relative to it:
 *
 *  - within a run, each sample is divided by the reference's visit median of the same round (the
 *    rounds interleave all cells, so a round's reference visit saw the same stretch of the
 *    machine), and multiplied by an anchor, the baseline run's reference median, so the numbers
 *    stay durations "at the baseline run's runner speed"; the within-run CI and rank test then
 *    carry the reference's own noise, as they should;
 *  - across runs, each stored run median is divided by that run's reference median (times the
 *    anchor), so the prediction limit and the change points see the spread that is left once the
 *    runner's speed is taken out.
 *
 * The reference cell itself, when it is one of the run's cells, is gated raw (divided by itself it
 * would always be 1), and the throughput splits are gated raw (they are measured after the rounds
 * the reference shares).
 *
 * Measured (docs/BENCHMARKS.md, `npm run bench -- --only normalize`): over 20 separate A/A runs on
 * this project's 2-vCPU machines the run-to-run spread of a compute-bound and a memory-bound cell
 * was 0.47–0.63 of the raw spread, so `normalize: auto` is the default. It applies only where the
 * numbers exist: this run and the baseline's newest run have a reference cell, and at least
 * minHistory of the stored runs do; otherwise the gate is raw and says why. Pure.
 */
import type { NormalizeMode } from '../contract/limits.js';
import type { NormalizationJson } from '../contract/schema.js';
import type { Point, Result, WorkloadResult } from '../results/types.js';
import { visitSummary } from './visits.js';
import type { StoredHistory } from './compare.js';

/** The reference cell: the article's compute-bound 256² MatMul, on one thread (one CPU's speed). */
export const REFERENCE_CELL = { id: 'matmul:256', size: '256', threads: 1 } as const;
/**
 * The reference's visits when it is added to a run (ms): short, so that it takes a small share
 * of each round (a 256² product takes about 1 ms on one core here: ~10 calls a visit).
 */
export const REFERENCE_VISIT_MS = 10;

export const REFERENCE_NAME = `${REFERENCE_CELL.id} @ ${REFERENCE_CELL.threads}`;

export type Normalization = NormalizationJson;

export interface GateView {
  readonly history: StoredHistory;
  readonly current: Result;
  readonly normalization: Normalization;
  /** The raw ratio (current / baseline median) of a cell, when the view is normalized. */
  readonly rawRatio: (workload: string, threads: number) => number | null;
}

/** The history and the run as the stored gate reads them: normalized where it can be. */
export function gateView(
  history: StoredHistory,
  current: Result,
  mode: NormalizeMode,
  minHistory: number,
): GateView {
  const latestRef = history.latest.reference;
  const currentRef = current.reference;
  const runnerRatio =
    latestRef && currentRef ? currentRef.point.medianNs / latestRef.point.medianNs : null;
  const raw = (reason: string): GateView => ({
    history,
    current,
    normalization: { reference: REFERENCE_NAME, used: false, reason, runnerRatio },
    rawRatio: () => null,
  });
  if (mode === 'none') return raw('normalize is none: run medians compared as measured');
  if (!currentRef) {
    return raw(
      'this run has no reference cell (measured with normalize: none, or the budget ran out before it); compared as measured',
    );
  }
  if (!latestRef) {
    return raw(
      "the baseline's newest run has no reference cell (an older threadgate, or normalize: none); compared as measured",
    );
  }
  const gateRuns = history.runs.filter((r) => r.kept === undefined);
  const withRef = gateRuns.filter((r) => r.reference !== undefined).length;
  if (withRef < minHistory) {
    return raw(
      `only ${withRef} of the history's ${gateRuns.length} runs have a reference cell (normalization needs ${minHistory}); compared as measured`,
    );
  }
  const anchor = latestRef.point.medianNs;
  const latency = new Set([...history.latest.workloads, ...current.workloads].map((w) => w.id));
  const scaled = (id: string, threads: number) =>
    latency.has(id) && !(id === REFERENCE_CELL.id && threads === REFERENCE_CELL.threads);
  const normalized: StoredHistory = {
    ...history,
    runs: history.runs.map((run) => {
      const ref = run.reference?.medianNs;
      return {
        ...run,
        // A run without a reference cannot be put on the same scale: its cells are left out of
        // the normalized series (its place in the list is kept, so run indices stay the same).
        workloads:
          ref === undefined
            ? []
            : run.workloads.map((w) => ({
                ...w,
                points: w.points.map((p) =>
                  scaled(w.id, p.threads) ? { ...p, medianNs: (p.medianNs * anchor) / ref } : p,
                ),
              })),
      };
    }),
    latest: normalizeResult(history.latest, anchor, scaled),
  };
  const view = normalizeResult(current, anchor, scaled);
  const medianOf = (r: Result, id: string, threads: number) =>
    r.workloads.find((w) => w.id === id)?.points.find((p) => p.threads === threads)?.medianNs;
  return {
    history: normalized,
    current: view,
    normalization: {
      reference: REFERENCE_NAME,
      used: true,
      reason: `each cell divided by ${REFERENCE_NAME} of its own run and round`,
      runnerRatio,
    },
    rawRatio: (id, threads) => {
      if (!scaled(id, threads)) return null;
      const c = medianOf(current, id, threads);
      const b = medianOf(history.latest, id, threads);
      return c !== undefined && b !== undefined ? c / b : null;
    },
  };
}

/**
 * A run's latency cells at the anchor's runner speed: each sample divided by the reference's
 * visit median of its round (the nearest round the reference has, when it missed one), times the
 * anchor; medians and CIs recomputed over the visits as the sweep computes them.
 */
function normalizeResult(
  result: Result,
  anchor: number,
  scaled: (id: string, threads: number) => boolean,
): Result {
  const ref = result.reference!.point;
  const byRound = visitSummary(ref.samplesNs, ref.rounds).byRound;
  const rounds = [...byRound.keys()];
  const refAt = (round: number | undefined): number => {
    if (round === undefined || ref.rounds === undefined) return ref.medianNs;
    const exact = byRound.get(round);
    if (exact !== undefined) return exact;
    const nearest = rounds.reduce((a, b) => (Math.abs(b - round) < Math.abs(a - round) ? b : a));
    return byRound.get(nearest)!;
  };
  const point = (id: string, p: Point): Point => {
    if (!scaled(id, p.threads)) return p;
    const samplesNs = p.samplesNs.map((x, i) => (x * anchor) / refAt(p.rounds?.[i]));
    const v = visitSummary(samplesNs, p.rounds);
    return { ...p, samplesNs, medianNs: v.medianNs, ci95Ns: v.ci95Ns };
  };
  const workloads: WorkloadResult[] = result.workloads.map((w) => ({
    ...w,
    points: w.points.map((p) => point(w.id, p)),
  }));
  return { ...result, workloads };
}

/** The report's line on it: which comparison the stored gate made, and the runner's speed. */
export function describeNormalization(n: Normalization): string {
  const speed =
    n.runnerRatio === null
      ? ''
      : `; this run's reference took ×${n.runnerRatio.toFixed(3)} the baseline run's time (${n.runnerRatio >= 1 ? 'a slower' : 'a faster'} runner)`;
  return n.used
    ? `normalized by the runner-speed reference ${n.reference}: ${n.reason}, so cells are compared at the baseline run's speed${speed}`
    : `compared as measured, not normalized: ${n.reason}${speed}`;
}
