/**
 * Change points in a series: E-divisive means (Matteson & James, "A Nonparametric Approach for
 * Multiple Change Point Analysis of Multivariate Data", JASA 109(505), 2014), the method R's
 * `ecp::e.divisive`, MongoDB's `signal_processing_algorithms` and Apache Otava (Hunter) are built
 * on. Univariate, with the distance exponent α = 1 (|x − y|).
 *
 * For a segment Z = x[a..b) split at τ into X = x[a..τ) and Y = x[τ..b) (sizes n, m), the
 * divergence of the paper's equation (5), with within-sample means over unordered pairs:
 *
 *   Ê(X, Y) = 2/(n·m) Σ_{i,j} |X_i − Y_j| − C(n,2)⁻¹ Σ_{i<k} |X_i − X_k| − C(m,2)⁻¹ Σ_{j<k} |Y_j − Y_k|
 *   q̂(τ)    = (n·m / (n + m)) · Ê(X, Y)
 *
 * (a within term of a one-element side is 0). The estimated change point of a segment is the τ
 * maximizing q̂; with several segments, the best one over all of them is tested. Significance is
 * the paper's permutation test (§3.3): the values inside each current segment are permuted
 * independently, the largest q̂ over all segments recomputed, and the p-value is
 * (1 + #{permuted ≥ observed}) / (1 + permutations). A significant point splits its segment and
 * the search repeats (hierarchical bisection) until a test fails.
 *
 * Pure and deterministic: permutations come from `mulberry32(seed)`. Cost O(k · R · n²) for k
 * change points and R permutations; the permutations stop early once the p-value can no longer
 * reach the level (a test that fails costs about level⁻¹ permutations, not R).
 */
import { assertFiniteSample } from './internal.js';
import { mulberry32 } from './random.js';

/** Defaults of {@link eDivisive}: ecp's `sig.lvl = 0.05`, `R = 199`. */
export const E_DIVISIVE_DEFAULTS = {
  significance: 0.05,
  permutations: 199,
  minSize: 3,
  seed: 0x5eed,
} as const;

export interface EDivisiveOptions {
  /** Level of each permutation test, in (0, 1). Default 0.05. */
  readonly significance?: number;
  /** Permutations per test, an integer ≥ 1 (bounded by the caller's budget). Default 199. */
  readonly permutations?: number;
  /** Fewest values on each side of a change point, an integer ≥ 2. Default 3. */
  readonly minSize?: number;
  /** Seed of the permutations. */
  readonly seed?: number;
}

/** One accepted change point. */
export interface EDivisiveChangePoint {
  /** Index of the first value of the new segment (0 < index < n). */
  readonly index: number;
  /** q̂ at that split, within the segment it split. */
  readonly q: number;
  /** Permutation p-value of the test that accepted it. */
  readonly pValue: number;
}

export interface EDivisiveResult {
  /** Accepted change points, sorted by index. */
  readonly changePoints: readonly EDivisiveChangePoint[];
  /** The p-value of the test that stopped the search (null: no segment could be split). */
  readonly stoppedAt: number | null;
}

/**
 * q̂(τ) of the whole series for every split τ = 0 … n − 1 (X = xs[0..τ), Y = xs[τ..n)); q̂(0) = 0.
 * O(n²) time.
 */
export function eDivisiveQ(xs: readonly number[]): number[] {
  assertFiniteSample(xs, 'eDivisiveQ');
  const x = Float64Array.from(xs);
  const q = new Float64Array(x.length);
  segmentQ(x, 0, x.length, q);
  return Array.from(q);
}

/**
 * Change points of `xs` by E-divisive means with a permutation test (module comment).
 * @throws RangeError on an empty or non-finite series or out-of-range options.
 */
