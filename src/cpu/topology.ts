/** Physical cores: distinct (package, die, core) among the CPUs the process may run on. */
import { formatCpuList, parseCpuList, type CpuInfoEntry } from './parse.js';

/** What sysfs (or /proc/cpuinfo) says about one logical CPU. Unknown values are null. */
export interface CpuTopology {
  readonly cpu: number;
  readonly packageId: number | null;
  readonly dieId: number | null;
  readonly coreId: number | null;
  /** thread_siblings_list (or core_cpus_list): the logical CPUs sharing this CPU's core. */
  readonly siblings: string | null;
}

export interface PhysicalCoreCount {
  readonly cores: number;
  readonly method: string; // which files decided it, for the notes
}

/**
 * Count the physical cores among `cpus` (already restricted to the affinity mask). Uses
 * (physical_package_id, die_id, core_id) when every CPU has them, else thread_siblings_list;
 * null when neither is known for every CPU.
 */
export function countPhysicalCores(cpus: readonly CpuTopology[]): PhysicalCoreCount | null {
  if (cpus.length === 0) return null;
  if (cpus.every((c) => c.packageId !== null && c.coreId !== null)) {
    const keys = new Set(cpus.map((c) => `${c.packageId}:${c.dieId ?? 0}:${c.coreId}`));
    return { cores: keys.size, method: 'physical_package_id/core_id' };
  }
  const keys = new Set<string>();
  for (const c of cpus) {
    if (c.siblings === null) return null;
    let list: number[];
    try {
      list = parseCpuList(c.siblings);
    } catch {
      return null;
    }
    keys.add(formatCpuList(list.length > 0 ? list : [c.cpu]));
  }
  return { cores: keys.size, method: 'thread_siblings_list' };
}

/** Topology from /proc/cpuinfo's "physical id" / "core id" (x86), for when sysfs is missing. */
export function topologyFromCpuInfo(entries: readonly CpuInfoEntry[]): CpuTopology[] {
  const num = (s: string | undefined): number | null =>
    s !== undefined && /^\d+$/.test(s) ? Number(s) : null;
  return entries.map((e) => ({
    cpu: e.processor,
    packageId: num(e.fields.get('physical id')),
    dieId: null,
    coreId: num(e.fields.get('core id')),
    siblings: null,
  }));
}
