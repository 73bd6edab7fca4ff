/**
 * Same-job duets (src/measure/duet.ts, src/pipeline/same-job.ts): base and head at the same time
 * on disjoint pinned CPU sets. On a simulated clock with a known truth (a runner whose speed
 * changes every 20 ms, hitting whatever runs in that moment): the duet resolves a +10 % head that
 * sequential blocks cannot within the budget, and never calls an unchanged head a regression;
 * cells too wide stay in blocks, `duet: off` and a platform without pinning measure no duet, and
 * a decided cell is measured no more. With real children: ONNX Runtime sessions (a MatMul with
 * twice the FLOPs is a regression, the same model passes), a command and a worker, each pinned
 * to its CPUs, none seeing an INPUT_* variable. No assertion on a timing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decideLook, replanLooks, type SameJobWorkloadBlocks } from '../src/analysis/same-job.js';
import { toComparisonJson } from '../src/analysis/comparison-json.js';
import { probeAffinity, spreadOverCores, type Affinity, type Pin } from '../src/cpu/affinity.js';
import { runSameJob, type SameJobOptions } from '../src/pipeline/same-job.js';
import { mulberry32 } from '../src/stats/random.js';
import { createCommandWorkload } from '../src/workloads/command.js';
import { createMatMulWorkload } from '../src/workloads/matmul.js';
import { loadOrt } from '../src/workloads/ort.js';
import { OrtChildPool } from '../src/workloads/ort-child.js';
import type { CellRunner, Workload } from '../src/workloads/types.js';
import { createWorkerWorkload } from '../src/workloads/worker.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { syntheticResult } from './fixtures/baseline/synthetic.js';
import { schemaErrors } from './support/schema.js';
import { newSim, synthetic } from './support/synthetic.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const FOUR_CPUS: Affinity = { kind: 'taskset', taskset: '/usr/bin/taskset', cpus: [0, 1, 2, 3] };

// --- simulation ----------------------------------------------------------------------------------

interface DuetSim {
  now: number;
  /** The machine's seed: its speed at each moment. */
  seed: number;
  /** Every pinned open: [threads, cpus]. */
  pinned: [number, readonly number[]][];
}

function newDuetSim(seed: number): DuetSim {
  return { now: 0, seed, pinned: [] };
}

/**
 * A workload on a simulated machine whose speed is ×exp(N(0, 0.15²)), drawn afresh every 20 ms
 * (neighbours, the hypervisor): whatever runs in the same moment gets the same factor. Sessions
 * differ by ×exp(N(0, 0.03²)), calls by ±5 %. A pinned runner's window starts when the other
 * side's does (the clock moves on when both are done, by the longer of the two).
 */
function moody(sim: DuetSim, id: string, factor: number, seed: number): Workload {
  const mood = (ms: number) => {
    const r = mulberry32(sim.seed * 1_000_003 + Math.floor(ms / 20));
    return Math.exp(0.15 * Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r()));
  };
  let opens = 0;
  const session = (threads: number) => {
    const rand = mulberry32(seed * 7919 + ++opens * 31 + threads);
    const s = Math.exp(
      0.03 * Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand()),
    );
    const nsAt = (ms: number) =>
      (5e6 / threads) * factor * s * mood(ms) * (1 + 0.05 * (rand() * 2 - 1));
    return { nsAt };
  };
  return {
    id,
    kind: 'matmul',
    label: id,
    opsPerCall: 1,
    flopsPerOp: null,
    metric: { name: 'latency', unit: 'ns' },
    async open(threads) {
      const s = session(threads);
      return {
        async call() {
          const ns = s.nsAt(sim.now);
          sim.now += ns / 1e6;
          return ns;
        },
        async close() {},
      };
    },
    async openPinned(threads: number, pin: Pin): Promise<CellRunner> {
      sim.pinned.push([threads, pin.cpus]);
      const s = session(threads);
      const many = async (n: number) => {
        let t = sim.now;
        const out: number[] = [];
        for (let i = 0; i < n; i++) {
          const ns = s.nsAt(t);
          t += ns / 1e6;
          out.push(ns);
        }
        await Promise.resolve(); // the other side starts its window at the same moment
        sim.now = Math.max(sim.now, t);
        return out;
      };
      return { call: async () => (await many(1))[0]!, callMany: many, async close() {} };
    },
  };
}

