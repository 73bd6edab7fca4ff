/**
 * Reading a Comparison JSON (schema/comparison.schema.json, written by `threadgate compare
 * --json`, `threadgate sweep --comparison-json` and the action) back into a {@link Comparison}
 * for the markdown report.
 *
 * The file is hostile data: a merge request's pipeline, a downloaded artifact or a hand edit may
 * have written it. So this is a structural validation in code (ajv is a development dependency
 * only): every field the report reads is checked for type; every number must be finite and in
 * its range (ratios and medians > 0, probabilities in [0, 1], thread counts positive integers);
 * strings, arrays and the file itself are capped; and the parts must agree with each other (a
 * "regression" verdict names a regressed cell, a regressed cell is gated, maxSlowdown is the
 * largest gated slowdown), so a forged verdict cannot contradict its own cells. Strings are
 * passed on as data; the markdown renderer escapes every one of them.
 *
 * Fields the schema marks optional and the report does not show (seed, resamples, checks,
 * gatedAs, …) are filled with neutral values when absent; the ones the report shows are
 * required, including `settings.coldStartThreshold`, which every threadgate writer includes.
 */

import { readFile, stat } from 'node:fs/promises';
import { FINGERPRINT_FIELD_NAMES, type FingerprintDifference } from '../cpu/fingerprint.js';
import { InputError } from '../errors.js';
import {
  DEFAULT_COMPARE_SEED,
  DEFAULT_RESAMPLES,
  GATE_MODES,
  type BaselineSummary,
  type CellChecks,
  type CellComparison,
  type CellStatus,
  type Comparison,
  type CompareSettings,
  type GateMode,
  type GateRole,
} from './compare.js';
import { describeValue, isObject } from '../json-value.js';

/** Largest comparison file read, in bytes (a 1,000-cell comparison is about 700 kB). */
export const COMPARISON_FILE_LIMIT = 4 * 1024 * 1024;
/** Most cells accepted (a sweep of 100 workloads × 100 thread counts). */
export const COMPARISON_CELL_LIMIT = 10_000;
/** Most characters in one string (a workload id can be a long command line). */
export const COMPARISON_STRING_LIMIT = 4096;
/** Most entries in the notes and the workload lists. */
export const COMPARISON_LIST_LIMIT = 1000;

const VERDICTS = ['pass', 'regression', 'inconclusive', 'no-baseline'] as const;
const UNITS = ['visits', 'sessions', 'samples'] as const;
const STATUSES: readonly CellStatus[] = ['regression', 'inconclusive', 'pass'];
const ROLES: readonly GateRole[] = ['recommended', 'fastest'];
const MAX_THREADS = 1_000_000;

type Fail = (message: string) => InputError;
type Obj = Record<string, unknown>;

/** Read and validate the comparison file given by `input` (e.g. "--comparison"). */
export async function readComparisonFile(path: string, input: string): Promise<Comparison> {
  const fail: Fail = (m) => new InputError(`${input} ${path}: ${m}`);
  let size: number;
  try {
    const s = await stat(path);
    if (s.isDirectory()) throw fail('is a directory; expected a comparison JSON file');
    size = s.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw fail(code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? String(e)})`);
  }
  if (size > COMPARISON_FILE_LIMIT) {
    throw fail(`is ${size} bytes; expected a comparison JSON of at most ${COMPARISON_FILE_LIMIT}`);
  }
  return parseComparisonFile(await readFile(path, 'utf8'), path, input);
}

/**
 * Validate the text of a comparison file and return the {@link Comparison} it describes.
 * Throws InputError `${input} ${fileName}: what is wrong; expected …`.
 */
export function parseComparisonFile(text: string, fileName: string, input: string): Comparison {
  const fail: Fail = (m) => new InputError(`${input} ${fileName}: ${m}`);
  if (text.length > COMPARISON_FILE_LIMIT) {
    throw fail(`is ${text.length} characters; expected at most ${COMPARISON_FILE_LIMIT}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw fail(`is not valid JSON (${(e as Error).message}); expected a comparison JSON`);
  }
  return toComparison(new Reader(fail), value);
}

