/**
 * Which thread counts to sweep.
 *
 * The grid (`auto`): 1, 2, 4, … below the usable CPUs, plus the counts the machine's shape
 * makes special — the physical cores (one thread per core: SMT siblings share a core's FMA units
 * and caches), the usable logical CPUs (what PyTorch and OpenMP take by default), and one NUMA
 * node's CPUs when the usable CPUs span several nodes (past it, threads read memory across the
 * socket interconnect). Never more than the usable CPUs: oversubscription is for explicit lists.
 *
 * The plan caps the grid to what the time budget can afford, by a cost model (PLAN_COST), and
 * says what it dropped: the CLI and the action print the note.
 */
import { LIMITS } from '../contract/limits.js';
import { invalid } from '../errors.js';
import type { SweepSettings } from '../settings/settings.js';

/** The machine's shape, as the CPU probe reports it (MachineInfo has these fields). */
export interface CpuShape {
  readonly availableCpus: number;
  readonly physicalCores?: number;
  /** Usable CPUs per NUMA node (only nodes holding some); absent or one node: no NUMA count. */
  readonly numaNodes?: readonly { readonly cpus: number }[];
}

/**
 * The cost model: the least sweep time a cell needs to give a usable median, from what the sweep
 * engine (src/measure/sweep.ts) does with each cell.
 *
 *  - `sessionOpenMs`: opening the cell's session (ORT parses the model, copies and pre-packs
 *    the weights). Measured on this project's 2-vCPU machine for the default shapes: 256² ~4 ms,
 *    1024² ~8 ms, 1×4096·4096×4096 ~300 ms (2 MatMuls per call: 128 MiB of weights); their
 *    mean, ~100 ms, stands for every cell.
 *  - `warmupMs`: the engine warms each cell for at least 200 ms, but caps the warm-up of all
 *    cells together at `warmupShare` (a quarter) of the budget: a cell gets its full warm-up
 *    only when the budget holds warmupMs / warmupShare = 800 ms for it.
 *  - `visits` × `visitMs`: the engine stops a cell no earlier than after 3 visits of ~30 ms,
 *    so a cell needs warmupMs + 3 × 30 ms = 290 ms at least, inside those 800 ms.
 *  - `setupMs`: what the budget spends before the first cell (CPU probe, the per-call overhead
 *    measurement, loading the workloads).
 *
 * A cell costs sessionOpenMs + max(warmupMs / warmupShare, warmupMs + visits × visitMs) =
 * 100 + max(800, 290) = 900 ms; the budget affords floor((budget − setupMs) / 900 ms) cells,
 * shared by the workloads (a same-job comparison measures two). The engine spends more on
 * noisy cells when there is time: this is the floor below which a count is not worth sweeping.
 */
export const PLAN_COST = {
  sessionOpenMs: 100,
  warmupMs: 200,
  warmupShare: 0.25,
  visits: 3,
  visitMs: 30,
  setupMs: 1000,
} as const;

/** Budget time one cell needs at least (see PLAN_COST). */
export function cellCostMs(cost = PLAN_COST): number {
  return (
    cost.sessionOpenMs +
    Math.max(cost.warmupMs / cost.warmupShare, cost.warmupMs + cost.visits * cost.visitMs)
  );
}

/** Never plan fewer counts than this when the grid has them: one count recommends nothing. */
export const MIN_PLANNED_COUNTS = 2;

/** Why each count of the grid is there. */
export type GridRole = 'one' | 'physical' | 'logical' | 'numa-node' | 'power-of-two';

export interface GridCount {
  readonly threads: number;
  readonly roles: readonly GridRole[];
}

/** What `auto` sweeps on this machine, and what the budget made it drop. */
export interface ThreadPlan {
  /** The counts to sweep, ascending. */
  readonly threads: number[];
  /** Counts of the grid left out for the budget, ascending (empty when all fit). */
  readonly dropped: number[];
  /** The whole grid before the budget, with why each count is in it. */
  readonly grid: readonly GridCount[];
  /** How many counts the budget affords per workload (the cost model's figure). */
  readonly affordable: number;
  /** One line for the user when counts were dropped; null when the whole grid fits. */
  readonly note: string | null;
}

/**
 * The thread grid of a machine, before any budget: 1, 2, 4, … below the usable CPUs, the
 * physical cores, the usable CPUs, one NUMA node's CPUs when they span several nodes — each
 * capped at the usable CPUs. A plain number is read as the usable CPUs of a machine without
 * known topology (the grid of earlier versions: 1, 2, 4, … plus that number).
 */
export function threadGrid(cpu: CpuShape | number): GridCount[] {
  const shape: CpuShape = typeof cpu === 'number' ? { availableCpus: cpu } : cpu;
  const max = Math.max(1, Math.floor(shape.availableCpus));
  const roles = new Map<number, GridRole[]>();
  const add = (t: number, role: GridRole) => {
    if (!Number.isFinite(t) || t < 1) return;
    const n = Math.min(max, Math.floor(t));
    roles.set(n, [...(roles.get(n) ?? []), role]);
  };
  add(1, 'one');
  for (let t = 2; t < max; t *= 2) add(t, 'power-of-two');
  if (shape.physicalCores !== undefined) add(shape.physicalCores, 'physical');
  add(max, 'logical');
  const nodes = shape.numaNodes ?? [];
  if (nodes.length > 1) add(Math.max(...nodes.map((n) => n.cpus)), 'numa-node');
  return [...roles.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([threads, r]) => ({ threads, roles: r }));
}

