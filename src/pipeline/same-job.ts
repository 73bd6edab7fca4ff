/**
 * The same-job comparison (DESIGN.md, "The gate"): the head and the base workload are opened in
 * one sweep, so every round visits all their cells in a fresh random order, and the sweep runs
 * until the gate is decided: after at least `minRounds` rounds, once every gated cell is
 * regression or pass (see src/analysis/same-job.ts), or at `maxRounds`, or when the budget is
 * spent. The final decision is taken with `final: true` (an undecided cell passes, with a
 * warning).
 *
 * Identity: the head and the base are two Workload objects (the sweep tells their cells apart by
 * object, not by id), usually with the same id (the user's name for it: model path, command
 * string), since they are the same workload at two revisions. The comparison's cells carry the
 * head's id, which is what the head's Result holds, so the report lines them up; a base with
 * another id is recorded in the comparison's notes.
 *
 * Defaults, and why:
 *  - minRounds = 10: each paired observation is one round, and a percentile bootstrap of a median
 *    from fewer pairs is coarse (its ends jump between a few order statistics); ten rounds also
 *    spread each side over ten moments of the machine's mood before anything may be concluded.
 *    Looking after every round from then on is sequential testing, which inflates the error
 *    rates near the threshold. Simulated (synthetic workloads, ±30 % noise per call, threshold
 *    10 %, 30 s budget): a head truly 0, 5 or 8 % slower never failed (0/200, 0/200, 0/40); 9 %
 *    slower failed in 2 of 80; exactly 10 % (the threshold, where failing is right by the
 *    definition) in about 1 of 5; 12 % in 39 of 40; 15 and 25 % always. Looking less often
 *    (at rounds growing ×1.2 or ×1.5) did not change the 9 % case and only delayed decisions.
 *  - maxRounds: none; the budget (`maxTimeSec`) ends the sweep.
 *  - targetPrecision = 0.02 (as the sweep's default settings): here it only marks cells
 *    `converged` for the report; stopping is the gate's.
 */
import {
  compareSameJob,
  sameJobDecided,
  type SameJobDecision,
  type SameJobLookOptions,
  type SameJobPair,
  type SameJobWorkloadSamples,
} from '../analysis/same-job.js';
import type { Comparison, GateMode } from '../analysis/compare.js';
import {
  sweep,
  type SweepOutput,
  type SweepProgress,
  type WorkloadSweep,
} from '../measure/sweep.js';
import type { Workload } from '../workloads/types.js';

export const DEFAULT_MIN_ROUNDS = 10;
const DEFAULT_TARGET_PRECISION = 0.02;

export interface SameJobOptions {
  readonly threads: readonly number[];
  readonly maxTimeSec: number;
  /** Smallest relative slowdown that fails the gate (0.10 = 10 %). */
  readonly threshold: number;
  /** Family-wise confidence over the gated cells; default 0.95. */
  readonly confidence?: number;
  readonly seed: number;
  /** No decision before this many rounds; default 10. */
  readonly minRounds?: number;
  /** Stop (and decide with the final rule) after this many rounds; default: only the budget. */
  readonly maxRounds?: number;
  readonly onProgress?: (p: SweepProgress) => void;
  /** 'deployed' (default): each workload's recommended and fastest thread counts; 'all'. */
  readonly gate?: GateMode;
  /** Recommendation tolerance, as the sweep settings' (default 0.05). */
  readonly tolerance?: number;
  readonly resamples?: number;
  /** What the base is, for the report: "same job: <this>". Default: "base <base.label>". */
  readonly baseDescription?: string;
  /** This machine's fingerprint; default "unknown". */
  readonly fingerprint?: string;
  /** Default: now, ISO 8601. */
  readonly createdAt?: string;
  readonly targetPrecision?: number;
  /** Passed to the sweep engine (see SweepOptions). */
  readonly visitMs?: number;
  readonly maxSamples?: number;
  readonly now?: () => number;
  readonly startMs?: number;
}

export interface SameJobRun {
  /** The head's cells (samples and round indices), as the sweep measured them. */
  readonly head: WorkloadSweep;
  readonly base: WorkloadSweep;
  /** The sweep restricted to the head: hand it to buildResult (same seed and tolerance). */
  readonly headSweep: SweepOutput;
  readonly baseSweep: SweepOutput;
  readonly comparison: Comparison;
  readonly decision: SameJobDecision;
  readonly rounds: number;
  readonly elapsedSec: number;
  /**
   * decided: every gated cell was decided; max-rounds / budget: stopped undecided (the final
   * rule applied); samples: every cell reached the sweep's maxSamples.
   */
  readonly stoppedBy: 'decided' | 'max-rounds' | 'budget' | 'samples';
  /** The undecided cells passed with a warning, one line each (also in comparison.notes). */
  readonly warnings: readonly string[];
}

