/**
 * `threadgate report`: the markdown report of the PR comment (src/report/markdown.ts), from a
 * results file and optionally a baseline or a comparison file, for CI systems that post it
 * themselves (a GitLab merge-request note, a Jenkins page, a Buildkite annotation).
 */

import { compareResults, type Comparison } from '../analysis/compare.js';
import { historyRecommendation, trendSeries } from '../analysis/trend.js';
import type { BaselineDocument } from '../contract/schema.js';
import {
  checkComparisonOf,
  readBaselineFile,
  readComparisonFile,
  readResultFile,
} from '../contract/documents.js';
import { InputError, invalid } from '../errors.js';
import { renderMarkdown, type MarkdownContext } from '../report/markdown.js';
import { checkOutputPath, fsWords, writeTextAtomic } from '../results/io.js';
import type { Result } from '../results/types.js';
import { parseFlags, requiredPath, stringFlag, type OptionSpec } from './args.js';

export const REPORT_OPTIONS = {
  current: { type: 'string', short: 'c' },
  baseline: { type: 'string', short: 'b' },
  comparison: { type: 'string' },
  out: { type: 'string', short: 'o' },
  title: { type: 'string' },
  'run-url': { type: 'string' },
} as const satisfies OptionSpec;

export const REPORT_HELP = `threadgate report — the markdown report of the pull-request comment, for any CI

Usage:
  threadgate report -c|--current FILE [-b|--baseline FILE | --comparison FILE]
                    [-o|--out FILE] [--title TEXT] [--run-url URL]

  -c, --current FILE   the results JSON of the run (threadgate sweep --json)
  -b, --baseline FILE  compare with this baseline history (threadgate baseline add) or results
                       file, with the default stored-baseline gate of threadgate compare
  --comparison FILE    or show this comparison (threadgate compare --json, or the
                       --comparison-json of a same-job sweep); it must be the comparison of the
                       --current run. Validated as untrusted data.
  -o, --out FILE       write the markdown to FILE (atomically) instead of standard output
                       (- or no --out: standard output)
  --title TEXT         a title for the headline, e.g. the runner: "linux-x64"
  --run-url URL        a link to the CI job (http or https), e.g. "$CI_JOB_URL"
  -h, --help           this help (also: threadgate help report)

Without --baseline or --comparison the report shows the sweep and the recommendation only.
Paste it as a GitLab merge-request note, a Jenkins build description or a Buildkite annotation;
the README's "Other CI systems" section has a GitLab job.

Exit codes: 0 the report was written, whatever its verdict (threadgate compare is the gate and
exits 1 on a regression), 2 error (bad input, a file that cannot be read or written).`;

export interface ReportCliSettings {
  readonly currentPath: string;
  readonly baselinePath: string | undefined;
  readonly comparisonPath: string | undefined;
  readonly outPath: string | undefined;
  readonly title: string | undefined;
  readonly runUrl: string | undefined;
}

export function reportSettingsFromFlags(argv: readonly string[]): ReportCliSettings {
  const v = parseFlags('report', argv, REPORT_OPTIONS);
  const optionalPath = (name: string, what: string) =>
    v[name] === undefined ? undefined : requiredPath(v, name, what);
  const baselinePath = optionalPath('baseline', 'a baseline history or a results file');
  const comparisonPath = optionalPath('comparison', 'a threadgate compare --json file');
  if (baselinePath !== undefined && comparisonPath !== undefined) {
    throw new InputError(
      '--baseline and --comparison: given together; expected one of them: --baseline FILE to ' +
        'compare here, or --comparison FILE to show a comparison made by threadgate compare --json',
    );
  }
  const title = stringFlag(v, 'title');
  const runUrl = stringFlag(v, 'run-url');
  return {
    currentPath: requiredPath(v, 'current', 'the results file of the run, threadgate sweep --json'),
    baselinePath,
    comparisonPath,
    outPath: v['out'] === '-' ? undefined : optionalPath('out', 'where to write the markdown'),
    title: title === undefined ? undefined : parseTitle(title),
    runUrl: runUrl === undefined ? undefined : parseRunUrl(runUrl),
  };
}

