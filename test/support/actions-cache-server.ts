/**
 * A real HTTP stand-in for the GitHub Actions cache service (v2), on 127.0.0.1.
 *
 * `@actions/cache` 6.x on github.com talks to two services, and this server plays both:
 *
 * 1. The cache service: Twirp JSON RPCs of `github.actions.results.api.v1.CacheService` at
 *    `POST /twirp/github.actions.results.api.v1.CacheService/<Method>` (the client builds the URL
 *    from ACTIONS_RESULTS_URL and sends `Authorization: Bearer $ACTIONS_RUNTIME_TOKEN`). Served:
 *    `CreateCacheEntry`, `FinalizeCacheEntryUpload`, `GetCacheEntryDownloadURL` — the three
 *    methods of the generated client in @actions/cache 6.3.0 (`SERVICE_METHODS` below transcribes
 *    their messages; test/actions-cache-server.test.ts checks the table against the client's
 *    generated descriptors, so a client upgrade that adds a field or method fails loudly).
 * 2. Blob storage behind the signed URLs those RPCs return (`…/<container>/<blob>?sv=…&sp=…&se=…
 *    &sig=…`, checked: a forged signature or a read URL used to write is refused): Put Blob, Put
 *    Block, Put Block List (what @azure/storage-blob's `BlockBlobClient.uploadFile` sends: one Put
 *    Blob up to 128 MiB, blocks above), Get Blob with `Range`/`x-ms-range`, and Get Blob
 *    Properties (HEAD). @actions/cache downloads a URL on `*.blob.core.windows.net` with the Azure
 *    SDK (HEAD, then ranged GETs, resuming a cut read) and any other URL with one plain GET. By
 *    default the URLs name `devstoreaccount1.blob.core.windows.net`, reached through this server
 *    as an HTTP proxy, so the client runs its github.com code path (see `blobEndpoint`).
 *
 * Twirp behaviour follows the Twirp wire protocol (twitchtv/twirp docs/spec_v7.md): only POST,
 * `Content-Type: application/json` (`application/protobuf` answers `unimplemented`: the client
 * never sends it), errors as `{"code","msg","meta"}` with Twirp's code → HTTP status table, proto3
 * JSON for messages (either field-name form accepted, int64 as string or number; responses in
 * Twirp's default form: proto field names, default values emitted, int64 as strings).
 *
 * Cache semantics, as GitHub documents them ("Dependency caching reference": cache key matching,
 * restrictions for accessing a cache):
 * - An entry is (scope, key, version). Entries are immutable: `CreateCacheEntry` for a
 *   (scope, key, version) that exists — finalized or still being uploaded — answers 409
 *   `already_exists` "cache entry with the same key, version, and scope already exists" (the text
 *   github.com sends). The blob of a finalized entry refuses further writes (403).
 * - Restore: in each readable scope, the run's own (writable) scope first, then the others in the
 *   token's order: an exact match of `key`; else the newest entry whose key starts with `key`; else
 *   for each restore key in order, an exact match, else the newest entry with that prefix. The
 *   version must be equal in every case (it is a hash of the paths and the compression method).
 *   Only finalized entries match. Keys compare case-sensitively (not documented by GitHub).
 * - Scopes come from the runtime token, as on github.com: ACTIONS_RUNTIME_TOKEN is a JWT whose `ac`
 *   claim is a JSON string `[{"Scope":"refs/heads/main","Permission":3}, …]` (1 = read, 2 = write,
 *   3 = both). A pull request run gets its merge ref writable and the base branch readable. Mint
 *   one with `runtimeToken()`. The signature is not checked. A token that is not such a JWT gets
 *   the server's `defaultScopes` (default: `refs/heads/main`, read and write). Writes go to the
 *   first writable scope; with none, `CreateCacheEntry` answers `ok: false` with "cache write
 *   denied: …", and with no readable scope `GetCacheEntryDownloadURL` fails `permission_denied`
 *   "cache read denied: …" (the prefixes @actions/cache recognises).
 * - Not modelled: the 10 GB repository limit and its LRU eviction (use `evict`), expiry of unused
 *   entries after 7 days, expiry of signed URLs by time (use `revokeSignedUrls`), the
 *   `repository_id`/`scope` metadata the client may send (validated, otherwise ignored).
 *
 * Every request is recorded (`requests`); requests that break the protocol (unknown route or
 * method, wrong content type, malformed JSON, unknown or mistyped fields, missing token, invalid
 * arguments, a finalize that does not match the upload, a forged blob signature) also land in
 * `violations`. Faults can be injected per operation: an error status, a hang (no answer, the
 * socket is destroyed after a bounded delay), a reset, or a download cut short.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// ---------------------------------------------------------------------------------------------
// The service description (transcribed from @actions/cache 6.3.0 lib/generated/results/…)
// ---------------------------------------------------------------------------------------------

export const CACHE_SERVICE = 'github.actions.results.api.v1.CacheService';

type ScalarKind = 'string' | 'int64' | 'bool';
/** A proto3 field: `[protoName, jsonName, type, repeated]`; type is a scalar or a message name. */
export type FieldSpec = readonly [string, string, ScalarKind | MessageName, boolean];
type MessageName =
  | 'CacheScope'
  | 'CacheMetadata'
  | 'CreateCacheEntryRequest'
  | 'CreateCacheEntryResponse'
  | 'FinalizeCacheEntryUploadRequest'
  | 'FinalizeCacheEntryUploadResponse'
  | 'GetCacheEntryDownloadURLRequest'
  | 'GetCacheEntryDownloadURLResponse';

/** The messages, in field-number order. */
export const MESSAGES: Readonly<Record<MessageName, readonly FieldSpec[]>> = {
  CacheScope: [
    ['scope', 'scope', 'string', false],
    ['permission', 'permission', 'int64', false],
  ],
  CacheMetadata: [
    ['repository_id', 'repositoryId', 'int64', false],
    ['scope', 'scope', 'CacheScope', true],
  ],
  CreateCacheEntryRequest: [
    ['metadata', 'metadata', 'CacheMetadata', false],
    ['key', 'key', 'string', false],
    ['version', 'version', 'string', false],
  ],
  CreateCacheEntryResponse: [
    ['ok', 'ok', 'bool', false],
    ['signed_upload_url', 'signedUploadUrl', 'string', false],
    ['message', 'message', 'string', false],
  ],
  FinalizeCacheEntryUploadRequest: [
    ['metadata', 'metadata', 'CacheMetadata', false],
    ['key', 'key', 'string', false],
    ['size_bytes', 'sizeBytes', 'int64', false],
    ['version', 'version', 'string', false],
  ],
  FinalizeCacheEntryUploadResponse: [
    ['ok', 'ok', 'bool', false],
    ['entry_id', 'entryId', 'int64', false],
    ['message', 'message', 'string', false],
  ],
  GetCacheEntryDownloadURLRequest: [
    ['metadata', 'metadata', 'CacheMetadata', false],
    ['key', 'key', 'string', false],
    ['restore_keys', 'restoreKeys', 'string', true],
    ['version', 'version', 'string', false],
  ],
  GetCacheEntryDownloadURLResponse: [
    ['ok', 'ok', 'bool', false],
    ['signed_download_url', 'signedDownloadUrl', 'string', false],
    ['matched_key', 'matchedKey', 'string', false],
  ],
};

export const SERVICE_METHODS = {
  CreateCacheEntry: { input: 'CreateCacheEntryRequest', output: 'CreateCacheEntryResponse' },
  FinalizeCacheEntryUpload: {
    input: 'FinalizeCacheEntryUploadRequest',
    output: 'FinalizeCacheEntryUploadResponse',
  },
  GetCacheEntryDownloadURL: {
    input: 'GetCacheEntryDownloadURLRequest',
    output: 'GetCacheEntryDownloadURLResponse',
  },
} as const satisfies Record<string, { input: MessageName; output: MessageName }>;

