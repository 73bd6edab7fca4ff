/**
 * A real HTTP stand-in for the GitHub REST endpoints threadgate uses, on 127.0.0.1.
 *
 * Every request is checked against GitHub's published OpenAPI description (the api.github.com
 * document shipped in `@octokit/openapi`): the path must match a path template of the description
 * and the method an operation of it; path and query parameters must fit their schemas; a JSON
 * request body must validate against the operation's `requestBody` schema; an `Authorization`
 * header must be present. A request that fails gets a 422 and lands in `server.violations`. The
 * server's own responses are validated against the operation's response schema too (a failure is
 * a violation of kind `response`: the stand-in would be lying about GitHub).
 *
 * Served operations: `repos/get`, `pulls/get`, `issues/list-comments`, `issues/create-comment`,
 * `issues/get-comment`, `issues/update-comment`, `users/get-authenticated` (a user token gets
 * its user; an installation token 403, as GitHub answers). Editing a comment someone else wrote
 * answers 403 unless `othersCommentsEditable` (GitHub lets maintainers' tokens edit any comment). Any other operation of the description answers
 * 501 (not a violation: the request was valid, the stand-in just does not implement it).
 *
 * State lives in memory: repositories (seeded), issue comments (ids, html_url, body, user,
 * timestamps from a fake clock that advances one second per write). Every issue number of a
 * seeded repository exists and is a pull request; `pulls/get` answers GitHub's documented example
 * re-pointed at it, with the head a test seeds (`setPullRequest`: head sha, branch, and the fork
 * it comes from) or the example's. Tokens map to users (`tokens` option); any other token acts as
 * `github-actions[bot]`, as GITHUB_TOKEN does.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { Ajv, type ErrorObject, type Format, type ValidateFunction } from 'ajv';

// ---------------------------------------------------------------------------------------------
// The OpenAPI description
// ---------------------------------------------------------------------------------------------

type JsonObject = { [key: string]: unknown };

interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonObject;
  'x-multi-segment'?: boolean;
}

interface MediaTypeObject {
  schema?: JsonObject;
}

interface RequestBodyObject {
  required?: boolean;
  content?: Record<string, MediaTypeObject>;
}

interface ResponseObject {
  content?: Record<string, MediaTypeObject>;
}

interface OperationObject {
  operationId?: string;
  parameters?: unknown[];
  requestBody?: unknown;
  responses?: Record<string, unknown>;
  externalDocs?: { url?: string };
}

interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components: {
    schemas: Record<string, JsonObject>;
    examples?: Record<string, { value?: unknown }>;
    [section: string]: Record<string, unknown> | undefined;
  };
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

let documentPromise: Promise<OpenApiDocument> | undefined;

/** GitHub's OpenAPI description for api.github.com, read and parsed once per process. */
export function loadGitHubOpenApi(): Promise<OpenApiDocument> {
  documentPromise ??= (async () => {
    const require = createRequire(import.meta.url);
    const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
    return JSON.parse(await readFile(file, 'utf8')) as OpenApiDocument;
  })();
  return documentPromise;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follow `$ref`s of the form `#/components/<section>/<name>` until a non-reference. */
function deref<T>(doc: OpenApiDocument, node: unknown): T {
  let current = node;
  for (let depth = 0; isObject(current) && typeof current.$ref === 'string'; depth++) {
    if (depth > 20) throw new Error(`reference loop at ${current.$ref}`);
    const ref = current.$ref;
    if (!ref.startsWith('#/')) throw new Error(`unsupported reference ${ref}`);
    let target: unknown = doc;
    for (const raw of ref.slice(2).split('/')) {
      const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
      target = isObject(target) ? target[key] : undefined;
    }
    if (target === undefined) throw new Error(`dangling reference ${ref}`);
    current = target;
  }
  return current as T;
}

// --- OpenAPI 3.0 schema → JSON Schema (draft-07, as ajv reads it) ----------------------------

const COMPONENT_SCHEMA_REF = '#/components/schemas/';
const COMPONENT_ID = 'urn:github-openapi:schemas:';

/** OpenAPI-only or vendor keywords with no meaning for validation: dropped. */
const DROPPED_KEYWORDS = new Set(['example', 'discriminator', 'xml', 'externalDocs']);

/** Formats the description uses. `true` = known, not checked (ajv's convention). */
const FORMATS: Record<string, Format> = {
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i,
  date: /^\d{4}-\d{2}-\d{2}$/,
  uri: (value: string): boolean => /^[a-z][a-z0-9+.-]*:\S*$/i.test(value) && URL.canParse(value),
  'uri-template': true,
  email: /^[^\s@]+@[^\s@]+$/,
  binary: true,
  'repo.nwo': /^[^/\s]+\/[^/\s]+$/,
  int32: {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
  },
  int64: { type: 'number', validate: (n: number) => Number.isInteger(n) },
  double: { type: 'number', validate: (n: number) => Number.isFinite(n) },
};

/** Formats met in the description that this converter does not know (dropped, listed here). */
export const unknownFormats = new Set<string>();

/**
 * Convert one OpenAPI 3.0 schema node. `refs` collects the component schemas it references, which
 * the caller registers with ajv under `urn:github-openapi:schemas:<name>`.
 */
function toJsonSchema(doc: OpenApiDocument, node: unknown, refs: Set<string>): unknown {
  if (Array.isArray(node)) return node.map((item) => toJsonSchema(doc, item, refs));
  if (!isObject(node)) return node;
  if (typeof node.$ref === 'string') {
    // OpenAPI 3.0 ignores siblings of $ref; so do we.
    if (node.$ref.startsWith(COMPONENT_SCHEMA_REF)) {
      const name = node.$ref.slice(COMPONENT_SCHEMA_REF.length);
      refs.add(name);
      return { $ref: COMPONENT_ID + name };
    }
    return toJsonSchema(doc, deref(doc, node), refs);
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-') || DROPPED_KEYWORDS.has(key) || key === 'nullable') continue;
    switch (key) {
      case 'properties':
      case 'patternProperties':
        out[key] = Object.fromEntries(
          Object.entries(value as JsonObject).map(([name, sub]) => [
            name,
            toJsonSchema(doc, sub, refs),
          ]),
        );
        break;
      case 'items':
      case 'additionalProperties':
      case 'not':
      case 'allOf':
      case 'anyOf':
      case 'oneOf':
        out[key] = toJsonSchema(doc, value, refs);
        break;
      case 'format':
        if (typeof value === 'string' && value in FORMATS) out[key] = value;
        else unknownFormats.add(String(value));
        break;
      case 'exclusiveMinimum':
      case 'exclusiveMaximum': {
        // OpenAPI 3.0 (draft-04 style) boolean → draft-07 number.
        const bound = key === 'exclusiveMinimum' ? 'minimum' : 'maximum';
        if (value === true && typeof node[bound] === 'number') out[key] = node[bound];
        else if (typeof value === 'number') out[key] = value;
        break;
      }
      default:
        out[key] = value;
    }
  }
  if (
    (out.exclusiveMinimum !== undefined && out.minimum === out.exclusiveMinimum) ||
    (out.exclusiveMaximum !== undefined && out.maximum === out.exclusiveMaximum)
  ) {
    if (out.minimum === out.exclusiveMinimum) delete out.minimum;
    if (out.maximum === out.exclusiveMaximum) delete out.maximum;
  }
  if (node.nullable === true) {
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
      return out;
    }
    return { anyOf: [{ type: 'null' }, out] };
  }
  return out;
}