/** The grid's counts (see threadGrid), ascending. */
export function defaultThreadCounts(cpu: CpuShape | number): number[] {
  return threadGrid(cpu).map((g) => g.threads);
}

/** Kept first when the budget is short: the ends, then the machine's own shape. */
const ROLE_PRIORITY: readonly GridRole[] = ['one', 'physical', 'logical', 'numa-node'];

/**
 * Choose `k` counts of the grid: first 1, the physical cores, the usable CPUs and the NUMA
 * node's CPUs (in that order), then the powers of two that fill the largest gap (on a log
 * scale) between the counts already kept, so the curve stays evenly covered.
 */
export function chooseCounts(grid: readonly GridCount[], k: number): number[] {
  const kept: number[] = [];
  for (const role of ROLE_PRIORITY) {
    for (const g of grid) {
      if (kept.length < k && g.roles.includes(role) && !kept.includes(g.threads)) {
        kept.push(g.threads);
      }
    }
  }
  const rest = grid.map((g) => g.threads).filter((t) => !kept.includes(t));
  while (kept.length < k && rest.length > 0) {
    let bestIndex = 0;
    let bestGap = -1;
    for (const [i, t] of rest.entries()) {
      const gap =
        kept.length === 0 ? Infinity : Math.min(...kept.map((u) => Math.abs(Math.log2(t / u))));
      if (gap > bestGap + 1e-12) [bestIndex, bestGap] = [i, gap];
    }
    kept.push(rest.splice(bestIndex, 1)[0]!);
  }
  return kept.sort((a, b) => a - b);
}

export interface PlanOptions {
  /** The sweep's whole budget, seconds (set-up included, as --max-time). */
  readonly maxTimeSec: number;
  /** Workloads measured at every count (a same-job comparison measures two). */
  readonly workloads: number;
  readonly cost?: typeof PLAN_COST;
}

/** How many counts per workload the budget affords (see PLAN_COST), at least 1. */
export function affordableCounts(options: PlanOptions): number {
  const cost = options.cost ?? PLAN_COST;
  const cells = Math.floor((options.maxTimeSec * 1000 - cost.setupMs) / cellCostMs(cost));
  return Math.max(1, Math.floor(cells / Math.max(1, options.workloads)));
}

/** The grid of `cpu`, capped to what `options.maxTimeSec` affords for the workloads. */
export function planThreadCounts(cpu: CpuShape, options: PlanOptions): ThreadPlan {
  const grid = threadGrid(cpu);
  const affordable = affordableCounts(options);
  const k = Math.min(grid.length, Math.max(affordable, MIN_PLANNED_COUNTS));
  const threads = chooseCounts(grid, k);
  const dropped = grid.map((g) => g.threads).filter((t) => !threads.includes(t));
  let note: string | null = null;
  if (dropped.length > 0) {
    const w = options.workloads;
    const floor = affordable < MIN_PLANNED_COUNTS ? ` (below its floor: ${k} kept)` : '';
    note =
      `Thread counts: the ${options.maxTimeSec} s budget affords ${affordable} count${affordable === 1 ? '' : 's'} ` +
      `for ${w} workload${w === 1 ? '' : 's'}${floor} at ≥ ${(cellCostMs(options.cost) / 1000).toFixed(2)} s per cell ` +
      `(session, ≥ 200 ms warm-up within a quarter of the budget, ≥ 3 visits of ~30 ms); ` +
      `sweeping ${threads.join(', ')}, dropped ${dropped.join(', ')}. ` +
      `Raise the time budget, or list the counts to sweep.`;
  }
  return { threads, dropped, grid, affordable, note };
}

/** Workloads a sweep of `settings` measures at each count (for the plan's budget share). */
export function plannedWorkloads(
  settings: Pick<SweepSettings, 'workload' | 'baselineWorkload'>,
): number {
  const one = settings.workload.kind === 'matmul' ? settings.workload.sizes.length : 1;
  return settings.baselineWorkload ? 2 * one : one;
}

/**
 * Parse `auto` or a list such as `1,2,4,8`. Counts must be integers in 1..limit, where the limit
 * is generous (oversubscription is a legitimate experiment) but stops absurd values. `auto`
 * gives the grid of a machine with `usableCpus` and no known topology; the sweep itself plans
 * `auto` after the CPU probe (planThreadCounts), with the physical cores and NUMA nodes.
 */
export function parseThreadCounts(
  text: string,
  usableCpus: number,
  logicalCpus: number,
  input = '--threads',
): number[] {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '' || trimmed === 'auto') return defaultThreadCounts(usableCpus);
  // 4× the machine, and never past what a results file may hold (the contract's limit).
  const limit = Math.min(Math.max(4 * logicalCpus, 8), LIMITS.threads);
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
