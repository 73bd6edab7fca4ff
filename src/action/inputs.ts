/**
 * Action inputs → one validated settings object (the same SweepSettings the CLI builds, plus
 * what only the action has). Every error names the input, the value and the expected form.
 */
import { parseBaselineSpec, parseHistoryBranch, type BaselineSpec } from '../baseline/store.js';
import { invalid } from '../errors.js';
import {
  readSweepSettings,
  type SettingsSource,
  type SweepSettingName,
} from '../settings/reader.js';
import {
  DEFAULTS,
  parsePercent,
  type SweepSettings,
  type WorkloadSpec,
} from '../settings/settings.js';
import { parseGateMode, type GateMode } from '../analysis/comparison.js';

export const COMMENT_MODES = ['always', 'on-regression', 'never'] as const;
export type CommentMode = (typeof COMMENT_MODES)[number];
export const SAVE_MODES = ['auto', 'true', 'false'] as const;
export type SaveMode = (typeof SAVE_MODES)[number];
/** `measure`: sweep, compare, report, write a report bundle; `report`: one comment for bundles. */
export const ACTION_MODES = ['measure', 'report'] as const;
export type ActionMode = (typeof ACTION_MODES)[number];

/**
 * The same-job base: `auto` (the input is empty) measures the pull request's or merge group's
 * base commit for a model or command workload; `none` turns it off; `ref` is the user's ref.
 */
export type CompareRef =
  | { readonly kind: 'auto' }
  | { readonly kind: 'none' }
  | { readonly kind: 'ref'; readonly ref: string };

