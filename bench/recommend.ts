/**
 * Recommendation accuracy against a long reference sweep.
 *
 * Reference: `threadgate sweep` on the default shapes with a tight precision and a long budget
 * (interleaved rounds, as every sweep), in two halves that bracket the measured runs, so a drift
 * of the machine during the sitting shows up (and averages out): the reference latency of a
 * cell is the geometric mean of the two halves' medians.
 *
 * Measured: K default-budget `threadgate sweep` runs (separate processes, default shapes,
 * default budget and precision); a run is right on a workload when the reference latency of its
 * recommended thread count is within 5 % of the reference optimum (the fastest reference
 * latency), and right overall when the reference score (geometric mean over workloads of
 * latency / workload optimum) of its overall recommendation is within 5 % of the best score.
 *
 * Side by side, the seed article's method: one unwarmed call per thread count in a fresh process
 * (bench/seed-method.ts), K repetitions alternating with the threadgate runs; the fastest single
 * call is its pick. Also how often each method's pick flips between consecutive repetitions.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Result } from '../src/results/types.js';
import { formatNs } from '../src/report/format.js';
import { geometricMean } from '../src/stats/index.js';
import type { BenchContext, Section } from './types.js';
import { pct, rate, ROOT, runProcess, sweepResult } from './util.js';

interface SeedOutput {
  readonly workloads: readonly {
    readonly id: string;
    readonly latencies: readonly { readonly threads: number; readonly ns: number }[];
  }[];
}

const WITHIN = 0.05;

/** reference[workload][threads] = ns */
type Reference = Map<string, Map<number, number>>;

function referenceOf(a: Result, b: Result): Reference {
  const ref: Reference = new Map();
  for (const w of a.workloads) {
    const wb = b.workloads.find((x) => x.id === w.id)!;
    const cells = new Map<number, number>();
    for (const p of w.points) {
      const q = wb.points.find((x) => x.threads === p.threads)!;
      cells.set(p.threads, Math.sqrt(p.medianNs * q.medianNs));
    }
    ref.set(w.id, cells);
  }
  return ref;
}

const best = (cells: Map<number, number>) => Math.min(...cells.values());

function rightForWorkload(ref: Reference, id: string, threads: number): boolean {
  const cells = ref.get(id)!;
  return cells.get(threads)! <= best(cells) * (1 + WITHIN);
}

function scores(ref: Reference): Map<number, number> {
  const threads = [...ref.values().next().value!.keys()];
  const out = new Map<number, number>();
  for (const t of threads) {
    out.set(t, geometricMean([...ref.values()].map((cells) => cells.get(t)! / best(cells))));
  }
  return out;
}

function rightOverall(ref: Reference, threads: number): boolean {
  const s = scores(ref);
  return s.get(threads)! <= Math.min(...s.values()) * (1 + WITHIN);
}

/** The seed method's overall pick: the thread count minimizing the geometric mean of latency/best. */
function seedOverall(out: SeedOutput): number {
  const threads = out.workloads[0]!.latencies.map((l) => l.threads);
  let pick = threads[0]!;
  let bestScore = Infinity;
  for (const t of threads) {
    const score = geometricMean(
      out.workloads.map((w) => {
        const min = Math.min(...w.latencies.map((l) => l.ns));
        return w.latencies.find((l) => l.threads === t)!.ns / min;
      }),
    );
    if (score < bestScore) [pick, bestScore] = [t, score];
  }
  return pick;
}

function seedPick(out: SeedOutput, id: string): number {
  const w = out.workloads.find((x) => x.id === id)!;
  return w.latencies.reduce((a, b) => (b.ns < a.ns ? b : a)).threads;
}

function flips(picks: readonly number[]): string {
  let k = 0;
  for (let i = 1; i < picks.length; i++) if (picks[i] !== picks[i - 1]) k++;
  return rate(k, picks.length - 1);
}

