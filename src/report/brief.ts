/**
 * What a reader needs first, shared by the markdown report and the terminal: the cells that
 * matter (each workload's recommended and fastest thread count), one calm line about cells the
 * time budget stopped before their target precision, the machine kind the recommendation holds
 * for, and the notes that only matter sometimes (the MLAS thread cap below a swept count). Plain
 * text: each renderer escapes what it shows.
 */
import type { MachineInfo, Point, Result, WorkloadResult } from '../results/types.js';
import { formatPercent } from './format.js';

/** The machine in a few words: what "this kind of machine" means to a reader. */
export function machineKind(m: MachineInfo): string {
  return `${m.os} ${m.arch}, ${m.cpuModel}, ${m.availableCpus} usable CPU${m.availableCpus === 1 ? '' : 's'}`;
}

/** The recommendation holds for this machine kind; another may recommend differently. */
export function machineKindNote(
  result: Result,
  fmt: { readonly text: (s: string) => string; readonly code: (s: string) => string } = {
    text: (s) => s,
    code: (s) => s,
  },
): string {
  return (
    `This recommendation is for this kind of machine: ${fmt.text(machineKind(result.machine))} ` +
    `(fingerprint ${fmt.code(result.machine.fingerprint)}). Another machine may recommend differently.`
  );
}

/** A workload's recommended and fastest points (one when they coincide), fewest threads first. */
export function keyPoints(w: WorkloadResult): Point[] {
  const wanted = new Set([w.recommended.threads, w.fastest.threads]);
  return w.points.filter((p) => wanted.has(p.threads)).sort((a, b) => a.threads - b.threads);
}

/** "MLAS uses at most N threads…", only when the cap is below a swept thread count. */
export function mlasNote(w: WorkloadResult): string {
  const cap = w.mlasMaxThreads;
  if (cap === undefined || !w.points.some((p) => p.threads > cap)) return '';
  return `MLAS splits this shape over at most ${cap} thread${cap === 1 ? '' : 's'}: more cannot help.`;
}

/** The 95 % CI's half-width relative to the median. */
export function relativeHalfWidth(p: Point): number {
  return p.medianNs > 0 ? (p.ci95Ns[1] - p.ci95Ns[0]) / 2 / p.medianNs : 0;
}

const overlaps = (a: Point, b: Point) => a.ci95Ns[0] <= b.ci95Ns[1] && b.ci95Ns[0] <= a.ci95Ns[1];

/**
 * Whether `q`'s interval settles its place against the recommended point `r`: the intervals are
 * apart, or `q` has more threads and cannot be more than `tolerance` faster (the rule would keep
 * the fewer threads of `r` anyway).
 */
function settledAgainst(q: Point, r: Point, tolerance: number): boolean {
  if (!overlaps(q, r)) return true;
  return q.threads > r.threads && q.ci95Ns[0] >= r.medianNs * (1 - tolerance);
}

/** A cell the budget stopped and whose interval leaves the recommendation open. */
export interface OpenCell {
  readonly workload: string;
  readonly threads: number;
}

/** Cells that stopped at the budget before their target, and those of them that leave it open. */
export function budgetStops(result: Result): {
  readonly stopped: number;
  readonly total: number;
  readonly widest: number;
  readonly open: readonly OpenCell[];
} {
  let stopped = 0;
  let total = 0;
  let widest = 0;
  const open: OpenCell[] = [];
  const tolerance = result.settings.tolerance;
  for (const w of result.workloads) {
    const r = w.points.find((p) => p.threads === w.recommended.threads);
    for (const p of w.points) {
      total++;
      if (p.converged !== false) continue;
      stopped++;
      widest = Math.max(widest, relativeHalfWidth(p));
      if (r === undefined) continue;
      const settled =
        p === r
          ? w.points.every((q) => q === r || settledAgainst(q, r, tolerance))
          : settledAgainst(p, r, tolerance);
      if (!settled) open.push({ workload: w.id, threads: p.threads });
    }
  }
  return { stopped, total, widest, open };
}

const cellNames = (cells: readonly OpenCell[], max = Infinity) => {
  const shown = cells.slice(0, max).map((c) => `${c.workload} at ${c.threads}`);
  return shown.join(', ') + (cells.length > max ? ` and ${cells.length - max} more` : '');
};

/**
 * One calm line for the cells the time budget stopped before ±target (empty when none): how
 * many, how wide their intervals are, and whether that is enough to rank them against each
 * workload's recommendation.
 */
export function budgetNote(result: Result): string {
  const s = budgetStops(result);
  if (s.stopped === 0) return '';
  const head =
    `${s.stopped} of ${s.total} cells stopped at the ${result.settings.maxTimeSec} s budget at up to ` +
    `±${formatPercent(s.widest, 0)} (target ±${formatPercent(result.settings.targetPrecision, 0)})`;
  if (s.open.length === 0) return `${head} — enough to rank them.`;
  const one = s.open.length === 1;
  return (
    `${head}; ${one ? 'one is' : `${s.open.length} are`} within the noise of the recommendation ` +
    `(${cellNames(s.open, 3)}): a longer budget would settle ${one ? 'it' : 'them'}.`
  );
}

/** Which cells the budget stopped, for the verbose form (empty when none). */
export function stoppedCellsLine(result: Result): string {
  const cells = result.workloads.flatMap((w) =>
    w.points
      .filter((p) => p.converged === false)
      .map((p) => ({ workload: w.id, threads: p.threads })),
  );
  return cells.length > 0 ? `Stopped at the budget: ${cellNames(cells)}.` : '';
}

/** Some cell is above 100 % of the estimated peak. */
export function abovePeak(result: Result): boolean {
  return result.workloads.some((w) => w.points.some((p) => (p.peakFraction ?? 0) > 1));
}

/** Why a cell can be above 100 % of the estimated peak, in one short line. */
export const ABOVE_PEAK_NOTE =
  'Above 100 % of peak: the CPU runs faster than the clock the estimate used (boost, or a VM reporting its base clock).';
