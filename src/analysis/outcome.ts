/**
 * The one place a verdict becomes a failure. Every shell — the CLI's exit code, the action's
 * failed step, report mode over several legs — maps this to its exit; none decides on its own.
 *
 * A regression fails unless the policy says otherwise: `fail-on-regression: false`, a run on the
 * default branch (it records the baseline; failing it would block the history), or an accepted
 * slowdown (a reviewer's `threadgate: accept` label or a `Threadgate-Accept:` trailer, with the
 * reason shown). Pass, inconclusive and no-baseline never fail. An error is not a verdict: it is
 * thrown, and the shells report it as an error (exit 2), never as a regression.
 */
import type { Verdict } from '../contract/limits.js';
import { formatNs, formatSignedPercent } from '../report/format.js';
import { plainText } from '../report/text.js';
import type { Comparison } from './comparison.js';

export interface OutcomePolicy {
  /** The `fail-on-regression` input (the CLI: always true). */
  readonly failOnRegression: boolean;
  /**
   * Why this run does not gate, when it does not: a run on the default branch records the
   * baseline; a workflow_run report job only reports (its measuring run is the check).
   */
  readonly notGating?: string | null;
  /** An intended slowdown, accepted by a reviewer: who or what said so, and why. */
  readonly accepted?: { readonly by: string; readonly reason: string } | null;
}

/** The pull-request label that accepts an intended slowdown. */
export const ACCEPT_LABEL = 'threadgate: accept';

/** The acceptance a pull request's labels give, if any. */
export function acceptanceFromLabels(labels: readonly string[]): OutcomePolicy['accepted'] {
  return labels.some((l) => l.trim().toLowerCase() === ACCEPT_LABEL)
    ? {
        by: `the label "${ACCEPT_LABEL}"`,
        reason: 'a reviewer accepted this slowdown as intended',
      }
    : null;
}

/** The commit trailer that accepts an intended slowdown: `Threadgate-Accept: <reason>`. */
export const ACCEPT_TRAILER = 'Threadgate-Accept';

/** A trailer's reason is cut to this many characters. */
export const MAX_ACCEPT_REASON = 200;

/**
 * A trailer's reason as threadgate shows it: the commit's author wrote it, so control characters
 * become spaces, format characters (bidi overrides, zero-width characters) are dropped, runs of
 * spaces collapse, and it is cut to MAX_ACCEPT_REASON characters. Null when nothing is left.
 * Markup is escaped where it is shown (markdown: escapeMarkdown; the log: plainText).
 */
export function acceptReason(raw: string): string | null {
  const clean = plainText(raw, 10_000).replace(/\s+/g, ' ').trim();
  if (clean === '') return null;
  return clean.length <= MAX_ACCEPT_REASON ? clean : `${clean.slice(0, MAX_ACCEPT_REASON - 1)}…`;
}

/**
 * The acceptance the head commit's `Threadgate-Accept:` trailers give (their values, as git
 * parses them): the first with a reason. The commit is named by its short sha.
 */
export function acceptanceFromTrailer(
  values: readonly string[],
  sha: string,
): OutcomePolicy['accepted'] {
  for (const value of values) {
    const reason = acceptReason(value);
    if (reason !== null) {
      return { by: `the commit trailer ${ACCEPT_TRAILER} on ${sha.slice(0, 7)}`, reason };
    }
  }
  return null;
}

export interface Outcome {
  readonly verdict: Verdict;
  /** The step or the process fails (exit 1). */
  readonly fail: boolean;
  /** One line: the failure's message, or what the log says on a pass. */
  readonly message: string;
  /** Why a regression does not fail, when it does not. */
  readonly waived: string | null;
}

export function decideOutcome(comparison: Comparison | null, policy: OutcomePolicy): Outcome {
  const verdict = comparison?.kind ?? 'no-baseline';
  if (comparison?.kind !== 'regression') {
    return { verdict, fail: false, message: verdictLine(comparison), waived: null };
  }
  const message = regressionMessage(comparison);
  const waived = policy.accepted
    ? `accepted by ${policy.accepted.by}: ${policy.accepted.reason}`
    : !policy.failOnRegression
      ? 'fail-on-regression is false'
      : (policy.notGating ?? null);
  return { verdict, fail: waived === null, message, waived };
}

/** The regression in one line: each regressed cell with its slowdown and interval. */
export function regressionMessage(c: Extract<Comparison, { kind: 'regression' }>): string {
  const parts = c.regressions.map(
    (r) =>
      `${r.workload} at ${r.threads} thread${r.threads === 1 ? '' : 's'} is ${formatSignedPercent(r.ratio - 1)} slower ` +
      `(${formatNs(r.baselineMedianNs)} → ${formatNs(r.currentMedianNs)}` +
      (r.ci95
        ? `, ${levelText(r.ciLevel)} CI ${formatSignedPercent(r.ci95[0] - 1)} … ${formatSignedPercent(r.ci95[1] - 1)}`
        : '') +
      ')',
  );
  return `threadgate: latency regression: ${parts.join('; ')}`;
}

function verdictLine(c: Comparison | null): string {
  if (c === null) return 'threadgate: no comparison (no baseline to compare with)';
  switch (c.kind) {
    case 'pass':
      return `threadgate: pass — no gated cell slower beyond the noise (largest change ${formatSignedPercent(c.maxSlowdown)})`;
    case 'inconclusive':
      return `threadgate: inconclusive — ${c.unresolved.length} cell${c.unresolved.length === 1 ? '' : 's'} undecided; not failing`;
    case 'no-baseline':
      return `threadgate: no baseline — ${c.reason}`;
    case 'regression':
      return regressionMessage(c);
    default: {
      const never: never = c;
      return never;
    }
  }
}

function levelText(confidence: number): string {
  return `${Number((confidence * 100).toPrecision(4))} %`;
}