/**
 * Check that `comparison` is the comparison of `current`: the same run (createdAt and machine
 * fingerprint) and no cell the run did not measure. A comparison taken from elsewhere would
 * otherwise be shown as this run's verdict. Throws `fail(what is wrong; expected …)`.
 */
export function checkComparisonOf(
  comparison: Comparison,
  current: {
    readonly createdAt: string;
    readonly machine: { readonly fingerprint: string };
    readonly workloads: readonly {
      readonly id: string;
      readonly points: readonly { readonly threads: number }[];
    }[];
  },
  fail: (message: string) => Error,
  runName = "the results' run",
): void {
  const c = comparison.current;
  if (c.createdAt !== current.createdAt || c.fingerprint !== current.machine.fingerprint) {
    throw fail(
      `is the comparison of the run of ${JSON.stringify(c.createdAt.slice(0, 40))} ` +
        `(fingerprint ${JSON.stringify(c.fingerprint.slice(0, 40))}); expected the comparison ` +
        `of ${runName}, of ${current.createdAt} (fingerprint ${current.machine.fingerprint})`,
    );
  }
  if (comparison.kind === 'no-baseline') return;
  const stray = comparison.cells.find(
    (cell) =>
      !current.workloads.some(
        (w) => w.id === cell.workload && w.points.some((p) => p.threads === cell.threads),
      ),
  );
  if (stray !== undefined) {
    throw fail(
      `has a cell for ${JSON.stringify(stray.workload.slice(0, 80))} at ${stray.threads} ` +
        `threads, which ${runName} did not measure; expected the comparison of ${runName}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------

function toComparison(r: Reader, value: unknown): Comparison {
  const top = r.object(value, '');
  if (top['schemaVersion'] !== 1) {
    r.bad('schemaVersion', top['schemaVersion'], '1 (a newer threadgate may have written it)');
  }
  if (top['kind'] !== 'threadgate-comparison') {
    r.bad('kind', top['kind'], '"threadgate-comparison" (a threadgate compare --json file)');
  }
  const verdict = r.oneOf(top, 'verdict', '', VERDICTS);
  const settings = readSettings(r, r.field(top, 'settings', '', 'an object', isObject) as Obj);
  const current = r.field(top, 'current', '', 'an object', isObject) as Obj;
  const common = {
    reason: r.string(top, 'reason', ''),
    settings,
    current: {
      fingerprint: r.string(current, 'fingerprint', 'current.'),
      createdAt: r.string(current, 'createdAt', 'current.'),
    },
    machineDifferences: readDifferences(r, top),
    notes: r.strings(top, 'notes', ''),
  };
  const baseline = readBaselineSummary(r, top);
  const cells = r.list(top, 'cells', '', COMPARISON_CELL_LIMIT);
  const maxSlowdown = r.field(top, 'maxSlowdown', '', 'a finite number or null', isNullableNumber);

  if (verdict === 'no-baseline') {
    if (cells.length > 0) {
      r.badText('cells', `${cells.length} cells`, 'no cells with the verdict "no-baseline"');
    }
    return { kind: 'no-baseline', ...common, baseline };
  }
  if (baseline === null) r.bad('baseline', null, `a baseline object with the verdict "${verdict}"`);
  if (maxSlowdown === null) {
    r.bad('maxSlowdown', null, `a finite number with the verdict "${verdict}"`);
  }
  const parsed = cells.map((c, i) => readCell(r, c, `cells[${i}].`, settings));
  const gated = parsed.filter((c) => c.gated);
  if (gated.length === 0) {
    r.badText('cells', 'without a gated cell', `at least one gated cell ("${verdict}")`);
  }
  const largest = Math.max(...gated.map((c) => c.ratio - 1));
  if (Math.abs(largest - (maxSlowdown as number)) > 1e-9 * Math.max(1, Math.abs(largest))) {
    r.bad('maxSlowdown', maxSlowdown, `the largest gated ratio − 1 of the cells (${largest})`);
  }
  const regressions = parsed.filter((c) => c.regression);
  const unresolved = gated.filter((c) => c.status === 'inconclusive');
  const expected =
    regressions.length > 0 ? 'regression' : unresolved.length ? 'inconclusive' : 'pass';
  if (verdict !== expected) {
    r.bad('verdict', verdict, `"${expected}", the verdict its cells give`);
  }
  const compared = {
    ...common,
    baseline: baseline as BaselineSummary,
    forced: r.optionalBoolean(top, 'forced', '') ?? false,
    cells: parsed,
    maxSlowdown: maxSlowdown as number,
    workloadsOnlyInBaseline: r.strings(top, 'workloadsOnlyInBaseline', ''),
    workloadsOnlyInCurrent: r.strings(top, 'workloadsOnlyInCurrent', ''),
  };
  switch (verdict) {
    case 'regression':
      return { kind: 'regression', regressions, ...compared };
    case 'inconclusive':
      return { kind: 'inconclusive', unresolved, ...compared };
    case 'pass':
      return { kind: 'pass', ...compared };
    default: {
      const never: never = verdict;
      return never;
    }
  }
}

function readSettings(r: Reader, s: Obj): CompareSettings {
  const at = 'settings.';
  const seed = s['seed'];
  const resamples = s['resamples'];
  return {
    threshold: r.number(s, 'threshold', at, 'a finite number ≥ 0', (x) => x >= 0),
    confidence: r.number(s, 'confidence', at, 'a number between 0 and 1', (x) => x > 0 && x < 1),
    minHistory: r.number(s, 'minHistory', at, 'an integer ≥ 2', (x) => isInt(x) && x >= 2),
    coldStartThreshold: r.number(s, 'coldStartThreshold', at, 'a finite number ≥ 0', (x) => x >= 0),
    gate: r.oneOf(s, 'gate', at, GATE_MODES) as GateMode,
    force: r.boolean(s, 'force', at),
    seed:
      seed === undefined ? DEFAULT_COMPARE_SEED : r.number(s, 'seed', at, 'a finite number', ok),
    resamples:
      resamples === undefined
        ? DEFAULT_RESAMPLES
        : r.number(s, 'resamples', at, 'an integer ≥ 1', (x) => isInt(x) && x >= 1),
    familySize:
      s['familySize'] === undefined || s['familySize'] === null
        ? null
        : r.number(s, 'familySize', at, 'an integer ≥ 1', (x) => isInt(x) && x >= 1),
  };
}

function readBaselineSummary(r: Reader, top: Obj): BaselineSummary | null {
  const b = r.field(top, 'baseline', '', 'an object or null', (x) => x === null || isObject(x));
  if (b === null) return null;
  const o = b as Obj;
  return {
    source: r.string(o, 'source', 'baseline.'),
    fingerprint: r.string(o, 'fingerprint', 'baseline.'),
    runs: r.number(o, 'runs', 'baseline.', 'an integer ≥ 1', (x) => isInt(x) && x >= 1),
    latestCreatedAt: r.string(o, 'latestCreatedAt', 'baseline.'),
  };
}

function readDifferences(r: Reader, top: Obj): FingerprintDifference[] {
  if (top['machineDifferences'] === undefined) return [];
  const names = FINGERPRINT_FIELD_NAMES as readonly string[];
  return r.list(top, 'machineDifferences', '', names.length).map((d, i) => {
    const at = `machineDifferences[${i}].`;
    const o = r.object(d, at.slice(0, -1));
    const value = (key: string) =>
      r.field(o, key, at, 'a string or a finite number', (x) =>
        typeof x === 'number' ? Number.isFinite(x) : typeof x === 'string',
      ) as string | number;
    if (typeof value('baseline') === 'string') r.string(o, 'baseline', at);
    if (typeof value('current') === 'string') r.string(o, 'current', at);
    return {
      field: r.oneOf(o, 'field', at, FINGERPRINT_FIELD_NAMES),
      a: value('baseline'),
      b: value('current'),
    };
  });
}

function readCell(r: Reader, value: unknown, at: string, s: CompareSettings): CellComparison {
  const c = r.object(value, at.slice(0, -1));
  const positive = (key: string) => r.number(c, key, at, 'a finite number > 0', (x) => x > 0);
  const probability = (key: string) =>
    r.field(c, key, at, 'a number from 0 to 1, or null', (x) =>
      x === null ? true : ok(x) && (x as number) >= 0 && (x as number) <= 1,
    ) as number | null;
  const ratio = positive('ratio');
  const ci = r.field(c, 'ci95', at, 'null or [lo, hi] with 0 < lo ≤ hi, finite', isCi);
  const ci95 = ci === null ? null : ([(ci as number[])[0]!, (ci as number[])[1]!] as const);
  const gated = r.boolean(c, 'gated', at);
  const status = r.oneOf(c, 'status', at, STATUSES);
  const regression = r.boolean(c, 'regression', at);
  if (regression !== (gated && status === 'regression')) {
    r.bad(
      `${at}regression`,
      regression,
      `${String(gated && status === 'regression')} (gated and status "regression")`,
    );
  }
  const limit = c['predictionLimitRatio'];
  const historyRuns = c['historyRuns'];
  return {
    workload: r.string(c, 'workload', at),
    threads: r.number(
      c,
      'threads',
      at,
      `an integer from 1 to ${MAX_THREADS}`,
      (x) => isInt(x) && x >= 1 && x <= MAX_THREADS,
    ),
    baselineMedianNs: positive('baselineMedianNs'),
    currentMedianNs: positive('currentMedianNs'),
    ratio,
    ci95,
    ciLevel:
      c['ciLevel'] === undefined
        ? s.confidence
        : r.number(c, 'ciLevel', at, 'a number between 0 and 1', (x) => x > 0 && x < 1),
    unit: c['unit'] === undefined ? 'samples' : r.oneOf(c, 'unit', at, UNITS),
    pValue: probability('pValue'),
    pAdjusted: probability('pAdjusted'),
    predictionLimitRatio:
      limit === undefined || limit === null ? null : positive('predictionLimitRatio'),
    historyRuns:
      historyRuns === undefined
        ? 0
        : r.number(c, 'historyRuns', at, 'an integer ≥ 0', (x) => isInt(x) && x >= 0),
    gated,
    gatedAs: c['gatedAs'] === undefined ? [] : readRoles(r, c, at),
    checks: c['checks'] === undefined ? derivedChecks(ratio, ci95, s) : readChecks(r, c, at),
    status,
    regression,
    contentChanged: r.optionalBoolean(c, 'contentChanged', at) ?? false,
  };
}

function readRoles(r: Reader, c: Obj, at: string): GateRole[] {
  const roles = r.list(c, 'gatedAs', at, ROLES.length);
  return roles.map((x, i) => {
    if (!(ROLES as readonly unknown[]).includes(x)) {
      r.bad(`${at}gatedAs[${i}]`, x, `one of ${ROLES.map((v) => `"${v}"`).join(', ')}`);
    }
    return x as GateRole;
  });
}

function readChecks(r: Reader, c: Obj, at: string): CellChecks {
  const o = r.field(c, 'checks', at, 'an object', isObject) as Obj;
  const cat = `${at}checks.`;
  const tri = (key: string) =>
    r.field(o, key, cat, 'true, false or null', (x) => x === null || typeof x === 'boolean') as
      boolean | null;
  return {
    slowdown: r.boolean(o, 'slowdown', cat),
    ciAboveOne: tri('ciAboveOne'),
    significant: tri('significant'),
    beyondHistory: tri('beyondHistory'),
    beyondColdStart: o['beyondColdStart'] === undefined ? null : tri('beyondColdStart'),
  };
}

/** The checks a file without them implies (they are not shown in the report). */
function derivedChecks(
  ratio: number,
  ci95: readonly [number, number] | null,
  s: CompareSettings,
): CellChecks {
  return {
    slowdown: ratio - 1 >= s.threshold,
    ciAboveOne: ci95 === null ? null : ci95[0] > 1,
    significant: null,
    beyondHistory: null,
    beyondColdStart: null,
  };
}

// ---------------------------------------------------------------------------------------------

/** Field readers that throw `fail` naming the JSON path, the value found and the form expected. */
class Reader {
  constructor(private readonly fail: Fail) {}

  bad(path: string, value: unknown, expected: string): never {
    return this.badText(path, describeValue(value), expected);
  }

  /** Like bad, with the value already described (e.g. "12 entries"). */
  badText(path: string, shown: string, expected: string): never {
    throw this.fail(`"${path}" is ${shown}; expected ${expected}`);
  }

  object(value: unknown, path: string): Obj {
    if (!isObject(value)) {
      if (path === '')
        throw this.fail(`is ${describeValue(value)}; expected a comparison JSON object`);
      this.bad(path, value, 'an object');
    }
    return value;
  }

  field(o: Obj, key: string, at: string, expected: string, test: (x: unknown) => boolean): unknown {
    const x = o[key];
    if (x === undefined)
      throw this.fail(`is missing the field "${at}${key}"; expected ${expected}`);
    if (!test(x)) this.bad(`${at}${key}`, x, expected);
    return x;
  }

  string(o: Obj, key: string, at: string): string {
    const s = this.field(o, key, at, 'a string', (x) => typeof x === 'string') as string;
    return this.capped(s, `${at}${key}`);
  }

  capped(s: string, path: string): string {
    if (s.length > COMPARISON_STRING_LIMIT) {
      this.badText(path, `${s.length} characters long`, `at most ${COMPARISON_STRING_LIMIT}`);
    }
    return s;
  }

  number(o: Obj, key: string, at: string, expected: string, test: (x: number) => boolean): number {
    return this.field(o, key, at, expected, (x) => ok(x) && test(x as number)) as number;
  }

  boolean(o: Obj, key: string, at: string): boolean {
    return this.field(o, key, at, 'true or false', (x) => typeof x === 'boolean') as boolean;
  }

  optionalBoolean(o: Obj, key: string, at: string): boolean | undefined {
    return o[key] === undefined ? undefined : this.boolean(o, key, at);
  }

  oneOf<T extends string>(o: Obj, key: string, at: string, values: readonly T[]): T {
    const expected = `one of ${values.map((v) => `"${v}"`).join(', ')}`;
    return this.field(o, key, at, expected, (x) => (values as readonly unknown[]).includes(x)) as T;
  }

  list(o: Obj, key: string, at: string, max: number): unknown[] {
    const xs = this.field(o, key, at, 'an array', Array.isArray) as unknown[];
    if (xs.length > max) this.badText(`${at}${key}`, `${xs.length} entries long`, `at most ${max}`);
    return xs;
  }

  /** An optional array of strings ([] when absent). */
  strings(o: Obj, key: string, at: string): string[] {
    if (o[key] === undefined) return [];
    return this.list(o, key, at, COMPARISON_LIST_LIMIT).map((x, i) => {
      const path = `${at}${key}[${i}]`;
      if (typeof x !== 'string') this.bad(path, x, 'a string');
      return this.capped(x, path);
    });
  }
}

function ok(x: unknown): boolean {
  return typeof x === 'number' && Number.isFinite(x);
}

function isInt(x: number): boolean {
  return Number.isInteger(x);
}

function isNullableNumber(x: unknown): boolean {
  return x === null || ok(x);
}

function isCi(x: unknown): boolean {
  if (x === null) return true;
  if (!Array.isArray(x) || x.length !== 2 || !x.every(ok)) return false;
  const [lo, hi] = x as [number, number];
  return lo > 0 && lo <= hi;
}
