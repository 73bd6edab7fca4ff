/**
 * Hypothesis tests, location-shift estimate, prediction limit, multiplicity correction.
 */
import jStat from 'jstat';
import { ALPHA_GRID, K_TABLE, N_GRID } from './robust-limit-table.js';
import { mean, median, sampleStdDev } from './describe.js';
import { assertConfidence, assertFiniteSample, medianInPlace } from './internal.js';

/** Alternative hypothesis of {@link mannWhitneyU}: `greater` means x tends to be larger than y. */
export type Alternative = 'two-sided' | 'less' | 'greater';

/** Result of {@link mannWhitneyU}. */
export interface MannWhitneyResult {
  /** U statistic of x: the number of pairs (x_i, y_j) with x_i > y_j, ties counting ½. */
  u: number;
  /** p-value of the chosen alternative, in [0, 1]. */
  p: number;
}

/**
 * Chebyshev coefficients of erfc on [0, ∞) (Numerical Recipes, 3rd ed., §6.2.2, `Erf::erfccheb`;
 * the same ones jStat.erf uses). Evaluated directly rather than as 1 − erf, so the upper tail
 * keeps full relative precision (jStat.erfc = 1 − erf loses it beyond z ≈ 5 and is 0 past ≈ 8.3).
 */
const ERFC_COF = [
  -1.3026537197817094, 0.6419697923564902, 1.9476473204185836e-2, -9.561514786808631e-3,
  -9.46595344482036e-4, 3.66839497852761e-4, 4.2523324806907e-5, -2.0278578112534e-5,
  -1.624290004647e-6, 1.30365583558e-6, 1.5626441722e-8, -8.5238095915e-8, 6.529054439e-9,
  5.059343495e-9, -9.91364156e-10, -2.27365122e-10, 9.6467911e-11, 2.394038e-12, -6.886027e-12,
  8.94487e-13, 3.13092e-13, -1.12708e-13, 3.81e-16, 7.106e-15, -1.523e-15, -9.4e-17, 1.21e-16,
  -2.8e-17,
] as const;

/** erfc(z) for z ≥ 0, full relative precision. */
function erfcNonNegative(z: number): number {
  const t = 2 / (2 + z);
  const ty = 4 * t - 2;
  let d = 0;
  let dd = 0;
  for (let j = ERFC_COF.length - 1; j > 0; j--) {
    const tmp = d;
    d = ty * d - dd + ERFC_COF[j]!;
    dd = tmp;
  }
  return t * Math.exp(-z * z + 0.5 * (ERFC_COF[0] + ty * d) - dd);
}

/** Upper tail P(Z > z) of the standard normal distribution. */
function normalSf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  if (z >= 0) return 0.5 * erfcNonNegative(z / Math.SQRT2);
  return 1 - 0.5 * erfcNonNegative(-z / Math.SQRT2);
}

function sortedCopy(xs: readonly number[]): Float64Array {
  return Float64Array.from(xs).sort();
}

/**
 * Mann–Whitney U test (Wilcoxon rank-sum) with the normal approximation, tie correction and
 * continuity correction — the same as SciPy's
 * `mannwhitneyu(x, y, alternative, method='asymptotic', use_continuity=True)`:
 * U1 = R1 − n1(n1+1)/2 (R1: sum of the mid-ranks of x in the pooled sample);
 * σ² = n1·n2/12 · ((n + 1) − Σ(t³ − t)/(n(n − 1))) over tie groups of size t;
 * z = (U − n1·n2/2 − ½)/σ with U = U1 (`greater`), n1·n2 − U1 (`less`), or the larger of the
 * two (`two-sided`, p doubled and capped at 1). When every value is tied (σ = 0), p = 1.
 * O((n1 + n2) log(n1 + n2)).
 * @returns { u: U1 (always the U of x, whatever the alternative), p }.
 */
export function mannWhitneyU(
  x: readonly number[],
  y: readonly number[],
  alternative: Alternative = 'two-sided',
): MannWhitneyResult {
  const fn = 'mannWhitneyU';
  assertFiniteSample(x, fn, 'x');
  assertFiniteSample(y, fn, 'y');
  if (alternative !== 'two-sided' && alternative !== 'less' && alternative !== 'greater') {
    throw new RangeError(
      `${fn}: alternative must be 'two-sided', 'less' or 'greater'; got ${String(alternative)}`,
    );
  }
  const sx = sortedCopy(x);
  const sy = sortedCopy(y);
  const n1 = sx.length;
  const n2 = sy.length;
  const n = n1 + n2;
  // Merge the two sorted samples one distinct value at a time: each tie group of size t = cx + cy
  // occupies ranks passed+1 … passed+t, so each member gets the mid-rank passed + (t + 1)/2.
  let i = 0;
  let j = 0;
  let passed = 0;
  let rankSumX = 0;
  let tieTerm = 0;
  while (i < n1 || j < n2) {
    const v = j >= n2 || (i < n1 && sx[i]! <= sy[j]!) ? sx[i]! : sy[j]!;
    let cx = 0;
    let cy = 0;
    while (i < n1 && sx[i] === v) {
      i++;
      cx++;
    }
    while (j < n2 && sy[j] === v) {
      j++;
      cy++;
    }
    const t = cx + cy;
    rankSumX += cx * (passed + (t + 1) / 2);
    tieTerm += t * t * t - t;
    passed += t;
  }
  const u1 = rankSumX - (n1 * (n1 + 1)) / 2;
  const u2 = n1 * n2 - u1;
  const u = alternative === 'greater' ? u1 : alternative === 'less' ? u2 : Math.max(u1, u2);
  const factor = alternative === 'two-sided' ? 2 : 1;
  const sigma = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  if (!(sigma > 0)) return { u: u1, p: 1 };
  const z = (u - (n1 * n2) / 2 - 0.5) / sigma;
  const p = Math.min(1, Math.max(0, factor * normalSf(z)));
  return { u: u1, p };
}

