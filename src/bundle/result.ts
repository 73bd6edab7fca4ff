/**
 * A results file from a report bundle, made safe to render. parseResultFile checks what the gate
 * reads; the markdown report reads more (labels, the machine's details, settings, optional
 * per-cell figures). This builds a fresh Result holding only the fields the report shows, each
 * checked: strings typed and capped, every number finite and in range (counts positive integers,
 * durations and rates positive), thread counts consistent. Fields it does not know are dropped,
 * so nothing unchecked reaches the renderer. Strings are left as data: the renderer escapes them.
 */

import { InputError } from '../errors.js';
import { LIMITS } from '../baseline/parse.js';
import {
  OBJECTIVES,
  type MachineInfo,
  type Point,
  type Result,
  type ThroughputResult,
  type WorkloadKind,
  type WorkloadResult,
} from '../results/types.js';
import { describeValue, isObject } from '../json-value.js';

type Obj = Record<string, unknown>;
type Fail = (message: string) => InputError;

const KINDS: readonly WorkloadKind[] = ['matmul', 'model', 'command'];
const SHORT = 200;
const LONG = LIMITS.idChars;
const SKIPPED_MAX = LIMITS.workloads * LIMITS.pointsPerWorkload;

/**
 * The renderable copy of `result` (already checked by parseResultFile). Throws InputError
 * `${fileName}: "path" is …; expected …`.
 */
export function renderableResult(result: Result, fileName: string): Result {
  const fail: Fail = (m) => new InputError(`${fileName}: ${m}`);
  const r = new Check(fail);
  const v = result as unknown as Obj;
  const tool = r.object(v, 'tool');
  if (tool['name'] !== 'threadgate') r.bad('tool.name', tool['name'], '"threadgate"');
  const settings = r.object(v, 'settings');
  const recommendation = r.object(v, 'recommendation');
  const overhead = v['overhead'];
  const workloads = r
    .list(v, 'workloads', LIMITS.workloads)
    .map((w, i) => workload(r, w, `workloads[${i}]`));
  if (workloads.length === 0) r.bad('workloads', [], 'at least one workload');
  const skipped = v['skipped'] === undefined ? undefined : r.list(v, 'skipped', SKIPPED_MAX);
  return {
    schemaVersion: 1,
    tool: { name: 'threadgate', version: r.string(tool, 'version', 'tool.', 64) },
    createdAt: r.string(v, 'createdAt', '', 40),
    machine: machine(r, r.object(v, 'machine')),
    runtime: {
      onnxruntime: r.string(r.object(v, 'runtime'), 'onnxruntime', 'runtime.', SHORT),
      node: r.string(r.object(v, 'runtime'), 'node', 'runtime.', SHORT),
    },
    settings: {
      maxTimeSec: r.number(settings, 'maxTimeSec', 'settings.', 'a number > 0', (x) => x > 0),
      targetPrecision: r.number(
        settings,
        'targetPrecision',
        'settings.',
        'a number > 0',
        (x) => x > 0,
      ),
      tolerance: r.number(settings, 'tolerance', 'settings.', 'a number ≥ 0', (x) => x >= 0),
      seed: r.number(settings, 'seed', 'settings.', 'a finite number', () => true),
      ...(settings['objective'] === undefined
        ? {}
        : { objective: r.oneOf(settings, 'objective', 'settings.', OBJECTIVES) }),
    },
    overhead:
      overhead === null || overhead === undefined
        ? null
        : {
            perCallNs: r.ns(r.object(v, 'overhead'), 'perCallNs', 'overhead.'),
            ci95Ns: r.nsPair(r.object(v, 'overhead'), 'ci95Ns', 'overhead.'),
          },
    workloads,
    recommendation: {
      ompNumThreads: r.threads(recommendation, 'ompNumThreads', 'recommendation.'),
      ortIntraOpNumThreads: r.threads(recommendation, 'ortIntraOpNumThreads', 'recommendation.'),
      basis: r.string(recommendation, 'basis', 'recommendation.', LONG),
      ...(recommendation['throughput'] === undefined
        ? {}
        : {
            throughput: split(
              r,
              r.object(recommendation, 'throughput', 'recommendation.'),
              'recommendation.throughput.',
              'basis',
            ),
          }),
    },
    elapsedSec: r.number(v, 'elapsedSec', '', 'a number ≥ 0', (x) => x >= 0),
    ...(skipped === undefined
      ? {}
      : {
          skipped: skipped.map((s, i) => {
            const at = `skipped[${i}].`;
            const o = r.item(s, at);
            return {
              workload: r.string(o, 'workload', at, LONG),
              threads: r.threads(o, 'threads', at),
              reason: r.string(o, 'reason', at, LONG),
            };
          }),
        }),
  };
}

