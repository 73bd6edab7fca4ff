/**
 * The data contract: one schema per document threadgate writes and reads back — the results file,
 * the baseline history, the comparison, the report bundle's manifest. The TypeScript types are
 * inferred from these schemas and `schema/*.json` is generated from them (scripts/schema.ts), so
 * every enum and limit is said once (limits.ts).
 *
 * Each leaf carries the words an error shows ("expected …"). Objects drop fields they do not
 * know (the manifest refuses them), so what passes holds only checked fields and can be rendered
 * and compared as it is. What one field cannot say about another (a recommended thread count
 * that was measured, one round per sample, a verdict its cells give) is checked after the schema,
 * in parse.ts.
 */

import * as v from 'valibot';
import {
  CELL_STATUSES,
  COMPARISON_UNITS,
  DEFAULT_COMPARE_SEED,
  DEFAULT_RESAMPLES,
  DOCUMENT_KINDS,
  FINGERPRINT_FIELD_NAMES,
  GATE_MODES,
  GATE_ROLES,
  LIMITS,
  NORMALIZE_MODES,
  OBJECTIVES,
  REFERENCE_SOURCES,
  THINNED_TIERS,
  UNPRINTABLE_SOURCE,
  VERDICTS,
  WORKLOAD_KINDS,
} from './limits.js';

// --- leaves -----------------------------------------------------------------------------------

/** A finite number with a range; `expected` is what the error says. */
function num(
  expected: string,
  range: { gt?: number; min?: number; max?: number; lt?: number; integer?: boolean } = {},
) {
  const checks: v.PipeAction<number, number, v.BaseIssue<unknown>>[] = [v.finite(expected)];
  if (range.integer) checks.push(v.safeInteger(expected));
  if (range.gt !== undefined) checks.push(v.gtValue(range.gt, expected));
  if (range.min !== undefined) checks.push(v.minValue(range.min, expected));
  if (range.max !== undefined) checks.push(v.maxValue(range.max, expected));
  if (range.lt !== undefined) checks.push(v.ltValue(range.lt, expected));
  return v.pipe(v.number(expected), ...checks);
}

const NS_EXPECTED = `a duration in ns greater than 0 and at most ${LIMITS.maxNs}`;
const ns = () => num(NS_EXPECTED, { gt: 0, max: LIMITS.maxNs });
const count = (what = 'an integer') =>
  num(`${what} from 1 to ${LIMITS.threads}`, { integer: true, min: 1, max: LIMITS.threads });
const threads = () => count();
const positive = (expected = 'a finite number > 0') => num(expected, { gt: 0 });
const nonNegative = (expected = 'a number ≥ 0') => num(expected, { min: 0 });
const index = () => num('a non-negative integer', { integer: true, min: 0 });
const fraction = () => num('a number between 0 and 1', { gt: 0, lt: 1 });
const probability = () => num('a number from 0 to 1, or null', { min: 0, max: 1 });
const rate = (min: 'gt' | 'min') =>
  num(
    `requests per second ${min === 'gt' ? 'greater than' : 'at least'} 0 and below ${LIMITS.maxRate}`,
    {
      [min]: 0,
      lt: LIMITS.maxRate,
    },
  );

/** A string of at most `max` characters. */
function text(max: number = LIMITS.idChars) {
  const expected = `a string of at most ${max} characters`;
  return v.pipe(v.string(expected), v.maxLength(max, expected));
}

/** A non-empty string of at most `max` characters. */
function nonEmpty(max: number = LIMITS.idChars) {
  const expected = `a string of 1 to ${max} characters`;
  return v.pipe(v.string(expected), v.minLength(1, expected), v.maxLength(max, expected));
}

const PRINTABLE = new RegExp(`^(?:(?!${UNPRINTABLE_SOURCE}).)*$`, 'su');

/** A non-empty string without control, format or separator characters (manifest fields). */
function printable(max: number, pattern?: RegExp, expected?: string) {
  const words = expected ?? `a string of 1 to ${max} printable characters`;
  return v.pipe(
    v.string(words),
    v.minLength(1, words),
    v.maxLength(max, words),
    v.regex(PRINTABLE, words),
    v.regex(pattern ?? PRINTABLE, words),
  );
}

