/**
 * Seeded pseudo-random numbers. Every random procedure in threadgate takes a seed so that a run
 * can be replayed exactly.
 */

/**
 * Mulberry32 (Tommy Ettinger, 2017): a 32-bit-state generator, fast and good enough for
 * bootstrap resampling and randomized round order (not for cryptography).
 *
 * @param seed Any finite number; it is reduced to an unsigned 32-bit integer (ECMAScript
 *   ToUint32: the fractional part is dropped, then taken modulo 2^32).
 * @returns A function returning uniform numbers in [0, 1), multiples of 2^-32. The same seed
 *   always yields the same sequence.
 * @throws RangeError if `seed` is not a finite number.
 */
export function mulberry32(seed: number): () => number {
  if (!Number.isFinite(seed)) {
    throw new RangeError(`mulberry32: seed must be a finite number; got ${String(seed)}`);
  }
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let z = Math.imul(state ^ (state >>> 15), state | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}
