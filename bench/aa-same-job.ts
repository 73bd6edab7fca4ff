/**
 * False alarms of the same-job gate (A/A): N separate `threadgate sweep --model … --baseline-model
 * …` processes where the base is an identical copy of the head model, with the default rule
 * (threshold 5 %, 95 % family-wise confidence, every cell gated) and
 * max-time 20 s. Any `regression` is a false alarm.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ComparisonJson } from '../src/analysis/comparison-json.js';
import { DEFAULT_SAME_JOB_THRESHOLD } from '../src/analysis/same-job.js';
import type { BenchContext, Section } from './types.js';
import { MLP, pct, quantile, rate, readJson, ROOT, signedPct, threadgate } from './util.js';

/** The same-job runs' budget in the bench (the default is 60 s). */
export const SAME_JOB_ARGS = ['--max-time', '20'] as const;

export interface SameJobRun {
  readonly verdict: string;
  /** Gated cells: head / base. */
  readonly ratios: readonly number[];
  /** A gated cell passed undecided with a warning (its interval above 1, including the threshold). */
  readonly undecided: boolean;
  /** A gated cell passed undecided with a note (its interval includes 1: inside the noise). */
  readonly insideNoise: boolean;
  /** Blocks of freshly opened sessions measured. */
  readonly blocks: number;
  readonly seconds: number;
}

/** One same-job run as a separate process; its comparison JSON, summarized. */
export async function sameJobRun(
  head: string,
  base: string,
  inputShape: string,
  file: string,
  extra: readonly string[] = [],
): Promise<SameJobRun> {
  const out = await threadgate([
    'sweep',
    '--model',
    head,
    '--baseline-model',
    base,
    '--input-shape',
    inputShape,
    '--threads',
    '1,2',
    ...extra,
    '--comparison-json',
    file,
    '--quiet',
  ]);
  const c = readJson<ComparisonJson>(file);
  const blocks = /in (\d+) blocks? of freshly opened sessions/.exec(c.notes.join('\n'))?.[1];
  return {
    verdict: c.verdict,
    ratios: c.cells.filter((x) => x.gated).map((x) => x.ratio),
    undecided: c.notes.some((n) => n.startsWith('warning:') && n.includes('undecided')),
    insideNoise: c.notes.some((n) => !n.startsWith('warning:') && n.includes('undecided')),
    blocks: blocks === undefined ? NaN : Number(blocks),
    seconds: out.seconds,
  };
}

export function summarizeRuns(runs: readonly SameJobRun[]): {
  regression: number;
  undecided: number;
  insideNoise: number;
  ratios: number[];
} {
  return {
    regression: runs.filter((r) => r.verdict === 'regression').length,
    undecided: runs.filter((r) => r.undecided).length,
    insideNoise: runs.filter((r) => r.insideNoise && !r.undecided).length,
    ratios: runs.flatMap((r) => r.ratios),
  };
}

export const aaSameJob: Section = {
  name: 'aa-same-job',
  title: 'False alarms, same-job mode (A/A: a model against an identical copy)',
  async run(ctx: BenchContext) {
    const n = ctx.quick ? 8 : 50;
    const dir = path.join(ctx.dir, 'aa-same-job');
    mkdirSync(dir, { recursive: true });
    const copy = path.join(dir, 'mlp_copy.onnx');
    copyFileSync(MLP, copy);
    const runs: SameJobRun[] = [];
    for (let i = 0; i < n; i++) {
      runs.push(
        await sameJobRun(MLP, copy, 'x=8x512', path.join(dir, `cmp-${i}.json`), SAME_JOB_ARGS),
      );
      if (i % 20 === 19 || i === n - 1) ctx.log(`aa-same-job: ${i + 1}/${n}`);
    }
    const s = summarizeRuns(runs);
    ctx.shared.aaSameJob = {
      k: s.regression,
      n: runs.length,
      what: 'same-job A/A (mlp.onnx against a copy, x=8x512, threads 1,2)',
    };
    const secs = runs.map((r) => r.seconds);
    const blocks = runs.map((r) => r.blocks);
    return {
      summary: [
        `runs: ${n} separate processes of \`threadgate sweep --model ${path.relative(ROOT, MLP)} --baseline-model <identical copy> --input-shape x=8x512 --threads 1,2 ${SAME_JOB_ARGS.join(' ')} --comparison-json F\` (default rule: threshold ${pct(DEFAULT_SAME_JOB_THRESHOLD, 0)}, 95 % family-wise over the planned looks; max-time ${SAME_JOB_ARGS[1]} s instead of 60 s so that many runs fit a sitting, which plans fewer looks)`,
        `**false alarms (regression): ${rate(s.regression, n)}** (goal ≤ 1 %)`,
        `**passed with a warning** (a gated cell undecided at the end, its interval above 1 but including the threshold): ${rate(s.undecided, n)}; passed with a note only (undecided, but its interval includes 1: no evidence of a slowdown, only noise): ${rate(s.insideNoise, n)}`,
        `gated cells' head/base ratio over all runs: median ${signedPct(quantile(s.ratios, 0.5), 2)}, p5 ${signedPct(quantile(s.ratios, 0.05), 2)}, p95 ${signedPct(quantile(s.ratios, 0.95), 2)}, max ${signedPct(Math.max(...s.ratios), 2)} (an identical model: any offset is the position of the session, not the code)`,
        `blocks of sessions per run: median ${quantile(blocks, 0.5)}, max ${Math.max(...blocks)}; wall per run: median ${quantile(secs, 0.5).toFixed(1)} s, max ${Math.max(...secs).toFixed(1)} s`,
      ],
    };
  },
};
