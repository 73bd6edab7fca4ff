/**
 * Tests of src/stats. Every reference value comes from an independent implementation, named in
 * the comment next to it (SciPy 1.17.1 / NumPy 2.4.6 under the pyenv python3, or a short
 * Python snippet quoted in full where no library function exists). Seeded randomness makes every
 * test deterministic; nothing here measures time.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  bootstrapMedianCI,
  bootstrapMedianOfLogRatiosCI,
  bootstrapRatioOfMediansCI,
  geometricMean,
  hodgesLehmannShift,
  holm,
  mannWhitneyU,
  mean,
  median,
  medianAbsoluteDeviation,
  medianCIOrderStat,
  mulberry32,
  quantile,
  sampleStdDev,
  studentTQuantile,
  tPredictionUpperLimit,
  robustLimitMultiplier,
  robustPredictionUpperLimit,
} from '../src/stats/index.js';
import { ALPHA_GRID, K_TABLE, N_GRID } from '../src/stats/robust-limit-table.js';
import { medianInPlace, resampledMedianOfSorted, selectInPlace } from '../src/stats/internal.js';

/** |actual − expected| ≤ atol + rtol·|expected| (numpy.isclose semantics). */
function assertClose(actual: number, expected: number, rtol = 1e-12, atol = 0, what = ''): void {
  const ok = Math.abs(actual - expected) <= atol + rtol * Math.abs(expected);
  assert.ok(ok, `${what} expected ${expected}, got ${actual} (rtol ${rtol}, atol ${atol})`);
}

function assertAllClose(actual: readonly number[], expected: readonly number[], rtol = 1e-12) {
  assert.equal(actual.length, expected.length);
  actual.forEach((a, i) => assertClose(a, expected[i]!, rtol, 0, `[${i}]`));
}

/** Deterministic pseudo-uniform in (0, 1), identical in the Python reference scripts. */
const u = (i: number, a: number, m: number): number => (((i * a) % m) + 0.5) / m;

/** Standard normal deviates by Box–Muller from a seeded mulberry32 stream. */
function normals(n: number, seed: number): number[] {
  const rand = mulberry32(seed);
  const out: number[] = [];
  while (out.length < n) {
    const u1 = 1 - rand(); // (0, 1]
    const u2 = rand();
    const r = Math.sqrt(-2 * Math.log(u1));
    out.push(r * Math.cos(2 * Math.PI * u2), r * Math.sin(2 * Math.PI * u2));
  }
  return out.slice(0, n);
}

describe('mulberry32', () => {
  // Python port of Tommy Ettinger's C reference (uint32 arithmetic):
  //   x = (x + 0x6D2B79F5) & M; z = x; z = ((z ^ (z >> 15)) * (z | 1)) & M
  //   z ^= (z + ((z ^ (z >> 7)) * (z | 61))) & M; z = (z ^ (z >> 14)) & M; yield z / 2**32
  const reference: Record<number, number[]> = {
    0: [
      0.26642920868471265, 0.0003297457005828619, 0.2232720274478197, 0.1462021479383111,
      0.46732782293111086,
    ],
    1: [
      0.6270739405881613, 0.002735721180215478, 0.5274470399599522, 0.9810509674716741,
      0.9683778982143849,
    ],
    123456789: [
      0.2577907438389957, 0.9707721115555614, 0.7853280142880976, 0.20616457983851433,
      0.30307188746519387,
    ],
    4294967295: [
      0.8964226141106337, 0.189478256739676, 0.7156526781618595, 0.9440599093213677,
      0.8452364315744489,
    ],
  };
  it('matches the reference sequence exactly', () => {
    for (const [seed, expected] of Object.entries(reference)) {
      const rand = mulberry32(Number(seed));
      assert.deepEqual(
        expected.map(() => rand()),
        expected,
        `seed ${seed}`,
      );
    }
  });
  it('reduces the seed with ToUint32 (−1 ≡ 2^32 − 1) and rejects non-finite seeds', () => {
    const a = mulberry32(-1);
    assert.equal(a(), reference[4294967295]![0]);
    assert.throws(() => mulberry32(NaN), RangeError);
    assert.throws(() => mulberry32(Infinity), RangeError);
  });
  it('stays in [0, 1)', () => {
    const rand = mulberry32(99);
    for (let i = 0; i < 100_000; i++) {
      const v = rand();
      assert.ok(v >= 0 && v < 1);
    }
  });
});

