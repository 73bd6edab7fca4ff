/**
 * The stored history on real runs of this machine (issue 20): runner-speed normalization as the
 * stored gate now does it, and change points, on separate `threadgate sweep` processes (each a
 * "CI run") of the built-in MatMul graph written as ONNX files and swept with `--model`, so the
 * reference cell is added to their rounds as it is for a user's model.
 *
 *  1. A/A: N runs each of a compute-bound model (MatMul 1024²) and a memory-bound one
 *     (1×4096·4096×4096) at 1 and 2 threads. Per cell: the run-to-run spread (sd of the log run
 *     median), raw and normalized (log cell − log reference of the same run); and the stored gate
 *     (compareResults, the action's rule) on each run from the 6th on against the history of the
 *     runs before it, with normalize auto and none: any regression is a false alarm. The change
 *     points of each A/A series are false points.
 *  2. A +10 % step: runs of one model file (the identity is the path) whose K is 256 for the
 *     first half and 282 (+10 % FLOPs) for the second; a creep: K grows 3 % per run from the
 *     middle on. Per scenario: where the change-point detector puts a change, and whether the
 *     per-run gate flagged any run of the second half.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compareResults } from '../src/analysis/compare.js';
import { gateView } from '../src/analysis/normalize.js';
import { cellChanges } from '../src/analysis/changes.js';
import { mergeRun, type BaselineDocument } from '../src/baseline/history.js';
import type { Result } from '../src/results/types.js';
import { buildMatMulModel } from '../src/workloads/matmul-model.js';
import type { BenchContext, Section } from './types.js';
import { pct, sweepResult } from './util.js';

function sd(xs: readonly number[]): number {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
}

function modelFile(dir: string, name: string, m: number, k: number, n: number): string {
  const file = path.join(dir, name);
  writeFileSync(file, buildMatMulModel({ m, k, n }, 1, 1).bytes);
  return file;
}

const median = (r: Result, t: number) =>
  r.workloads[0]!.points.find((p) => p.threads === t)?.medianNs;

/** The stored gate on runs[from…] against the history of the runs before each. */
function gateSeries(runs: readonly Result[], from: number, normalize: 'auto' | 'none') {
  let doc: BaselineDocument | null = null;
  const verdicts: string[] = [];
  runs.forEach((r, i) => {
    if (i >= from && doc) {
      const c = compareResults({ document: doc, source: 'bench', notes: [] }, r, { normalize });
      verdicts.push(c.kind);
    }
    doc = mergeRun(doc, r, { maxRuns: 100 }).baseline;
  });
  return { verdicts, doc: doc! };
}

