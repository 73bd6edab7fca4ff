/**
 * The GitHub REST client: `@actions/github`'s Octokit (REST methods, pagination, the runner's
 * proxy settings) plus `@octokit/plugin-retry` for transient failures.
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface GitHubClientOptions {
  /** API root, e.g. a GHES URL or a local stand-in. Default: `GITHUB_API_URL` or api.github.com. */
  baseUrl?: string;
  /** Retries after the first attempt for 408, 429 and 5xx answers and network errors. Default 3. */
  retries?: number;
  /**
   * Backoff unit in milliseconds: retry n (1-based) waits n² units. Default 500, so 0.5 s, 2 s,
   * 4.5 s. Tests set it to 1.
   */
  retryDelayMs?: number;
}

/** Client errors that retrying cannot fix: every 4xx except 408 (timeout) and 429 (rate limit). */
const DO_NOT_RETRY: readonly number[] = Array.from({ length: 100 }, (_, i) => 400 + i).filter(
  (status) => status !== 408 && status !== 429,
);

export function createGitHubClient(token: string, opts: GitHubClientOptions = {}): GitHubClient {
  const options: NonNullable<Parameters<typeof getOctokit>[1]> = {
    userAgent: `${TOOL_NAME}/${TOOL_VERSION}`,
    retry: {
      retries: opts.retries ?? 3,
      retryAfterBaseValue: opts.retryDelayMs ?? 500,
      doNotRetry: [...DO_NOT_RETRY],
    },
  };
  if (opts.baseUrl !== undefined) {
    options.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    // @actions/github picks its proxy from GITHUB_API_URL when imported; loopback never goes
    // through a proxy (as @actions/http-client decides too), so talk to it directly.
    if (isLoopback(options.baseUrl)) options.request = { fetch: globalThis.fetch };
  }
  return getOctokit(token, options, retry);
}

function isLoopback(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