export type TwirpMethod = keyof typeof SERVICE_METHODS;

function isTwirpMethod(name: string): name is TwirpMethod {
  return Object.hasOwn(SERVICE_METHODS, name);
}

/** Twirp error codes and their HTTP statuses (Twirp spec v7, "Error Codes"). */
const TWIRP_STATUS = {
  canceled: 408,
  unknown: 500,
  invalid_argument: 400,
  malformed: 400,
  deadline_exceeded: 408,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
  permission_denied: 403,
  unauthenticated: 401,
  resource_exhausted: 429,
  failed_precondition: 412,
  aborted: 409,
  out_of_range: 400,
  unimplemented: 501,
  internal: 500,
  unavailable: 503,
  dataloss: 500,
} as const;

export type TwirpCode = keyof typeof TWIRP_STATUS;

/** The Twirp code an HTTP status maps back to (for injected faults given only a status). */
function twirpCodeFor(status: number): TwirpCode {
  const exact: Partial<Record<number, TwirpCode>> = {
    400: 'invalid_argument',
    401: 'unauthenticated',
    403: 'permission_denied',
    404: 'not_found',
    408: 'deadline_exceeded',
    409: 'already_exists',
    412: 'failed_precondition',
    429: 'resource_exhausted',
    501: 'unimplemented',
    503: 'unavailable',
  };
  return exact[status] ?? (status >= 500 ? 'internal' : 'unknown');
}

// ---------------------------------------------------------------------------------------------
// Proto3 JSON decoding (strict: unknown fields and wrong types are errors)
// ---------------------------------------------------------------------------------------------

type Decoded = { [field: string]: unknown };

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * Decode a proto3 JSON object into `{ protoName: value }` with defaults filled in (strings '',
 * int64 as bigint 0n, bools false, repeated []). Throws an Error naming the field on any problem.
 */
function decodeMessage(name: MessageName, json: unknown, path: string): Decoded {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new Error(`${path || 'body'}: expected a JSON object for ${name}`);
  }
  const fields = MESSAGES[name];
  const out: Decoded = {};
  const seen = new Map<string, string>();
  for (const [key, value] of Object.entries(json)) {
    const spec = fields.find(([proto, jsonName]) => key === proto || key === jsonName);
    const at = path ? `${path}.${key}` : key;
    if (spec === undefined) throw new Error(`${at}: unknown field of ${name}`);
    const [proto, , type, repeated] = spec;
    const earlier = seen.get(proto);
    if (earlier !== undefined) throw new Error(`${at}: field given twice (also as ${earlier})`);
    seen.set(proto, key);
    if (value === null) continue; // proto3 JSON: null means the default value
    if (repeated) {
      if (!Array.isArray(value)) throw new Error(`${at}: expected an array`);
      out[proto] = value.map((item, i) => decodeValue(type, item, `${at}[${i}]`));
    } else {
      out[proto] = decodeValue(type, value, at);
    }
  }
  for (const [proto, , type, repeated] of fields) {
    if (proto in out) continue;
    if (repeated) out[proto] = [];
    else if (type === 'string') out[proto] = '';
    else if (type === 'int64') out[proto] = 0n;
    else if (type === 'bool') out[proto] = false;
  }
  return out;
}

function decodeValue(type: ScalarKind | MessageName, value: unknown, at: string): unknown {
  switch (type) {
    case 'string':
      if (typeof value !== 'string') throw new Error(`${at}: expected a string`);
      return value;
    case 'bool':
      if (typeof value !== 'boolean') throw new Error(`${at}: expected true or false`);
      return value;
    case 'int64': {
      const text =
        typeof value === 'number' && Number.isSafeInteger(value)
          ? String(value)
          : typeof value === 'string' && /^-?\d{1,19}$/.test(value)
            ? value
            : undefined;
      const n = text === undefined ? undefined : BigInt(text);
      if (n === undefined || n < INT64_MIN || n > INT64_MAX) {
        throw new Error(`${at}: expected a 64-bit integer (a decimal string or a safe integer)`);
      }
      return n;
    }
    default:
      return decodeMessage(type, value, at);
  }
}

/** Encode a response in Twirp's default JSON form: proto names, defaults emitted, int64 as text. */
function encodeMessage(
  name: MessageName,
  values: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [proto, , type] of MESSAGES[name]) {
    const value = values[proto];
    if (type === 'int64') out[proto] = String(value ?? 0);
    else if (type === 'bool') out[proto] = value ?? false;
    else out[proto] = value ?? '';
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Runtime tokens and scopes
// ---------------------------------------------------------------------------------------------

/** One element of the runtime token's `ac` claim. */
export interface CacheScope {
  /** A ref, e.g. `refs/heads/main` or `refs/pull/7/merge`. */
  readonly scope: string;
  /** Bit flags: 1 = read, 2 = write (3 = both). */
  readonly permission: number;
}

export const READ = 1;
export const WRITE = 2;

/**
 * A runtime token as the runner hands one to a job: a JWT whose `ac` claim lists the cache scopes.
 * Unsigned (the signature part is a placeholder): this server does not check it.
 */
export function runtimeToken(scopes: readonly CacheScope[]): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const ac = JSON.stringify(scopes.map((s) => ({ Scope: s.scope, Permission: s.permission })));
  const now = Math.floor(Date.now() / 1000);
  return [
    part({ typ: 'JWT', alg: 'RS256', x5t: 'threadgate-test' }),
    part({ ac, iss: 'vstoken.actions.githubusercontent.com', nbf: now - 60, exp: now + 21_600 }),
    'threadgate-test-signature',
  ].join('.');
}

/** Tokens for the usual runs: a push to `branch`, or pull request `number` into `base`. */
export const tokens = {
  push: (branch = 'main') => runtimeToken([{ scope: `refs/heads/${branch}`, permission: 3 }]),
  pullRequest: (number: number, base = 'main') =>
    runtimeToken([
      { scope: `refs/heads/${base}`, permission: READ },
      { scope: `refs/pull/${number}/merge`, permission: READ | WRITE },
    ]),
};

/** The scopes of an `ac` claim, or undefined when the token is not a JWT carrying one. */
function scopesOfToken(token: string): CacheScope[] | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as unknown;
    const ac = (payload as { ac?: unknown }).ac;
    if (typeof ac !== 'string') return undefined;
    const list = JSON.parse(ac) as unknown;
    if (!Array.isArray(list)) return undefined;
    return list.map((item: unknown) => {
      const { Scope, Permission } = item as { Scope?: unknown; Permission?: unknown };
      if (typeof Scope !== 'string' || typeof Permission !== 'number') {
        throw new Error('bad ac element');
      }
      return { scope: Scope, permission: Permission };
    });
  } catch {
    return undefined;
  }
}

/**
 * The version string @actions/cache computes for `paths` (cacheUtils.getCacheVersion on Linux:
 * sha256 of the paths, the compression method and the salt "1.0", joined by `|`). For planting
 * entries; the test suite checks it against what the real client sends.
 */
export function cacheVersion(
  paths: readonly string[],
  compression: 'gzip' | 'zstd-without-long' | 'zstd',
): string {
  return createHash('sha256')
    .update([...paths, compression, '1.0'].join('|'))
    .digest('hex');
}

/** The environment that points @actions/cache at a server (the runner sets the same three). */
export function cacheEnv(serverUrl: string, token: string): Record<string, string> {
  return {
    ACTIONS_CACHE_SERVICE_V2: 'true',
    ACTIONS_RESULTS_URL: `${serverUrl}/`,
    ACTIONS_RUNTIME_TOKEN: token,
  };
}

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

export type BlobOperation = 'PutBlob' | 'PutBlock' | 'PutBlockList' | 'GetBlob' | 'HeadBlob';

