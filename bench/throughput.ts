/**
 * The throughput objective on this machine: K runs of `threadgate sweep --objective throughput`
 * (separate processes), each measuring every split of the usable CPUs into workers × threads per
 * worker (worker threads with their own sessions, as a server handling requests concurrently).
 * Per split: requests per second of each run and how they spread between runs; which split each
 * run recommends, and how often the runs agree. On 2 vCPUs there are only two splits (1×2 and
 * 2×1); the many-core section (simulated) and a many-core machine say more.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Result } from '../src/results/types.js';
import type { BenchContext, Section } from './types.js';
import { quantile, sweepResult } from './util.js';

const ARGS = ['--objective', 'throughput', '--sizes', '256,1024', '--max-time', '30'] as const;

export const throughput: Section = {
  name: 'throughput',
  title: 'Throughput objective: splitting the CPUs between concurrent requests',
  async run(ctx: BenchContext) {
    const k = ctx.quick ? 2 : 6;
    const dir = path.join(ctx.dir, 'throughput');
    mkdirSync(dir, { recursive: true });
    const runs: Result[] = [];
    for (let i = 0; i < k; i++) {
      runs.push(await sweepResult(ARGS, path.join(dir, `run-${i}.json`)));
      ctx.log(`throughput: ${i + 1}/${k}`);
    }
    const split = (w: number, t: number) => `${w} × ${t}`;
    const rows: string[][] = [];
    const picks = new Map<string, number>();
    for (const r of runs) {
      const rec = r.recommendation.throughput;
      if (rec) {
        const key = split(rec.workers, rec.threadsPerWorker);
        picks.set(key, (picks.get(key) ?? 0) + 1);
      }
    }
    for (const w of runs[0]!.workloads) {
      const splits = w.throughput?.points ?? [];
      for (const s of splits) {
        const rps = runs.flatMap((r) => {
          const p = r.workloads
            .find((x) => x.id === w.id)
            ?.throughput?.points.find(
              (x) => x.workers === s.workers && x.threadsPerWorker === s.threadsPerWorker,
            );
          return p ? [p.requestsPerSec] : [];
        });
        const p50 = runs.flatMap((r) => {
          const p = r.workloads
            .find((x) => x.id === w.id)
            ?.throughput?.points.find(
              (x) => x.workers === s.workers && x.threadsPerWorker === s.threadsPerWorker,
            );
          return p ? [p.p50Ns / 1000] : [];
        });
        const recommended = runs.filter((r) => {
          const rec = r.workloads.find((x) => x.id === w.id)?.throughput?.recommended;
          return rec?.workers === s.workers && rec.threadsPerWorker === s.threadsPerWorker;
        }).length;
        rows.push([
          w.id,
          split(s.workers, s.threadsPerWorker),
          quantile(rps, 0.5).toFixed(0),
          `${Math.min(...rps).toFixed(0)}–${Math.max(...rps).toFixed(0)}`,
          `${quantile(p50, 0.5).toFixed(0)} µs`,
          `${recommended}/${runs.length}`,
        ]);
      }
    }
    const secs = runs.map((r) => r.elapsedSec);
    return {
      summary: [
        `${k} separate runs of \`threadgate sweep ${ARGS.join(' ')}\`; ${quantile(secs, 0.5).toFixed(1)} s per run (median); a split is workers × threads per worker, each worker a worker thread with its own session, requests back to back`,
        `overall recommendation (\`recommendation.throughput\`) per run: ${[...picks.entries()].map(([s, n]) => `${s} in ${n}/${k}`).join(', ') || 'none'}`,
      ],
      table: {
        header: [
          'workload',
          'split',
          'requests/s (median of runs)',
          'range over runs',
          'latency p50 (median of runs)',
          'recommended for this workload',
        ],
        rows,
      },
    };
  },
};
