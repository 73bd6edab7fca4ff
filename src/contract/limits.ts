/**
 * Every limit and every list of names the documents share, in one place: the schemas
 * (schema.ts), the writers that check numbers at their source, and the published
 * `schema/*.json` all read them from here.
 *
 * A `file:` baseline, a report bundle, a comparison or a results file is data a pull request can
 * change: these bound the memory and the time it can make threadgate spend (a 50 MB results file
 * once took 79 s of CPU to compare; `--baseline /dev/zero` read 600 MB before failing). Real
 * files are far below: a default sweep's results file is about 1 MB; the engine takes at most
 * 5000 samples per cell.
 */

export const LIMITS = {
  /** Bytes of a results or baseline file. */
  fileBytes: 32 * 1024 * 1024,
  /** Bytes of a comparison file (a 1,000-cell comparison is about 700 kB). */
  comparisonBytes: 4 * 1024 * 1024,
  /** Bytes of a bundle manifest (a real one is under 1 kB). */
  manifestBytes: 64 * 1024,
  workloads: 256,
  pointsPerWorkload: 512,
  samplesPerCell: 20_000,
  /** Runs kept in one baseline history. */
  runs: 1000,
  /** Thread counts, worker counts and CPU counts: 1 to this. */
  threads: 16_384,
  /** Characters of a workload id (a command line can be long) and of other long strings. */
  idChars: 4096,
  /** Characters of a short string: an OS, an arch, a CPU model, a version. */
  shortChars: 200,
  /** Cells of one comparison (a sweep of 100 workloads × 100 thread counts). */
  cells: 10_000,
  /** Entries of a list of notes or names. */
  listEntries: 1000,
  /** ns: nothing measured here takes 11.6 days. */
  maxNs: 1e15,
  /** Requests per second: more than any CPU serves. */
  maxRate: 1e12,
  /** Characters of a bundle's leg label. */
  labelChars: 300,
  /** Pull request numbers are positive 32-bit integers on GitHub. */
  pullNumber: 2 ** 31 - 1,
} as const;

export const WORKLOAD_KINDS = ['matmul', 'model', 'command', 'worker'] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

/** The runtimes the built-in MatMul runs in (`--engine`). */
export const ENGINES = ['onnxruntime', 'torch'] as const;
export type Engine = (typeof ENGINES)[number];

export const OBJECTIVES = ['latency', 'throughput'] as const;
export type Objective = (typeof OBJECTIVES)[number];

export const VERDICTS = ['pass', 'regression', 'inconclusive', 'no-baseline'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const CELL_STATUSES = ['regression', 'inconclusive', 'pass'] as const;
export type CellStatus = (typeof CELL_STATUSES)[number];

export const GATE_ROLES = ['recommended', 'fastest'] as const;
export type GateRole = (typeof GATE_ROLES)[number];

/** What the within-run statistics of a comparison count as one observation. */
export const COMPARISON_UNITS = ['visits', 'sessions', 'samples'] as const;
export type ComparisonUnit = (typeof COMPARISON_UNITS)[number];

/**
 * How the runner-speed reference cell of a run was measured: as one of the run's own cells
 * (the built-in MatMul sweep has it) or added to the run's rounds for the purpose.
 */
export const REFERENCE_SOURCES = ['in-run', 'added'] as const;
export type ReferenceSource = (typeof REFERENCE_SOURCES)[number];

/** `normalize`: divide by the reference cell where the history allows (auto), or never. */
export const NORMALIZE_MODES = ['auto', 'none'] as const;
export type NormalizeMode = (typeof NORMALIZE_MODES)[number];

/** `duet`: measure the same-job cells that fit twice in the CPUs as duets (auto), or never. */
export const DUET_MODES = ['auto', 'off'] as const;
export type DuetMode = (typeof DUET_MODES)[number];
/**
 * Off until a sitting shows duets gain: in the in-sample sittings of 2026-12-03 on 2 vCPUs
 * (docs/BENCHMARKS.md) sequential blocks resolved the 1-thread cell as well or better, and
 * with the 2-thread cell in the job the 1-thread duets were the noisier (block spread 6–11 %
 * against 1.2–1.6 %).
 */
export const DEFAULT_DUET: DuetMode = 'off';

/** Why an older run stays in a thinned history (baseline/history.ts thinRuns). */
export const THINNED_TIERS = ['daily', 'weekly'] as const;
export type ThinnedTier = (typeof THINNED_TIERS)[number];

export const GATE_MODES = ['deployed', 'all'] as const;
export type GateMode = (typeof GATE_MODES)[number];

/**
 * The machine fields the fingerprint hashes, in hashing order. `engine` (the runtime of the
 * built-in MatMul when it is not ONNX Runtime, e.g. "torch 2.5.1 OpenMP") is hashed only when
 * set, so fingerprints of ONNX Runtime runs are what they always were.
 */
export const FINGERPRINT_FIELD_NAMES = [
  'os',
  'arch',
  'cpuModel',
  'availableCpus',
  'physicalCores',
  'onnxruntime',
  'engine',
] as const;
export type FingerprintField = (typeof FINGERPRINT_FIELD_NAMES)[number];

export const DOCUMENT_KINDS = {
  baseline: 'threadgate-baseline',
  comparison: 'threadgate-comparison',
  manifest: 'threadgate-report-bundle',
} as const;

/** The file names of a report bundle, fixed: nothing in a bundle names a path. */
export const BUNDLE_FILES = {
  manifest: 'threadgate-bundle.json',
  results: 'results.json',
  comparison: 'comparison.json',
} as const;

/** Seed and resample count of the comparison's bootstrap when a file does not say. */
export const DEFAULT_COMPARE_SEED = 0x7468;
export const DEFAULT_RESAMPLES = 2000;

/**
 * Characters that are never shown as they are: control characters (C0, DEL, C1), format
 * characters (Unicode category Cf: direction marks, embeddings, overrides and isolates, U+061C,
 * zero-width spaces and joiners, U+2060 word joiner, the byte-order mark, soft hyphens…), line
 * and paragraph separators, and unpaired surrogates.
 */
export const UNPRINTABLE_SOURCE =
  '[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
