/**
 * The Actions cache stand-in (test/support/actions-cache-server.ts) driven by the real clients:
 * @actions/cache 6.3.0 in a child process with a runner's cache environment and nothing else
 * (test/support/cache-client.mjs), @azure/storage-blob for the block upload path the cache client
 * takes above 128 MiB, plain fetch for the protocol's error paths, and the bundled action
 * (dist/index.js) saving its baseline on a push to main and restoring it in a pull request.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { BlockBlobClient } from '@azure/storage-blob';
import {
  CACHE_SERVICE,
  MESSAGES,
  SERVICE_METHODS,
  cacheVersion,
  runtimeToken,
  startActionsCacheServer,
  tokens,
  type ActionsCacheServer,
  type FieldSpec,
  type RecordedRequest,
} from './support/actions-cache-server.js';
import { COMPILE_CACHE_ENV, ROOT, runProcess } from './support/cli.js';
import { pullRequestEvent, runBundledAction } from './support/runner.js';

const CLIENT = path.join(ROOT, 'test/support/cache-client.mjs');
const RPC = (method: string) => `/twirp/${CACHE_SERVICE}/${method}`;

/** The compression @actions/cache picks here: zstd when the zstd binary runs, else gzip. */
const COMPRESSION =
  spawnSync('zstd', ['--version'], { stdio: 'ignore' }).status === 0 ? 'zstd-without-long' : 'gzip';

interface ClientOutcome {
  readonly result: string | number | null | undefined;
  readonly error: { name: string; message: string } | undefined;
  readonly stdout: string;
}

/** One @actions/cache call in a child process whose environment is only what a runner sets. */
async function cacheCall(
  server: ActionsCacheServer,
  workspace: string,
  request: { op: 'save' | 'restore'; paths: string[]; key: string; restoreKeys?: string[] },
  token: string = tokens.push(),
  extraEnv: Record<string, string> = {},
): Promise<ClientOutcome> {
  const temp = path.join(workspace, '..', 'runner-temp');
  mkdirSync(temp, { recursive: true });
  const out = await runProcess(process.execPath, [CLIENT, JSON.stringify(request)], {
    cwd: workspace,
    env: {
      ...COMPILE_CACHE_ENV,
      PATH: process.env['PATH'],
      HOME: process.env['HOME'],
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: temp,
      ...server.env(token),
      ...extraEnv,
    },
    timeoutMs: 60_000,
  });
  assert.doesNotMatch(out.stderr, /loopback-only: refused/, 'a request bypassed the stand-in');
  const line = /\nRESULT (.*)\n$/.exec(out.stdout)?.[1];
  assert.ok(line !== undefined, `no RESULT line (exit ${out.code}):\n${out.stdout}\n${out.stderr}`);
  const parsed = JSON.parse(line) as {
    result?: string | number | null;
    error?: ClientOutcome['error'];
  };
  return { result: parsed.result, error: parsed.error, stdout: out.stdout };
}

/** The operations of the requests recorded since `from`, e.g. `['CreateCacheEntry 200', …]`. */
function callsSince(server: ActionsCacheServer, from: number): string[] {
  return server.requests.slice(from).map((r) => `${r.operation ?? r.path} ${r.status}`);
}

function writeData(workspace: string, dir: string, content: string): void {
  mkdirSync(path.join(workspace, dir), { recursive: true });
  writeFileSync(path.join(workspace, dir, 'file.txt'), content);
}

function readData(workspace: string, dir: string): string | undefined {
  try {
    return readFileSync(path.join(workspace, dir, 'file.txt'), 'utf8');
  } catch {
    return undefined;
  }
}

