/**
 * `threadgate compare --baseline FILE --current FILE [--threshold PERCENT] [--json FILE]
 *                    [--force] [--gate deployed|all]`
 * Exit code: 1 on a regression, 0 otherwise (pass, inconclusive, no baseline). Bad input throws
 * InputError / BaselineError, which the entry turns into exit 2.
 */

import {
  compareResults,
  DEFAULT_GATE,
  parseGateMode,
  type CompareOptions,
} from '../analysis/compare.js';
import { toComparisonJson } from '../analysis/comparison-json.js';
import { readBaselineFile, readResultFile } from '../baseline/parse.js';
import type { LoadedBaseline } from '../baseline/store.js';
import { InputError } from '../errors.js';
import { renderComparison } from '../report/compare-terminal.js';
import { writeJsonAtomic } from '../results/io.js';
import { parsePercent } from '../settings/settings.js';
import { parseFlags, stringFlag, type OptionSpec } from './args.js';

export const COMPARE_OPTIONS = {
  baseline: { type: 'string' },
  current: { type: 'string' },
  threshold: { type: 'string' },
  json: { type: 'string' },
  force: { type: 'boolean' },
  gate: { type: 'string' },
} as const satisfies OptionSpec;

export interface CompareCliSettings {
  readonly baselinePath: string;
  readonly currentPath: string;
  readonly jsonPath: string | undefined;
  readonly options: CompareOptions;
}

export function compareSettingsFromFlags(argv: readonly string[]): CompareCliSettings {
  const v = parseFlags('compare', argv, COMPARE_OPTIONS);
  const threshold = stringFlag(v, 'threshold');
  const gate = stringFlag(v, 'gate');
  return {
    baselinePath: required(
      v,
      'baseline',
      'a baseline file or a results file from threadgate sweep --json',
    ),
    currentPath: required(
      v,
      'current',
      'the results file of the run to check (threadgate sweep --json)',
    ),
    jsonPath: stringFlag(v, 'json'),
    options: {
      ...(threshold === undefined ? {} : { threshold: parsePercent(threshold, '--threshold') }),
      gate: gate === undefined ? DEFAULT_GATE : parseGateMode(gate, '--gate'),
      force: v['force'] === true,
    },
  };
}

function required(v: Record<string, unknown>, name: string, what: string): string {
  const value = stringFlag(v, name);
  if (value === undefined)
    throw new InputError(`--${name}: missing; expected --${name} FILE (${what})`);
  if (value.trim() === '')
    throw new InputError(`--${name}: got ""; expected a file path (${what})`);
  return value;
}

export interface CompareIo {
  readonly out: (text: string) => void;
}

const stdoutIo: CompareIo = { out: (text) => void process.stdout.write(text) };

export async function compareCommand(
  argv: readonly string[],
  io: CompareIo = stdoutIo,
): Promise<number> {
  const settings = compareSettingsFromFlags(argv);
  const current = await readResultFile(settings.currentPath, '--current');
  const parsed = await readBaselineFile(settings.baselinePath);
  const baseline: LoadedBaseline = {
    document: parsed.document,
    source: `file ${settings.baselinePath}`,
    notes:
      parsed.from === 'result'
        ? [`${settings.baselinePath} is a results file: used as a baseline history of one run`]
        : [],
  };
  const comparison = compareResults(baseline, current, settings.options);
  io.out(`${renderComparison(comparison)}\n`);
  if (settings.jsonPath !== undefined) {
    await writeJsonAtomic(settings.jsonPath, toComparisonJson(comparison));
    io.out(`Comparison written to ${settings.jsonPath}\n`);
  }
  return comparison.kind === 'regression' ? 1 : 0;
}
