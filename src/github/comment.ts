/**
 * The sticky pull-request comment: one per workflow + job + matrix combination, found again by a
 * hidden marker and edited in place. This module reports errors; the caller decides what they
 * mean (the action warns and carries on without permission to comment).
 */
import { createHash } from 'node:crypto';
import type { GitHubClient } from './client.js';
import { truncateBody } from '../report/text.js';
import { GITHUB_COMMENT_LIMIT } from './markdown.js';

// --- the marker ---------------------------------------------------------------------------------

const MARKER_PREFIX = '<!-- threadgate:sticky key="';
const MARKER_SUFFIX = '" -->';
/** Characters a key keeps as they are; everything else is percent-encoded (UTF-8). */
const KEY_SAFE = /^[A-Za-z0-9._~:/=,+@-]$/u;
const MARKER_SHAPE = /^<!-- threadgate:sticky key="[A-Za-z0-9._~:/=,+@%-]+" -->$/;
const MAX_KEY_LENGTH = 200;

/**
 * A readable key for one workflow + job + matrix combination, e.g.
 * `Bench / latency / node=20,os=ubuntu-24.04`. `matrix` is the `matrix` context (an object, or
 * its JSON as given by `${{ toJSON(matrix) }}`); its keys are sorted, so the order does not matter.
 */
export function stickyKey(parts: { workflow: string; job: string; matrix?: unknown }): string {
  let matrix = parts.matrix;
  if (typeof matrix === 'string') {
    try {
      matrix = JSON.parse(matrix) as unknown;
    } catch {
      // a plain string: use it as it is
    }
  }
  const segments = [parts.workflow, parts.job];
  if (typeof matrix === 'object' && matrix !== null && !Array.isArray(matrix)) {
    const entries = Object.entries(matrix).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (entries.length > 0) {
      segments.push(
        entries.map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join(','),
      );
    }
  } else if (matrix !== undefined && matrix !== null && matrix !== '') {
    segments.push(typeof matrix === 'string' ? matrix : JSON.stringify(matrix));
  }
  return segments.join(' / ');
}

/**
 * The hidden marker for `key`: `<!-- threadgate:sticky key="…" -->`. The key is normalised (NFC,
 * whitespace runs → one space, trimmed) and percent-encoded outside `[A-Za-z0-9._~:/=,+@-]`, so
 * no key can close the comment, end the attribute, or produce another key's marker; distinct
 * normalised keys give distinct markers (keys over 200 encoded characters end in a hash).
 * @throws TypeError for an empty key.
 */
export function commentMarker(key: string): string {
  const normalised = key.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (normalised === '') throw new TypeError('commentMarker: the key is empty');
  let encoded = '';
  for (const ch of normalised) {
    encoded += KEY_SAFE.test(ch)
      ? ch
      : [...Buffer.from(ch, 'utf8')]
          .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
          .join('');
  }
  if (encoded.length > MAX_KEY_LENGTH) {
    const digest = createHash('sha256').update(normalised).digest('hex').slice(0, 16);
    // Cut before a partial %XX escape.
    const head = encoded.slice(0, MAX_KEY_LENGTH - 17).replace(/%[0-9A-F]?$/, '');
    encoded = `${head}~${digest}`;
  }
  return MARKER_PREFIX + encoded + MARKER_SUFFIX;
}

function assertMarker(marker: string): void {
  if (!MARKER_SHAPE.test(marker)) {
    throw new TypeError(`not a threadgate marker (use commentMarker): ${JSON.stringify(marker)}`);
  }
}

/** The body as posted: the marker on the first line, then `content`, within GitHub's limit. */
export function stickyBody(marker: string, content: string): string {
  assertMarker(marker);
  const body = content.startsWith(marker) ? content : `${marker}\n${content}`;
  return truncateBody(body, GITHUB_COMMENT_LIMIT);
}

// --- finding and writing the comment ------------------------------------------------------------

/** The fields of an issue comment this module reads (GitHub's `issue-comment` has more). */
export interface IssueCommentLike {
  id: number;
  html_url: string;
  body?: string | undefined;
  user: { login: string; type?: string } | null;
}

/**
 * Who the token acts as, which decides whose comments are ours to edit: a user token (a PAT)
 * authenticates as its user; an installation token (`GITHUB_TOKEN`, a GitHub App's) as the app's
 * bot account, `github-actions[bot]` for GITHUB_TOKEN.
 */
