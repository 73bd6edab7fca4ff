/** The FP32 peak estimate: FLOP/cycle × clock × usable physical cores. */
import type { PeakEstimate } from '../results/types.js';
import type { CoreFlops } from './microarch.js';

export interface PeakInput {
  readonly core: CoreFlops | null;
  readonly clockMHz: number | null;
  /** Where the clock came from, e.g. "cpufreq cpuinfo_max_freq". */
  readonly clockSource: string;
  /** Usable physical cores; fractional when a cgroup quota allows less than a whole core. */
  readonly cores: number;
  /** How `cores` was decided, e.g. "2 physical cores" or "1.5 CPUs (cgroup quota)". */
  readonly coresBasis: string;
}

const round = (x: number, digits: number): number => Number(x.toFixed(digits));

/** Null when the core's FLOP/cycle or its clock is unknown. */
export function estimatePeak(input: PeakInput): PeakEstimate | null {
  const { core, clockMHz, cores } = input;
  if (core === null || clockMHz === null || !(clockMHz > 0) || !(cores > 0)) return null;
  const ghz = clockMHz / 1000;
  const perCore = core.flopsPerCycle * ghz;
  const total = perCore * cores;
  return {
    gflops: round(total, 1),
    perCoreGflops: round(perCore, 1),
    basis:
      `estimate: ${core.isa} = ${core.flopsPerCycle} FLOP/cycle × ${round(ghz, 3)} GHz ` +
      `(${input.clockSource}) × ${input.coresBasis}`,
  };
}
