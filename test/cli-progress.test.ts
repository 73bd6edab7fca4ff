/**
 * The CLI's progress on standard error (issue 21, item 3), driven by the real sweep engine and the
 * real same-job pipeline on synthetic workloads (a simulated clock, so deterministic), written to
 * a stand-in for process.stderr that records what is written: a terminal 60 columns wide, or a
 * pipe (a CI log).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sweep } from '../src/measure/sweep.js';
import { runSameJob } from '../src/pipeline/same-job.js';
import { createProgressReporter } from '../src/report/progress.js';
import { newSim, synthetic } from './support/synthetic.js';

/** What process.stderr offers the reporter: write, and on a terminal isTTY and columns. */
function fakeStream(tty: { columns: number } | null) {
  const writes: string[] = [];
  const stream = {
    isTTY: tty !== null,
    ...(tty ? { columns: tty.columns } : {}),
    write(chunk: string) {
      writes.push(chunk);
      return true;
    },
  } as unknown as NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  return { stream, writes };
}

// eslint-disable-next-line no-control-regex
const visible = (s: string) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').replace(/\r/g, '');

/** A budget as the action hands it over: what is left of max-time after set-up. */
const ODD_BUDGET = 14.083203559000001;

async function plainSweep(stream: NodeJS.WritableStream) {
  const sim = newSim();
  const workloads = [synthetic(sim, 'a', 1e6, { noise: 0.3 }), synthetic(sim, 'b', 2e6)];
  await sweep(workloads, {
    threads: [1, 2],
    maxTimeSec: ODD_BUDGET,
    targetPrecision: 0.001, // never reached: the sweep runs its whole budget
    seed: 5,
    now: () => sim.now,
    visitMs: 20,
    onProgress: createProgressReporter(stream),
  });
}

test('progress lines in a CI log round the budget (0/14 s, not 0/14.083203559000001 s)', async () => {
  const { stream, writes } = fakeStream(null);
  await plainSweep(stream);
  for (const line of writes) {
    assert.match(line, /^threadgate: .* · \d+(\.\d)?\/14 s\n$/, line);
  }
  assert.ok(writes.length >= 3 && writes.length <= 12, `a few lines, not one per round: ${writes}`);
  assert.match(writes.at(-1)!, /^threadgate: done · /);
});

test('on a 60-column terminal each redraw clears the line and fits in it (no wrap, no stale text)', async () => {
  const { stream, writes } = fakeStream({ columns: 60 });
  await plainSweep(stream);
  assert.ok(writes.length > 5, `redrawn as it goes: ${writes.length}`);
  for (const w of writes) {
    assert.ok(w.startsWith('\r\x1b[2K'), `cleared before drawing: ${JSON.stringify(w)}`);
    assert.ok(!w.includes('\n'), `redrawn in place: ${JSON.stringify(w)}`);
    assert.ok(visible(w).length < 60, `${visible(w).length} columns: ${JSON.stringify(w)}`);
    assert.doesNotMatch(w, /\d\.\d{2,}/, 'no raw floats');
  }
  assert.match(
    visible(writes.at(-2)!),
    /\[█+░*\] round \d+ · \d\/4 cells at target · 1[34]\/14 s$/,
  );
  assert.equal(writes.at(-1), '\r\x1b[2K', 'the bar is wiped at the end');
});

test('in a same-job comparison the bar advances over the whole job, and is wiped once at its end', async () => {
  const sim = newSim();
  const head = synthetic(sim, 'm', 1e6, { noise: 0.2, seed: 7, sessionNoise: 0.08 });
  const base = synthetic(sim, 'm', 1e6, { noise: 0.2, seed: 1007, sessionNoise: 0.08 });
  const { stream, writes } = fakeStream({ columns: 60 });
  const maxTimeSec = 20;
  const run = await runSameJob(head, base, {
    threads: [1, 2],
    maxTimeSec,
    threshold: 0.05,
    seed: 7,
    now: () => sim.now,
    fingerprint: 'fp',
    onProgress: createProgressReporter(stream),
  });
  assert.ok(run.blocks >= 4, `precondition: several blocks (${run.blocks})`);
  const bars = writes.flatMap((w) => {
    const m = /\[(█*)(░*)\]/.exec(w);
    return m ? [m[1]!.length / (m[1]!.length + m[2]!.length)] : [];
  });
  for (let i = 1; i < bars.length; i++) {
    assert.ok(bars[i]! >= bars[i - 1]!, `the bar never goes back: ${bars[i - 1]} → ${bars[i]}`);
  }
  const expected = run.elapsedSec / maxTimeSec;
  assert.ok(
    Math.abs(bars.at(-1)! - expected) <= 0.05,
    `the bar ends at the job's share of the budget: ${bars.at(-1)} vs ${expected}`,
  );
  assert.match(visible(writes.at(-2)!), new RegExp(`block ${run.blocks} · `));
  assert.deepEqual(
    writes.flatMap((w, i) => (visible(w) === '' ? [i] : [])),
    [writes.length - 1],
    'wiped once, at the end',
  );
});
