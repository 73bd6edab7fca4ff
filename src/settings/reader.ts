/**
 * The one reader of SweepSettings. The CLI (flags) and the action (inputs) each supply only a
 * SettingsSource — how to look a setting up, and how the user writes its name (`--max-time`,
 * input `max-time`) — and every rule between settings lives here, once: one workload at a time,
 * the flags or inputs that apply only to some workloads, `metric-unit` only with `metric`,
 * `python` only with `engine: torch`. Errors name the setting as the user wrote it, its value
 * and the expected form.
 */
import { DEFAULT_DUET } from '../contract/limits.js';
import { InputError, invalid } from '../errors.js';
import { parseThreadCounts } from '../measure/plan.js';
import {
  DEFAULT_THREAD_ENV,
  DEFAULT_TIMEOUT_SEC,
  DEFAULT_WARMUP_RUNS,
  parseMetric,
  parseThreadEnv,
} from '../workloads/command.js';
import { parseShapes } from '../workloads/matmul.js';
import { parseInputShapes, parseInputValues } from '../workloads/model.js';
import { DEFAULT_WORKER_TIMEOUT_SEC } from '../workloads/worker.js';
import {
  DEFAULTS,
  MIN_TIMEOUT_SEC,
  parseEngine,
  parseDuet,
  parseNormalize,
  parseObjective,
  parsePercent,
  parseSeconds,
  parseSeed,
  randomSeed,
  type SweepSettings,
  type WorkloadSpec,
} from './settings.js';

/** The settings a sweep reads, by their action input names (the CLI's flags are these too). */
export const SWEEP_SETTING_NAMES = [
  'sizes',
  'engine',
  'python',
  'model',
  'input-shapes',
  'input-values',
  'command',
  'worker',
  'thread-env',
  'metric',
  'metric-unit',
  'timeout',
  'warmup-runs',
  'threads',
  'max-time',
  'precision',
  'tolerance',
  'seed',
  'objective',
  'normalize',
  'duet',
] as const;
export type SweepSettingName = (typeof SWEEP_SETTING_NAMES)[number];

/** The settings that may be given several times (the CLI's flag repeated; the action's one input). */
export type RepeatableSetting = 'input-shapes' | 'input-values';

export interface SettingsSource {
  /** The setting's text, or undefined when the user did not give it (its default applies). */
  get(name: SweepSettingName): string | undefined;
  /** Every item of a repeatable setting; [] when not given. */
  getAll(name: RepeatableSetting): string[];
  /** The setting as the user writes it, for errors: `--max-time`, or the input `max-time`. */
  label(name: SweepSettingName): string;
}

/** The machine's CPUs, for an explicit thread list (asked only when there is one). */
export type CpuCounts = () => { readonly availableCpus: number; readonly logicalCpus: number };

export interface ReadOptions {
  /** The action's workspace: a model the pull request commits is read only from inside it. */
  readonly within?: string;
}

/** SweepSettings from `source`; see the file comment. */
export function readSweepSettings(
  source: SettingsSource,
  cpus: CpuCounts,
  options: ReadOptions = {},
): SweepSettings {
  const text = (name: SweepSettingName) => source.get(name);
  const threads = text('threads')?.trim() ?? 'auto';
  const objective = text('objective');
  const normalize = text('normalize');
  const duet = text('duet');
  const precision = text('precision');
  const tolerance = text('tolerance');
  const seed = text('seed');
  const machine = threads.toLowerCase() === 'auto' ? undefined : cpus();
  return {
    workload: readWorkload(source, options),
    threads:
      machine === undefined
        ? 'auto'
        : parseThreadCounts(
            threads,
            machine.availableCpus,
            machine.logicalCpus,
            source.label('threads'),
          ),
    maxTimeSec: parseSeconds(
      text('max-time') ?? String(DEFAULTS.maxTimeSec),
      source.label('max-time'),
    ),
    targetPrecision:
      precision === undefined
        ? DEFAULTS.targetPrecision
        : parsePercent(precision, source.label('precision'), 50),
    tolerance:
      tolerance === undefined
        ? DEFAULTS.tolerance
        : parsePercent(tolerance, source.label('tolerance'), 100),
    seed: seed === undefined ? randomSeed() : parseSeed(seed, source.label('seed')),
    ...(objective === undefined
      ? {}
      : { objective: parseObjective(objective, source.label('objective')) }),
    normalize:
      normalize === undefined ? 'auto' : parseNormalize(normalize, source.label('normalize')),
    duet: duet === undefined ? DEFAULT_DUET : parseDuet(duet, source.label('duet')),
  };
}

/** A setting given where it does not apply: `--metric: got "x"; expected it only with --command`. */
function onlyWith(source: SettingsSource, name: SweepSettingName, value: string, what: string) {
  return invalid(source.label(name), value, `it only with ${what}`);
}

