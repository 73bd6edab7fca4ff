/**
 * `mode: report`: no onnxruntime-node, no measuring. Reads the report bundles under
 * `report-from` (untrusted: src/bundle/read.ts), and posts or edits ONE sticky comment for all
 * legs, writes the job summary and the outputs.
 *
 * Which pull request: on `pull_request` events its own; on `workflow_run` the triggering run's
 * entry of `pull_requests` whose head is the run's `head_sha` (else the first), or — GitHub leaves that list empty for pull requests
 * from forks — the PR number the bundles' manifests name, accepted only if GitHub says that pull
 * request's head is the triggering run's `head_sha` (a fork could name any number). Otherwise
 * nothing is commented.
 *
 * Outputs: `verdict` the worst leg's (regression > inconclusive > pass > no-baseline),
 * `max-slowdown` the largest of the legs, `recommended-threads` the legs' common recommendation
 * (empty when they disagree: they are different machines), `comment-url`. A regression fails the
 * step on pull_request events (a matrix's final job) with fail-on-regression, never on
 * workflow_run (the measuring run is the pull request's check). Every bundle rejected is an error.
 */
import { acceptanceFromLabels, decideOutcome } from '../analysis/outcome.js';
import path from 'node:path';
import { readBundles, type BundleExpectations, type Leg } from '../bundle/read.js';
import { InputError } from '../errors.js';
import { classifyGitHubError, stickyKey } from '../github/comment.js';
import {
  agreedThreads,
  maxSlowdownOfLegs,
  renderLegsMarkdown,
  worstVerdict,
  type LegReport,
} from '../report/legs.js';
import { plainText } from '../report/text.js';
import { isPullRequest, runUrl, type RunnerContext } from './context.js';
import type { ActionSettings } from './inputs.js';
import { actionLog } from './log.js';
import type { ActionPorts } from './ports.js';
import { upsertComment, writeSummary } from './report-phase.js';

/** The pull request to comment on, or why there is none (a warning when it is worth one). */
export type CommentTarget =
  | { readonly kind: 'pull-request'; readonly number: number; readonly how: string }
  | { readonly kind: 'none'; readonly warning: string | null };

export async function runReportMode(
  ports: ActionPorts,
  settings: ActionSettings,
  ctx: RunnerContext,
): Promise<void> {
  const { core } = ports;
  const { info, warning } = actionLog(core);
  const root = path.resolve(ctx.workspace, settings.reportFrom);
  const run = ctx.eventName === 'workflow_run' ? ctx.workflowRun : null;
  const expect: BundleExpectations = {
    repository: `${ctx.owner}/${ctx.repo}`,
    ...(run ? { runId: run.id } : {}),
    ...(run?.headSha ? { headSha: run.headSha } : {}),
  };
  const bundles = await core.group('Reading report bundles', async () => {
    const set = await readBundles(root, 'report-from', expect);
    for (const leg of set.legs) info(`bundle ${leg.name}: leg ${leg.manifest.leg}`);
    for (const r of set.rejected) warning(`report bundle ${r.name} rejected: ${r.reason}`);
    return set;
  });
  const legs = bundles.legs.map((leg) => legReport(leg, ctx));
  const warnings = [...bundles.notes];

  const verdict = worstVerdict(legs);
  const slowdown = maxSlowdownOfLegs(legs);
  const threads = agreedThreads(legs);
  core.setOutput('verdict', verdict);
  core.setOutput('max-slowdown', slowdown === null ? '' : (slowdown * 100).toFixed(2));
  core.setOutput('recommended-threads', threads === null ? '' : String(threads));
  if (threads === null && legs.length > 1) {
    info(
      'recommended-threads is empty: the legs recommend different thread counts (see the table)',
    );
  }

  const target = await commentTarget(ports, settings, ctx, bundles.legs);
  if (target.kind === 'none' && target.warning) warnings.push(target.warning);
  const markdown = (extra: readonly string[]) =>
    renderLegsMarkdown(legs, bundles.rejected, {
      runUrl: runUrl(ctx),
      warnings: [...warnings, ...extra],
    });

  let commentWarnings: string[] = [];
  const wanted =
    settings.comment === 'always' ||
    (settings.comment === 'on-regression' && verdict === 'regression');
  if (target.kind === 'pull-request' && wanted) {
    info(`Commenting on pull request #${target.number} (${target.how})`);
    commentWarnings = await upsertComment(
      ports,
      settings,
      ctx,
      target.number,
      reportKey(settings, ctx),
      markdown([]),
    );
  }
  for (const w of [...warnings, ...commentWarnings]) warning(w);
  await writeSummary(ports, markdown(commentWarnings));

  if (legs.length === 0) {
    throw new InputError(
      `report-from: every report bundle under ${JSON.stringify(settings.reportFrom)} was rejected ` +
        `(${bundles.rejected.length}; the comment and the job summary say why); expected bundles ` +
        'written by threadgate measuring steps of this run',
    );
  }
  // The final job of a matrix on a pull request is a gate (its legs can set
  // fail-on-regression: false and all finish); a workflow_run job is not the pull request's
  // check — its measuring run is — so it only reports.
  const worst = legs.filter((l) => l.comparison?.kind === 'regression');
  const outcome = decideOutcome(worst[0]?.comparison ?? null, {
    failOnRegression: settings.failOnRegression,
    notGating: isPullRequest(ctx) ? null : 'a report job outside a pull request only reports',
    // The same acceptance as the measuring legs': the pull request's label.
    accepted: acceptanceFromLabels(ctx.labels),
  });
  const legsLine = `threadgate: latency regression in ${worst.length} of ${legs.length} legs: ${worst.map((l) => l.label).join('; ')}`;
  if (outcome.fail) core.setFailed(plainText(legsLine, 4000));
  else if (outcome.waived)
    core.warning(plainText(`${legsLine} (not failing: ${outcome.waived})`, 4000));
  else
    core.notice(
      plainText(
        `threadgate: ${verdict} over ${legs.length} leg${legs.length === 1 ? '' : 's'}`,
        400,
      ),
    );
}

