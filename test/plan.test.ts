/**
 * The thread plan (src/measure/plan.ts): the grid of `auto` on machines of several shapes, and
 * what a budget makes it drop. Machines are the CPU probe's own view of the fixture trees under
 * test/fixtures/cpu/ where one exists, so the grid is checked on what the probe really reports.
 */
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { probeCpu } from '../src/cpu/index.js';
import {
  affordableCounts,
  cellCostMs,
  chooseCounts,
  defaultThreadCounts,
  planThreadCounts,
  plannedWorkloads,
  threadGrid,
  type CpuShape,
} from '../src/measure/plan.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'cpu');
const probe = (name: string, arch = 'x64') =>
  probeCpu({
    root: join(fixtures, name),
    platform: 'linux',
    arch,
    ortVersion: '1.30.0',
    nodeCpus: { cpus: [{ model: 'unused', speed: 0 }], availableParallelism: 1 },
  });

const twoSocketSmt = probe('x64-2socket-smt'); // 96 logical, 48 cores, 2 nodes of 48
const graviton192 = probe('arm64-graviton-192', 'arm64'); // 192 cores, 2 nodes of 96
const runner16: CpuShape = { availableCpus: 16, physicalCores: 8, numaNodes: [{ cpus: 16 }] };

describe('threadGrid', () => {
  it('this project’s 2-vCPU machine: 1 and 2, as before', () => {
    const real = probe('real-x64');
    assert.deepEqual(defaultThreadCounts(real), [1, 2]);
    assert.deepEqual(defaultThreadCounts(2), [1, 2]);
  });

  it('a number alone: powers of two plus the usable CPUs (the grid of earlier versions)', () => {
    assert.deepEqual(defaultThreadCounts(1), [1]);
    assert.deepEqual(defaultThreadCounts(6), [1, 2, 4, 6]);
    assert.deepEqual(defaultThreadCounts(96), [1, 2, 4, 8, 16, 32, 64, 96]);
  });

  it('16 vCPUs = 8 cores × 2 SMT, one node: the physical cores are a power of two', () => {
    assert.deepEqual(threadGrid(runner16), [
      { threads: 1, roles: ['one'] },
      { threads: 2, roles: ['power-of-two'] },
      { threads: 4, roles: ['power-of-two'] },
      { threads: 8, roles: ['power-of-two', 'physical'] },
      { threads: 16, roles: ['logical'] },
    ]);
  });

  it('2 sockets × 24 cores × 2 SMT (fixture): physical cores = one node = 48, added', () => {
    assert.equal(twoSocketSmt.availableCpus, 96);
    assert.equal(twoSocketSmt.physicalCores, 48);
    assert.deepEqual(defaultThreadCounts(twoSocketSmt), [1, 2, 4, 8, 16, 32, 48, 64, 96]);
    const at48 = threadGrid(twoSocketSmt).find((g) => g.threads === 48);
    assert.deepEqual(at48?.roles, ['physical', 'numa-node']);
  });

  it('192 Graviton-like cores on 2 nodes (fixture): one node = 96 added, no SMT count', () => {
    assert.equal(graviton192.availableCpus, 192);
    assert.equal(graviton192.physicalCores, 192);
    assert.deepEqual(defaultThreadCounts(graviton192), [1, 2, 4, 8, 16, 32, 64, 96, 128, 192]);
  });

  it('the affinity mask on one node only: no NUMA count; a quota caps every count', () => {
    const oneNode: CpuShape = { availableCpus: 48, physicalCores: 24, numaNodes: [{ cpus: 48 }] };
    assert.deepEqual(defaultThreadCounts(oneNode), [1, 2, 4, 8, 16, 24, 32, 48]);
    // cgroup quota of 6 CPUs on the 96-CPU machine: physical and NUMA counts capped at 6.
    assert.deepEqual(defaultThreadCounts({ ...twoSocketSmt, availableCpus: 6 }), [1, 2, 4, 6]);
  });
});

