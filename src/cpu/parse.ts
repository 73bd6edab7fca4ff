/**
 * Pure parsers for the Linux text files the CPU probe reads. Nothing here touches the file
 * system: each function takes the text of one file and returns plain data.
 */

/**
 * Parse a kernel cpulist ("0-3,8,10-11", as in Cpus_allowed_list, /sys/.../online,
 * thread_siblings_list) into sorted, distinct CPU numbers. An empty or blank string is the empty
 * set. Throws on text that is not a cpulist.
 */
export function parseCpuList(text: string): number[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const cpus = new Set<number>();
  for (const part of trimmed.split(',')) {
    const m = /^\s*(\d+)(?:\s*-\s*(\d+))?\s*$/.exec(part);
    if (!m) throw new Error(`not a cpulist: ${JSON.stringify(text)}`);
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    if (hi < lo) throw new Error(`not a cpulist (range ${lo}-${hi}): ${JSON.stringify(text)}`);
    if (hi - lo > 65536) throw new Error(`cpulist range too large: ${JSON.stringify(text)}`);
    for (let c = lo; c <= hi; c++) cpus.add(c);
  }
  return [...cpus].sort((a, b) => a - b);
}

/** The inverse of parseCpuList: [0, 1, 2, 3, 8] → "0-3,8". */
export function formatCpuList(cpus: Iterable<number>): string {
  const sorted = [...new Set(cpus)].sort((a, b) => a - b);
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    const start = sorted[i] as number;
    let end = start;
    while (i + 1 < sorted.length && sorted[i + 1] === end + 1) {
      i++;
      end = sorted[i] as number;
    }
    parts.push(start === end ? String(start) : `${start}-${end}`);
    i++;
  }
  return parts.join(',');
}

/** `Cpus_allowed_list` from the text of /proc/self/status, or null when absent. */
export function parseStatusAffinity(statusText: string): number[] | null {
  const m = /^Cpus_allowed_list:\s*(.*)$/m.exec(statusText);
  return m ? parseCpuList(m[1] ?? '') : null;
}

/** One `processor` block of /proc/cpuinfo: its number and its `key: value` fields. */
export interface CpuInfoEntry {
  readonly processor: number;
  readonly fields: ReadonlyMap<string, string>;
}

/**
 * Split /proc/cpuinfo into per-processor blocks. Blocks without a `processor` line (the trailing
 * "Hardware"/"Serial" block some arm kernels print) are dropped.
 */
export function parseCpuInfo(text: string): CpuInfoEntry[] {
  const entries: CpuInfoEntry[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const fields = new Map<string, string>();
    for (const line of block.split('\n')) {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const key = line.slice(0, colon).trim();
      if (key !== '' && !fields.has(key)) fields.set(key, line.slice(colon + 1).trim());
    }
    const proc = fields.get('processor');
    if (proc === undefined || !/^\d+$/.test(proc)) continue;
    entries.push({ processor: Number(proc), fields });
  }
  return entries;
}

/** One line of /proc/self/cgroup: `hierarchy-ID:controller-list:cgroup-path`. */
export interface ProcCgroupEntry {
  readonly hierarchyId: number;
  readonly controllers: readonly string[]; // empty for the cgroup v2 line "0::/path"
  readonly path: string;
}

export function parseProcCgroup(text: string): ProcCgroupEntry[] {
  const out: ProcCgroupEntry[] = [];
  for (const line of text.split('\n')) {
    const m = /^(\d+):([^:]*):(.*)$/.exec(line.trim());
    if (!m) continue;
    const controllers = (m[2] ?? '').split(',').filter((c) => c !== '');
    out.push({ hierarchyId: Number(m[1]), controllers, path: m[3] ?? '/' });
  }
  return out;
}

/** The fields of one /proc/self/mountinfo line that the probe needs. */
export interface MountInfoEntry {
  readonly root: string; // the path inside the mounted file system that is mounted here
  readonly mountPoint: string;
  readonly fsType: string;
  readonly superOptions: readonly string[];
}

/** Undo mountinfo's octal escapes ("\040" is a space). */
function unescapeMount(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_m, oct: string) => String.fromCharCode(parseInt(oct, 8)));
}

/**
 * Parse /proc/self/mountinfo:
 * `36 35 98:0 /root /mnt/point rw,noatime shared:1 - fstype source superopts`.
 */
export function parseMountInfo(text: string): MountInfoEntry[] {
  const out: MountInfoEntry[] = [];
  for (const line of text.split('\n')) {
    const f = line.trim().split(' ');
    const sep = f.indexOf('-', 6);
    if (f.length < 7 || sep < 0 || f.length < sep + 3) continue;
    out.push({
      root: unescapeMount(f[3] ?? '/'),
      mountPoint: unescapeMount(f[4] ?? '/'),
      fsType: f[sep + 1] ?? '',
      superOptions: (f[sep + 3] ?? '').split(','),
    });
  }
  return out;
}

/**
 * cgroup v2 `cpu.max` ("150000 100000" → 1.5 CPUs; "max 100000" → null, no limit). Returns null
 * as well for text that is not a cpu.max line.
 */
export function parseCgroupV2Max(text: string): number | null {
  const m = /^\s*(max|\d+)(?:\s+(\d+))?\s*$/.exec(text);
  if (!m || m[1] === 'max') return null;
  const quota = Number(m[1]);
  const period = m[2] === undefined ? 100000 : Number(m[2]);
  if (!(quota > 0) || !(period > 0)) return null;
  return quota / period;
}

/**
 * cgroup v1 `cpu.cfs_quota_us` and `cpu.cfs_period_us` ("250000", "100000" → 2.5 CPUs).
 * A quota of -1 means no limit (null); so does text that is not a number.
 */
export function parseCgroupV1Quota(quotaText: string, periodText: string): number | null {
  const quota = parseSysfsInt(quotaText);
  const period = parseSysfsInt(periodText);
  if (quota === null || period === null || quota <= 0 || period <= 0) return null;
  return quota / period;
}

/** The clock in a model name such as "Intel(R) Xeon(R) CPU E5-2673 v4 @ 2.30GHz", in MHz. */
export function parseModelNameClockMHz(modelName: string): number | null {
  const m = /@\s*(\d+(?:\.\d+)?)\s*([GM])Hz/i.exec(modelName);
  if (!m) return null;
  const v = Number(m[1]);
  const mhz = (m[2] ?? '').toUpperCase() === 'G' ? v * 1000 : v;
  return mhz > 0 ? mhz : null;
}

/** A single non-negative integer file such as core_id or cpuinfo_max_freq; null otherwise. */
export function parseSysfsInt(text: string): number | null {
  const t = text.trim();
  if (!/^-?\d+$/.test(t)) return null;
  return Number(t);
}