/** The combined comment's key: this workflow and job, and `comment-key` when set. */
export function reportKey(settings: ActionSettings, ctx: RunnerContext): string {
  return stickyKey({
    workflow: ctx.workflow,
    job: ctx.job,
    matrix: settings.commentKey !== '' ? settings.commentKey : 'report',
  });
}

function legReport(leg: Leg, ctx: RunnerContext): LegReport {
  // The link is built from this repository and the manifest's run id (checked: digits only).
  return {
    label: leg.manifest.leg,
    result: leg.result,
    comparison: leg.comparison,
    runUrl: runUrl({ ...ctx, runId: leg.manifest.runId }),
  };
}

/**
 * Which pull request the report goes to. Only GitHub's word counts: the event's own pull
 * request, the workflow_run payload's, or a number from the bundles that GitHub confirms has the
 * triggering run's head commit.
 */
export async function commentTarget(
  ports: Pick<ActionPorts, 'github'>,
  settings: ActionSettings,
  ctx: RunnerContext,
  legs: readonly Leg[],
): Promise<CommentTarget> {
  if (isPullRequest(ctx) && ctx.pullNumber !== null) {
    return { kind: 'pull-request', number: ctx.pullNumber, how: `the ${ctx.eventName} event` };
  }
  const run = ctx.eventName === 'workflow_run' ? ctx.workflowRun : null;
  if (run === null) return { kind: 'none', warning: null };
  if (run.pullNumber !== null) {
    return {
      kind: 'pull-request',
      number: run.pullNumber,
      how: `workflow_run.pull_requests of run ${run.id}`,
    };
  }
  const named = [
    ...new Set(legs.map((l) => l.manifest.pullNumber).filter((n): n is number => n !== null)),
  ];
  if (named.length === 0) return { kind: 'none', warning: null };
  if (named.length > 1) {
    return {
      kind: 'none',
      warning: `not commenting: the bundles name different pull requests (${named.map((n) => `#${n}`).join(', ')})`,
    };
  }
  const number = named[0]!;
  if (settings.comment === 'never') return { kind: 'none', warning: null };
  if (run.headSha === null || !settings.githubToken) {
    return {
      kind: 'none',
      warning: `not commenting on pull request #${number}: ${run.headSha === null ? 'the workflow_run event has no head_sha' : 'the github-token input is empty'} to check it against`,
    };
  }
  try {
    const client = ports.github(settings.githubToken, { baseUrl: ctx.apiUrl });
    const { data } = await client.rest.pulls.get({
      owner: ctx.owner,
      repo: ctx.repo,
      pull_number: number,
    });
    if (data.head.sha !== run.headSha) {
      return {
        kind: 'none',
        warning:
          `not commenting on pull request #${number}, which the bundles name: its head is ` +
          `${data.head.sha}, not the head of the run that wrote them (${run.headSha})`,
      };
    }
    return {
      kind: 'pull-request',
      number,
      how: `named by the bundles; its head ${data.head.sha} is the triggering run's`,
    };
  } catch (e) {
    const err = classifyGitHubError(e);
    return {
      kind: 'none',
      warning: `not commenting on pull request #${number}, which the bundles name: it could not be checked (GitHub answered ${err.status ?? 'with an error'}: ${err.message})`,
    };
  }
}
