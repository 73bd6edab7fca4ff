/** `threadgate sweep`: measure, print the table and the lines to copy, write the JSON. */
import { decideOutcome } from '../analysis/outcome.js';
import { statSync } from 'node:fs';
import { probeCpu } from '../cpu/index.js';
import { InputError, invalid } from '../errors.js';
import { runSweep } from '../pipeline/sweep-run.js';
import { renderComparison } from '../report/compare-terminal.js';
import { createProgressReporter } from '../report/progress.js';
import { renderSweep } from '../report/terminal.js';
import { toComparisonJson } from '../analysis/comparison-json.js';
import {
  commandWorkload,
  readSweepSettings,
  workerWorkload,
  type SettingsSource,
  type SweepSettingName,
} from '../settings/reader.js';
import {
  DEFAULTS,
  parsePercent,
  type SweepSettings,
  type WorkloadSpec,
} from '../settings/settings.js';
import {
  DEFAULT_THREAD_ENV,
  DEFAULT_TIMEOUT_SEC,
  DEFAULT_WARMUP_RUNS,
} from '../workloads/command.js';
import { DEFAULT_WORKER_TIMEOUT_SEC } from '../workloads/worker.js';
import { parseFlags, stringFlag, type OptionSpec } from './args.js';
import { checkJsonOutput, checkOneStdout, humanSink, isStdout, writeJson } from './output.js';
import { DEFAULT_SAME_JOB_THRESHOLD } from '../analysis/same-job.js';

export const SWEEP_OPTIONS = {
  sizes: { type: 'string' },
  threads: { type: 'string', short: 't' },
  'max-time': { type: 'string' },
  objective: { type: 'string' },
  normalize: { type: 'string' },
  json: { type: 'string', short: 'j' },
  seed: { type: 'string' },
  precision: { type: 'string' },
  tolerance: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean' },
  model: { type: 'string' },
  'input-shape': { type: 'string', multiple: true },
  'input-value': { type: 'string', multiple: true },
  command: { type: 'string' },
  worker: { type: 'string' },
  engine: { type: 'string' },
  python: { type: 'string' },
  'thread-env': { type: 'string' },
  metric: { type: 'string' },
  'metric-unit': { type: 'string' },
  timeout: { type: 'string' },
  'warmup-runs': { type: 'string' },
  'baseline-model': { type: 'string' },
  'baseline-command': { type: 'string' },
  'baseline-worker': { type: 'string' },
  'baseline-cwd': { type: 'string' },
  threshold: { type: 'string' },
  'comparison-json': { type: 'string' },
  duet: { type: 'string' },
} as const satisfies OptionSpec;

