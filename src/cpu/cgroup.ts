/**
 * cgroup CPU quota: find the process's cgroup (v2 and v1 "cpu" controller) from
 * /proc/self/cgroup and /proc/self/mountinfo, and take the tightest quota on the path from it up
 * to the hierarchy's mount point (a parent's quota limits all its children).
 */
import { posix } from 'node:path';
import {
  parseCgroupV1Quota,
  parseCgroupV2Max,
  parseMountInfo,
  parseProcCgroup,
  type MountInfoEntry,
  type ProcCgroupEntry,
} from './parse.js';

/** Reads one file (an absolute path as seen by the process); null when it cannot be read. */
export type ReadText = (path: string) => string | null;

export interface CgroupHierarchy {
  readonly version: 1 | 2;
  /** Directories to look at, from the process's own cgroup up to the mount point. */
  readonly dirs: readonly string[];
}

/**
 * The directories from a process's cgroup up to the mount point of its hierarchy. `mount.root`
 * is the cgroup mounted there (not "/" in containers without a cgroup namespace, where
 * /proc/self/cgroup says "/docker/ID" and that very cgroup is mounted at /sys/fs/cgroup/...).
 * When the cgroup is not visible under the mount, only the mount point is returned.
 */
export function cgroupDirs(
  mount: { readonly root: string; readonly mountPoint: string },
  cgroupPath: string,
): string[] {
  const root = posix.normalize(mount.root);
  const path = cgroupPath.trim() === '' ? '/' : cgroupPath.trim();
  let rel: string;
  if (root === '/') rel = path;
  else if (path === root) rel = '/';
  else if (path.startsWith(root + '/')) rel = path.slice(root.length);
  else return [mount.mountPoint];
  const segments = rel.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) return [mount.mountPoint];
  const dirs: string[] = [];
  for (let i = segments.length; i >= 0; i--) {
    dirs.push(posix.join(mount.mountPoint, ...segments.slice(0, i)));
  }
  return dirs;
}

/**
 * Which cgroup directories hold this process's CPU quota. With mountinfo missing, the usual
 * mount points are assumed (/sys/fs/cgroup for v2; /sys/fs/cgroup/cpu,cpuacct and
 * /sys/fs/cgroup/cpu for v1).
 */
export function cgroupHierarchies(
  procCgroup: readonly ProcCgroupEntry[],
  mounts: readonly MountInfoEntry[] | null,
): CgroupHierarchy[] {
  const out: CgroupHierarchy[] = [];
  const v2 = procCgroup.find((e) => e.hierarchyId === 0 && e.controllers.length === 0);
  const v1 = procCgroup.find((e) => e.controllers.includes('cpu'));
  if (v2) {
    const v2Mounts = mounts
      ? mounts.filter((m) => m.fsType === 'cgroup2')
      : [{ root: '/', mountPoint: '/sys/fs/cgroup' }];
    for (const m of v2Mounts) out.push({ version: 2, dirs: cgroupDirs(m, v2.path) });
  }
  if (v1) {
    const v1Mounts = mounts
      ? mounts.filter((m) => m.fsType === 'cgroup' && m.superOptions.includes('cpu'))
      : [
          { root: '/', mountPoint: '/sys/fs/cgroup/cpu,cpuacct' },
          { root: '/', mountPoint: '/sys/fs/cgroup/cpu' },
        ];
    for (const m of v1Mounts) out.push({ version: 1, dirs: cgroupDirs(m, v1.path) });
  }
  return out;
}

export interface CgroupQuota {
  /** The tightest quota in CPUs (1.5 = one and a half CPUs of time per period); null: none. */
  readonly cpus: number | null;
  /** Which file set it, e.g. "cgroup v2 /sys/fs/cgroup/ci.slice/cpu.max = 150000 100000". */
  readonly source: string | null;
  /** The cgroup versions the process is in ("v1", "v2"), for the record. */
  readonly versions: readonly (1 | 2)[];
}

/**
 * Read the tightest CPU quota over every level of the process's cgroups. `read` gets absolute
 * paths (/proc/self/cgroup, /proc/self/mountinfo, /sys/fs/cgroup/...).
 */
export function readCgroupQuota(read: ReadText): CgroupQuota {
  const procCgroupText = read('/proc/self/cgroup');
  if (procCgroupText === null) return { cpus: null, source: null, versions: [] };
  const mountinfoText = read('/proc/self/mountinfo');
  const hierarchies = cgroupHierarchies(
    parseProcCgroup(procCgroupText),
    mountinfoText === null ? null : parseMountInfo(mountinfoText),
  );
  const limits: { cpus: number; source: string }[] = [];
  const consider = (cpus: number | null, source: string): void => {
    if (cpus !== null) limits.push({ cpus, source });
  };
  const seen = new Set<string>();
  for (const h of hierarchies) {
    for (const dir of h.dirs) {
      if (seen.has(`${h.version}:${dir}`)) continue;
      seen.add(`${h.version}:${dir}`);
      if (h.version === 2) {
        const file = posix.join(dir, 'cpu.max');
        const text = read(file);
        if (text !== null) consider(parseCgroupV2Max(text), `cgroup v2 ${file} = ${text.trim()}`);
      } else {
        const quotaFile = posix.join(dir, 'cpu.cfs_quota_us');
        const quota = read(quotaFile);
        const period = read(posix.join(dir, 'cpu.cfs_period_us'));
        if (quota !== null && period !== null) {
          consider(
            parseCgroupV1Quota(quota, period),
            `cgroup v1 ${dir}/cpu.cfs_{quota,period}_us = ${quota.trim()}/${period.trim()}`,
          );
        }
      }
    }
  }
  const versions = [...new Set(hierarchies.map((h) => h.version))].sort();
  const tightest = limits.reduce<{ cpus: number; source: string } | null>(
    (a, b) => (a === null || b.cpus < a.cpus ? b : a),
    null,
  );
  return { cpus: tightest?.cpus ?? null, source: tightest?.source ?? null, versions };
}
