/**
 * What the process workloads (command, worker) share: killing a child's whole process group,
 * and on Linux whatever it started that left the group (a marker in the environment); killing
 * every child still running if threadgate exits first; keeping only the tail of a chatty stream;
 * quoting the last lines of output in an error as plain text.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { childEnv } from '../io/child-env.js';
import { plainText } from '../report/text.js';

/** Lines of stderr (or stdout) shown in an error. */
export const TAIL_LINES = 20;
/** Output kept per stream: the tail, so a chatty command cannot exhaust memory. */
const KEEP_BYTES = 1 << 20;

/** The environment variable that marks every process of one run (inherited by descendants). */
export const MARKER_ENV = 'THREADGATE_RUN';
let runCounter = 0;

/** A fresh marker for one run: every process it starts carries it in MARKER_ENV. */
export function nextMarker(): string {
  return `${process.pid}.${++runCounter}`;
}

/**
 * Kill (SIGKILL) every process whose environment carries `marker`: descendants of the command
 * that left its process group (setsid, a daemon) and would hold its output open or run on and
 * disturb the next samples. Linux only (/proc/PID/environ); bounded by the process table; best
 * effort (a process that cleared its environment escapes).
 */
export function killMarked(marker: string): void {
  if (process.platform !== 'linux') return;
  const needle = Buffer.from(`${MARKER_ENV}=${marker}\0`);
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid);
  } catch {
    return;
  }
  for (const pid of pids) {
    try {
      if (readFileSync(`/proc/${pid}/environ`).includes(needle))
        process.kill(Number(pid), 'SIGKILL');
    } catch {
      // gone, or not ours to inspect
    }
  }
}

/** Longest line of a command's output quoted in an error; longer ones are cut in the middle. */
const MAX_LINE_CHARS = 300;

/**
 * The last `n` lines of a command's output, for an error message: each line cut to
 * MAX_LINE_CHARS (one 3 MB line once became a 1 MB error message) and made plain text
 * (plainText: control characters would forge log lines, direction overrides disguise them).
 */
export function lastLines(text: string, n = TAIL_LINES): string {
  const lines = text.replace(/\s+$/, '').split(/\r?\n/);
  return lines
    .slice(-n)
    .map((line) => {
      const clean = plainText(line, Infinity);
      if (clean.length <= MAX_LINE_CHARS) return clean;
      const half = Math.floor((MAX_LINE_CHARS - 20) / 2);
      return `${clean.slice(0, half)} … [${clean.length - 2 * half} characters cut] … ${clean.slice(-half)}`;
    })
    .join('\n');
}

/** Keep the last KEEP_BYTES of a stream. */
export class Tail {
  private chunks: Buffer[] = [];
  private size = 0;
  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size - this.chunks[0]!.length >= KEEP_BYTES) {
      this.size -= this.chunks.shift()!.length;
    }
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

/** Processes (group leaders on POSIX) still running: killed if threadgate exits first. */
const live = new Set<ChildProcess>();

/** No longer running: forget it. */
export function untrack(child: ChildProcess): void {
  live.delete(child);
}
let exitHookInstalled = false;

export function killTree(child: ChildProcess, signal: NodeJS.Signals): void {
  const pid = child.pid;
  if (pid === undefined) return;
  try {
    if (process.platform === 'win32') {
      spawnSync('taskkill', ['/pid', String(pid), '/T', '/F'], {
        stdio: 'ignore',
        env: childEnv(),
      });
    } else {
      process.kill(-pid, signal);
    }
  } catch {
    // Already gone.
  }
}

export function track(child: ChildProcess): void {
  live.add(child);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const c of live) killTree(c, 'SIGKILL');
    });
  }
}
