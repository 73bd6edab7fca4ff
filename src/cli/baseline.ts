/**
 * `threadgate baseline add|show|changes`: keep a baseline history in a file, for CI systems other
 * than GitHub Actions (where the action keeps it in the Actions cache). The file is the same
 * baseline document the action stores, so `threadgate compare --baseline FILE` and `threadgate
 * report --baseline FILE` read it. `changes` lists the change points of its cells
 * (analysis/changes.ts).
 */

import { LockError, withFileLock } from '../io/file-lock.js';
import { checkOutputPath } from '../results/io.js';
import {
  DEFAULT_MAX_RUNS,
  mergeRun,
  readBaselineIfExists,
  readBaselineFile,
  readResultFile,
  summarizeHistory,
  writeBaselineFile,
  type BaselineDocument,
} from '../baseline/index.js';
import {
  CHANGE_MIN_SIZE,
  CHANGE_PERMUTATIONS,
  CHANGE_SIGNIFICANCE,
  MAX_CHANGE_RUNS,
  describeChange,
  historyChanges,
} from '../analysis/changes.js';
import { fingerprintDifferences } from '../cpu/fingerprint.js';
import { InputError, invalid } from '../errors.js';
import { renderHistory, terminalText } from '../report/history-terminal.js';
import type { Result } from '../results/types.js';
import { parseFlags, requiredPath, stringFlag, type OptionSpec } from './args.js';

export const BASELINE_ADD_OPTIONS = {
  history: { type: 'string' },
  result: { type: 'string' },
  keep: { type: 'string' },
  ref: { type: 'string' },
  sha: { type: 'string' },
  force: { type: 'boolean' },
} as const satisfies OptionSpec;

export const BASELINE_SHOW_OPTIONS = {
  history: { type: 'string' },
  json: { type: 'boolean', short: 'j' },
} as const satisfies OptionSpec;

export const BASELINE_CHANGES_OPTIONS = {
  history: { type: 'string' },
  json: { type: 'boolean' },
} as const satisfies OptionSpec;

/** The most runs `--keep` accepts: the file grows by ~100 bytes per cell per run. */
export const MAX_KEEP = 1000;

export const BASELINE_HELP = `threadgate baseline — keep a baseline history in a file (for GitLab, Jenkins, Buildkite, …)

Usage:
  threadgate baseline add  --history FILE --result FILE [--keep N] [--ref R] [--sha S] [--force]
  threadgate baseline show --history FILE [-j|--json]
  threadgate baseline changes --history FILE [--json]

add   appends the run in --result (a threadgate sweep --json file) to the history, creating the
      file if there is none; the write is atomic (a reader sees the old history or the new one).
      Run it on the default branch only; pull requests compare against the history with
      threadgate compare --baseline FILE or threadgate report --baseline FILE.
  --history FILE  the baseline history (created if missing)
  --result FILE   the results JSON of the run to add
  --keep N        keep the newest N runs whole (default ${DEFAULT_MAX_RUNS}, at most ${MAX_KEEP}),
                  and older ones thinned: one a day for N days, then one a week for N weeks
  --ref R         the git ref the run measured, e.g. main or refs/heads/main (recorded)
  --sha S         the commit the run measured, 7 to 64 hex digits (recorded)
  --force         the run is from another kind of machine (another fingerprint: OS, arch,
                  CPU model, usable CPUs, physical cores, onnxruntime): start a fresh history
                  with it, dropping the old runs. Without it such a run is refused, because
                  runs from different machines cannot share a history. Keep one history per
                  kind of runner instead (e.g. a cache key per runner tag).

show  lists the history's runs (date, ref, sha) and, per workload and thread count, the run
      medians, newest last.
  --history FILE  the baseline history to show
  -j, --json      print it as JSON (kind "threadgate-baseline-summary") instead of tables,
                  to standard output like the tables (nothing else is written there)

changes  lists the change points of each workload and thread count: where its run median
      stepped to a new level and stayed there (a slowdown no single pull request's gate
      caught, or a change of the runners). Per cell, E-divisive means (Matteson & James 2014)
      on the log run medians of its newest ${MAX_CHANGE_RUNS} runs, each split tested by ${CHANGE_PERMUTATIONS} seeded
      permutations at the ${CHANGE_SIGNIFICANCE * 100} % level, at least ${CHANGE_MIN_SIZE} runs on each side. Each change names
      the first run of the new level (its date and commit) and the ratio of the medians after
      and before, with a 95 % bootstrap CI. The stored gate compares a run with the runs since
      the last change point of each cell.
  --history FILE  the baseline history to search
  --json          print {"changes": [{workload, threads, index, createdAt, sha, ratio,
                  ci: [lo, hi]}, …]} (index: the run, oldest 0; sha null when not recorded;
                  an empty list when there is no change) instead of text

Exit codes: 0 done, 2 error (bad input, a file that cannot be read or written).`;

