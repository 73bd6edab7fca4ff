/**
 * Cost of precision: adaptive stopping (each cell stops at ±2 %) against a fixed iteration count
 * that reaches the same precision in every cell (the count the worst cell needed, for all
 * cells), measured back to back in one run on the same shapes.
 */
import { probeCpu } from '../src/cpu/index.js';
import { defaultThreadCounts } from '../src/measure/plan.js';
import { relativeHalfWidth, sweep } from '../src/measure/sweep.js';
import { formatPercent } from '../src/report/format.js';
import { createMatMulWorkload, parseShapes } from '../src/workloads/matmul.js';
import { measureCallOverhead } from '../src/workloads/overhead.js';
import { loadOrt } from '../src/workloads/ort.js';
import type { BenchContext, Section } from './types.js';

export const adaptive: Section = {
  name: 'adaptive',
  title: 'Time to the target precision: adaptive stopping vs a fixed iteration count',
  async run(ctx: BenchContext) {
    const ort = loadOrt();
    const threads = defaultThreadCounts(probeCpu().availableCpus);
    const overhead = await measureCallOverhead(ort);
    const shapes = parseShapes(ctx.quick ? '256,1x4096x4096' : '256,1024,1x4096x4096');
    const workloads = [];
    for (const s of shapes) {
      workloads.push(
        await createMatMulWorkload(ort, s, {
          overheadNs: overhead.perCallNs,
          maxThreads: Math.max(...threads),
        }),
      );
    }
    const target = 0.02;
    const t0 = performance.now();
    const adaptiveOut = await sweep(workloads, {
      threads,
      maxTimeSec: 300,
      targetPrecision: target,
      seed: 11,
    });
    const adaptiveSec = (performance.now() - t0) / 1000;
    const cells = adaptiveOut.workloads.flatMap((w) => w.cells);
    const fixedN = Math.max(...cells.map((c) => c.samplesNs.length));
    // Fixed: every cell takes fixedN samples (target 0 never converges; maxSamples ends it).
    const t1 = performance.now();
    const fixedOut = await sweep(workloads, {
      threads,
      maxTimeSec: 600,
      targetPrecision: 0,
      seed: 12,
      maxSamples: fixedN,
      minVisits: Number.MAX_SAFE_INTEGER,
    });
    const fixedSec = (performance.now() - t1) / 1000;
    const fixedCells = fixedOut.workloads.flatMap((w) => w.cells);
    const reached = fixedCells.filter((c) => relativeHalfWidth(c.samplesNs) <= target).length;
    const rows = adaptiveOut.workloads.flatMap((w, wi) =>
      w.cells.map((c, ci) => {
        const f = fixedOut.workloads[wi]!.cells[ci]!;
        return [
          w.workload.id,
          String(c.threads),
          String(c.samplesNs.length),
          formatPercent(relativeHalfWidth(c.samplesNs), 2),
          String(f.samplesNs.length),
          formatPercent(relativeHalfWidth(f.samplesNs), 2),
        ];
      }),
    );
    return {
      summary: [
        `adaptive: ${adaptiveSec.toFixed(1)} s (${cells.reduce((s, c) => s + c.samplesNs.length, 0)} samples); fixed ${fixedN} samples per cell: ${fixedSec.toFixed(1)} s; ratio fixed/adaptive = ${(fixedSec / adaptiveSec).toFixed(2)}×`,
        `fixed count cells at ±${formatPercent(target, 0)}: ${reached}/${fixedCells.length} (the fixed count is the adaptive worst cell's, so it should reach it everywhere)`,
      ],
      table: {
        header: ['workload', 'threads', 'adaptive n', 'adaptive ±', 'fixed n', 'fixed ±'],
        rows,
      },
    };
  },
};