/** One ajv instance plus the component schemas registered with it so far (lazily). */
class SchemaCompiler {
  private readonly ajv: Ajv;
  private readonly registered = new Set<string>();

  constructor(
    private readonly doc: OpenApiDocument,
    coerceTypes: boolean,
  ) {
    this.ajv = new Ajv({
      allErrors: true,
      coerceTypes,
      // Unknown keywords are an error: a keyword the converter forgot must not pass silently.
      strictSchema: true,
      strictNumbers: true,
      strictTypes: false,
      strictTuples: false,
      strictRequired: false,
      allowUnionTypes: true,
      unicodeRegExp: false,
      formats: FORMATS,
    });
  }

  compile(openApiSchema: unknown): ValidateFunction {
    const refs = new Set<string>();
    const schema = toJsonSchema(this.doc, openApiSchema, refs) as JsonObject;
    this.register(refs);
    return this.ajv.compile(schema);
  }

  private register(names: Set<string>): void {
    const pending = [...names];
    for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
      if (this.registered.has(name)) continue;
      this.registered.add(name);
      const source = this.doc.components.schemas[name];
      if (source === undefined) throw new Error(`no component schema ${name}`);
      const refs = new Set<string>();
      const converted = toJsonSchema(this.doc, source, refs) as JsonObject;
      const wrapped = '$ref' in converted ? { allOf: [converted] } : converted;
      this.ajv.addSchema({ ...wrapped, $id: COMPONENT_ID + name });
      pending.push(...refs);
    }
  }
}

// --- Routing and per-operation validators ---------------------------------------------------

interface Route {
  template: string;
  regex: RegExp;
  paramNames: string[];
  literalChars: number;
  item: Record<string, unknown>;
}

interface OperationValidators {
  operation: OperationObject;
  pathParams: ValidateFunction;
  query: ValidateFunction;
  body: { required: boolean; validate: ValidateFunction } | undefined;
  responses: Map<number, ValidateFunction | undefined>;
}

