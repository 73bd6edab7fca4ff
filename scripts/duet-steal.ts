/**
 * Why are some same-job duets at 1 thread noisy on 2 vCPUs? (docs/BENCHMARKS.md, the sitting of
 * 2026-12-03 for issue 22.) A/A jobs, head and base the same mlp.onnx (x=64x512), cells 1 and 2
 * threads, 60 s, `duet: auto` and `duet: off` alternating; per job it prints the 1-thread cell's
 * spread of the block log(head / base), and what the hypervisor took from each vCPU while the
 * job ran (the steal column of /proc/stat's cpuN lines, as a share of the job's wall time).
 *
 * The question it answers: does a noisy duet coincide with steal on one vCPU? A duet pins each
 * side to one of the two CPUs, so time the hypervisor takes from one vCPU slows one side only,
 * and with no spare CPU the guest's scheduler cannot move the side elsewhere; a sequential block
 * is unpinned, and its one thread can run on the other vCPU.
 *
 *   node --import tsx scripts/duet-steal.ts [jobs per mode, default 10]
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_SAME_JOB_THRESHOLD } from '../src/analysis/same-job.js';
import { blockSpread } from '../bench/duet.js';
import { MLP } from '../bench/util.js';
import { runSameJob } from '../src/pipeline/same-job.js';
import { probeCpu } from '../src/cpu/index.js';
import { createModelWorkload, parseInputShapes } from '../src/workloads/model.js';
import { loadOrt, ortVersion } from '../src/workloads/ort.js';

/** Steal ticks (USER_HZ) of each cpuN line of /proc/stat. */
function stealPerCpu(): number[] {
  return readFileSync('/proc/stat', 'utf8')
    .split('\n')
    .filter((l) => /^cpu\d+ /.test(l))
    .map((l) => Number(l.trim().split(/\s+/)[8]));
}

const jobs = Number(process.argv[2] ?? 10);
if (!(Number.isInteger(jobs) && jobs > 0)) {
  throw new Error(`jobs per mode: got ${JSON.stringify(process.argv[2])}; expected a whole number`);
}
const ort = loadOrt();
const machine = probeCpu({ ortVersion: ortVersion(ort) });
const inputShapes = parseInputShapes(['x=64x512'], '--input-shape');
console.log(
  '| job | mode | blocks | 1-thread spread | 2-thread spread | steal cpu0 | steal cpu1 | s |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (let i = 0; i < 2 * jobs; i++) {
  const mode = i % 2 === 0 ? ('auto' as const) : ('off' as const);
  const make = () =>
    createModelWorkload(
      ort,
      { path: MLP, inputShapes, seed: 1 },
      { usableCpus: machine.availableCpus, spinning: false },
    );
  const head = await make();
  const base = await make();
  const s0 = stealPerCpu();
  const t0 = performance.now();
  const run = await runSameJob(head, base, {
    threads: [1, 2],
    maxTimeSec: 60,
    threshold: DEFAULT_SAME_JOB_THRESHOLD,
    seed: (i * 97 + 5) >>> 0,
    maxThreads: machine.availableCpus,
    fingerprint: machine.fingerprint,
    duet: mode,
  });
  const sec = (performance.now() - t0) / 1000;
  const s1 = stealPerCpu();
  const steal = s1.map((x, c) => `${(((x - s0[c]!) / 100 / sec) * 100).toFixed(1)} %`);
  console.log(
    `| ${Math.floor(i / 2) + 1} | ${mode === 'auto' ? 'duet' : 'blocks'} | ${run.blocks} | ` +
      `${(blockSpread(run, 1) * 100).toFixed(1)} % | ${(blockSpread(run, 2) * 100).toFixed(1)} % | ` +
      `${steal.join(' | ')} | ${sec.toFixed(1)} |`,
  );
}
