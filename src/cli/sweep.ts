/** `threadgate sweep`: measure, print the table and the lines to copy, write the JSON. */
import { probeCpu } from '../cpu/index.js';
import { InputError, invalid } from '../errors.js';
import { parseThreadCounts } from '../measure/plan.js';
import { runSweep } from '../pipeline/sweep-run.js';
import { renderComparison } from '../report/compare-terminal.js';
import { createProgressReporter } from '../report/progress.js';
import { renderSweep } from '../report/terminal.js';
import { writeJsonAtomic, writeResultFile } from '../results/io.js';
import { toComparisonJson } from '../analysis/comparison-json.js';
import {
  DEFAULTS,
  parsePercent,
  parseSeconds,
  parseSeed,
  randomSeed,
  type SweepSettings,
  type WorkloadSpec,
} from '../settings/settings.js';
import {
  DEFAULT_THREAD_ENV,
  DEFAULT_TIMEOUT_SEC,
  DEFAULT_WARMUP_RUNS,
  parseMetric,
  parseThreadEnv,
} from '../workloads/command.js';
import { parseShapes } from '../workloads/matmul.js';
import { parseInputShapes, parseInputValues } from '../workloads/model.js';
import { parseFlags, stringFlag, type OptionSpec } from './args.js';
import { DEFAULT_SAME_JOB_THRESHOLD } from '../analysis/same-job.js';

export const SWEEP_OPTIONS = {
  sizes: { type: 'string' },
  threads: { type: 'string' },
  'max-time': { type: 'string' },
  json: { type: 'string' },
  seed: { type: 'string' },
  precision: { type: 'string' },
  tolerance: { type: 'string' },
  quiet: { type: 'boolean' },
  model: { type: 'string' },
  'input-shape': { type: 'string', multiple: true },
  'input-value': { type: 'string', multiple: true },
  command: { type: 'string' },
  'thread-env': { type: 'string' },
  metric: { type: 'string' },
  'metric-unit': { type: 'string' },
  timeout: { type: 'string' },
  'warmup-runs': { type: 'string' },
  'baseline-model': { type: 'string' },
  'baseline-command': { type: 'string' },
  'baseline-cwd': { type: 'string' },
  threshold: { type: 'string' },
  'comparison-json': { type: 'string' },
} as const satisfies OptionSpec;

export interface SweepCliSettings extends SweepSettings {
  readonly jsonPath: string | undefined;
  readonly comparisonJsonPath: string | undefined;
  readonly quiet: boolean;
  readonly threshold: number;
}

type Flags = Record<string, unknown>;
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

function commandSpec(v: Flags, command: string, cwd?: string): WorkloadSpec {
  const metricRegex = stringFlag(v, 'metric');
  const unit = stringFlag(v, 'metric-unit');
  if (unit !== undefined && metricRegex === undefined) {
    throw new InputError('--metric-unit: given without --metric; expected --metric REGEX too');
  }
  const warmup = stringFlag(v, 'warmup-runs');
  if (warmup !== undefined && !/^\d{1,3}$/.test(warmup.trim())) {
    throw invalid('--warmup-runs', warmup, 'an integer from 0 to 999');
  }
  return {
    kind: 'command',
    command,
    threadEnv: parseThreadEnv(stringFlag(v, 'thread-env') ?? DEFAULT_THREAD_ENV.join(',')),
    ...(metricRegex !== undefined ? { metric: parseMetric(metricRegex, unit ?? 'ms') } : {}),
    timeoutSec: parseSeconds(stringFlag(v, 'timeout') ?? String(DEFAULT_TIMEOUT_SEC), '--timeout'),
    warmupRuns: warmup === undefined ? DEFAULT_WARMUP_RUNS : Number(warmup),
    ...(cwd !== undefined ? { cwd } : {}),
  };
}

