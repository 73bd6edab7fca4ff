/**
 * `threadgate compare --baseline FILE --current FILE [--threshold PERCENT] [--json FILE]
 *                    [--force] [--gate deployed|all]`
 * Exit code: 1 on a regression, 0 otherwise (pass, inconclusive, no baseline). Bad input throws
 * InputError / BaselineError, which the entry turns into exit 2.
 */

import { acceptReason, decideOutcome, type OutcomePolicy } from '../analysis/outcome.js';
import { invalid } from '../errors.js';
import {
  compareResults,
  DEFAULT_GATE,
  DEFAULT_THRESHOLD,
  parseGateMode,
  type CompareOptions,
} from '../analysis/compare.js';
import { toComparisonJson } from '../analysis/comparison-json.js';
import { readBaselineFile, readResultFile } from '../contract/documents.js';
import type { LoadedBaseline } from '../baseline/store.js';
import { renderComparison } from '../report/compare-terminal.js';
import { PLAIN, type Paint } from '../report/ansi.js';
import { parseNormalize, parsePercent } from '../settings/settings.js';
import { parseFlags, requiredPath, stringFlag, type OptionSpec } from './args.js';
import { checkJsonOutput, humanSink, isStdout, writeJson } from './output.js';

export const COMPARE_OPTIONS = {
  baseline: { type: 'string', short: 'b' },
  current: { type: 'string', short: 'c' },
  threshold: { type: 'string' },
  json: { type: 'string', short: 'j' },
  force: { type: 'boolean' },
  gate: { type: 'string' },
  normalize: { type: 'string' },
  accept: { type: 'string' },
} as const satisfies OptionSpec;

export const COMPARE_HELP = `threadgate compare — did the current run get slower than the baseline?

Usage:
  threadgate compare -b|--baseline FILE -c|--current FILE [--threshold PERCENT]
                     [-j|--json FILE|-] [--force] [--gate deployed|all]
                     [--normalize auto|none] [--accept REASON]

  -b, --baseline FILE   a baseline history (threadgate baseline add, or the action's) or a
                        results file (a history of one run)
  -c, --current FILE    the results JSON of the run to check (threadgate sweep --json)
  --threshold PERCENT   smallest slowdown that can fail (default ${DEFAULT_THRESHOLD * 100}%)
  --gate deployed|all   gate every common cell (all, the default) or only each workload's
                        recommended and fastest thread counts (deployed)
  --normalize auto|none auto (default): compare each cell relative to the runner-speed
                        reference cell of its run, where both runs and the history have it;
                        none: compare the medians as measured
  --force               compare even if the baseline is from another kind of machine
  --accept REASON       an intended slowdown: a regression is reported with REASON and exits 0
                        (the action's label threadgate: accept or Threadgate-Accept trailer)
  -j, --json FILE       write the comparison JSON (schema/comparison.schema.json); - writes it
                        to standard output, and the table goes to standard error
  -h, --help            this help (also: threadgate help compare)

The verdict is in colour on a terminal (NO_COLOR=1 turns it off, FORCE_COLOR=1 forces it).

Exit codes: 0 pass, inconclusive or no baseline, 1 regression, 2 error.`;

export interface CompareCliSettings {
  readonly baselinePath: string;
  readonly currentPath: string;
  readonly jsonPath: string | undefined;
  readonly options: CompareOptions;
  readonly accepted: OutcomePolicy['accepted'];
}

export function compareSettingsFromFlags(argv: readonly string[]): CompareCliSettings {
  const v = parseFlags('compare', argv, COMPARE_OPTIONS);
  const threshold = stringFlag(v, 'threshold');
  const gate = stringFlag(v, 'gate');
  const normalize = stringFlag(v, 'normalize');
  const accept = stringFlag(v, 'accept');
  const reason = accept === undefined ? null : acceptReason(accept);
  if (accept !== undefined && reason === null) {
    throw invalid('--accept', accept, 'a reason, e.g. --accept "trades 8 % latency for accuracy"');
  }
  return {
    baselinePath: requiredPath(
      v,
      'baseline',
      'a baseline file or a results file from threadgate sweep --json',
    ),
    currentPath: requiredPath(
      v,
      'current',
      'the results file of the run to check (threadgate sweep --json)',
    ),
    jsonPath: stringFlag(v, 'json'),
    options: {
      ...(threshold === undefined ? {} : { threshold: parsePercent(threshold, '--threshold') }),
      gate: gate === undefined ? DEFAULT_GATE : parseGateMode(gate, '--gate'),
      force: v['force'] === true,
      ...(normalize === undefined ? {} : { normalize: parseNormalize(normalize, '--normalize') }),
    },
    accepted: reason === null ? null : { by: '--accept', reason },
  };
}

export interface CompareIo {
  /** The human-readable text. Default: standard output, or standard error with --json -. */
  readonly out: (text: string) => void;
  readonly paint?: Paint;
}

export async function compareCommand(argv: readonly string[], io?: CompareIo): Promise<number> {
  const settings = compareSettingsFromFlags(argv);
  await checkJsonOutput(settings.jsonPath, '--json', [
    { flag: '--baseline', path: settings.baselinePath },
    { flag: '--current', path: settings.currentPath },
  ]);
  const human = io ? { write: io.out, paint: io.paint ?? PLAIN } : humanSink([settings.jsonPath]);
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
  human.write(`${renderComparison(comparison, human.paint)}\n`);
  if (settings.jsonPath !== undefined) {
    await writeJson(settings.jsonPath, toComparisonJson(comparison), '--json');
    if (!isStdout(settings.jsonPath)) human.write(`Comparison written to ${settings.jsonPath}\n`);
  }
  const outcome = decideOutcome(comparison, {
    failOnRegression: true,
    accepted: settings.accepted,
  });
  if (outcome.waived) human.write(`Not failing: ${outcome.waived}.\n`);
  return outcome.fail ? 1 : 0;
}