export function eDivisive(xs: readonly number[], options: EDivisiveOptions = {}): EDivisiveResult {
  const fn = 'eDivisive';
  assertFiniteSample(xs, fn);
  const significance = options.significance ?? E_DIVISIVE_DEFAULTS.significance;
  const permutations = options.permutations ?? E_DIVISIVE_DEFAULTS.permutations;
  const minSize = options.minSize ?? E_DIVISIVE_DEFAULTS.minSize;
  const seed = options.seed ?? E_DIVISIVE_DEFAULTS.seed;
  if (!(significance > 0 && significance < 1)) {
    throw new RangeError(`${fn}: significance must be in (0, 1); got ${String(significance)}`);
  }
  if (!Number.isInteger(permutations) || permutations < 1) {
    throw new RangeError(`${fn}: permutations must be an integer ≥ 1; got ${String(permutations)}`);
  }
  if (!Number.isInteger(minSize) || minSize < 2) {
    throw new RangeError(`${fn}: minSize must be an integer ≥ 2; got ${String(minSize)}`);
  }
  if (1 / (permutations + 1) > significance) {
    throw new RangeError(
      `${fn}: ${permutations} permutations cannot reach a p-value of ${significance} (needs ≥ ${Math.ceil(1 / significance) - 1})`,
    );
  }
  const x = Float64Array.from(xs);
  const n = x.length;
  const rand = mulberry32(seed);
  const q = new Float64Array(n);
  const scratch = new Float64Array(n);
  // Best split of each segment [a, b) of the data, memoized by its bounds.
  const memo = new Map<string, { index: number; q: number } | null>();
  const bestOf = (a: number, b: number) => {
    const key = `${a}:${b}`;
    let hit = memo.get(key);
    if (hit === undefined) {
      hit = bestSplit(x, a, b, minSize, q);
      memo.set(key, hit);
    }
    return hit;
  };

  const bounds = [0, n];
  const found: EDivisiveChangePoint[] = [];
  for (;;) {
    let best: { index: number; q: number } | null = null;
    for (let s = 0; s + 1 < bounds.length; s++) {
      const c = bestOf(bounds[s]!, bounds[s + 1]!);
      if (c !== null && (best === null || c.q > best.q)) best = c;
    }
    if (best === null) return { changePoints: sorted(found), stoppedAt: null };

    // Permutation test: permute inside each segment, keep the largest q̂ over all segments.
    const allowed = Math.floor(significance * (permutations + 1)) - 1; // exceedances allowed
    let exceed = 0;
    let done = 0;
    for (; done < permutations && exceed <= allowed; done++) {
      scratch.set(x);
      let maxQ = -Infinity;
      for (let s = 0; s + 1 < bounds.length; s++) {
        const a = bounds[s]!;
        const b = bounds[s + 1]!;
        shuffle(scratch, a, b, rand);
        const c = bestSplit(scratch, a, b, minSize, q);
        if (c !== null && c.q > maxQ) maxQ = c.q;
      }
      if (maxQ >= best.q) exceed++;
    }
    const pValue = (1 + exceed) / (1 + done);
    if (exceed > allowed) return { changePoints: sorted(found), stoppedAt: pValue };
    found.push({ index: best.index, q: best.q, pValue });
    bounds.push(best.index);
    bounds.sort((u, v) => u - v);
  }
}

// ---------------------------------------------------------------------------------------------

function sorted(points: readonly EDivisiveChangePoint[]): EDivisiveChangePoint[] {
  return [...points].sort((u, v) => u.index - v.index);
}

/** Fisher–Yates on x[a..b). */
function shuffle(x: Float64Array, a: number, b: number, rand: () => number): void {
  for (let i = b - 1; i > a; i--) {
    const j = a + Math.floor(rand() * (i - a + 1));
    const t = x[i]!;
    x[i] = x[j]!;
    x[j] = t;
  }
}

/** The τ in [a + minSize, b − minSize] maximizing q̂ over x[a..b), or null if there is none. */
function bestSplit(
  x: Float64Array,
  a: number,
  b: number,
  minSize: number,
  q: Float64Array,
): { index: number; q: number } | null {
  if (b - a < 2 * minSize) return null;
  segmentQ(x, a, b, q);
  let index = a + minSize;
  for (let t = index + 1; t <= b - minSize; t++) if (q[t]! > q[index]!) index = t;
  return { index, q: q[index]! };
}

/**
 * q̂(τ) for τ in [a, b) of the segment x[a..b), written to q[τ] (q[a] = 0). Incremental sums:
 * moving x_τ from Y to X adds its distances to the old X to the within-X sum, removes its
 * distances to the rest of Y from the within-Y sum, and swaps both in the between sum.
 */
function segmentQ(x: Float64Array, a: number, b: number, q: Float64Array): void {
  let withinX = 0;
  let withinY = 0;
  for (let j = a; j < b; j++) for (let k = j + 1; k < b; k++) withinY += Math.abs(x[j]! - x[k]!);
  let between = 0;
  for (let t = a; t < b; t++) {
    const n = t - a;
    const m = b - t;
    const e =
      (n > 0 ? (2 * between) / (n * m) : 0) -
      (n > 1 ? withinX / ((n * (n - 1)) / 2) : 0) -
      (m > 1 ? withinY / ((m * (m - 1)) / 2) : 0);
    q[t] = n > 0 ? ((n * m) / (n + m)) * e : 0;
    let toX = 0; // Σ |x_t − x_i|, i in X
    for (let i = a; i < t; i++) toX += Math.abs(x[t]! - x[i]!);
    let toY = 0; // Σ |x_t − x_k|, k in Y after t
    for (let k = t + 1; k < b; k++) toY += Math.abs(x[t]! - x[k]!);
    withinX += toX;
    withinY -= toY;
    between += toY - toX;
  }
}
