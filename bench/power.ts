/**
 * Detection power: candidates that really do more work. bench/fixtures/make_models.py writes the
 * test fixture mlp.onnx (hidden layer 256) with wider hidden layers; 269/282/320 = +5/+10/+25 %
 * FLOPs are used; nothing is scaled. A "+0 %" level (an identical copy) measures the false-alarm
 * rate of the same set-up.
 *
 *  1. True latency ratios: all five models in one long interleaved in-process sweep, each
 *     candidate paired with the base per round (median of the per-round log-ratios, bootstrap
 *     CI), at x=8x512 and at x=64x512. The MLP is tiny: at batch 8 the fixed per-call overhead
 *     is a large part of a call and +x % FLOPs is less than +x % latency; at batch 64 the call
 *     is ~4× longer and the ratios track the FLOPs. The power runs use x=64x512.
 *  2. Same-job mode: per repetition, one `threadgate sweep --model CANDIDATE --baseline-model
 *     mlp.onnx --input-shape x=64x512 --threads 1,2 --max-time 20` process per level (levels in
 *     a shuffled order), default rule; the share of `regression` per level.
 *  3. Stored-baseline mode: a history of `threadgate sweep --model DIR/model.onnx` runs with
 *     DIR/model.onnx = mlp.onnx; then per repetition one run per level with the candidate copied
 *     to DIR/model.onnx (the workload's identity is its path, as for a pull request changing the
 *     model), each gated against the history with the default rule; at the end of a repetition
 *     the +0 % run is merged into the history (main keeps moving, the last 20 runs are kept).
 *     Also shown: the same runs gated against the latest history run alone (cold start).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_THRESHOLD } from '../src/analysis/compare.js';
import { DEFAULT_SAME_JOB_THRESHOLD } from '../src/analysis/same-job.js';
import { visitSummary } from '../src/analysis/visits.js';
import { baselineFromResult, mergeRun, type BaselineDocument } from '../src/baseline/history.js';
import { sweep } from '../src/measure/sweep.js';
import type { Result } from '../src/results/types.js';
import { DEFAULTS, type SweepSettings } from '../src/settings/settings.js';
import { bootstrapMedianOfLogRatiosCI } from '../src/stats/index.js';
import { mulberry32 } from '../src/stats/random.js';
import { createModelWorkload, parseInputShapes } from '../src/workloads/model.js';
import { loadOrt } from '../src/workloads/ort.js';
import { measureCallOverhead } from '../src/workloads/overhead.js';
import { SAME_JOB_ARGS, sameJobRun, type SameJobRun } from './aa-same-job.js';
import { RULE_VARIANTS } from './rules.js';
import type { BenchContext, MeasuredRate, Section } from './types.js';
import { candidateModel, MLP, pct, rate, ROOT, shuffled, signedPct, storedRun } from './util.js';

const BASE_HIDDEN = 256;
const HIDDEN: readonly number[] = [BASE_HIDDEN, 269, 282, 320];
const BATCH = 'x=64x512';
const HISTORY = 20;
/** max-time of the stored-baseline runs (the default is 60 s). */
const STORED_MAX_TIME = 10;

const flops = (h: number) => h / BASE_HIDDEN - 1;
const levelName = (h: number) =>
  h === BASE_HIDDEN ? '+0 % (identical copy)' : `+${pct(flops(h), 1)} FLOPs (hidden ${h})`;

interface TrueRatio {
  readonly threads: number;
  readonly ratio: number;
  readonly ci: readonly [number, number];
}

