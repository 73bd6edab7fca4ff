import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  appleCoreFlops,
  armCoreFlops,
  armCpuName,
  cgroupDirs,
  computeFingerprint,
  countPhysicalCores,
  estimatePeak,
  fileReader,
  fingerprintDifferences,
  fingerprintFields,
  formatCpuList,
  parseCgroupV1Quota,
  parseCgroupV2Max,
  parseCpuInfo,
  parseCpuList,
  parseModelNameClockMHz,
  parseMountInfo,
  parseProcCgroup,
  parseStatusAffinity,
  probeCpu,
  probeLinux,
  readCgroupQuota,
  readNumaNodes,
  withOnnxruntime,
  x86CoreFlops,
  type CpuTopology,
  type NodeCpuView,
  type ProbeOptions,
  type X86Cpu,
} from '../src/cpu/index.js';
import type { MachineInfo } from '../src/results/types.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, 'fixtures', 'cpu');
const cpuIndex = join(here, '..', 'src', 'cpu', 'index.ts');

/** A fixed view of Node's `os`, so fixture results do not depend on the machine running tests. */
function stubCpus(model: string, count: number, available = count, speed = 0): NodeCpuView {
  return {
    cpus: Array.from({ length: count }, () => ({ model, speed })),
    availableParallelism: available,
  };
}

function probeFixture(name: string, extra: Partial<ProbeOptions> = {}): MachineInfo {
  return probeCpu({
    root: join(fixtures, name),
    platform: 'linux',
    arch: 'x64',
    ortVersion: '1.30.0',
    nodeCpus: stubCpus('stub model (must not be used)', 64, 64),
    ...extra,
  });
}

/** An in-memory file system for the cgroup reader. */
function memoryReader(files: Record<string, string>): (path: string) => string | null {
  return (path) => files[path] ?? null;
}

describe('parseCpuList / formatCpuList', () => {
  it('parses ranges and single CPUs, sorted and distinct', () => {
    assert.deepEqual(parseCpuList('0-3,8,10-11'), [0, 1, 2, 3, 8, 10, 11]);
    assert.deepEqual(parseCpuList('3,1-2,2\n'), [1, 2, 3]);
    assert.deepEqual(parseCpuList('7'), [7]);
    assert.deepEqual(parseCpuList(''), []);
    assert.deepEqual(parseCpuList(' \n'), []);
  });

  it('rejects text that is not a cpulist', () => {
    assert.throws(() => parseCpuList('0-'), /not a cpulist/);
    assert.throws(() => parseCpuList('3-1'), /not a cpulist/);
    assert.throws(() => parseCpuList('a,b'), /not a cpulist/);
    assert.throws(() => parseCpuList('ff'), /not a cpulist/);
  });

  it('formats back to the kernel form', () => {
    assert.equal(formatCpuList([0, 1, 2, 3, 8, 10, 11]), '0-3,8,10-11');
    assert.equal(formatCpuList([4, 0]), '0,4');
    assert.equal(formatCpuList([]), '');
    assert.equal(formatCpuList(parseCpuList('0-63,128-191')), '0-63,128-191');
  });
});