function machine(r: Check, m: Obj): MachineInfo {
  const at = 'machine.';
  const peak = m['peakGflops'];
  const quota = m['cgroupQuotaCpus'];
  return {
    os: r.string(m, 'os', at, SHORT),
    arch: r.string(m, 'arch', at, SHORT),
    cpuModel: r.string(m, 'cpuModel', at, SHORT),
    logicalCpus: r.threads(m, 'logicalCpus', at),
    availableCpus: r.threads(m, 'availableCpus', at),
    physicalCores: r.threads(m, 'physicalCores', at),
    fingerprint: r.string(m, 'fingerprint', at, 64),
    ...(m['affinityCpus'] === undefined ? {} : { affinityCpus: r.threads(m, 'affinityCpus', at) }),
    ...(quota === undefined || quota === null
      ? { cgroupQuotaCpus: null }
      : {
          cgroupQuotaCpus: r.number(m, 'cgroupQuotaCpus', at, 'null or a number > 0', (x) => x > 0),
        }),
    ...(peak === undefined || peak === null
      ? { peakGflops: null }
      : {
          peakGflops: {
            gflops: r.number(
              r.object(m, 'peakGflops', at),
              'gflops',
              `${at}peakGflops.`,
              'a number > 0',
              (x) => x > 0,
            ),
            perCoreGflops: r.number(
              r.object(m, 'peakGflops', at),
              'perCoreGflops',
              `${at}peakGflops.`,
              'a number > 0',
              (x) => x > 0,
            ),
            basis: r.string(r.object(m, 'peakGflops', at), 'basis', `${at}peakGflops.`, LONG),
          },
        }),
  };
}

function workload(r: Check, value: unknown, path: string): WorkloadResult {
  const at = `${path}.`;
  const w = r.item(value, at);
  const id = r.string(w, 'id', at, LONG);
  const kind = r.oneOf(w, 'kind', at, KINDS);
  const points = r
    .list(w, 'points', LIMITS.pointsPerWorkload, at)
    .map((p, j) => point(r, p, `${at}points[${j}]`));
  if (points.length === 0) r.bad(`${at}points`, [], 'at least one measured thread count');
  const measured = new Set(points.map((p) => p.threads));
  const chosen = (key: 'fastest' | 'recommended'): number => {
    const t = r.threads(r.object(w, key, at), 'threads', `${at}${key}.`);
    if (!measured.has(t)) r.bad(`${at}${key}.threads`, t, 'one of the measured thread counts');
    return t;
  };
  const recommended = r.object(w, 'recommended', at);
  const metric = w['metric'];
  return {
    id,
    kind,
    label: w['label'] === undefined ? id : r.string(w, 'label', at, LONG),
    points,
    fastest: { threads: chosen('fastest') },
    recommended: {
      threads: chosen('recommended'),
      ...(recommended['reason'] === undefined
        ? {}
        : { reason: r.string(recommended, 'reason', `${at}recommended.`, LONG) }),
    },
    ...(w['mlasMaxThreads'] === undefined
      ? {}
      : { mlasMaxThreads: r.threads(w, 'mlasMaxThreads', at) }),
    ...(w['opsPerCall'] === undefined
      ? {}
      : {
          opsPerCall: r.number(
            w,
            'opsPerCall',
            at,
            'an integer ≥ 1',
            (x) => Number.isSafeInteger(x) && x >= 1,
          ),
        }),
    ...(w['throughput'] === undefined
      ? {}
      : { throughput: throughput(r, r.object(w, 'throughput', at), `${at}throughput.`) }),
    ...(metric === undefined
      ? {}
      : {
          metric: {
            name: r.string(r.object(w, 'metric', at), 'name', `${at}metric.`, LONG),
            unit: r.string(r.object(w, 'metric', at), 'unit', `${at}metric.`, SHORT),
          },
        }),
  };
}