export interface BaselineIo {
  readonly out: (text: string) => void;
}

const stdoutIo: BaselineIo = { out: (text) => void process.stdout.write(text) };

export async function baselineCommand(
  argv: readonly string[],
  io: BaselineIo = stdoutIo,
): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'add':
      return addCommand(rest, io);
    case 'show':
      return showCommand(rest, io);
    case 'changes':
      return changesCommand(rest, io);
    default:
      throw new InputError(
        sub === undefined
          ? 'baseline: missing subcommand; expected "threadgate baseline add", "threadgate baseline show" or "threadgate baseline changes" (see threadgate baseline --help)'
          : `baseline: got ${JSON.stringify(sub)}; expected the subcommand add, show or changes (see threadgate baseline --help)`,
      );
  }
}

// ---------------------------------------------------------------------------------------------

export interface BaselineAddSettings {
  readonly historyPath: string;
  readonly resultPath: string;
  readonly keep: number;
  readonly ref: string | undefined;
  readonly sha: string | undefined;
  readonly force: boolean;
}

export function baselineAddSettingsFromFlags(argv: readonly string[]): BaselineAddSettings {
  const v = parseFlags('baseline add', argv, BASELINE_ADD_OPTIONS);
  const keep = stringFlag(v, 'keep');
  const ref = stringFlag(v, 'ref');
  const sha = stringFlag(v, 'sha');
  return {
    historyPath: requiredPath(v, 'history', 'the baseline history file; created if missing'),
    resultPath: requiredPath(v, 'result', 'the results file of the run, threadgate sweep --json'),
    keep: keep === undefined ? DEFAULT_MAX_RUNS : parseKeep(keep),
    ref: ref === undefined ? undefined : parseRef(ref),
    sha: sha === undefined ? undefined : parseSha(sha),
    force: v['force'] === true,
  };
}

function parseKeep(text: string): number {
  const n = /^\s*\d{1,4}\s*$/.test(text) ? Number(text) : NaN;
  if (!(n >= 1 && n <= MAX_KEEP)) {
    throw invalid('--keep', text, `a whole number of runs from 1 to ${MAX_KEEP}, e.g. 20`);
  }
  return n;
}

function parseRef(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (text.trim() === '' || text.length > 255 || /[\u0000-\u001f\u007f\s]/.test(text)) {
    throw invalid(
      '--ref',
      text,
      'a git ref name without spaces or control characters, at most 255 characters, e.g. main',
    );
  }
  return text;
}

function parseSha(text: string): string {
  if (!/^[0-9a-fA-F]{7,64}$/.test(text)) {
    throw invalid('--sha', text, 'a commit hash of 7 to 64 hex digits, e.g. $CI_COMMIT_SHA');
  }
  return text.toLowerCase();
}

async function loadHistory(path: string): Promise<BaselineDocument | null> {
  const parsed = await readBaselineIfExists(path, '--history');
  if (parsed === null) return null;
  if (parsed.from === 'result') {
    throw new InputError(
      `--history ${path}: is a results file (threadgate sweep --json), not a baseline history; ` +
        'expected a history written by threadgate baseline add, or a path where none exists yet ' +
        '(were --history and --result swapped?)',
    );
  }
  return parsed.document;
}

function refuseOtherMachine(
  history: BaselineDocument,
  result: Result,
  settings: BaselineAddSettings,
): never {
  const diff = fingerprintDifferences(history.machine, result.machine)
    .map((d) => `${d.field} ${JSON.stringify(d.a)} ≠ ${JSON.stringify(d.b)}`)
    .join(', ');
  throw new InputError(
    `--result ${settings.resultPath}: was measured on another kind of machine than the runs in ` +
      `${settings.historyPath} (history ≠ this run: fingerprint ${history.fingerprint} ≠ ` +
      `${result.machine.fingerprint}${diff ? `, ${diff}` : ''}); expected a run from the same ` +
      'kind of machine: keep one history per kind of runner, or give --force to start a fresh ' +
      'history with this run',
  );
}