export const SWEEP_HELP = `threadgate sweep — measure latency across thread counts and recommend one

Usage:
  threadgate sweep [--sizes LIST [--engine onnxruntime|torch] | --model FILE … |
                    --command "CMD" … | --worker "CMD" …] [-t|--threads LIST|auto]
                   [--max-time SECONDS] [-j|--json FILE|-] [--seed N] [--precision PERCENT]
                   [--tolerance PERCENT] [--objective latency|throughput] [-q|--quiet]
                   [--verbose]

The workload (one of):
  --sizes LIST          built-in MatMul shapes, N (square) or MxKxN, comma-separated
                        (default ${DEFAULTS.sizes})
    --engine NAME       onnxruntime (default) or torch: the MatMul in PyTorch, one warm
                        worker per session, so OMP_NUM_THREADS is measured where it acts
    --python PATH       --engine torch: the Python that has PyTorch (default: looked for:
                        $THREADGATE_PYTHON, python3, /usr/bin/python3)
  --model FILE          your ONNX model; inputs generated from its declared shapes
    --input-shape NAME=DIMS   a symbolic dimension, by input (x=8x512) or by dimension name
                              (batch=1); repeatable
    --input-value NAME=VALUES values for an input (ids=1 or ids=1,2,3); repeatable
  --command "CMD"       your program, run once per sample by the shell
    --thread-env LIST   variables that get the thread count
                        (default ${DEFAULT_THREAD_ENV.join(',')})
    --metric REGEX      time what the program prints: the regex's first group, a number
    --metric-unit UNIT  ns, us, ms or s (default ms; needs --metric)
    --timeout SECONDS   per run (default ${DEFAULT_TIMEOUT_SEC})
    --warmup-runs N     untimed runs per thread count first (default ${DEFAULT_WARMUP_RUNS})
  --worker "CMD"        your program, started once per session and kept warm: it times its
                        own calls over the worker protocol (README; threadgate worker-path
                        prints the Python helper's path, threadgate init-worker copies it)
    --thread-env LIST   as for --command
    --timeout SECONDS   to become ready, and to answer each request (default ${DEFAULT_WORKER_TIMEOUT_SEC})

Same-job comparison (base and head measured interleaved in this sweep):
  --baseline-model FILE     the base version of --model
  --baseline-command "CMD"  the base version of --command
  --baseline-worker "CMD"   the base version of --worker
  --baseline-cwd DIR        run the base command or worker in DIR (e.g. a worktree of the
                            base branch)
  --threshold PERCENT       smallest slowdown that fails (default ${DEFAULT_SAME_JOB_THRESHOLD * 100}%)
  --duet auto|off           auto: a cell whose twice the threads fit the usable CPUs runs
                            base and head at the same time, each pinned to its own CPUs
                            (taskset; Linux), paired window by window; off (default): every
                            cell in sequential blocks of fresh sessions
  --comparison-json FILE    write the comparison JSON (schema/comparison.schema.json);
                            - writes it to standard output (the tables go to standard error)

Measurement:
  -t, --threads LIST|auto
                        thread counts (default auto: 1, 2, 4, … and the usable CPUs)
  --max-time SECONDS    budget for the whole sweep, set-up included (default ${DEFAULTS.maxTimeSec})
  --precision PERCENT   stop when every cell's median has a 95 % CI within ±PERCENT
                        (default ${DEFAULTS.targetPrecision * 100}%)
  --tolerance PERCENT   recommend the fewest threads within PERCENT of the fastest
                        (default ${DEFAULTS.tolerance * 100}%)
  --objective latency|throughput
                        latency (default): threads per request. throughput: also split the
                        usable CPUs into workers × threads (1×N … N×1), each worker its own
                        session or process, all at once, and recommend the split with the most
                        requests per second (the latency sweep gets 40 % of the budget)
  --normalize auto|none auto (default): also measure the runner-speed reference cell (MatMul
                        256² at 1 thread) in the rounds, so a stored-baseline comparison can
                        divide by it; none: measure only the workload
  --seed N              the order of the randomized rounds (default random)
  -j, --json FILE       write the results JSON (schema/results.schema.json); - writes it to
                        standard output, and the tables go to standard error
  -q, --quiet           no progress bar
  --verbose             every cell's table, the machine in full and the notes (by default:
                        each workload's recommended and fastest cells, and one line per note)
  -h, --help            this help (also: threadgate help sweep)

Progress goes to standard error: a bar on a terminal, a line per tenth of the budget otherwise.
The verdict and the recommendation are in colour on a terminal (NO_COLOR=1 turns it off,
FORCE_COLOR=1 forces it).

Exit codes: 0 done (a same-job comparison: pass or inconclusive), 1 same-job regression,
2 error.`;

export interface SweepCliSettings extends SweepSettings {
  readonly jsonPath: string | undefined;
  readonly comparisonJsonPath: string | undefined;
  readonly quiet: boolean;
  readonly verbose: boolean;
  readonly threshold: number;
}

type Flags = Record<string, unknown>;
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** The sweep's flags by setting name (the action's input names), where they differ. */
const FLAG_OF: Partial<Record<SweepSettingName, string>> = {
  'input-shapes': 'input-shape',
  'input-values': 'input-value',
};

/** The parsed flags as a SettingsSource (src/settings/reader.ts): `--max-time`, … */
export function flagSource(v: Flags): SettingsSource {
  const flag = (name: SweepSettingName) => FLAG_OF[name] ?? name;
  return {
    get: (name) => stringFlag(v, flag(name)),
    getAll: (name) => list(v[flag(name)]),
    label: (name) => `--${flag(name)}`,
  };
}