describe('parsers over /proc text', () => {
  it('reads Cpus_allowed_list from /proc/self/status', () => {
    const status = 'Name:\tnode\nCpus_allowed:\tf\nCpus_allowed_list:\t0-2,5\nMems_allowed:\t1\n';
    assert.deepEqual(parseStatusAffinity(status), [0, 1, 2, 5]);
    assert.equal(parseStatusAffinity('Name:\tnode\nCpus_allowed:\tf\n'), null);
  });

  it('splits /proc/cpuinfo into processor blocks and drops the trailing Hardware block', () => {
    const text =
      'processor\t: 0\nCPU part\t: 0xd0c\n\nprocessor\t: 1\nCPU part\t: 0xd0b\n\n' +
      'Hardware\t: BCM2835\nSerial\t\t: 0001\n';
    const entries = parseCpuInfo(text);
    assert.deepEqual(
      entries.map((e) => [e.processor, e.fields.get('CPU part')]),
      [
        [0, '0xd0c'],
        [1, '0xd0b'],
      ],
    );
  });

  it('parses /proc/self/cgroup lines for v1 and v2', () => {
    const entries = parseProcCgroup('5:cpu,cpuacct:/docker/abc\n1:name=systemd:/x:y\n0::/\n');
    assert.deepEqual(entries, [
      { hierarchyId: 5, controllers: ['cpu', 'cpuacct'], path: '/docker/abc' },
      { hierarchyId: 1, controllers: ['name=systemd'], path: '/x:y' },
      { hierarchyId: 0, controllers: [], path: '/' },
    ]);
  });

  it('parses mountinfo, including optional fields and octal escapes', () => {
    const mounts = parseMountInfo(
      '45 40 0:40 /docker/a /sys/fs/cgroup/cpu,cpuacct ro,relatime master:18 shared:3 - cgroup cgroup rw,cpu,cpuacct\n' +
        '31 23 0:28 / /mnt/my\\040cgroup rw - cgroup2 cgroup2 rw,nsdelegate\n' +
        'garbage line\n',
    );
    assert.equal(mounts.length, 2);
    assert.deepEqual(mounts[0], {
      root: '/docker/a',
      mountPoint: '/sys/fs/cgroup/cpu,cpuacct',
      fsType: 'cgroup',
      superOptions: ['rw', 'cpu', 'cpuacct'],
    });
    assert.equal(mounts[1]?.mountPoint, '/mnt/my cgroup');
    assert.equal(mounts[1]?.fsType, 'cgroup2');
  });

  it('parses cgroup v2 cpu.max', () => {
    assert.equal(parseCgroupV2Max('max 100000'), null);
    assert.equal(parseCgroupV2Max('max'), null);
    assert.equal(parseCgroupV2Max('150000 100000'), 1.5);
    assert.equal(parseCgroupV2Max('50000 100000\n'), 0.5);
    assert.equal(parseCgroupV2Max('200000'), 2); // period defaults to 100000
    assert.equal(parseCgroupV2Max('garbage'), null);
    assert.equal(parseCgroupV2Max('0 100000'), null);
  });

  it('parses cgroup v1 cfs quota and period', () => {
    assert.equal(parseCgroupV1Quota('-1\n', '100000\n'), null);
    assert.equal(parseCgroupV1Quota('250000\n', '100000\n'), 2.5);
    assert.equal(parseCgroupV1Quota('50000', '200000'), 0.25);
    assert.equal(parseCgroupV1Quota('x', '100000'), null);
    assert.equal(parseCgroupV1Quota('100000', '0'), null);
  });

  it('reads the clock in a model name', () => {
    assert.equal(parseModelNameClockMHz('Intel(R) Xeon(R) CPU E5-2673 v4 @ 2.30GHz'), 2300);
    assert.equal(parseModelNameClockMHz('Some CPU @ 800MHz'), 800);
    assert.equal(parseModelNameClockMHz('AMD EPYC 7763 64-Core Processor'), null);
  });
});