async function addCommand(argv: readonly string[], io: BaselineIo): Promise<number> {
  const settings = baselineAddSettingsFromFlags(argv);
  const result = await readResultFile(settings.resultPath, '--result');
  await checkOutputPath(
    settings.historyPath,
    '--history',
    [{ flag: '--result', path: settings.resultPath }],
    { createParents: true },
  );
  // Read, merge and write under a lock: two pipelines adding at once both land.
  const { history, baseline, notes, bytes } = await withFileLock(settings.historyPath, async () => {
    const history = await loadHistory(settings.historyPath);
    if (history !== null && history.fingerprint !== result.machine.fingerprint && !settings.force) {
      refuseOtherMachine(history, result, settings);
    }
    const merged = mergeRun(history, result, {
      maxRuns: settings.keep,
      ...(settings.ref === undefined ? {} : { ref: settings.ref }),
      ...(settings.sha === undefined ? {} : { sha: settings.sha }),
    });
    let bytes: number;
    try {
      bytes = await writeBaselineFile(settings.historyPath, merged.baseline);
    } catch (e) {
      throw new InputError(`--history: ${(e as Error).message}`);
    }
    return { history, ...merged, bytes };
  }).catch((e: unknown) => {
    // Held past the deadline, or something at the lock's path that is not a lock: exit 2.
    if (e instanceof LockError) throw new InputError(`--history: ${e.message}`);
    throw e;
  });

  const kept = baseline.runs.filter((r) => r.kept === undefined).length;
  const thinned = baseline.runs.length - kept;
  const before = history?.fingerprint === baseline.fingerprint ? history.runs.length : 0;
  const replaced = notes.some((n) => n.startsWith('replaced'));
  const dropped = before + (replaced ? 0 : 1) - baseline.runs.length;
  const lines = [
    `${history === null ? 'Created' : 'Updated'} ${settings.historyPath} with the run of ` +
      `${result.createdAt}: ${kept} run${kept === 1 ? '' : 's'} (at most ${settings.keep})` +
      (thinned > 0
        ? ` and ${thinned} older one${thinned === 1 ? '' : 's'} kept a day or a week apart`
        : '') +
      `, ${bytes} bytes; machine fingerprint ${baseline.fingerprint}`,
  ];
  if (dropped > 0) {
    lines.push(
      `Dropped ${dropped} older run${dropped === 1 ? '' : 's'} (--keep ${settings.keep}: the newest ${settings.keep} whole, older ones thinned to one a day, then one a week)`,
    );
  }
  for (const note of notes) {
    lines.push(
      note.startsWith('machine fingerprint changed') ? `--force: ${note}` : `Note: ${note}`,
    );
  }
  io.out(`${lines.map(terminalText).join('\n')}\n`);
  return 0;
}

// ---------------------------------------------------------------------------------------------

/** The history at `path`, which must be a baseline history (not a results file). */
async function readHistoryOnly(path: string): Promise<BaselineDocument> {
  const parsed = await readBaselineFile(path, '--history');
  if (parsed.from === 'result') {
    throw new InputError(
      `--history ${path}: is a results file (threadgate sweep --json), not a baseline history; ` +
        'expected a history written by threadgate baseline add',
    );
  }
  return parsed.document;
}

async function showCommand(argv: readonly string[], io: BaselineIo): Promise<number> {
  const v = parseFlags('baseline show', argv, BASELINE_SHOW_OPTIONS);
  const path = requiredPath(v, 'history', 'a baseline history written by threadgate baseline add');
  const summary = summarizeHistory(await readHistoryOnly(path));
  io.out(
    v['json'] === true
      ? `${JSON.stringify(summary, null, 2)}\n`
      : `${renderHistory(summary, path)}\n`,
  );
  return 0;
}

// ---------------------------------------------------------------------------------------------

async function changesCommand(argv: readonly string[], io: BaselineIo): Promise<number> {
  const v = parseFlags('baseline changes', argv, BASELINE_CHANGES_OPTIONS);
  const path = requiredPath(v, 'history', 'a baseline history written by threadgate baseline add');
  const history = await readHistoryOnly(path);
  const changes = historyChanges(history);
  if (v['json'] === true) {
    io.out(`${JSON.stringify({ changes }, null, 2)}\n`);
    return 0;
  }
  const runs = `${history.runs.length} run${history.runs.length === 1 ? '' : 's'}`;
  const lines =
    changes.length === 0
      ? [`No change point in the ${runs} of ${path}.`]
      : [
          `${changes.length} change point${changes.length === 1 ? '' : 's'} in the ${runs} of ${path}:`,
          ...changes.map((c) => `  run ${c.index}: ${describeChange(c)}`),
        ];
  io.out(`${lines.map(terminalText).join('\n')}\n`);
  return 0;
}