const ISO_DATE = 'an ISO 8601 date';
const date = () =>
  v.pipe(
    v.string(ISO_DATE),
    v.maxLength(40, ISO_DATE),
    v.check((s) => Number.isFinite(Date.parse(s)), ISO_DATE),
  );

const FINGERPRINT_EXPECTED = '16 lowercase hexadecimal digits';
const fingerprint = () =>
  v.pipe(v.string(FINGERPRINT_EXPECTED), v.regex(/^[0-9a-f]{16}$/, FINGERPRINT_EXPECTED));

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return v.picklist(values, `one of ${values.map((x) => `"${x}"`).join(', ')}`);
}

function literal<const T extends string | number>(value: T, expected?: string) {
  return v.literal(value, expected ?? JSON.stringify(value));
}

/** An array of at most `max` items (at least `min`), read-only. */
function list<const T extends v.GenericSchema>(item: T, max: number, min = 0) {
  const expected = `an array of ${min > 0 ? `${min} to ` : 'at most '}${max} entries`;
  return v.pipe(
    v.array(item, 'an array'),
    v.minLength(min, expected),
    v.maxLength(max, expected),
    v.readonly(),
  );
}

/** An object of these fields, read-only; fields it does not name are dropped. */
function record<const T extends v.ObjectEntries>(entries: T) {
  return v.pipe(v.object(entries, 'an object'), v.readonly());
}

/** Two numbers [lo, hi], read-only (lo ≤ hi is checked in parse.ts). */
function pair<const T extends v.GenericSchema<number>>(item: T, expected: string) {
  return v.pipe(v.tuple([item, item], expected), v.readonly());
}

// --- results (schemaVersion 1) ----------------------------------------------------------------

export const PeakEstimateSchema = record({
  gflops: positive(),
  perCoreGflops: positive(),
  basis: text(),
});

export const NumaNodeSchema = record({
  node: index(),
  cpus: count(),
  cpuList: text(),
});

export const MachineSchema = record({
  os: v.pipe(text(LIMITS.shortChars), v.description('process.platform, e.g. "linux"')),
  arch: v.pipe(text(LIMITS.shortChars), v.description('process.arch, e.g. "x64"')),
  cpuModel: text(LIMITS.shortChars),
  logicalCpus: v.pipe(count(), v.description('CPUs the OS reports for the whole host')),
  availableCpus: v.pipe(
    count(),
    v.description('usable CPUs: min(affinity mask, ceil(cgroup quota))'),
  ),
  physicalCores: v.pipe(count(), v.description('distinct physical cores inside the affinity mask')),
  fingerprint: v.pipe(
    fingerprint(),
    v.description('stable hash of the fields that make runs comparable'),
  ),
  affinityCpus: v.optional(count()),
  cgroupQuotaCpus: v.optional(v.nullable(positive())),
  peakGflops: v.optional(v.nullable(PeakEstimateSchema)),
  affinityCpuList: v.optional(text()),
  numaNodes: v.optional(list(NumaNodeSchema, LIMITS.threads)),
  cgroupQuotaSource: v.optional(v.nullable(text())),
  onnxruntime: v.optional(text(LIMITS.shortChars)),
  engine: v.optional(
    v.pipe(
      text(LIMITS.shortChars),
      v.description('the engine of the built-in MatMul when not ONNX Runtime (in the fingerprint)'),
    ),
  ),
  notes: v.optional(list(text(), LIMITS.listEntries)),
});

export const RuntimeSchema = record({
  onnxruntime: text(LIMITS.shortChars),
  node: text(LIMITS.shortChars),
});