describe('describe.ts', () => {
  const x10 = [3.1, -2.5, 7.0, 7.0, 0.25, 12.5, 4.75, -1.0, 9.5, 2.0];
  const x7 = [5, 1, 4, 1, 5, 9, 2];
  const ps = [0, 0.1, 0.25, 0.5, 0.9, 0.975, 1];

  it('median', () => {
    // NumPy 2.4.6: numpy.median(x10), numpy.median(x7)
    assert.equal(median(x10), 3.925);
    assert.equal(median(x7), 4.0);
    assert.equal(median([42]), 42);
  });
  it('quantile is type 7 (numpy linear / R default)', () => {
    // NumPy 2.4.6: [numpy.quantile(x10, p) for p in (0, 0.1, 0.25, 0.5, 0.9, 0.975, 1)]
    assertAllClose(
      ps.map((p) => quantile(x10, p)),
      [-2.5, -1.15, 0.6875, 3.925, 9.799999999999999, 11.825000000000001, 12.5],
    );
    // NumPy 2.4.6: [numpy.quantile(x7, p) for p in (0, 0.1, 0.25, 0.5, 0.9, 0.975, 1)]
    assertAllClose(
      ps.map((p) => quantile(x7, p)),
      [1.0, 1.0, 1.5, 4.0, 6.600000000000001, 8.399999999999999, 9.0],
    );
    assert.equal(quantile([7], 0.3), 7);
    assert.throws(() => quantile(x7, 1.5), RangeError);
    assert.throws(() => quantile(x7, NaN), RangeError);
  });
  it('mean, sampleStdDev, medianAbsoluteDeviation, geometricMean', () => {
    // NumPy 2.4.6: numpy.mean(x10)
    assertClose(mean(x10), 4.26);
    // NumPy 2.4.6: numpy.std(x10, ddof=1)
    assertClose(sampleStdDev(x10), 4.790140336612743);
    // SciPy 1.17.1: scipy.stats.median_abs_deviation(x10), (x7)  (scale=1.0, unscaled)
    assertClose(medianAbsoluteDeviation(x10), 3.375);
    assertClose(medianAbsoluteDeviation(x7), 2.0);
    // SciPy 1.17.1: scipy.stats.gmean([1.5, 2.25, 40.0, 0.125, 7.0])
    assertClose(geometricMean([1.5, 2.25, 40.0, 0.125, 7.0]), 2.596978560508693);
  });
  it('geometricMean does not overflow on long samples of large values', () => {
    // 400 values of 1e6 ns multiply to 1e2400 (Infinity in doubles); the geometric mean is 1e6.
    assertClose(geometricMean(new Array<number>(400).fill(1e6)), 1e6, 1e-12);
    assert.equal(geometricMean([0, 5]), 0);
    assert.throws(() => geometricMean([1, -1]), RangeError);
  });
  it('rejects empty or non-finite samples', () => {
    for (const f of [median, mean, sampleStdDev, geometricMean, medianAbsoluteDeviation]) {
      assert.throws(() => f([]), RangeError, f.name);
      assert.throws(() => f([1, NaN, 2]), RangeError, f.name);
      assert.throws(() => f([1, Infinity]), RangeError, f.name);
    }
    assert.throws(() => sampleStdDev([1]), RangeError);
  });
});

describe('internal selection (oracle: a full sort)', () => {
  it('selectInPlace / medianInPlace agree with sorting, including heavy ties', () => {
    const rand = mulberry32(2024);
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + Math.floor(rand() * 60);
      const distinct = 1 + Math.floor(rand() * 8); // few distinct values: many ties
      const xs = Array.from({ length: n }, () => Math.floor(rand() * distinct));
      const sorted = [...xs].sort((a, b) => a - b);
      const k = Math.floor(rand() * n);
      assert.equal(selectInPlace(Float64Array.from(xs), k), sorted[k]);
      const expectedMedian = (sorted[(n - 1) >> 1]! + sorted[n >> 1]!) / 2;
      assert.equal(medianInPlace(Float64Array.from(xs)), expectedMedian);
    }
  });
  it('resampledMedianOfSorted equals the sorted median of the same draws', () => {
    for (const n of [1, 2, 3, 10, 11, 257]) {
      const sorted = Float64Array.from({ length: n }, (_, i) => i * 1.5 + (i % 3));
      sorted.sort();
      const counts = new Uint32Array(n);
      const a = mulberry32(n);
      const b = mulberry32(n);
      for (let r = 0; r < 50; r++) {
        const got = resampledMedianOfSorted(sorted, counts, a);
        const drawn = Array.from({ length: n }, () => sorted[Math.floor(b() * n)]!).sort(
          (p, q) => p - q,
        );
        assert.equal(got, (drawn[(n - 1) >> 1]! + drawn[n >> 1]!) / 2);
      }
    }
  });
});