export type ViolationKind =
  | 'route' // unknown path, service or method
  | 'http-method' // not POST for Twirp
  | 'content-type'
  | 'auth' // no bearer token
  | 'json' // body is not JSON
  | 'fields' // unknown or mistyped fields
  | 'argument' // decoded, but an invalid argument (empty key, …)
  | 'protocol' // out of order: finalize without upload, size mismatch, …
  | 'signature' // a blob URL with a forged or missing signature, or the wrong permission
  | 'blob' // a malformed blob request (bad block id, bad block list, bad range)
  | 'internal';

export interface Violation {
  readonly method: string;
  readonly path: string;
  /** Twirp method or blob operation, when known. */
  readonly operation: string | undefined;
  readonly kind: ViolationKind;
  readonly message: string;
}

export interface RecordedRequest {
  readonly seq: number;
  readonly method: string;
  /** Path without the query (blob URLs' signatures stay out of the record). */
  readonly path: string;
  readonly kind: 'twirp' | 'blob' | 'other';
  /** Sent to this server as an HTTP proxy (absolute-form request target). */
  readonly viaProxy: boolean;
  /** Twirp method or blob operation, when known. */
  operation: string | undefined;
  /** Parsed JSON body of a Twirp request (undefined when not JSON). */
  body: unknown;
  /** Request body size in bytes. */
  bodyBytes: number;
  /** `Range` or `x-ms-range` of a blob read. */
  readonly range: string | undefined;
  /** The scopes the token carried (Twirp requests). */
  scopes: readonly CacheScope[] | undefined;
  /** HTTP status answered; 0 when the connection was dropped without an answer. */
  status: number;
  /** The answer came from an injected fault. */
  injected: boolean;
}

export interface CacheEntryInfo {
  readonly id: number;
  readonly key: string;
  readonly version: string;
  readonly scope: string;
  /** Size of the stored bytes (after `replaceBytes`, the new size). */
  readonly sizeBytes: number;
  /** The size the client declared at finalize (undefined before). */
  readonly declaredSizeBytes: number | undefined;
  readonly sha256: string | undefined;
  readonly createdAt: string;
  readonly lastAccessedAt: string | undefined;
  readonly finalized: boolean;
}

/** Selects entries: key exactly, optionally version and scope. */
export interface EntryMatch {
  readonly key: string;
  readonly version?: string;
  readonly scope?: string;
}

/** What the next matching request gets instead of its normal answer. */
export type Fault =
  /** An error answer. Twirp targets get a Twirp error body for the status unless `body` is given. */
  | { readonly status: number; readonly body?: unknown; readonly headers?: Record<string, string> }
  /** No answer; the connection is destroyed after `hangMs` (bounded, ≤ 60 s). */
  | { readonly hangMs: number }
  /** The connection is destroyed at once. */
  | { readonly reset: true }
  /** Blob reads: headers announce the full length, `truncateAt` bytes are sent, then a reset. */
  | { readonly truncateAt: number };

export type FaultTarget = TwirpMethod | BlobOperation | 'twirp' | 'blob' | '*';

export interface FaultOptions {
  /** How many matching requests get the fault (default 1). */
  readonly times?: number;
  /**
   * Let the real handler run first and replace only its answer (for status faults): a gateway
   * that fails after the service did the work.
   */
  readonly afterHandler?: boolean;
}

export interface ActionsCacheServerOptions {
  /** Scopes for tokens that carry none (not a JWT with an `ac` claim). */
  readonly defaultScopes?: readonly CacheScope[];
  /** Largest blob accepted, in bytes (default 32 MiB): keeps the stand-in's memory bounded. */
  readonly maxBlobBytes?: number;
  /**
   * The form of the signed URLs. `azure-host` (default): `http://<account>.blob.core.windows.net/…`
   * as on github.com, so @actions/cache takes its production download path (Azure SDK: Get Blob
   * Properties, then ranged reads). The client reaches that host through this server as its HTTP
   * proxy, and this server serves the host itself and forwards nothing; `env()` sets the proxy
   * variables and a NODE_OPTIONS preload (test/support/loopback-only.mjs) that fails any other
   * host name lookup, so a request that bypassed the proxy errors instead of leaving the machine.
   * Only for child processes given `env()`. `path-style`: `http://127.0.0.1:<port>/<account>/…`
   * (Azurite's form), no proxy; the client then downloads with one plain GET.
   */
  readonly blobEndpoint?: 'path-style' | 'azure-host';
}

// ---------------------------------------------------------------------------------------------
// Internal state
// ---------------------------------------------------------------------------------------------

interface Entry {
  id: number;
  key: string;
  version: string;
  scope: string;
  blobName: string;
  createdMs: number;
  accessedMs: number | undefined;
  declaredSize: number | undefined;
  finalized: boolean;
}

interface Blob {
  committed: Buffer | undefined;
  uncommitted: Map<string, Buffer>;
  /** Block ids of the committed blob (Put Block List may reuse them). */
  committedBlocks: Map<string, Buffer>;
  etag: string;
  lastModifiedMs: number;
}

interface PendingFault {
  readonly target: FaultTarget;
  readonly fault: Fault;
  readonly options: FaultOptions;
  remaining: number;
}

interface TwirpReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

interface BlobReply {
  status: number;
  headers: Record<string, string>;
  body?: Buffer;
}

const ACCOUNT = 'devstoreaccount1';
const CONTAINER = 'actions-cache';
/** The blob host in `azure-host` mode; reached only through this server as an HTTP proxy. */
const AZURE_HOST = `${ACCOUNT}.blob.core.windows.net`;
/** file: URL of the preload that refuses every host name lookup but localhost. */
export const LOOPBACK_ONLY_PRELOAD = new URL('./loopback-only.mjs', import.meta.url).href;
const SAS_VERSION = '2025-05-05';
const CLOCK_START = Date.parse('2025-01-06T09:00:00Z');
const MAX_TWIRP_BODY = 1024 * 1024;
const MAX_HANG_MS = 60_000;
const MAX_KEY_LENGTH = 512;
const MAX_RESTORE_KEYS = 9;
/** Azure: block ids are base64 of at most 64 bytes; a blob has at most 50 000 blocks. */
const MAX_BLOCK_ID_BYTES = 64;
const MAX_BLOCKS = 50_000;

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The request body, or `tooLarge` with its size when over `limit`: the rest is read and dropped
 * (memory stays bounded; the server's requestTimeout bounds the time), so the client gets the
 * error answer rather than a reset.
 */
async function readBody(
  req: IncomingMessage,
  limit: number,
): Promise<{ body: Buffer; tooLarge: false } | { size: number; tooLarge: true }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size <= limit) chunks.push(buffer);
  }
  return size > limit ? { size, tooLarge: true } : { body: Buffer.concat(chunks), tooLarge: false };
}

function twirpError(code: TwirpCode, msg: string, meta?: Record<string, string>): TwirpReply {
  return { status: TWIRP_STATUS[code], body: { code, msg, ...(meta ? { meta } : {}) } };
}