/**
 * Hodges–Lehmann estimate of the shift from x to y: the median of all n1·n2 pairwise differences
 * y_j − x_i (positive when y tends to be larger). O(n1·n2) time and 8·n1·n2 bytes of scratch
 * (32 MB at 2000 × 2000).
 */
export function hodgesLehmannShift(x: readonly number[], y: readonly number[]): number {
  const fn = 'hodgesLehmannShift';
  assertFiniteSample(x, fn, 'x');
  assertFiniteSample(y, fn, 'y');
  const diffs = new Float64Array(x.length * y.length);
  let k = 0;
  for (let j = 0; j < y.length; j++) {
    const yj = y[j]!;
    for (let i = 0; i < x.length; i++) diffs[k++] = yj - x[i]!;
  }
  return medianInPlace(diffs);
}

/**
 * Quantile (inverse CDF) of Student's t distribution, via jStat.studentt.inv (relative accuracy
 * about 1e-8: jStat's inverse incomplete beta stops at that tolerance).
 * @param p Probability in (0, 1).
 * @param df Degrees of freedom, > 0 (need not be an integer).
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) {
    throw new RangeError(`studentTQuantile: p must be in (0, 1); got ${String(p)}`);
  }
  if (!(df > 0) || !Number.isFinite(df)) {
    throw new RangeError(`studentTQuantile: df must be a finite number > 0; got ${String(df)}`);
  }
  const q = jStat.studentt.inv(p, df);
  return q === 0 ? 0 : q; // jStat gives −0 at p = 0.5
}

/** CDF of Student's t with `df` degrees of freedom at `t` (jstat). */
export function studentTCdf(t: number, df: number): number {
  if (!Number.isFinite(t)) return t > 0 ? 1 : 0;
  if (!(df > 0) || !Number.isFinite(df)) {
    throw new RangeError(`studentTCdf: df must be a finite number > 0; got ${String(df)}`);
  }
  return jStat.studentt.cdf(t, df);
}

/** Mean, its standard error and the t interval of a small sample: the one-sample t procedure. */
export interface TInterval {
  readonly mean: number;
  /** s / √n; 0 when every value is the same. */
  readonly se: number;
  readonly df: number;
  readonly ci: readonly [number, number];
}

/** The two-sided `confidence` t interval of the mean of `xs` (n ≥ 2). */
export function tInterval(xs: readonly number[], confidence: number): TInterval {
  const fn = 'tInterval';
  assertFiniteSample(xs, fn);
  assertConfidence(confidence, fn);
  if (xs.length < 2) throw new RangeError(`${fn}: needs at least 2 values; got ${xs.length}`);
  const m = mean(xs);
  const se = sampleStdDev(xs) / Math.sqrt(xs.length);
  const df = xs.length - 1;
  const half = se === 0 ? 0 : studentTQuantile(1 - (1 - confidence) / 2, df) * se;
  return { mean: m, se, df, ci: [m - half, m + half] };
}

/**
 * One-sided p of the one-sample t test of "mean ≤ 0" against "mean > 0" (n ≥ 2): 1 − T(m/se).
 * With every value equal, 0 when they are positive, 1 otherwise.
 */
export function tTestGreater(xs: readonly number[]): number {
  const { mean: m, se, df } = tInterval(xs, 0.95);
  if (se === 0) return m > 0 ? 0 : 1;
  return 1 - studentTCdf(m / se, df);
}

/**
 * One-sided upper prediction limit for one new observation from the same normal population as
 * `history`: mean + t_{n−1, confidence} · s · sqrt(1 + 1/n), with s the sample standard
 * deviation. Needs n ≥ 2. (The gate applies it to log-medians of past runs.)
 */
export function tPredictionUpperLimit(history: readonly number[], confidence = 0.95): number {
  const fn = 'tPredictionUpperLimit';
  assertFiniteSample(history, fn, 'history');
  assertConfidence(confidence, fn);
  const n = history.length;
  if (n < 2) throw new RangeError(`${fn}: history needs at least 2 values; got ${n}`);
  return (
    mean(history) +
    studentTQuantile(confidence, n - 1) * sampleStdDev(history) * Math.sqrt(1 + 1 / n)
  );
}

