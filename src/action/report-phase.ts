/**
 * The action's sinks for the report: the sticky pull-request comment and the job summary.
 * Failures here are warnings: the results file and the outputs are written before, and the
 * summary is written whatever happens to the comment.
 */
import type { Comparison } from '../analysis/compare.js';
import {
  classifyGitHubError,
  commentMarker,
  stickyKey,
  upsertStickyComment,
} from '../github/comment.js';
import { truncateBody } from '../report/text.js';
import type { Result } from '../results/types.js';
import { isPullRequest, type RunnerContext } from './context.js';
import type { ActionSettings } from './inputs.js';
import type { ActionPorts } from './ports.js';

/** GitHub's limit for one step's summary is 1 MiB (bytes). */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 1024;

/** The sticky comment's key: the workflow, the job, and the leg (comment-key or runner + workloads). */
export function legKey(settings: ActionSettings, ctx: RunnerContext, result: Result): string {
  return stickyKey({
    workflow: ctx.workflow,
    job: ctx.job,
    matrix:
      settings.commentKey !== ''
        ? settings.commentKey
        : {
            runner: `${result.machine.os}-${result.machine.arch}`,
            workloads: result.workloads.map((w) => w.id).join(' '),
          },
  });
}

/** Post or edit the sticky comment when the event and the settings ask for one; returns warnings. */
export async function postComment(
  ports: ActionPorts,
  settings: ActionSettings,
  ctx: RunnerContext,
  key: string,
  comparison: Comparison | null,
  body: string,
): Promise<string[]> {
  if (!isPullRequest(ctx) || ctx.pullNumber === null) return [];
  if (settings.comment === 'never') return [];
  if (settings.comment === 'on-regression' && comparison?.kind !== 'regression') return [];
  return upsertComment(ports, settings, ctx, ctx.pullNumber, key, body);
}

/** Post or edit the sticky comment with `key` on pull request `issueNumber`; returns warnings. */
export async function upsertComment(
  ports: ActionPorts,
  settings: ActionSettings,
  ctx: RunnerContext,
  issueNumber: number,
  key: string,
  body: string,
): Promise<string[]> {
  if (!settings.githubToken) {
    return [
      'threadgate could not comment: the github-token input is empty. The job summary has the full report.',
    ];
  }
  try {
    const client = ports.github(settings.githubToken, { baseUrl: ctx.apiUrl });
    const posted = await upsertStickyComment(client, {
      owner: ctx.owner,
      repo: ctx.repo,
      issueNumber,
      marker: commentMarker(key),
      body,
    });
    ports.core.setOutput('comment-url', posted.url);
    ports.core.info(`Comment ${posted.action}: ${posted.url}`);
    return [];
  } catch (e) {
    const info = classifyGitHubError(e);
    return [`${info.message}. ${info.hint}`];
  }
}

/** Write the job summary (within GitHub's 1 MiB); a failure is a warning. */
export async function writeSummary(ports: ActionPorts, markdown: string): Promise<void> {
  try {
    await ports.core.appendSummary(truncateBody(markdown, SUMMARY_LIMIT_BYTES, 'bytes'));
  } catch (e) {
    ports.core.warning(
      `Could not write the job summary: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}
