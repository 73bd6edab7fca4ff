/**
 * Confidence intervals for medians and ratios of medians.
 *
 * - {@link medianCIOrderStat}: exact, distribution-free, no resampling (cheap enough to call
 *   after every measurement round).
 * - The bootstrap functions: percentile bootstrap (Efron), seeded and deterministic. A call
 *   allocates O(n + resamples) once (a sorted Float64Array copy, a Uint32Array of counts, the
 *   Float64Array of resampled statistics); each resample then costs O(n) with no allocation and
 *   no sort: its median comes from counting the draws over the sorted sample.
 */
import {
  assertConfidence,
  assertFiniteSample,
  assertPositiveSample,
  quantileOfSorted,
  resampledMedianOfSorted,
  selectInPlace,
} from './internal.js';
import { mulberry32 } from './random.js';

/** Options of the bootstrap functions. */
export interface BootstrapOptions {
  /** Two-sided confidence level, in (0, 1). Default 0.95. */
  confidence?: number;
  /** Number of bootstrap resamples, an integer ≥ 1. Default 2000. */
  resamples?: number;
  /** Seed of the {@link mulberry32} generator: the same inputs and seed give the same interval. */
  seed: number;
}

/** A ratio (current / base) with its confidence interval. */
export interface RatioCI {
  ratio: number;
  ci: [number, number];
}

const DEFAULT_CONFIDENCE = 0.95;
const DEFAULT_RESAMPLES = 2000;

interface ResolvedOptions {
  confidence: number;
  resamples: number;
  seed: number;
}

function resolveOptions(options: BootstrapOptions, fn: string): ResolvedOptions {
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  assertConfidence(confidence, fn);
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`${fn}: resamples must be an integer ≥ 1; got ${String(resamples)}`);
  }
  if (!Number.isFinite(options.seed)) {
    throw new RangeError(`${fn}: seed must be a finite number; got ${String(options.seed)}`);
  }
  return { confidence, resamples, seed: options.seed };
}

/**
 * Percentile interval of a bootstrap distribution: its type-7 quantiles at (1 − c)/2 and
 * (1 + c)/2, as `scipy.stats.bootstrap(method='percentile')` (numpy.percentile, 'linear').
 * Sorts `stats` in place.
 */
function percentileInterval(stats: Float64Array, confidence: number): [number, number] {
  stats.sort();
  const alpha = 1 - confidence;
  return [quantileOfSorted(stats, alpha / 2), quantileOfSorted(stats, 1 - alpha / 2)];
}

/** Median of an ascending-sorted, non-empty array. */
function medianOfSorted(sorted: Float64Array): number {
  const n = sorted.length;
  return (sorted[(n - 1) >>> 1]! + sorted[n >>> 1]!) / 2;
}

/**
 * Ranks (1-based) of the order statistics bounding the distribution-free CI of the median:
 * the largest k with P(B ≤ k − 1) ≤ (1 − confidence)/2, B ~ Binomial(n, 1/2), so that
 * P(x(k) ≤ median ≤ x(n−k+1)) = 1 − 2·P(B ≤ k − 1) ≥ confidence. Returns 0 when even
 * (x(1), x(n)) does not reach the confidence (n too small).
 */
function orderStatRank(n: number, confidence: number): number {
  const tail = ((1 - confidence) / 2) * (1 + 1e-12); // tolerance for exact dyadic boundaries
  // P(B = j) in log space from the recurrence P(j+1) = P(j)·(n − j)/(j + 1): no overflow for
  // any n, and terms below 1e-308 simply vanish from the running sum.
  let logPmf = -n * Math.LN2;
  let cdf = 0;
  let k = 0;
  for (let j = 0; j < n; j++) {
    cdf += Math.exp(logPmf);
    if (cdf > tail) break;
    k = j + 1; // P(B ≤ j) ≤ tail, so x(j+1) can be the lower bound
    logPmf += Math.log(n - j) - Math.log(j + 1);
  }
  return Math.min(k, Math.floor((n + 1) / 2));
}

/**
 * Distribution-free confidence interval of the median from binomial order statistics
 * (e.g. Conover, Practical Nonparametric Statistics, 3rd ed., §3.2; Hollander & Wolfe):
 * (x(k), x(n−k+1)) with k the largest rank such that 1 − 2·P(Binomial(n, ½) ≤ k − 1) ≥
 * confidence. Coverage is at least `confidence` for any continuous distribution; for n = 20 at
 * 95 % this is (x(6), x(15)).
 *
 * When n is too small for any pair of order statistics to reach the confidence (n ≤ 5 at 95 %),
 * returns (min, max), whose coverage 1 − 2^(1−n) is then below the nominal level.
 * O(n): two in-place selections on one Float64Array copy, no sort.
 * @returns [lo, hi], lo ≤ median ≤ hi.
 */
export function medianCIOrderStat(
  xs: readonly number[],
  confidence = DEFAULT_CONFIDENCE,
): [number, number] {
  assertFiniteSample(xs, 'medianCIOrderStat');
  assertConfidence(confidence, 'medianCIOrderStat');
  const n = xs.length;
  const k = Math.max(1, orderStatRank(n, confidence));
  const buf = Float64Array.from(xs);
  const lo = selectInPlace(buf, k - 1, 0, n - 1);
  // Everything right of k − 1 is ≥ lo, so the upper rank can be selected in that part alone.
  const hi = n - k === k - 1 ? lo : selectInPlace(buf, n - k, k, n - 1);
  return [lo, hi];
}

