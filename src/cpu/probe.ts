/**
 * probeCpu: what CPU this process runs on and how much of it it may use. The only I/O is the
 * `ReadText` callback (files under `root`) and, on macOS, `sysctl`; everything else is the pure
 * functions in parse.ts, cgroup.ts, topology.ts, microarch.ts and peak.ts.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import { childEnv } from '../io/child-env.js';
import type { MachineInfo } from '../results/types.js';
import { readCgroupQuota, type CgroupQuota, type ReadText } from './cgroup.js';
import { computeFingerprint, normalizeCpuModel } from './fingerprint.js';
import {
  appleCoreFlops,
  armCoreFlops,
  armCpuName,
  cpuInfoNumber,
  x86CoreFlops,
  type CoreFlops,
} from './microarch.js';
import {
  formatCpuList,
  parseCpuInfo,
  parseCpuList,
  parseModelNameClockMHz,
  parseStatusAffinity,
  parseSysfsInt,
  type CpuInfoEntry,
} from './parse.js';
import { estimatePeak } from './peak.js';
import { countPhysicalCores, topologyFromCpuInfo, type CpuTopology } from './topology.js';

/** What Node's `os` module says (injectable so tests do not depend on the machine). */
export interface NodeCpuView {
  readonly cpus: readonly { readonly model: string; readonly speed: number }[];
  readonly availableParallelism: number;
}

export interface ProbeOptions {
  /** Prefix for every file read (default "/"): point it at a fixture tree in tests. */
  readonly root?: string;
  /** The onnxruntime version, part of the fingerprint. */
  readonly ortVersion?: string;
  /** Default process.platform. */
  readonly platform?: string;
  /** Default process.arch. */
  readonly arch?: string;
  /** Default: os.cpus() and os.availableParallelism() of this process. */
  readonly nodeCpus?: NodeCpuView;
  /** macOS: one sysctl value by name, null when absent. Default: runs `sysctl -n NAME`. */
  readonly sysctl?: (name: string) => string | null;
}

/** One NUMA node and the CPUs of the affinity mask on it. */
export interface NumaNode {
  readonly node: number;
  readonly cpus: readonly number[];
}

/** Everything the probe found, before the derived fields are computed. */
export interface CpuFacts {
  readonly cpuModel: string;
  readonly logicalCpus: number;
  /** CPUs in the affinity mask (null on systems without one). */
  readonly affinityCpuList: readonly number[] | null;
  readonly affinityCpus: number;
  readonly quota: CgroupQuota | null;
  /** Distinct physical cores among the affinity CPUs; null when unknown. */
  readonly physicalCores: number | null;
  /** NUMA nodes holding CPUs of the mask, with those CPUs; null when unknown (not Linux). */
  readonly numaNodes?: readonly NumaNode[] | null;
  /** Cores that count for the peak estimate when not all do (Apple P-cores); else null. */
  readonly peakCores?: { readonly count: number; readonly label: string } | null;
  readonly core: CoreFlops | null;
  readonly clockMHz: number | null;
  readonly clockSource: string;
  readonly notes: readonly string[];
}

export function nodeCpuView(): NodeCpuView {
  return {
    cpus: os.cpus().map((c) => ({ model: c.model, speed: c.speed })),
    availableParallelism: os.availableParallelism(),
  };
}

/** Reads `root` + path as UTF-8; null when missing or unreadable. */
export function fileReader(root: string): ReadText {
  return (path) => {
    try {
      return readFileSync(join(root, path), 'utf8');
    } catch {
      return null;
    }
  };
}

function defaultSysctl(name: string): string | null {
  try {
    const out = execFileSync('sysctl', ['-n', name], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 2000,
      env: childEnv(),
    }).trim();
    return out === '' ? null : out;
  } catch {
    return null;
  }
}

/** Probe the CPU of this process (or of the fixture tree at `opts.root`). */
export function probeCpu(opts: ProbeOptions = {}): MachineInfo {
  const platform = opts.platform ?? process.platform;
  const arch = opts.arch ?? process.arch;
  const node = opts.nodeCpus ?? nodeCpuView();
  let facts: CpuFacts;
  if (platform === 'linux') facts = probeLinux(fileReader(opts.root ?? '/'), node);
  else if (platform === 'darwin') facts = probeDarwin(opts.sysctl ?? defaultSysctl, node);
  else facts = probeOther(platform, node);
  return summarizeCpu(facts, { os: platform, arch, onnxruntime: opts.ortVersion ?? '' });
}

