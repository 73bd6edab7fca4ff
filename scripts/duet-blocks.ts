/**
 * One same-job duet cell, block by block (docs/BENCHMARKS.md, the out-of-sample sitting of
 * 2026-12-03, "Why some duets are noisy"): A/A, mlp.onnx at 1 thread (x=64x512), the two sides in ONNX Runtime
 * children pinned to the two CPUs, the side-to-CPU assignment drawn per block as runSameJob
 * draws it. Per block it prints which CPU the head had, the block's log(head / base), each
 * window's, and each side's call time; at the end the mean per assignment. It shows whether a
 * noisy duet is one side slow (and which CPU it was on) or the machine.
 *
 *   node --import tsx scripts/duet-blocks.ts [blocks, default 60]
 */
import { MLP } from '../bench/util.js';
import { probeAffinity, type Pin } from '../src/cpu/affinity.js';
import { measureDuetBlock } from '../src/measure/duet.js';
import { mulberry32 } from '../src/stats/random.js';
import { OrtChildPool } from '../src/workloads/ort-child.js';
import { createModelWorkload, parseInputShapes } from '../src/workloads/model.js';
import { loadOrt } from '../src/workloads/ort.js';
const ort = loadOrt();
const aff = probeAffinity();
if (aff.kind !== 'taskset') throw new Error('no pin');
const w = await createModelWorkload(
  ort,
  {
    path: MLP,
    inputShapes: parseInputShapes(['x=64x512'], 'x'),
    seed: 1,
  },
  { usableCpus: 2, spinning: false },
);
const ph = new OrtChildPool(w.parallel!, { label: 'h' });
const pb = new OrtChildPool(w.parallel!, { label: 'b' });
const side = (p: OrtChildPool) => ({
  opsPerCall: w.opsPerCall,
  open: (t: number, pin: Pin) => p.open(t, pin),
});
const rand = mulberry32(7);
const byOrient: Record<string, number[]> = {};
let hints: [number, number] | undefined;
for (let b = 0; b < Number(process.argv[2] ?? 60); b++) {
  const d = await measureDuetBlock(side(ph), side(pb), {
    threads: 1,
    pin: { taskset: aff.taskset, cpus: aff.cpus },
    rand,
    warmupMs: b ? 50 : 200,
    skipFixedWarmup: b > 0,
    windows: 5,
    visitMs: 30,
    now: () => performance.now(),
    deadline: Infinity,
    ...(hints ? { hintsNs: hints } : {}),
  });
  hints = [d.head.callNs, d.base.callNs];
  const k = `head@${d.headCpus.join(',')}`;
  const dd = Math.log(d.pair![1] / d.pair![0]);
  (byOrient[k] ??= []).push(dd);
  console.log(
    `${b} ${k} d=${(dd * 100).toFixed(1)}% windows=${d.logRatios.map((x) => (x * 100).toFixed(0)).join(',')} headNs=${(d.head.callNs / 1e3).toFixed(0)}us baseNs=${(d.base.callNs / 1e3).toFixed(0)}us`,
  );
}
for (const [k, xs] of Object.entries(byOrient)) {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(k, xs.length, 'mean d', (m * 100).toFixed(2) + '%');
}
await ph.dispose();
await pb.dispose();