function xmlEscape(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

// ---------------------------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------------------------

export class ActionsCacheServer {
  /** Base URL, e.g. `http://127.0.0.1:40123` (no trailing slash). */
  readonly url: string;
  readonly requests: RecordedRequest[] = [];
  readonly violations: Violation[] = [];

  private readonly entries = new Map<number, Entry>();
  private readonly blobs = new Map<string, Blob>();
  private readonly faults: PendingFault[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly defaultScopes: readonly CacheScope[];
  private readonly maxBlobBytes: number;
  private readonly blobEndpoint: 'path-style' | 'azure-host';
  private signingKey = randomBytes(32);
  private readonly retiredKeys: Buffer[] = [];
  private nextEntryId = 1;
  private clock = CLOCK_START;
  private seq = 0;

  private constructor(
    private readonly http: Server,
    options: ActionsCacheServerOptions,
  ) {
    const { port } = http.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    this.defaultScopes = options.defaultScopes ?? [
      { scope: 'refs/heads/main', permission: READ | WRITE },
    ];
    this.maxBlobBytes = options.maxBlobBytes ?? 32 * 1024 * 1024;
    this.blobEndpoint = options.blobEndpoint ?? 'azure-host';
  }

  /** Start on 127.0.0.1 with a random free port. */
  static async start(options: ActionsCacheServerOptions = {}): Promise<ActionsCacheServer> {
    const http = createServer({ requestTimeout: 30_000, headersTimeout: 10_000 });
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(0, '127.0.0.1', () => {
        http.off('error', reject);
        resolve();
      });
    });
    const server = new ActionsCacheServer(http, options);
    http.on('request', (req, res) => void server.handle(req, res));
    return server;
  }

  /** Close the listener, every open (keep-alive or hanging) connection and every fault timer. */
  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    if (!this.http.listening) return;
    await new Promise<void>((resolve, reject) => {
      this.http.close((err) => (err ? reject(err) : resolve()));
      this.http.closeAllConnections();
    });
  }

  /**
   * The environment for a child process that runs @actions/cache against this server, with
   * `token` (default: a push to main). In `azure-host` mode it also holds the proxy variables
   * (all four spellings: the Azure SDK reads HTTPS_PROXY before HTTP_PROXY), an empty NO_PROXY,
   * and NODE_OPTIONS with the loopback-only preload (replacing any NODE_OPTIONS of the caller).
   */
  env(token: string = tokens.push()): Record<string, string> {
    const env = cacheEnv(this.url, token);
    if (this.blobEndpoint === 'azure-host') {
      for (const name of ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy']) {
        env[name] = this.url;
      }
      env['NO_PROXY'] = '';
      env['no_proxy'] = '';
      env['NODE_OPTIONS'] = `--import=${LOOPBACK_ONLY_PRELOAD}`;
    }
    return env;
  }

  // --- test controls --------------------------------------------------------------------------

  /** Every entry (pending and finalized), oldest first. */
  listEntries(): CacheEntryInfo[] {
    return [...this.entries.values()].sort((a, b) => a.id - b.id).map((e) => this.info(e));
  }

  /** Delete the matching entries and their blobs, as GitHub's eviction does. Returns how many. */
  evict(match: EntryMatch): number {
    const found = this.find(match);
    for (const e of found) {
      this.entries.delete(e.id);
      this.blobs.delete(e.blobName);
    }
    return found.length;
  }

  /** The stored bytes of the one finalized entry matching `match`. */
  entryBytes(match: EntryMatch): Buffer {
    const blob = this.blobs.get(this.one(match).blobName);
    if (blob?.committed === undefined) throw new Error(`entry ${match.key} has no bytes`);
    return Buffer.from(blob.committed);
  }

  /** Replace the bytes of the one finalized entry matching `match` (cache poisoning). */
  replaceBytes(match: EntryMatch, bytes: Uint8Array): void {
    const blob = this.blobs.get(this.one(match).blobName);
    if (blob === undefined) throw new Error(`entry ${match.key} has no blob`);
    blob.committed = Buffer.from(bytes);
    blob.committedBlocks.clear();
    this.touchBlob(blob);
  }

  /** Invert every byte of the second half of the entry's bytes (a corrupted archive). */
  corrupt(match: EntryMatch): void {
    const bytes = this.entryBytes(match);
    for (let i = Math.floor(bytes.length / 2); i < bytes.length; i++) bytes[i] = bytes[i]! ^ 0xff;
    this.replaceBytes(match, bytes);
  }

  /** Put a finalized entry in place directly (as if a run had saved it). Returns its id. */
  putEntry(seed: { key: string; version: string; scope?: string; bytes: Uint8Array }): number {
    const scope = seed.scope ?? this.defaultScopes.find((s) => s.permission & WRITE)?.scope;
    if (scope === undefined) throw new Error('putEntry: no scope given and no default writable');
    if (this.find({ key: seed.key, version: seed.version, scope }).length > 0) {
      throw new Error(`putEntry: ${seed.key} exists in ${scope} (entries are immutable)`);
    }
    const entry = this.createEntry(seed.key, seed.version, scope);
    const blob = this.blobs.get(entry.blobName)!;
    blob.committed = Buffer.from(seed.bytes);
    entry.declaredSize = blob.committed.length;
    entry.finalized = true;
    return entry.id;
  }

  /**
   * Answer the next `options.times` (default 1) requests to `target` with `fault` instead of
   * handling them. Requests are still validated (and recorded) first.
   */
  inject(target: FaultTarget, fault: Fault, options: FaultOptions = {}): void {
    if ('hangMs' in fault && !(fault.hangMs >= 0 && fault.hangMs <= MAX_HANG_MS)) {
      throw new Error(`hangMs must be within 0…${MAX_HANG_MS}`);
    }
    if ('truncateAt' in fault && target !== 'GetBlob') {
      throw new Error(`a truncateAt fault applies to GetBlob only, not ${target}`);
    }
    this.faults.push({ target, fault, options, remaining: options.times ?? 1 });
  }

  /** Injected faults not used up yet. */
  pendingFaults(): number {
    return this.faults.reduce((n, f) => n + f.remaining, 0);
  }

  /** Invalidate every signed URL handed out so far (they answer 403, as expired URLs do). */
  revokeSignedUrls(): void {
    this.retiredKeys.push(this.signingKey);
    this.signingKey = randomBytes(32);
  }

  // --- request handling -----------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const target = req.url ?? '/';
    // A proxied request (absolute form): only the Azure host of this stand-in is served, under
    // the same path as its path-style form; nothing is ever forwarded.
    const proxied = /^https?:\/\//i.test(target) ? new URL(target) : undefined;
    const requestUrl =
      proxied === undefined
        ? new URL(target, this.url)
        : new URL(`/${ACCOUNT}${proxied.pathname}${proxied.search}`, this.url);
    const kind =
      proxied !== undefined && proxied.host !== AZURE_HOST
        ? 'other'
        : requestUrl.pathname.startsWith('/twirp/') && proxied === undefined
          ? 'twirp'
          : requestUrl.pathname.startsWith(`/${ACCOUNT}/`)
            ? 'blob'
            : 'other';
    const range = req.headers['x-ms-range'] ?? req.headers.range;
    const entry: RecordedRequest = {
      seq: ++this.seq,
      method,
      path: kind === 'other' && proxied !== undefined ? proxied.href : requestUrl.pathname,
      kind,
      viaProxy: proxied !== undefined,
      operation: undefined,
      body: undefined,
      bodyBytes: 0,
      range: typeof range === 'string' ? range : undefined,
      scopes: undefined,
      status: 0,
      injected: false,
    };
    this.requests.push(entry);
    try {
      if (kind === 'blob') await this.handleBlob(req, res, method, requestUrl, entry);
      else if (kind === 'twirp') await this.handleTwirp(req, res, method, requestUrl, entry);
      else this.refuse(req, res, entry, proxied);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.violate(entry, 'internal', `test server error: ${message}`);
      if (!res.headersSent) {
        entry.status = 500;
        res.writeHead(500, { 'content-type': 'text/plain' });
      }
      res.end(`test server error: ${message}`);
    }
  }

  /** Anything outside the two services: 404, or 502 for a proxy request to another host. */
  private refuse(
    req: IncomingMessage,
    res: ServerResponse,
    entry: RecordedRequest,
    proxied: URL | undefined,
  ): void {
    req.resume();
    const message =
      proxied === undefined
        ? `no such endpoint: ${entry.method} ${entry.path}`
        : `proxy request for ${proxied.host} refused: the stand-in forwards nothing`;
    this.violate(entry, 'route', message);
    entry.status = proxied === undefined ? 404 : 502;
    res.writeHead(entry.status, { 'content-type': 'text/plain', connection: 'close' });
    res.end(message);
  }

  /** The first pending fault for `operation`, used up by one. */
  private takeFault(
    kind: 'twirp' | 'blob',
    operation: string,
  ): { fault: Fault; options: FaultOptions } | undefined {
    const found = this.faults.find(
      (f) => f.remaining > 0 && (f.target === '*' || f.target === kind || f.target === operation),
    );
    if (found === undefined) return undefined;
    found.remaining--;
    return { fault: found.fault, options: found.options };
  }

  /** Carry out a hang/reset/truncate fault (true), or leave a status fault to the caller. */
  private dropConnection(fault: Fault, req: IncomingMessage, entry: RecordedRequest): boolean {
    if ('hangMs' in fault) {
      entry.injected = true;
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        req.socket.destroy();
      }, fault.hangMs);
      this.timers.add(timer);
      return true;
    }
    if ('reset' in fault) {
      entry.injected = true;
      req.socket.destroy();
      return true;
    }
    return false;
  }

  // --- Twirp ----------------------------------------------------------------------------------

  private async handleTwirp(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    requestUrl: URL,
    entry: RecordedRequest,
  ): Promise<void> {
    const read = await readBody(req, MAX_TWIRP_BODY);
    if (read.tooLarge) {
      entry.bodyBytes = read.size;
      const msg = `request body of ${read.size} bytes; at most ${MAX_TWIRP_BODY}`;
      this.violate(entry, 'argument', msg);
      this.sendTwirp(res, entry, twirpError('resource_exhausted', msg));
      return;
    }
    const raw = read.body;
    entry.bodyBytes = raw.length;
    try {
      entry.body = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : undefined;
    } catch {
      entry.body = undefined;
    }

    const prefix = `/twirp/${CACHE_SERVICE}/`;
    const path = requestUrl.pathname;
    const rpc = path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
    if (rpc === undefined || !isTwirpMethod(rpc)) {
      this.violate(entry, 'route', `no handler for path ${path}`);
      this.sendTwirp(res, entry, twirpError('bad_route', `no handler for path "${path}"`));
      return;
    }
    entry.operation = rpc;
    if (method !== 'POST') {
      this.violate(entry, 'http-method', `${method} ${path}: Twirp accepts only POST`);
      const msg = `unsupported method "${method}" (only POST is allowed)`;
      this.sendTwirp(res, entry, twirpError('bad_route', msg));
      return;
    }
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (contentType === 'application/protobuf') {
      this.violate(entry, 'content-type', 'application/protobuf: the stand-in speaks JSON only');
      const msg = 'the threadgate stand-in serves application/json only';
      this.sendTwirp(res, entry, twirpError('unimplemented', msg));
      return;
    }
    if (contentType !== 'application/json') {
      this.violate(entry, 'content-type', `unexpected Content-Type: "${contentType}"`);
      const msg = `unexpected Content-Type: "${contentType}"`;
      this.sendTwirp(res, entry, twirpError('bad_route', msg));
      return;
    }
    const auth = req.headers.authorization ?? '';
    const bearer = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
    if (bearer === undefined) {
      this.violate(entry, 'auth', 'no "Authorization: Bearer <runtime token>" header');
      this.sendTwirp(res, entry, twirpError('unauthenticated', 'missing runtime token'));
      return;
    }
    const scopes = scopesOfToken(bearer) ?? this.defaultScopes;
    entry.scopes = scopes;

    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch (e) {
      const cause = e instanceof Error ? e.message : String(e);
      this.violate(entry, 'json', `body is not JSON: ${cause}`);
      const reply = twirpError('malformed', 'the json request could not be decoded', { cause });
      this.sendTwirp(res, entry, reply);
      return;
    }
    let request: Decoded;
    try {
      request = decodeMessage(SERVICE_METHODS[rpc].input, json, '');
    } catch (e) {
      const cause = e instanceof Error ? e.message : String(e);
      this.violate(entry, 'fields', cause);
      const reply = twirpError('malformed', 'the json request could not be decoded', { cause });
      this.sendTwirp(res, entry, reply);
      return;
    }

    const taken = this.takeFault('twirp', rpc);
    if (taken !== undefined && this.dropConnection(taken.fault, req, entry)) return;
    const statusFault = taken !== undefined && 'status' in taken.fault ? taken.fault : undefined;
    if (statusFault !== undefined && taken?.options.afterHandler !== true) {
      this.sendTwirp(res, entry, this.faultReply(statusFault), true);
      return;
    }

    const reply = this.dispatch(rpc, request, scopes, entry);
    if (statusFault !== undefined) {
      this.sendTwirp(res, entry, this.faultReply(statusFault), true);
      return;
    }
    this.sendTwirp(res, entry, reply);
  }

  private faultReply(fault: { status: number; body?: unknown; headers?: Record<string, string> }) {
    const code = twirpCodeFor(fault.status);
    return {
      status: fault.status,
      body: fault.body ?? { code, msg: `injected fault (${fault.status})` },
      ...(fault.headers ? { headers: fault.headers } : {}),
    };
  }

  private sendTwirp(
    res: ServerResponse,
    entry: RecordedRequest,
    reply: TwirpReply,
    injected = false,
  ): void {
    entry.status = reply.status;
    entry.injected = injected;
    const payload = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(payload)),
      ...reply.headers,
    });
    res.end(payload);
  }

  private dispatch(
    rpc: TwirpMethod,
    request: Decoded,
    scopes: readonly CacheScope[],
    entry: RecordedRequest,
  ): TwirpReply {
    switch (rpc) {
      case 'CreateCacheEntry':
        return this.createCacheEntry(request, scopes, entry);
      case 'FinalizeCacheEntryUpload':
        return this.finalizeCacheEntryUpload(request, scopes, entry);
      case 'GetCacheEntryDownloadURL':
        return this.getCacheEntryDownloadUrl(request, scopes, entry);
      default: {
        const never: never = rpc;
        throw new Error(`unhandled method ${String(never)}`);
      }
    }
  }

  /** Key and version checks shared by the three methods; a reply when they fail. */
  private checkKeyAndVersion(
    request: Decoded,
    entry: RecordedRequest,
    keyField = 'key',
  ): TwirpReply | undefined {
    const problems: string[] = [];
    const key = request[keyField] as string;
    if (key === '') problems.push(`${keyField} is empty`);
    if (key.length > MAX_KEY_LENGTH) problems.push(`${keyField} is over ${MAX_KEY_LENGTH} chars`);
    if (key.includes(',')) problems.push(`${keyField} contains a comma`);
    if (request.version === '') problems.push('version is empty');
    if (problems.length === 0) return undefined;
    for (const p of problems) this.violate(entry, 'argument', p);
    return twirpError('invalid_argument', problems.join('; '));
  }

  private createCacheEntry(
    request: Decoded,
    scopes: readonly CacheScope[],
    entry: RecordedRequest,
  ): TwirpReply {
    const invalid = this.checkKeyAndVersion(request, entry);
    if (invalid !== undefined) return invalid;
    const key = request.key as string;
    const version = request.version as string;
    const scope = scopes.find((s) => s.permission & WRITE)?.scope;
    if (scope === undefined) {
      const message = 'cache write denied: the runtime token has no writable cache scope';
      return { status: 200, body: encodeMessage('CreateCacheEntryResponse', { message }) };
    }
    if (this.find({ key, version, scope }).length > 0) {
      return twirpError(
        'already_exists',
        'cache entry with the same key, version, and scope already exists',
      );
    }
    const created = this.createEntry(key, version, scope);
    const signed = this.signedUrl(created.blobName, 'cw');
    return {
      status: 200,
      body: encodeMessage('CreateCacheEntryResponse', { ok: true, signed_upload_url: signed }),
    };
  }

  private finalizeCacheEntryUpload(
    request: Decoded,
    scopes: readonly CacheScope[],
    entry: RecordedRequest,
  ): TwirpReply {
    const invalid = this.checkKeyAndVersion(request, entry);
    if (invalid !== undefined) return invalid;
    const key = request.key as string;
    const version = request.version as string;
    const size = request.size_bytes as bigint;
    const scope = scopes.find((s) => s.permission & WRITE)?.scope;
    const found = scope === undefined ? [] : this.find({ key, version, scope });
    const target = found[0];
    if (target === undefined || target.finalized) {
      const why = target === undefined ? 'no entry was created' : 'the entry is finalized';
      this.violate(entry, 'protocol', `finalize ${key}: ${why}`);
      return twirpError('not_found', `cache entry ${key} not found or already finalized`);
    }
    const blob = this.blobs.get(target.blobName);
    if (blob?.committed === undefined) {
      this.violate(entry, 'protocol', `finalize ${key}: nothing was uploaded`);
      return twirpError('failed_precondition', `cache entry ${key} has no uploaded data`);
    }
    if (size !== BigInt(blob.committed.length)) {
      const msg = `finalize ${key}: size_bytes ${size} but ${blob.committed.length} bytes uploaded`;
      this.violate(entry, 'protocol', msg);
      return twirpError('invalid_argument', msg);
    }
    target.finalized = true;
    target.declaredSize = Number(size);
    return {
      status: 200,
      body: encodeMessage('FinalizeCacheEntryUploadResponse', { ok: true, entry_id: target.id }),
    };
  }

  private getCacheEntryDownloadUrl(
    request: Decoded,
    scopes: readonly CacheScope[],
    entry: RecordedRequest,
  ): TwirpReply {
    const invalid = this.checkKeyAndVersion(request, entry);
    if (invalid !== undefined) return invalid;
    const restoreKeys = request.restore_keys as string[];
    if (restoreKeys.length > MAX_RESTORE_KEYS) {
      const msg = `${restoreKeys.length} restore keys; at most ${MAX_RESTORE_KEYS}`;
      this.violate(entry, 'argument', msg);
      return twirpError('invalid_argument', msg);
    }
    for (const [i, k] of restoreKeys.entries()) {
      if (k === '' || k.length > MAX_KEY_LENGTH || k.includes(',')) {
        const msg = `restore_keys[${i}] must be 1…${MAX_KEY_LENGTH} chars without commas`;
        this.violate(entry, 'argument', msg);
        return twirpError('invalid_argument', msg);
      }
    }
    const readable = scopes.filter((s) => s.permission & READ);
    if (readable.length === 0) {
      return twirpError(
        'permission_denied',
        'cache read denied: the runtime token has no readable cache scope',
      );
    }
    const own = readable.filter((s) => s.permission & WRITE);
    const order = [...own, ...readable.filter((s) => !(s.permission & WRITE))];
    const match = this.lookup(
      request.key as string,
      restoreKeys,
      request.version as string,
      order.map((s) => s.scope),
    );
    if (match === undefined) {
      return { status: 200, body: encodeMessage('GetCacheEntryDownloadURLResponse', {}) };
    }
    match.accessedMs = this.tick();
    return {
      status: 200,
      body: encodeMessage('GetCacheEntryDownloadURLResponse', {
        ok: true,
        signed_download_url: this.signedUrl(match.blobName, 'r'),
        matched_key: match.key,
      }),
    };
  }

  /** GitHub's documented search order (see the top of this file). */
  private lookup(
    key: string,
    restoreKeys: readonly string[],
    version: string,
    scopeOrder: readonly string[],
  ): Entry | undefined {
    const finalized = [...this.entries.values()].filter(
      (e) => e.finalized && e.version === version,
    );
    const newestFirst = (a: Entry, b: Entry) => b.createdMs - a.createdMs || b.id - a.id;
    for (const scope of scopeOrder) {
      const inScope = finalized.filter((e) => e.scope === scope).sort(newestFirst);
      const exact = inScope.find((e) => e.key === key);
      if (exact !== undefined) return exact;
      const byPrefix = inScope.find((e) => e.key.startsWith(key));
      if (byPrefix !== undefined) return byPrefix;
      for (const restoreKey of restoreKeys) {
        const hit =
          inScope.find((e) => e.key === restoreKey) ??
          inScope.find((e) => e.key.startsWith(restoreKey));
        if (hit !== undefined) return hit;
      }
    }
    return undefined;
  }

  // --- blob storage ---------------------------------------------------------------------------

  private signedUrl(blobName: string, permission: 'r' | 'cw'): string {
    const expiry = isoSeconds(Date.now() + 3_600_000);
    const u = new URL(
      this.blobEndpoint === 'azure-host'
        ? `http://${AZURE_HOST}/${CONTAINER}/${blobName}`
        : `${this.url}/${ACCOUNT}/${CONTAINER}/${blobName}`,
    );
    u.searchParams.set('sv', SAS_VERSION);
    u.searchParams.set('sr', 'b');
    u.searchParams.set('sp', permission);
    u.searchParams.set('se', expiry);
    u.searchParams.set('sig', this.signature(this.signingKey, blobName, permission, expiry));
    return u.toString();
  }

  private signature(key: Buffer, blobName: string, permission: string, expiry: string): string {
    return createHmac('sha256', key)
      .update([permission, expiry, `/${ACCOUNT}/${CONTAINER}/${blobName}`, SAS_VERSION].join('\n'))
      .digest('base64');
  }

  /** 'ok', 'revoked' (signed with a retired key), or a reason the signature is not valid. */
  private checkSignature(url: URL, blobName: string, needed: 'r' | 'w'): string {
    const q = url.searchParams;
    const sig = q.get('sig');
    const sp = q.get('sp');
    const se = q.get('se');
    if (sig === null || sp === null || se === null || q.get('sv') !== SAS_VERSION) {
      return 'no shared access signature (sv, sp, se, sig)';
    }
    const given = Buffer.from(sig, 'base64');
    const matches = (key: Buffer) => {
      const expected = Buffer.from(this.signature(key, blobName, sp, se), 'base64');
      return expected.length === given.length && timingSafeEqual(expected, given);
    };
    if (!matches(this.signingKey)) {
      return this.retiredKeys.some(matches) ? 'revoked' : 'signature does not match';
    }
    if (!sp.includes(needed)) return `permission "${sp}" does not allow ${needed}`;
    return 'ok';
  }

  private blobOperation(method: string, url: URL): BlobOperation | undefined {
    const comp = url.searchParams.get('comp');
    if (method === 'PUT' && comp === null) return 'PutBlob';
    if (method === 'PUT' && comp === 'block') return 'PutBlock';
    if (method === 'PUT' && comp === 'blocklist') return 'PutBlockList';
    if (method === 'GET' && comp === null) return 'GetBlob';
    if (method === 'HEAD' && comp === null) return 'HeadBlob';
    return undefined;
  }

  private async handleBlob(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    requestUrl: URL,
    entry: RecordedRequest,
  ): Promise<void> {
    const operation = this.blobOperation(method, requestUrl);
    entry.operation = operation;
    const read = await readBody(req, this.maxBlobBytes);
    if (read.tooLarge) {
      entry.bodyBytes = read.size;
      const msg = `The request body of ${read.size} bytes is over this stand-in's limit of ${this.maxBlobBytes}.`;
      this.sendBlob(req, res, entry, this.azureError(413, 'RequestBodyTooLarge', msg, req));
      return;
    }
    const body = read.body;
    entry.bodyBytes = body.length;

    const prefix = `/${ACCOUNT}/${CONTAINER}/`;
    const blobName = decodeURIComponent(requestUrl.pathname.slice(prefix.length));
    if (!requestUrl.pathname.startsWith(prefix) || blobName === '') {
      this.violate(entry, 'route', `no container at ${requestUrl.pathname}`);
      this.sendBlob(req, res, entry, this.azureError(404, 'ContainerNotFound', 'no such', req));
      return;
    }
    if (operation === undefined) {
      const msg = `${method} ${requestUrl.search.replace(/sig=[^&]*/, 'sig=…')}`;
      const reply = this.azureError(
        501,
        'NotImplemented',
        `not served by the stand-in: ${msg}`,
        req,
      );
      this.sendBlob(req, res, entry, reply);
      return;
    }
    const write = operation.startsWith('Put');
    const auth = this.checkSignature(requestUrl, blobName, write ? 'w' : 'r');
    if (auth !== 'ok') {
      if (auth !== 'revoked') this.violate(entry, 'signature', auth);
      const msg =
        auth === 'revoked'
          ? 'Signed expiry time has passed or the signature was revoked.'
          : `Server failed to authenticate the request: ${auth}.`;
      this.sendBlob(req, res, entry, this.azureError(403, 'AuthenticationFailed', msg, req));
      return;
    }
    const blob = this.blobs.get(blobName);
    const owner = [...this.entries.values()].find((e) => e.blobName === blobName);
    if (blob === undefined || owner === undefined) {
      const reply = this.azureError(404, 'BlobNotFound', 'The specified blob does not exist.', req);
      this.sendBlob(req, res, entry, reply);
      return;
    }
    if (write && owner.finalized) {
      const msg = 'This cache entry is finalized; its blob accepts no writes.';
      const reply = this.azureError(403, 'AuthorizationPermissionMismatch', msg, req);
      this.sendBlob(req, res, entry, reply);
      return;
    }

    const taken = this.takeFault('blob', operation);
    if (taken !== undefined && this.dropConnection(taken.fault, req, entry)) return;
    if (taken !== undefined && 'status' in taken.fault && taken.options.afterHandler !== true) {
      this.sendBlobFault(req, res, entry, taken.fault);
      return;
    }

    let reply: BlobReply;
    switch (operation) {
      case 'PutBlob':
        reply = this.putBlob(req, blob, body, entry);
        break;
      case 'PutBlock':
        reply = this.putBlock(req, requestUrl, blob, body, entry);
        break;
      case 'PutBlockList':
        reply = this.putBlockList(req, blob, body, entry);
        break;
      case 'GetBlob':
      case 'HeadBlob':
        reply = this.getBlob(req, blob, entry, operation === 'HeadBlob');
        break;
      default: {
        const never: never = operation;
        throw new Error(`unhandled blob operation ${String(never)}`);
      }
    }
    if (taken !== undefined && 'status' in taken.fault) {
      this.sendBlobFault(req, res, entry, taken.fault);
      return;
    }
    if (taken !== undefined && 'truncateAt' in taken.fault && reply.body !== undefined) {
      entry.injected = true;
      entry.status = reply.status;
      res.writeHead(reply.status, reply.headers);
      res.write(reply.body.subarray(0, Math.max(0, taken.fault.truncateAt)), () => {
        req.socket.destroy();
      });
      return;
    }
    this.sendBlob(req, res, entry, reply);
  }

  private sendBlobFault(
    req: IncomingMessage,
    res: ServerResponse,
    entry: RecordedRequest,
    fault: { status: number; body?: unknown; headers?: Record<string, string> },
  ): void {
    const reply =
      fault.body === undefined
        ? this.azureError(fault.status, 'InternalError', `injected fault (${fault.status})`, req)
        : {
            status: fault.status,
            headers: { 'content-type': 'application/xml' },
            body: Buffer.from(String(fault.body)),
          };
    Object.assign(reply.headers, fault.headers);
    this.sendBlob(req, res, entry, reply);
    entry.injected = true;
  }

  private putBlob(req: IncomingMessage, blob: Blob, body: Buffer, entry: RecordedRequest) {
    const type = req.headers['x-ms-blob-type'];
    if (type !== 'BlockBlob') {
      const msg = `x-ms-blob-type is ${JSON.stringify(type)}; expected "BlockBlob"`;
      this.violate(entry, 'blob', msg);
      return this.azureError(400, 'MissingRequiredHeader', msg, req);
    }
    const mismatch = this.checkLength(req, body, entry);
    if (mismatch !== undefined) return mismatch;
    blob.committed = body;
    blob.committedBlocks.clear();
    blob.uncommitted.clear();
    this.touchBlob(blob);
    return this.created(req, blob, { 'content-md5': md5(body) });
  }

  private putBlock(
    req: IncomingMessage,
    url: URL,
    blob: Blob,
    body: Buffer,
    entry: RecordedRequest,
  ) {
    const id = url.searchParams.get('blockid') ?? '';
    const problem = blockIdProblem(id, [
      ...blob.uncommitted.keys(),
      ...blob.committedBlocks.keys(),
    ]);
    if (problem !== undefined) {
      this.violate(entry, 'blob', problem);
      return this.azureError(400, 'InvalidQueryParameterValue', problem, req);
    }
    const mismatch = this.checkLength(req, body, entry);
    if (mismatch !== undefined) return mismatch;
    if (blob.uncommitted.size >= 100_000) {
      return this.azureError(409, 'BlockCountExceedsLimit', 'too many uncommitted blocks', req);
    }
    blob.uncommitted.set(id, body);
    const headers = this.commonHeaders(req);
    headers['content-md5'] = md5(body);
    headers['x-ms-request-server-encrypted'] = 'true';
    return { status: 201, headers };
  }

  private putBlockList(req: IncomingMessage, blob: Blob, body: Buffer, entry: RecordedRequest) {
    const parsed = parseBlockList(body.toString('utf8'));
    if (typeof parsed === 'string') {
      this.violate(entry, 'blob', `Put Block List: ${parsed}`);
      return this.azureError(400, 'InvalidXmlDocument', parsed, req);
    }
    const parts: Buffer[] = [];
    for (const { list, id } of parsed) {
      // Latest: the uncommitted block of that id if there is one, else the committed one.
      const fromUncommitted = list !== 'Committed' ? blob.uncommitted.get(id) : undefined;
      const fromCommitted = list !== 'Uncommitted' ? blob.committedBlocks.get(id) : undefined;
      const data = fromUncommitted ?? fromCommitted;
      if (data === undefined) {
        const msg = `block ${id} (${list}) was not uploaded`;
        this.violate(entry, 'blob', `Put Block List: ${msg}`);
        return this.azureError(400, 'InvalidBlockList', msg, req);
      }
      parts.push(data);
    }
    const total = parts.reduce((n, p) => n + p.length, 0);
    if (total > this.maxBlobBytes) {
      return this.azureError(413, 'RequestBodyTooLarge', `blob over ${this.maxBlobBytes}`, req);
    }
    blob.committedBlocks = new Map(parsed.map(({ id }, i) => [id, parts[i]!]));
    blob.committed = Buffer.concat(parts);
    blob.uncommitted.clear();
    this.touchBlob(blob);
    return this.created(req, blob, {});
  }

  private getBlob(req: IncomingMessage, blob: Blob, entry: RecordedRequest, head: boolean) {
    if (blob.committed === undefined) {
      return this.azureError(404, 'BlobNotFound', 'The specified blob does not exist.', req);
    }
    const data = blob.committed;
    const headers = this.commonHeaders(req);
    Object.assign(headers, {
      'content-type': 'application/octet-stream',
      etag: blob.etag,
      'last-modified': new Date(blob.lastModifiedMs).toUTCString(),
      'accept-ranges': 'bytes',
      'x-ms-blob-type': 'BlockBlob',
      'x-ms-server-encrypted': 'true',
      'x-ms-creation-time': new Date(blob.lastModifiedMs).toUTCString(),
    });
    const range = entry.range;
    if (range === undefined) {
      headers['content-length'] = String(data.length);
      headers['content-md5'] = md5(data);
      return { status: 200, headers, ...(head ? {} : { body: data }) };
    }
    const m = /^bytes=(\d+)-(\d*)$/.exec(range.trim());
    const start = m ? Number(m[1]) : Number.NaN;
    const end = m && m[2] !== '' ? Math.min(Number(m[2]), data.length - 1) : data.length - 1;
    if (m === null || !(start <= end) || start >= data.length) {
      if (m === null) this.violate(entry, 'blob', `unreadable range ${JSON.stringify(range)}`);
      const reply = this.azureError(416, 'InvalidRange', 'The range specified is invalid.', req);
      reply.headers['content-range'] = `bytes */${data.length}`;
      return reply;
    }
    const slice = data.subarray(start, end + 1);
    headers['content-length'] = String(slice.length);
    headers['content-range'] = `bytes ${start}-${end}/${data.length}`;
    return { status: 206, headers, ...(head ? {} : { body: slice }) };
  }

  private checkLength(req: IncomingMessage, body: Buffer, entry: RecordedRequest) {
    const declared = req.headers['content-length'];
    if (declared === undefined || Number(declared) !== body.length) {
      const msg = `Content-Length ${declared ?? '(none)'} but ${body.length} bytes received`;
      this.violate(entry, 'blob', msg);
      return this.azureError(400, 'InvalidHeaderValue', msg, req);
    }
    return undefined;
  }

  private created(req: IncomingMessage, blob: Blob, extra: Record<string, string>): BlobReply {
    const headers = this.commonHeaders(req);
    Object.assign(headers, extra, {
      etag: blob.etag,
      'last-modified': new Date(blob.lastModifiedMs).toUTCString(),
      'x-ms-request-server-encrypted': 'true',
    });
    return { status: 201, headers };
  }

  private commonHeaders(req: IncomingMessage): Record<string, string> {
    const headers: Record<string, string> = {
      'x-ms-request-id': `00000000-0000-0000-0000-${String(this.seq).padStart(12, '0')}`,
      'x-ms-version': SAS_VERSION,
      date: new Date().toUTCString(),
    };
    const clientId = req.headers['x-ms-client-request-id'];
    if (typeof clientId === 'string') headers['x-ms-client-request-id'] = clientId;
    return headers;
  }

  private azureError(status: number, code: string, message: string, req: IncomingMessage) {
    const headers = this.commonHeaders(req);
    headers['content-type'] = 'application/xml';
    headers['x-ms-error-code'] = code;
    const body = Buffer.from(
      '<?xml version="1.0" encoding="utf-8"?>' +
        `<Error><Code>${xmlEscape(code)}</Code><Message>${xmlEscape(message)}\n` +
        `RequestId:${headers['x-ms-request-id']}\nTime:${new Date().toISOString()}</Message></Error>`,
    );
    return { status, headers, body };
  }

  private sendBlob(
    req: IncomingMessage,
    res: ServerResponse,
    entry: RecordedRequest,
    reply: BlobReply,
  ): void {
    entry.status = reply.status;
    const headers = { ...reply.headers };
    if (reply.body !== undefined && headers['content-length'] === undefined) {
      headers['content-length'] = String(reply.body.length);
    }
    res.writeHead(reply.status, headers);
    res.end(req.method === 'HEAD' ? undefined : reply.body);
  }

  private touchBlob(blob: Blob): void {
    blob.lastModifiedMs = this.clock;
    blob.etag = `"0x${createHash('sha256')
      .update(blob.committed ?? Buffer.alloc(0))
      .update(String(this.seq))
      .digest('hex')
      .slice(0, 15)
      .toUpperCase()}"`;
  }

  // --- state helpers --------------------------------------------------------------------------

  private createEntry(key: string, version: string, scope: string): Entry {
    const id = this.nextEntryId++;
    const entry: Entry = {
      id,
      key,
      version,
      scope,
      blobName: `${id}-${randomBytes(6).toString('hex')}/cache.tzst`,
      createdMs: this.tick(),
      accessedMs: undefined,
      declaredSize: undefined,
      finalized: false,
    };
    this.entries.set(id, entry);
    this.blobs.set(entry.blobName, {
      committed: undefined,
      uncommitted: new Map(),
      committedBlocks: new Map(),
      etag: '"0x0"',
      lastModifiedMs: this.clock,
    });
    return entry;
  }

  private find(match: EntryMatch): Entry[] {
    return [...this.entries.values()].filter(
      (e) =>
        e.key === match.key &&
        (match.version === undefined || e.version === match.version) &&
        (match.scope === undefined || e.scope === match.scope),
    );
  }

  private one(match: EntryMatch): Entry {
    const found = this.find(match).filter((e) => e.finalized);
    if (found.length !== 1) {
      throw new Error(`${found.length} finalized entries match ${JSON.stringify(match)}`);
    }
    return found[0]!;
  }

  private info(e: Entry): CacheEntryInfo {
    const bytes = this.blobs.get(e.blobName)?.committed;
    return {
      id: e.id,
      key: e.key,
      version: e.version,
      scope: e.scope,
      sizeBytes: bytes?.length ?? 0,
      declaredSizeBytes: e.declaredSize,
      sha256: bytes ? createHash('sha256').update(bytes).digest('hex') : undefined,
      createdAt: isoSeconds(e.createdMs),
      lastAccessedAt: e.accessedMs === undefined ? undefined : isoSeconds(e.accessedMs),
      finalized: e.finalized,
    };
  }

  /** The fake clock: one second per state change, so "newest" is well defined. */
  private tick(): number {
    this.clock += 1000;
    return this.clock;
  }

  private violate(entry: RecordedRequest, kind: ViolationKind, message: string): void {
    this.violations.push({
      method: entry.method,
      path: entry.path,
      operation: entry.operation,
      kind,
      message,
    });
  }
}

