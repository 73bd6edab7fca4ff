/**
 * Pinning a child process to a set of CPUs, for the same-job gate's duets (src/measure/duet.ts):
 * base and head run at the same time on disjoint CPU sets. On Linux the child is started under
 * `taskset -c LIST` (util-linux, on every ubuntu runner): the affinity mask is inherited by every
 * thread and process the child starts, so an ONNX Runtime session's intra-op threads, a command's
 * OpenMP threads and a worker's runtime all stay on their side's CPUs. Elsewhere (macOS has no
 * affinity masks, Windows is not wired up, a Linux without taskset) there is no pinning, and the
 * gate keeps sequential blocks and says why.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseStatusAffinity } from './parse.js';

/** Where the CPUs a child may be pinned to come from, or why none can be. */
export type Affinity =
  | {
      readonly kind: 'taskset';
      /** The taskset program. */
      readonly taskset: string;
      /** The CPUs of this process's affinity mask, sorted. */
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
 * Whether children can be pinned here: Linux with taskset and a readable affinity mask
 * (/proc/self/status). `statusText` and `taskset` are for tests.
 */
export function probeAffinity(
  platform: NodeJS.Platform = process.platform,
  lookup: { readonly statusText?: string; readonly taskset?: string | null } = {},
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
  return { kind: 'taskset', taskset, cpus };
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
