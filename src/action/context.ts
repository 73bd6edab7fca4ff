/**
 * What the runner tells the action about the run, read once from the environment and the event
 * payload (GITHUB_EVENT_PATH). Plain data; nothing here talks to the network.
 */
import { readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface RunnerContext {
  readonly eventName: string;
  readonly owner: string;
  readonly repo: string;
  /** The pull request's number on pull_request events. */
  readonly pullNumber: number | null;
  /**
   * The branch of this run: the pushed branch (GITHUB_REF_NAME), or on pull requests the head
   * branch, a name the pull request's author chose (never part of a cache key: cacheKeySource).
   */
  readonly branch: string;
  readonly defaultBranch: string;
  readonly ref: string;
  readonly sha: string;
  readonly runId: string;
  readonly runAttempt: string;
  readonly workflow: string;
  readonly job: string;
  readonly serverUrl: string;
  readonly apiUrl: string;
  readonly tempDir: string;
  readonly toolCacheDir: string | undefined;
  readonly workspace: string;
  /**
   * The commit a pull request or merge-queue entry is based on (`pull_request.base.sha`,
   * `merge_group.base_sha`): what the same-job comparison measures as the base by default.
   */
  readonly baseSha: string | null;
  /** The pull request's head sha (`pull_request.head.sha`), for the report manifest. */
  readonly headSha: string | null;
  /** On `workflow_run` events: the run that triggered this one (report mode reports on it). */
  readonly workflowRun: WorkflowRunInfo | null;
  /** The pull request's labels (`pull_request.labels[].name`), as of the event. */
  readonly labels: readonly string[];
}

/** The triggering run of a `workflow_run` event, from GitHub's payload (trusted). */
export interface WorkflowRunInfo {
  readonly id: string;
  readonly headSha: string | null;
  /** The event that started it, e.g. `pull_request`. */
  readonly event: string;
  /**
   * Its pull request from `workflow_run.pull_requests` (the one whose head is `head_sha`, else
   * the first); null when GitHub lists none, as for pull requests from forks.
   */
  readonly pullNumber: number | null;
  /** `workflow_run.head_repository.full_name`: another repository's when it came from a fork. */
  readonly headRepository: string | null;
}

interface EventPayload {
  pull_request?: {
    number?: number;
    head?: { ref?: string; sha?: string };
    base?: { ref?: string; sha?: string };
    labels?: { name?: unknown }[];
  };
  merge_group?: { base_sha?: string; head_sha?: string; base_ref?: string };
  workflow_run?: {
    id?: number;
    head_sha?: string;
    event?: string;
    pull_requests?: { number?: number; head?: { sha?: string } }[];
    head_repository?: { full_name?: string };
  };
  repository?: { default_branch?: string };
}

/** The event payload is the runner's own file; a missing or unreadable one reads as empty. */
const MAX_EVENT_BYTES = 25 * 1024 * 1024;

function readEvent(file: string | undefined): EventPayload {
  if (!file) return {};
  try {
    if (statSync(file).size > MAX_EVENT_BYTES) return {};
    const value = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return typeof value === 'object' && value !== null ? (value as EventPayload) : {};
  } catch {
    return {};
  }
}

const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
const asSha = (x: unknown): string | null => (typeof x === 'string' && SHA.test(x) ? x : null);

export function readRunnerContext(env: NodeJS.ProcessEnv = process.env): RunnerContext {
  const event = readEvent(env['GITHUB_EVENT_PATH']);
  const [owner = '', repo = ''] = (env['GITHUB_REPOSITORY'] ?? '/').split('/');
  const pr = event.pull_request;
  return {
    eventName: env['GITHUB_EVENT_NAME'] ?? '',
    owner,
    repo,
    pullNumber: typeof pr?.number === 'number' ? pr.number : null,
    branch: env['GITHUB_HEAD_REF'] || pr?.head?.ref || env['GITHUB_REF_NAME'] || '',
    defaultBranch: event.repository?.default_branch ?? 'main',
    ref: env['GITHUB_REF'] ?? '',
    sha: env['GITHUB_SHA'] ?? '',
    runId: env['GITHUB_RUN_ID'] ?? String(Date.now()),
    runAttempt: env['GITHUB_RUN_ATTEMPT'] ?? '1',
    workflow: env['GITHUB_WORKFLOW'] ?? '',
    job: env['GITHUB_JOB'] ?? '',
    serverUrl: env['GITHUB_SERVER_URL'] ?? 'https://github.com',
    apiUrl: env['GITHUB_API_URL'] ?? 'https://api.github.com',
    tempDir: env['RUNNER_TEMP'] || os.tmpdir(),
    toolCacheDir: env['RUNNER_TOOL_CACHE'] || undefined,
    workspace: env['GITHUB_WORKSPACE'] || process.cwd(),
    baseSha: asSha(pr?.base?.sha) ?? asSha(event.merge_group?.base_sha),
    headSha: asSha(pr?.head?.sha) ?? asSha(event.merge_group?.head_sha),
    workflowRun: readWorkflowRun(event.workflow_run),
    labels: (Array.isArray(pr?.labels) ? pr.labels : [])
      .map((l) => l?.name)
      .filter((n): n is string => typeof n === 'string')
      .slice(0, 100),
  };
}

function readWorkflowRun(run: EventPayload['workflow_run']): WorkflowRunInfo | null {
  if (typeof run !== 'object' || run === null || !Number.isSafeInteger(run.id)) return null;
  const headSha = asSha(run.head_sha);
  const prs = (Array.isArray(run.pull_requests) ? run.pull_requests : []).filter(
    (p) => typeof p?.number === 'number' && Number.isSafeInteger(p.number) && p.number > 0,
  );
  const pr = prs.find((p) => headSha !== null && p.head?.sha === headSha) ?? prs[0];
  return {
    id: String(run.id),
    headSha,
    event: typeof run.event === 'string' ? run.event : '',
    pullNumber: pr?.number ?? null,
    headRepository:
      typeof run.head_repository?.full_name === 'string' ? run.head_repository.full_name : null,
  };
}

/** Events that carry a pull request to comment on. */
export function isPullRequest(ctx: RunnerContext): boolean {
  return ctx.eventName === 'pull_request' || ctx.eventName === 'pull_request_target';
}

/** Events that propose a change on top of a base commit: pull requests and merge queues. */
export function isProposedChange(ctx: RunnerContext): boolean {
  return isPullRequest(ctx) || ctx.eventName === 'merge_group';
}

/**
 * Runs that record the default branch's state: pushes to it, and scheduled or manually
 * dispatched runs on it (a nightly run also keeps the cache entry from being evicted).
 */
export const DEFAULT_BRANCH_EVENTS = ['push', 'schedule', 'workflow_dispatch'] as const;

export function isDefaultBranchRun(ctx: RunnerContext): boolean {
  return (
    (DEFAULT_BRANCH_EVENTS as readonly string[]).includes(ctx.eventName) &&
    ctx.branch === ctx.defaultBranch
  );
}

export function runUrl(ctx: RunnerContext): string {
  return `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${ctx.runId}`;
}

/** threadgate's own directory under RUNNER_TEMP: nothing is written into the checkout. */
export function actionTempDir(ctx: RunnerContext): string {
  return path.join(ctx.tempDir, 'threadgate');
}

export function defaultResultsPath(ctx: RunnerContext): string {
  return path.join(actionTempDir(ctx), 'results.json');
}