export interface ActionSettings {
  readonly sweep: SweepSettings;
  /** Same-job comparison against a git ref (model and command workloads). */
  readonly compareRef: CompareRef;
  /** Names the baseline history yourself; '' for the default (workflow, job, comment-key, workloads). */
  readonly baselineKey: string;
  readonly githubToken: string;
  readonly baseline: BaselineSpec;
  readonly saveBaseline: SaveMode;
  /** null: the default of the comparison mode (stored baseline or same job). */
  readonly threshold: number | null;
  /** null: the default of the comparison mode (stored: deployed cells; same job: all). */
  readonly gate: GateMode | null;
  readonly failOnRegression: boolean;
  /** `accept-trailer`: a head commit's Threadgate-Accept trailer may accept a slowdown. */
  readonly acceptTrailer: boolean;
  readonly comment: CommentMode;
  /** Extra part of the sticky comment's key (e.g. the matrix as JSON); '' for the default. */
  readonly commentKey: string;
  readonly exportEnv: boolean;
  /** The `registry` input ('' lets the job's npm configuration decide); checked by src/provision. */
  readonly registry: string;
  /** The `onnxruntime-path` input ('' when not set); checked by src/provision. */
  readonly onnxruntimePath: string;
  /** `report` measures nothing: it reports the bundles under `reportFrom`. */
  readonly mode: ActionMode;
  /** Report mode: the folder holding the bundles ('' in measure mode). */
  readonly reportFrom: string;
  /** Measure mode: where the report bundle goes ('' for the default under RUNNER_TEMP). */
  readonly reportDir: string;
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

/**
 * The sweep's inputs as a SettingsSource (src/settings/reader.ts): an empty input is not given.
 * A runner passes every input, at its action.yml default when the workflow does not set it; for
 * `sizes` (default DEFAULTS.sizes) the default is not given either, so a model or command with
 * the default sizes is one workload.
 */
export function inputSource(get: (name: string) => string): SettingsSource {
  const value = (name: SweepSettingName): string | undefined => {
    const v = get(name);
    if (v === '' || (name === 'sizes' && v === DEFAULTS.sizes)) return undefined;
    return v;
  };
  return {
    get: (name) => (name === 'python' ? undefined : value(name)),
    getAll: (name) => {
      const v = value(name);
      return v === undefined ? [] : [v];
    },
    label: (name) => name,
  };
}

function readCompareRef(text: string, workload: WorkloadSpec): CompareRef {
  if (text === '') return { kind: 'auto' };
  if (text === 'none') return { kind: 'none' };
  if (workload.kind === 'matmul') {
    throw invalid(
      'compare-ref',
      text,
      'empty or "none" unless `model`, `command` or `worker` is set (the built-in MatMul has no versions to compare)',
    );
  }
  if (!/^[\w./@^~{}-]+$/.test(text) || text.startsWith('-') || text.length > 255) {
    throw invalid(
      'compare-ref',
      text,
      'a git ref or commit sha (e.g. ${{ github.event.pull_request.base.sha }}), or "none"',
    );
  }
  return { kind: 'ref', ref: text };
}

/** `baseline-key`: a name for the history; kept short and printable (it becomes part of a key). */
function readBaselineKey(text: string): string {
  if (text === '') return '';
  // eslint-disable-next-line no-control-regex
  if (text.length > 200 || /[\u0000-\u001f\u007f,]/.test(text)) {
    throw invalid(
      'baseline-key',
      text,
      'at most 200 printable characters without commas, e.g. "nightly-encoder"',
    );
  }
  return text;
}

/** A folder path from an input: printable, of a sane length. */
function folderPath(name: string, text: string): string {
  // eslint-disable-next-line no-control-regex
  if (text.length > 4096 || /[\u0000-\u001f\u007f]/.test(text)) {
    throw invalid(name, text, 'a folder path of at most 4096 printable characters');
  }
  return text;
}

/** `mode`, `report-from` and `report-dir`: each path input only in the mode that uses it. */
function readModeInputs(
  get: (name: string) => string,
): Pick<ActionSettings, 'mode' | 'reportFrom' | 'reportDir'> {
  const mode = oneOf('mode', get('mode') || 'measure', ACTION_MODES);
  const reportFrom = folderPath('report-from', get('report-from'));
  const reportDir = folderPath('report-dir', get('report-dir'));
  if (mode === 'report' && reportFrom === '') {
    throw invalid(
      'report-from',
      reportFrom,
      'with `mode: report`, the folder holding the report bundles (e.g. where actions/download-artifact put them)',
    );
  }
  if (mode === 'measure' && reportFrom !== '') {
    throw invalid('report-from', reportFrom, 'empty unless `mode` is "report"');
  }
  if (mode === 'report' && reportDir !== '') {
    throw invalid(
      'report-dir',
      reportDir,
      'empty with `mode: report` (a measuring step writes the bundle)',
    );
  }
  return { mode, reportFrom, reportDir };
}

export function readActionSettings(
  input: InputReader,
  cpus: { availableCpus: number; logicalCpus: number },
  /** The job's workspace: a model the pull request commits is read only from inside it. */
  workspace?: string,
): ActionSettings {
  const get = (name: string) => input(name).trim();
  const sweep = readSweepSettings(inputSource(get), () => cpus, {
    ...(workspace === undefined ? {} : { within: workspace }),
  });
  const workload = sweep.workload;
  return {
    // The action always names its objective (the input's default is "latency").
    sweep: { ...sweep, objective: sweep.objective ?? 'latency' },
    compareRef: readCompareRef(get('compare-ref'), workload),
    baselineKey: readBaselineKey(get('baseline-key')),
    githubToken: get('github-token'),
    baseline: parseBaselineSpec(
      get('baseline') || 'cache',
      'baseline',
      parseHistoryBranch(get('history-branch')),
    ),
    saveBaseline: oneOf('save-baseline', get('save-baseline') || 'auto', SAVE_MODES),
    threshold: get('threshold') === '' ? null : parsePercent(get('threshold'), 'threshold'),
    gate: get('gate') === '' ? null : parseGateMode(get('gate'), 'gate'),
    failOnRegression: bool('fail-on-regression', get('fail-on-regression'), true),
    acceptTrailer: bool('accept-trailer', get('accept-trailer'), true),
    comment: oneOf('comment', get('comment') || 'always', COMMENT_MODES),
    commentKey: get('comment-key'),
    exportEnv: bool('export-env', get('export-env'), false),
    registry: get('registry'),
    onnxruntimePath: get('onnxruntime-path'),
    ...readModeInputs(get),
  };
}
