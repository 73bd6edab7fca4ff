/**
 * The unit of a cell's measurement is the visit, not the call: the calls of one visit share the
 * machine's state of that moment (caches, clocks, neighbours) and are not independent, so
 * statistics over calls are too sure of themselves. A visit's median is one observation; a
 * cell's median is the median of its visit medians, and its CI is the distribution-free CI over
 * them. Results files carry each sample's round (one visit per cell per round); a file without
 * rounds (an older threadgate) counts every sample as its own visit.
 */
import { median, medianCIOrderStat } from '../stats/index.js';

export interface VisitSummary {
  /** Round → the median of the cell's samples in that round's visit. */
  readonly byRound: ReadonlyMap<number, number>;
  /** The visit medians, in round order. */
  readonly medians: readonly number[];
  /** Median of the visit medians. */
  readonly medianNs: number;
  /** Distribution-free 95 % CI of that median (min and max below 6 visits). */
  readonly ci95Ns: readonly [number, number];
}

export function visitSummary(
  samplesNs: readonly number[],
  rounds?: readonly number[],
): VisitSummary {
  if (samplesNs.length === 0) throw new RangeError('visitSummary: no samples');
  const groups = new Map<number, number[]>();
  samplesNs.forEach((x, i) => {
    const r = rounds !== undefined && rounds.length === samplesNs.length ? rounds[i]! : i;
    const g = groups.get(r);
    if (g === undefined) groups.set(r, [x]);
    else g.push(x);
  });
  const order = [...groups.keys()].sort((a, b) => a - b);
  const byRound = new Map<number, number>();
  for (const r of order) byRound.set(r, median(groups.get(r)!));
  const medians = order.map((r) => byRound.get(r)!);
  const [lo, hi] = medianCIOrderStat(medians, 0.95);
  return { byRound, medians, medianNs: median(medians), ci95Ns: [lo, hi] };
}