describe('cgroup directories and quota', () => {
  it('lists the cgroup and its parents up to the mount point', () => {
    assert.deepEqual(cgroupDirs({ root: '/', mountPoint: '/sys/fs/cgroup' }, '/a/b.scope'), [
      '/sys/fs/cgroup/a/b.scope',
      '/sys/fs/cgroup/a',
      '/sys/fs/cgroup',
    ]);
    assert.deepEqual(cgroupDirs({ root: '/', mountPoint: '/sys/fs/cgroup' }, '/'), [
      '/sys/fs/cgroup',
    ]);
  });

  it('strips the mounted root (containers without a cgroup namespace)', () => {
    const mount = { root: '/docker/abc', mountPoint: '/sys/fs/cgroup/cpu,cpuacct' };
    assert.deepEqual(cgroupDirs(mount, '/docker/abc'), ['/sys/fs/cgroup/cpu,cpuacct']);
    assert.deepEqual(cgroupDirs(mount, '/docker/abc/sub'), [
      '/sys/fs/cgroup/cpu,cpuacct/sub',
      '/sys/fs/cgroup/cpu,cpuacct',
    ]);
    // Not under the mounted root, or escaping it: only the mount point can be read.
    assert.deepEqual(cgroupDirs(mount, '/other'), ['/sys/fs/cgroup/cpu,cpuacct']);
    assert.deepEqual(cgroupDirs({ root: '/', mountPoint: '/m' }, '/../..'), ['/m']);
  });

  it('takes the tightest cpu.max on the path, not the leaf', () => {
    const q = readCgroupQuota(
      memoryReader({
        '/proc/self/cgroup': '0::/a/b/c\n',
        '/proc/self/mountinfo': '1 0 0:1 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n',
        '/sys/fs/cgroup/a/b/c/cpu.max': '300000 100000\n',
        '/sys/fs/cgroup/a/b/cpu.max': 'max 100000\n',
        '/sys/fs/cgroup/a/cpu.max': '150000 100000\n',
      }),
    );
    assert.equal(q.cpus, 1.5);
    assert.equal(q.source, 'cgroup v2 /sys/fs/cgroup/a/cpu.max = 150000 100000');
    assert.deepEqual(q.versions, [2]);
  });

  it('reads cpu.max at the namespace root (cgroupns containers)', () => {
    const q = readCgroupQuota(
      memoryReader({
        '/proc/self/cgroup': '0::/\n',
        '/proc/self/mountinfo': '1 0 0:1 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n',
        '/sys/fs/cgroup/cpu.max': '200000 100000\n',
      }),
    );
    assert.equal(q.cpus, 2);
  });

  it('assumes /sys/fs/cgroup when mountinfo is unreadable', () => {
    const q = readCgroupQuota(
      memoryReader({
        '/proc/self/cgroup': '0::/job\n',
        '/sys/fs/cgroup/job/cpu.max': '50000 100000\n',
      }),
    );
    assert.equal(q.cpus, 0.5);
  });

  it('combines cgroup v1 and v2 (hybrid hierarchies) and keeps the smaller quota', () => {
    const q = readCgroupQuota(
      memoryReader({
        '/proc/self/cgroup': '4:cpu,cpuacct:/ci\n0::/ci\n',
        '/proc/self/mountinfo':
          '2 1 0:2 / /sys/fs/cgroup/cpu,cpuacct rw - cgroup cgroup rw,cpu,cpuacct\n' +
          '3 1 0:3 / /sys/fs/cgroup/unified rw - cgroup2 cgroup2 rw\n',
        '/sys/fs/cgroup/cpu,cpuacct/ci/cpu.cfs_quota_us': '300000\n',
        '/sys/fs/cgroup/cpu,cpuacct/ci/cpu.cfs_period_us': '100000\n',
        '/sys/fs/cgroup/unified/ci/cpu.max': '250000 100000\n',
      }),
    );
    assert.equal(q.cpus, 2.5);
    assert.match(q.source ?? '', /^cgroup v2 /);
    assert.deepEqual(q.versions, [1, 2]);
  });

  it('has no quota without /proc/self/cgroup or with unlimited files', () => {
    assert.equal(readCgroupQuota(memoryReader({})).cpus, null);
    const q = readCgroupQuota(
      memoryReader({
        '/proc/self/cgroup': '1:cpu:/\n',
        '/proc/self/mountinfo': '2 1 0:2 / /sys/fs/cgroup/cpu rw - cgroup cgroup rw,cpu\n',
        '/sys/fs/cgroup/cpu/cpu.cfs_quota_us': '-1\n',
        '/sys/fs/cgroup/cpu/cpu.cfs_period_us': '100000\n',
      }),
    );
    assert.equal(q.cpus, null);
    assert.equal(q.source, null);
  });
});

describe('countPhysicalCores', () => {
  const t = (cpu: number, coreId: number | null, siblings: string | null): CpuTopology => ({
    cpu,
    packageId: coreId === null ? null : 0,
    dieId: null,
    coreId,
    siblings,
  });

  it('counts distinct (package, die, core)', () => {
    assert.equal(countPhysicalCores([t(0, 0, '0,4'), t(4, 0, '0,4')])?.cores, 1);
    assert.equal(countPhysicalCores([t(0, 0, '0,4'), t(1, 1, '1,5')])?.cores, 2);
    const twoPackages: CpuTopology[] = [
      { cpu: 0, packageId: 0, dieId: 0, coreId: 0, siblings: null },
      { cpu: 1, packageId: 1, dieId: 0, coreId: 0, siblings: null },
    ];
    assert.equal(countPhysicalCores(twoPackages)?.cores, 2);
  });

  it('falls back to thread_siblings_list, and to null when nothing is known', () => {
    const r = countPhysicalCores([t(2, null, '2,6'), t(6, null, '2,6'), t(3, null, '3,7')]);
    assert.deepEqual(r, { cores: 2, method: 'thread_siblings_list' });
    assert.equal(countPhysicalCores([t(0, null, null)]), null);
    assert.equal(countPhysicalCores([]), null);
  });
});

