/**
 * Helpers shared by the stats modules. Not part of the public API (not re-exported by
 * `index.ts`): input validation, in-place selection on typed arrays, and type-7 quantiles of a
 * sorted typed array.
 */

/** Any array-like of numbers the helpers read (plain arrays and typed arrays). */
export type NumberArrayLike = ArrayLike<number>;

/**
 * Throw a RangeError unless `xs` is non-empty and every element is a finite number.
 * @param fn Name of the public function, used in the message.
 * @param name Name of the argument, used in the message.
 */
export function assertFiniteSample(xs: NumberArrayLike, fn: string, name = 'xs'): void {
  if (xs.length === 0) throw new RangeError(`${fn}: ${name} must not be empty`);
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i]!;
    if (!Number.isFinite(v)) {
      throw new RangeError(`${fn}: ${name}[${i}] must be a finite number; got ${String(v)}`);
    }
  }
}

/** Like {@link assertFiniteSample}, and every element must be > 0 (latencies, ratios). */
export function assertPositiveSample(xs: NumberArrayLike, fn: string, name = 'xs'): void {
  assertFiniteSample(xs, fn, name);
  for (let i = 0; i < xs.length; i++) {
    if (!(xs[i]! > 0)) {
      throw new RangeError(`${fn}: ${name}[${i}] must be > 0; got ${String(xs[i])}`);
    }
  }
}

/** Throw a RangeError unless 0 < confidence < 1. */
export function assertConfidence(confidence: number, fn: string): void {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`${fn}: confidence must be in (0, 1); got ${String(confidence)}`);
  }
}

/**
 * Partially order `a[left..right]` in place so that `a[k]` holds the value it would have if that
 * range were sorted, everything before it is ≤ and everything after it is ≥ (Hoare partition,
 * median-of-three pivot; robust to many equal values, which bootstrap resamples have).
 * Expected O(right − left). No NaN allowed.
 * @returns a[k] after selection.
 */
export function selectInPlace(a: Float64Array, k: number, left = 0, right = a.length - 1): number {
  let lo = left;
  let hi = right;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const x0 = a[lo]!;
    const x1 = a[mid]!;
    const x2 = a[hi]!;
    // Median of three values as the pivot value (it is present in the range, as Hoare needs).
    const pivot = x0 < x1 ? (x1 < x2 ? x1 : x0 < x2 ? x2 : x0) : x0 < x2 ? x0 : x1 < x2 ? x2 : x1;
    let i = lo;
    let j = hi;
    do {
      while (a[i]! < pivot) i++;
      while (pivot < a[j]!) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    } while (i <= j);
    if (j < k) lo = i;
    if (k < i) hi = j;
  }
  return a[k]!;
}

/** Smallest value of a[from..to] (inclusive). */
function minOfRange(a: Float64Array, from: number, to: number): number {
  let m = a[from]!;
  for (let i = from + 1; i <= to; i++) if (a[i]! < m) m = a[i]!;
  return m;
}

/**
 * Median of the first `n` elements of `a`, reordering them in place (no allocation).
 * Even n: mean of the two middle values.
 */
export function medianInPlace(a: Float64Array, n = a.length): number {
  const half = n >>> 1;
  if (n % 2 === 1) return selectInPlace(a, half, 0, n - 1);
  const lower = selectInPlace(a, half - 1, 0, n - 1);
  // After selection every element right of half − 1 is ≥ lower; the upper middle is their minimum.
  return (lower + minOfRange(a, half, n - 1)) / 2;
}

/**
 * Type-7 quantile (R's default, numpy's 'linear') of an ascending-sorted array:
 * h = (n − 1)·p, result = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]).
 */
export function quantileOfSorted(sorted: NumberArrayLike, p: number): number {
  const n = sorted.length;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const frac = h - lo;
  const a = sorted[lo]!;
  if (frac === 0 || lo + 1 >= n) return a;
  return a + frac * (sorted[lo + 1]! - a);
}

/**
 * Median of one with-replacement resample of `sorted` (ascending), drawn with `rand`, in O(n)
 * and without allocating: the n draws only increment `counts` (scratch, length n), a counting
 * sort of the resample, then a walk up the cumulative counts finds the middle order statistics.
 * Equivalent to drawing n values and taking their median, and 2–3× faster than a quickselect
 * on the drawn values.
 */
export function resampledMedianOfSorted(
  sorted: Float64Array,
  counts: Uint32Array,
  rand: () => number,
): number {
  const n = sorted.length;
  counts.fill(0);
  for (let d = 0; d < n; d++) counts[Math.floor(rand() * n)]!++;
  const kLo = (n - 1) >>> 1; // 0-based rank of the lower middle value
  const kHi = n >>> 1; // of the upper middle value (the same when n is odd)
  let i = 0;
  let seen = counts[0]!; // number of resampled values ≤ sorted[i]
  while (seen <= kLo) seen += counts[++i]!;
  const lo = sorted[i]!;
  while (seen <= kHi) seen += counts[++i]!;
  return (lo + sorted[i]!) / 2;
}