/** A robust prediction limit and how it was built. */
export interface RobustLimit {
  /** median + k · MAD. */
  readonly limit: number;
  readonly center: number;
  /** The normal-consistent MAD, > 0. */
  readonly scale: number;
  /** The calibrated multiplier k(n, 1 − confidence). */
  readonly k: number;
}

/**
 * The calibrated multiplier k(n, α) of the robust prediction limit (see
 * {@link robustPredictionUpperLimit}), from the simulated table of robust-limit-table.ts:
 * interpolated linearly in (log α, log k) and in 1/n between grid points; the n = 200 row beyond
 * n = 200 (k decreases with n, so that errs wide).
 */
export function robustLimitMultiplier(n: number, alpha: number): number {
  const fn = 'robustLimitMultiplier';
  if (!Number.isInteger(n) || n < 2)
    throw new RangeError(`${fn}: n must be an integer ≥ 2; got ${n}`);
  if (!(alpha > 0 && alpha < 1))
    throw new RangeError(`${fn}: alpha must be in (0, 1); got ${alpha}`);
  // log k is close to linear in log α between grid points; beyond the grid the end segment is
  // extended (a power law in α: exact for the heavy tails of small n, wide for light tails).
  const la = Math.log(alpha);
  const grid = ALPHA_GRID.map(Math.log); // descending
  let j = grid.findIndex((g, idx) => idx < grid.length - 1 && la >= grid[idx + 1]!);
  if (j === -1) j = grid.length - 2;
  const w = (la - grid[j]!) / (grid[j + 1]! - grid[j]!);
  const logK = (row: readonly number[]): number =>
    (1 - w) * Math.log(row[j]!) + w * Math.log(row[j + 1]!);
  const i = N_GRID.indexOf(n);
  if (i !== -1) return Math.exp(logK(K_TABLE[i]!));
  const last = N_GRID.length - 1;
  if (n > N_GRID[last]!) return Math.exp(logK(K_TABLE[last]!));
  const hi = N_GRID.findIndex((g) => g > n);
  const [n0, n1] = [N_GRID[hi - 1]!, N_GRID[hi]!];
  const wn = (1 / n - 1 / n0) / (1 / n1 - 1 / n0);
  return Math.exp((1 - wn) * logK(K_TABLE[hi - 1]!) + wn * logK(K_TABLE[hi]!));
}

/**
 * One-sided upper prediction limit for one new observation from the same distribution as
 * `history`, with robust estimates: median + k · MAD, MAD normal-consistent (1.4826… · median
 * |x − median|). One contaminated run in a short history (a neighbour's burst) inflates a
 * standard deviation and hides real slowdowns; it barely moves the MAD. But the MAD is noisier
 * than the SD and biased at small n, and the median varies π/2 times more than the mean, so
 * t·√(1 + 1/n) is far too small a multiplier (nominal 1 % gave 4.7 % at n = 5, 2.7 % at 10):
 * k(n, 1 − confidence) is calibrated by simulation for normal noise so that the new observation
 * exceeds the limit with probability 1 − confidence (scripts/calibrate-robust-limit.ts).
 *
 * Returns null when the MAD is 0 — more than half of the history has the same value (a metric
 * in whole milliseconds): the history says nothing about the spread, and a limit at the median
 * would fire on any increase. n ≥ 2.
 */
export function robustPredictionUpperLimit(
  history: readonly number[],
  confidence = 0.95,
): RobustLimit | null {
  const fn = 'robustPredictionUpperLimit';
  assertFiniteSample(history, fn, 'history');
  assertConfidence(confidence, fn);
  const n = history.length;
  if (n < 2) throw new RangeError(`${fn}: history needs at least 2 values; got ${n}`);
  const center = median(history);
  // 1 / Φ⁻¹(3/4): makes the MAD a consistent estimate of σ for normal data.
  const scale = 1.482602218505602 * median(history.map((x) => Math.abs(x - center)));
  if (!(scale > 0)) return null;
  const k = robustLimitMultiplier(n, 1 - confidence);
  return { limit: center + k * scale, center, scale, k };
}

/**
 * Holm (1979) step-down adjusted p-values, in the order of the input, as R's
 * `p.adjust(p, "holm")`: sort ascending, multiply the i-th smallest (1-based) by m − i + 1, take
 * the running maximum, cap at 1. Every value must be in [0, 1]; an empty input gives [].
 */
export function holm(pValues: readonly number[]): number[] {
  const m = pValues.length;
  for (let i = 0; i < m; i++) {
    const p = pValues[i]!;
    if (!(p >= 0 && p <= 1)) {
      throw new RangeError(`holm: pValues[${i}] must be in [0, 1]; got ${String(p)}`);
    }
  }
  const order = Array.from({ length: m }, (_, i) => i).sort(
    (a, b) => pValues[a]! - pValues[b]! || a - b,
  );
  const adjusted = new Array<number>(m);
  let running = 0;
  for (let rank = 0; rank < m; rank++) {
    const idx = order[rank]!;
    running = Math.max(running, Math.min(1, (m - rank) * pValues[idx]!));
    adjusted[idx] = running;
  }
  return adjusted;
}