describe('medianCIOrderStat', () => {
  /** Distinct values in scrambled order; the same formula is used in the SciPy script. */
  const osdata = (n: number) => Array.from({ length: n }, (_, i) => ((i * 7919) % 1009) / 10);

  it('n = 20 at 95 % is (x(6), x(15))', () => {
    // Published table "Confidence Intervals for the Population Median" (Table A.7, reproduced at
    // coursehero.com/file/5646626/A7): n = 20 → [x(6), x(15)] at 95.9 %; n = 12 → [x(3), x(10)]
    // at 96.1 %; n = 9 → [x(2), x(8)] at 96.1 %; n = 6 → [x(1), x(6)] at 96.9 %.
    // Same as 1 − 2·scipy.stats.binom.cdf(5, 20, 0.5) = 0.9586 ≥ 0.95 > 1 − 2·binom.cdf(6, 20, 0.5).
    const ranks = (n: number) => Array.from({ length: n }, (_, i) => n - i); // x(i) = i, reversed
    assert.deepEqual(medianCIOrderStat(ranks(20), 0.95), [6, 15]);
    assert.deepEqual(medianCIOrderStat(ranks(12), 0.95), [3, 10]);
    assert.deepEqual(medianCIOrderStat(ranks(9), 0.95), [2, 8]);
    assert.deepEqual(medianCIOrderStat(ranks(6), 0.95), [1, 6]);
    assert.deepEqual(medianCIOrderStat(ranks(20)), [6, 15]); // default confidence 0.95
  });

  it('matches scipy.stats.quantile_test(...).confidence_interval', () => {
    // SciPy 1.17.1: ci = scipy.stats.quantile_test(osdata(n), q=0, p=0.5).confidence_interval(conf)
    //   with osdata(n) = numpy.array([((i * 7919) % 1009) / 10 for i in range(n)]);
    //   rows are [n, conf, ci.low, ci.high]
    const rows: [number, number, number, number][] = [
      [6, 0.9, 0.0, 85.6],
      [7, 0.9, 0.0, 85.6],
      [8, 0.9, 9.1, 85.6],
      [9, 0.9, 9.1, 85.6],
      [10, 0.9, 9.1, 85.6],
      [12, 0.9, 24.4, 79.4],
      [20, 0.9, 24.4, 70.3],
      [29, 0.9, 33.5, 70.3],
      [50, 0.9, 39.3, 64.1],
      [100, 0.9, 42.2, 60.0],
      [501, 0.9, 46.5, 54.2],
      [1000, 0.9, 47.9, 53.2],
      [6, 0.95, 0.0, 85.6],
      [7, 0.95, 0.0, 85.6],
      [8, 0.95, 0.0, 94.7],
      [9, 0.95, 9.1, 85.6],
      [10, 0.95, 9.1, 85.6],
      [12, 0.95, 24.4, 79.4],
      [20, 0.95, 24.4, 70.3],
      [29, 0.95, 27.3, 73.2],
      [50, 0.95, 36.4, 67.0],
      [100, 0.95, 39.7, 60.8],
      [501, 0.95, 46.0, 54.7],
      [1000, 0.95, 47.4, 53.7],
      [8, 0.99, 0.0, 94.7],
      [9, 0.99, 0.0, 94.7],
      [10, 0.99, 0.0, 94.7],
      [12, 0.99, 9.1, 85.6],
      [20, 0.99, 12.0, 79.4],
      [29, 0.99, 24.4, 76.1],
      [50, 0.99, 33.1, 70.3],
      [100, 0.99, 36.4, 64.1],
      [501, 0.99, 44.4, 56.0],
      [1000, 0.99, 46.4, 54.7],
    ];
    for (const [n, conf, lo, hi] of rows) {
      assert.deepEqual(medianCIOrderStat(osdata(n), conf), [lo, hi], `n=${n} conf=${conf}`);
    }
  });

  it('falls back to (min, max) when n is too small (SciPy returns NaN there)', () => {
    // SciPy 1.17.1: quantile_test(osdata(5), q=0, p=0.5).confidence_interval(0.95) → (nan, nan);
    // our documented choice is (x(1), x(n)), whose coverage 1 − 2^(1−n) is below nominal.
    assert.deepEqual(medianCIOrderStat([3, 1, 2, 5, 4], 0.95), [1, 5]);
    assert.deepEqual(medianCIOrderStat([7], 0.95), [7, 7]);
  });

  it('covers the true median in 90–99 % of 200 seeded normal samples', () => {
    // Exact coverage for n = 30 is 1 − 2·scipy.stats.binom.cdf(9, 30, 0.5) = 0.957; observed 191/200.
    let hits = 0;
    for (let s = 0; s < 200; s++) {
      const xs = normals(30, 1000 + s).map((z) => 100 + 10 * z); // true median 100
      const [lo, hi] = medianCIOrderStat(xs, 0.95);
      if (lo <= 100 && 100 <= hi) hits++;
    }
    assert.ok(hits >= 180 && hits <= 198, `coverage ${hits}/200`);
  });

  it('rejects bad input', () => {
    assert.throws(() => medianCIOrderStat([]), RangeError);
    assert.throws(() => medianCIOrderStat([1, 2, 3], 1), RangeError);
    assert.throws(() => medianCIOrderStat([1, NaN, 3]), RangeError);
  });
});

