/**
 * What the runner tells the action about the run, read once from the environment and the event
 * payload (GITHUB_EVENT_PATH). Plain data; nothing here talks to the network.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface RunnerContext {
  readonly eventName: string;
  readonly owner: string;
  readonly repo: string;
  /** The pull request's number on pull_request events. */
  readonly pullNumber: number | null;
  /** The branch of this run: the PR head branch, or the pushed branch. */
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
  /** The pull request's base sha, for same-job comparisons. */
  readonly baseSha: string | null;
}

interface EventPayload {
  pull_request?: {
    number?: number;
    head?: { ref?: string };
    base?: { ref?: string; sha?: string };
  };
  repository?: { default_branch?: string };
}

function readEvent(file: string | undefined): EventPayload {
  if (!file) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as EventPayload;
  } catch {
    return {};
  }
}

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
    baseSha: pr?.base?.sha ?? null,
  };
}

export function isPullRequest(ctx: RunnerContext): boolean {
  return ctx.eventName === 'pull_request' || ctx.eventName === 'pull_request_target';
}

export function isPushToDefaultBranch(ctx: RunnerContext): boolean {
  return ctx.eventName === 'push' && ctx.branch === ctx.defaultBranch;
}

export function runUrl(ctx: RunnerContext): string {
  return `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${ctx.runId}`;
}

export function defaultResultsPath(ctx: RunnerContext): string {
  return path.join(ctx.tempDir, 'threadgate', 'results.json');
}
