// Why the same-job gate may use up to 120 blocks (DEFAULT_MAX_BLOCKS in src/pipeline/same-job.ts):
// the engine on a simulated clock, with the unit tests' synthetic workloads (each opened session
// ×exp(N(0, 0.08²)), ±20 % per call, 170 µs calls like the bench's model), for caps of 30 and
// 120 blocks and budgets of 20 s (the bench's) and 60 s (the action's default). For a head
// ×1.00 (A/A), ×1.05 (exactly at the threshold: a regression may be called at most α/2 of the
// time) and ×1.10, it prints how many jobs called a regression, how many ended with a gated
// cell undecided, the mean simulated time and blocks.
//
// Run: node --import tsx scripts/same-job-blocks.ts [JOBS]   (default 30 jobs per row; ~25 s on 2 CPUs)
import { runSameJob } from '../src/pipeline/same-job.js';
import { newSim, synthetic } from '../test/support/synthetic.js';

async function job(factor: number, seed: number, maxTimeSec: number, maxBlocks: number) {
  const sim = newSim();
  const head = synthetic(sim, 'm', 1.7e5, { noise: 0.2, seed, factor, sessionNoise: 0.08 });
  const base = synthetic(sim, 'm', 1.7e5, {
    noise: 0.2,
    seed: seed + 1000,
    sessionNoise: 0.08,
  });
  return runSameJob(head, base, {
    threads: [1, 2],
    maxTimeSec,
    threshold: 0.05,
    seed,
    now: () => sim.now,
    fingerprint: 'fp',
    maxBlocks,
  });
}

const jobs = Number(process.argv[2] ?? 30);
if (!Number.isInteger(jobs) || jobs < 1) {
  console.error(`JOBS: got "${process.argv[2]}"; expected a positive integer`);
  process.exit(2);
}
console.log('| budget | max blocks | head | regression | undecided | mean time | mean blocks |');
console.log('|---|---|---|---|---|---|---|');
for (const maxTimeSec of [20, 60]) {
  for (const maxBlocks of [30, 120]) {
    for (const factor of [1.0, 1.05, 1.1]) {
      let regression = 0;
      let undecided = 0;
      let seconds = 0;
      let blocks = 0;
      for (let i = 0; i < jobs; i++) {
        const run = await job(factor, Math.round(1000 * factor) + i, maxTimeSec, maxBlocks);
        if (run.comparison.kind === 'regression') regression++;
        if (run.decision.cells.some((c) => c.undecided)) undecided++;
        seconds += run.elapsedSec;
        blocks += run.blocks;
      }
      console.log(
        `| ${maxTimeSec} s | ${maxBlocks} | ×${factor.toFixed(2)} | ${regression}/${jobs} | ` +
          `${undecided}/${jobs} | ${(seconds / jobs).toFixed(1)} s | ${(blocks / jobs).toFixed(0)} |`,
      );
    }
  }
}