/** Candidates vs the base in one interleaved sweep: per level, per thread count, paired ratio. */
async function trueRatios(
  files: readonly string[],
  shape: string,
  seconds: number,
): Promise<{ ratios: TrueRatio[][]; perCallUs: number; overheadUs: number }> {
  const ort = loadOrt();
  const overhead = await measureCallOverhead(ort);
  const workloads = [];
  for (const f of files) {
    workloads.push(
      await createModelWorkload(ort, { path: f, inputShapes: parseInputShapes([shape]), seed: 7 }),
    );
  }
  const out = await sweep(workloads, {
    threads: [1, 2],
    maxTimeSec: seconds,
    targetPrecision: 0, // never converges: every cell is measured in every round until the budget
    seed: 17,
    maxSamples: 1e7,
  });
  const [base, ...cands] = out.workloads;
  const ratios = cands.map((cand) =>
    cand.cells.map((cell, ci) => {
      // [base, head] visit medians of each round both were measured in.
      const b = visitSummary(base!.cells[ci]!.samplesNs, base!.cells[ci]!.rounds).byRound;
      const h = visitSummary(cell.samplesNs, cell.rounds).byRound;
      const pairs = [...h.keys()]
        .filter((r) => b.has(r))
        .map((r) => [b.get(r)!, h.get(r)!] as const);
      const boot = bootstrapMedianOfLogRatiosCI(pairs, { seed: 5 + ci, resamples: 2000 });
      return { threads: cell.threads, ratio: boot.ratio, ci: boot.ci };
    }),
  );
  const baseMedian = [...base!.cells[0]!.samplesNs].sort((a, b) => a - b)[
    base!.cells[0]!.samplesNs.length >> 1
  ]!;
  return { ratios, perCallUs: baseMedian / 1000, overheadUs: overhead.perCallNs / 1000 };
}

/** The smallest level detected at ≥ 90 % with every larger level detected at ≥ 90 % too. */
function smallestDetected(shares: readonly number[]): number | null {
  let found: number | null = null;
  for (let i = HIDDEN.length - 1; i >= 1; i--) {
    if (shares[i]! >= 0.9) found = HIDDEN[i]!;
    else break;
  }
  return found;
}

function faText(shared: MeasuredRate | undefined, own: { k: number; n: number }): string {
  return (
    `false alarms in this set-up (the +0 % level): ${rate(own.k, own.n)}` +
    (shared ? `; in the A/A section (${shared.what}): ${rate(shared.k, shared.n)}` : '')
  );
}

