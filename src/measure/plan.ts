/**
 * Which thread counts to sweep: 1, 2, 4, … below the usable CPUs, plus the usable count itself.
 */
import { invalid } from '../errors.js';

export function defaultThreadCounts(usableCpus: number): number[] {
  const max = Math.max(1, Math.floor(usableCpus));
  const out: number[] = [];
  for (let t = 1; t < max; t *= 2) out.push(t);
  out.push(max);
  return out;
}

/**
 * Parse `auto` or a list such as `1,2,4,8`. Counts must be integers in 1..limit, where the limit
 * is generous (oversubscription is a legitimate experiment) but stops absurd values.
 */
export function parseThreadCounts(
  text: string,
  usableCpus: number,
  logicalCpus: number,
  input = '--threads',
): number[] {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '' || trimmed === 'auto') return defaultThreadCounts(usableCpus);
  const limit = Math.max(4 * logicalCpus, 8);
  const expected = `"auto" or a comma-separated list of integers from 1 to ${limit} (4× this machine's ${logicalCpus} logical CPUs), e.g. 1,2,4`;
  const items = trimmed.split(/[,\s]+/).filter((s) => s.length > 0);
  const counts = new Set<number>();
  for (const item of items) {
    if (!/^-?\d+$/.test(item)) throw invalid(input, text, expected);
    const n = Number(item);
    if (n < 1 || n > limit) throw invalid(input, text, expected);
    counts.add(n);
  }
  if (counts.size === 0) throw invalid(input, text, expected);
  return [...counts].sort((a, b) => a - b);
}