export const realHistory: Section = {
  name: 'real-history',
  title: 'The stored history on real runs: normalization by the reference cell, and change points',
  async run(ctx: BenchContext) {
    const runs = ctx.quick ? 6 : Number(process.env.THREADGATE_BENCH_HISTORY_RUNS ?? 20);
    const sec = ctx.quick ? '3' : '8';
    const dir = path.join(ctx.dir, 'real-history');
    mkdirSync(dir, { recursive: true });
    const models = [
      { kind: 'compute-bound', file: modelFile(dir, 'mm1024.onnx', 1024, 1024, 1024) },
      { kind: 'memory-bound', file: modelFile(dir, 'mv4096.onnx', 1, 4096, 4096) },
    ];
    const aa = new Map<string, Result[]>(models.map((m) => [m.kind, []]));
    for (let i = 0; i < runs; i++) {
      for (const m of models) {
        ctx.log(`A/A run ${i + 1}/${runs}: ${m.kind}`);
        const file = path.join(dir, `aa-${m.kind}-${i}.json`);
        const r = await sweepResult(
          ['--model', m.file, '--threads', '1,2', '--max-time', sec, '--seed', String(i + 1)],
          file,
        );
        aa.get(m.kind)!.push({ ...r, createdAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString() });
      }
    }
    const rows: string[][] = [];
    const gateRows: string[][] = [];
    let falsePoints = 0;
    let falseNormalized = 0;
    let seriesRuns = 0;
    const machineSteps: string[] = [];
    for (const m of models) {
      const results = aa.get(m.kind)!;
      for (const t of [1, 2]) {
        const raw: number[] = [];
        const norm: number[] = [];
        for (const r of results) {
          const x = median(r, t);
          const ref = r.reference?.point.medianNs;
          if (x === undefined || ref === undefined) continue;
          raw.push(Math.log(x));
          norm.push(Math.log(x) - Math.log(ref));
        }
        rows.push([
          `${m.kind} (${path.basename(m.file)})`,
          String(t),
          String(raw.length),
          pct(Math.exp(sd(raw)) - 1, 1),
          pct(Math.exp(sd(norm)) - 1, 1),
          (sd(norm) / sd(raw)).toFixed(2),
        ]);
      }
      const from = Math.min(5, results.length - 1);
      for (const mode of ['auto', 'none'] as const) {
        const { verdicts, doc } = gateSeries(results, from, mode);
        const count = (k: string) => verdicts.filter((v) => v === k).length;
        gateRows.push([
          m.kind,
          mode,
          String(verdicts.length),
          String(count('regression')),
          String(count('inconclusive')),
          String(count('pass')),
        ]);
        if (mode === 'auto') {
          // The change points of each A/A series as measured and as the gate reads it (relative
          // to the reference: gateView), and of the reference's own series: a step there is the
          // machine's, not the workload's.
          const view = gateView(doc, results[results.length - 1]!, 'auto', 5);
          const id = results[0]!.workloads[0]!.id;
          for (const t of [1, 2]) {
            falsePoints += cellChanges(doc, id, t, { seed: 1 }).length;
            falseNormalized += cellChanges(view.history, id, t, { seed: 1 }).length;
            seriesRuns += results.length;
          }
          const refDoc = {
            runs: doc.runs.map((r) => ({
              ...r,
              workloads: r.reference
                ? [{ id: 'reference', points: [{ threads: 1, medianNs: r.reference.medianNs }] }]
                : [],
            })),
          };
          machineSteps.push(
            ...cellChanges(refDoc, 'reference', 1, { seed: 1 }).map(
              (c) => `${m.kind} runs: reference ×${c.ratio.toFixed(2)} from run ${c.index + 1}`,
            ),
          );
        }
      }
    }

    // Known changes at the path of one model file.
    const half = Math.floor(runs / 2);
    const stepRows: string[][] = [];
    for (const scenario of ['+10 % step', '+3 %/run creep'] as const) {
      const file = path.join(dir, `changing-${scenario.startsWith('+10') ? 'step' : 'creep'}.onnx`);
      const results: Result[] = [];
      for (let i = 0; i < runs; i++) {
        const factor = i < half ? 1 : scenario === '+10 % step' ? 1.1 : 1.03 ** (i - half + 1);
        writeFileSync(
          file,
          buildMatMulModel({ m: 256, k: Math.round(256 * factor), n: 256 }, 1, 1).bytes,
        );
        ctx.log(`${scenario} run ${i + 1}/${runs} (K ${Math.round(256 * factor)})`);
        const r = await sweepResult(
          [
            '--model',
            file,
            '--threads',
            '1',
            '--max-time',
            ctx.quick ? '2' : '4',
            '--seed',
            String(i + 1),
          ],
          path.join(dir, `${scenario.startsWith('+10') ? 'step' : 'creep'}-${i}.json`),
        );
        results.push({ ...r, createdAt: new Date(Date.UTC(2026, 1, 1 + i)).toISOString() });
      }
      const { verdicts, doc } = gateSeries(results, half, 'auto');
      const flagged = verdicts.findIndex((v) => v === 'regression');
      const points = cellChanges(doc, results[0]!.workloads[0]!.id, 1, { seed: 1 });
      stepRows.push([
        scenario,
        String(runs),
        `run ${half + 1}`,
        points.length === 0
          ? 'none'
          : points
              .map(
                (p) =>
                  `run ${p.index + 1} (×${p.ratio.toFixed(3)}, CI ${p.ci[0].toFixed(3)}–${p.ci[1].toFixed(3)})`,
              )
              .join('; '),
        flagged < 0 ? 'never' : `run ${half + 1 + flagged}`,
        `${verdicts.filter((v) => v === 'regression').length}/${verdicts.length}`,
      ]);
    }
    return {
      summary: [
        `${runs} separate A/A runs per model (${sec} s each, threads 1,2, the reference cell added to the rounds); normalized / raw spread: ${rows.map((r) => `${r[0]!.split(' ')[0]} @ ${r[1]} ${r[5]}`).join(', ')}`,
        `stored gate on A/A runs 6…${runs} against the runs before: ${gateRows.map((r) => `${r[0]} ${r[1]}: ${r[3]} regressions, ${r[4]} inconclusive of ${r[2]}`).join('; ')}`,
        `change points on the A/A series: ${falsePoints} in ${seriesRuns} runs as measured (${((100 * falsePoints) / Math.max(1, seriesRuns)).toFixed(2)} per 100 runs), ${falseNormalized} relative to the reference (${((100 * falseNormalized) / Math.max(1, seriesRuns)).toFixed(2)} per 100 runs); steps of the machine itself (the reference cell's own series): ${machineSteps.length === 0 ? 'none' : machineSteps.join('; ')}`,
        ...stepRows.map(
          (r) =>
            `${r[0]} from ${r[2]}: change points ${r[3]}; the per-run gate flagged ${r[4]} (${r[5]} of the later runs)`,
        ),
      ],
      table: {
        title:
          'Run-to-run spread of the run medians, raw vs normalized by the reference cell (sd of log medians)',
        header: ['cell', 'threads', 'runs', 'raw spread', 'normalized spread', 'normalized / raw'],
        rows,
      },
      tables: [
        {
          title: 'The stored gate on A/A runs (each against the runs before it)',
          header: ['model', 'normalize', 'runs judged', 'regression', 'inconclusive', 'pass'],
          rows: gateRows,
        },
        {
          title: 'Known changes in real runs of a MatMul model (K 256 → +10 %, or +3 % per run)',
          header: [
            'scenario',
            'runs',
            'change starts',
            'change points found',
            'per-run gate first flagged',
            'runs flagged',
          ],
          rows: stepRows,
        },
      ],
    };
  },
};