function workloadFromFlags(v: Flags): WorkloadSpec {
  const model = stringFlag(v, 'model');
  const command = stringFlag(v, 'command');
  const sizes = stringFlag(v, 'sizes');
  const given = [model && '--model', command && '--command', sizes && '--sizes'].filter(Boolean);
  if (given.length > 1) {
    throw new InputError(
      `${given.join(' and ')}: given together; expected one workload: --sizes (built-in MatMul), --model FILE or --command "CMD"`,
    );
  }
  if (model === undefined && list(v['input-shape']).length + list(v['input-value']).length > 0) {
    throw new InputError(
      '--input-shape/--input-value: given without --model; expected --model FILE too',
    );
  }
  if (model !== undefined) {
    return {
      kind: 'model',
      path: model,
      inputShapes: parseInputShapes(list(v['input-shape'])),
      inputValues: parseInputValues(list(v['input-value'])),
    };
  }
  if (command !== undefined) {
    if (command.trim() === '') throw invalid('--command', command, 'a non-empty shell command');
    return commandSpec(v, command);
  }
  return { kind: 'matmul', sizes: parseShapes(sizes ?? DEFAULTS.sizes, '--sizes') };
}

/** --baseline-model / --baseline-command: the base version for a same-job comparison. */
function baselineFromFlags(v: Flags, head: WorkloadSpec): WorkloadSpec | undefined {
  const model = stringFlag(v, 'baseline-model');
  const command = stringFlag(v, 'baseline-command');
  const cwd = stringFlag(v, 'baseline-cwd');
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
    return commandSpec(v, command ?? head.command, cwd);
  }
  return undefined;
}

export function sweepSettingsFromFlags(argv: readonly string[]): SweepCliSettings {
  const v = parseFlags('sweep', argv, SWEEP_OPTIONS);
  const threadsText = stringFlag(v, 'threads') ?? 'auto';
  const machine = threadsText.trim().toLowerCase() === 'auto' ? undefined : probeCpu();
  const workload = workloadFromFlags(v);
  const baselineWorkload = baselineFromFlags(v, workload);
  return {
    workload,
    ...(baselineWorkload ? { baselineWorkload } : {}),
    threads:
      machine === undefined
        ? 'auto'
        : parseThreadCounts(threadsText, machine.availableCpus, machine.logicalCpus, '--threads'),
    maxTimeSec: parseSeconds(
      stringFlag(v, 'max-time') ?? String(DEFAULTS.maxTimeSec),
      '--max-time',
    ),
    targetPrecision:
      v.precision === undefined
        ? DEFAULTS.targetPrecision
        : parsePercent(String(v.precision), '--precision', 50),
    tolerance:
      v.tolerance === undefined
        ? DEFAULTS.tolerance
        : parsePercent(String(v.tolerance), '--tolerance', 100),
    seed: v.seed === undefined ? randomSeed() : parseSeed(String(v.seed), '--seed'),
    jsonPath: stringFlag(v, 'json'),
    comparisonJsonPath: stringFlag(v, 'comparison-json'),
    quiet: v.quiet === true,
    threshold:
      v.threshold === undefined
        ? DEFAULT_SAME_JOB_THRESHOLD
        : parsePercent(String(v.threshold), '--threshold'),
  };
}

export async function sweepCommand(argv: readonly string[]): Promise<number> {
  const settings = sweepSettingsFromFlags(argv);
  const run = await runSweep(settings, {
    ...(settings.quiet ? {} : { onProgress: createProgressReporter(process.stderr) }),
    threshold: settings.threshold,
  });
  process.stdout.write(renderSweep(run.result));
  if (run.plan?.note) process.stdout.write(`${run.plan.note}\n`);
  if (settings.jsonPath) {
    await writeResultFile(settings.jsonPath, run.result);
    process.stdout.write(`Results written to ${settings.jsonPath}\n`);
  }
  if (run.comparison) {
    process.stdout.write('\n' + renderComparison(run.comparison) + '\n');
    if (settings.comparisonJsonPath) {
      await writeJsonAtomic(settings.comparisonJsonPath, toComparisonJson(run.comparison));
    }
    return run.comparison.kind === 'regression' ? 1 : 0;
  }
  return 0;
}