describe('bootstrap', () => {
  // Skewed, latency-like data; the same formulas are used in the SciPy script.
  const x = Array.from({ length: 400 }, (_, i) => 1000 / (1 - 0.9 * u(i, 7919, 1000)));

  it('bootstrapMedianCI is deterministic for a seed and depends on it', () => {
    const a = bootstrapMedianCI(x, { seed: 7 });
    const b = bootstrapMedianCI(x, { seed: 7, confidence: 0.95, resamples: 2000 });
    const c = bootstrapMedianCI(x, { seed: 8 });
    assert.deepEqual(a, b);
    assert.notDeepEqual(a, c);
    const m = median(x);
    assert.ok(a[0] < m && m < a[1], `median ${m} inside ${a}`);
    const narrow = bootstrapMedianCI(x, { seed: 7, confidence: 0.5 });
    assert.ok(narrow[0] >= a[0] && narrow[1] <= a[1] && narrow[1] - narrow[0] < a[1] - a[0]);
  });

  it('bootstrapMedianCI agrees with scipy.stats.bootstrap(method="percentile") within 2 %', () => {
    // SciPy 1.17.1: r = scipy.stats.bootstrap((x,), numpy.median, method='percentile',
    //   n_resamples=100000, confidence_level=0.95, rng=numpy.random.default_rng(12345))
    //   with x = numpy.array([1000 / (1 - 0.9 * u(i, 7919, 1000)) for i in range(400)]),
    //   u(i, a, m) = (((i * a) % m) + 0.5) / m  →  r.confidence_interval = (1692.19…, 1985.51…)
    // (100000 resamples make the reference's own Monte Carlo error negligible; ours uses 2000.)
    const [lo, hi] = bootstrapMedianCI(x, { seed: 1 });
    assertClose(lo, 1692.1905406548779, 0.02);
    assertClose(hi, 1985.5058076044875, 0.02);
    // Same with confidence_level=0.90 → (1710.43…, 1960.98…)
    const [lo90, hi90] = bootstrapMedianCI(x, { seed: 2, confidence: 0.9 });
    assertClose(lo90, 1710.4250406225951, 0.02);
    assertClose(hi90, 1960.9765663300323, 0.02);
  });

  it('bootstrapMedianCI of a constant sample is degenerate; of one value too', () => {
    assert.deepEqual(bootstrapMedianCI([5, 5, 5, 5], { seed: 1 }), [5, 5]);
    assert.deepEqual(bootstrapMedianCI([3], { seed: 1, resamples: 10 }), [3, 3]);
  });

  it('bootstrapMedianCI covers the true median in 90–99 % of 200 seeded normal samples (n = 60)', () => {
    let hits = 0;
    for (let s = 0; s < 200; s++) {
      const xs = normals(60, 5000 + s).map((z) => 100 + 10 * z); // true median 100
      const [lo, hi] = bootstrapMedianCI(xs, { seed: s });
      if (lo <= 100 && 100 <= hi) hits++;
    }
    // Observed: 191/200. (Over 2000 such samples the coverage is ≈ 0.945: the percentile
    // bootstrap of a median slightly undercovers at small n.)
    assert.ok(hits >= 180 && hits <= 198, `coverage ${hits}/200`);
  });

  it('bootstrapRatioOfMediansCI agrees with SciPy (unpaired, percentile) within 2 %', () => {
    const base = Array.from({ length: 300 }, (_, i) => 1000 / (1 - 0.5 * u(i, 7919, 1000)));
    const cur = Array.from({ length: 250 }, (_, i) => (1.1 * 1000) / (1 - 0.5 * u(i, 4099, 997)));
    const r = bootstrapRatioOfMediansCI(base, cur, { seed: 1 });
    // NumPy 2.4.6: numpy.median(cur) / numpy.median(base)
    assertClose(r.ratio, 1.0769163385107008, 1e-12);
    // SciPy 1.17.1: scipy.stats.bootstrap((base, cur),
    //   lambda b, c, axis: numpy.median(c, axis=axis) / numpy.median(b, axis=axis),
    //   paired=False, vectorized=True, method='percentile', n_resamples=100000,
    //   rng=numpy.random.default_rng(12345)).confidence_interval → (1.016646, 1.135276)
    assertClose(r.ci[0], 1.0166455092303845, 0.02);
    assertClose(r.ci[1], 1.1352758786799655, 0.02);
    assert.deepEqual(bootstrapRatioOfMediansCI(base, cur, { seed: 1 }), r);
    assert.throws(() => bootstrapRatioOfMediansCI([1, 0], [1, 2], { seed: 1 }), RangeError);
    assert.throws(() => bootstrapRatioOfMediansCI([], [1, 2], { seed: 1 }), RangeError);
  });

  it('bootstrapMedianOfLogRatiosCI agrees with SciPy (paired, percentile) within 2 %', () => {
    const pb = Array.from({ length: 200 }, (_, i) => 1e6 * (1 + u(i, 7919, 1000)));
    const pc = pb.map((b, i) => b * 1.05 * Math.exp(0.2 * (u(i, 4099, 997) - 0.5)));
    const r = bootstrapMedianOfLogRatiosCI(pb, pc, { seed: 1 });
    // NumPy 2.4.6: numpy.exp(numpy.median(numpy.log(pc / pb)))
    assertClose(r.ratio, 1.0426537032359986, 1e-12);
    // SciPy 1.17.1: numpy.exp(scipy.stats.bootstrap((pb, pc),
    //   lambda b, c, axis: numpy.median(numpy.log(c / b), axis=axis), paired=True,
    //   vectorized=True, method='percentile', n_resamples=100000,
    //   rng=numpy.random.default_rng(12345)).confidence_interval) → (1.023177, 1.062501)
    assertClose(r.ci[0], 1.0231770396375834, 0.02);
    assertClose(r.ci[1], 1.062501114427675, 0.02);
    // The pairs form is the same computation.
    const pairs = pb.map((b, i) => [b, pc[i]!] as const);
    assert.deepEqual(bootstrapMedianOfLogRatiosCI(pairs, { seed: 1 }), r);
  });

  it('bootstrapMedianOfLogRatiosCI validates its input', () => {
    assert.throws(() => bootstrapMedianOfLogRatiosCI([1, 2], [1], { seed: 1 }), RangeError);
    assert.throws(() => bootstrapMedianOfLogRatiosCI([[1, -2]], { seed: 1 }), RangeError);
    assert.throws(() => bootstrapMedianOfLogRatiosCI([], { seed: 1 }), RangeError);
  });

  it('validates options', () => {
    assert.throws(() => bootstrapMedianCI(x, { seed: NaN }), RangeError);
    assert.throws(() => bootstrapMedianCI(x, { seed: 1, resamples: 0 }), RangeError);
    assert.throws(() => bootstrapMedianCI(x, { seed: 1, resamples: 2.5 }), RangeError);
    assert.throws(() => bootstrapMedianCI(x, { seed: 1, confidence: 0 }), RangeError);
  });
});