export async function runSameJob(
  head: Workload,
  base: Workload,
  opts: SameJobOptions,
): Promise<SameJobRun> {
  const minRounds = opts.minRounds ?? DEFAULT_MIN_ROUNDS;
  const maxRounds = opts.maxRounds ?? Infinity;
  if (!Number.isInteger(minRounds) || minRounds < 1) {
    throw new RangeError(`minRounds must be an integer ≥ 1; got ${String(minRounds)}`);
  }
  if (maxRounds !== Infinity && (!Number.isInteger(maxRounds) || maxRounds < minRounds)) {
    throw new RangeError(
      `maxRounds must be an integer ≥ minRounds (${minRounds}); got ${String(maxRounds)}`,
    );
  }
  if (head === base) {
    throw new RangeError('the head and the base must be two Workload objects, not the same one');
  }
  const createdAt = opts.createdAt ?? new Date().toISOString();
  const look: SameJobLookOptions = {
    threshold: opts.threshold,
    seed: opts.seed,
    ...(opts.confidence !== undefined ? { confidence: opts.confidence } : {}),
    ...(opts.resamples !== undefined ? { resamples: opts.resamples } : {}),
    ...(opts.gate !== undefined ? { gate: opts.gate } : {}),
    ...(opts.tolerance !== undefined ? { tolerance: opts.tolerance } : {}),
  };
  const paired = (ws: readonly WorkloadSweep[]): SameJobPair[] => [
    { head: samplesOf(ws[0]!), base: samplesOf(ws[1]!) },
  ];
  const compare = (ws: readonly WorkloadSweep[], rounds: number, final: boolean) =>
    compareSameJob(paired(ws), {
      ...look,
      final,
      baseDescription: opts.baseDescription ?? `base ${base.label}`,
      fingerprint: opts.fingerprint ?? 'unknown',
      createdAt,
      rounds,
    });
  // Validate the gate's options before spending the budget.
  sameJobDecided([], look);

  // The look after each round is cheap (gated cells chosen with order-statistic CIs); when it
  // says decided, the full rule (bootstrap CIs for the recommendation, as the final decision and
  // buildResult use) confirms it, so the cells that stopped the sweep are the ones it reports.
  const decided = (ws: readonly WorkloadSweep[], round: number) =>
    sameJobDecided(paired(ws), look) && compare(ws, round, false).decision.decided;

  const stop: { by: SameJobRun['stoppedBy'] | null } = { by: null };
  const output = await sweep([head, base], {
    threads: opts.threads,
    maxTimeSec: opts.maxTimeSec,
    targetPrecision: opts.targetPrecision ?? DEFAULT_TARGET_PRECISION,
    seed: opts.seed,
    ...(opts.visitMs !== undefined ? { visitMs: opts.visitMs } : {}),
    ...(opts.maxSamples !== undefined ? { maxSamples: opts.maxSamples } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.startMs !== undefined ? { startMs: opts.startMs } : {}),
    stopWhen: (cells, round) => {
      if (round >= minRounds && decided(cells, round)) {
        stop.by = 'decided';
      } else if (round >= maxRounds) {
        stop.by = 'max-rounds';
      }
      return stop.by !== null;
    },
  });
  const [h, b] = output.workloads as [WorkloadSweep, WorkloadSweep];
  const { comparison, decision } = compare(output.workloads, output.rounds, true);
  const only = (w: WorkloadSweep): SweepOutput => ({ ...output, workloads: [w] });
  return {
    head: h,
    base: b,
    headSweep: only(h),
    baseSweep: only(b),
    comparison,
    decision,
    rounds: output.rounds,
    elapsedSec: output.elapsedSec,
    stoppedBy: stop.by ?? (output.stoppedBy === 'budget' ? 'budget' : 'samples'),
    warnings: decision.warnings,
  };
}

function samplesOf(w: WorkloadSweep): SameJobWorkloadSamples {
  return { id: w.workload.id, contentHash: w.workload.contentHash ?? null, cells: w.cells };
}