export type TokenIdentity =
  { readonly kind: 'user'; readonly login: string } | { readonly kind: 'app' };

/**
 * The token's identity: `GET /user` answers a user token with its login and an installation
 * token with 403 ("Resource not accessible by integration"). Other errors are thrown.
 */
export async function tokenIdentity(client: GitHubClient): Promise<TokenIdentity> {
  try {
    const { data } = await client.rest.users.getAuthenticated();
    return { kind: 'user', login: data.login };
  } catch (e) {
    const status = (e as { status?: unknown }).status;
    if (status === 403 || status === 404) return { kind: 'app' };
    throw e;
  }
}

/**
 * The comment to edit among `comments`: one whose body starts with `marker` (ours always do; a
 * comment merely quoting the marker is never chosen) and that the token's identity wrote — the
 * marker is public, so a comment by anyone else that starts with it must never be taken over.
 * A user token owns its user's comments; an installation token the comments of bot accounts
 * (apps are installed by the repository's admins; people cannot post as a bot), preferring
 * `github-actions[bot]`. The oldest wins among equals.
 */
export function findStickyComment<T extends IssueCommentLike>(
  comments: readonly T[],
  marker: string,
  identity: TokenIdentity,
): T | undefined {
  return stickyCandidates(comments, marker, identity)[0];
}

/**
 * Every comment findStickyComment could take, best first. An installation token cannot tell
 * which bot it is, so the first may be another app's (a 403 on edit): the next is tried then.
 */
export function stickyCandidates<T extends IssueCommentLike>(
  comments: readonly T[],
  marker: string,
  identity: TokenIdentity,
): T[] {
  const ours = (c: T): boolean =>
    identity.kind === 'user' ? c.user?.login === identity.login : c.user?.type === 'Bot';
  const score = (c: T): number => (c.user?.login === ACTIONS_BOT ? 1 : 0);
  return comments
    .filter((c) => typeof c.body === 'string' && c.body.trimStart().startsWith(marker) && ours(c))
    .sort((a, b) => score(b) - score(a) || a.id - b.id);
}

/** The bot account of GITHUB_TOKEN. */
export const ACTIONS_BOT = 'github-actions[bot]';

export interface StickyCommentTarget {
  owner: string;
  repo: string;
  issueNumber: number;
  /** From `commentMarker(key)`. */
  marker: string;
  /** The report (markdown). The marker is put in front of it if it does not start with it. */
  body: string;
  /** Who the token acts as; asked from GitHub (tokenIdentity) when not given. */
  identity?: TokenIdentity;
}

export interface StickyCommentResult {
  action: 'created' | 'updated' | 'unchanged';
  url: string;
  id: number;
}

/**
 * Create the sticky comment, or edit it in place if a comment with the same marker exists
 * (`unchanged` when its body is already identical). Lists every comment of the pull request
 * (paginated). Other comments are never modified.
 * @throws the client's error (see `classifyGitHubError`).
 */
export async function upsertStickyComment(
  client: GitHubClient,
  target: StickyCommentTarget,
): Promise<StickyCommentResult> {
  const body = stickyBody(target.marker, target.body);
  const identity = target.identity ?? (await tokenIdentity(client));
  // Ours by its author, yet not editable (a 403: another app's bot): try the next candidate,
  // and post a new comment when none is editable — which is then found first the next time.
  for (const existing of (await listCandidates(client, target, identity)).slice(0, MAX_TRIES)) {
    try {
      return await update(client, target, existing, body);
    } catch (e) {
      if ((e as { status?: unknown }).status !== 403) throw e;
    }
  }
  const params = {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    body,
  };
  try {
    // No blind retry of a POST: a gateway error may come after GitHub created the comment.
    const { data } = await client.rest.issues.createComment({ ...params, request: { retries: 0 } });
    return { action: 'created', url: data.html_url, id: data.id };
  } catch (e) {
    if (classifyGitHubError(e).kind !== 'transient') throw e;
    const landed = await findExisting(client, target, identity);
    if (landed !== undefined) {
      const result = await update(client, target, landed, body);
      return { ...result, action: result.action === 'unchanged' ? 'created' : result.action };
    }
    const { data } = await client.rest.issues.createComment(params);
    return { action: 'created', url: data.html_url, id: data.id };
  }
}

/** Edits tried before posting a new comment (each a 403 from a comment another bot wrote). */
const MAX_TRIES = 5;