describe('mannWhitneyU', () => {
  it('matches SciPy with ties, all three alternatives', () => {
    const x = [8, 3, 1, 13, 2, 3, 8, 5, 2, 3];
    const y = [2, 3, 3, 5, 5, 8, 13, 13, 21, 34, 34, 55];
    // SciPy 1.17.1: r = scipy.stats.mannwhitneyu(x, y, alternative=ALT, method='asymptotic',
    //   use_continuity=True); (r.statistic, r.pvalue)
    const expected = {
      'two-sided': 0.04210774912360093,
      less: 0.021053874561800464,
      greater: 0.9820955821587369,
    } as const;
    for (const [alt, p] of Object.entries(expected)) {
      const r = mannWhitneyU(x, y, alt as keyof typeof expected);
      assert.equal(r.u, 29.0, alt);
      assertClose(r.p, p, 1e-12, 0, alt);
    }
  });

  it('matches SciPy on latency-like data with ties across samples', () => {
    const before = [1020, 1015, 1033, 1020, 1041, 1018, 1020, 1027];
    const after = [1051, 1020, 1066, 1049, 1058, 1071, 1049, 1044, 1062];
    // SciPy 1.17.1: scipy.stats.mannwhitneyu(after, before, alternative=ALT,
    //   method='asymptotic', use_continuity=True) → statistic 67.5 for every ALT
    const expected = {
      'two-sided': 0.0026707970961491645,
      less: 0.9990329457168761,
      greater: 0.0013353985480745823,
    } as const;
    for (const [alt, p] of Object.entries(expected)) {
      const r = mannWhitneyU(after, before, alt as keyof typeof expected);
      assert.equal(r.u, 67.5, alt);
      assertClose(r.p, p, 1e-12, 0, alt);
    }
    // U of y is n1·n2 − U of x.
    assert.equal(mannWhitneyU(before, after, 'greater').u, 8 * 9 - 67.5);
  });

  it('keeps relative precision far in the tail (completely separated samples)', () => {
    const hi = Array.from({ length: 60 }, (_, i) => 61 + i);
    const lo = Array.from({ length: 60 }, (_, i) => 1 + i);
    // SciPy 1.17.1: scipy.stats.mannwhitneyu(range(61, 121), range(1, 61), alternative=ALT,
    //   method='asymptotic').pvalue → greater 1.7782854874923613e-21,
    //   two-sided 3.5565709749847226e-21, less 1.0; statistic 3600.0
    const g = mannWhitneyU(hi, lo, 'greater');
    assert.equal(g.u, 3600);
    assertClose(g.p, 1.7782854874923613e-21, 1e-12);
    assertClose(mannWhitneyU(hi, lo, 'two-sided').p, 3.5565709749847226e-21, 1e-12);
    assert.equal(mannWhitneyU(hi, lo, 'less').p, 1.0);
  });

  it('gives p = 1 when every value is tied (as SciPy)', () => {
    // SciPy 1.17.1: scipy.stats.mannwhitneyu([5,5,5], [5,5], method='asymptotic')
    //   → statistic 3.0, pvalue 1.0 (also for alternative='greater')
    assert.deepEqual(mannWhitneyU([5, 5, 5], [5, 5], 'two-sided'), { u: 3, p: 1 });
    assert.deepEqual(mannWhitneyU([5, 5, 5], [5, 5], 'greater'), { u: 3, p: 1 });
  });

  it('rejects bad input', () => {
    assert.throws(() => mannWhitneyU([], [1], 'two-sided'), RangeError);
    assert.throws(() => mannWhitneyU([1, NaN], [1], 'two-sided'), RangeError);
    assert.throws(() => mannWhitneyU([1], [2], 'bigger' as unknown as 'greater'), RangeError);
  });
});

