/**
 * Action inputs → one validated settings object (the same SweepSettings the CLI builds, plus
 * what only the action has). Every error names the input, the value and the expected form.
 */
import { DEFAULT_THRESHOLD } from '../analysis/compare.js';
import { parseBaselineSpec, type BaselineSpec } from '../baseline/store.js';
import { invalid } from '../errors.js';
import { parseThreadCounts } from '../measure/plan.js';
import {
  DEFAULTS,
  parsePercent,
  parseSeconds,
  randomSeed,
  type SweepSettings,
} from '../settings/settings.js';
import { parseShapes } from '../workloads/matmul.js';

export const COMMENT_MODES = ['always', 'on-regression', 'never'] as const;
export type CommentMode = (typeof COMMENT_MODES)[number];
export const SAVE_MODES = ['auto', 'true', 'false'] as const;
export type SaveMode = (typeof SAVE_MODES)[number];

export interface ActionSettings {
  readonly sweep: SweepSettings;
  readonly githubToken: string;
  readonly baseline: BaselineSpec;
  readonly saveBaseline: SaveMode;
  readonly threshold: number;
  readonly failOnRegression: boolean;
  readonly comment: CommentMode;
  readonly exportEnv: boolean;
}

/** Reads one input; the action passes core.getInput, tests a plain map. */
export type InputReader = (name: string) => string;

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  const v = value.trim();
  if (!(allowed as readonly string[]).includes(v)) {
    throw invalid(name, value, `one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
  }
  return v as T;
}

/** YAML 1.2 core booleans, as @actions/core's getBooleanInput accepts, with our error message. */
function bool(name: string, value: string, fallback: boolean): boolean {
  const v = value.trim();
  if (v === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(v)) return true;
  if (['false', 'False', 'FALSE'].includes(v)) return false;
  throw invalid(name, value, '"true" or "false"');
}

export function readActionSettings(
  input: InputReader,
  cpus: { availableCpus: number; logicalCpus: number },
): ActionSettings {
  const get = (name: string) => input(name).trim();
  for (const name of ['model', 'input-shapes', 'command', 'compare-ref']) {
    if (get(name) !== '') {
      throw invalid(
        name,
        get(name),
        'empty: this version of threadgate sweeps the built-in MatMul only',
      );
    }
  }
  const threadsText = get('threads') || 'auto';
  return {
    sweep: {
      sizes: parseShapes(get('sizes') || DEFAULTS.sizes, 'sizes'),
      threads:
        threadsText.toLowerCase() === 'auto'
          ? 'auto'
          : parseThreadCounts(threadsText, cpus.availableCpus, cpus.logicalCpus, 'threads'),
      maxTimeSec: parseSeconds(get('max-time') || String(DEFAULTS.maxTimeSec), 'max-time'),
      targetPrecision: DEFAULTS.targetPrecision,
      tolerance: DEFAULTS.tolerance,
      seed: randomSeed(),
    },
    githubToken: get('github-token'),
    baseline: parseBaselineSpec(get('baseline') || 'cache', 'baseline'),
    saveBaseline: oneOf('save-baseline', get('save-baseline') || 'auto', SAVE_MODES),
    threshold:
      get('threshold') === '' ? DEFAULT_THRESHOLD : parsePercent(get('threshold'), 'threshold'),
    failOnRegression: bool('fail-on-regression', get('fail-on-regression'), true),
    comment: oneOf('comment', get('comment') || 'always', COMMENT_MODES),
    exportEnv: bool('export-env', get('export-env'), false),
  };
}
