/**
 * Calibration of the stored-baseline gate on simulated runs: is its stated error rate the real
 * one where the truth is known? Seeded synthetic Results (test/fixtures/baseline/synthetic.ts,
 * shaped like the default sweep on a 2-vCPU runner: two workloads × two thread counts, measured
 * in visits of correlated calls) with a run-level offset per cell, exp(N(0, σ²)), that moves
 * between runs and that no within-run statistic can see — the noise of shared CI machines. For
 * each history length n and run-to-run σ, `reps` A/A comparisons (a history of n unchanged runs,
 * then one more unchanged run) go through compareResults with the default rule; the share of
 * `regression` should be at most 1 − confidence = 1 %. Also the same histories against a run
 * slower by 25 % in every cell (power where the slowdown is known). No re-measure here: it only
 * lowers the rate further, and it needs a machine.
 *
 * Deterministic (seeded) and CPU-only: it measures the statistics, not this machine.
 */
import { compareResults, DEFAULT_CONFIDENCE } from '../src/analysis/compare.js';
import { mergeRun, type BaselineDocument } from '../src/baseline/history.js';
import type { LoadedBaseline } from '../src/baseline/store.js';
import type { Result } from '../src/results/types.js';
import {
  DEFAULT_WORKLOADS,
  scaleResult,
  syntheticResult,
} from '../test/fixtures/baseline/synthetic.js';
import type { BenchContext, Section } from './types.js';
import { pct, rate } from './util.js';

const HISTORIES = [5, 6, 10, 20] as const;
const SIGMAS = [0.03, 0.08, 0.2] as const;
const SLOWER = 1.25;

function run(seed: number, day: number, sigma: number): Result {
  return syntheticResult({
    seed,
    workloads: DEFAULT_WORKLOADS,
    createdAt: new Date(Date.UTC(2026, 0, 1 + day)).toISOString(),
    visits: 12,
    callsPerVisit: 4,
    visitNoise: 0.01,
    runNoise: sigma,
  });
}

function historyOf(n: number, sigma: number, seed: number): LoadedBaseline {
  let doc: BaselineDocument | null = null;
  for (let i = 0; i < n; i++) doc = mergeRun(doc, run(seed * 100 + i, i, sigma)).baseline;
  return { document: doc!, source: 'simulated history', notes: [] };
}

export const calibration: Section = {
  name: 'calibration',
  title: 'Calibration of the stored-baseline gate on simulated runs (known truth)',
  async run(ctx: BenchContext) {
    const reps = ctx.quick ? 100 : 1000;
    const rows: string[][] = [];
    let worst = 0;
    let pooled = 0;
    let row = 0;
    for (const n of HISTORIES) {
      for (const sigma of SIGMAS) {
        // Each row its own range of seeds (1 + i + 10 000·n + σ·10⁶ gave (5, 8 %) and (10, 3 %)
        // the same draws, so the pooled rate counted correlated rows as independent).
        const firstSeed = 1 + reps * row++;
        let aa = 0;
        let unclear = 0;
        let detected = 0;
        for (let i = 0; i < reps; i++) {
          const seed = firstSeed + i;
          const history = historyOf(n, sigma, seed);
          const fresh = run(seed * 100 + 99, n + 1, sigma);
          const same = compareResults(history, fresh);
          if (same.kind === 'regression') aa++;
          if (same.kind === 'inconclusive') unclear++;
          const slow = scaleResult(fresh, SLOWER, fresh.createdAt);
          if (compareResults(history, slow).kind === 'regression') detected++;
        }
        worst = Math.max(worst, aa / reps);
        pooled += aa;
        rows.push([
          String(n),
          pct(sigma, 0),
          rate(aa, reps),
          rate(unclear, reps),
          rate(detected, reps),
        ]);
        ctx.log(`calibration: history ${n}, σ ${pct(sigma, 0)} done`);
      }
    }
    return {
      summary: [
        `${reps} seeded A/A comparisons per row through compareResults with the default rule (confidence ${pct(DEFAULT_CONFIDENCE, 0)}: at most ${pct(1 - DEFAULT_CONFIDENCE, 0)} false alarms stated); synthetic default-shaped runs (2 workloads × 2 thread counts, 12 visits of 4 calls) with a per-cell run-to-run offset exp(N(0, σ²)); histories of n unchanged runs (mergeRun), the cold-start rule below 5`,
        `**false alarms, all rows pooled: ${rate(pooled, rows.length * reps)}; worst row ${pct(worst)}** (stated: ≤ ${pct(1 - DEFAULT_CONFIDENCE, 0)} per comparison)`,
        `detection: the same histories against the fresh run made ${pct(SLOWER - 1, 0)} slower in every cell`,
      ],
      table: {
        header: [
          'history (runs)',
          'run-to-run σ',
          'A/A: regression',
          'A/A: inconclusive',
          `+${pct(SLOWER - 1, 0)}: regression`,
        ],
        rows,
      },
    };
  },
};
