/**
 * Pinning a child process to a set of CPUs, for the same-job gate's duets (src/measure/duet.ts):
 * base and head run at the same time on disjoint CPU sets. On Linux the child is started under
 * `taskset -c LIST` (util-linux, on every ubuntu runner): the affinity mask is inherited by every
 * thread and process the child starts, so an ONNX Runtime session's intra-op threads, a command's
 * OpenMP threads and a worker's runtime all stay on their side's CPUs. Elsewhere (macOS has no
 * affinity masks, Windows is not wired up, a Linux without taskset) there is no pinning, and the
 * gate keeps sequential blocks and says why.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { childEnv } from '../io/child-env.js';
import { parseCpuList, parseStatusAffinity } from './parse.js';

/** Where the CPUs a child may be pinned to come from, or why none can be. */
export type Affinity =
  | {
      readonly kind: 'taskset';
      /** The taskset program. */
      readonly taskset: string;
      /**
       * The CPUs of this process's affinity mask, one per physical core first (spreadOverCores):
       * a duet's two sides then sit on different cores where there are enough.
       */
      readonly cpus: readonly number[];
    }
  | { readonly kind: 'none'; readonly reason: string };

/** A child's pinning: run it under `taskset -c <cpus>`. */
export interface Pin {
  readonly taskset: string;
  readonly cpus: readonly number[];
}

/** The taskset program on PATH (or its usual places), or null. */
export function findTaskset(envPath = process.env['PATH'] ?? ''): string | null {
  const dirs = [...envPath.split(path.delimiter).filter((d) => d !== ''), '/usr/bin', '/bin'];
  for (const dir of dirs) {
    const file = path.join(dir, 'taskset');
    if (path.isAbsolute(file) && existsSync(file)) return file;
  }
  return null;
}

/**
 * `cpus` reordered so that the first ones are on distinct physical cores: round-robin over the
 * cores (each core's CPUs in order, cores in the order of their first CPU). Hyper-threads of one
 * core share its execution units, so two duet sides on siblings would slow each other by what
 * the other runs; on distinct cores they share only what the whole machine shares. `siblings`
 * gives a CPU's thread_siblings_list; unknown (null) counts as a core of its own.
 */
export function spreadOverCores(
  cpus: readonly number[],
  siblings: (cpu: number) => readonly number[] | null,
): number[] {
  const cores = new Map<string, number[]>();
  for (const cpu of cpus) {
    const list = siblings(cpu);
    const key =
      list === null || list.length === 0 ? `cpu${cpu}` : [...list].sort((a, b) => a - b).join(',');
    const core = cores.get(key) ?? [];
    core.push(cpu);
    cores.set(key, core);
  }
  const out: number[] = [];
  const queues = [...cores.values()];
  for (let i = 0; out.length < cpus.length; i++) {
    for (const q of queues) if (q[i] !== undefined) out.push(q[i]!);
  }
  return out;
}

/** A CPU's thread_siblings_list from sysfs, or null. */
function sysfsSiblings(cpu: number): number[] | null {
  try {
    return parseCpuList(
      readFileSync(`/sys/devices/system/cpu/cpu${cpu}/topology/thread_siblings_list`, 'utf8'),
    );
  } catch {
    return null;
  }
}

/** Whether taskset can pin here (a sandbox may refuse sched_setaffinity): null, or why not. */
function tasksetRefused(taskset: string, cpu: number): string | null {
  const r = spawnSync(taskset, ['-c', String(cpu), 'true'], {
    env: childEnv(),
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 5000,
    encoding: 'utf8',
  });
  if (r.status === 0) return null;
  const why = r.error
    ? r.error.message
    : (r.stderr ?? '').trim().split('\n')[0] || `exit ${r.status}`;
  return `taskset could not pin a process here (${why.slice(0, 200)})`;
}

/**
 * Whether children can be pinned here: Linux with taskset, a readable affinity mask
 * (/proc/self/status), and taskset allowed to set it. `lookup` replaces each probe (tests).
 */
export function probeAffinity(
  platform: NodeJS.Platform = process.platform,
  lookup: {
    readonly statusText?: string;
    readonly taskset?: string | null;
    readonly siblings?: (cpu: number) => readonly number[] | null;
    readonly refused?: string | null;
  } = {},
): Affinity {
  if (platform !== 'linux') {
    return {
      kind: 'none',
      reason:
        platform === 'darwin'
          ? 'macOS has no CPU affinity masks'
          : `CPU pinning is not supported on ${platform}`,
    };
  }
  const taskset = lookup.taskset !== undefined ? lookup.taskset : findTaskset();
  if (taskset === null) return { kind: 'none', reason: 'taskset (util-linux) was not found' };
  let cpus: number[] | null;
  try {
    cpus = parseStatusAffinity(lookup.statusText ?? readFileSync('/proc/self/status', 'utf8'));
  } catch {
    cpus = null;
  }
  if (cpus === null || cpus.length === 0) {
    return { kind: 'none', reason: 'the affinity mask (/proc/self/status) could not be read' };
  }
  const refused = lookup.refused !== undefined ? lookup.refused : tasksetRefused(taskset, cpus[0]!);
  if (refused !== null) return { kind: 'none', reason: refused };
  return {
    kind: 'taskset',
    taskset,
    cpus: spreadOverCores(cpus, lookup.siblings ?? sysfsSiblings),
  };
}

/** `file args…` under the pin: `taskset -c LIST file args…`. */
export function pinnedArgv(
  pin: Pin,
  file: string,
  args: readonly string[],
): { file: string; args: string[] } {
  return { file: pin.taskset, args: ['-c', pin.cpus.join(','), file, ...args] };
}

/** A shell command under the pin (no shell quoting needed: the command is one argument). */
export function pinnedShell(pin: Pin, command: string): { file: string; args: string[] } {
  return pinnedArgv(pin, '/bin/sh', ['-c', command]);
}