describe('microarchitecture tables', () => {
  it('names arm64 parts and gives FLOP/cycle only where known', () => {
    assert.equal(armCpuName('0x41', '0xd0c'), 'ARM Neoverse-N1');
    assert.equal(armCoreFlops('0x41', '0xd0c')?.flopsPerCycle, 16);
    assert.equal(armCpuName('0x41', '0xd40'), 'ARM Neoverse-V1');
    assert.equal(armCoreFlops('0x41', '0xd40')?.flopsPerCycle, 32);
    assert.equal(armCoreFlops('0x41', '0xd4f')?.flopsPerCycle, 32); // V2 (Graviton4)
    assert.equal(armCoreFlops('0x41', '0xd49')?.flopsPerCycle, 16); // N2 (Cobalt 100)
    assert.equal(armCpuName('0xc0', '0xac3'), 'Ampere AmpereOne');
    assert.equal(armCoreFlops('0xc0', '0xac3'), null);
    assert.equal(armCpuName('0x41', '0xfff'), 'ARM part 0xfff');
    assert.equal(armCpuName('0x99', '0x001'), 'implementer 0x99 part 0x001');
    assert.equal(armCoreFlops('0x41', '0xfff'), null);
    assert.equal(armCpuName('?', '0xd0c'), null);
  });

  const x86 = (over: Partial<Omit<X86Cpu, 'flags'>> & { flags: string }): X86Cpu => ({
    vendor: 'GenuineIntel',
    family: 6,
    model: 85,
    modelName: 'Intel(R) Xeon(R) Platinum 8272CL CPU @ 2.60GHz',
    ...over,
    flags: new Set(over.flags.split(' ')),
  });

  it('derives x86 FLOP/cycle from flags, vendor and family', () => {
    const intel = (flags: string, modelName?: string): number | undefined =>
      x86CoreFlops(x86({ flags, ...(modelName ? { modelName } : {}) }))?.flopsPerCycle;
    assert.equal(intel('sse sse2 avx fma avx2 avx512f'), 64);
    assert.equal(intel('sse avx fma avx2 avx512f', 'Intel(R) Xeon(R) Silver 4114 CPU'), 32);
    assert.equal(intel('sse avx fma avx2 avx512f', '11th Gen Intel(R) Core(TM) i7-1165G7'), 32);
    assert.equal(intel('sse sse2 avx fma avx2'), 32);
    assert.equal(intel('sse sse2 avx'), 16);
    assert.equal(intel('sse sse2'), 8);
    assert.equal(x86CoreFlops(x86({ flags: 'fpu' })), null);

    const amd = (
      family: number,
      model: number,
      flags: string,
      modelName: string,
    ): number | undefined =>
      x86CoreFlops(x86({ vendor: 'AuthenticAMD', family, model, flags, modelName }))?.flopsPerCycle;
    assert.equal(amd(0x17, 0x01, 'avx fma avx2', 'AMD EPYC 7601 32-Core Processor'), 16); // Zen 1
    assert.equal(amd(0x17, 0x31, 'avx fma avx2', 'AMD EPYC 7452 32-Core Processor'), 32); // Zen 2
    assert.equal(amd(0x19, 0x01, 'avx fma avx2', 'AMD EPYC 7763 64-Core Processor'), 32); // Zen 3
    assert.equal(amd(0x19, 0x11, 'avx fma avx2 avx512f', 'AMD EPYC 9654 96-Core Processor'), 32);
    assert.equal(amd(0x1a, 0x02, 'avx fma avx2 avx512f', 'AMD EPYC'), 64); // Zen 5 server
    assert.equal(amd(0x1a, 0x24, 'avx fma avx2 avx512f', 'AMD Ryzen AI 9 HX 370'), 32);
  });

  it('knows Apple M-series P-cores', () => {
    assert.deepEqual(
      [appleCoreFlops('Apple M2 Pro')?.flopsPerCycle, appleCoreFlops('Apple M2 Pro')?.clockMHz],
      [32, 3490],
    );
    assert.equal(appleCoreFlops('Apple M9')?.clockMHz, null);
    assert.equal(appleCoreFlops('Intel(R) Core(TM) i9-9880H CPU @ 2.30GHz'), null);
  });
});

