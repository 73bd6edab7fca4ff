/**
 * The `worker` workload: the user's program started once per session (the unit the sweep and the
 * same-job gate use), warm, timing its own calls. threadgate talks to it over standard input and
 * output with the worker protocol, version 1 (README, "Worker protocol"; python/threadgate_worker.py
 * implements it for Python):
 *
 *     worker -> threadgate-worker/1 ready {"threads": 2 | null, "engine": {...} | null}
 *     host   -> run N
 *     worker -> ok T1 … TN          (each call's time, integer nanoseconds)
 *     host   -> quit                (or standard input closes)
 *     worker -> threadgate-worker/1 error {"message": "…"}   (set-up failed)
 *     worker -> error MESSAGE                                 (a request failed)
 *
 * The thread count reaches the worker like a command's (OMP_NUM_THREADS and its kin) and as
 * THREADGATE_THREADS. A runtime that reports another count than it was given is an error: the
 * results would name a thread count that was not measured. Every wait is bounded by `timeoutSec`
 * (ready, each request, and a few seconds to quit); a worker that dies, prints something else or
 * never answers ends the sweep with an error naming it, with the last lines of its stderr.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIMITS } from '../contract/limits.js';
import { pinnedShell, type Pin } from '../cpu/affinity.js';
import { WorkloadError, describeError, invalid } from '../errors.js';
import { childEnv } from '../io/child-env.js';
import { plainText } from '../report/text.js';
import {
  killMarked,
  killTree,
  lastLines,
  MARKER_ENV,
  nextMarker,
  Tail,
  track,
  untrack,
} from './child-process.js';
import { DEFAULT_THREAD_ENV } from './command.js';
import type { CellRunner, EngineInfo, Workload } from './types.js';
import type { WorkloadKind } from '../results/types.js';

export const WORKER_PROTOCOL = 'threadgate-worker/1';
export const DEFAULT_WORKER_TIMEOUT_SEC = 120;
/** Most calls asked for in one request (the Python helper's limit too). */
export const MAX_CALLS_PER_REQUEST = 100_000;
/** Longest protocol line read: N timings of up to 16 digits, with room. */
const MAX_LINE_BYTES = 4 * 1024 * 1024;
/**
 * A worker's visits: one request of this many ms of calls. Measured (BENCHMARKS, 2026-12-02): at
 * the sweep's 30 ms (4 calls of the 256² PyTorch matmul) the round trip was 1.9 % of a request
 * and a converged cell had ~80 timed calls; at 120 ms, 0.44 % and ~140 calls. 200 ms gives a
 * converged cell (8 visits at least) 200+ timed calls.
 */
export const WORKER_VISIT_MS = 200;
/** After `quit`, how long a worker gets to exit before its process group is killed. */
const QUIT_GRACE_MS = 3000;

export interface WorkerSpec {
  /** The shell command that starts one worker. */
  readonly command: string;
  readonly threadEnv?: readonly string[];
  /** Bound on becoming ready and on answering each request, in seconds. */
  readonly timeoutSec?: number;
  readonly cwd?: string;
  /** The environment to pass through (default process.env), less what childEnv removes. */
  readonly env?: NodeJS.ProcessEnv;
}

/** How a built-in workload runs through a worker (the MatMul in PyTorch). */
export interface WorkerIdentity {
  readonly id: string;
  readonly kind: WorkloadKind;
  readonly label: string;
  readonly opsPerCall: number;
  readonly flopsPerOp: number | null;
  /** The runtime the worker must report (e.g. "torch"); null: any or none. */
  readonly engine: string | null;
}

/** The folder of the Python helper (python/threadgate_worker.py), put on the worker's PYTHONPATH. */
export function helperDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(path.join(dir, 'python', 'threadgate_worker.py')))
      return path.join(dir, 'python');
    dir = path.dirname(dir);
  }
  throw new WorkloadError(
    'the Python worker helper (python/threadgate_worker.py) is missing from this threadgate installation',
  );
}