async function listCandidates(
  client: GitHubClient,
  target: StickyCommentTarget,
  identity: TokenIdentity,
): Promise<IssueCommentLike[]> {
  const comments = await client.paginate(client.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100,
  });
  return stickyCandidates(comments, target.marker, identity);
}

async function findExisting(
  client: GitHubClient,
  target: StickyCommentTarget,
  identity: TokenIdentity,
): Promise<IssueCommentLike | undefined> {
  return (await listCandidates(client, target, identity))[0];
}

async function update(
  client: GitHubClient,
  target: StickyCommentTarget,
  existing: IssueCommentLike,
  body: string,
): Promise<StickyCommentResult> {
  if (existing.body === body) {
    return { action: 'unchanged', url: existing.html_url, id: existing.id };
  }
  const { data } = await client.rest.issues.updateComment({
    owner: target.owner,
    repo: target.repo,
    comment_id: existing.id,
    body,
  });
  return { action: 'updated', url: data.html_url, id: data.id };
}

// --- errors -------------------------------------------------------------------------------------

export type GitHubErrorKind = 'forbidden' | 'transient' | 'other';

export interface GitHubErrorInfo {
  kind: GitHubErrorKind;
  /** HTTP status, when GitHub answered. */
  status: number | undefined;
  /** GitHub's message (or the error's), one line. */
  message: string;
  /** What the user can do, for a warning in the log. */
  hint: string;
}

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

const SUMMARY_NOTE = 'The job summary has the full report.';

/**
 * Sort an error from the GitHub client: `forbidden` (the token may not comment: a 403 other than
 * rate limiting, or a 404 on a pull request from a fork), `transient` (rate limits, 408, 5xx,
 * network errors: worth a re-run), or `other`. Never throws.
 */
export function classifyGitHubError(e: unknown, context: { fork?: boolean } = {}): GitHubErrorInfo {
  const err = (typeof e === 'object' && e !== null ? e : {}) as {
    status?: unknown;
    message?: unknown;
    code?: unknown;
    cause?: { code?: unknown };
    response?: { data?: unknown; headers?: Record<string, unknown> };
  };
  const status = typeof err.status === 'number' ? err.status : undefined;
  const data = err.response?.data;
  const apiMessage =
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { message?: unknown }).message === 'string'
      ? (data as { message: string }).message
      : undefined;
  const raw = apiMessage ?? (typeof err.message === 'string' ? err.message : String(e));
  const message = raw.replace(/\s+/g, ' ').trim().slice(0, 300);
  const headers = err.response?.headers ?? {};
  const answered = status === undefined ? 'with an error' : String(status);

  const rateLimited =
    (status === 403 || status === 429) &&
    (headers['x-ratelimit-remaining'] === '0' ||
      headers['retry-after'] !== undefined ||
      /rate limit/i.test(message));
  const code = typeof err.code === 'string' ? err.code : err.cause?.code;
  const network =
    status === undefined &&
    ((typeof code === 'string' && NETWORK_CODES.has(code)) || /fetch failed/i.test(message));

  if (status === 403 && !rateLimited) {
    return { kind: 'forbidden', status, message, hint: forbiddenHint() };
  }
  if (status === 404 && context.fork === true) {
    return { kind: 'forbidden', status, message, hint: forbiddenHint() };
  }
  if (
    rateLimited ||
    network ||
    status === 408 ||
    status === 429 ||
    (status !== undefined && status >= 500)
  ) {
    return {
      kind: 'transient',
      status,
      message,
      hint: `threadgate could not comment: GitHub answered ${answered} (${message}), also on retrying. This is usually temporary: re-run the job. ${SUMMARY_NOTE}`,
    };
  }
  const advice =
    status === 401
      ? ' The token was rejected: check the `github-token` input.'
      : status === 404
        ? ' Check that the token can see this repository and that the pull request exists.'
        : '';
  return {
    kind: 'other',
    status,
    message,
    hint: `threadgate could not comment: GitHub answered ${answered} (${message}).${advice} ${SUMMARY_NOTE}`,
  };
}

function forbiddenHint(): string {
  return (
    'threadgate could not comment: the token lacks `pull-requests: write` (forks get a read-only ' +
    'token). Add `permissions: pull-requests: write` to the job, or set `comment: never`. ' +
    SUMMARY_NOTE
  );
}
