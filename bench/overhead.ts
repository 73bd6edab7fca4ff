/**
 * Per-call overhead of session.run and its share of every sample of the default shapes;
 * achieved GFLOP/s against the estimated peak.
 */
import { runSweep } from '../src/pipeline/sweep-run.js';
import { formatNs, formatPercent } from '../src/report/format.js';
import { DEFAULTS } from '../src/settings/settings.js';
import { parseShapes } from '../src/workloads/matmul.js';
import type { BenchContext, Section } from './types.js';

export const overhead: Section = {
  name: 'overhead',
  title: 'Per-call overhead and efficiency on the default shapes',
  async run(ctx: BenchContext) {
    const { result } = await runSweep({
      workload: { kind: 'matmul', sizes: parseShapes(DEFAULTS.sizes) },
      threads: 'auto',
      maxTimeSec: ctx.quick ? 20 : DEFAULTS.maxTimeSec,
      targetPrecision: DEFAULTS.targetPrecision,
      tolerance: DEFAULTS.tolerance,
      seed: 1,
    });
    const rows: string[][] = [];
    for (const w of result.workloads) {
      for (const p of w.points) {
        rows.push([
          w.id,
          String(p.threads),
          String(w.opsPerCall ?? 1),
          formatNs(p.medianNs),
          p.overheadShare != null ? formatPercent(p.overheadShare, 2) : '–',
          p.gflops != null ? p.gflops.toFixed(1) : '–',
          p.peakFraction != null ? formatPercent(p.peakFraction, 0) : '–',
        ]);
      }
    }
    const maxShare = Math.max(
      ...result.workloads.flatMap((w) => w.points.map((p) => p.overheadShare ?? 0)),
    );
    return {
      summary: [
        `per-call overhead of session.run: ${formatNs(result.overhead?.perCallNs ?? NaN)} (95 % CI ${formatNs(result.overhead?.ci95Ns[0] ?? NaN)}–${formatNs(result.overhead?.ci95Ns[1] ?? NaN)})`,
        `largest overhead share of a sample on the default shapes: ${formatPercent(maxShare, 2)} (goal < 2 %)`,
        `estimated peak: ${result.machine.peakGflops ? `${result.machine.peakGflops.gflops.toFixed(0)} GFLOP/s (${result.machine.peakGflops.basis})` : 'unknown'}`,
      ],
      table: {
        header: [
          'workload',
          'threads',
          'MatMuls/call',
          'median per MatMul',
          'overhead share',
          'GFLOP/s',
          '% of est. peak',
        ],
        rows,
      },
    };
  },
};