export interface RouteMatch {
  template: string;
  operationId: string;
  pathParams: Record<string, string>;
  docsUrl: string | undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function formatAjvErrors(where: string, errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const extra =
      e.keyword === 'additionalProperties'
        ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})`
        : e.keyword === 'enum'
          ? ` (${JSON.stringify((e.params as { allowedValues?: unknown }).allowedValues)})`
          : '';
    return `${where}${e.instancePath} ${e.message ?? e.keyword}${extra}`;
  });
}

/** Matches requests to operations of the description and validates them; compiles lazily. */
export class OpenApiValidator {
  private readonly routes: Route[];
  private readonly operations = new Map<string, OperationValidators>();
  private readonly bodies: SchemaCompiler;
  private readonly params: SchemaCompiler;

  constructor(private readonly doc: OpenApiDocument) {
    this.bodies = new SchemaCompiler(doc, false);
    this.params = new SchemaCompiler(doc, true); // path and query values arrive as strings
    this.routes = Object.entries(doc.paths).map(([template, item]) => {
      const multiSegment = new Set<string>();
      for (const [method, op] of Object.entries(item)) {
        if (!HTTP_METHODS.has(method)) continue;
        for (const p of (op as OperationObject).parameters ?? []) {
          const param = deref<ParameterObject>(doc, p);
          if (param.in === 'path' && param['x-multi-segment'] === true)
            multiSegment.add(param.name);
        }
      }
      const paramNames: string[] = [];
      let literalChars = 0;
      const pattern = template
        .split(/(\{[^}]+\})/)
        .map((part) => {
          if (part.startsWith('{') && part.endsWith('}')) {
            const name = part.slice(1, -1);
            paramNames.push(name);
            return multiSegment.has(name) ? '(.+)' : '([^/]+)';
          }
          literalChars += part.length;
          return escapeRegExp(part);
        })
        .join('');
      return { template, regex: new RegExp(`^${pattern}$`), paramNames, literalChars, item };
    });
  }

  /** The most specific path template matching `pathname` (most literal characters wins). */
  private route(pathname: string): { route: Route; values: string[] } | undefined {
    let best: { route: Route; values: string[] } | undefined;
    for (const route of this.routes) {
      const m = route.regex.exec(pathname);
      if (m === null) continue;
      if (best === undefined || route.literalChars > best.route.literalChars) {
        best = { route, values: m.slice(1) };
      }
    }
    return best;
  }

  private validators(method: string, route: Route): OperationValidators | undefined {
    const key = `${method} ${route.template}`;
    const cached = this.operations.get(key);
    if (cached !== undefined) return cached;
    const operation = route.item[method] as OperationObject | undefined;
    if (operation === undefined) return undefined;

    const params = [
      ...((route.item.parameters as unknown[] | undefined) ?? []),
      ...(operation.parameters ?? []),
    ].map((p) => deref<ParameterObject>(this.doc, p));
    const objectSchema = (location: 'path' | 'query'): JsonObject => {
      const own = params.filter((p) => p.in === location);
      return {
        type: 'object',
        properties: Object.fromEntries(own.map((p) => [p.name, p.schema ?? {}])),
        required: own.filter((p) => p.required === true || location === 'path').map((p) => p.name),
        // GitHub ignores unknown query parameters; a client sending one has a bug all the same.
        additionalProperties: false,
      };
    };

    let body: OperationValidators['body'];
    if (operation.requestBody !== undefined) {
      const requestBody = deref<RequestBodyObject>(this.doc, operation.requestBody);
      const schema = requestBody.content?.['application/json']?.schema;
      body = {
        required: requestBody.required === true,
        validate: this.bodies.compile(schema ?? {}),
      };
    }

    const validators: OperationValidators = {
      operation,
      pathParams: this.params.compile(objectSchema('path')),
      query: this.params.compile(objectSchema('query')),
      body,
      responses: new Map(),
    };
    this.operations.set(key, validators);
    return validators;
  }

  /**
   * Check one request. Returns the matched operation (when there is one) and the list of
   * problems (empty when the request fits the description).
   */
  checkRequest(request: {
    method: string;
    pathname: string;
    query: Record<string, string | string[]>;
    headers: Record<string, string | string[] | undefined>;
    rawBody: string;
  }): { match: RouteMatch | undefined; problems: { kind: ViolationKind; message: string }[] } {
    const method = request.method.toLowerCase();
    const found = this.route(request.pathname);
    if (found === undefined) {
      return {
        match: undefined,
        problems: [{ kind: 'route', message: `no path template matches ${request.pathname}` }],
      };
    }
    const { route, values } = found;
    const v = this.validators(method, route);
    if (v === undefined) {
      const allowed = Object.keys(route.item).filter((m) => HTTP_METHODS.has(m));
      return {
        match: undefined,
        problems: [
          {
            kind: 'method',
            message: `${request.method} is not an operation of ${route.template} (has: ${allowed.join(', ')})`,
          },
        ],
      };
    }
    const problems: { kind: ViolationKind; message: string }[] = [];
    const pathParams: Record<string, string> = {};
    route.paramNames.forEach((name, i) => {
      try {
        pathParams[name] = decodeURIComponent(values[i] ?? '');
      } catch {
        problems.push({ kind: 'parameters', message: `path parameter ${name} is not valid UTF-8` });
      }
    });
    const match: RouteMatch = {
      template: route.template,
      operationId: v.operation.operationId ?? `${method} ${route.template}`,
      pathParams,
      docsUrl: v.operation.externalDocs?.url,
    };

    const authorization = request.headers.authorization;
    if (typeof authorization !== 'string' || !/^(token|bearer|basic) \S+$/i.test(authorization)) {
      problems.push({ kind: 'auth', message: 'no Authorization header (token, Bearer or Basic)' });
    }

    // Validate copies: coercion rewrites the data in place.
    const pathCopy: JsonObject = { ...pathParams };
    if (!v.pathParams(pathCopy)) {
      for (const m of formatAjvErrors('path', v.pathParams.errors)) {
        problems.push({ kind: 'parameters', message: m });
      }
    }
    const queryCopy: JsonObject = { ...request.query };
    if (!v.query(queryCopy)) {
      for (const m of formatAjvErrors('query', v.query.errors)) {
        problems.push({ kind: 'parameters', message: m });
      }
    }

    const hasBody = request.rawBody.length > 0;
    if (v.body === undefined) {
      if (hasBody) problems.push({ kind: 'body', message: 'this operation takes no request body' });
    } else if (!hasBody) {
      if (v.body.required) problems.push({ kind: 'body', message: 'request body is required' });
    } else {
      const contentType = String(request.headers['content-type'] ?? '');
      if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType)) {
        problems.push({
          kind: 'body',
          message: `content-type ${JSON.stringify(contentType)} is not JSON`,
        });
      } else {
        let data: unknown;
        try {
          data = JSON.parse(request.rawBody);
        } catch {
          problems.push({ kind: 'body', message: 'request body is not valid JSON' });
        }
        if (data !== undefined && !v.body.validate(data)) {
          for (const m of formatAjvErrors('body', v.body.validate.errors)) {
            problems.push({ kind: 'body', message: m });
          }
        }
      }
    }
    return { match, problems };
  }

  /** Check a response body against the operation's schema for that status (if it has one). */
  checkResponse(method: string, template: string, status: number, body: unknown): string[] {
    const key = `${method.toLowerCase()} ${template}`;
    const v = this.operations.get(key);
    if (v === undefined) return [];
    if (!v.responses.has(status)) {
      const declared = v.operation.responses?.[String(status)];
      const schema =
        declared === undefined
          ? undefined
          : deref<ResponseObject>(this.doc, declared).content?.['application/json']?.schema;
      v.responses.set(status, schema === undefined ? undefined : this.bodies.compile(schema));
    }
    const validate = v.responses.get(status);
    if (validate === undefined || validate(body)) return [];
    return formatAjvErrors(`response ${status}`, validate.errors);
  }

  /** An example value from the description's `components.examples`. */
  example(name: string): unknown {
    return structuredClone(this.doc.components.examples?.[name]?.value);
  }
}

let validatorPromise: Promise<OpenApiValidator> | undefined;

function sharedValidator(): Promise<OpenApiValidator> {
  validatorPromise ??= loadGitHubOpenApi().then((doc) => new OpenApiValidator(doc));
  return validatorPromise;
}

// ---------------------------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------------------------

export type ViolationKind =
  'route' | 'method' | 'auth' | 'parameters' | 'body' | 'response' | 'internal';

export interface Violation {
  method: string;
  path: string;
  operationId: string | undefined;
  kind: ViolationKind;
  message: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  operationId: string | undefined;
  authorized: boolean;
  body: unknown;
  status: number;
  /** The answer came from `failNext`. */
  injected: boolean;
}

export interface RepoSeed {
  owner: string;
  repo: string;
  defaultBranch?: string;
  private?: boolean;
  fork?: boolean;
}

/** A pull request's head, as a test seeds it (`GitHubServer.setPullRequest`). */
export interface PullRequestSeed {
  /** The head commit. Default: that of GitHub's example. */
  headSha?: string;
  /** The head branch. Default: `feature`. */
  headRef?: string;
  /** The owner of the repository the head branch lives in (a fork). Default: the base's owner. */
  headOwner?: string;
}

export interface GitHubServerOptions {
  /** Repositories that exist. Default: one, `octo-org/octo-repo` with default branch `main`. */
  repos?: RepoSeed[];
  /** Token → login of the user it authenticates. Other tokens act as `github-actions[bot]`. */
  tokens?: Record<string, string>;
  /** Let any token edit any comment (default: only its author's, else 403). */
  othersCommentsEditable?: boolean;
}

export interface StoredComment {
  id: number;
  owner: string;
  repo: string;
  issueNumber: number;
  body: string;
  login: string;
  createdAt: string;
  updatedAt: string;
}

export interface FaultOptions {
  /** Extra response headers, e.g. `{ 'retry-after': '1' }`. */
  headers?: Record<string, string>;
  /**
   * Let the real handler run first and replace only its answer, like a gateway that times out
   * after the origin did the work (a 502 on a POST that did create the comment).
   */
  afterHandler?: boolean;
}

type RepoState = Required<RepoSeed> & { id: number };

interface Fault {
  method: string;
  pattern: string | RegExp;
  status: number;
  body: unknown;
  remaining: number;
  options: FaultOptions;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface HandlerContext {
  params: Record<string, string>;
  query: Record<string, string | string[]>;
  body: unknown;
  login: string;
  requestUrl: URL;
  docsUrl: string | undefined;
}

const BOT_LOGIN = 'github-actions[bot]';
const KNOWN_USER_IDS: Record<string, number> = { [BOT_LOGIN]: 41898282, octocat: 583231 };
/** GitHub's limit on issue comment bodies, in characters. */
const BODY_LIMIT = 65536;
const FIRST_COMMENT_ID = 2_000_000_001;
const CLOCK_START = Date.parse('2025-01-06T09:00:00Z');

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function notFound(docsUrl: string | undefined): Reply {
  return {
    status: 404,
    body: {
      message: 'Not Found',
      documentation_url: docsUrl ?? 'https://docs.github.com/rest',
      status: '404',
    },
  };
}

function validationFailed(docsUrl: string | undefined, field: string, message: string): Reply {
  return {
    status: 422,
    body: {
      message: 'Validation Failed',
      errors: [{ resource: 'IssueComment', code: 'custom', field, message }],
      documentation_url: docsUrl ?? 'https://docs.github.com/rest',
      status: '422',
    },
  };
}

export class GitHubServer {
  /** Base URL, e.g. `http://127.0.0.1:40123` (no trailing slash). */
  readonly url: string;
  readonly requests: RecordedRequest[] = [];
  readonly violations: Violation[] = [];

  private readonly repos = new Map<string, RepoState>();
  private readonly comments = new Map<number, StoredComment>();
  private readonly pulls = new Map<string, PullRequestSeed>();
  private readonly faults: Fault[] = [];
  private readonly tokens: Record<string, string>;
  private readonly othersCommentsEditable: boolean;
  private nextCommentId = FIRST_COMMENT_ID;
  private clock = CLOCK_START;

  private constructor(
    private readonly http: Server,
    private readonly validator: OpenApiValidator,
    options: GitHubServerOptions,
  ) {
    const { port } = http.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    this.tokens = options.tokens ?? {};
    this.othersCommentsEditable = options.othersCommentsEditable ?? false;
    const seeds = options.repos ?? [{ owner: 'octo-org', repo: 'octo-repo' }];
    seeds.forEach((seed, i) => {
      this.repos.set(`${seed.owner}/${seed.repo}`.toLowerCase(), {
        owner: seed.owner,
        repo: seed.repo,
        defaultBranch: seed.defaultBranch ?? 'main',
        private: seed.private ?? false,
        fork: seed.fork ?? false,
        id: 700_000_000 + i,
      });
    });
  }

  /** Start on 127.0.0.1 with a random free port. Loads the OpenAPI description first. */
  static async start(options: GitHubServerOptions = {}): Promise<GitHubServer> {
    const validator = await sharedValidator();
    const http = createServer();
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(0, '127.0.0.1', () => {
        http.off('error', reject);
        resolve();
      });
    });
    const server = new GitHubServer(http, validator, options);
    http.on('request', (req, res) => void server.handle(req, res));
    return server;
  }

  /** Close the listener and every open (keep-alive) connection. */
  async stop(): Promise<void> {
    if (!this.http.listening) return;
    await new Promise<void>((resolve, reject) => {
      this.http.close((err) => (err ? reject(err) : resolve()));
      this.http.closeAllConnections();
    });
  }

  /**
   * Answer the next `times` requests matching `method` and `pathPattern` with `status` and
   * `body` instead of handling them. `pathPattern` is a path template of the description
   * (`/repos/{owner}/{repo}/issues/{issue_number}/comments`), a concrete path, or a RegExp
   * tested against the concrete path. Requests are still validated first.
   */
  failNext(
    method: string,
    pathPattern: string | RegExp,
    status: number,
    body?: unknown,
    times = 1,
    options: FaultOptions = {},
  ): void {
    this.faults.push({
      method: method.toUpperCase(),
      pattern: pathPattern,
      status,
      body,
      remaining: times,
      options,
    });
  }

  /** Injected faults not used up yet. */
  pendingFaults(): number {
    return this.faults.reduce((n, f) => n + f.remaining, 0);
  }

  /** Put a comment in place directly (as if someone had posted it). Returns its id. */
  addComment(seed: {
    owner: string;
    repo: string;
    issueNumber: number;
    body: string;
    login?: string;
  }): number {
    const now = this.tick();
    const comment: StoredComment = {
      id: this.nextCommentId++,
      owner: seed.owner,
      repo: seed.repo,
      issueNumber: seed.issueNumber,
      body: seed.body,
      login: seed.login ?? 'octocat',
      createdAt: now,
      updatedAt: now,
    };
    this.comments.set(comment.id, comment);
    return comment.id;
  }

  /** Set the head of pull request `number` (what `pulls/get` answers). */
  setPullRequest(owner: string, repo: string, number: number, seed: PullRequestSeed): void {
    this.pulls.set(`${owner}/${repo}#${number}`.toLowerCase(), { ...seed });
  }

  /** Copies of the comments on one issue or pull request, oldest first. */
  listComments(owner: string, repo: string, issueNumber: number): StoredComment[] {
    return this.issueComments(owner, repo, issueNumber).map((c) => ({ ...c }));
  }

  // --- request handling -----------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const requestUrl = new URL(req.url ?? '/', this.url);
    const query: Record<string, string | string[]> = {};
    for (const [name, value] of requestUrl.searchParams) {
      const previous = query[name];
      query[name] =
        previous === undefined
          ? value
          : [...(Array.isArray(previous) ? previous : [previous]), value];
    }
    const entry: RecordedRequest = {
      method,
      path: requestUrl.pathname,
      query,
      operationId: undefined,
      authorized: typeof req.headers.authorization === 'string',
      body: undefined,
      status: 0,
      injected: false,
    };
    this.requests.push(entry);

    let reply: Reply;
    try {
      const rawBody = await readBody(req);
      try {
        entry.body = rawBody.length > 0 ? JSON.parse(rawBody) : undefined;
      } catch {
        entry.body = rawBody;
      }
      reply = this.respond(method, requestUrl, query, req.headers, rawBody, entry);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.violate(entry, 'internal', `test server error: ${message}`);
      reply = { status: 500, body: { message: `test server error: ${message}` } };
    }
    entry.status = reply.status;
    const payload = reply.body === undefined ? '' : JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': `TG00:${this.requests.length.toString(16).toUpperCase()}`,
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-reset': String(Math.floor(CLOCK_START / 1000) + 3600),
      'x-ratelimit-used': '1',
      'x-ratelimit-resource': 'core',
      ...reply.headers,
    });
    res.end(payload);
  }

  private respond(
    method: string,
    requestUrl: URL,
    query: Record<string, string | string[]>,
    headers: IncomingMessage['headers'],
    rawBody: string,
    entry: RecordedRequest,
  ): Reply {
    const { match, problems } = this.validator.checkRequest({
      method,
      pathname: requestUrl.pathname,
      query,
      headers,
      rawBody,
    });
    entry.operationId = match?.operationId;
    if (problems.length > 0) {
      for (const p of problems) this.violate(entry, p.kind, p.message);
      return {
        status: 422,
        body: {
          message: `Request does not match GitHub's OpenAPI description: ${problems
            .map((p) => p.message)
            .join('; ')}`,
          documentation_url: match?.docsUrl ?? 'https://docs.github.com/rest',
          errors: problems.map((p) => ({ code: 'invalid', message: p.message })),
          status: '422',
        },
      };
    }
    if (match === undefined) throw new Error('validated request without a route');

    const fault = this.takeFault(method, requestUrl.pathname, match.template);
    if (fault !== undefined && fault.options.afterHandler !== true) {
      entry.injected = true;
      return fault.reply;
    }

    const login = this.tokens[String(headers.authorization).replace(/^\S+\s+/, '')] ?? BOT_LOGIN;
    const context: HandlerContext = {
      params: match.pathParams,
      query,
      body: entry.body,
      login,
      requestUrl,
      docsUrl: match.docsUrl,
    };
    const reply = this.dispatch(match.operationId, context);
    for (const problem of this.validator.checkResponse(
      method,
      match.template,
      reply.status,
      reply.body,
    )) {
      this.violate(entry, 'response', problem);
    }
    if (fault !== undefined) {
      entry.injected = true;
      return fault.reply;
    }
    return reply;
  }

  private violate(entry: RecordedRequest, kind: ViolationKind, message: string): void {
    this.violations.push({
      method: entry.method,
      path: entry.path,
      operationId: entry.operationId,
      kind,
      message,
    });
  }

  private takeFault(
    method: string,
    pathname: string,
    template: string,
  ): { reply: Reply; options: FaultOptions } | undefined {
    const fault = this.faults.find(
      (f) =>
        f.remaining > 0 &&
        (f.method === '*' || f.method === method) &&
        (typeof f.pattern === 'string'
          ? f.pattern === template || f.pattern === pathname
          : f.pattern.test(pathname)),
    );
    if (fault === undefined) return undefined;
    fault.remaining--;
    return {
      reply: { status: fault.status, body: fault.body, headers: fault.options.headers ?? {} },
      options: fault.options,
    };
  }

  private dispatch(operationId: string, ctx: HandlerContext): Reply {
    switch (operationId) {
      case 'repos/get':
        return this.getRepo(ctx);
      case 'pulls/get':
        return this.getPullRequest(ctx);
      case 'issues/list-comments':
        return this.listIssueComments(ctx);
      case 'issues/create-comment':
        return this.createComment(ctx);
      case 'issues/get-comment':
        return this.getComment(ctx);
      case 'issues/update-comment':
        return this.updateComment(ctx);
      case 'users/get-authenticated':
        return this.getAuthenticatedUser(ctx);
      default:
        return {
          status: 501,
          body: { message: `${operationId} is not implemented by the threadgate test server` },
        };
    }
  }

  // --- operations -----------------------------------------------------------------------------

  private getRepo(ctx: HandlerContext): Reply {
    const repo = this.findRepo(ctx.params);
    if (repo === undefined) return notFound(ctx.docsUrl);
    // GitHub's own documented example, re-pointed at this repository.
    const example = JSON.stringify(this.validator.example('full-repository-default-response'))
      .replaceAll('https://api.github.com', this.url)
      .replaceAll('octocat/Hello-World', `${repo.owner}/${repo.repo}`);
    const body = JSON.parse(example) as JsonObject;
    Object.assign(body, {
      language: null, // required by the schema, missing from GitHub's example
      id: repo.id,
      node_id: nodeId('R_kgDO', repo.id),
      name: repo.repo,
      full_name: `${repo.owner}/${repo.repo}`,
      owner: this.user(repo.owner),
      private: repo.private,
      visibility: repo.private ? 'private' : 'public',
      fork: repo.fork,
      default_branch: repo.defaultBranch,
    });
    if (!repo.fork) {
      delete body.parent;
      delete body.source;
    }
    return { status: 200, body };
  }

  private getPullRequest(ctx: HandlerContext): Reply {
    const repo = this.findRepo(ctx.params);
    if (repo === undefined) return notFound(ctx.docsUrl);
    const number = Number(ctx.params.pull_number);
    const seed = this.pulls.get(`${repo.owner}/${repo.repo}#${number}`.toLowerCase()) ?? {};
    const full = `${repo.owner}/${repo.repo}`;
    // GitHub's own documented example, re-pointed at this repository and pull request.
    const example = JSON.stringify(this.validator.example('pull-request'))
      .replaceAll('https://api.github.com', this.url)
      .replaceAll('octocat/Hello-World', full)
      .replaceAll('/pull/1347', `/pull/${number}`)
      .replaceAll('/pulls/1347', `/pulls/${number}`)
      .replaceAll('/issues/1347', `/issues/${number}`);
    const body = JSON.parse(example) as JsonObject;
    const head = body.head as JsonObject;
    const base = body.base as JsonObject;
    const headOwner = seed.headOwner ?? repo.owner;
    const headRef = seed.headRef ?? 'feature';
    const headSha = seed.headSha ?? String(head.sha);
    // The head's repository: the base's, or a fork of it under another owner.
    const headRepo = JSON.parse(
      JSON.stringify(base.repo).replaceAll(`/${full}`, `/${headOwner}/${repo.repo}`),
    ) as JsonObject;
    Object.assign(headRepo, {
      full_name: `${headOwner}/${repo.repo}`,
      owner: this.user(headOwner),
      fork: headOwner !== repo.owner,
    });
    Object.assign(body, {
      number,
      state: 'open',
      locked: false,
      active_lock_reason: null,
      closed_at: null,
      merged_at: null,
      merged: false,
      merged_by: null,
      requested_teams: [], // GitHub's example lacks the team's required `type`
      statuses_url: `${this.url}/repos/${full}/statuses/${headSha}`,
      head: {
        ...head,
        label: `${headOwner}:${headRef}`,
        ref: headRef,
        sha: headSha,
        user: this.user(headOwner),
        repo: headRepo,
      },
      base: {
        ...base,
        label: `${repo.owner}:${repo.defaultBranch}`,
        ref: repo.defaultBranch,
        user: this.user(repo.owner),
      },
    });
    return { status: 200, body };
  }

  private listIssueComments(ctx: HandlerContext): Reply {
    const repo = this.findRepo(ctx.params);
    if (repo === undefined) return notFound(ctx.docsUrl);
    const issueNumber = Number(ctx.params.issue_number);
    const perPage = clampInt(ctx.query.per_page, 30, 1, 100);
    const page = clampInt(ctx.query.page, 1, 1, Number.MAX_SAFE_INTEGER);
    const since = typeof ctx.query.since === 'string' ? Date.parse(ctx.query.since) : undefined;
    const all = this.issueComments(repo.owner, repo.repo, issueNumber).filter(
      (c) => since === undefined || Date.parse(c.updatedAt) >= since,
    );
    const lastPage = Math.max(1, Math.ceil(all.length / perPage));
    const items = all.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = {};
    const link = linkHeader(ctx.requestUrl, page, lastPage);
    if (link !== '') headers.link = link;
    return { status: 200, body: items.map((c) => this.commentJson(c)), headers };
  }

  private createComment(ctx: HandlerContext): Reply {
    const repo = this.findRepo(ctx.params);
    if (repo === undefined) return notFound(ctx.docsUrl);
    const body = (ctx.body as { body: string }).body;
    const invalid = checkCommentBody(body, ctx.docsUrl);
    if (invalid !== undefined) return invalid;
    const id = this.addComment({
      owner: repo.owner,
      repo: repo.repo,
      issueNumber: Number(ctx.params.issue_number),
      body,
      login: ctx.login,
    });
    const comment = this.comments.get(id) as StoredComment;
    const json = this.commentJson(comment);
    return { status: 201, body: json, headers: { location: String(json.url) } };
  }

  private getComment(ctx: HandlerContext): Reply {
    const comment = this.findComment(ctx.params);
    if (comment === undefined) return notFound(ctx.docsUrl);
    return { status: 200, body: this.commentJson(comment) };
  }

  private updateComment(ctx: HandlerContext): Reply {
    const comment = this.findComment(ctx.params);
    // The description declares no 404 for this operation; GitHub answers 404 all the same.
    if (comment === undefined) return notFound(ctx.docsUrl);
    if (comment.login !== ctx.login && !this.othersCommentsEditable) {
      return {
        status: 403,
        body: {
          message: 'Resource not accessible by integration',
          documentation_url: ctx.docsUrl ?? 'https://docs.github.com/rest',
          status: '403',
        },
      };
    }
    const body = (ctx.body as { body: string }).body;
    const invalid = checkCommentBody(body, ctx.docsUrl);
    if (invalid !== undefined) return invalid;
    comment.body = body;
    comment.updatedAt = this.tick();
    return { status: 200, body: this.commentJson(comment) };
  }

  private getAuthenticatedUser(ctx: HandlerContext): Reply {
    if (ctx.login.endsWith('[bot]')) {
      return {
        status: 403,
        body: {
          message: 'Resource not accessible by integration',
          documentation_url: ctx.docsUrl ?? 'https://docs.github.com/rest',
          status: '403',
        },
      };
    }
    // GitHub's documented example of a user seen with public information, re-pointed here.
    const example = this.validator.example(
      'private-user-response-with-public-profile-information',
    ) as JsonObject;
    return { status: 200, body: { ...example, ...this.user(ctx.login) } };
  }

  // --- state helpers --------------------------------------------------------------------------

  private tick(): string {
    this.clock += 1000;
    return isoSeconds(this.clock);
  }

  private findRepo(params: Record<string, string>): RepoState | undefined {
    return this.repos.get(`${params.owner}/${params.repo}`.toLowerCase());
  }

  private findComment(params: Record<string, string>): StoredComment | undefined {
    const repo = this.findRepo(params);
    const comment = this.comments.get(Number(params.comment_id));
    if (repo === undefined || comment === undefined) return undefined;
    const sameRepo =
      `${comment.owner}/${comment.repo}`.toLowerCase() ===
      `${repo.owner}/${repo.repo}`.toLowerCase();
    return sameRepo ? comment : undefined;
  }

  private issueComments(owner: string, repo: string, issueNumber: number): StoredComment[] {
    const key = `${owner}/${repo}`.toLowerCase();
    return [...this.comments.values()]
      .filter((c) => `${c.owner}/${c.repo}`.toLowerCase() === key && c.issueNumber === issueNumber)
      .sort((a, b) => a.id - b.id);
  }

  private commentJson(c: StoredComment): JsonObject {
    const api = `${this.url}/repos/${c.owner}/${c.repo}`;
    const url = `${api}/issues/comments/${c.id}`;
    return {
      id: c.id,
      node_id: nodeId('IC_kwDO', c.id),
      url,
      html_url: `https://github.com/${c.owner}/${c.repo}/pull/${c.issueNumber}#issuecomment-${c.id}`,
      body: c.body,
      user: this.user(c.login),
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      issue_url: `${api}/issues/${c.issueNumber}`,
      author_association: c.login.endsWith('[bot]') ? 'NONE' : 'CONTRIBUTOR',
      performed_via_github_app: null,
      reactions: {
        url: `${url}/reactions`,
        total_count: 0,
        '+1': 0,
        '-1': 0,
        laugh: 0,
        confused: 0,
        heart: 0,
        hooray: 0,
        eyes: 0,
        rocket: 0,
      },
    };
  }

  /** A `simple-user` object as GitHub returns it. */
  private user(login: string): JsonObject {
    const bot = login.endsWith('[bot]');
    const id = KNOWN_USER_IDS[login] ?? stableId(login);
    const api = `${this.url}/users/${encodeURIComponent(login)}`;
    return {
      login,
      id,
      node_id: nodeId(bot ? 'BOT_kgDO' : 'U_kgDO', id),
      avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
      gravatar_id: '',
      url: api,
      html_url: bot
        ? `https://github.com/apps/${login.slice(0, -5)}`
        : `https://github.com/${login}`,
      followers_url: `${api}/followers`,
      following_url: `${api}/following{/other_user}`,
      gists_url: `${api}/gists{/gist_id}`,
      starred_url: `${api}/starred{/owner}{/repo}`,
      subscriptions_url: `${api}/subscriptions`,
      organizations_url: `${api}/orgs`,
      repos_url: `${api}/repos`,
      events_url: `${api}/events{/privacy}`,
      received_events_url: `${api}/received_events`,
      type: bot ? 'Bot' : 'User',
      user_view_type: 'public',
      site_admin: false,
    };
  }
}

