/**
 * Whether a reviewer or the pull request's author accepted an intended slowdown: the label
 * `threadgate: accept` (from the event payload), or a `Threadgate-Accept: <reason>` trailer on the
 * pull request's head commit, read with git from the checkout. A commit that is not there (a
 * shallow checkout of the merge commit lacks its parents) or git failing is a note, never an
 * error: the regression then fails as it would without the trailer.
 */
import { gitErrorLine, git } from '../io/git.js';
import {
  ACCEPT_TRAILER,
  acceptanceFromLabels,
  acceptanceFromTrailer,
  type OutcomePolicy,
} from '../analysis/outcome.js';
import { isPullRequest, type RunnerContext } from './context.js';

/** Reading one commit's trailers: a local git call, bounded in time and output. */
const TRAILER_TIMEOUT_MS = 15_000;
const TRAILER_MAX_BYTES = 64 * 1024;

export interface Acceptance {
  readonly accepted: OutcomePolicy['accepted'];
  /** Why the trailer could not be read, when it could not (for the log and the comment). */
  readonly note: string | null;
}

/** The values of the `Threadgate-Accept` trailers of `sha`, as git parses the message. */
export async function readAcceptTrailers(workspace: string, sha: string): Promise<string[]> {
  const { stdout } = await git(
    [
      'log',
      '-1',
      '--no-show-signature',
      `--format=%(trailers:key=${ACCEPT_TRAILER},valueonly,unfold,separator=%x00)`,
      sha,
      '--',
    ],
    workspace,
    { timeoutMs: TRAILER_TIMEOUT_MS, maxBuffer: TRAILER_MAX_BYTES },
  );
  return String(stdout)
    .split('\0')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/**
 * The acceptance for this run: the label first; else, on a pull request, the head commit's
 * trailer. Only read when there is a regression to accept.
 */
export async function readAcceptance(
  ctx: RunnerContext,
  regression: boolean,
  /** The `accept-trailer` input: false leaves acceptance to the label alone. */
  trailers = true,
): Promise<Acceptance> {
  const byLabel = acceptanceFromLabels(ctx.labels);
  if (byLabel || !trailers || !regression || !isPullRequest(ctx) || ctx.headSha === null) {
    return { accepted: byLabel, note: null };
  }
  try {
    const values = await readAcceptTrailers(ctx.workspace, ctx.headSha);
    return { accepted: acceptanceFromTrailer(values, ctx.headSha), note: null };
  } catch (e) {
    return {
      accepted: null,
      note:
        `the pull request's head commit ${ctx.headSha.slice(0, 7)} could not be read for a ` +
        `${ACCEPT_TRAILER} trailer (${gitErrorLine(e)}); a shallow checkout lacks it: ` +
        'actions/checkout with fetch-depth: 2 has it',
    };
  }
}