export const power: Section = {
  name: 'power',
  title: 'Detection power: candidates doing more work (+5/+10/+25 % FLOPs)',
  async run(ctx: BenchContext) {
    const reps = ctx.quick ? 3 : 12;
    const historyRuns = ctx.quick ? 6 : 10;
    const ratioSeconds = ctx.quick ? 10 : 30;
    const dir = path.join(ctx.dir, 'power');
    mkdirSync(dir, { recursive: true });
    const copy = path.join(dir, 'mlp_copy.onnx');
    copyFileSync(MLP, copy);
    const files: string[] = [copy];
    for (const h of HIDDEN.slice(1)) files.push(await candidateModel(h));
    const rand = mulberry32(2026);

    // 1. True latency ratios.
    ctx.log(`power: true latency ratios (${ratioSeconds} s per batch size)`);
    const small = await trueRatios([MLP, ...files.slice(1)], 'x=8x512', ratioSeconds);
    const big = await trueRatios([MLP, ...files.slice(1)], BATCH, ratioSeconds);

    // 2. Same-job runs.
    const sameJob: SameJobRun[][] = HIDDEN.map(() => []);
    for (let r = 0; r < reps; r++) {
      for (const li of shuffled([...HIDDEN.keys()], rand)) {
        const file = path.join(dir, `sj-${r}-${HIDDEN[li]}.json`);
        sameJob[li]!.push(await sameJobRun(files[li]!, MLP, BATCH, file, SAME_JOB_ARGS));
      }
      if (r % 10 === 9 || r === reps - 1) ctx.log(`power: same-job ${r + 1}/${reps} repetitions`);
    }

    // 3. Stored-baseline runs.
    const modelPath = path.join(dir, 'model.onnx');
    // What `threadgate sweep --model DIR/model.onnx --input-shape x=64x512 --threads 1,2
    // --max-time 10` runs (default precision); the seed is drawn in each run's process.
    const settings: SweepSettings = {
      workload: { kind: 'model', path: modelPath, inputShapes: parseInputShapes([BATCH]) },
      threads: [1, 2],
      maxTimeSec: STORED_MAX_TIME,
      targetPrecision: DEFAULTS.targetPrecision,
      tolerance: DEFAULTS.tolerance,
      seed: 0,
    };
    let history: BaselineDocument | null = null;
    let latest: Result | null = null;
    copyFileSync(MLP, modelPath);
    for (let i = 0; i < historyRuns; i++) {
      latest = (await storedRun(settings, {}, path.join(dir, `hist-${i}`))).result;
      history = mergeRun(history, latest, { maxRuns: HISTORY }).baseline;
    }
    const stored = HIDDEN.map(() => ({ n: 0, regression: 0, compared: 0, cold: 0 }));
    // variants[vi][li]: final regressions under RULE_VARIANTS[vi] (against the history).
    const variants = RULE_VARIANTS.map(() => HIDDEN.map(() => 0));
    for (let r = 0; r < reps; r++) {
      let aa: Result | null = null;
      for (const li of shuffled([...HIDDEN.keys()], rand)) {
        // The candidate replaces DIR/model.onnx, as a pull request changing the model.
        copyFileSync(li === 0 ? MLP : files[li]!, modelPath);
        const run = await storedRun(
          settings,
          { history, cold: baselineFromResult(latest!) },
          path.join(dir, `st-${r}-${HIDDEN[li]}`),
        );
        const s = stored[li]!;
        s.n++;
        const h = run.verdicts['history']!;
        RULE_VARIANTS.forEach((_, vi) => {
          if (h[vi]!.final === 'regression') variants[vi]![li]!++;
        });
        if (h[0]!.compared === 'regression') s.compared++;
        if (h[0]!.final === 'regression') s.regression++;
        if (run.verdicts['cold']![0]!.final === 'regression') s.cold++;
        if (li === 0) aa = run.result;
      }
      latest = aa!;
      history = mergeRun(history, aa!, { maxRuns: HISTORY }).baseline;
      if (r % 10 === 9 || r === reps - 1) ctx.log(`power: stored ${r + 1}/${reps} repetitions`);
    }

    const sjShare = sameJob.map(
      (runs) => runs.filter((x) => x.verdict === 'regression').length / runs.length,
    );
    const stShare = stored.map((s) => s.regression / s.n);
    const sjSmallest = smallestDetected(sjShare);
    const stSmallest = smallestDetected(stShare);
    const ratioText = (rs: readonly TrueRatio[] | undefined) =>
      rs ? rs.map((x) => `${x.threads}t ${signedPct(x.ratio)}`).join(', ') : '—';
    const i10 = HIDDEN.indexOf(282);
    const i25 = HIDDEN.indexOf(320);
    const sj10 = sameJob[i10]!;
    const sjUndecided = sameJob.map((runs) => runs.filter((x) => x.undecided).length);
    const goalSj = sjShare[i10]! >= 0.95;
    const goalSt = stShare[i25]! >= 0.9;
    const describe = (h: number | null) =>
      h === null
        ? 'none of the levels (up to +25 % FLOPs)'
        : `${levelName(h)}, true latency ${ratioText(big.ratios[HIDDEN.indexOf(h) - 1])}`;

    return {
      summary: [
        `batch: x=64x512 for the power runs. Measured in one interleaved in-process sweep (${ratioSeconds} s each, threads 1 and 2): at x=8x512 a call of mlp.onnx takes ${small.perCallUs.toFixed(1)} µs of which ~${small.overheadUs.toFixed(1)} µs is session.run's fixed overhead, at x=64x512 ${big.perCallUs.toFixed(1)} µs; the table's "true latency" columns are these paired ratios`,
        `same-job runs: \`threadgate sweep --model CANDIDATE --baseline-model ${path.relative(ROOT, MLP)} --input-shape ${BATCH} --threads 1,2 ${SAME_JOB_ARGS.join(' ')} --comparison-json F\`, ${reps} per level, levels interleaved; default rule (threshold ${pct(DEFAULT_SAME_JOB_THRESHOLD, 0)})`,
        `stored-baseline runs: separate processes (bench/stored-run.ts) doing what the action does: the sweep of \`threadgate sweep --model DIR/model.onnx --input-shape ${BATCH} --threads 1,2 --max-time ${STORED_MAX_TIME}\` (two thirds of it for the sweep, as in the action), the gate, and the re-measure of flagged cells in the same process (the last third); ${historyRuns} runs of mlp.onnx as the history, then ${reps} per level gated with the default rule (threshold ${pct(DEFAULT_THRESHOLD, 0)}, prediction limit of the last ≤ ${HISTORY} runs); the +0 % run of each repetition is then merged into the history`,
        `**same-job: ${rate(sj10.filter((x) => x.verdict === 'regression').length, sj10.length)} detected at +10 % FLOPs (true latency ${ratioText(big.ratios[i10 - 1])}); goal ≥ 95 %: ${goalSj ? 'met' : 'MISSED'}**`,
        `**stored baseline: ${rate(stored[i25]!.regression, stored[i25]!.n)} detected at +25 % FLOPs (true latency ${ratioText(big.ratios[i25 - 1])}); goal ≥ 90 %: ${goalSt ? 'met' : 'MISSED'}**`,
        `smallest slowdown detected at ≥ 90 %, same-job: ${describe(sjSmallest)}; ${faText(ctx.shared.aaSameJob, { k: sameJob[0]!.filter((x) => x.verdict === 'regression').length, n: sameJob[0]!.length })}`,
        `smallest slowdown detected at ≥ 90 %, stored baseline (≥ 5 runs of history): ${describe(stSmallest)}; ${faText(ctx.shared.aaStored, { k: stored[0]!.regression, n: stored[0]!.n })}`,
        `same-job runs in which a gated cell was left undecided at the end (whatever the verdict), with a warning (its interval above 1) per level: ${sjUndecided.map((u, i) => `${levelName(HIDDEN[i]!)} ${u}/${sameJob[i]!.length}`).join('; ')}; with a note only (its interval includes 1): ${sameJob.map((runs, i) => `${levelName(HIDDEN[i]!)} ${runs.filter((x) => x.insideNoise && !x.undecided).length}/${runs.length}`).join('; ')}`,
      ],
      tables: [
        {
          title:
            'Stored-baseline mode under other settings of the rule: the same runs, share of final regression against the history, with confirmation (the +0 % column is the false-alarm rate of this set-up)',
          header: ['rule', ...HIDDEN.map(levelName)],
          rows: RULE_VARIANTS.map((v, vi) => [
            v.name,
            ...HIDDEN.map((_, li) => rate(variants[vi]![li]!, stored[li]!.n)),
          ]),
        },
      ],
      table: {
        header: [
          'candidate',
          'true latency, x=8x512',
          'true latency, x=64x512',
          'same-job: regression',
          'stored, history: regression (before confirmation)',
          'stored, cold start (1 run): regression',
        ],
        rows: HIDDEN.map((h, i) => [
          levelName(h),
          i === 0 ? '—' : ratioText(small.ratios[i - 1]),
          i === 0 ? '—' : ratioText(big.ratios[i - 1]),
          rate(sameJob[i]!.filter((x) => x.verdict === 'regression').length, sameJob[i]!.length),
          `${rate(stored[i]!.regression, stored[i]!.n)} (${stored[i]!.compared}/${stored[i]!.n})`,
          rate(stored[i]!.cold, stored[i]!.n),
        ]),
      },
    };
  },
};
