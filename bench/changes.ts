/**
 * Change points against the per-run gate, on simulated histories with a known truth (issue 20):
 * 30 runs of one cell whose run-to-run noise is σ (log-normal), and either nothing (A/A), a single
 * +10 % step at run 20, or a slow creep of +3 % per run from run 20 (+34 % after 10 runs). For each
 * of runs 20–29 the stored gate compares that run with the history before it (compareResults, the
 * action's rule); the change-point detector (analysis/changes.ts) looks at the 30 runs once.
 * "Caught": the gate flags a regression at some run ≥ 20; the detector reports a change at a run
 * ≥ 18. A/A: any regression or any change point is false.
 */
import { compareResults } from '../src/analysis/compare.js';
import { seriesChangePoints } from '../src/analysis/changes.js';
import { mergeRun, type BaselineDocument } from '../src/baseline/history.js';
import { mulberry32 } from '../src/stats/random.js';
import { syntheticResult } from '../test/fixtures/baseline/synthetic.js';
import type { BenchContext, Section } from './types.js';
import { rate } from './util.js';

const RUNS = 30;
const START = 20;
const BASE_NS = 400_000;

function gaussian(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

type Scenario = 'A/A' | '+10 % step' | '+3 %/run creep';

function truth(s: Scenario, i: number): number {
  if (i < START) return 1;
  if (s === '+10 % step') return 1.1;
  if (s === '+3 %/run creep') return 1.03 ** (i - START + 1);
  return 1;
}

export const changes: Section = {
  name: 'changes',
  title: 'Change points vs the per-run gate on simulated histories (known truth)',
  async run(ctx: BenchContext) {
    const trials = ctx.quick ? 10 : 40;
    const rows: string[][] = [];
    for (const sigma of [0.03, 0.08]) {
      for (const scenario of ['A/A', '+10 % step', '+3 %/run creep'] as const) {
        let gate = 0;
        let detector = 0;
        let falsePoints = 0;
        let gateFirst = 0;
        let detectorRuns = 0;
        for (let t = 0; t < trials; t++) {
          const rand = mulberry32(1000 * Math.round(sigma * 100) + 100 * scenario.length + t);
          const medians = Array.from(
            { length: RUNS },
            (_, i) => BASE_NS * truth(scenario, i) * Math.exp(sigma * gaussian(rand)),
          );
          const results = medians.map((m, i) =>
            syntheticResult({
              seed: t * 100 + i,
              samples: 8,
              workloads: [{ id: 'matmul:256', cells: [{ threads: 1, medianNs: m }] }],
              createdAt: new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString(),
            }),
          );
          let doc: BaselineDocument | null = null;
          let flagged = -1;
          for (let i = 0; i < RUNS; i++) {
            if (i >= START && doc !== null && flagged < 0) {
              const c = compareResults({ document: doc, source: 'sim', notes: [] }, results[i]!);
              if (c.kind === 'regression') flagged = i;
            }
            doc = mergeRun(doc, results[i]!, { maxRuns: 100 }).baseline;
          }
          // The run medians the history holds (the detector reads the same numbers).
          const stored = doc!.runs.map((r) => r.workloads[0]!.points[0]!.medianNs);
          const points = seriesChangePoints(stored, t);
          if (scenario === 'A/A') {
            if (flagged >= 0) gate++;
            falsePoints += points.length;
            if (points.length > 0) detector++;
          } else {
            if (flagged >= 0) {
              gate++;
              gateFirst += flagged - START;
            }
            if (points.some((p) => p >= START - 2)) detector++;
          }
          detectorRuns += RUNS;
        }
        rows.push([
          `${(sigma * 100).toFixed(0)} %`,
          scenario,
          rate(gate, trials),
          scenario === 'A/A' ? '–' : gate > 0 ? (gateFirst / gate).toFixed(1) : '–',
          rate(detector, trials),
          scenario === 'A/A'
            ? `${((falsePoints / detectorRuns) * 100).toFixed(2)} per 100 runs`
            : '–',
        ]);
        ctx.log(`changes: σ ${sigma} ${scenario} done`);
      }
    }
    return {
      summary: [
        `${trials} seeded histories per row, ${RUNS} runs each, the change from run ${START}`,
        'the per-run gate compares each new run with the history before it; the detector reads the whole history once',
      ],
      table: {
        header: [
          'run-to-run noise σ',
          'truth',
          'per-run gate: caught (A/A: false alarm)',
          'gate: runs after the change before it fired',
          'change-point detector: found (A/A: any point)',
          'detector false points',
        ],
        rows,
      },
    };
  },
};