export const PointSchema = record({
  threads: threads(),
  samplesNs: v.pipe(
    list(ns(), LIMITS.samplesPerCell, 1),
    v.description('raw samples, ns per operation'),
  ),
  rounds: v.optional(
    v.pipe(list(index(), LIMITS.samplesPerCell), v.description('the round of each sample')),
  ),
  medianNs: v.pipe(ns(), v.description('median of the visit medians')),
  ci95Ns: v.pipe(
    pair(ns(), `two durations in ns [lo, hi] with 0 < lo ≤ hi ≤ ${LIMITS.maxNs}`),
    v.description('distribution-free CI of that median, over the visit medians'),
  ),
  ciHalfWidthRel: v.optional(nonNegative()),
  gflops: v.optional(v.nullable(nonNegative('null or a number ≥ 0'))),
  peakFraction: v.optional(v.nullable(nonNegative('null or a number ≥ 0'))),
  speedup: v.optional(v.nullable(positive('null or a number > 0'))),
  overheadShare: v.optional(v.nullable(nonNegative('null or a number ≥ 0'))),
  converged: v.optional(v.boolean('true or false')),
  runtimeThreads: v.optional(
    v.pipe(
      v.nullable(threads()),
      v.description(
        'the thread count the runtime reported for this cell (a worker); null: not said',
      ),
    ),
  ),
});

export const EngineSchema = record({
  name: nonEmpty(100),
  version: text(100),
  parallelBackend: v.optional(text(LIMITS.shortChars)),
  parallelInfo: v.optional(text(2000)),
});

export const ThroughputPointSchema = record({
  workers: count(),
  threadsPerWorker: threads(),
  requestsPerSec: rate('gt'),
  ci95: pair(rate('min'), 'two rates [lo, hi] with 0 ≤ lo ≤ hi'),
  p50Ns: ns(),
  p99Ns: ns(),
  windows: v.optional(list(rate('gt'), LIMITS.samplesPerCell)),
  rounds: v.optional(list(index(), LIMITS.samplesPerCell)),
});

export const SplitSchema = record({
  workers: count(),
  threadsPerWorker: threads(),
  reason: v.optional(text()),
});

export const ThroughputResultSchema = record({
  points: list(ThroughputPointSchema, LIMITS.pointsPerWorkload),
  recommended: SplitSchema,
});

export const WorkloadResultSchema = record({
  id: nonEmpty(),
  kind: oneOf(WORKLOAD_KINDS),
  label: v.pipe(text(), v.description('human description, e.g. "MatMul 256×256×256 (float32)"')),
  points: list(PointSchema, LIMITS.pointsPerWorkload, 1),
  fastest: record({ threads: threads() }),
  recommended: record({ threads: threads(), reason: v.optional(text()) }),
  mlasMaxThreads: v.optional(num('a positive integer', { integer: true, min: 1 })),
  flopsPerOp: v.optional(v.nullable(nonNegative())),
  opsPerCall: v.optional(num('an integer ≥ 1', { integer: true, min: 1 })),
  metric: v.optional(record({ name: text(), unit: text(LIMITS.shortChars) })),
  contentHash: v.optional(v.nullable(text(LIMITS.shortChars))),
  details: v.optional(v.record(v.string(), v.unknown(), 'an object')),
  engine: v.optional(
    v.pipe(
      EngineSchema,
      v.description('the runtime that ran the workload, as it reported itself (a worker)'),
    ),
  ),
  throughput: v.optional(ThroughputResultSchema),
});

export const ResultSchema = v.pipe(
  record({
    schemaVersion: literal(1, '1 (a newer threadgate may have written it)'),
    tool: record({ name: literal('threadgate'), version: text(64) }),
    createdAt: date(),
    machine: MachineSchema,
    runtime: RuntimeSchema,
    settings: record({
      maxTimeSec: positive(),
      targetPrecision: positive(),
      tolerance: nonNegative(),
      seed: num('a finite number'),
      objective: v.optional(oneOf(OBJECTIVES)),
    }),
    overhead: v.optional(
      v.nullable(
        record({
          perCallNs: ns(),
          ci95Ns: pair(ns(), 'two durations in ns [lo, hi] with 0 < lo ≤ hi'),
        }),
      ),
      null,
    ),
    workloads: list(WorkloadResultSchema, LIMITS.workloads, 1),
    recommendation: record({
      ompNumThreads: threads(),
      ortIntraOpNumThreads: threads(),
      basis: text(),
      throughput: v.optional(
        record({ workers: count(), threadsPerWorker: threads(), basis: v.optional(text()) }),
      ),
    }),
    reference: v.optional(
      v.pipe(
        record({
          id: nonEmpty(),
          point: PointSchema,
          measured: oneOf(REFERENCE_SOURCES),
        }),
        v.description(
          "the runner-speed reference cell (the built-in MatMul 256² at 1 thread) measured in this run's rounds; the stored gate divides by it (normalize: auto)",
        ),
      ),
    ),
    elapsedSec: nonNegative(),
    skipped: v.optional(
      list(
        record({ workload: text(), threads: threads(), reason: text() }),
        LIMITS.workloads * LIMITS.pointsPerWorkload,
      ),
    ),
  }),
  v.title('threadgate results (schemaVersion 1)'),
  v.description(
    'One sweep: the machine, each (workload, threads) cell with its samples and statistics, and the recommendation. Fields may be added; required ones never change within a schemaVersion.',
  ),
);

