/**
 * Descriptive statistics of one sample. Thin, validated wrappers over simple-statistics.
 * Every function throws a RangeError on an empty sample or a non-finite value.
 */
import * as ss from 'simple-statistics';
import { assertFiniteSample } from './internal.js';

/**
 * Sample median (mean of the two middle values for an even count).
 * Expected O(n): simple-statistics selects on a copy, the input is not modified.
 */
export function median(xs: readonly number[]): number {
  assertFiniteSample(xs, 'median');
  return ss.median(xs);
}

/**
 * Quantile of type 7 (Hyndman & Fan 1996; R's `quantile()` default, numpy's 'linear'):
 * with h = (n − 1)·p, the value x(⌊h⌋) + (h − ⌊h⌋)·(x(⌊h⌋+1) − x(⌊h⌋)) of the sorted sample.
 * @param p Probability in [0, 1].
 */
export function quantile(xs: readonly number[], p: number): number {
  assertFiniteSample(xs, 'quantile');
  if (!(p >= 0 && p <= 1)) {
    throw new RangeError(`quantile: p must be in [0, 1]; got ${String(p)}`);
  }
  return ss.quantile(xs, p);
}

/** Arithmetic mean (compensated summation). */
export function mean(xs: readonly number[]): number {
  assertFiniteSample(xs, 'mean');
  return ss.mean(xs);
}

/** Sample standard deviation, with Bessel's correction (divisor n − 1). Needs n ≥ 2. */
export function sampleStdDev(xs: readonly number[]): number {
  assertFiniteSample(xs, 'sampleStdDev');
  if (xs.length < 2) {
    throw new RangeError(`sampleStdDev: needs at least 2 values; got ${xs.length}`);
  }
  return ss.sampleStandardDeviation(xs);
}

/**
 * Geometric mean, computed as exp(mean(log x)) so that long samples of large values (latencies
 * in ns) cannot overflow. Values must be ≥ 0; any zero makes the result 0.
 */
export function geometricMean(xs: readonly number[]): number {
  assertFiniteSample(xs, 'geometricMean');
  for (let i = 0; i < xs.length; i++) {
    if (xs[i]! < 0) {
      throw new RangeError(`geometricMean: xs[${i}] must be ≥ 0; got ${String(xs[i])}`);
    }
  }
  return ss.logAverage(xs);
}

/**
 * Median absolute deviation, median(|x − median(x)|), raw (unscaled, like SciPy's
 * `median_abs_deviation` default). Multiply by 1.4826 for a normal-consistent σ estimate
 * (R's `mad()` default).
 */
export function medianAbsoluteDeviation(xs: readonly number[]): number {
  assertFiniteSample(xs, 'medianAbsoluteDeviation');
  return ss.medianAbsoluteDeviation(xs);
}
