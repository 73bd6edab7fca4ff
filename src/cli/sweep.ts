/** `threadgate sweep`: measure, print the table and the lines to copy, write the JSON. */
import { writeResultFile } from '../results/io.js';
import { runSweep } from '../pipeline/sweep-run.js';
import { createProgressReporter } from '../report/progress.js';
import { renderSweep } from '../report/terminal.js';
import {
  DEFAULTS,
  parsePercent,
  parseSeconds,
  parseSeed,
  randomSeed,
  type SweepSettings,
} from '../settings/settings.js';
import { parseShapes } from '../workloads/matmul.js';
import { parseThreadCounts } from '../measure/plan.js';
import { probeCpu } from '../cpu/index.js';
import { parseFlags, stringFlag, type OptionSpec } from './args.js';

export const SWEEP_OPTIONS = {
  sizes: { type: 'string' },
  threads: { type: 'string' },
  'max-time': { type: 'string' },
  json: { type: 'string' },
  seed: { type: 'string' },
  precision: { type: 'string' },
  tolerance: { type: 'string' },
  quiet: { type: 'boolean' },
} as const satisfies OptionSpec;

export interface SweepCliSettings extends SweepSettings {
  readonly jsonPath: string | undefined;
  readonly quiet: boolean;
}

export function sweepSettingsFromFlags(argv: readonly string[]): SweepCliSettings {
  const v = parseFlags('sweep', argv, SWEEP_OPTIONS);
  const threadsText = stringFlag(v, 'threads') ?? 'auto';
  const machine = threadsText.trim().toLowerCase() === 'auto' ? undefined : probeCpu();
  return {
    sizes: parseShapes(stringFlag(v, 'sizes') ?? DEFAULTS.sizes, '--sizes'),
    threads:
      machine === undefined
        ? 'auto'
        : parseThreadCounts(threadsText, machine.availableCpus, machine.logicalCpus, '--threads'),
    maxTimeSec: parseSeconds(
      stringFlag(v, 'max-time') ?? String(DEFAULTS.maxTimeSec),
      '--max-time',
    ),
    targetPrecision:
      v.precision === undefined
        ? DEFAULTS.targetPrecision
        : parsePercent(String(v.precision), '--precision', 50),
    tolerance:
      v.tolerance === undefined
        ? DEFAULTS.tolerance
        : parsePercent(String(v.tolerance), '--tolerance', 100),
    seed: v.seed === undefined ? randomSeed() : parseSeed(String(v.seed), '--seed'),
    jsonPath: stringFlag(v, 'json'),
    quiet: v.quiet === true,
  };
}

export async function sweepCommand(argv: readonly string[]): Promise<number> {
  const settings = sweepSettingsFromFlags(argv);
  const result = await runSweep(settings, {
    ...(settings.quiet ? {} : { onProgress: createProgressReporter(process.stderr) }),
  });
  process.stdout.write(renderSweep(result));
  if (settings.jsonPath) {
    await writeResultFile(settings.jsonPath, result);
    process.stdout.write(`Results written to ${settings.jsonPath}\n`);
  }
  return 0;
}
