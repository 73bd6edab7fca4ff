/**
 * False alarms of the stored-baseline gate (A/A): N separate `threadgate sweep` processes of the
 * same thing, one after the other, like N CI jobs on the default branch. Right after run i, it is
 * gated against the baseline history built from the runs before it (the last 20, with mergeRun,
 * as the action stores it) with the default decision rule, and a suspected regression goes
 * through the action's confirmation step (bench/gate.ts): the flagged cells measured once more.
 * Any final `regression` is a false alarm. Also: the verdict before confirmation (what
 * `threadgate compare` says), consecutive pairs with no history (the baseline is the previous run
 * alone), the run-to-run ratios of every cell, and the same runs under other settings of the
 * rule, to choose defaults with data.
 *
 * Smaller than the default set, to make many runs affordable: two of the three default shapes
 * (256 and 1x4096x4096; 1024 is left out) and max-time 10 s per run instead of 60 s.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  DEFAULT_COLD_START_THRESHOLD,
  DEFAULT_GATE,
  DEFAULT_MIN_HISTORY,
  DEFAULT_THRESHOLD,
  type Verdict,
} from '../src/analysis/compare.js';
import { baselineFromResult, mergeRun, type BaselineDocument } from '../src/baseline/history.js';
import type { LoadedBaseline } from '../src/baseline/store.js';
import type { Result } from '../src/results/types.js';
import { DEFAULTS, type SweepSettings } from '../src/settings/settings.js';
import { parseShapes } from '../src/workloads/matmul.js';
import type { GateVerdict } from './gate.js';
import { RULE_VARIANTS } from './rules.js';
import type { BenchContext, Section } from './types.js';
import { pct, quantile, rate, signedPct, storedRun } from './util.js';

const SIZES = '256,1x4096x4096';
const MAX_TIME = 10;
export const AA_STORED_ARGS = ['--sizes', SIZES, '--max-time', String(MAX_TIME)] as const;
const HISTORY = 20;

export function loaded(document: BaselineDocument): LoadedBaseline {
  return { document, source: 'bench history', notes: [] };
}

/** Counts of one kind of comparison: before and after the confirmation step. */
export interface Tally {
  compared: number;
  /** Inconclusive before the re-measure. */
  comparedUnclear: number;
  regression: number;
  inconclusive: number;
  n: number;
}

export const tally = (): Tally => ({
  compared: 0,
  comparedUnclear: 0,
  regression: 0,
  inconclusive: 0,
  n: 0,
});

export function count(t: Tally, v: GateVerdict): void {
  t.n++;
  if (v.compared === 'regression') t.compared++;
  if (v.compared === 'inconclusive') t.comparedUnclear++;
  if (v.final === 'regression') t.regression++;
  if (v.final === 'inconclusive') t.inconclusive++;
}

function sum(a: Tally, b: Tally): Tally {
  return {
    compared: a.compared + b.compared,
    comparedUnclear: a.comparedUnclear + b.comparedUnclear,
    regression: a.regression + b.regression,
    inconclusive: a.inconclusive + b.inconclusive,
    n: a.n + b.n,
  };
}

const both = (t: Tally) => `${rate(t.regression, t.n)} (before confirmation ${t.compared}/${t.n})`;