/**
 * Percentile bootstrap confidence interval of the median: `resamples` with-replacement resamples
 * of xs, the median of each, and the type-7 quantiles (1 ∓ confidence)/2 of those medians.
 * Deterministic for a given seed.
 * @returns [lo, hi].
 */
export function bootstrapMedianCI(
  xs: readonly number[],
  options: BootstrapOptions,
): [number, number] {
  const fn = 'bootstrapMedianCI';
  assertFiniteSample(xs, fn);
  const { confidence, resamples, seed } = resolveOptions(options, fn);
  const sorted = Float64Array.from(xs).sort();
  const counts = new Uint32Array(sorted.length);
  const stats = new Float64Array(resamples);
  const rand = mulberry32(seed);
  for (let b = 0; b < resamples; b++) stats[b] = resampledMedianOfSorted(sorted, counts, rand);
  return percentileInterval(stats, confidence);
}

/**
 * Ratio of medians median(cur) / median(base) with a percentile bootstrap CI, resampling the two
 * samples independently (unpaired) in each of the `resamples` rounds (base first, then cur, from
 * one seeded stream). All values must be > 0 (latencies).
 * @returns { ratio, ci: [lo, hi] }; ratio > 1 means `cur` is slower.
 */
export function bootstrapRatioOfMediansCI(
  base: readonly number[],
  cur: readonly number[],
  options: BootstrapOptions,
): RatioCI {
  const fn = 'bootstrapRatioOfMediansCI';
  assertPositiveSample(base, fn, 'base');
  assertPositiveSample(cur, fn, 'cur');
  const { confidence, resamples, seed } = resolveOptions(options, fn);
  const baseSorted = Float64Array.from(base).sort();
  const curSorted = Float64Array.from(cur).sort();
  const baseCounts = new Uint32Array(baseSorted.length);
  const curCounts = new Uint32Array(curSorted.length);
  const ratio = medianOfSorted(curSorted) / medianOfSorted(baseSorted);
  const stats = new Float64Array(resamples);
  const rand = mulberry32(seed);
  for (let b = 0; b < resamples; b++) {
    const baseMedian = resampledMedianOfSorted(baseSorted, baseCounts, rand);
    const curMedian = resampledMedianOfSorted(curSorted, curCounts, rand);
    stats[b] = curMedian / baseMedian;
  }
  return { ratio, ci: percentileInterval(stats, confidence) };
}

/**
 * Paired comparison: d_i = log(cur_i / base_i); ratio = exp(median d) with the percentile
 * bootstrap CI of median d (resampling the pairs), mapped back by exp. All values must be > 0.
 *
 * Call it with an array of [base, cur] pairs, or with two arrays of equal length.
 * @returns { ratio, ci: [lo, hi] }; ratio > 1 means `cur` is slower.
 */
export function bootstrapMedianOfLogRatiosCI(
  pairs: readonly (readonly [number, number])[],
  options: BootstrapOptions,
): RatioCI;
export function bootstrapMedianOfLogRatiosCI(
  base: readonly number[],
  cur: readonly number[],
  options: BootstrapOptions,
): RatioCI;
export function bootstrapMedianOfLogRatiosCI(
  first: readonly (readonly [number, number])[] | readonly number[],
  second: readonly number[] | BootstrapOptions,
  third?: BootstrapOptions,
): RatioCI {
  const fn = 'bootstrapMedianOfLogRatiosCI';
  let base: readonly number[];
  let cur: readonly number[];
  let options: BootstrapOptions;
  if (Array.isArray(second)) {
    if (third === undefined) throw new TypeError(`${fn}: options (with a seed) are required`);
    base = first as readonly number[];
    cur = second as readonly number[];
    options = third;
    if (base.length !== cur.length) {
      throw new RangeError(
        `${fn}: base and cur must have the same length; got ${base.length} and ${cur.length}`,
      );
    }
  } else {
    const ps = first as readonly (readonly [number, number])[];
    const b = new Array<number>(ps.length);
    const c = new Array<number>(ps.length);
    for (let i = 0; i < ps.length; i++) {
      const pair: unknown = ps[i];
      if (!Array.isArray(pair) || pair.length !== 2) {
        throw new TypeError(`${fn}: pairs[${i}] must be a [base, cur] pair`);
      }
      b[i] = pair[0] as number;
      c[i] = pair[1] as number;
    }
    base = b;
    cur = c;
    options = second as BootstrapOptions;
  }
  assertPositiveSample(base, fn, 'base');
  assertPositiveSample(cur, fn, 'cur');
  const { confidence, resamples, seed } = resolveOptions(options, fn);
  const n = base.length;
  const logRatios = new Float64Array(n);
  for (let i = 0; i < n; i++) logRatios[i] = Math.log(cur[i]! / base[i]!);
  logRatios.sort(); // resampling pairs = resampling their log-ratios; order does not matter
  const ratio = Math.exp(medianOfSorted(logRatios));
  const counts = new Uint32Array(n);
  const stats = new Float64Array(resamples);
  const rand = mulberry32(seed);
  for (let b = 0; b < resamples; b++) stats[b] = resampledMedianOfSorted(logRatios, counts, rand);
  const [lo, hi] = percentileInterval(stats, confidence);
  return { ratio, ci: [Math.exp(lo), Math.exp(hi)] };
}