// --- baseline history ---------------------------------------------------------------------------

export const BaselineRunSchema = record({
  createdAt: date(),
  ref: v.optional(text()),
  sha: v.optional(text()),
  reference: v.optional(
    v.pipe(
      record({ id: nonEmpty(), threads: threads(), medianNs: ns() }),
      v.description("the run's reference cell median (runner-speed normalization)"),
    ),
  ),
  kept: v.optional(
    v.pipe(
      oneOf(THINNED_TIERS),
      v.description(
        'an older run kept by thinning (one per day, then one per week); the gate reads only the runs without it',
      ),
    ),
  ),
  workloads: list(
    record({
      id: nonEmpty(),
      contentHash: v.optional(v.nullable(text(LIMITS.shortChars))),
      points: list(record({ threads: threads(), medianNs: ns() }), LIMITS.pointsPerWorkload),
    }),
    LIMITS.workloads * 2,
  ),
});

export const BaselineDocumentSchema = v.pipe(
  record({
    schemaVersion: literal(1, '1 (a newer threadgate may have written it)'),
    kind: literal(DOCUMENT_KINDS.baseline),
    fingerprint: fingerprint(),
    machine: MachineSchema,
    runs: v.pipe(
      list(BaselineRunSchema, LIMITS.runs, 1),
      v.description('run-level medians of the stored runs, oldest first'),
    ),
    latest: v.pipe(ResultSchema, v.description('the newest run, whole')),
  }),
  v.title('threadgate baseline history (schemaVersion 1)'),
  v.description('The history of baseline runs of one machine kind and scope.'),
);

// --- comparison ---------------------------------------------------------------------------------

const triState = () => v.nullable(v.boolean('true, false or null'));

export const CellChecksSchema = record({
  slowdown: v.boolean('true or false'),
  ciAboveOne: triState(),
  significant: triState(),
  beyondHistory: triState(),
  beyondColdStart: v.optional(triState(), null),
});

export const ComparisonCellSchema = record({
  workload: text(),
  threads: threads(),
  baselineMedianNs: positive(),
  currentMedianNs: positive(),
  ratio: positive(),
  rawRatio: v.optional(
    v.pipe(
      v.nullable(positive()),
      v.description('the ratio before runner-speed normalization (null: not normalized)'),
    ),
    null,
  ),
  ci95: v.nullable(
    pair(
      positive('null or [lo, hi] with 0 < lo ≤ hi, finite'),
      'null or [lo, hi] with 0 < lo ≤ hi, finite',
    ),
  ),
  /** The level of ci95; absent in older files (then settings.confidence). */
  ciLevel: v.optional(fraction()),
  unit: v.optional(oneOf(COMPARISON_UNITS), 'samples'),
  pValue: v.nullable(probability()),
  pAdjusted: v.nullable(probability()),
  predictionLimitRatio: v.optional(v.nullable(positive()), null),
  historyRuns: v.optional(index(), 0),
  gated: v.boolean('true or false'),
  gatedAs: v.optional(list(oneOf(GATE_ROLES), GATE_ROLES.length), []),
  status: oneOf(CELL_STATUSES),
  regression: v.boolean('true or false'),
  contentChanged: v.optional(v.boolean('true or false'), false),
  duet: v.optional(
    v.pipe(
      v.boolean('true or false'),
      v.description(
        'same job: measured as duets (base and head at the same time on disjoint pinned CPU sets); false or absent: in sequential blocks',
      ),
    ),
    false,
  ),
  /** Absent in older files: then derived from the ratio and the CI. */
  checks: v.optional(CellChecksSchema),
});