/** The workload: the built-in MatMul (default), or one of model, command, worker. */
export function readWorkload(source: SettingsSource, options: ReadOptions = {}): WorkloadSpec {
  const L = (name: SweepSettingName) => source.label(name);
  const get = (name: SweepSettingName) => source.get(name);
  const model = get('model');
  const command = get('command');
  const worker = get('worker');
  const sizes = get('sizes');
  const engine = get('engine');
  const python = get('python');

  const chosen = (['sizes', 'model', 'command', 'worker'] as const).filter(
    (n) => get(n) !== undefined,
  );
  if (chosen.length > 1) {
    throw new InputError(
      `${chosen.map(L).join(' and ')}: given together; expected one workload: ${L('sizes')} (the built-in MatMul), ${L('model')}, ${L('command')} or ${L('worker')}`,
    );
  }
  const program = command !== undefined || worker !== undefined;
  const builtIn = model === undefined && !program;
  for (const name of ['thread-env', 'timeout'] as const) {
    const v = get(name);
    if (v !== undefined && !program) {
      throw onlyWith(
        source,
        name,
        v,
        `${L('command')} or ${L('worker')} (a program threadgate starts)`,
      );
    }
  }
  for (const name of ['metric', 'metric-unit', 'warmup-runs'] as const) {
    const v = get(name);
    if (v !== undefined && command === undefined) {
      throw onlyWith(
        source,
        name,
        v,
        `${L('command')}${worker !== undefined ? ' (a worker times its own calls)' : ''}`,
      );
    }
  }
  for (const name of ['input-shapes', 'input-values'] as const) {
    const [v] = source.getAll(name);
    if (v !== undefined && model === undefined) throw onlyWith(source, name, v, L('model'));
  }
  for (const name of ['engine', 'python'] as const) {
    const v = get(name);
    if (v !== undefined && !builtIn) {
      throw onlyWith(source, name, v, `the built-in MatMul (${L('sizes')})`);
    }
  }
  const engineName = engine === undefined ? undefined : parseEngine(engine, L('engine'));
  if (python !== undefined && engineName !== 'torch') {
    throw onlyWith(source, 'python', python, `${L('engine')} torch`);
  }

  if (model !== undefined) {
    const values = source.getAll('input-values');
    return {
      kind: 'model',
      path: model,
      ...(options.within === undefined ? {} : { within: options.within }),
      inputShapes: parseInputShapes(source.getAll('input-shapes'), L('input-shapes')),
      ...(values.length === 0 ? {} : { inputValues: parseInputValues(values, L('input-values')) }),
    };
  }
  if (command !== undefined) return commandWorkload(source, command);
  if (worker !== undefined) return workerWorkload(source, worker);
  return {
    kind: 'matmul',
    sizes: parseShapes(sizes ?? DEFAULTS.sizes, L('sizes')),
    ...(engineName ? { engine: engineName } : {}),
    ...(python !== undefined ? { python } : {}),
  };
}

/** A command workload running `command` (the head's, or a same-job base's) in `cwd`. */
export function commandWorkload(
  source: SettingsSource,
  command: string,
  cwd?: string,
): WorkloadSpec {
  const L = (name: SweepSettingName) => source.label(name);
  if (command.trim() === '') throw invalid(L('command'), command, 'a non-empty shell command');
  const metric = source.get('metric');
  const unit = source.get('metric-unit');
  if (unit !== undefined && metric === undefined)
    throw onlyWith(source, 'metric-unit', unit, L('metric'));
  const warmup = source.get('warmup-runs')?.trim();
  if (warmup !== undefined && !/^\d{1,3}$/.test(warmup)) {
    throw invalid(L('warmup-runs'), warmup, 'an integer from 0 to 999');
  }
  const timeout = source.get('timeout');
  return {
    kind: 'command',
    command,
    threadEnv: threadEnv(source),
    timeoutSec:
      timeout === undefined
        ? DEFAULT_TIMEOUT_SEC
        : parseSeconds(timeout, L('timeout'), MIN_TIMEOUT_SEC),
    ...(metric !== undefined
      ? { metric: parseMetric(metric, unit ?? 'ms', L('metric'), L('metric-unit')) }
      : {}),
    warmupRuns: warmup === undefined ? DEFAULT_WARMUP_RUNS : Number(warmup),
    ...(cwd !== undefined ? { cwd } : {}),
  };
}

/** A worker workload running `command` (the head's, or a same-job base's) in `cwd`. */
export function workerWorkload(
  source: SettingsSource,
  command: string,
  cwd?: string,
): WorkloadSpec {
  const L = (name: SweepSettingName) => source.label(name);
  if (command.trim() === '') throw invalid(L('worker'), command, 'a non-empty shell command');
  const timeout = source.get('timeout');
  return {
    kind: 'worker',
    command,
    threadEnv: threadEnv(source),
    timeoutSec:
      timeout === undefined
        ? DEFAULT_WORKER_TIMEOUT_SEC
        : parseSeconds(timeout, L('timeout'), MIN_TIMEOUT_SEC),
    ...(cwd !== undefined ? { cwd } : {}),
  };
}

function threadEnv(source: SettingsSource): string[] {
  const text = source.get('thread-env');
  return text === undefined
    ? [...DEFAULT_THREAD_ENV]
    : parseThreadEnv(text, source.label('thread-env'));
}