/** A split of the CPUs (workers × threads per worker), with its optional text field. */
function split<K extends 'basis' | 'reason'>(
  r: Check,
  o: Obj,
  at: string,
  text: K,
): { workers: number; threadsPerWorker: number } & Partial<Record<K, string>> {
  return {
    workers: r.threads(o, 'workers', at),
    threadsPerWorker: r.threads(o, 'threadsPerWorker', at),
    ...(o[text] === undefined ? {} : { [text]: r.string(o, text, at, LONG) }),
  } as { workers: number; threadsPerWorker: number } & Partial<Record<K, string>>;
}

function throughput(r: Check, t: Obj, at: string): ThroughputResult {
  const rate = (o: Obj, key: string, pat: string) =>
    r.number(o, key, pat, 'requests per second greater than 0', (x) => x > 0 && x < 1e12);
  const points = r.list(t, 'points', LIMITS.pointsPerWorkload, at).map((value, i) => {
    const pat = `${at}points[${i}].`;
    const p = r.item(value, pat);
    const ci = r.field(
      p,
      'ci95',
      pat,
      'two rates [lo, hi] with 0 ≤ lo ≤ hi',
      (x) =>
        Array.isArray(x) &&
        x.length === 2 &&
        x.every((y) => typeof y === 'number' && y >= 0 && y < 1e12) &&
        (x[0] as number) <= (x[1] as number),
    ) as number[];
    return {
      workers: r.threads(p, 'workers', pat),
      threadsPerWorker: r.threads(p, 'threadsPerWorker', pat),
      requestsPerSec: rate(p, 'requestsPerSec', pat),
      ci95: [ci[0]!, ci[1]!] as const,
      p50Ns: r.ns(p, 'p50Ns', pat),
      p99Ns: r.ns(p, 'p99Ns', pat),
    };
  });
  return {
    points,
    recommended: split(r, r.object(t, 'recommended', at), `${at}recommended.`, 'reason'),
  };
}

function point(r: Check, value: unknown, path: string): Point {
  const at = `${path}.`;
  const p = r.item(value, at);
  const optional = (key: string, expected: string, test: (x: number) => boolean) =>
    p[key] === undefined || p[key] === null
      ? {}
      : { [key]: r.number(p, key, at, `null or ${expected}`, test) };
  const samplesNs = r.list(p, 'samplesNs', LIMITS.samplesPerCell, at).map((s, k) => {
    if (typeof s !== 'number' || !(s > 0 && s <= LIMITS.maxNs)) {
      r.bad(`${at}samplesNs[${k}]`, s, 'a duration in ns greater than 0');
    }
    return s;
  });
  if (samplesNs.length === 0) r.bad(`${at}samplesNs`, [], 'at least one sample');
  const rounds =
    p['rounds'] === undefined ? undefined : r.list(p, 'rounds', LIMITS.samplesPerCell, at);
  if (
    rounds !== undefined &&
    (rounds.length !== samplesNs.length ||
      !rounds.every((x) => Number.isSafeInteger(x) && (x as number) >= 0))
  ) {
    r.bad(`${at}rounds`, rounds, 'one non-negative integer per sample');
  }
  return {
    threads: r.threads(p, 'threads', at),
    samplesNs,
    ...(rounds === undefined ? {} : { rounds: rounds as number[] }),
    medianNs: r.ns(p, 'medianNs', at),
    ci95Ns: r.nsPair(p, 'ci95Ns', at),
    ...optional('gflops', 'a number ≥ 0', (x) => x >= 0),
    ...optional('peakFraction', 'a number ≥ 0', (x) => x >= 0),
    ...optional('speedup', 'a number > 0', (x) => x > 0),
    ...optional('overheadShare', 'a number ≥ 0', (x) => x >= 0),
    ...(p['converged'] === undefined ? {} : { converged: r.boolean(p, 'converged', at) }),
  };
}

