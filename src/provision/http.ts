/**
 * Bounded HTTP GETs for the registry: every attempt has an idle timeout (no byte for that long,
 * connecting included) and an overall one, a bounded number of attempts with short pauses, a
 * size cap, and at most five redirects (never from https to http; credentials only to the host
 * they were meant for). Requests go through the runner's proxy settings (`https_proxy`,
 * `no_proxy`) by taking the agent @actions/http-client picks — the client @actions/tool-cache's
 * downloadTool uses, which has no timeout of its own (a server that accepts and never answers
 * holds it forever) and pauses 10–20 s between attempts; hence this thin layer on Node's
 * http/https.
 */
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import * as http from 'node:http';
import * as https from 'node:https';
import { HttpClient } from '@actions/http-client';

export interface HttpPolicy {
  /** Attempts in all (≥ 1). */
  readonly attempts: number;
  /** Pause before attempt 2, 3, …; the last value repeats. */
  readonly backoffMs: readonly number[];
  /** Abort an attempt when no byte arrives for this long (DNS, connect, TLS and headers included). */
  readonly idleTimeoutMs: number;
  /** Abort an attempt that takes longer than this in all. */
  readonly attemptTimeoutMs: number;
  /** Refuse a body larger than this. */
  readonly maxBytes: number;
}

/**
 * Registry metadata: a black-holed registry fails after 3 × 15 s + 4 s of pauses = 49 s; a
 * refused connection after about 4 s.
 */
export const METADATA_POLICY: HttpPolicy = {
  attempts: 3,
  backoffMs: [1_000, 3_000],
  idleTimeoutMs: 15_000,
  attemptTimeoutMs: 60_000,
  maxBytes: 64 * 1024 * 1024,
};

/** Tarballs (onnxruntime-node is ~113 MB): stalls are caught by the idle timeout. */
export const TARBALL_POLICY: HttpPolicy = {
  attempts: 3,
  backoffMs: [1_000, 3_000],
  idleTimeoutMs: 15_000,
  attemptTimeoutMs: 10 * 60_000,
  maxBytes: 512 * 1024 * 1024,
};

/** A GET that failed on every attempt (or on one that cannot succeed by retrying). */
export class HttpGetError extends Error {
  override readonly name = 'HttpGetError';
  constructor(
    readonly url: string,
    /** One line per attempt, e.g. `attempt 1: connect ECONNREFUSED 127.0.0.1:9`. */
    readonly attempts: readonly string[],
    /** The last HTTP status, when the server answered. */
    readonly status: number | undefined,
  ) {
    super(`GET ${url} failed: ${attempts.join('; ')}`);
  }
}

class AttemptError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface GetOptions {
  readonly policy: HttpPolicy;
  readonly headers?: Readonly<Record<string, string>>;
  /** The Authorization header for a URL, or undefined (called again after each redirect). */
  readonly authorization?: (url: string) => string | undefined;
  /** Stream the body to this file instead of returning it (the file is removed on failure). */
  readonly dest?: string;
  /** Told about each failed attempt that will be retried. */
  readonly onRetry?: (line: string) => void;
}

const MAX_REDIRECTS = 5;
const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/** One client per protocol: a client keeps the first plain agent it made, for either protocol. */
const clients = new Map<string, HttpClient>();

/** The agent @actions/http-client would use for `url`: a proxy tunnel, or a plain agent. */
function agentFor(url: URL): http.Agent {
  let client = clients.get(url.protocol);
  if (client === undefined) {
    client = new HttpClient('threadgate', [], { keepAlive: false });
    clients.set(url.protocol, client);
  }
  return client.getAgent(url.href);
}

