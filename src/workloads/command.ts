/**
 * The `command` workload: the user's command, one child process per call, for anything that is
 * not an ONNX model (PyTorch, a compiled benchmark, …).
 *
 * The thread count reaches the child through environment variables (by default OMP_NUM_THREADS,
 * MKL_NUM_THREADS, OPENBLAS_NUM_THREADS and ORT_INTRA_OP_NUM_THREADS, each set to the count; the
 * rest of the environment passes through, less the action's inputs and the runner's tokens:
 * io/child-env.ts). A call's sample is the wall time from spawn to exit,
 * or, with a metric, the number the command prints (the first group of the user's regex, last
 * match in stdout), converted to nanoseconds.
 *
 * The command runs through the shell (`/bin/sh -c` on POSIX, `cmd.exe` on Windows). On POSIX it
 * leads its own process group, so a timeout kills everything it started, not just the shell.
 * Calls are long, so the sweep engine does a fixed number of warm-up runs (`warmupCalls`).
 */
import { spawn } from 'node:child_process';
import { LIMITS } from '../contract/limits.js';
import { pinnedShell, type Pin } from '../cpu/affinity.js';
import { InputError, WorkloadError, describeError, invalid } from '../errors.js';
import { childEnv } from '../io/child-env.js';
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
import type { CellRunner, Workload } from './types.js';

export const DEFAULT_THREAD_ENV: readonly string[] = [
  'OMP_NUM_THREADS',
  'MKL_NUM_THREADS',
  'OPENBLAS_NUM_THREADS',
  'ORT_INTRA_OP_NUM_THREADS',
];
export const DEFAULT_TIMEOUT_SEC = 120;
export const DEFAULT_WARMUP_RUNS = 1;

export type MetricUnit = 'ns' | 'us' | 'ms' | 's';
export const METRIC_UNITS: readonly MetricUnit[] = ['ns', 'us', 'ms', 's'];
const NS_PER: Record<MetricUnit, number> = { ns: 1, us: 1e3, ms: 1e6, s: 1e9 };

export interface CommandMetric {
  /** Source of a regex whose first capture group is the number. */
  readonly regex: string;
  readonly unit: MetricUnit;
}

export interface CommandSpec {
  readonly command: string;
  readonly threadEnv?: readonly string[];
  readonly metric?: CommandMetric;
  readonly timeoutSec?: number;
  readonly cwd?: string;
  readonly warmupRuns?: number;
  /**
   * The environment to pass through (default process.env), less what childEnv removes; the
   * thread variables and the run's marker override it.
   */
  readonly env?: NodeJS.ProcessEnv;
}

/** After SIGTERM, how long a timed-out process group gets before SIGKILL. */
const KILL_GRACE_MS = 2000;
/** After the command exits, how long its output pipes may stay open (a detached descendant). */
const PIPE_GRACE_MS = 500;

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `--thread-env OMP_NUM_THREADS,MKL_NUM_THREADS`: comma-separated environment variable names. */
export function parseThreadEnv(text: string, input = '--thread-env'): string[] {
  const expected =
    'a comma-separated list of environment variable names, e.g. OMP_NUM_THREADS,MKL_NUM_THREADS';
  const names = text
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (names.length === 0) throw invalid(input, text, expected);
  const bad = names.find((n) => !ENV_NAME.test(n));
  if (bad !== undefined) {
    throw new InputError(
      `${input}: got ${JSON.stringify(text)}; "${bad}" is not an environment variable name; expected ${expected}`,
    );
  }
  return [...new Set(names)];
}

/** Number of capture groups of a compiled regex. */
function groupCount(re: RegExp): number {
  return new RegExp(`${re.source}|`, re.flags).exec('')!.length - 1;
}

/**
 * `--metric 'latency_ms=([0-9.]+)'` with its unit: the regex must compile and have a capture
 * group (the first one is the number).
 */
export function parseMetric(
  regex: string,
  unit: string,
  input = '--metric',
  unitInput = `${input}-unit`,
): CommandMetric {
  if (!(METRIC_UNITS as readonly string[]).includes(unit)) {
    throw invalid(unitInput, unit, `one of ${METRIC_UNITS.join(', ')}`);
  }
  const expected =
    'a regular expression whose first capture group is the number, e.g. latency_ms=([0-9.]+)';
  if (regex.trim().length === 0) throw invalid(input, regex, expected);
  let re: RegExp;
  try {
    re = new RegExp(regex);
  } catch (e) {
    throw new InputError(
      `${input}: got ${JSON.stringify(regex)}; it does not compile (${describeError(e)}); expected ${expected}`,
    );
  }
  if (groupCount(re) < 1) {
    throw new InputError(
      `${input}: got ${JSON.stringify(regex)}; it has no capture group; expected ${expected}`,
    );
  }
  return { regex, unit: unit as MetricUnit };
}