/** Field readers that throw naming the JSON path, the value found and the form expected. */
class Check {
  constructor(private readonly fail: Fail) {}

  bad(path: string, value: unknown, expected: string): never {
    throw this.fail(`"${path}" is ${describeValue(value)}; expected ${expected}`);
  }

  field(o: Obj, key: string, at: string, expected: string, ok: (x: unknown) => boolean): unknown {
    const x = o[key];
    if (x === undefined)
      throw this.fail(`is missing the field "${at}${key}"; expected ${expected}`);
    if (!ok(x)) this.bad(`${at}${key}`, x, expected);
    return x;
  }

  item(value: unknown, at: string): Obj {
    if (!isObject(value)) this.bad(at.slice(0, -1), value, 'an object');
    return value;
  }

  object(o: Obj, key: string, at = ''): Obj {
    return this.field(o, key, at, 'an object', isObject) as Obj;
  }

  list(o: Obj, key: string, max: number, at = ''): unknown[] {
    const xs = this.field(o, key, at, 'an array', Array.isArray) as unknown[];
    if (xs.length > max) {
      throw this.fail(`"${at}${key}" has ${xs.length} entries; expected at most ${max}`);
    }
    return xs;
  }

  string(o: Obj, key: string, at: string, max: number): string {
    return this.field(
      o,
      key,
      at,
      `a string of at most ${max} characters`,
      (x) => typeof x === 'string' && x.length <= max,
    ) as string;
  }

  number(o: Obj, key: string, at: string, expected: string, ok: (x: number) => boolean): number {
    return this.field(
      o,
      key,
      at,
      expected,
      (x) => typeof x === 'number' && Number.isFinite(x) && ok(x),
    ) as number;
  }

  threads(o: Obj, key: string, at: string): number {
    return this.number(
      o,
      key,
      at,
      `an integer from 1 to ${LIMITS.threads}`,
      (x) => Number.isInteger(x) && x >= 1 && x <= LIMITS.threads,
    );
  }

  ns(o: Obj, key: string, at: string): number {
    return this.number(
      o,
      key,
      at,
      `a duration in ns greater than 0 and at most ${LIMITS.maxNs}`,
      (x) => x > 0 && x <= LIMITS.maxNs,
    );
  }

  nsPair(o: Obj, key: string, at: string): readonly [number, number] {
    const pair = this.field(
      o,
      key,
      at,
      'two durations in ns [lo, hi] with 0 < lo ≤ hi',
      (x) =>
        Array.isArray(x) &&
        x.length === 2 &&
        x.every((y) => typeof y === 'number' && y > 0 && y <= LIMITS.maxNs) &&
        (x[0] as number) <= (x[1] as number),
    ) as number[];
    return [pair[0]!, pair[1]!];
  }

  boolean(o: Obj, key: string, at: string): boolean {
    return this.field(o, key, at, 'true or false', (x) => typeof x === 'boolean') as boolean;
  }

  oneOf<T extends string>(o: Obj, key: string, at: string, values: readonly T[]): T {
    return this.field(o, key, at, `one of ${values.map((x) => `"${x}"`).join(', ')}`, (x) =>
      (values as readonly unknown[]).includes(x),
    ) as T;
  }
}