describe('hodgesLehmannShift', () => {
  it('is the median of all pairwise differences y_j − x_i', () => {
    // NumPy 2.4.6: numpy.median(numpy.subtract.outer([2.0, 6.5, 3.3, 4.4], [1.2, 3.4, 2.2, 5.0, 4.1]))
    assertClose(
      hodgesLehmannShift([1.2, 3.4, 2.2, 5.0, 4.1], [2.0, 6.5, 3.3, 4.4]),
      0.9000000000000002,
      1e-12,
    );
    // NumPy 2.4.6: numpy.median(numpy.subtract.outer([12, 31, 40], [10, 20, 35]))
    assert.equal(hodgesLehmannShift([10, 20, 35], [12, 31, 40]), 5.0);
    assert.throws(() => hodgesLehmannShift([], [1]), RangeError);
  });
});

describe('studentTQuantile', () => {
  it('matches scipy.stats.t.ppf to jStat precision (~1e-8)', () => {
    // SciPy 1.17.1: scipy.stats.t.ppf(p, df)
    const cases: [number, number, number][] = [
      [0.95, 1, 6.313751514675037],
      [0.95, 2, 2.9199855803537242],
      [0.95, 4, 2.1318467863266495],
      [0.975, 9, 2.262157162798205],
      [0.99, 29, 2.4620213601504126],
      [0.999, 3, 10.214531852407383],
      [0.05, 7, -1.8945786050900066],
      [0.9, 1000, 1.2823987214609247],
      [0.95, 2.5, 2.5582186141359355],
    ];
    for (const [p, df, q] of cases) assertClose(studentTQuantile(p, df), q, 5e-8, 0, `${p},${df}`);
    assert.equal(studentTQuantile(0.5, 5), 0);
    assert.throws(() => studentTQuantile(1, 5), RangeError);
    assert.throws(() => studentTQuantile(0.9, 0), RangeError);
  });
});