function histogram(picks: readonly number[]): string {
  const counts = new Map<number, number>();
  for (const p of picks) counts.set(p, (counts.get(p) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([t, c]) => `${t}t×${c}`)
    .join(' ');
}

export const recommend: Section = {
  name: 'recommend',
  title: 'Recommendation accuracy against a long reference sweep',
  async run(ctx: BenchContext) {
    const k = ctx.quick ? 4 : 12;
    const refArgs = ctx.quick
      ? ['--precision', '1', '--max-time', '25']
      : ['--precision', '0.5', '--max-time', '150'];
    const dir = path.join(ctx.dir, 'recommend');
    mkdirSync(dir, { recursive: true });

    ctx.log(`recommend: reference, first half (${refArgs.join(' ')})`);
    const refA = await sweepResult(refArgs, path.join(dir, 'ref-a.json'));
    const runs: Result[] = [];
    const files: string[] = [];
    const seeds: SeedOutput[] = [];
    const threadsList = refA.workloads[0]!.points.map((p) => p.threads).join(',');
    for (let i = 0; i < k; i++) {
      const file = path.join(dir, `run-${i}.json`);
      runs.push(await sweepResult([], file));
      files.push(file);
      const out = await runProcess(process.execPath, [
        '--import',
        'tsx',
        path.join(ROOT, 'bench/seed-method.ts'),
        '--threads',
        threadsList,
      ]);
      if (out.code !== 0) throw new Error(`bench/seed-method.ts failed:\n${out.stderr}`);
      seeds.push(JSON.parse(out.stdout) as SeedOutput);
      if (i % 5 === 4 || i === k - 1) ctx.log(`recommend: ${i + 1}/${k} runs`);
    }
    ctx.log('recommend: reference, second half');
    const refB = await sweepResult(refArgs, path.join(dir, 'ref-b.json'));
    ctx.shared.defaultRuns = files;
    const ref = referenceOf(refA, refB);

    const rows: string[][] = [];
    let tgRight = 0;
    let seedRight = 0;
    let cases = 0;
    for (const [id, cells] of ref) {
      const tgPicks = runs.map((r) => r.workloads.find((w) => w.id === id)!.recommended.threads);
      const sdPicks = seeds.map((s) => seedPick(s, id));
      const tgOk = tgPicks.filter((t) => rightForWorkload(ref, id, t)).length;
      const sdOk = sdPicks.filter((t) => rightForWorkload(ref, id, t)).length;
      tgRight += tgOk;
      seedRight += sdOk;
      cases += k;
      const wa = refA.workloads.find((w) => w.id === id)!;
      const wb = refB.workloads.find((w) => w.id === id)!;
      const opt = best(cells);
      rows.push([
        id,
        [...cells.entries()]
          .map(
            ([t, ns]) =>
              `${t}t ${formatNs(ns)}${ns === opt ? ' ★' : ` (+${pct(ns / opt - 1, 0)})`}`,
          )
          .join(', '),
        `${wa.fastest.threads}t / ${wb.fastest.threads}t`,
        rate(tgOk, k),
        histogram(tgPicks),
        flips(tgPicks),
        rate(sdOk, k),
        histogram(sdPicks),
        flips(sdPicks),
      ]);
    }
    const tgOverall = runs.map((r) => r.recommendation.ompNumThreads);
    const sdOverall = seeds.map(seedOverall);
    const tgOverallOk = tgOverall.filter((t) => rightOverall(ref, t)).length;
    const sdOverallOk = sdOverall.filter((t) => rightOverall(ref, t)).length;
    const s = scores(ref);
    const bestScore = Math.min(...s.values());
    rows.push([
      'overall (one value)',
      [...s.entries()]
        .map(([t, v]) => `${t}t ${v.toFixed(3)}${v === bestScore ? ' ★' : ''}`)
        .join(', '),
      '',
      rate(tgOverallOk, k),
      histogram(tgOverall),
      flips(tgOverall),
      rate(sdOverallOk, k),
      histogram(sdOverall),
      flips(sdOverall),
    ]);
    const elapsed = runs.map((r) => r.elapsedSec);
    return {
      summary: [
        `reference: two \`threadgate sweep ${refArgs.join(' ')}\` runs (default shapes, interleaved), one before and one after the measured runs (${refA.elapsedSec.toFixed(0)} s + ${refB.elapsedSec.toFixed(0)} s); reference latency = geometric mean of the two medians`,
        `measured: ${k} default-budget \`threadgate sweep\` runs (separate processes; default shapes, budget 60 s, precision ±2 %; each took ${Math.min(...elapsed).toFixed(1)}–${Math.max(...elapsed).toFixed(1)} s), alternating with ${k} repetitions of the seed article's method (\`node --import tsx bench/seed-method.ts\`: fresh process, new session per thread count, the first session.run timed, fastest wins)`,
        `**threadgate: recommended thread count within ${pct(WITHIN, 0)} of the reference optimum in ${rate(tgRight, cases)} of per-workload picks; overall value ${rate(tgOverallOk, k)}** (goal ≥ 95 %: ${tgRight / cases >= 0.95 && tgOverallOk / k >= 0.95 ? 'met' : 'MISSED'})`,
        `seed article's method (one unwarmed call per setting): ${rate(seedRight, cases)} per workload; overall ${rate(sdOverallOk, k)}`,
      ],
      table: {
        header: [
          'workload',
          'reference latency per thread count (★ optimum)',
          'reference fastest: 1st / 2nd half',
          'threadgate within 5 %',
          'threadgate picks',
          'threadgate flips',
          'seed method within 5 %',
          'seed picks',
          'seed flips',
        ],
        rows,
      },
    };
  },
};