async function simJob(factor: number, seed: number, extra: Partial<SameJobOptions> = {}) {
  const sim = newDuetSim(seed);
  const run = await runSameJob(moody(sim, 'm', factor, seed), moody(sim, 'm', 1, seed + 500), {
    threads: [1],
    maxTimeSec: 10,
    threshold: 0.05,
    seed,
    now: () => sim.now,
    fingerprint: 'fp',
    maxThreads: 4,
    affinity: FOUR_CPUS,
    duet: 'auto',
    ...extra,
  });
  return { run, sim };
}

test('simulation with a known truth: duets resolve +10 % where sequential blocks cannot; unchanged is never a regression', async () => {
  const count = async (factor: number, duet: 'auto' | 'off', n: number, seed: number) => {
    let regressions = 0;
    let decided = 0;
    for (let i = 0; i < n; i++) {
      const { run } = await simJob(factor, seed + i, { duet });
      assert.deepEqual(run.duetThreads, duet === 'auto' ? [1] : []);
      if (run.comparison.kind === 'regression') regressions++;
      if (run.stoppedBy === 'decided') decided++;
    }
    return { regressions, decided };
  };
  const duetSlow = await count(1.1, 'auto', 10, 100);
  const blocksSlow = await count(1.1, 'off', 10, 100);
  const duetSame = await count(1.0, 'auto', 10, 300);
  const blocksSame = await count(1.0, 'off', 10, 300);
  assert.ok(duetSlow.regressions >= 9, `duet: +10 % caught in ${duetSlow.regressions}/10`);
  assert.ok(
    blocksSlow.regressions < duetSlow.regressions,
    `blocks: +10 % caught in ${blocksSlow.regressions}/10, duet ${duetSlow.regressions}/10`,
  );
  assert.equal(duetSame.regressions, 0, 'duet: false alarms');
  assert.equal(blocksSame.regressions, 0, 'blocks: false alarms');
  assert.ok(duetSame.decided >= 9, `duet: unchanged decided (pass) in ${duetSame.decided}/10`);
});