export const aaStored: Section = {
  name: 'aa-stored',
  title: 'False alarms, stored-baseline mode (A/A: separate runs of the same thing)',
  async run(ctx: BenchContext) {
    const runsWanted = ctx.quick ? 12 : 81;
    const dir = path.join(ctx.dir, 'aa-stored');
    mkdirSync(dir, { recursive: true });
    // What `threadgate sweep ${AA_STORED_ARGS}` runs; the seed is drawn in each run's process.
    const settings: SweepSettings = {
      workload: { kind: 'matmul', sizes: parseShapes(SIZES) },
      threads: 'auto',
      maxTimeSec: MAX_TIME,
      targetPrecision: DEFAULTS.targetPrecision,
      tolerance: DEFAULTS.tolerance,
      seed: 0,
    };
    // Per variant: [history < minHistory, history ≥ minHistory, consecutive pairs without history].
    const results = RULE_VARIANTS.map(() => ({ cold: tally(), warm: tally(), pair: tally() }));
    const ratios = new Map<string, number[]>(); // gated cell → ratios (default rule, with history)
    const pairRatios = new Map<string, number[]>(); // cell → consecutive run-to-run ratios
    const defaultVerdicts: Verdict[] = [];
    let history: BaselineDocument | null = null;
    let previous: Result | null = null;
    let runSeconds = 0;
    const t0 = performance.now();
    for (let i = 0; i < runsWanted; i++) {
      const run = await storedRun(
        settings,
        { history, pair: previous && baselineFromResult(previous) },
        path.join(dir, `run-${i}`),
      );
      runSeconds += run.seconds;
      const current = run.result;
      if (history !== null && previous !== null) {
        const warm = history.runs.length >= DEFAULT_MIN_HISTORY;
        RULE_VARIANTS.forEach((_, vi) => {
          const h = run.verdicts['history']![vi]!;
          count(warm ? results[vi]!.warm : results[vi]!.cold, h);
          count(results[vi]!.pair, run.verdicts['pair']![vi]!);
          if (vi === 0) defaultVerdicts.push(h.final);
        });
        recordRatios(history, current, previous, ratios, pairRatios);
      }
      history = mergeRun(history, current, { maxRuns: HISTORY }).baseline;
      previous = current;
      if (i % 10 === 9 || i === runsWanted - 1) {
        ctx.log(
          `aa-stored: ${i + 1}/${runsWanted} runs, ${((performance.now() - t0) / 1000).toFixed(0)} s`,
        );
      }
    }

    const d = results[0]!;
    const all = sum(d.cold, d.warm);
    ctx.shared.aaStored = {
      k: all.regression,
      n: all.n,
      what: `stored-baseline A/A (${AA_STORED_ARGS.join(' ')}; history of the previous runs, ≤ ${HISTORY}; with confirmation)`,
    };
    const noiseRows = [...pairRatios.entries()].map(([cell, rs]) => {
      const abs = rs.map((r) => Math.abs(Math.log(r)));
      return [
        cell,
        String(rs.length),
        signedPct(quantile(rs, 0.05)),
        signedPct(quantile(rs, 0.5)),
        signedPct(quantile(rs, 0.95)),
        signedPct(Math.max(...rs)),
        pct(Math.exp(quantile(abs, 0.95)) - 1),
        String(rs.filter((r) => r >= 1 + DEFAULT_THRESHOLD).length),
        String(rs.filter((r) => r >= 1 + DEFAULT_COLD_START_THRESHOLD).length),
      ];
    });
    const gatedRows = [...ratios.entries()].map(([cell, rs]) => [
      cell,
      String(rs.length),
      signedPct(quantile(rs, 0.5)),
      signedPct(quantile(rs, 0.95)),
      signedPct(Math.max(...rs)),
    ]);
    return {
      summary: [
        `runs: ${runsWanted} separate processes (bench/stored-run.ts), each doing what the action does: the sweep of \`threadgate sweep ${AA_STORED_ARGS.join(' ')}\` (2 of the 3 default shapes, max-time ${MAX_TIME} s instead of 60 s, split as the action splits it when a stored baseline gates: two thirds for the sweep, one third for re-measuring flagged cells), then the gate against the history of the runs before it (runs max(1, i−${HISTORY})…i−1, mergeRun, last ${HISTORY}) with the default rule (${RULE_VARIANTS[0]!.name.replace(/^default \(|\)$/g, '')}; the cold-start threshold applies below ${DEFAULT_MIN_HISTORY} runs of history), and flagged cells (a suspected regression or inconclusive cells) re-measured in the same process and judged (the steps of src/pipeline/confirm.ts); ${(runSeconds / runsWanted).toFixed(1)} s wall per run`,
        `**false alarms (final regression), all ${all.n} comparisons: ${rate(all.regression, all.n)}** (goal ≤ 1 %); before the re-measure (what \`threadgate compare\` alone says): ${rate(all.compared, all.n)}; final inconclusive (the job passes with a warning): ${rate(all.inconclusive, all.n)}, before the re-measure ${all.comparedUnclear}/${all.n}`,
        `history < ${DEFAULT_MIN_HISTORY} runs (cold-start rule): ${both(d.cold)}; history ≥ ${DEFAULT_MIN_HISTORY} runs (prediction limit): ${both(d.warm)}`,
        `consecutive pairs without history (baseline = the previous run alone, cold-start rule): ${both(d.pair)}; final inconclusive ${rate(d.pair.inconclusive, d.pair.n)}`,
        `runs with a final false alarm (default rule): ${defaultVerdicts.flatMap((v, i) => (v === 'regression' ? [String(i + 2)] : [])).join(', ') || 'none'}`,
      ],
      tables: [
        {
          title:
            'The same runs under other settings of the rule: share of final regression (before confirmation in parentheses)',
          header: [
            'rule',
            `history < ${DEFAULT_MIN_HISTORY}`,
            `history ≥ ${DEFAULT_MIN_HISTORY}`,
            'all with history',
            'consecutive pairs',
          ],
          rows: RULE_VARIANTS.map((v, vi) => {
            const r = results[vi]!;
            return [v.name, both(r.cold), both(r.warm), both(sum(r.cold, r.warm)), both(r.pair)];
          }),
        },
        {
          title:
            'Run-to-run noise: ratio of consecutive runs’ medians, every cell (quantiles over the pairs)',
          header: [
            'cell',
            'pairs',
            'p5',
            'median',
            'p95',
            'max',
            'p95 of the absolute change',
            `≥ +${pct(DEFAULT_THRESHOLD, 0)}`,
            `≥ +${pct(DEFAULT_COLD_START_THRESHOLD, 0)}`,
          ],
          rows: noiseRows,
        },
        {
          title: 'Gated cells against the history (default rule): ratio to the latest run',
          header: ['gated cell', 'comparisons', 'median', 'p95', 'max'],
          rows: gatedRows,
        },
      ],
    };
  },
};

function recordRatios(
  history: BaselineDocument,
  current: Result,
  previous: Result,
  ratios: Map<string, number[]>,
  pairRatios: Map<string, number[]>,
): void {
  for (const w of current.workloads) {
    const gated = new Set(
      DEFAULT_GATE === 'all'
        ? w.points.map((p) => p.threads)
        : [w.recommended.threads, w.fastest.threads],
    );
    for (const p of w.points) {
      const b = previous.workloads
        .find((x) => x.id === w.id)
        ?.points.find((x) => x.threads === p.threads);
      if (!b) continue;
      const key = `${w.id} @ ${p.threads}`;
      push(pairRatios, key, p.medianNs / b.medianNs);
      // The history's latest run is the previous run.
      if (gated.has(p.threads) && history.latest === previous)
        push(ratios, key, p.medianNs / b.medianNs);
    }
  }
}

function push(m: Map<string, number[]>, key: string, value: number): void {
  const xs = m.get(key);
  if (xs) xs.push(value);
  else m.set(key, [value]);
}