/**
 * A readable name for the metric: the regex's first named group, else the literal text before
 * its first group (`latency_ms=([0-9.]+)` → `latency_ms`), else the regex itself.
 */
export function metricName(regex: string): string {
  const named = /\(\?<([A-Za-z_$][\w$]*)>/.exec(regex)?.[1];
  if (named) return named;
  const prefix = /^\^?([A-Za-z_][\w .-]*?)\s*[:=]?\s*(?:\\s[*+]?)?\(/.exec(regex)?.[1]?.trim();
  return prefix ? prefix : `/${regex}/`;
}

interface RunResult {
  readonly wallNs: number;
  readonly stdout: string;
}

export function createCommandWorkload(spec: CommandSpec): Workload {
  const command = spec.command.trim();
  if (command.length === 0) throw invalid('--command', spec.command, 'a command to run');
  // The id (`command:` + the command) is the workload's name in every file: within the contract.
  if (`command:${command}`.length > LIMITS.idChars) {
    throw invalid(
      '--command',
      `${command.slice(0, 60)}…`,
      `a command of at most ${LIMITS.idChars - 'command:'.length} characters (it names the workload in every results file)`,
    );
  }
  const threadEnv = spec.threadEnv ?? DEFAULT_THREAD_ENV;
  if (threadEnv.length === 0 || threadEnv.some((n) => !ENV_NAME.test(n))) {
    throw invalid(
      '--thread-env',
      threadEnv.join(','),
      'a comma-separated list of environment variable names',
    );
  }
  const timeoutSec = spec.timeoutSec ?? DEFAULT_TIMEOUT_SEC;
  if (!(timeoutSec > 0))
    throw invalid('--timeout', String(timeoutSec), 'a positive number of seconds');
  const warmupRuns = spec.warmupRuns ?? DEFAULT_WARMUP_RUNS;
  if (!Number.isInteger(warmupRuns) || warmupRuns < 0) {
    throw invalid('--warmup-runs', String(warmupRuns), 'a non-negative integer');
  }
  const metric = spec.metric;
  // Multiline: `^` and `$` match at line ends, as a user reading stdout line by line expects.
  const metricRe = metric ? new RegExp(metric.regex, 'gm') : undefined;
  const baseEnv = childEnv(spec.env ?? process.env);

  function run(threads: number, pin?: Pin): Promise<RunResult> {
    const where = `${threadEnv[0]}=${threads}`;
    const fail = (why: string, detail = '') =>
      new WorkloadError(`command "${command}" failed at ${where}: ${why}${detail}`);
    const env: NodeJS.ProcessEnv = { ...baseEnv };
    for (const name of threadEnv) env[name] = String(threads);
    const marker = nextMarker();
    env[MARKER_ENV] = marker;

    return new Promise<RunResult>((resolve, reject) => {
      const stdout = new Tail();
      const stderr = new Tail();
      let timedOut = false;
      let settled = false;
      let killTimer: NodeJS.Timeout | undefined;
      let pipeTimer: NodeJS.Timeout | undefined;
      const t0 = process.hrtime.bigint();
      let t1: bigint | undefined;
      // Pinned (a duet): the shell itself runs under taskset, so the command and everything it
      // starts inherit the CPU set.
      const pinned = pin ? pinnedShell(pin, command) : null;
      const child = spawn(pinned ? pinned.file : command, pinned ? pinned.args : [], {
        shell: pinned === null,
        cwd: spec.cwd,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: process.platform !== 'win32',
        windowsHide: true,
      });
      track(child);
      child.stdout!.on('data', (c: Buffer) => stdout.push(c));
      child.stderr!.on('data', (c: Buffer) => stderr.push(c));
      const timer = setTimeout(() => {
        timedOut = true;
        killTree(child, 'SIGTERM');
        killTimer = setTimeout(() => killTree(child, 'SIGKILL'), KILL_GRACE_MS);
      }, timeoutSec * 1000);
      const done = () => {
        clearTimeout(timer);
        if (killTimer) clearTimeout(killTimer);
        if (pipeTimer) clearTimeout(pipeTimer);
        untrack(child);
      };
      const finish = (code: number | null, signal: NodeJS.Signals | null) => {
        if (settled) return;
        settled = true;
        const end = t1 ?? process.hrtime.bigint();
        done();
        // Whatever the command left running goes too: it would disturb the next call. Its
        // process group, and on Linux whatever left the group but carries the run's marker.
        // (On Windows only after a timeout: a finished process's pid may be reused.)
        if (process.platform !== 'win32' || timedOut) killTree(child, 'SIGKILL');
        killMarked(marker);
        const err = lastLines(stderr.text());
        const detail = err ? `\nlast lines of stderr:\n${err}` : '';
        if (timedOut) {
          reject(fail(`timed out after ${timeoutSec} s (process group killed)`, detail));
        } else if (signal) {
          reject(fail(`killed by signal ${signal}`, detail));
        } else if (code !== 0) {
          reject(fail(`exit code ${code}`, detail));
        } else {
          resolve({ wallNs: Number(end - t0), stdout: stdout.text() });
        }
      };
      child.once('exit', (code, signal) => {
        t1 = process.hrtime.bigint();
        // The output pipes close when every process holding them has exited. A descendant that
        // left the process group (setsid, a daemon) can hold them open for ever: after a short
        // grace, stop waiting, kill what still holds them, and destroy our ends.
        pipeTimer = setTimeout(() => {
          killMarked(marker);
          child.stdout?.destroy();
          child.stderr?.destroy();
          finish(code, signal);
        }, PIPE_GRACE_MS);
      });
      child.once('error', (e) => {
        if (settled) return;
        settled = true;
        done();
        reject(fail(`could not start: ${describeError(e)}`));
      });
      // 'close': the process exited and its output streams are drained.
      child.once('close', (code, signal) => finish(code, signal));
    });
  }

  function sample(threads: number, out: RunResult): number {
    if (!metric || !metricRe) return out.wallNs;
    const where = `${threadEnv[0]}=${threads}`;
    let last: RegExpExecArray | undefined;
    metricRe.lastIndex = 0;
    for (const m of out.stdout.matchAll(metricRe)) last = m;
    const text = last?.[1];
    const shownOut = lastLines(out.stdout);
    const outTail = shownOut ? `\nlast lines of stdout:\n${shownOut}` : ' (stdout was empty)';
    if (last === undefined || text === undefined) {
      throw new WorkloadError(
        `command "${command}" at ${where}: the metric regex /${metric.regex}/ matched nothing in its output${outTail}`,
      );
    }
    const value = Number(text.trim());
    if (!Number.isFinite(value) || value <= 0 || text.trim() === '') {
      throw new WorkloadError(
        `command "${command}" at ${where}: the metric regex /${metric.regex}/ captured ` +
          `${JSON.stringify(text.slice(0, 80))}, which is not a positive number (a latency)${outTail}`,
      );
    }
    // Checked here against the contract's limit, so that no results file threadgate writes is
    // refused when threadgate reads it back (1e308 s overflowed to Infinity; 1e300 s was written).
    const ns = value * NS_PER[metric.unit];
    if (!(ns <= LIMITS.maxNs)) {
      throw new WorkloadError(
        `command "${command}" at ${where}: the metric regex /${metric.regex}/ captured ` +
          `${JSON.stringify(text.slice(0, 80))} ${metric.unit}, which is over ${LIMITS.maxNs} ns ` +
          `(11.6 days); expected a latency in ${metric.unit}${outTail}`,
      );
    }
    return ns;
  }

  return {
    id: `command:${command}`,
    kind: 'command',
    label: command,
    opsPerCall: 1,
    flopsPerOp: null,
    metric: {
      name: metric ? metricName(metric.regex) : 'wall time per run',
      unit: 'ns',
    },
    contentHash: null,
    warmupCalls: warmupRuns,
    details: {
      command,
      threadEnv: [...threadEnv],
      timeoutSec,
      warmupRuns,
      ...(metric ? { metric: { regex: metric.regex, unit: metric.unit } } : {}),
      ...(spec.cwd !== undefined ? { cwd: spec.cwd } : {}),
    },
    open(threads: number): Promise<CellRunner> {
      if (!Number.isInteger(threads) || threads < 1) {
        return Promise.reject(new RangeError(`threads must be an integer ≥ 1, got ${threads}`));
      }
      return Promise.resolve({
        call: async () => sample(threads, await run(threads)),
        close: () => Promise.resolve(),
      });
    },
    openPinned(threads: number, pin: Pin): Promise<CellRunner> {
      if (!Number.isInteger(threads) || threads < 1) {
        return Promise.reject(new RangeError(`threads must be an integer ≥ 1, got ${threads}`));
      }
      return Promise.resolve({
        call: async () => sample(threads, await run(threads, pin)),
        close: () => Promise.resolve(),
      });
    },
  };
}