function describeNetworkError(e: unknown): string {
  if (e instanceof AggregateError && e.errors.length > 0) {
    return [...new Set(e.errors.map(describeNetworkError))].join(', ');
  }
  if (e instanceof Error) {
    const code = (e as NodeJS.ErrnoException).code;
    if (e.message === '') return code ?? e.name;
    return code !== undefined && !e.message.includes(code) ? `${code}: ${e.message}` : e.message;
  }
  return String(e);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** One attempt; follows redirects; resolves with the body (or undefined when written to dest). */
function attempt(start: URL, opts: GetOptions): Promise<Buffer | undefined> {
  const { policy } = opts;
  return new Promise((resolve, reject) => {
    let settled = false;
    let req: http.ClientRequest | undefined;
    let out: ReturnType<typeof createWriteStream> | undefined;
    let idle: NodeJS.Timeout | undefined;
    const overall = setTimeout(
      () =>
        fail(
          new AttemptError(`no complete answer within ${policy.attemptTimeoutMs / 1000} s`, true),
        ),
      policy.attemptTimeoutMs,
    );
    const touch = () => {
      clearTimeout(idle);
      idle = setTimeout(
        () =>
          fail(new AttemptError(`no data for ${policy.idleTimeoutMs / 1000} s (timed out)`, true)),
        policy.idleTimeoutMs,
      );
    };
    const finish = () => {
      settled = true;
      clearTimeout(overall);
      clearTimeout(idle);
    };
    function fail(e: AttemptError): void {
      if (settled) return;
      finish();
      req?.destroy();
      // Reject once the file is closed, so that the caller can remove it.
      if (out === undefined || out.closed) reject(e);
      else {
        out.once('close', () => reject(e));
        out.destroy();
      }
    }

    const get = (url: URL, redirectsLeft: number): void => {
      if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        fail(new AttemptError(`refusing the ${url.protocol} URL ${url.href}`, false));
        return;
      }
      const headers: Record<string, string> = {
        'user-agent': 'threadgate',
        ...opts.headers,
      };
      const auth = opts.authorization?.(url.href);
      if (auth !== undefined) headers['authorization'] = auth;
      const mod = url.protocol === 'https:' ? https : http;
      touch();
      req = mod.request(url, { method: 'GET', headers, agent: agentFor(url) }, (res) => {
        touch();
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location !== undefined) {
          res.resume();
          if (redirectsLeft === 0) {
            fail(new AttemptError(`more than ${MAX_REDIRECTS} redirects`, false));
            return;
          }
          let next: URL;
          try {
            next = new URL(res.headers.location, url);
          } catch {
            fail(new AttemptError(`a redirect to a bad URL (${res.headers.location})`, false));
            return;
          }
          if (url.protocol === 'https:' && next.protocol !== 'https:') {
            fail(new AttemptError(`refusing a redirect from https to ${next.href}`, false));
            return;
          }
          get(next, redirectsLeft - 1);
          return;
        }
        if (status !== 200) {
          res.resume();
          const text = `HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`;
          fail(new AttemptError(text, RETRYABLE_STATUS.has(status), status));
          return;
        }
        const declared = Number(res.headers['content-length'] ?? NaN);
        if (declared > policy.maxBytes) {
          fail(
            new AttemptError(
              `the body is ${declared} bytes, over the ${policy.maxBytes} limit`,
              false,
            ),
          );
          return;
        }
        let size = 0;
        const chunks: Buffer[] = [];
        out = opts.dest !== undefined ? createWriteStream(opts.dest) : undefined;
        out?.on('error', (e) => fail(new AttemptError(describeNetworkError(e), false)));
        res.on('data', (chunk: Buffer) => {
          touch();
          size += chunk.length;
          if (size > policy.maxBytes) {
            fail(new AttemptError(`the body exceeds the ${policy.maxBytes} byte limit`, false));
            return;
          }
          if (out === undefined) chunks.push(chunk);
          else if (!out.write(chunk)) {
            res.pause();
            out.once('drain', () => res.resume());
          }
        });
        res.on('error', (e) => fail(new AttemptError(describeNetworkError(e), true)));
        res.on('close', () => {
          if (!res.complete) fail(new AttemptError('the connection closed mid-body', true));
        });
        res.on('end', () => {
          if (settled) return;
          if (!res.complete) {
            fail(new AttemptError('the connection closed mid-body', true));
            return;
          }
          if (out === undefined) {
            finish();
            resolve(Buffer.concat(chunks));
            return;
          }
          const file = out;
          file.end(() => {
            if (settled) return;
            finish();
            resolve(undefined);
          });
        });
      });
      req.on('error', (e) => fail(new AttemptError(describeNetworkError(e), true)));
      req.end();
    };
    get(start, MAX_REDIRECTS);
  });
}

/**
 * GET `url` within `opts.policy`: the body as a Buffer, or written to `opts.dest`. Throws an
 * HttpGetError listing every attempt.
 */
export async function httpGet(url: string, opts: GetOptions): Promise<Buffer | undefined> {
  const parsed = new URL(url);
  const lines: string[] = [];
  let status: number | undefined;
  const attempts = Math.max(1, Math.floor(opts.policy.attempts));
  for (let i = 1; i <= attempts; i++) {
    try {
      return await attempt(parsed, opts);
    } catch (e) {
      if (opts.dest !== undefined) await rm(opts.dest, { force: true }).catch(() => undefined);
      const err = e instanceof AttemptError ? e : new AttemptError(describeNetworkError(e), false);
      status = err.status;
      lines.push(`attempt ${i}: ${err.message}`);
      if (!err.retryable || i === attempts) break;
      const pause = opts.policy.backoffMs[Math.min(i - 1, opts.policy.backoffMs.length - 1)] ?? 0;
      opts.onRetry?.(`GET ${url}: ${err.message}; trying again in ${pause / 1000} s`);
      await sleep(pause);
    }
  }
  throw new HttpGetError(url, lines, status);
}