export function createWorkerWorkload(spec: WorkerSpec, identity?: WorkerIdentity): Workload {
  const command = spec.command.trim();
  if (command.length === 0)
    throw invalid('--worker', spec.command, 'a command that starts a worker');
  if (`worker:${command}`.length > LIMITS.idChars) {
    throw invalid(
      '--worker',
      `${command.slice(0, 60)}…`,
      `a command of at most ${LIMITS.idChars - 'worker:'.length} characters (it names the workload in every results file)`,
    );
  }
  const threadEnv = spec.threadEnv ?? DEFAULT_THREAD_ENV;
  const timeoutSec = spec.timeoutSec ?? DEFAULT_WORKER_TIMEOUT_SEC;
  if (!(timeoutSec > 0))
    throw invalid('--timeout', String(timeoutSec), 'a positive number of seconds');
  const baseEnv = childEnv(spec.env ?? process.env);
  const shown = identity ? identity.label : `worker "${command}"`;
  let engine: EngineInfo | null = null;
  const reported = new Map<number, number | null>();

  const workload: Workload = {
    id: identity?.id ?? `worker:${command}`,
    kind: identity?.kind ?? 'worker',
    label: identity?.label ?? command,
    opsPerCall: identity?.opsPerCall ?? 1,
    flopsPerOp: identity?.flopsPerOp ?? null,
    metric: { name: 'time per call, timed by the worker', unit: 'ns' },
    visitMs: WORKER_VISIT_MS,
    contentHash: null,
    details: {
      worker: command,
      protocol: WORKER_PROTOCOL,
      threadEnv: [...threadEnv],
      timeoutSec,
      ...(spec.cwd !== undefined ? { cwd: spec.cwd } : {}),
    },
    get engine() {
      return engine;
    },
    runtimeThreads: reported,
    open: (threads: number) => openSession(threads),
    openPinned: (threads: number, pin: Pin) => openSession(threads, pin),
  };
  return workload;

  async function openSession(threads: number, pin?: Pin): Promise<CellRunner> {
    if (!Number.isInteger(threads) || threads < 1) {
      throw new RangeError(`threads must be an integer ≥ 1, got ${threads}`);
    }
    const session = await startWorker(threads, pin);
    const want = identity?.engine ?? null;
    if (want !== null && session.ready.engine?.name !== want) {
      await session.close();
      throw new WorkloadError(
        `${shown} at ${threadEnv[0]}=${threads}: the worker reported the engine ${JSON.stringify(session.ready.engine?.name ?? null)}; expected ${JSON.stringify(want)}`,
      );
    }
    if (session.ready.threads !== null && session.ready.threads !== threads) {
      await session.close();
      throw new WorkloadError(
        `${shown} at ${threadEnv[0]}=${threads}: the runtime reports ${session.ready.threads} threads; ` +
          `expected ${threads} (something in the worker or its environment overrides the thread count, ` +
          'so the measurement would be of another count than the one named)',
      );
    }
    reported.set(threads, session.ready.threads);
    engine ??= session.ready.engine;
    return session.runner;
  }

  function startWorker(threads: number, pin?: Pin): Promise<Session> {
    const env: NodeJS.ProcessEnv = { ...baseEnv };
    for (const name of threadEnv) env[name] = String(threads);
    env['THREADGATE_THREADS'] = String(threads);
    const pythonPath = env['PYTHONPATH'];
    env['PYTHONPATH'] = pythonPath ? `${helperDir()}${path.delimiter}${pythonPath}` : helperDir();
    // No __pycache__ next to the helper: its folder belongs to the installation (read-only in
    // an installed package, the action's own checkout on a runner).
    env['PYTHONDONTWRITEBYTECODE'] ??= '1';
    // Pinned (a duet): the shell runs under taskset, and the worker inherits its CPU set.
    const pinned = pin ? pinnedShell(pin, command) : null;
    return startProtocolProcess({
      file: pinned ? pinned.file : command,
      args: pinned ? pinned.args : [],
      shell: pinned === null,
      ...(spec.cwd !== undefined ? { cwd: spec.cwd } : {}),
      env,
      timeoutSec,
      shown,
      where: `${threadEnv[0]}=${threads}`,
    });
  }
}

