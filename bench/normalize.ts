/**
 * Runner-speed normalization (issue 20, item 3): on shared runners a whole run is often uniformly
 * slower. Would gating a workload on its ratio to a short reference cell measured in the same run
 * (the built-in MatMul 256² at 1 thread) reduce the run-to-run spread the stored gate must
 * tolerate? N separate `threadgate sweep` processes (A/A: nothing changes between them) each
 * measure the reference and two workloads — compute-bound (MatMul 1024²) and memory-bound
 * (1×4096·4096×4096) — at 1 and 2 threads. Per cell: the standard deviation across runs of the
 * log median, raw and normalized (log cell − log reference); normalization helps where it is
 * clearly smaller.
 */
import path from 'node:path';
import type { Result } from '../src/results/types.js';
import type { BenchContext, Section } from './types.js';
import { pct, readJson, threadgate } from './util.js';

const REFERENCE = { id: 'matmul:256', threads: 1 };

function sd(xs: readonly number[]): number {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
}

export const normalize: Section = {
  name: 'normalize',
  title: 'Runner-speed normalization: run-to-run spread raw vs relative to a reference cell',
  async run(ctx: BenchContext) {
    const runs = ctx.quick ? 5 : 20;
    const results: Result[] = [];
    for (let i = 0; i < runs; i++) {
      ctx.log(`normalization run ${i + 1}/${runs}`);
      const file = path.join(ctx.dir, `norm-${i}.json`);
      await threadgate([
        'sweep',
        '--sizes',
        '256,1024,1x4096x4096',
        '--threads',
        '1,2',
        '--max-time',
        ctx.quick ? '6' : '10',
        '--quiet',
        '--json',
        file,
      ]);
      results.push(readJson<Result>(file));
    }
    const median = (r: Result, id: string, t: number) =>
      r.workloads.find((w) => w.id === id)?.points.find((p) => p.threads === t)?.medianNs;
    const rows: string[][] = [];
    for (const [id, kind] of [
      ['matmul:1024', 'compute-bound'],
      ['matmul:1x4096x4096', 'memory-bound'],
    ] as const) {
      for (const t of [1, 2]) {
        const raw: number[] = [];
        const norm: number[] = [];
        for (const r of results) {
          const x = median(r, id, t);
          const ref = median(r, REFERENCE.id, REFERENCE.threads);
          if (x === undefined || ref === undefined) continue;
          raw.push(Math.log(x));
          norm.push(Math.log(x) - Math.log(ref));
        }
        const a = sd(raw);
        const b = sd(norm);
        rows.push([
          `${id} (${kind})`,
          String(t),
          String(raw.length),
          pct(Math.exp(a) - 1, 1),
          pct(Math.exp(b) - 1, 1),
          (b / a).toFixed(2),
        ]);
      }
    }
    const refRaw = results
      .map((r) => median(r, REFERENCE.id, REFERENCE.threads))
      .filter((x): x is number => x !== undefined)
      .map(Math.log);
    return {
      summary: [
        `${runs} separate runs; the reference cell ${REFERENCE.id} @ ${REFERENCE.threads} varied by ${pct(Math.exp(sd(refRaw)) - 1, 1)} (sd of log medians)`,
        `normalized / raw spread per cell: ${rows.map((r) => `${r[0]!.split(' ')[0]} @ ${r[1]} ${r[5]}`).join(', ')} (below 1: normalization helps)`,
      ],
      table: {
        title: 'Run-to-run spread of the run medians (sd of the log median, as a percentage)',
        header: ['cell', 'threads', 'runs', 'raw spread', 'normalized spread', 'normalized / raw'],
        rows,
      },
    };
  },
};