function parseTitle(text: string): string {
  if (text.trim() === '' || text.length > 200) {
    throw invalid('--title', text, 'a non-empty title of at most 200 characters, e.g. linux-x64');
  }
  return text;
}

/** The URL goes into a markdown link: http(s) only, and nothing that could end the link. */
function parseRunUrl(text: string): string {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (
    url === undefined ||
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    // eslint-disable-next-line no-control-regex
    /[\s()<>[\]`"'\u0000-\u001f\u007f]/.test(text) ||
    text.length > 2000
  ) {
    throw invalid(
      '--run-url',
      text,
      'an http or https URL without spaces, quotes, brackets or parentheses, e.g. $CI_JOB_URL',
    );
  }
  return text;
}

/** The comparison to show: made here from --baseline, read from --comparison, or none. */
async function comparisonFor(
  settings: ReportCliSettings,
  current: Result,
): Promise<{ comparison: Comparison | null; history: BaselineDocument | null }> {
  if (settings.baselinePath !== undefined) {
    const parsed = await readBaselineFile(settings.baselinePath, '--baseline');
    const comparison = compareResults(
      {
        document: parsed.document,
        source: `file ${settings.baselinePath}`,
        notes:
          parsed.from === 'result'
            ? [`${settings.baselinePath} is a results file: used as a baseline history of one run`]
            : [],
      },
      current,
    );
    return { comparison, history: parsed.document };
  }
  if (settings.comparisonPath === undefined) return { comparison: null, history: null };
  const comparison = await readComparisonFile(settings.comparisonPath, '--comparison');
  checkComparisonOf(
    comparison,
    current,
    (m) => new InputError(`--comparison ${settings.comparisonPath}: ${m}`),
    'the --current run',
  );
  return { comparison, history: null };
}

const NO_BASELINE_HINT =
  'To get a baseline, add each default-branch run to a history (`threadgate baseline add ' +
  '--history FILE --result FILE`) and compare with it (`threadgate report --baseline FILE`).';

export interface ReportIo {
  readonly out: (text: string) => void;
}

const stdoutIo: ReportIo = { out: (text) => void process.stdout.write(text) };

export async function reportCommand(
  argv: readonly string[],
  io: ReportIo = stdoutIo,
): Promise<number> {
  const settings = reportSettingsFromFlags(argv);
  await checkOutputPath(
    settings.outPath,
    '--out',
    [
      { flag: '--current', path: settings.currentPath },
      { flag: '--baseline', path: settings.baselinePath },
      { flag: '--comparison', path: settings.comparisonPath },
    ],
    { createParents: true },
  );
  const current = await readResultFile(settings.currentPath, '--current');
  const { comparison, history } = await comparisonFor(settings, current);
  const sameJob =
    comparison !== null &&
    comparison.kind !== 'no-baseline' &&
    comparison.baseline.source.startsWith('same job:');
  const ctx: MarkdownContext = {
    ...(settings.title === undefined ? {} : { title: settings.title }),
    ...(settings.runUrl === undefined ? {} : { runUrl: settings.runUrl }),
    baselineKind: sameJob ? 'same-job' : 'stored',
    noBaselineHint: NO_BASELINE_HINT,
    resultsPath: settings.currentPath,
    ...(history
      ? {
          trend: trendSeries(history, current, comparison, comparison?.changes ?? []),
          historyAdvice: historyRecommendation(history, current, current.settings.tolerance),
        }
      : {}),
  };
  const markdown = renderMarkdown(current, comparison, ctx);
  if (settings.outPath === undefined) {
    io.out(markdown);
  } else {
    try {
      await writeTextAtomic(settings.outPath, markdown);
    } catch (e) {
      throw new InputError(
        `--out: could not write ${JSON.stringify(settings.outPath)}: ${fsWords(e)}`,
      );
    }
    io.out(`Report written to ${settings.outPath} (${Buffer.byteLength(markdown)} bytes)\n`);
  }
  return 0;
}