export const CompareSettingsSchema = record({
  threshold: nonNegative(),
  confidence: fraction(),
  minHistory: num('an integer ≥ 2', { integer: true, min: 2 }),
  coldStartThreshold: nonNegative(),
  gate: oneOf(GATE_MODES),
  force: v.boolean('true or false'),
  seed: v.optional(num('a finite number'), DEFAULT_COMPARE_SEED),
  resamples: v.optional(num('an integer ≥ 1', { integer: true, min: 1 }), DEFAULT_RESAMPLES),
  familySize: v.optional(v.nullable(num('an integer ≥ 1', { integer: true, min: 1 })), null),
  normalize: v.optional(oneOf(NORMALIZE_MODES), 'none'),
});

/** Runner-speed normalization as the stored gate applied it (analysis/normalize.ts). */
export const NormalizationSchema = record({
  reference: v.pipe(text(), v.description('the reference cell, e.g. "matmul:256 @ 1"')),
  used: v.boolean('true or false'),
  reason: text(),
  runnerRatio: v.pipe(
    v.nullable(positive()),
    v.description("this run's reference median / the baseline run's (> 1: a slower runner)"),
  ),
});

/** One change point of a cell's stored history (analysis/changes.ts; `threadgate baseline changes`). */
export const ChangePointSchema = record({
  workload: text(),
  threads: threads(),
  index: v.pipe(index(), v.description('the first run of the new segment, oldest run 0')),
  createdAt: date(),
  sha: v.nullable(text(LIMITS.shortChars)),
  ratio: v.pipe(positive(), v.description('median after / median before; > 1 is slower')),
  ci: v.pipe(
    pair(positive('[lo, hi] with 0 < lo ≤ hi, finite'), '[lo, hi] with 0 < lo ≤ hi, finite'),
    v.description('95 % percentile-bootstrap CI of the ratio'),
  ),
});

const strings = () => v.optional(list(text(), LIMITS.listEntries), []);
const diffValue = () => v.union([text(), num('a finite number')], 'a string or a finite number');

export const ComparisonSchema = v.pipe(
  record({
    schemaVersion: literal(1, '1 (a newer threadgate may have written it)'),
    kind: literal(
      DOCUMENT_KINDS.comparison,
      `"${DOCUMENT_KINDS.comparison}" (a threadgate compare --json file)`,
    ),
    verdict: oneOf(VERDICTS),
    reason: text(),
    settings: CompareSettingsSchema,
    baseline: v.nullable(
      record({
        source: text(),
        fingerprint: text(),
        runs: num('an integer ≥ 1', { integer: true, min: 1 }),
        latestCreatedAt: text(),
      }),
    ),
    current: record({ fingerprint: text(), createdAt: text() }),
    forced: v.optional(v.boolean('true or false'), false),
    machineDifferences: v.optional(
      list(
        record({
          field: oneOf(FINGERPRINT_FIELD_NAMES),
          baseline: diffValue(),
          current: diffValue(),
        }),
        FINGERPRINT_FIELD_NAMES.length,
      ),
      [],
    ),
    cells: list(ComparisonCellSchema, LIMITS.cells),
    maxSlowdown: v.nullable(num('a finite number or null')),
    workloadsOnlyInBaseline: strings(),
    workloadsOnlyInCurrent: strings(),
    notes: strings(),
    changes: v.pipe(
      v.optional(list(ChangePointSchema, LIMITS.cells), []),
      v.description('change points in the stored history of the gated cells'),
    ),
    normalization: v.optional(v.nullable(NormalizationSchema), null),
  }),
  v.title('threadgate comparison (schemaVersion 1)'),
  v.description(
    "The gate's verdict on one run against a baseline (threadgate compare --json). Fields may be added; required ones never change within a schemaVersion.",
  ),
);

// --- report bundle manifest -----------------------------------------------------------------------