/** How to start one process that speaks the worker protocol. */
export interface ProtocolLaunch {
  readonly file: string;
  readonly args: readonly string[];
  /** Run `file` as a shell command line (the user's worker); false: an argv. */
  readonly shell: boolean;
  readonly cwd?: string;
  /** Its whole environment (already through childEnv); the run's marker is added. */
  readonly env: NodeJS.ProcessEnv;
  /** Bound on becoming ready and on answering each request, in seconds. */
  readonly timeoutSec: number;
  /** For errors: what the process is, and at what setting ("OMP_NUM_THREADS=2"). */
  readonly shown: string;
  readonly where: string;
  /**
   * Sent over an IPC channel (structured clone: typed arrays travel as they are) right after the
   * start: the set-up of a built-in child (src/workloads/ort-child.ts), which becomes ready after.
   */
  readonly setup?: unknown;
}

/**
 * Start a worker-protocol process and wait for its ready line (bounded). Its runner's close()
 * asks it to quit and kills its process group and marked descendants; so does every failure here.
 */
export async function startProtocolProcess(l: ProtocolLaunch): Promise<Session> {
  const marker = nextMarker();
  const env: NodeJS.ProcessEnv = { ...l.env, [MARKER_ENV]: marker };
  const child = spawn(l.file, [...l.args], {
    shell: l.shell,
    ...(l.cwd !== undefined ? { cwd: l.cwd } : {}),
    env,
    stdio: l.setup === undefined ? ['pipe', 'pipe', 'pipe'] : ['pipe', 'pipe', 'pipe', 'ipc'],
    ...(l.setup === undefined ? {} : { serialization: 'advanced' as const }),
    detached: process.platform !== 'win32',
    windowsHide: true,
  });
  track(child);
  const channel = new Channel(child, (why) => fail(why));
  function fail(why: string): WorkloadError {
    const err = lastLines(channel.stderr.text());
    return new WorkloadError(
      `${l.shown} at ${l.where}: ${why}${err ? `\nlast lines of its stderr:\n${err}` : ' (its stderr was empty)'}`,
    );
  }
  const stop = async () => {
    await channel.quit();
    killMarked(marker);
    untrack(child);
  };
  let line: string;
  try {
    if (l.setup !== undefined) {
      // The child disconnects once it has the set-up; a failed send shows as its exit.
      child.send(l.setup as Parameters<ChildProcess['send']>[0], (e) => {
        if (e) killTree(child, 'SIGKILL');
      });
      child.channel?.unref();
    }
    line = await channel.next(l.timeoutSec, 'to become ready');
  } catch (e) {
    await stop();
    throw e;
  }
  const ready = parseReady(line);
  if (typeof ready === 'string') {
    await stop();
    throw fail(ready);
  }
  let closed = false;
  const runner: CellRunner = {
    async call() {
      return (await request(1))[0]!;
    },
    callMany: (n: number) => request(n),
    async close() {
      if (closed) return;
      closed = true;
      await stop();
    },
  };
  async function request(n: number): Promise<number[]> {
    if (!Number.isInteger(n) || n < 1 || n > MAX_CALLS_PER_REQUEST) {
      throw new RangeError(`calls per request must be 1 to ${MAX_CALLS_PER_REQUEST}, got ${n}`);
    }
    channel.send(`run ${n}`);
    const answer = await channel.next(l.timeoutSec, `to answer "run ${n}"`);
    return parseTimes(answer, n, (why) => fail(why));
  }
  return {
    ready,
    runner,
    pid: child.pid,
    async ask(line: string, what: string) {
      channel.send(line);
      return channel.next(l.timeoutSec, what);
    },
    close: () => runner.close(),
  };
}

export interface ReadyInfo {
  readonly threads: number | null;
  readonly engine: EngineInfo | null;
}

export interface Session {
  readonly ready: ReadyInfo;
  readonly runner: CellRunner;
  /** The process id (undefined if it never started). */
  readonly pid: number | undefined;
  /**
   * Send one line and wait (bounded) for the answer line: for a built-in child's own requests
   * (src/workloads/ort-child.ts: open and close a session).
   */
  ask(line: string, what: string): Promise<string>;
  close(): Promise<void>;
}