/** --baseline-model / --baseline-command: the base version for a same-job comparison. */
function baselineFromFlags(v: Flags, head: WorkloadSpec): WorkloadSpec | undefined {
  const model = stringFlag(v, 'baseline-model');
  const command = stringFlag(v, 'baseline-command');
  const worker = stringFlag(v, 'baseline-worker');
  const cwd = stringFlag(v, 'baseline-cwd');
  if (worker !== undefined || (cwd !== undefined && head.kind === 'worker')) {
    if (head.kind !== 'worker')
      throw new InputError(
        '--baseline-worker: given without --worker; expected --worker "CMD" for the head too',
      );
    if (command !== undefined)
      throw new InputError('--baseline-command: given with --worker; expected --baseline-worker');
    if (cwd !== undefined) checkDirectory(cwd, '--baseline-cwd');
    return workerWorkload(flagSource(v), worker ?? head.command, cwd);
  }
  if (model !== undefined) {
    if (head.kind !== 'model')
      throw new InputError(
        '--baseline-model: given without --model; expected --model FILE for the head too',
      );
    return { ...head, path: model };
  }
  if (command !== undefined || cwd !== undefined) {
    if (head.kind !== 'command')
      throw new InputError(
        '--baseline-command/--baseline-cwd: given without --command; expected --command "CMD" for the head too',
      );
    if (cwd !== undefined) checkDirectory(cwd, '--baseline-cwd');
    return commandWorkload(flagSource(v), command ?? head.command, cwd);
  }
  if (
    v['threshold'] !== undefined ||
    v['comparison-json'] !== undefined ||
    v['duet'] !== undefined
  ) {
    const flag =
      v['threshold'] !== undefined
        ? '--threshold'
        : v['comparison-json'] !== undefined
          ? '--comparison-json'
          : '--duet';
    throw new InputError(
      `${flag}: given without a base to compare with; expected --baseline-model FILE, --baseline-command "CMD" or --baseline-worker "CMD" too (threadgate compare gates against a stored baseline)`,
    );
  }
  return undefined;
}

function checkDirectory(dir: string, flag: string): void {
  let ok: boolean;
  try {
    ok = statSync(dir).isDirectory();
  } catch {
    ok = false;
  }
  if (!ok) throw invalid(flag, dir, 'an existing directory to run the base command in');
}

export function sweepSettingsFromFlags(argv: readonly string[]): SweepCliSettings {
  const v = parseFlags('sweep', argv, SWEEP_OPTIONS);
  const sweep = readSweepSettings(flagSource(v), () => probeCpu());
  const baselineWorkload = baselineFromFlags(v, sweep.workload);
  return {
    ...sweep,
    ...(baselineWorkload ? { baselineWorkload } : {}),
    jsonPath: stringFlag(v, 'json'),
    comparisonJsonPath: stringFlag(v, 'comparison-json'),
    quiet: v.quiet === true,
    verbose: v.verbose === true,
    threshold:
      v.threshold === undefined
        ? DEFAULT_SAME_JOB_THRESHOLD
        : parsePercent(String(v.threshold), '--threshold'),
  };
}

export async function sweepCommand(argv: readonly string[]): Promise<number> {
  const settings = sweepSettingsFromFlags(argv);
  // Before anything is measured: the outputs can be written.
  const inputs = [
    ...(settings.workload.kind === 'model'
      ? [{ flag: '--model', path: settings.workload.path }]
      : []),
    ...(settings.baselineWorkload?.kind === 'model'
      ? [{ flag: '--baseline-model', path: settings.baselineWorkload.path }]
      : []),
  ];
  checkOneStdout([
    { flag: '--json', path: settings.jsonPath },
    { flag: '--comparison-json', path: settings.comparisonJsonPath },
  ]);
  await checkJsonOutput(settings.jsonPath, '--json', inputs);
  await checkJsonOutput(settings.comparisonJsonPath, '--comparison-json', [
    ...inputs,
    { flag: '--json', path: settings.jsonPath },
  ]);
  // With a JSON on standard output (`-`), the tables go to standard error.
  const human = humanSink([settings.jsonPath, settings.comparisonJsonPath]);
  const run = await runSweep(settings, {
    ...(settings.quiet ? {} : { onProgress: createProgressReporter(process.stderr) }),
    ...(settings.quiet
      ? {}
      : { onLine: (line: string) => void process.stderr.write(`threadgate: ${line}\n`) }),
    threshold: settings.threshold,
  });
  human.write(renderSweep(run.result, human.paint, { verbose: settings.verbose }));
  if (run.plan?.note) human.write(`${run.plan.note}\n`);
  if (settings.jsonPath) {
    await writeJson(settings.jsonPath, run.result, '--json');
    if (!isStdout(settings.jsonPath)) human.write(`Results written to ${settings.jsonPath}\n`);
  }
  if (run.comparison) {
    human.write('\n' + renderComparison(run.comparison, human.paint) + '\n');
    if (settings.comparisonJsonPath) {
      await writeJson(
        settings.comparisonJsonPath,
        toComparisonJson(run.comparison),
        '--comparison-json',
      );
    }
    return decideOutcome(run.comparison, { failOnRegression: true }).fail ? 1 : 0;
  }
  return 0;
}