describe('estimatePeak', () => {
  const core = { flopsPerCycle: 32, isa: 'AVX2+FMA: 2×256-bit FMA' };

  it('multiplies FLOP/cycle, clock and cores, and says it is an estimate', () => {
    const p = estimatePeak({
      core,
      clockMHz: 2450,
      clockSource: 'model name',
      cores: 2,
      coresBasis: '2 physical cores',
    });
    assert.equal(p?.perCoreGflops, 78.4);
    assert.equal(p?.gflops, 156.8);
    assert.match(p?.basis ?? '', /^estimate: AVX2\+FMA.* = 32 FLOP\/cycle × 2\.45 GHz/);
  });

  it('is null when the core or the clock is unknown', () => {
    const base = { clockSource: 'x', cores: 2, coresBasis: '2 physical cores' };
    assert.equal(estimatePeak({ ...base, core: null, clockMHz: 3000 }), null);
    assert.equal(estimatePeak({ ...base, core, clockMHz: null }), null);
    assert.equal(estimatePeak({ ...base, core, clockMHz: 0 }), null);
  });
});

describe('probeCpu on fixture trees', () => {
  it('(a) this development machine, copied: 2 vCPUs, no quota, Zen 5 EPYC', () => {
    const m = probeFixture('real-x64');
    assert.equal(m.os, 'linux');
    assert.equal(m.cpuModel, 'AMD EPYC');
    assert.equal(m.logicalCpus, 2);
    assert.equal(m.affinityCpus, 2);
    assert.equal(m.affinityCpuList, '0-1');
    assert.equal(m.cgroupQuotaCpus, null); // cfs_quota_us is -1; the v2 hierarchy has no cpu.max
    assert.equal(m.availableCpus, 2);
    assert.equal(m.physicalCores, 2);
    assert.equal(m.peakGflops?.perCoreGflops, 166.2); // 64 × 2.596122 GHz
    assert.equal(m.peakGflops?.gflops, 332.3);
    assert.match(
      m.peakGflops?.basis ?? '',
      /^estimate: .*64 FLOP\/cycle.*cpu MHz.*2 physical cores/,
    );
    assert.match(m.fingerprint, /^[0-9a-f]{16}$/);
    assert.deepEqual(m.notes, []);
  });

  it('(b) cgroup v2 quota of 1.5 CPUs on 4 CPUs → 2 usable', () => {
    const m = probeFixture('v2-quota');
    assert.equal(m.logicalCpus, 4);
    assert.equal(m.affinityCpus, 4);
    assert.equal(m.cgroupQuotaCpus, 1.5);
    assert.equal(
      m.cgroupQuotaSource,
      'cgroup v2 /sys/fs/cgroup/runner.slice/cpu.max = 150000 100000',
    );
    assert.equal(m.availableCpus, 2);
    assert.equal(m.physicalCores, 2); // 4 cores, capped by the usable CPUs
    // The peak counts 1.5 CPUs of time: 32 FLOP/cycle × 2.294685 GHz × 1.5.
    assert.equal(m.peakGflops?.gflops, 110.1);
    assert.match(m.peakGflops?.basis ?? '', /1\.5 CPUs \(cgroup quota\)/);
    assert.ok(m.notes?.some((n) => n.includes('ceil(quota) = 2')));
  });

  it('(c) cgroup v1 quota of 2.5 CPUs inside a Docker cgroup → 3 usable of 8', () => {
    const m = probeFixture('v1-quota');
    assert.equal(m.cpuModel, 'AMD EPYC 7763 64-Core Processor');
    assert.equal(m.logicalCpus, 8);
    assert.equal(m.affinityCpus, 8);
    assert.equal(m.cgroupQuotaCpus, 2.5);
    assert.match(m.cgroupQuotaSource ?? '', /^cgroup v1 \/sys\/fs\/cgroup\/cpu,cpuacct\//);
    assert.equal(m.availableCpus, 3);
    assert.equal(m.physicalCores, 3); // 4 physical cores in the mask, capped at 3
    assert.equal(m.peakGflops?.gflops, 195.6); // 32 × 2.445404 × 2.5
  });

  it('(d) affinity 0,4 of 8 CPUs = two SMT siblings → 2 CPUs, 1 physical core', () => {
    const m = probeFixture('smt-affinity');
    assert.equal(m.logicalCpus, 8);
    assert.equal(m.affinityCpus, 2);
    assert.equal(m.affinityCpuList, '0,4');
    assert.equal(m.cgroupQuotaCpus, null);
    assert.equal(m.availableCpus, 2);
    assert.equal(m.physicalCores, 1);
    assert.equal(m.peakGflops?.gflops, 224); // 64 × 3.5 GHz (cpufreq) × 1 core
    assert.match(m.peakGflops?.basis ?? '', /cpufreq cpuinfo_max_freq/);
  });

  it('(e) arm64 Neoverse-N1 without a model name', () => {
    const m = probeFixture('arm64-neoverse-n1', { arch: 'arm64' });
    assert.equal(m.arch, 'arm64');
    assert.equal(m.cpuModel, 'ARM Neoverse-N1');
    assert.equal(m.availableCpus, 4);
    assert.equal(m.physicalCores, 4);
    assert.equal(m.cgroupQuotaCpus, null);
    assert.equal(m.peakGflops?.perCoreGflops, 48); // 16 FLOP/cycle × 3.0 GHz
    assert.equal(m.peakGflops?.gflops, 192);
  });

  it('(f) /proc/cpuinfo only: topology from cpuinfo, affinity from Node, clock from the name', () => {
    const m = probeFixture('cpuinfo-only', { nodeCpus: stubCpus('unused', 4, 4) });
    assert.equal(m.logicalCpus, 4);
    assert.equal(m.availableCpus, 4);
    assert.equal(m.physicalCores, 2);
    assert.equal(m.peakGflops?.gflops, 108.8); // 16 (AVX, no FMA) × 3.4 GHz × 2
    assert.match(m.peakGflops?.basis ?? '', /\(model name\)/);
    assert.ok(m.notes?.some((n) => n.startsWith('Cpus_allowed_list not found')));
    assert.ok(m.notes?.some((n) => n.includes('from /proc/cpuinfo')));
  });

  it('(h) 2 sockets × 24 cores × 2 SMT: 96 CPUs, 48 cores, two NUMA nodes of 48', () => {
    const m = probeFixture('x64-2socket-smt');
    assert.equal(m.cpuModel, 'Intel(R) Xeon(R) Platinum 8275CL CPU @ 3.00GHz');
    assert.equal(m.logicalCpus, 96);
    assert.equal(m.availableCpus, 96);
    assert.equal(m.physicalCores, 48); // cpu i and i+48 share a core
    assert.deepEqual(m.numaNodes, [
      { node: 0, cpus: 48, cpuList: '0-23,48-71' },
      { node: 1, cpus: 48, cpuList: '24-47,72-95' },
    ]);
    assert.ok(
      m.notes?.includes('2 NUMA nodes: node0 48 CPUs (0-23,48-71), node1 48 CPUs (24-47,72-95)'),
    );
  });

  it('(i) 192 Graviton4-like cores on 2 nodes, no SMT', () => {
    const m = probeFixture('arm64-graviton-192', { arch: 'arm64' });
    assert.equal(m.cpuModel, 'ARM Neoverse-V2');
    assert.equal(m.availableCpus, 192);
    assert.equal(m.physicalCores, 192);
    assert.deepEqual(
      m.numaNodes?.map((n) => [n.node, n.cpus, n.cpuList]),
      [
        [0, 96, '0-95'],
        [1, 96, '96-191'],
      ],
    );
    assert.equal(m.peakGflops?.perCoreGflops, 89.6); // 32 FLOP/cycle × 2.8 GHz
  });

  it('(j) NUMA nodes are intersected with the affinity mask; nodes outside it are left out', () => {
    const root = join(fixtures, 'x64-2socket-smt');
    const files = fileReader(root);
    const masked = (list: string) => (path: string) =>
      path === '/proc/self/status' ? `Name:\tnode\nCpus_allowed_list:\t${list}\n` : files(path);
    const across = probeLinux(masked('20-27'), stubCpus('unused', 96));
    assert.deepEqual(across.numaNodes, [
      { node: 0, cpus: [20, 21, 22, 23] },
      { node: 1, cpus: [24, 25, 26, 27] },
    ]);
    const inside = probeLinux(masked('0-3,48-51'), stubCpus('unused', 96));
    assert.deepEqual(inside.numaNodes, [{ node: 0, cpus: [0, 1, 2, 3, 48, 49, 50, 51] }]);
    assert.equal(inside.physicalCores, 4);
    // No node directory (most containers, this machine's fixture): unknown, not one node.
    assert.equal(probeFixture('real-x64').numaNodes, undefined);
    assert.equal(
      readNumaNodes(() => null, [0, 1]),
      null,
    );
    // A corrupt node list is not followed.
    assert.equal(
      readNumaNodes((p) => (p.endsWith('/online') ? 'garbage' : null), [0]),
      null,
    );
  });

  it('(g) an empty root: everything from Node, assumptions noted, no peak', () => {
    const empty = mkdtempSync(join(os.tmpdir(), 'threadgate-cpu-'));
    try {
      const m = probeCpu({
        root: empty,
        platform: 'linux',
        arch: 'x64',
        nodeCpus: stubCpus('Mystery CPU', 6, 3),
      });
      assert.equal(m.cpuModel, 'Mystery CPU');
      assert.equal(m.logicalCpus, 6);
      assert.equal(m.availableCpus, 3);
      assert.equal(m.physicalCores, 3);
      assert.equal(m.peakGflops, null);
      assert.ok(m.notes?.some((n) => n.startsWith('physical cores unknown')));
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('macOS: os.availableParallelism(), sysctl cores, P-cores for the Apple peak', () => {
    const sysctl: Record<string, string> = {
      'machdep.cpu.brand_string': 'Apple M2 Pro',
      'hw.physicalcpu': '10',
      'hw.logicalcpu_max': '10',
      'hw.perflevel0.physicalcpu': '6',
    };
    const m = probeCpu({
      platform: 'darwin',
      arch: 'arm64',
      nodeCpus: stubCpus('Apple M2 Pro', 10, 10, 24),
      sysctl: (name) => sysctl[name] ?? null,
    });
    assert.equal(m.cpuModel, 'Apple M2 Pro');
    assert.equal(m.availableCpus, 10);
    assert.equal(m.physicalCores, 10);
    assert.equal(m.cgroupQuotaCpus, null);
    assert.equal(m.peakGflops?.gflops, 670.1); // 32 × 3.49 GHz × 6 P-cores
    assert.match(m.peakGflops?.basis ?? '', /6 P-cores/);
    assert.ok(m.notes?.some((n) => n.startsWith('macOS has no CPU affinity mask')));

    // A hosted runner's VM: 3 vCPUs, no perflevel sysctls.
    const vm = probeCpu({
      platform: 'darwin',
      arch: 'arm64',
      nodeCpus: stubCpus('Apple M1 (Virtual)', 3, 3),
      sysctl: (name) => (name === 'hw.physicalcpu' ? '3' : null),
    });
    assert.equal(vm.availableCpus, 3);
    assert.equal(vm.physicalCores, 3);
    assert.equal(vm.peakGflops?.gflops, 307.2); // 32 × 3.2 GHz × 3
    assert.ok(vm.notes?.some((n) => n.startsWith('P-core count unknown')));
  });

  it('Windows: os.availableParallelism(), physical cores assumed, no peak', () => {
    const m = probeCpu({
      platform: 'win32',
      arch: 'x64',
      nodeCpus: stubCpus('Intel(R) Xeon(R) Platinum 8272CL CPU @ 2.60GHz', 4, 4, 2594),
    });
    assert.equal(m.os, 'win32');
    assert.equal(m.logicalCpus, 4);
    assert.equal(m.availableCpus, 4);
    assert.equal(m.physicalCores, 4);
    assert.equal(m.peakGflops, null);
    assert.ok(m.notes?.some((n) => n.startsWith('win32: affinity and quotas not read')));
    assert.ok(m.notes?.some((n) => n.startsWith('physical cores unknown: assumed 4')));
  });
});

describe('fingerprint', () => {
  const fields = {
    os: 'linux',
    arch: 'x64',
    cpuModel: 'AMD EPYC 7763 64-Core Processor',
    availableCpus: 4,
    physicalCores: 2,
    onnxruntime: '1.30.0',
  };

  it('is 16 hex characters and stable across releases (pinned value)', () => {
    assert.equal(computeFingerprint(fields), '1d57496968533b1f');
    assert.equal(
      computeFingerprint({ ...fields, cpuModel: '  AMD EPYC 7763  64-Core Processor ' }),
      '1d57496968533b1f',
    );
  });

  it('changes with every field', () => {
    const base = computeFingerprint(fields);
    const variants = [
      { os: 'darwin' },
      { arch: 'arm64' },
      { cpuModel: 'AMD EPYC 9V74 80-Core Processor' },
      { availableCpus: 2 },
      { physicalCores: 4 },
      { onnxruntime: '1.31.0' },
    ];
    const prints = variants.map((v) => computeFingerprint({ ...fields, ...v }));
    for (const p of prints) assert.notEqual(p, base);
    assert.equal(new Set(prints).size, variants.length);
  });

  it('matches the machine info and names the fields that differ', () => {
    const a = probeFixture('v2-quota');
    const again = probeFixture('v2-quota');
    const b = probeFixture('smt-affinity');
    assert.equal(a.fingerprint, again.fingerprint);
    assert.equal(a.fingerprint, computeFingerprint(fingerprintFields(a)));
    assert.deepEqual(fingerprintDifferences(a, again), []);
    assert.deepEqual(
      fingerprintDifferences(a, b).map((d) => d.field),
      ['cpuModel', 'physicalCores'],
    );
    assert.deepEqual(fingerprintDifferences(a, b)[1], {
      field: 'physicalCores',
      a: 2,
      b: 1,
    });
    const newer = withOnnxruntime(a, '1.31.0');
    assert.notEqual(newer.fingerprint, a.fingerprint);
    assert.deepEqual(fingerprintDifferences(a, newer), [
      { field: 'onnxruntime', a: '1.30.0', b: '1.31.0' },
    ]);
    assert.equal(probeFixture('v2-quota', { ortVersion: '1.31.0' }).fingerprint, newer.fingerprint);
  });
});

describe('probeCpu on this machine', () => {
  const m = probeCpu({ ortVersion: '1.30.0' });

  it('agrees with os.availableParallelism() and os.cpus()', () => {
    assert.equal(m.os, process.platform);
    assert.equal(m.arch, process.arch);
    assert.ok(m.cpuModel.length > 0 && m.cpuModel !== 'unknown');
    assert.match(m.fingerprint, /^[0-9a-f]{16}$/);
    assert.ok(m.physicalCores >= 1 && m.physicalCores <= m.availableCpus);
    assert.ok(m.availableCpus <= (m.affinityCpus ?? Infinity));
    if (process.platform === 'linux') assert.equal(m.logicalCpus, os.cpus().length);
    if (m.cgroupQuotaCpus === null || m.cgroupQuotaCpus === undefined) {
      assert.equal(m.availableCpus, os.availableParallelism());
    } else {
      // Newer libuv versions apply the quota themselves; either way it cannot exceed the mask.
      assert.ok(os.availableParallelism() <= (m.affinityCpus ?? Infinity));
    }
  });

  const hasTool = (tool: string): boolean => {
    try {
      execFileSync(tool, ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
  const linux = process.platform === 'linux';

  it('affinity count equals nproc', { skip: !linux || !hasTool('nproc') }, () => {
    // nproc honours OMP_NUM_THREADS and OMP_THREAD_LIMIT: remove them.
    const env = { ...process.env };
    delete env.OMP_NUM_THREADS;
    delete env.OMP_THREAD_LIMIT;
    const nproc = Number(execFileSync('nproc', [], { encoding: 'utf8', env }).trim());
    if (m.cgroupQuotaCpus === null || m.cgroupQuotaCpus === undefined) {
      assert.equal(m.affinityCpus, nproc);
      assert.equal(m.availableCpus, nproc);
    } else {
      // Recent coreutils also apply a cgroup v2 quota.
      assert.ok(m.availableCpus <= nproc && nproc <= (m.affinityCpus ?? Infinity));
    }
  });

  it(
    'follows the affinity mask of a child started with taskset',
    { skip: !linux || !hasTool('taskset') },
    () => {
      const cpu = parseCpuList(m.affinityCpuList ?? '')[0];
      assert.notEqual(cpu, undefined);
      const script =
        `import { probeCpu } from ${JSON.stringify(cpuIndex)};\n` +
        `import { availableParallelism } from 'node:os';\n` +
        `console.log(JSON.stringify({ m: probeCpu(), ap: availableParallelism() }));`;
      const out = execFileSync(
        'taskset',
        [
          '-c',
          String(cpu),
          process.execPath,
          '--import',
          'tsx',
          '--input-type=module',
          '-e',
          script,
        ],
        { encoding: 'utf8', cwd: join(here, '..') },
      );
      const { m: child, ap } = JSON.parse(out) as { m: MachineInfo; ap: number };
      assert.equal(ap, 1);
      assert.equal(child.affinityCpuList, String(cpu));
      assert.equal(child.affinityCpus, 1);
      assert.equal(child.availableCpus, 1);
      assert.equal(child.physicalCores, 1);
      assert.equal(child.logicalCpus, m.logicalCpus);
      assert.equal(child.cpuModel, m.cpuModel);
    },
  );
});
