/**
 * The worker workload against what it replaces and against a hand-written warm loop, on the
 * PyTorch article's 256×256 float32 matmul (Debian's PyTorch at /usr/bin/python3 here):
 *
 * 1. agreement: the worker's 1- and 2-thread medians (`sweep --worker`, 30 s) against an
 *    independent warm loop in the same sitting (bench/fixtures/torch/warm_loop.py: 200 untimed,
 *    then N timed calls per count);
 * 2. samples per cell in a 30 s budget: the worker against `--command` running the article's
 *    script (one cold matmul per process, its printed time as the metric);
 * 3. the protocol's cost: per request (one per visit), the wall time of the round trip beyond the
 *    calls the worker timed, as a share of the request, at the calls per visit the sweep plans;
 * 4. the same-job gate with workers: head K +10 % (10 % more FLOPs) and A/A, each a separate
 *    `sweep --worker … --baseline-worker …` process at the bench's same-job budget.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ComparisonJson } from '../src/analysis/comparison-json.js';
import type { Result } from '../src/results/types.js';
import { createWorkerWorkload, WORKER_VISIT_MS } from '../src/workloads/worker.js';
import { SAME_JOB_ARGS } from './aa-same-job.js';
import type { BenchContext, Section } from './types.js';
import { FIXTURES, pct, rate, readJson, ROOT, runProcess, threadgate } from './util.js';

const PYTHON = '/usr/bin/python3';
const TORCH = path.join(FIXTURES, 'torch');
const EXAMPLE = path.join(ROOT, 'python/example_worker.py');

export const worker: Section = {
  name: 'worker',
  title: 'PyTorch through the worker protocol (warm) and through --command (cold)',
  async run(ctx: BenchContext) {
    if (!existsSync(PYTHON)) return { summary: [`skipped: no ${PYTHON}`] };
    const budget = ctx.quick ? '10' : '30';
    const summary: string[] = [];

    // 1 and 2: the worker sweep, the warm loop, the command sweep — one after the other.
    ctx.log('worker sweep of the article matmul');
    const wFile = path.join(ctx.dir, 'worker.json');
    await threadgate([
      'sweep',
      '--worker',
      `${PYTHON} ${EXAMPLE}`,
      '--threads',
      '1,2',
      '--max-time',
      budget,
      '--seed',
      '1',
      '--quiet',
      '--json',
      wFile,
    ]);
    const wResult = readJson<Result>(wFile);
    const w = wResult.workloads[0]!;
    ctx.log('independent warm loop');
    const loopCalls = ctx.quick ? 300 : 2000;
    const loop = await runProcess(PYTHON, [
      path.join(TORCH, 'warm_loop.py'),
      String(loopCalls),
      '1,2',
    ]);
    const hand = JSON.parse(loop.stdout.trim()) as Record<string, number>;
    ctx.log('command sweep of the article script');
    const cFile = path.join(ctx.dir, 'command.json');
    await threadgate([
      'sweep',
      '--command',
      `${PYTHON} ${path.join(TORCH, 'pytorch_omp_example.py')}`,
      '--metric',
      'Matrix multiply time: ([0-9.]+)',
      '--metric-unit',
      's',
      '--threads',
      '1,2',
      '--max-time',
      budget,
      '--seed',
      '1',
      '--quiet',
      '--json',
      cFile,
    ]);
    const cResult = readJson<Result>(cFile);
    const c = cResult.workloads[0]!;
    const perSec = (r: Result, n: number) => n / r.elapsedSec;
    const rows: string[][] = [];
    for (const t of [1, 2]) {
      const wp = w.points.find((p) => p.threads === t);
      const cp = c.points.find((p) => p.threads === t);
      const h = hand[String(t)];
      rows.push([
        String(t),
        wp ? `${(wp.medianNs / 1e6).toFixed(3)} ms` : '–',
        h !== undefined ? `${(h / 1e6).toFixed(3)} ms` : '–',
        wp && h !== undefined ? `${(wp.medianNs / h).toFixed(3)}` : '–',
        wp ? String(wp.samplesNs.length) : '–',
        cp ? `${(cp.medianNs / 1e6).toFixed(3)} ms` : '–',
        cp ? String(cp.samplesNs.length) : '–',
        wp && cp
          ? `${(perSec(wResult, wp.samplesNs.length) / perSec(cResult, cp.samplesNs.length)).toFixed(0)}×`
          : '–',
        wp?.runtimeThreads != null ? String(wp.runtimeThreads) : '–',
      ]);
    }

    // 3: the protocol's cost per request, at the calls per visit of a 30 ms visit.
    ctx.log('protocol overhead');
    const median1 = w.points.find((p) => p.threads === 1)?.medianNs ?? 5e6;
    const perVisit = Math.max(1, Math.min(50, Math.round((WORKER_VISIT_MS * 1e6) / median1)));
    const wl = createWorkerWorkload({ command: `${PYTHON} ${EXAMPLE}` });
    const runner = await wl.open(1);
    const shares: number[] = [];
    for (let i = 0; i < (ctx.quick ? 30 : 200); i++) {
      const t0 = process.hrtime.bigint();
      const times = await runner.callMany!(perVisit);
      const wall = Number(process.hrtime.bigint() - t0);
      const timed = times.reduce((a, b) => a + b, 0);
      shares.push((wall - timed) / wall);
    }
    await runner.close();
    shares.sort((a, b) => a - b);
    const medShare = shares[Math.floor(shares.length / 2)]!;
    const p90Share = shares[Math.floor(shares.length * 0.9)]!;

    // 4: the same-job gate with workers.
    // THREADGATE_BENCH_WORKER_SAMEJOB=SECONDS:RUNS overrides the budget and the runs per level.
    const [sjSec, sjRuns] = (process.env['THREADGATE_BENCH_WORKER_SAMEJOB'] ?? '').split(':');
    const runs = sjRuns ? Number(sjRuns) : ctx.quick ? 3 : 10;
    const sameJobArgs = sjSec ? ['--max-time', sjSec] : [...SAME_JOB_ARGS];
    const sized = (k: number) => `${PYTHON} ${path.join(TORCH, 'sized_worker.py')} 256 ${k} 256`;
    const levels = [
      { name: 'A/A (K 256 vs 256)', head: sized(256) },
      { name: '+10 % FLOPs (K 282 vs 256)', head: sized(282) },
    ];
    const gateRows: string[][] = [];
    for (const level of levels) {
      let regressions = 0;
      let seconds = 0;
      for (let i = 0; i < runs; i++) {
        ctx.log(`same-job worker ${level.name} ${i + 1}/${runs}`);
        const file = path.join(ctx.dir, `sj-${i}.json`);
        const out = await threadgate([
          'sweep',
          '--worker',
          level.head,
          '--baseline-worker',
          sized(256),
          '--threads',
          '1,2',
          ...sameJobArgs,
          '--quiet',
          '--comparison-json',
          file,
        ]);
        seconds += out.seconds;
        if (readJson<ComparisonJson>(file).verdict === 'regression') regressions++;
      }
      gateRows.push([level.name, rate(regressions, runs), `${(seconds / runs).toFixed(1)} s`]);
    }

    summary.push(
      `worker vs hand-written warm loop (same sitting): ${rows.map((r) => `${r[0]} thread(s) ${r[3]}×`).join(', ')} (goal: within 3 %)`,
      `samples per cell: worker ${rows.map((r) => r[4]).join('/')} in ${wResult.elapsedSec.toFixed(1)} s (${w.points.every((p) => p.converged) ? 'every cell at ±2 %, so it stopped' : 'budget'}) vs --command ${rows.map((r) => r[6]).join('/')} in ${cResult.elapsedSec.toFixed(1)} s (${c.points.every((p) => p.converged) ? 'converged' : 'budget hit before ±2 %'}): ${rows.map((r) => r[7]).join('/')} the samples per second (goal ≥ 50×)`,
      `protocol cost per request of ${perVisit} calls (a ${WORKER_VISIT_MS} ms visit, the worker default): median ${pct(medShare, 2)}, 90th percentile ${pct(p90Share, 2)} of the request's wall time (goal < 2 %)`,
    );
    return {
      summary,
      tables: [
        {
          title: `The article's 256×256 matmul, ${budget} s per sweep, threads 1 and 2`,
          header: [
            'threads',
            'worker median',
            `warm loop median (${loopCalls} calls)`,
            'worker / loop',
            'worker samples',
            '--command median (cold)',
            '--command samples',
            'samples per second, worker / command',
            'torch reported',
          ],
          rows,
        },
        {
          title: `Same-job gate with workers (${runs} runs per level, ${sameJobArgs.join(' ')}, threads 1,2)`,
          header: ['level', 'regression', 'mean run time'],
          rows: gateRows,
        },
      ],
    };
  },
};