/** The ready line, or what is wrong with it. */
export function parseReady(line: string): ReadyInfo | string {
  const quoted = JSON.stringify(plainText(line, 200));
  if (line.startsWith(`${WORKER_PROTOCOL} error `)) {
    const message = (() => {
      try {
        const m = (JSON.parse(line.slice(WORKER_PROTOCOL.length + 7)) as { message?: unknown })
          .message;
        return typeof m === 'string' ? m : line;
      } catch {
        return line;
      }
    })();
    return `its set-up failed: ${plainText(message, 2000)}`;
  }
  const other = /^threadgate-worker\/(\S+) /.exec(line);
  if (other && other[1] !== '1') {
    return `it speaks protocol version ${JSON.stringify(other[1]!.slice(0, 20))}; this threadgate speaks ${WORKER_PROTOCOL} (update threadgate or the worker helper)`;
  }
  if (!line.startsWith(`${WORKER_PROTOCOL} ready`)) {
    return `it printed ${quoted} before it was ready; expected "${WORKER_PROTOCOL} ready {…}" (print to stderr, not stdout: stdout carries the protocol)`;
  }
  const rest = line.slice(`${WORKER_PROTOCOL} ready`.length).trim();
  let info: unknown = {};
  if (rest !== '') {
    try {
      info = JSON.parse(rest);
    } catch {
      return `its ready line ${quoted} does not end in a JSON object`;
    }
  }
  if (typeof info !== 'object' || info === null || Array.isArray(info)) {
    return `its ready line ${quoted} does not end in a JSON object`;
  }
  const o = info as Record<string, unknown>;
  const threads = o['threads'] ?? null;
  if (
    threads !== null &&
    !(
      Number.isInteger(threads) &&
      (threads as number) >= 1 &&
      (threads as number) <= LIMITS.threads
    )
  ) {
    return `its ready line says "threads": ${JSON.stringify(threads)}; expected null or the thread count its runtime uses`;
  }
  const e = o['engine'] ?? null;
  let engine: EngineInfo | null = null;
  if (e !== null) {
    if (typeof e !== 'object' || Array.isArray(e))
      return `its ready line's "engine" is not an object`;
    const r = e as Record<string, unknown>;
    const text = (key: string, max: number) =>
      typeof r[key] === 'string' ? plainText(r[key] as string, max) : undefined;
    const name = text('name', 100);
    if (!name) return 'its ready line\'s "engine" has no "name"';
    const version = text('version', 100) ?? '';
    const parallelBackend = text('parallelBackend', 200);
    const parallelInfo =
      typeof r['parallelInfo'] === 'string'
        ? (r['parallelInfo'] as string).slice(0, 2000)
        : undefined;
    engine = {
      name,
      version,
      ...(parallelBackend ? { parallelBackend } : {}),
      ...(parallelInfo ? { parallelInfo } : {}),
    };
  }
  return { threads: threads as number | null, engine };
}

/** The timings of an `ok` line: n integers, each a duration within the contract's limits. */
export function parseTimes(line: string, n: number, fail: (why: string) => Error): number[] {
  if (line.startsWith('error')) {
    throw fail(`it answered with an error: ${plainText(line.slice(5).trim(), 2000)}`);
  }
  if (!line.startsWith('ok')) {
    throw fail(
      `it printed ${JSON.stringify(plainText(line, 200))}; expected "ok" and ${n} timings in ns`,
    );
  }
  const fields = line
    .slice(2)
    .trim()
    .split(/\s+/)
    .filter((f) => f !== '');
  if (fields.length !== n) {
    throw fail(`it answered ${fields.length} timings to "run ${n}"; expected ${n}`);
  }
  return fields.map((f) => {
    const ns = /^\d{1,16}(\.\d+)?$/.test(f) ? Number(f) : NaN;
    if (!(ns > 0 && ns <= LIMITS.maxNs)) {
      throw fail(
        `it timed a call at ${JSON.stringify(f.slice(0, 30))}; expected a duration in ns greater than 0 and at most ${LIMITS.maxNs}`,
      );
    }
    return ns;
  });
}

/**
 * The protocol channel of one worker process: lines from its stdout, one at a time, each wait
 * bounded; its stderr's tail for messages; its end.
 */
/** How long the last output of an exited worker may take to arrive. */
const EXIT_DRAIN_MS = 500;