test('duet cells: twice the threads within the usable CPUs; wider cells stay in blocks; sides swap CPUs at random; the JSON says which', async () => {
  const sim = newDuetSim(7);
  const run = await runSameJob(moody(sim, 'm', 1.3, 7), moody(sim, 'm', 1, 8), {
    threads: [1, 2],
    maxTimeSec: 10,
    threshold: 0.05,
    seed: 7,
    now: () => sim.now,
    fingerprint: 'fp',
    maxThreads: 2,
    affinity: { kind: 'taskset', taskset: '/usr/bin/taskset', cpus: [0, 1] },
    duet: 'auto',
  });
  assert.deepEqual(run.duetThreads, [1]);
  assert.ok(sim.pinned.length > 0 && sim.pinned.every(([t, cpus]) => t === 1 && cpus.length === 1));
  const seen = new Set(sim.pinned.map(([, cpus]) => cpus[0]));
  assert.deepEqual([...seen].sort(), [0, 1], 'each CPU used by some side');
  assert.notEqual(run.comparison.kind, 'no-baseline');
  if (run.comparison.kind === 'no-baseline') return;
  assert.deepEqual(
    run.comparison.cells.map((c) => [c.threads, c.duet === true]),
    [
      [1, true],
      [2, false],
    ],
  );
  assert.ok(run.comparison.notes.some((n) => n.startsWith('measured as duets: 1 thread (')));
  // The comment's gate line names them.
  const current = syntheticResult({
    seed: 1,
    workloads: [{ id: 'm', cells: [1, 2].map((t) => ({ threads: t, medianNs: 1e6 / t })) }],
  });
  assert.match(
    renderMarkdown(current, run.comparison, { baselineKind: 'same-job' }),
    /- Gate: base and head measured in blocks of freshly opened sessions; measured as duets: 1 thread \(base and head at once/,
  );
  // Progress over the job when every cell is a duet (no sweep to report it).
  const phases: string[] = [];
  const only = await simJob(1.0, 3, { onProgress: (p) => phases.push(`${p.phase}@${p.block}`) });
  assert.deepEqual(only.run.duetThreads, [1]);
  assert.ok(phases.includes('measure@1') && phases.at(-1)!.startsWith('done'), phases.join());
  const json = toComparisonJson(run.comparison);
  assert.deepEqual(schemaErrors('comparison.schema.json', json), []);
  assert.ok(json.cells.some((c) => c.duet));
});

test('duet off, or a platform without pinning: no duet at all, and the note says why', async () => {
  const off = await simJob(1.0, 3, { duet: 'off' });
  assert.deepEqual(off.run.duetThreads, []);
  // Off is the default (DEFAULT_DUET): no duet unless asked for.
  const byDefault = await simJob(1.0, 3, { duet: undefined });
  assert.deepEqual(byDefault.run.duetThreads, []);
  assert.equal(off.sim.pinned.length, 0);
  assert.ok(
    off.run.comparison.notes.includes('no cell measured as a duet: duets are off (duet: off)'),
  );
  const mac = await simJob(1.0, 3, {
    affinity: { kind: 'none', reason: 'macOS has no CPU affinity masks' },
  });
  assert.equal(mac.sim.pinned.length, 0);
  assert.ok(
    mac.run.comparison.notes.includes(
      'no cell measured as a duet: macOS has no CPU affinity masks: no CPU pinning, so sequential blocks',
    ),
  );
  // Workloads that cannot run pinned (in-process only) keep blocks too.
  const sim = newSim();
  const plain = await runSameJob(synthetic(sim, 'p', 1e6), synthetic(sim, 'p', 1e6, { seed: 2 }), {
    threads: [1],
    maxTimeSec: 2,
    threshold: 0.05,
    seed: 1,
    now: () => sim.now,
    affinity: FOUR_CPUS,
    duet: 'auto',
  });
  assert.deepEqual(plain.duetThreads, []);
  assert.ok(plain.comparison.notes.some((n) => /cannot run pinned/.test(n)));
});

test('the budget where it decides: after a look only undecided cells are measured; a decided cell keeps its decision', async () => {
  // 1 thread: the head is twice as slow (decided at the first look); 2 threads: exactly at the
  // threshold (undecided for long).
  const sim = newSim();
  const head = synthetic(sim, 'm', 1e6, {
    noise: 0.1,
    sessionNoise: 0.05,
    nsAt: (t) => (t === 1 ? 2e6 : 1.05 * 5e5),
  });
  const base = synthetic(sim, 'm', 1e6, { noise: 0.1, sessionNoise: 0.05, seed: 9 });
  const run = await runSameJob(head, base, {
    threads: [1, 2],
    maxTimeSec: 10,
    threshold: 0.05,
    seed: 4,
    now: () => sim.now,
    duet: 'off',
  });
  const [one, two] = run.decision.cells;
  assert.equal(one!.status, 'regression');
  assert.equal(one!.blocks, 4, 'measured up to the first look only');
  assert.ok(two!.blocks > 8, `the undecided cell got the rest: ${two!.blocks} blocks`);
  assert.equal(run.blocks, two!.blocks);
  const calls = sim.log.filter((l) => l === 'm@1').length;
  assert.ok(calls > 0 && calls < sim.log.filter((l) => l === 'm@2').length);
  assert.ok(run.comparison.notes.some((n) => /only the cells still undecided/.test(n)));
});

test('the rule: a cell decided at a look is judged at that look’s α share again; replanned looks spend only what is left', () => {
  const rand = mulberry32(5);
  const w: SameJobWorkloadBlocks = {
    id: 'w',
    cells: [
      {
        threads: 1,
        blocks: Array.from({ length: 6 }, () => [1e6, 1.2e6 * (1 + 0.02 * rand())] as const),
      },
    ],
    pooled: [{ threads: 1, medianNs: 1e6, ci95Ns: [0.99e6, 1.01e6] }],
  };
  const look = { threshold: 0.05, gate: 'all', final: false } as const;
  const atFirst = decideLook([w], { ...look, spend: 0.1 }).cells[0]!;
  const later = decideLook([w], { ...look, spend: 0.6, decidedAt: new Map([['w@1', 0.1]]) })
    .cells[0]!;
  assert.deepEqual(
    [later.ci, later.ciLevel, later.status],
    [atFirst.ci, atFirst.ciLevel, 'regression'],
  );
  const rest = replanLooks(6, 0.3, 40);
  assert.ok(rest.every((l) => l.blocks > 6));
  assert.equal(rest.at(-1)!.blocks, 40);
  assert.ok(Math.abs(rest.reduce((a, l) => a + l.spend, 0) - 0.7) < 1e-12);
  assert.deepEqual(replanLooks(10, 0.5, 8), [{ blocks: 11, spend: 0.5 }]);
});

test('affinity: pinning only on Linux with a working taskset; CPUs one per physical core first', () => {
  assert.deepEqual(probeAffinity('darwin'), {
    kind: 'none',
    reason: 'macOS has no CPU affinity masks',
  });
  assert.equal(probeAffinity('win32').kind, 'none');
  const status = 'Name:\tnode\nCpus_allowed_list:\t0-3\n';
  assert.deepEqual(probeAffinity('linux', { statusText: status, taskset: null }), {
    kind: 'none',
    reason: 'taskset (util-linux) was not found',
  });
  const refused = 'taskset could not pin a process here (exit 1)';
  assert.deepEqual(probeAffinity('linux', { statusText: status, taskset: '/t', refused }), {
    kind: 'none',
    reason: refused,
  });
  // Two cores with two hyper-threads each, siblings numbered 0,1 and 2,3: a duet at 1 thread
  // gets CPUs 0 and 2 (two cores), at 2 threads 0,2 and 1,3.
  const siblings = (c: number) => (c < 2 ? [0, 1] : [2, 3]);
  assert.deepEqual(
    probeAffinity('linux', { statusText: status, taskset: '/t', refused: null, siblings }),
    { kind: 'taskset', taskset: '/t', cpus: [0, 2, 1, 3] },
  );
  assert.deepEqual(
    spreadOverCores([0, 1, 2, 3], (c) => [c % 2, (c % 2) + 2]),
    [0, 1, 2, 3],
  );
  assert.deepEqual(
    spreadOverCores([4, 5], () => null),
    [4, 5],
  );
});

// --- real children -------------------------------------------------------------------------------

const affinity = probeAffinity();
const twoCpus = affinity.kind === 'taskset' && affinity.cpus.length >= 2;
const noDuets = twoCpus ? false : 'needs Linux, taskset and 2 CPUs in the affinity mask';

/** The marked children of this process: pid, environment, each thread's allowed CPUs (/proc). */
function markedChildren(): { pid: number; env: string[]; threadCpus: string[] }[] {
  const needle = `THREADGATE_RUN=${process.pid}.`;
  const out: { pid: number; env: string[]; threadCpus: string[] }[] = [];
  for (const p of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const env = readFileSync(`/proc/${p}/environ`, 'utf8').split('\0');
      if (!env.some((e) => e.startsWith(needle))) continue;
      const threadCpus = new Set<string>();
      for (const t of readdirSync(`/proc/${p}/task`)) {
        const status = readFileSync(`/proc/${p}/task/${t}/status`, 'utf8');
        threadCpus.add(/^Cpus_allowed_list:\s*(.*)$/m.exec(status)![1]!);
      }
      out.push({ pid: Number(p), env, threadCpus: [...threadCpus].sort() });
    } catch {
      // gone
    }
  }
  return out;
}