/** Convenience: `await startGitHubServer()` ≡ `await GitHubServer.start()`. */
export function startGitHubServer(options?: GitHubServerOptions): Promise<GitHubServer> {
  return GitHubServer.start(options);
}

// --- small helpers ------------------------------------------------------------------------------

const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_REQUEST_BYTES) throw new Error(`request body over ${MAX_REQUEST_BYTES} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function checkCommentBody(body: string, docsUrl: string | undefined): Reply | undefined {
  if (body.trim() === '') return validationFailed(docsUrl, 'body', "Body can't be blank");
  // GitHub counts characters (code points), not UTF-16 units.
  if ([...body].length > BODY_LIMIT) {
    return validationFailed(
      docsUrl,
      'body',
      `Body is too long (maximum is ${BODY_LIMIT} characters)`,
    );
  }
  return undefined;
}

/** GitHub treats a missing or unusable value as the default and clamps per_page to 100. */
function clampInt(raw: string | string[] | undefined, fallback: number, min: number, max: number) {
  const n = typeof raw === 'string' ? Number.parseInt(raw, 10) : Number.NaN;
  if (!Number.isFinite(n) || n < min) return fallback;
  return Math.min(n, max);
}

/** RFC 8288 `Link` header in GitHub's form: prev, next, last, first (those that apply). */
function linkHeader(requestUrl: URL, page: number, lastPage: number): string {
  const at = (n: number): string => {
    const u = new URL(requestUrl);
    u.searchParams.set('page', String(n));
    return `<${u.toString()}>`;
  };
  const parts: string[] = [];
  if (page > 1) parts.push(`${at(Math.min(page - 1, lastPage))}; rel="prev"`);
  if (page < lastPage) {
    parts.push(`${at(page + 1)}; rel="next"`);
    parts.push(`${at(lastPage)}; rel="last"`);
  }
  if (page > 1) parts.push(`${at(1)}; rel="first"`);
  return parts.join(', ');
}

function nodeId(prefix: string, id: number): string {
  return prefix + Buffer.from(String(id)).toString('base64url');
}

function stableId(login: string): number {
  return 1_000_000 + (createHash('sha256').update(login).digest().readUInt32BE(0) % 90_000_000);
}