describe('planThreadCounts: the budget', () => {
  it('cost model: 900 ms per cell; 60 s affords 65 cells, 21 counts for 3 workloads', () => {
    assert.equal(cellCostMs(), 900); // 100 ms session + max(200 ms / ¼, 200 + 3 × 30)
    assert.equal(affordableCounts({ maxTimeSec: 60, workloads: 3 }), 21); // ⌊59 000 / 900⌋ = 65
    assert.equal(affordableCounts({ maxTimeSec: 60, workloads: 1 }), 65);
    assert.equal(affordableCounts({ maxTimeSec: 10, workloads: 3 }), 3); // ⌊9000 / 900⌋ = 10
    assert.equal(affordableCounts({ maxTimeSec: 1, workloads: 3 }), 1);
  });

  it('the default budget sweeps the whole grid on every machine shape here', () => {
    for (const cpu of [runner16, twoSocketSmt, graviton192]) {
      const plan = planThreadCounts(cpu, { maxTimeSec: 60, workloads: 3 });
      assert.deepEqual(plan.threads, defaultThreadCounts(cpu));
      assert.deepEqual(plan.dropped, []);
      assert.equal(plan.note, null);
    }
  });

  it('10 s for 3 workloads on 192 cores: 1, one node, all cores; the rest dropped and said', () => {
    const plan = planThreadCounts(graviton192, { maxTimeSec: 10, workloads: 3 });
    assert.equal(plan.affordable, 3);
    assert.deepEqual(plan.threads, [1, 96, 192]);
    assert.deepEqual(plan.dropped, [2, 4, 8, 16, 32, 64, 128]);
    assert.match(plan.note ?? '', /10 s budget affords 3 counts for 3 workloads/);
    assert.match(plan.note ?? '', /sweeping 1, 96, 192, dropped 2, 4, 8, 16, 32, 64, 128\./);
  });

  it('20 s: powers of two fill the widest gaps (log scale) between the kept counts', () => {
    const plan = planThreadCounts(graviton192, { maxTimeSec: 20, workloads: 3 });
    assert.equal(plan.affordable, 7); // ⌊19 000 / 900⌋ = 21 cells
    // 8 (3 octaves from 1 and 3.6 from 96), then 32, then 2 and 4 (ties: the smaller first).
    assert.deepEqual(plan.threads, [1, 2, 4, 8, 32, 96, 192]);
    assert.deepEqual(plan.dropped, [16, 64, 128]);
  });

  it('a same-job comparison measures two workloads: half the counts', () => {
    const settings = {
      workload: { kind: 'model' as const, path: 'm.onnx', inputShapes: {} },
      baselineWorkload: { kind: 'model' as const, path: 'b.onnx', inputShapes: {} },
    };
    assert.equal(plannedWorkloads(settings), 2);
    assert.equal(
      plannedWorkloads({
        workload: { kind: 'matmul', sizes: [1, 2, 3].map(() => ({ m: 1, k: 1, n: 1 })) },
      }),
      3,
    );
    const plan = planThreadCounts(twoSocketSmt, { maxTimeSec: 10, workloads: 2 });
    assert.equal(plan.affordable, 5); // ⌊9000 / 900⌋ = 10 cells, 2 workloads
    // 1, 48 (physical = one node), 96; then 8 (3 octaves from 1), then 2 (ties: the smaller).
    assert.deepEqual(plan.threads, [1, 2, 8, 48, 96]);
    assert.deepEqual(plan.dropped, [4, 16, 32, 64]);
  });

  it('a budget below the floor still sweeps two counts, and says so', () => {
    const plan = planThreadCounts(twoSocketSmt, { maxTimeSec: 1, workloads: 3 });
    assert.deepEqual(plan.threads, [1, 48]);
    assert.equal(plan.dropped.length, 7);
    assert.match(plan.note ?? '', /below its floor: 2 kept/);
    // This machine: the grid is [1, 2], never cut below it.
    assert.deepEqual(
      planThreadCounts({ availableCpus: 2 }, { maxTimeSec: 1, workloads: 3 }).threads,
      [1, 2],
    );
  });

  it('chooseCounts keeps k counts and never invents one', () => {
    const grid = threadGrid(graviton192);
    for (let k = 1; k <= grid.length; k++) {
      const kept = chooseCounts(grid, k);
      assert.equal(kept.length, k);
      assert.ok(kept.every((t) => grid.some((g) => g.threads === t)));
    }
    assert.deepEqual(chooseCounts(grid, 1), [1]);
  });
});