test(
  'ONNX Runtime duet: a MatMul with twice the FLOPs is a regression, the same model passes',
  { skip: noDuets },
  async () => {
    const ort = loadOrt();
    const mk = (k: number) =>
      createMatMulWorkload(ort, { m: 64, k, n: 64 }, { overheadNs: 30_000, maxThreads: 1 });
    const base = await mk(64);
    const options = {
      threads: [1],
      maxTimeSec: 5,
      // Far from either truth (×1 and ×2 FLOPs), so neither verdict depends on luck.
      threshold: 0.25,
      seed: 1,
      visitMs: 10,
      duetWindows: 3,
      maxThreads: 2,
      fingerprint: 'fp',
      duet: 'auto' as const,
    };
    const slow = await runSameJob(await mk(128), base, options);
    assert.deepEqual(slow.duetThreads, [1]);
    assert.equal(slow.comparison.kind, 'regression');
    if (slow.comparison.kind === 'regression') assert.equal(slow.comparison.cells[0]!.duet, true);
    const same = await runSameJob(await mk(64), base, options);
    assert.equal(same.comparison.kind, 'pass');
    assert.deepEqual(markedChildren(), [], 'every child gone');
  },
);

test(
  'ORT children: every thread pinned to the block’s CPUs, a fresh session per block in a kept child, no INPUT_* variable, all killed at the end',
  { skip: noDuets },
  async () => {
    if (affinity.kind !== 'taskset') return;
    const ort = loadOrt();
    const w = await createMatMulWorkload(
      ort,
      { m: 32, k: 32, n: 32 },
      { overheadNs: 30_000, maxThreads: 1 },
    );
    const [a, b] = [affinity.cpus[0]!, affinity.cpus[1]!];
    const pool = new OrtChildPool(w.parallel!, {
      label: w.label,
      env: { ...process.env, 'INPUT_GITHUB-TOKEN': 'ghs_secret' },
    });
    try {
      const first = await pool.open(1, { taskset: affinity.taskset, cpus: [a] });
      assert.equal((await first.callMany!(3)).length, 3);
      const [child, ...more] = markedChildren();
      assert.deepEqual(more, []);
      assert.deepEqual(child!.threadCpus, [String(a)], 'every thread of the child on its CPU');
      assert.deepEqual(
        child!.env.filter((e) => /^INPUT_/i.test(e)),
        [],
      );
      await first.close();
      // The next block: the same child, pinned again, a fresh session.
      const second = await pool.open(1, { taskset: affinity.taskset, cpus: [b] });
      assert.equal((await second.callMany!(2)).length, 2);
      const again = markedChildren();
      assert.deepEqual(
        again.map((c) => [c.pid, c.threadCpus]),
        [[child!.pid, [String(b)]]],
      );
      await second.close();
    } finally {
      await pool.dispose();
    }
    assert.deepEqual(markedChildren(), []);
    await assert.rejects(pool.open(1, { taskset: affinity.taskset, cpus: [a] }), /disposed/);
  },
);