/** The MachineInfo fields derived from the facts: usable CPUs, physical cores, peak, fingerprint. */
export function summarizeCpu(
  facts: CpuFacts,
  ctx: { readonly os: string; readonly arch: string; readonly onnxruntime: string },
): MachineInfo {
  const notes = [...facts.notes];
  const quotaCpus = facts.quota?.cpus ?? null;
  const affinity = Math.max(1, facts.affinityCpus);
  const quotaCeil = quotaCpus === null ? Infinity : Math.ceil(quotaCpus - 1e-9);
  const availableCpus = Math.max(1, Math.min(affinity, quotaCeil));
  if (quotaCpus !== null && quotaCeil < affinity) {
    notes.push(
      `cgroup CPU quota ${round(quotaCpus)} CPUs: availableCpus = ceil(quota) = ${availableCpus} ` +
        `of ${affinity} CPUs in the affinity mask`,
    );
  }
  let physicalCores: number;
  if (facts.physicalCores === null) {
    physicalCores = availableCpus;
    notes.push(`physical cores unknown: assumed ${availableCpus} (one per usable CPU)`);
  } else {
    physicalCores = Math.max(1, Math.min(facts.physicalCores, availableCpus));
  }

  let cores = facts.peakCores ? Math.min(facts.peakCores.count, physicalCores) : physicalCores;
  let coresBasis = facts.peakCores
    ? `${cores} ${facts.peakCores.label}`
    : `${cores} physical core${cores === 1 ? '' : 's'}`;
  if (quotaCpus !== null && quotaCpus < cores) {
    cores = quotaCpus;
    coresBasis = `${round(quotaCpus)} CPUs (cgroup quota)`;
  }
  const peakGflops = estimatePeak({
    core: facts.core,
    clockMHz: facts.clockMHz,
    clockSource: facts.clockSource,
    cores,
    coresBasis,
  });
  if (peakGflops === null) {
    notes.push(
      facts.core === null
        ? 'peak GFLOP/s unknown: FLOP/cycle of this core is not known'
        : 'peak GFLOP/s unknown: clock not found',
    );
  }

  const cpuModel = normalizeCpuModel(facts.cpuModel) || 'unknown';
  const base = {
    os: ctx.os,
    arch: ctx.arch,
    cpuModel,
    logicalCpus: Math.max(1, facts.logicalCpus),
    availableCpus,
    physicalCores,
  };
  const fingerprint = computeFingerprint({ ...base, onnxruntime: ctx.onnxruntime });
  const numa = facts.numaNodes ?? null;
  if (numa !== null && numa.length > 1) {
    notes.push(
      `${numa.length} NUMA nodes: ` +
        numa
          .map((n) => `node${n.node} ${n.cpus.length} CPUs (${formatCpuList(n.cpus)})`)
          .join(', '),
    );
  }
  return {
    ...base,
    fingerprint,
    affinityCpus: affinity,
    cgroupQuotaCpus: quotaCpus,
    peakGflops,
    ...(facts.affinityCpuList ? { affinityCpuList: formatCpuList(facts.affinityCpuList) } : {}),
    ...(numa !== null
      ? {
          numaNodes: numa.map((n) => ({
            node: n.node,
            cpus: n.cpus.length,
            cpuList: formatCpuList(n.cpus),
          })),
        }
      : {}),
    cgroupQuotaSource: facts.quota?.source ?? null,
    onnxruntime: ctx.onnxruntime,
    notes,
  };
}

const round = (x: number): number => Number(x.toFixed(3));

function safeCpuList(text: string | null): number[] | null {
  if (text === null) return null;
  try {
    return parseCpuList(text);
  } catch {
    return null;
  }
}

function safeStatusAffinity(statusText: string | null): number[] | null {
  if (statusText === null) return null;
  try {
    return parseStatusAffinity(statusText);
  } catch {
    return null;
  }
}

const CPU_DIR = '/sys/devices/system/cpu';
const NODE_DIR = '/sys/devices/system/node';
/** More nodes than any machine has: a bound on what a corrupt node list can make us read. */
const MAX_NUMA_NODES = 1024;

/**
 * NUMA nodes from sysfs (`node/online`, else `node/possible`; each `nodeN/cpulist`), each with
 * the CPUs of `cpusInMask` on it; nodes without any are left out. Null when sysfs has no node
 * list (kernels without NUMA, containers hiding /sys) or no node's cpulist is readable.
 */
export function readNumaNodes(read: ReadText, cpusInMask: readonly number[]): NumaNode[] | null {
  const ids = safeCpuList(read(`${NODE_DIR}/online`)) ?? safeCpuList(read(`${NODE_DIR}/possible`));
  if (ids === null || ids.length === 0) return null;
  const inMask = new Set(cpusInMask);
  const out: NumaNode[] = [];
  let readable = 0;
  for (const node of ids.slice(0, MAX_NUMA_NODES)) {
    const cpus = safeCpuList(read(`${NODE_DIR}/node${node}/cpulist`));
    if (cpus === null) continue;
    readable++;
    const usable = cpus.filter((c) => inMask.has(c));
    if (usable.length > 0) out.push({ node, cpus: usable });
  }
  return readable === 0 || out.length === 0 ? null : out;
}