const SHA_EXPECTED = 'null or a commit sha (40 or 64 lowercase hexadecimal digits)';
const sha = () =>
  v.nullable(
    v.pipe(v.string(SHA_EXPECTED), v.regex(/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/, SHA_EXPECTED)),
  );
const decimal = (what: string) => printable(20, /^[1-9][0-9]{0,19}$/, `${what} (decimal digits)`);

export const BundleManifestSchema = v.pipe(
  v.strictObject(
    {
      schemaVersion: literal(1, '1 (a newer threadgate may have written it)'),
      kind: literal(DOCUMENT_KINDS.manifest),
      tool: v.strictObject(
        {
          name: literal('threadgate'),
          version: printable(64, /^[0-9A-Za-z.+-]+$/, 'a version such as "1.2.3"'),
        },
        'an object { name: "threadgate", version }',
      ),
      leg: v.pipe(
        printable(LIMITS.labelChars),
        v.description('the leg as the report names it: its comment-key, else job and runner'),
      ),
      stickyKey: printable(1000),
      repository: printable(
        201,
        /^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/,
        'a repository "owner/name"',
      ),
      eventName: printable(100, /^[a-z_]+$/, 'an event name such as "pull_request"'),
      pullNumber: v.nullable(
        num(`null or a pull request number (an integer from 1 to ${LIMITS.pullNumber})`, {
          integer: true,
          min: 1,
          max: LIMITS.pullNumber,
        }),
      ),
      headSha: sha(),
      baseSha: sha(),
      workflow: printable(1000),
      job: printable(200),
      runId: decimal('a run id'),
      runAttempt: decimal('a run attempt'),
      createdAt: v.pipe(
        printable(40),
        v.check((s) => Number.isFinite(Date.parse(s)), ISO_DATE),
      ),
      comparison: v.boolean('true or false'),
    },
    'a JSON object',
  ),
  v.readonly(),
  v.title('threadgate report bundle manifest (schemaVersion 1)'),
  v.description('Which run and leg a report bundle is from. No other field is allowed.'),
);

// --- the types ----------------------------------------------------------------------------------

export type MachineInfo = v.InferOutput<typeof MachineSchema>;
export type NumaNodeInfo = v.InferOutput<typeof NumaNodeSchema>;
export type PeakEstimate = v.InferOutput<typeof PeakEstimateSchema>;
export type RuntimeInfo = v.InferOutput<typeof RuntimeSchema>;
export type Point = v.InferOutput<typeof PointSchema>;
export type ThroughputPoint = v.InferOutput<typeof ThroughputPointSchema>;
export type ThroughputResult = v.InferOutput<typeof ThroughputResultSchema>;
export type WorkloadResult = v.InferOutput<typeof WorkloadResultSchema>;
export type Result = v.InferOutput<typeof ResultSchema>;
export type EngineInfo = v.InferOutput<typeof EngineSchema>;
export type BaselineRun = v.InferOutput<typeof BaselineRunSchema>;
export type BaselineWorkload = BaselineRun['workloads'][number];
export type BaselinePoint = BaselineWorkload['points'][number];
export type BaselineDocument = v.InferOutput<typeof BaselineDocumentSchema>;
export type ComparisonJson = v.InferOutput<typeof ComparisonSchema>;
export type ComparisonCellJson = v.InferOutput<typeof ComparisonCellSchema>;
export type CellChecks = v.InferOutput<typeof CellChecksSchema>;
export type CompareSettings = v.InferOutput<typeof CompareSettingsSchema>;
export type ChangePointJson = v.InferOutput<typeof ChangePointSchema>;
export type NormalizationJson = v.InferOutput<typeof NormalizationSchema>;
export type BundleManifest = v.InferOutput<typeof BundleManifestSchema>;

/** The documents, by the name `schema/<name>.schema.json` publishes them under. */
export const DOCUMENT_SCHEMAS = {
  results: ResultSchema,
  baseline: BaselineDocumentSchema,
  comparison: ComparisonSchema,
  manifest: BundleManifestSchema,
} as const;
export type DocumentName = keyof typeof DOCUMENT_SCHEMAS;