class Channel {
  readonly stderr = new Tail();
  private buffer = '';
  private lines: string[] = [];
  private waiter: ((line: string | Error) => void) | null = null;
  private exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  private problem: Error | null = null;
  /** A wait for its answer ran out: it is not listening. */
  private unresponsive = false;
  private readonly exitedPromise: Promise<void>;

  constructor(
    private readonly child: ChildProcess,
    private readonly fail: (why: string) => Error,
  ) {
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => this.onData(chunk));
    child.stderr!.on('data', (c: Buffer) => this.stderr.push(c));
    child.stdin!.on('error', () => undefined); // a worker that exits early closes the pipe
    this.exitedPromise = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exited = { code, signal };
        // Let the last output arrive before telling a waiter the worker is gone: the pipes
        // close after the process has exited ('close'), which a grandchild that keeps them open
        // could delay for ever, so the wait is bounded.
        let drained = false;
        const done = () => {
          if (drained) return;
          drained = true;
          clearTimeout(timer);
          this.settle();
          resolve();
        };
        const timer = setTimeout(done, EXIT_DRAIN_MS);
        child.once('close', done);
      });
      child.once('error', (e) => {
        this.problem ??= this.fail(`it could not be started: ${describeError(e)}`);
        this.exited ??= { code: null, signal: null };
        this.settle();
        resolve();
      });
    });
  }

  send(line: string): void {
    if (this.exited || this.problem) return;
    this.child.stdin!.write(`${line}\n`);
  }

  /** The next line, within `timeoutSec`; a dead or silent worker is an error. */
  next(timeoutSec: number, what: string): Promise<string> {
    const queued = this.lines.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (this.problem) return Promise.reject(this.problem);
    if (this.exited) return Promise.reject(this.gone());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        this.unresponsive = true;
        reject(this.fail(`it took more than ${timeoutSec} s ${what} (--timeout)`));
      }, timeoutSec * 1000);
      this.waiter = (line) => {
        clearTimeout(timer);
        this.waiter = null;
        if (line instanceof Error) reject(line);
        else resolve(line);
      };
    });
  }

  /**
   * Ask the worker to quit; after a grace, kill its process group. A worker that has already
   * let a wait run out gets no grace: it is killed at once.
   */
  async quit(): Promise<void> {
    if (!this.exited && !this.unresponsive) {
      this.send('quit');
      this.child.stdin!.end();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        this.exitedPromise,
        new Promise<void>((r) => (timer = setTimeout(r, QUIT_GRACE_MS))),
      ]);
      clearTimeout(timer);
    }
    killTree(this.child, 'SIGKILL');
    this.child.stdout?.destroy();
    this.child.stderr?.destroy();
  }

  private onData(chunk: string): void {
    this.buffer += chunk;
    for (;;) {
      const nl = this.buffer.indexOf('\n');
      if (nl < 0) break;
      const line = this.buffer.slice(0, nl).replace(/\r$/, '');
      this.buffer = this.buffer.slice(nl + 1);
      this.push(line);
    }
    if (this.buffer.length > MAX_LINE_BYTES) {
      this.problem ??= this.fail(
        `it printed a line of more than ${MAX_LINE_BYTES} bytes on stdout`,
      );
      this.buffer = '';
      killTree(this.child, 'SIGKILL');
      this.settle();
    }
  }

  private push(line: string): void {
    if (this.waiter) this.waiter(line);
    else if (this.lines.length < 16) this.lines.push(line);
    else {
      this.problem ??= this.fail(
        `it printed more lines than it was asked for (the last: ${JSON.stringify(plainText(line, 120))})`,
      );
      killTree(this.child, 'SIGKILL');
    }
  }

  private settle(): void {
    if (!this.waiter) return;
    if (this.lines.length > 0) this.waiter(this.lines.shift()!);
    else this.waiter(this.problem ?? this.gone());
  }

  private gone(): Error {
    const e = this.exited;
    const how = e?.signal
      ? `was killed by signal ${e.signal}`
      : `exited with code ${e?.code ?? 'unknown'}`;
    return this.fail(`it ${how} before it answered`);
  }
}