test(
  'command and worker duets: each side pinned to its own CPUs, no INPUT_* variable; a slower head is a regression',
  { skip: noDuets },
  async () => {
    const probe = (n: number) =>
      `/bin/sh ${JSON.stringify(path.join(FIXTURES, 'commands/duet_probe.sh'))} ${n}`;
    process.env['INPUT_GITHUB-TOKEN'] = 'ghs_secret';
    let head: Workload, base: Workload;
    try {
      // duet_probe.sh exits 3 on an INPUT_* variable and 4 when not pinned to OMP_NUM_THREADS CPUs.
      head = createCommandWorkload({ command: probe(40_000) });
      base = createCommandWorkload({ command: probe(10_000) });
    } finally {
      delete process.env['INPUT_GITHUB-TOKEN'];
    }
    // The job stops at the first look where the cell is decided (4 blocks at the earliest); the
    // budget is room for a loaded machine, where 5 s ended a job undecided (a pass).
    const options = {
      threads: [1],
      maxTimeSec: 15,
      threshold: 0.25,
      seed: 2,
      maxThreads: 2,
      fingerprint: 'fp',
      duet: 'auto' as const,
    };
    const cmd = await runSameJob(head, base, options);
    assert.deepEqual(cmd.duetThreads, [1]);
    assert.equal(cmd.comparison.kind, 'regression');

    const dir = mkdtempSync(path.join(tmpdir(), 'threadgate-duet-'));
    try {
      const sleeper = (ms: number, report: string) =>
        `python3 ${JSON.stringify(path.join(FIXTURES, 'workers/sleep_worker.py'))} ${ms} ${JSON.stringify(path.join(dir, report))}`;
      process.env['INPUT_GITHUB-TOKEN'] = 'ghs_secret';
      let wh: Workload, wb: Workload;
      try {
        wh = createWorkerWorkload({ command: sleeper(4, 'head.json') });
        wb = createWorkerWorkload({ command: sleeper(2, 'base.json') });
      } finally {
        delete process.env['INPUT_GITHUB-TOKEN'];
      }
      const worker = await runSameJob(wh, wb, { ...options, visitMs: 10, duetWindows: 2 });
      assert.deepEqual(worker.duetThreads, [1]);
      assert.equal(worker.comparison.kind, 'regression');
      for (const side of ['head.json', 'base.json']) {
        const seen = JSON.parse(readFileSync(path.join(dir, side), 'utf8')) as {
          env: Record<string, string>;
          affinity: number[];
        };
        assert.equal(seen.affinity.length, 1, `${side}: pinned to one CPU`);
        assert.deepEqual(
          Object.keys(seen.env).filter((k) => /^INPUT_/i.test(k)),
          [],
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    assert.deepEqual(markedChildren(), []);
  },
);