describe('tPredictionUpperLimit', () => {
  it('is mean + t_{n−1,conf}·s·sqrt(1 + 1/n)', () => {
    const history = [1.02e6, 0.99e6, 1.01e6, 1.05e6, 0.98e6, 1.0e6].map(Math.log);
    // NumPy 2.4.6 + SciPy 1.17.1: h = numpy.log([1.02e6, 0.99e6, 1.01e6, 1.05e6, 0.98e6, 1.00e6]);
    //   h.mean() + scipy.stats.t.ppf(conf, len(h) - 1) * h.std(ddof=1) * numpy.sqrt(1 + 1/len(h))
    // Tolerance: jStat's t quantile is accurate to ~1e-8 relative (see studentTQuantile).
    assertClose(tPredictionUpperLimit(history, 0.95), 13.876802156890353, 1e-10);
    assertClose(tPredictionUpperLimit(history), 13.876802156890353, 1e-10);
    assertClose(tPredictionUpperLimit(history, 0.99), 13.91246983070587, 1e-10);
    // Same formula, h = numpy.array([3.0, 5.0]), conf 0.95
    assertClose(tPredictionUpperLimit([3, 5]), 14.93573840978212, 1e-8);
    assert.throws(() => tPredictionUpperLimit([3]), RangeError);
  });
});