/** Convenience: `await startActionsCacheServer()` ≡ `await ActionsCacheServer.start()`. */
export function startActionsCacheServer(
  options?: ActionsCacheServerOptions,
): Promise<ActionsCacheServer> {
  return ActionsCacheServer.start(options);
}

// --- small helpers ------------------------------------------------------------------------------

function md5(data: Buffer): string {
  return createHash('md5').update(data).digest('base64');
}

/** Azure: a block id is base64 of ≤ 64 bytes, and all ids of one blob have the same length. */
function blockIdProblem(id: string, existing: readonly string[]): string | undefined {
  if (id === '') return 'blockid is missing';
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(id) || id.length % 4 !== 0) {
    return `blockid ${JSON.stringify(id)} is not base64`;
  }
  if (Buffer.from(id, 'base64').length > MAX_BLOCK_ID_BYTES) {
    return `blockid is over ${MAX_BLOCK_ID_BYTES} bytes`;
  }
  const other = existing.find((e) => e.length !== id.length);
  if (other !== undefined) return `blockid length ${id.length} differs from ${other.length}`;
  return undefined;
}

type BlockRef = { list: 'Latest' | 'Committed' | 'Uncommitted'; id: string };

/** Parse a Put Block List body (`<BlockList><Latest>id</Latest>…</BlockList>`); string = error. */
function parseBlockList(xml: string): BlockRef[] | string {
  const doc = xml
    .replace(/^\uFEFF/, '')
    .replace(/^<\?xml[^?]*\?>/, '')
    .trim();
  const outer = /^<BlockList>([\s\S]*)<\/BlockList>$/.exec(doc);
  if (outer === null) return 'the body is not a <BlockList> document';
  const refs: BlockRef[] = [];
  const element = /\s*<(Latest|Committed|Uncommitted)>([^<]*)<\/\1>\s*/y;
  const inner = outer[1]!;
  let at = 0;
  while (at < inner.length) {
    element.lastIndex = at;
    const m = element.exec(inner);
    if (m === null) return `unexpected content at offset ${at} of the block list`;
    const id = m[2]!.trim();
    const problem = blockIdProblem(
      id,
      refs.map((r) => r.id),
    );
    if (problem !== undefined) return problem;
    refs.push({ list: m[1] as BlockRef['list'], id });
    at = element.lastIndex;
    if (refs.length > MAX_BLOCKS) return `over ${MAX_BLOCKS} blocks`;
  }
  return refs;
}