async function twirp(
  server: ActionsCacheServer,
  method: string,
  body: string,
  init: { token?: string | null; contentType?: string; httpMethod?: string } = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const headers: Record<string, string> = {
    'content-type': init.contentType ?? 'application/json',
  };
  const token = init.token === undefined ? tokens.push() : init.token;
  if (token !== null) headers['authorization'] = `Bearer ${token}`;
  const httpMethod = init.httpMethod ?? 'POST';
  const res = await fetch(`${server.url}${RPC(method)}`, {
    method: httpMethod,
    headers,
    ...(httpMethod === 'GET' ? {} : { body }),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

// One scenario in order: each test starts from the entries the ones before it left.
describe('@actions/cache 6.3.0 against the cache service stand-in', () => {
  let server: ActionsCacheServer;
  let base: string;
  let ws: string;

  before(async () => {
    server = await startActionsCacheServer();
    base = mkdtempSync(path.join(os.tmpdir(), 'threadgate-cache-'));
    ws = path.join(base, 'workspace');
    mkdirSync(ws);
  });
  after(async () => {
    await server.stop();
    rmSync(base, { recursive: true, force: true });
  });

  it('saves a directory under a key (create, one Put Blob, finalize) and restores it by exact key', async () => {
    writeData(ws, 'data', 'first');
    const from = server.requests.length;
    const saved = await cacheCall(server, ws, { op: 'save', paths: ['data'], key: 'dep-1' });
    assert.equal(saved.error, undefined);
    assert.equal(typeof saved.result, 'number');
    assert.deepEqual(callsSince(server, from), [
      'CreateCacheEntry 200',
      'PutBlob 201',
      'FinalizeCacheEntryUpload 200',
    ]);
    const entries = server.listEntries();
    assert.equal(entries.length, 1);
    const entry = entries[0]!;
    assert.equal(entry.id, saved.result);
    assert.equal(entry.key, 'dep-1');
    assert.equal(entry.scope, 'refs/heads/main');
    assert.equal(entry.finalized, true);
    assert.equal(entry.declaredSizeBytes, entry.sizeBytes);
    assert.ok(entry.sizeBytes > 0 && entry.sizeBytes < 4096, `archive of ${entry.sizeBytes} B`);
    // The version is the client's hash of the paths and compression (cacheUtils.getCacheVersion).
    assert.equal(entry.version, cacheVersion(['data'], COMPRESSION));

    rmSync(path.join(ws, 'data'), { recursive: true });
    const mark = server.requests.length;
    const restored = await cacheCall(server, ws, { op: 'restore', paths: ['data'], key: 'dep-1' });
    assert.equal(restored.result, 'dep-1');
    assert.match(restored.stdout, /Cache hit for: dep-1/);
    assert.equal(readData(ws, 'data'), 'first');
    // A *.blob.core.windows.net URL: the Azure SDK reads the properties, then ranges.
    assert.deepEqual(callsSince(server, mark), [
      'GetCacheEntryDownloadURL 200',
      'HeadBlob 200',
      'GetBlob 206',
    ]);
    const blobCalls = server.requests.filter((r) => r.kind === 'blob');
    assert.ok(blobCalls.every((r) => r.viaProxy));
    assert.deepEqual(server.violations, []);
  });

  it('restores by prefix: the newest entry wins; restore keys are tried in order, exact before prefix', async () => {
    writeData(ws, 'data', 'second');
    const two = await cacheCall(server, ws, { op: 'save', paths: ['data'], key: 'dep-2' });
    assert.equal(typeof two.result, 'number');

    rmSync(path.join(ws, 'data'), { recursive: true });
    const byKeyPrefix = await cacheCall(server, ws, {
      op: 'restore',
      paths: ['data'],
      key: 'dep-',
    });
    assert.equal(byKeyPrefix.result, 'dep-2');
    assert.equal(readData(ws, 'data'), 'second');

    const byRestoreKey = await cacheCall(server, ws, {
      op: 'restore',
      paths: ['data'],
      key: 'dep-9',
      restoreKeys: ['nothing-', 'dep-1', 'dep-'],
    });
    assert.equal(byRestoreKey.result, 'dep-1', 'the first restore key that matches, exactly');
    assert.match(byRestoreKey.stdout, /Cache hit for restore-key: dep-1/);
    assert.equal(readData(ws, 'data'), 'first');
    assert.deepEqual(server.violations, []);
  });

  it('refuses a second entry under the same key and version: the client logs it and returns -1', async () => {
    const before = server.listEntries().find((e) => e.key === 'dep-1');
    writeData(ws, 'data', 'overwrite attempt');
    const from = server.requests.length;
    const again = await cacheCall(server, ws, { op: 'save', paths: ['data'], key: 'dep-1' });
    assert.equal(again.result, -1);
    assert.match(again.stdout, /Unable to reserve cache with key dep-1/);
    assert.deepEqual(callsSince(server, from), ['CreateCacheEntry 409']);
    const afterEntry = server.listEntries().find((e) => e.key === 'dep-1');
    assert.equal(afterEntry?.sha256, before?.sha256, 'the stored bytes are unchanged');
  });

  it('misses an evicted entry and falls back to the next one', async () => {
    assert.equal(server.evict({ key: 'dep-2' }), 1);
    const exact = await cacheCall(server, ws, { op: 'restore', paths: ['data'], key: 'dep-2' });
    assert.equal(exact.result, null);
    const prefix = await cacheCall(server, ws, { op: 'restore', paths: ['data'], key: 'dep-' });
    assert.equal(prefix.result, 'dep-1');
  });

  it('does not restore an entry saved for other paths (the version differs)', async () => {
    const from = server.requests.length;
    const other = await cacheCall(server, ws, {
      op: 'restore',
      paths: ['elsewhere'],
      key: 'dep-1',
    });
    assert.equal(other.result, null);
    const sent = server.requests[from]?.body as { version: string };
    assert.equal(sent.version, cacheVersion(['elsewhere'], COMPRESSION));
    assert.notEqual(sent.version, cacheVersion(['data'], COMPRESSION));
  });

  it('scopes: a pull request reads the base branch and writes its own scope; main never sees it', async () => {
    const pr = tokens.pullRequest(7);
    writeData(ws, 'data', 'from the pull request');
    // The same key as main's entry: allowed, it lands in the PR's own scope.
    const saved = await cacheCall(server, ws, { op: 'save', paths: ['data'], key: 'dep-1' }, pr);
    assert.equal(typeof saved.result, 'number');
    const prEntry = server.listEntries().find((e) => e.id === saved.result);
    assert.equal(prEntry?.scope, 'refs/pull/7/merge');

    writeData(ws, 'data', 'stale');
    const prReads = await cacheCall(
      server,
      ws,
      { op: 'restore', paths: ['data'], key: 'dep-1' },
      pr,
    );
    assert.equal(prReads.result, 'dep-1');
    assert.equal(readData(ws, 'data'), 'from the pull request', 'its own scope first');

    const other = tokens.pullRequest(8);
    const base = await cacheCall(
      server,
      ws,
      { op: 'restore', paths: ['data'], key: 'dep-1' },
      other,
    );
    assert.equal(base.result, 'dep-1');
    assert.equal(readData(ws, 'data'), 'first', 'another PR gets the base branch entry');

    writeData(ws, 'data', 'pr-only');
    await cacheCall(server, ws, { op: 'save', paths: ['data'], key: 'pr-only-1' }, pr);
    const mainReads = await cacheCall(server, ws, {
      op: 'restore',
      paths: ['data'],
      key: 'pr-only-',
    });
    assert.equal(mainReads.result, null, 'main cannot read a pull request scope');

    const readOnly = runtimeToken([{ scope: 'refs/heads/main', permission: 1 }]);
    const denied = await cacheCall(
      server,
      ws,
      { op: 'save', paths: ['data'], key: 'ro-1' },
      readOnly,
    );
    assert.equal(denied.result, -1);
    assert.match(denied.stdout, /cache write denied/);
    assert.deepEqual(server.violations, []);
  });

  it('serves replaced or planted bytes as they are (poisoning); corrupted bytes fail the restore', async () => {
    const main = { key: 'dep-1', scope: 'refs/heads/main' };
    const prBytes = server.entryBytes({ key: 'pr-only-1' });
    server.replaceBytes(main, prBytes);
    rmSync(path.join(ws, 'data'), { recursive: true, force: true });
    const poisoned = await cacheCall(server, ws, { op: 'restore', paths: ['data'], key: 'dep-1' });
    assert.equal(poisoned.result, 'dep-1');
    assert.equal(readData(ws, 'data'), 'pr-only');

    // An entry planted straight into main's scope, under the version the client computes.
    server.putEntry({
      key: 'planted-1',
      version: cacheVersion(['data'], COMPRESSION),
      scope: 'refs/heads/main',
      bytes: prBytes,
    });
    rmSync(path.join(ws, 'data'), { recursive: true, force: true });
    const planted = await cacheCall(server, ws, {
      op: 'restore',
      paths: ['data'],
      key: 'planted-',
    });
    assert.equal(planted.result, 'planted-1');
    assert.equal(readData(ws, 'data'), 'pr-only');

    server.corrupt(main);
    rmSync(path.join(ws, 'data'), { recursive: true, force: true });
    const corrupted = await cacheCall(server, ws, { op: 'restore', paths: ['data'], key: 'dep-1' });
    assert.equal(corrupted.result, null);
    assert.match(corrupted.stdout, /::warning::Failed to restore: /);
  });

  it('injected faults: a hung request, a cut download, a rate limit: each a warning, never a throw', async () => {
    server.inject('GetCacheEntryDownloadURL', { hangMs: 200 });
    const hung = await cacheCall(server, ws, { op: 'restore', paths: ['data'], key: 'pr-only-1' });
    assert.equal(hung.result, null);
    assert.match(hung.stdout, /::warning::Failed to restore: .*ECONNRESET/);

    server.inject('GetBlob', { truncateAt: 16 });
    const from = server.requests.length;
    rmSync(path.join(ws, 'data'), { recursive: true, force: true });
    const cut = await cacheCall(
      server,
      ws,
      { op: 'restore', paths: ['data'], key: 'dep-1' },
      tokens.pullRequest(7),
      // @actions/cache 6.3.0 leaks the segment timer when a download fails (actions/toolkit
      // #2470): the process lingers for the whole segment timeout, 10 minutes by default.
      { SEGMENT_DOWNLOAD_TIMEOUT_MINS: '0.03' },
    );
    // Observed: the SDK's ranged read does not resume a connection cut mid-body; it aborts.
    assert.equal(cut.result, null);
    assert.match(cut.stdout, /::warning::Failed to restore: /);
    assert.equal(readData(ws, 'data'), undefined);
    const reads = server.requests.slice(from).filter((r: RecordedRequest) => r.kind === 'blob');
    assert.deepEqual(
      reads.map((r) => [r.operation, r.status, r.injected]),
      [
        ['HeadBlob', 200, false],
        ['GetBlob', 206, true],
      ],
    );

    server.inject('CreateCacheEntry', { status: 429, headers: { 'retry-after': '60' } });
    writeData(ws, 'data', 'limited');
    const limited = await cacheCall(server, ws, { op: 'save', paths: ['data'], key: 'rl-1' });
    assert.equal(limited.result, -1);
    assert.match(limited.stdout, /rate limit/);
    assert.equal(server.pendingFaults(), 0);
    assert.equal(server.listEntries().filter((e) => e.key === 'rl-1').length, 0);
  });
});

describe('path-style blob URLs (no proxy): the client downloads with one plain GET', () => {
  let server: ActionsCacheServer;
  let base: string;
  before(async () => {
    server = await startActionsCacheServer({ blobEndpoint: 'path-style' });
    base = mkdtempSync(path.join(os.tmpdir(), 'threadgate-cache-'));
    mkdirSync(path.join(base, 'workspace'));
  });
  after(async () => {
    await server.stop();
    rmSync(base, { recursive: true, force: true });
  });

  it('saves and restores; a download cut short fails the restore with a warning', async () => {
    const ws = path.join(base, 'workspace');
    assert.equal(server.env()['HTTP_PROXY'], undefined);
    writeData(ws, 'data', 'plain');
    const saved = await cacheCall(server, ws, { op: 'save', paths: ['data'], key: 'plain-1' });
    assert.equal(typeof saved.result, 'number');
    rmSync(path.join(ws, 'data'), { recursive: true });
    const from = server.requests.length;
    const restored = await cacheCall(server, ws, {
      op: 'restore',
      paths: ['data'],
      key: 'plain-1',
    });
    assert.equal(restored.result, 'plain-1');
    assert.equal(readData(ws, 'data'), 'plain');
    assert.deepEqual(callsSince(server, from), ['GetCacheEntryDownloadURL 200', 'GetBlob 200']);

    rmSync(path.join(ws, 'data'), { recursive: true });
    server.inject('GetBlob', { truncateAt: 16 });
    const cut = await cacheCall(server, ws, { op: 'restore', paths: ['data'], key: 'plain-1' });
    assert.equal(cut.result, null);
    assert.match(cut.stdout, /::warning::Failed to restore: /);
    assert.equal(readData(ws, 'data'), undefined);
    assert.ok(server.requests.every((r) => !r.viaProxy));
    assert.deepEqual(server.violations, []);
  });
});

describe('the stand-in answers protocol errors as Twirp and Azure do, and records violations', () => {
  let server: ActionsCacheServer;
  before(async () => {
    server = await startActionsCacheServer({ blobEndpoint: 'path-style' });
  });
  after(async () => {
    await server.stop();
  });

  it('Twirp: bad route, wrong HTTP method or content type, no token, bad JSON, unknown field', async () => {
    const version = cacheVersion(['x'], 'gzip');
    const ok = JSON.stringify({ key: 'k', version });
    const cases: [string, Awaited<ReturnType<typeof twirp>>, number, string, string][] = [
      ['unknown method', await twirp(server, 'DeleteCacheEntry', ok), 404, 'bad_route', 'route'],
      [
        'GET',
        await twirp(server, 'CreateCacheEntry', '', { httpMethod: 'GET' }),
        404,
        'bad_route',
        'http-method',
      ],
      [
        'text/plain',
        await twirp(server, 'CreateCacheEntry', ok, { contentType: 'text/plain' }),
        404,
        'bad_route',
        'content-type',
      ],
      [
        'no token',
        await twirp(server, 'CreateCacheEntry', ok, { token: null }),
        401,
        'unauthenticated',
        'auth',
      ],
      ['not JSON', await twirp(server, 'CreateCacheEntry', '{"key":'), 400, 'malformed', 'json'],
      [
        'unknown field',
        await twirp(server, 'CreateCacheEntry', JSON.stringify({ key: 'k', version, size: 1 })),
        400,
        'malformed',
        'fields',
      ],
      [
        'mistyped field',
        await twirp(
          server,
          'GetCacheEntryDownloadURL',
          JSON.stringify({ key: 'k', version, restore_keys: 'k' }),
        ),
        400,
        'malformed',
        'fields',
      ],
      [
        'empty key',
        await twirp(server, 'CreateCacheEntry', JSON.stringify({ version })),
        400,
        'invalid_argument',
        'argument',
      ],
    ];
    for (const [name, res, status, code] of cases) {
      assert.equal(res.status, status, name);
      assert.equal(res.json.code, code, name);
      assert.equal(typeof res.json.msg, 'string', name);
    }
    assert.deepEqual(
      server.violations.map((v) => v.kind),
      cases.map((c) => c[4]),
    );
    assert.equal(server.listEntries().length, 0);
  });

  it('Twirp: proto3 JSON in either field-name form; finalize checks the uploaded size', async () => {
    const version = cacheVersion(['x'], 'gzip');
    const created = await twirp(
      server,
      'CreateCacheEntry',
      JSON.stringify({ key: 'c-1', version }),
    );
    assert.equal(created.status, 200);
    assert.equal(created.json.ok, true);
    const upload = String(created.json.signed_upload_url);
    const put = await fetch(upload, {
      method: 'PUT',
      headers: { 'x-ms-blob-type': 'BlockBlob' },
      body: 'twelve bytes',
      signal: AbortSignal.timeout(10_000),
    });
    assert.equal(put.status, 201);
    const wrongSize = await twirp(
      server,
      'FinalizeCacheEntryUpload',
      JSON.stringify({ key: 'c-1', version, sizeBytes: 13 }),
    );
    assert.equal(wrongSize.status, 400);
    assert.deepEqual(server.violations.at(-1)?.kind, 'protocol');
    const finalized = await twirp(
      server,
      'FinalizeCacheEntryUpload',
      JSON.stringify({ key: 'c-1', version, sizeBytes: '12' }),
    );
    assert.deepEqual(finalized.json, { ok: true, entry_id: '1', message: '' });

    const miss = await twirp(
      server,
      'GetCacheEntryDownloadURL',
      JSON.stringify({ key: 'x', version }),
    );
    assert.deepEqual(miss.json, { ok: false, signed_download_url: '', matched_key: '' });
    const hit = await twirp(
      server,
      'GetCacheEntryDownloadURL',
      JSON.stringify({ key: 'x', restoreKeys: ['c-'], version }),
    );
    assert.equal(hit.json.matched_key, 'c-1');
    const download = String(hit.json.signed_download_url);

    // Range reads answer 206 with the slice.
    const ranged = await fetch(download, { headers: { range: 'bytes=2-5' } });
    assert.equal(ranged.status, 206);
    assert.equal(await ranged.text(), 'elve');
    assert.equal(ranged.headers.get('content-range'), 'bytes 2-5/12');

    // A finalized entry's blob takes no more writes, even with its upload URL.
    const late = await fetch(upload, {
      method: 'PUT',
      headers: { 'x-ms-blob-type': 'BlockBlob' },
      body: 'poison',
    });
    assert.equal(late.status, 403);
    await late.arrayBuffer();
    // A read URL cannot write; a forged signature fails and is a violation; revoked URLs fail.
    const viaRead = await fetch(download, {
      method: 'PUT',
      body: 'x',
      headers: { 'x-ms-blob-type': 'BlockBlob' },
    });
    assert.equal(viaRead.status, 403);
    await viaRead.arrayBuffer();
    const forged = new URL(download);
    forged.searchParams.set('sig', Buffer.alloc(32).toString('base64'));
    const forgedRes = await fetch(forged);
    assert.equal(forgedRes.status, 403);
    assert.equal(forgedRes.headers.get('x-ms-error-code'), 'AuthenticationFailed');
    await forgedRes.arrayBuffer();
    const violationsBefore = server.violations.length;
    server.revokeSignedUrls();
    const revoked = await fetch(download);
    assert.equal(revoked.status, 403);
    await revoked.arrayBuffer();
    assert.equal(server.violations.length, violationsBefore, 'a revoked URL is no client fault');
    assert.deepEqual(server.entryBytes({ key: 'c-1' }).toString(), 'twelve bytes');
  });

  it('Azure: the SDK block upload path (Put Block ×n, Put Block List) and ranged download', async () => {
    const version = cacheVersion(['blocks'], 'gzip');
    const created = await twirp(
      server,
      'CreateCacheEntry',
      JSON.stringify({ key: 'b-1', version }),
    );
    const data = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));
    const client = new BlockBlobClient(String(created.json.signed_upload_url));
    const from = server.requests.length;
    await client.uploadData(data, {
      blockSize: 1024,
      maxSingleShotSize: 1024,
      concurrency: 2,
      abortSignal: AbortSignal.timeout(10_000),
    });
    const ops = server.requests.slice(from).map((r) => `${r.operation} ${r.status}`);
    assert.deepEqual(ops, [...Array(5).fill('PutBlock 201'), 'PutBlockList 201']);
    const finalized = await twirp(
      server,
      'FinalizeCacheEntryUpload',
      JSON.stringify({ key: 'b-1', version, size_bytes: String(data.length) }),
    );
    assert.equal(finalized.json.ok, true);
    const hit = await twirp(
      server,
      'GetCacheEntryDownloadURL',
      JSON.stringify({ key: 'b-1', version }),
    );
    const reader = new BlockBlobClient(String(hit.json.signed_download_url));
    const back = await reader.downloadToBuffer(0, undefined, {
      blockSize: 2048,
      abortSignal: AbortSignal.timeout(10_000),
    });
    assert.ok(back.equals(data));
    assert.ok(server.requests.some((r) => r.operation === 'GetBlob' && r.status === 206));
  });

  it('its message table matches the generated client of @actions/cache (names, json names, types)', async () => {
    const generated = path.join(
      ROOT,
      'node_modules/@actions/cache/lib/generated/results/api/v1/cache.js',
    );
    type FieldInfo = {
      name: string;
      jsonName: string;
      kind: string;
      T: number | (() => { typeName: string; fields: FieldInfo[] });
      repeat?: number;
    };
    type MessageType = { typeName: string; fields: FieldInfo[] };
    const mod = (await import(pathToFileURL(generated).href)) as {
      CacheService: {
        typeName: string;
        methods: { name: string; I: MessageType; O: MessageType }[];
      };
    };
    assert.equal(mod.CacheService.typeName, CACHE_SERVICE);
    const scalar: Record<number, string> = { 9: 'string', 3: 'int64', 8: 'bool' };
    const seen = new Map<string, MessageType>();
    const describe = (type: MessageType): FieldSpec[] =>
      type.fields.map((f) => {
        let t: string;
        if (f.kind === 'message' && typeof f.T === 'function') {
          const sub = f.T();
          seen.set(sub.typeName, sub);
          t = sub.typeName.split('.').at(-1)!;
        } else t = scalar[f.T as number] ?? `scalar ${String(f.T)}`;
        return [f.name, f.jsonName, t, (f.repeat ?? 0) !== 0] as unknown as FieldSpec;
      });
    const methods = Object.fromEntries(
      mod.CacheService.methods.map((m) => [
        m.name,
        { input: m.I.typeName.split('.').at(-1), output: m.O.typeName.split('.').at(-1) },
      ]),
    );
    assert.deepEqual(methods, SERVICE_METHODS);
    for (const m of mod.CacheService.methods) {
      for (const type of [m.I, m.O]) {
        const name = type.typeName.split('.').at(-1) as keyof typeof MESSAGES;
        assert.deepEqual(describe(type), MESSAGES[name], type.typeName);
      }
    }
    for (const [typeName, type] of [...seen]) {
      const name = typeName.split('.').at(-1) as keyof typeof MESSAGES;
      assert.deepEqual(describe(type), MESSAGES[name], typeName);
    }
  });

  it('bounds memory: an oversize blob or RPC body is refused with an answer, not a reset', async () => {
    const small = await startActionsCacheServer({ blobEndpoint: 'path-style', maxBlobBytes: 8 });
    try {
      const version = cacheVersion(['x'], 'gzip');
      const created = await twirp(
        small,
        'CreateCacheEntry',
        JSON.stringify({ key: 'big', version }),
      );
      const put = await fetch(String(created.json.signed_upload_url), {
        method: 'PUT',
        headers: { 'x-ms-blob-type': 'BlockBlob' },
        body: 'twelve bytes',
        signal: AbortSignal.timeout(10_000),
      });
      assert.equal(put.status, 413);
      assert.equal(put.headers.get('x-ms-error-code'), 'RequestBodyTooLarge');
      await put.arrayBuffer();
      const huge = await twirp(small, 'CreateCacheEntry', `{"key":"${'k'.repeat(1_100_000)}"}`);
      assert.equal(huge.status, 429);
      assert.equal(huge.json.code, 'resource_exhausted');
      assert.deepEqual(small.listEntries()[0]?.sizeBytes, 0);
    } finally {
      await small.stop();
    }
  });

  it('closes with a request still hanging and keep-alive sockets open', async () => {
    const local = await startActionsCacheServer();
    local.inject('*', { hangMs: 60_000 });
    const pending = fetch(`${local.url}${RPC('CreateCacheEntry')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
      body: '{}',
    }).then(
      () => 'answered',
      () => 'dropped',
    );
    while (local.requests.length === 0) await new Promise((r) => setTimeout(r, 10));
    const t0 = performance.now();
    await local.stop();
    assert.equal(await pending, 'dropped');
    assert.ok(performance.now() - t0 < 5_000);
  });
});

describe('the bundled action keeps its baseline in the Actions cache', () => {
  let server: ActionsCacheServer;
  before(async () => {
    server = await startActionsCacheServer();
  });
  after(async () => {
    await server.stop();
  });

  it('a push to main saves a threadgate- entry; a pull request run restores it', async () => {
    const inputs = {
      sizes: '48',
      'max-time': '3',
      baseline: 'cache',
      'github-token': 'x',
      comment: 'never',
    };
    const push = await runBundledAction({
      inputs,
      event: {
        name: 'push',
        payload: { ref: 'refs/heads/main', repository: { default_branch: 'main' } },
      },
      apiUrl: 'http://127.0.0.1:9',
      env: {
        GITHUB_REF: 'refs/heads/main',
        GITHUB_REF_NAME: 'main',
        GITHUB_HEAD_REF: '',
        GITHUB_BASE_REF: '',
        ...server.env(tokens.push('main')),
      },
    });
    assert.equal(push.code, 0, push.stdout + push.stderr);
    const saved = server.listEntries();
    assert.equal(saved.length, 1, JSON.stringify(saved));
    const entry = saved[0]!;
    assert.match(entry.key, /^threadgate-/);
    assert.equal(entry.scope, 'refs/heads/main');
    assert.equal(entry.finalized, true);

    // A fresh runner for the pull request: same directories (RUNNER_TEMP and the workspace have
    // fixed paths on a runner, and the cache version hashes the paths), nothing left in them.
    for (const sub of ['workspace', 'temp']) {
      rmSync(path.join(push.dir, sub), { recursive: true, force: true });
    }
    const from = server.requests.length;
    const pr = await runBundledAction({
      inputs,
      event: pullRequestEvent(7),
      apiUrl: 'http://127.0.0.1:9',
      env: server.env(tokens.pullRequest(7, 'main')),
      dir: push.dir,
    });
    assert.equal(pr.code, 0, pr.stdout + pr.stderr);
    for (const run of [push, pr]) assert.doesNotMatch(run.stderr, /loopback-only: refused/);
    const lookups = server.requests
      .slice(from)
      .filter((r) => r.operation === 'GetCacheEntryDownloadURL' && r.status === 200);
    assert.ok(lookups.length >= 1);
    const download = server.requests
      .slice(from)
      .find((r) => r.operation === 'GetBlob' && r.status >= 200 && r.status < 300);
    assert.ok(download, 'the pull request run downloaded the entry');
    assert.ok(
      pr.summary.includes(entry.key) || pr.stdout.includes(entry.key),
      `the PR run names ${entry.key}:\n${pr.summary}\n${pr.stdout}`,
    );
    assert.ok(
      server.listEntries().every((e) => e.scope !== 'refs/heads/main' || e.id === entry.id),
      'the pull request wrote nothing into main',
    );
    assert.deepEqual(server.violations, []);
  });
});