describe('robustPredictionUpperLimit (calibrated)', () => {
  it('is median + k(n, α)·MAD with the normal-consistent MAD (SciPy for the median and the MAD)', () => {
    const history = [100, 103, 98, 101, 97, 140, 102, 99, 100, 104].map(Math.log);
    // SciPy 1.17.1: x = numpy.log([100,103,98,101,97,140,102,99,100,104]);
    //   numpy.median(x), scipy.stats.median_abs_deviation(x, scale='normal')
    const r = robustPredictionUpperLimit(history, 0.95)!;
    assertClose(r.center, 4.610145351414676, 1e-12);
    assertClose(r.scale, 0.029362298006405028, 1e-12);
    assertClose(r.k, K_TABLE[N_GRID.indexOf(10)]![ALPHA_GRID.indexOf(0.05)]!, 1e-12);
    assertClose(r.limit, r.center + r.k * r.scale, 1e-12);
    // The outlier (140) moves the classical limit far more than the robust one.
    assert.ok(tPredictionUpperLimit(history, 0.95) > r.limit + 0.05);
    assert.throws(() => robustPredictionUpperLimit([3]), RangeError);
  });

  it('k(n, α): the table at grid points, monotone between them and beyond', () => {
    assertClose(
      robustLimitMultiplier(20, 0.01),
      K_TABLE[N_GRID.indexOf(20)]![ALPHA_GRID.indexOf(0.01)]!,
      1e-12,
    );
    // Larger for smaller α, smaller for larger n (off the grid too).
    assert.ok(robustLimitMultiplier(10, 0.003) > robustLimitMultiplier(10, 0.005));
    assert.ok(robustLimitMultiplier(10, 0.003) < robustLimitMultiplier(10, 0.0025));
    assert.ok(robustLimitMultiplier(21, 0.01) < robustLimitMultiplier(20, 0.01));
    assert.ok(robustLimitMultiplier(21, 0.01) > robustLimitMultiplier(22, 0.01));
    assert.ok(robustLimitMultiplier(500, 0.01) === robustLimitMultiplier(200, 0.01));
    assert.ok(robustLimitMultiplier(10, 1e-7) > robustLimitMultiplier(10, 1e-6));
    // Large n approaches normal theory: z₀.₉₉ · √(1 + π/(2n)) · (1 + MAD noise), within 3 %.
    const normal = 2.3263478740408408 * Math.sqrt(1 + Math.PI / 400);
    assert.ok(Math.abs(robustLimitMultiplier(200, 0.01) / normal - 1) < 0.03);
  });

  it('A/A: a new run exceeds the limit about as often as nominal, at n = 5, 10 and 20 (direct simulation)', () => {
    // Another way than the table's (which integrates the new value's tail analytically): draw
    // normal histories and a new value, count exceedances. 20 000 draws per n at 1 %: the
    // binomial sd is 0.07 %, so a calibrated limit lands in [0.75 %, 1.25 %]; the uncalibrated
    // t·√(1 + 1/n) multiplier exceeded 4.7 %, 2.7 % and 1.9 % (issue 13).
    const rand = mulberry32(20261129);
    const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
    for (const n of [5, 10, 20]) {
      let hits = 0;
      let oldHits = 0;
      const draws = 20_000;
      for (let i = 0; i < draws; i++) {
        const h = Array.from({ length: n }, normal);
        const x = normal();
        const r = robustPredictionUpperLimit(h, 0.99)!;
        if (x > r.limit) hits++;
        const old = r.center + studentTQuantile(0.99, n - 1) * r.scale * Math.sqrt(1 + 1 / n);
        if (x > old) oldHits++;
      }
      const rate = hits / draws;
      assert.ok(rate >= 0.0075 && rate <= 0.0125, `n = ${n}: ${(rate * 100).toFixed(2)} %`);
      assert.ok(
        oldHits / draws > 0.017,
        `n = ${n}: the old multiplier gave ${((oldHits / draws) * 100).toFixed(2)} %`,
      );
    }
  });

  it('a history with no spread (MAD 0, e.g. whole milliseconds) gives no limit, never one at the median', () => {
    const ms = [12, 12, 12, 13, 12, 12].map(Math.log);
    assert.equal(robustPredictionUpperLimit(ms, 0.99), null);
  });
});

describe('holm', () => {
  // statsmodels is not installed, so the reference is this independent NumPy snippet of R's
  // p.adjust(p, "holm") (i <- seq_len(n); o <- order(p); pmin(1, cummax((n - i + 1) * p[o]))[order(o)]):
  //   def holm(p):
  //       p = numpy.asarray(p, float); m = len(p); o = numpy.argsort(p, kind='stable')
  //       adj = numpy.minimum(1, numpy.maximum.accumulate((m - numpy.arange(m)) * p[o]))
  //       out = numpy.empty(m); out[o] = adj; return out
  it('matches the R p.adjust algorithm', () => {
    // holm([0.01, 0.04, 0.03, 0.005]); by hand: sorted 0.005·4 = 0.02, 0.01·3 = 0.03,
    // 0.03·2 = 0.06, max(0.04·1, 0.06) = 0.06.
    assertAllClose(holm([0.01, 0.04, 0.03, 0.005]), [0.03, 0.06, 0.06, 0.02]);
    // holm([0.02, 0.5, 0.02, 0.001, 0.9, 0.04, 0.3]) — ties, capping at 1
    assertAllClose(
      holm([0.02, 0.5, 0.02, 0.001, 0.9, 0.04, 0.3]),
      [0.12, 1.0, 0.12, 0.007, 1.0, 0.16, 0.8999999999999999],
    );
  });
  it('handles the trivial cases and rejects invalid p-values', () => {
    assert.deepEqual(holm([]), []);
    assert.deepEqual(holm([0.3]), [0.3]);
    assert.throws(() => holm([0.1, 1.2]), RangeError);
    assert.throws(() => holm([NaN]), RangeError);
  });
});