function readInt(read: ReadText, path: string): number | null {
  const text = read(path);
  return text === null ? null : parseSysfsInt(text);
}

/** Linux: /proc and /sys, read through `read`. */
export function probeLinux(read: ReadText, node: NodeCpuView): CpuFacts {
  const notes: string[] = [];
  const cpuinfoText = read('/proc/cpuinfo');
  const cpuinfo = cpuinfoText === null ? [] : parseCpuInfo(cpuinfoText);
  if (cpuinfoText === null) notes.push('/proc/cpuinfo unreadable');

  // Host CPUs: online list, else /proc/cpuinfo, else os.cpus().
  let online = safeCpuList(read(`${CPU_DIR}/online`));
  if (online === null || online.length === 0) {
    online = cpuinfo.length > 0 ? cpuinfo.map((e) => e.processor) : null;
  }
  const logicalCpus = online?.length ?? node.cpus.length;

  // Affinity mask, restricted to online CPUs (what sched_getaffinity/nproc report).
  const statusText = read('/proc/self/status');
  let allowed = safeStatusAffinity(statusText);
  if (allowed !== null && online !== null) {
    const onlineSet = new Set(online);
    const both = allowed.filter((c) => onlineSet.has(c));
    if (both.length > 0) allowed = both;
  }
  let affinityCpus: number;
  if (allowed !== null && allowed.length > 0) {
    affinityCpus = allowed.length;
  } else {
    affinityCpus = node.availableParallelism;
    allowed = null;
    notes.push(
      `Cpus_allowed_list not found in /proc/self/status: affinity assumed from ` +
        `os.availableParallelism() = ${affinityCpus}`,
    );
  }
  const cpusInMask = allowed ?? online ?? [];
  const inMask = new Set(cpusInMask);
  const maskEntries = cpuinfo.filter((e) => inMask.has(e.processor));
  const entries = maskEntries.length > 0 ? maskEntries : cpuinfo;

  const quota = readCgroupQuota(read);

  // Physical cores among the CPUs in the mask.
  const topo: CpuTopology[] = cpusInMask.map((cpu) => {
    const dir = `${CPU_DIR}/cpu${cpu}/topology`;
    return {
      cpu,
      packageId: readInt(read, `${dir}/physical_package_id`),
      dieId: readInt(read, `${dir}/die_id`),
      coreId: readInt(read, `${dir}/core_id`),
      siblings: read(`${dir}/thread_siblings_list`) ?? read(`${dir}/core_cpus_list`),
    };
  });
  let physical = countPhysicalCores(topo);
  if (physical === null) {
    physical = countPhysicalCores(topologyFromCpuInfo(entries));
    if (physical !== null) notes.push('physical cores from /proc/cpuinfo (no sysfs topology)');
  }

  const { cpuModel, core, modelNote } = describeLinuxCore(entries, node);
  if (modelNote) notes.push(modelNote);
  const clock = linuxClock(read, cpusInMask, entries, cpuModel, node);

  return {
    cpuModel,
    logicalCpus,
    affinityCpuList: allowed,
    affinityCpus,
    quota,
    physicalCores: physical?.cores ?? null,
    numaNodes: readNumaNodes(read, cpusInMask),
    core,
    clockMHz: clock.mhz,
    clockSource: clock.source,
    notes,
  };
}

/** Model name and FLOP/cycle from the /proc/cpuinfo blocks of the CPUs in the mask. */
export function describeLinuxCore(
  entries: readonly CpuInfoEntry[],
  node: NodeCpuView,
): { cpuModel: string; core: CoreFlops | null; modelNote: string | null } {
  const first = entries[0];
  if (first === undefined) {
    const model = node.cpus[0]?.model ?? 'unknown';
    return { cpuModel: model, core: null, modelNote: 'CPU model from os.cpus()' };
  }
  if (first.fields.has('CPU implementer') && first.fields.has('CPU part')) {
    const parts = new Map<string, { imp: string; part: string; name: string }>();
    for (const e of entries) {
      const imp = e.fields.get('CPU implementer') ?? '';
      const part = e.fields.get('CPU part') ?? '';
      const name = armCpuName(imp, part) ?? e.fields.get('model name') ?? 'unknown arm64';
      parts.set(`${imp}/${part}`, { imp, part, name });
    }
    const distinct = [...parts.values()];
    const only = distinct.length === 1 ? distinct[0] : undefined;
    const cpuModel = distinct.map((p) => p.name).join(' + ');
    if (only === undefined) {
      return {
        cpuModel,
        core: null,
        modelNote: `heterogeneous cores (${cpuModel}): no single FLOP/cycle`,
      };
    }
    return { cpuModel, core: armCoreFlops(only.imp, only.part), modelNote: null };
  }
  const modelName = first.fields.get('model name') ?? node.cpus[0]?.model ?? 'unknown';
  const flagsText = first.fields.get('flags');
  if (flagsText === undefined) return { cpuModel: modelName, core: null, modelNote: null };
  const core = x86CoreFlops({
    vendor: first.fields.get('vendor_id') ?? '',
    family: cpuInfoNumber(first.fields.get('cpu family')),
    model: cpuInfoNumber(first.fields.get('model')),
    flags: new Set(flagsText.split(/\s+/)),
    modelName,
  });
  return { cpuModel: modelName, core, modelNote: null };
}

/** Clock: cpufreq max, else /proc/cpuinfo "cpu MHz", else "@ x GHz" in the name, else os.cpus(). */
function linuxClock(
  read: ReadText,
  cpus: readonly number[],
  entries: readonly CpuInfoEntry[],
  cpuModel: string,
  node: NodeCpuView,
): { mhz: number | null; source: string } {
  const freqs = cpus
    .map((c) => readInt(read, `${CPU_DIR}/cpu${c}/cpufreq/cpuinfo_max_freq`))
    .filter((f): f is number => f !== null && f > 0);
  if (freqs.length > 0) {
    return { mhz: Math.max(...freqs) / 1000, source: 'cpufreq cpuinfo_max_freq' };
  }
  const mhz = entries
    .map((e) => Number(e.fields.get('cpu MHz')))
    .filter((f) => Number.isFinite(f) && f > 0);
  if (mhz.length > 0) return { mhz: Math.max(...mhz), source: '/proc/cpuinfo "cpu MHz"' };
  const named = parseModelNameClockMHz(cpuModel);
  if (named !== null) return { mhz: named, source: 'model name' };
  const speeds = node.cpus.map((c) => c.speed).filter((s) => s > 0);
  if (speeds.length > 0) return { mhz: Math.max(...speeds), source: 'os.cpus() speed' };
  return { mhz: null, source: 'unknown' };
}

/** macOS: no affinity mask or cgroups; sysctl for cores, Apple M-series for the peak. */
export function probeDarwin(sysctl: (name: string) => string | null, node: NodeCpuView): CpuFacts {
  const notes = [
    `macOS has no CPU affinity mask or cgroup quota: availableCpus = os.availableParallelism() ` +
      `= ${node.availableParallelism}`,
  ];
  const int = (name: string): number | null => {
    const v = sysctl(name);
    return v === null ? null : parseSysfsInt(v);
  };
  const cpuModel = sysctl('machdep.cpu.brand_string') ?? node.cpus[0]?.model ?? 'unknown';
  const physical = int('hw.physicalcpu');
  const apple = appleCoreFlops(cpuModel);
  let peakCores: CpuFacts['peakCores'] = null;
  let clockMHz: number | null = null;
  let clockSource = 'unknown';
  if (apple) {
    clockMHz = apple.clockMHz;
    clockSource = 'published P-core max clock';
    const pCores = int('hw.perflevel0.physicalcpu');
    if (pCores !== null && pCores > 0) {
      peakCores = { count: pCores, label: 'P-cores (E-cores not counted)' };
    } else {
      notes.push('P-core count unknown (no hw.perflevel0.physicalcpu): peak counts every core');
    }
  } else {
    const hz = int('hw.cpufrequency_max');
    const named = parseModelNameClockMHz(cpuModel);
    if (hz !== null && hz > 0) {
      clockMHz = hz / 1e6;
      clockSource = 'hw.cpufrequency_max';
    } else if (named !== null) {
      clockMHz = named;
      clockSource = 'model name';
    }
  }
  return {
    cpuModel,
    logicalCpus: int('hw.logicalcpu_max') ?? node.cpus.length,
    affinityCpuList: null,
    affinityCpus: node.availableParallelism,
    quota: null,
    physicalCores: physical,
    peakCores,
    core: apple,
    clockMHz,
    clockSource,
    notes,
  };
}

/** Windows and others: os.availableParallelism(), no topology, no peak. */
export function probeOther(platform: string, node: NodeCpuView): CpuFacts {
  const cpuModel = node.cpus[0]?.model ?? 'unknown';
  const named = parseModelNameClockMHz(cpuModel);
  return {
    cpuModel,
    logicalCpus: node.cpus.length,
    affinityCpuList: null,
    affinityCpus: node.availableParallelism,
    quota: null,
    physicalCores: null,
    core: null,
    clockMHz: named,
    clockSource: named === null ? 'unknown' : 'model name',
    notes: [
      `${platform}: affinity and quotas not read: availableCpus = os.availableParallelism() ` +
        `= ${node.availableParallelism}`,
    ],
  };
}
