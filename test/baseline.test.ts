import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  baselineScope,
  CacheBaselineStore,
  DEFAULT_MAX_RUNS,
  FileBaselineStore,
  baselineFromResult,
  cacheKeyFor,
  cacheKeyPrefix,
  mergeRun,
  nodeWriteOps,
  parseBaselineFile,
  parseBaselineSpec,
  readBaselineFile,
  restoreKeysFor,
  sanitizeKeyPart,
  writeBaselineFile,
  type BaselineDocument,
  type CacheClient,
  type CacheRunContext,
} from '../src/baseline/index.js';
import { BaselineError, InputError } from '../src/errors.js';
import { cacheKeySource } from '../src/action/baseline-phase.js';
import { readRunnerContext } from '../src/action/context.js';
import { keySegment, type KeySource } from '../src/baseline/cache-store.js';
import { DEFAULT_WORKLOADS, syntheticResult } from './fixtures/baseline/synthetic.js';
import { setUpFile } from './support/hooks.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures/baseline');

function run(i: number, machine?: Parameters<typeof syntheticResult>[0]['machine']) {
  return syntheticResult({
    seed: i,
    samples: 8,
    workloads: DEFAULT_WORKLOADS,
    createdAt: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
    ...(machine ? { machine } : {}),
  });
}

let dir: string;
setUpFile(
  async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'threadgate-baseline-'));
  },
  () => rm(dir, { recursive: true, force: true }),
);

describe('mergeRun (history)', () => {
  it('starts a history of one run from nothing', () => {
    const r = run(1);
    const { baseline, notes } = mergeRun(null, r, { ref: 'refs/heads/main', sha: 'abc123' });
    assert.equal(baseline.kind, 'threadgate-baseline');
    assert.equal(baseline.fingerprint, r.machine.fingerprint);
    assert.equal(baseline.runs.length, 1);
    assert.equal(baseline.runs[0]!.ref, 'refs/heads/main');
    assert.equal(baseline.runs[0]!.sha, 'abc123');
    assert.deepEqual(
      baseline.runs[0]!.workloads[0]!.points,
      r.workloads[0]!.points.map((p) => ({ threads: p.threads, medianNs: p.medianNs })),
    );
    assert.equal(baseline.latest, r);
    assert.deepEqual(notes, []);
  });

  it('keeps the newest maxRuns runs whole, newest last, and older ones thinned', () => {
    let doc: BaselineDocument | null = null;
    const results = Array.from({ length: 25 }, (_, i) => run(i));
    for (const r of results) doc = mergeRun(doc, r, { maxRuns: 20 }).baseline;
    assert.ok(doc);
    const whole = doc.runs.filter((x) => x.kept === undefined);
    assert.equal(whole.length, 20);
    assert.deepEqual(
      whole.map((x) => x.createdAt),
      results.slice(5).map((r) => r.createdAt),
    );
    // The five older runs (hours 0–4 of 1 January) are of a day the whole runs cover: thinning
    // keeps no second run of it (thinRuns, test/normalize.test.ts).
    assert.equal(doc.runs.length, 20);
    assert.equal(doc.latest, results[24]);
  });

  it('defaults to DEFAULT_MAX_RUNS (20)', () => {
    assert.equal(DEFAULT_MAX_RUNS, 20);
    let doc: BaselineDocument | null = null;
    for (let i = 0; i < 23; i++) doc = mergeRun(doc, run(i)).baseline;
    assert.equal(doc?.runs.filter((x) => x.kept === undefined).length, 20);
  });

  it('replaces a run merged twice instead of counting it twice', () => {
    const a = mergeRun(null, run(1)).baseline;
    const { baseline, notes } = mergeRun(a, run(1));
    assert.equal(baseline.runs.length, 1);
    assert.match(notes.join(), /merged twice/);
  });

  it('starts a fresh history when the machine fingerprint changes, and says so', () => {
    let doc: BaselineDocument | null = null;
    for (let i = 0; i < 4; i++) doc = mergeRun(doc, run(i)).baseline;
    const other = run(9, { cpuModel: 'Intel(R) Xeon(R) Platinum 8370C CPU @ 2.80GHz' });
    const { baseline, notes } = mergeRun(doc, other);
    assert.equal(baseline.runs.length, 1);
    assert.equal(baseline.fingerprint, other.machine.fingerprint);
    assert.equal(notes.length, 1);
    assert.match(notes[0]!, /fingerprint changed/);
    assert.match(notes[0]!, /4 run\(s\) were dropped/);
  });

  it('rejects a maxRuns below 1', () => {
    assert.throws(() => mergeRun(null, run(1), { maxRuns: 0 }), RangeError);
  });
});

describe('parseBaselineFile', () => {
  it('reads a baseline document (the generated fixture)', async () => {
    const parsed = await readBaselineFile(path.join(FIXTURES, 'history-main.json'));
    assert.equal(parsed.from, 'baseline');
    assert.equal(parsed.document.runs.length, 6);
  });

  it('reads a plain Result as a history of one run', async () => {
    const parsed = await readBaselineFile(path.join(FIXTURES, 'result-main.json'));
    assert.equal(parsed.from, 'result');
    assert.equal(parsed.document.runs.length, 1);
    assert.equal(parsed.document.fingerprint, parsed.document.latest.machine.fingerprint);
  });

  const good = JSON.stringify(baselineFromResult(run(1)), null, 2);
  const cases: [string, string, RegExp][] = [
    ['empty', '', /is empty/],
    ['whitespace only', '  \n ', /is empty/],
    ['truncated', good.slice(0, Math.floor(good.length / 2)), /is truncated/],
    ['not JSON', 'schemaVersion: 1\n', /is not valid JSON/],
    [
      'unknown schemaVersion',
      good.replace('"schemaVersion": 1', '"schemaVersion": 2'),
      /schemaVersion number 2/,
    ],
    ['not an object', '[1, 2, 3]', /not a threadgate file/],
    [
      'another tool',
      JSON.stringify({ name: 'left-pad', version: '1.0.0' }),
      /not a threadgate file/,
    ],
    [
      'another kind',
      JSON.stringify({ kind: 'something-else', schemaVersion: 1 }),
      /not a threadgate file/,
    ],
    [
      'a comparison file',
      JSON.stringify({ kind: 'threadgate-comparison', schemaVersion: 1 }),
      /is a comparison file/,
    ],
    [
      'missing field',
      good.replace(/"fingerprint": "[0-9a-f]+",\s*"machine"/, '"machine"'),
      /missing the field "fingerprint"/,
    ],
    [
      'empty runs',
      good.replace(/"runs": \[[\s\S]*?\n {2}\],/, '"runs": [],'),
      /"runs" is an array of 0 entries; expected an array of 1 to 1000 entries/,
    ],
  ];
  for (const [what, text, message] of cases) {
    it(`throws a BaselineError naming the file: ${what}`, () => {
      assert.throws(
        () => parseBaselineFile(text, 'bench/baseline.json'),
        (e: unknown) => {
          assert.ok(e instanceof BaselineError, String(e));
          assert.match(e.message, /bench\/baseline\.json/);
          assert.match(e.message, message);
          return true;
        },
      );
    });
  }

  it('names the missing field of a Result, with its path', () => {
    const r = JSON.parse(JSON.stringify(run(1))) as {
      workloads: { points: { medianNs?: number }[] }[];
    };
    delete r.workloads[1]!.points[0]!.medianNs;
    assert.throws(
      () => parseBaselineFile(JSON.stringify(r), 'r.json'),
      /r\.json: is missing the field "workloads\[1\]\.points\[0\]\.medianNs"/,
    );
  });

  it('throws a BaselineError naming the file when it does not exist', async () => {
    const missing = path.join(dir, 'nope.json');
    await assert.rejects(readBaselineFile(missing), (e: unknown) => {
      assert.ok(e instanceof BaselineError);
      assert.ok(e.message.includes(missing));
      assert.match(e.message, /not found/);
      return true;
    });
  });
});

describe('writeBaselineFile (atomic save)', () => {
  it('writes a file that reads back', async () => {
    const file = path.join(dir, 'sub/dir/baseline.json');
    const doc = baselineFromResult(run(1));
    await writeBaselineFile(file, doc);
    const back = await readBaselineFile(file);
    assert.deepEqual(back.document, JSON.parse(JSON.stringify(doc)));
  });

  it('leaves the old file intact when the write fails half-way, and no temp file behind', async () => {
    const sub = await mkdtemp(path.join(dir, 'atomic-'));
    const file = path.join(sub, 'baseline.json');
    await writeBaselineFile(file, baselineFromResult(run(1)));
    const before = await readFile(file, 'utf8');
    const failing = {
      ...nodeWriteOps,
      async writeAndSync(p: string, data: string) {
        await writeFile(p, data.slice(0, 100));
        throw new Error('ENOSPC: no space left on device');
      },
    };
    await assert.rejects(
      writeBaselineFile(file, baselineFromResult(run(2)), failing),
      (e: unknown) => {
        assert.ok(e instanceof BaselineError);
        assert.match(e.message, /ENOSPC/);
        assert.ok(e.message.includes(file));
        return true;
      },
    );
    assert.equal(await readFile(file, 'utf8'), before);
    assert.deepEqual(await readdir(sub), ['baseline.json']);
  });

  it('leaves the old file intact when the rename fails', async () => {
    const sub = await mkdtemp(path.join(dir, 'atomic-'));
    const file = path.join(sub, 'baseline.json');
    await writeBaselineFile(file, baselineFromResult(run(1)));
    const before = await readFile(file, 'utf8');
    const failing = {
      ...nodeWriteOps,
      rename: () => Promise.reject(new Error('EXDEV: cross-device link not permitted')),
    };
    await assert.rejects(
      writeBaselineFile(file, baselineFromResult(run(2)), failing),
      BaselineError,
    );
    assert.equal(await readFile(file, 'utf8'), before);
    assert.deepEqual(await readdir(sub), ['baseline.json']);
  });

  it('refuses to overwrite a good baseline with an invalid one', async () => {
    const sub = await mkdtemp(path.join(dir, 'atomic-'));
    const file = path.join(sub, 'baseline.json');
    await writeBaselineFile(file, baselineFromResult(run(1)));
    const before = await readFile(file, 'utf8');
    const bad = { ...baselineFromResult(run(2)), runs: [] };
    await assert.rejects(
      writeBaselineFile(file, bad),
      /refusing to save .*"runs" is an array of 0 entries/,
    );
    assert.equal(await readFile(file, 'utf8'), before);
  });
});

describe('FileBaselineStore', () => {
  it('loads null when the file does not exist yet, then round-trips a save', async () => {
    const file = path.join(dir, 'store/baseline.json');
    const store = new FileBaselineStore(file);
    assert.equal(store.describe(), `file:${file}`);
    assert.equal(await store.load(), null);
    const info = await store.save((stored) => mergeRun(stored, run(1)).baseline);
    assert.equal(info.saved, true);
    assert.equal(info.location, file);
    const loaded = await store.load();
    assert.equal(loaded?.document.runs.length, 1);
    assert.match(loaded?.source ?? '', /baseline\.json/);
  });

  it('concurrent saves both land: each merges into the file as it is under the lock', async () => {
    const file = path.join(dir, 'concurrent/baseline.json');
    const a = new FileBaselineStore(file);
    const b = new FileBaselineStore(file);
    await a.save((stored) => mergeRun(stored, run(1)).baseline);
    // Both loaded the one-run history; both save at once.
    const [la, lb] = [await a.load(), await b.load()];
    assert.equal(la?.document.runs.length, 1);
    assert.equal(lb?.document.runs.length, 1);
    await Promise.all([
      a.save((stored) => mergeRun(stored, run(2)).baseline),
      b.save((stored) => mergeRun(stored, run(3)).baseline),
    ]);
    const after = await a.load();
    assert.deepEqual(
      after?.document.runs.map((r) => r.createdAt).sort(),
      [run(1), run(2), run(3)].map((r) => r.createdAt).sort(),
      'no run lost',
    );
    assert.deepEqual(
      (await readdir(path.dirname(file))).sort(),
      ['baseline.json'],
      'no lock or temp file left',
    );
  });

  it('a lock left by a crashed writer is taken over; temporary files of crashed writes are removed', async () => {
    const sub = await mkdtemp(path.join(dir, 'crashed-'));
    const file = path.join(sub, 'baseline.json');
    // The lock is an empty folder its holder refreshes; one not refreshed for 10 s is stale.
    await mkdir(`${file}.lock`);
    const longAgo = new Date(Date.now() - 60_000);
    await utimes(`${file}.lock`, longAgo, longAgo);
    // A pid that is not running (the kernel's pid_max is below 2^22 on Linux).
    const deadPid = 4_194_304 + 17;
    const leftover = path.join(sub, `.baseline.json.${deadPid}.0123abcd.tmp`);
    await writeFile(leftover, 'x'.repeat(1000));
    const mine = path.join(sub, `.other.json.${deadPid}.0123abcd.tmp`);
    await writeFile(mine, "not this file's temp");
    const store = new FileBaselineStore(file);
    await store.save((stored) => mergeRun(stored, run(1)).baseline);
    assert.deepEqual((await readdir(sub)).sort(), [
      '.other.json.4194321.0123abcd.tmp',
      'baseline.json',
    ]);
  });

  it('a committed <file>.lock that is not a lock fails the save at once, naming it, and stays', async () => {
    // `baseline: file:baseline.json` and a pull request that commits baseline.json.lock.
    const sub = await mkdtemp(path.join(dir, 'committed-'));
    const file = path.join(sub, 'baseline.json');
    await writeFile(`${file}.lock`, 'not a lock\n');
    const started = Date.now();
    await assert.rejects(
      new FileBaselineStore(file).save((stored) => mergeRun(stored, run(1)).baseline),
      (e: unknown) =>
        e instanceof BaselineError &&
        e.message.includes(`cannot save baseline ${file}: ${file}.lock is a regular file`),
    );
    assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`);
    assert.deepEqual(await readdir(sub), ['baseline.json.lock']);
    assert.equal(await readFile(`${file}.lock`, 'utf8'), 'not a lock\n');
  });

  it('throws a BaselineError for a broken file (not null: the user must see it)', async () => {
    const file = path.join(dir, 'broken.json');
    await writeFile(file, '{"schemaVersion": 1, "kind": "threadgate-baseline", "runs": [');
    await assert.rejects(new FileBaselineStore(file).load(), /broken\.json: is truncated/);
  });
});

describe('parseBaselineSpec', () => {
  it('parses the four forms', () => {
    assert.deepEqual(parseBaselineSpec('cache'), { kind: 'cache' });
    assert.deepEqual(parseBaselineSpec('branch'), { kind: 'branch', branch: 'threadgate-data' });
    assert.deepEqual(parseBaselineSpec('none'), { kind: 'none' });
    assert.deepEqual(parseBaselineSpec('file:bench/baseline.json'), {
      kind: 'file',
      path: 'bench/baseline.json',
    });
    assert.deepEqual(parseBaselineSpec(' file: a b.json '), { kind: 'file', path: 'a b.json' });
  });

  for (const bad of ['s3://bucket/x', 'file:', 'File:x', 'caches', 'branch:x']) {
    it(`rejects ${JSON.stringify(bad)} naming the input and the forms`, () => {
      assert.throws(
        () => parseBaselineSpec(bad),
        (e: unknown) => {
          assert.ok(e instanceof InputError);
          assert.match(e.message, /^baseline: got /);
          assert.ok(e.message.includes(JSON.stringify(bad)));
          assert.match(e.message, /"cache", "branch", "file:PATH".*"none"/);
          return true;
        },
      );
    });
  }
});

describe('cache keys', () => {
  const ctx = (over: Partial<CacheRunContext>): CacheRunContext => ({
    fingerprint: '3f2a9c0d1e4b5a67',
    scope: 'j.0123456789ab',
    event: 'push',
    source: { kind: 'ref', name: 'main' },
    defaultBranch: 'main',
    runId: '9876543210',
    runAttempt: '1',
    ...over,
  });

  it('gives each run a unique key: version, fingerprint, scope, branch, run id, attempt', () => {
    assert.equal(
      cacheKeyFor(ctx({})),
      'threadgate-v2-3f2a9c0d1e4b5a67-j.0123456789ab-main-9876543210-1',
    );
    assert.equal(
      cacheKeyFor(ctx({ runAttempt: '2' })),
      'threadgate-v2-3f2a9c0d1e4b5a67-j.0123456789ab-main-9876543210-2',
    );
  });

  it('gives two jobs, two matrix legs or other workloads on one kind of machine their own history', () => {
    const parts = {
      workflow: 'latency',
      job: 'bench',
      commentKey: '',
      workloads: ['matmul:256', 'matmul:1024'],
      baselineKey: '',
    };
    const scope = baselineScope(parts);
    assert.match(scope, /^j\.[0-9a-f]{12}$/);
    // The order of the workloads does not matter; everything else does.
    assert.equal(baselineScope({ ...parts, workloads: ['matmul:1024', 'matmul:256'] }), scope);
    const others = [
      baselineScope({ ...parts, job: 'bench-arm' }),
      baselineScope({ ...parts, workflow: 'nightly' }),
      baselineScope({ ...parts, commentKey: '{"os":"ubuntu-24.04-arm"}' }),
      baselineScope({ ...parts, workloads: ['matmul:256'] }),
    ];
    for (const other of others) assert.notEqual(other, scope);
    assert.equal(new Set(others).size, others.length);
    // Keys of two jobs on the same machine share no restore prefix.
    const a = ctx({ scope });
    const b = ctx({ scope: others[0]! });
    assert.notEqual(cacheKeyFor(a), cacheKeyFor(b));
    assert.ok(!cacheKeyFor(b).startsWith(restoreKeysFor(a)[0]!));
    assert.ok(!cacheKeyFor(a).startsWith(restoreKeysFor(b)[0]!));
    // baseline-key names the history instead (sanitized like a branch).
    assert.equal(baselineScope({ ...parts, baselineKey: 'encoder' }), 'k.encoder');
    assert.equal(
      baselineScope({ ...parts, job: 'other', baselineKey: 'encoder' }),
      baselineScope({ ...parts, baselineKey: 'encoder' }),
    );
    assert.doesNotMatch(baselineScope({ ...parts, baselineKey: 'my-key' }), /-/);
  });

  it('restores a pull request from the default branch only', () => {
    const pr = ctx({ event: 'pull_request', source: { kind: 'pull-request', number: 7 } });
    const prefix = 'threadgate-v2-3f2a9c0d1e4b5a67-j.0123456789ab-main-';
    assert.deepEqual(restoreKeysFor(pr), [prefix]);
    assert.deepEqual(restoreKeysFor({ ...pr, event: 'pull_request_target' }), [prefix]);
    assert.deepEqual(restoreKeysFor({ ...pr, event: 'merge_group' }), [prefix]);
  });

  it('restores a push to the default branch from its own history (to merge it)', () => {
    assert.deepEqual(restoreKeysFor(ctx({})), [
      'threadgate-v2-3f2a9c0d1e4b5a67-j.0123456789ab-main-',
    ]);
    assert.deepEqual(restoreKeysFor(ctx({ event: 'schedule' })), restoreKeysFor(ctx({})));
    assert.ok(cacheKeyFor(ctx({})).startsWith(restoreKeysFor(ctx({}))[0]!));
  });

  it('restores other pushes from their branch first, then the default branch', () => {
    assert.deepEqual(
      restoreKeysFor(ctx({ source: { kind: 'ref', name: 'release/2.x' }, defaultBranch: 'trunk' })),
      [
        'threadgate-v2-3f2a9c0d1e4b5a67-j.0123456789ab-release/2.x-',
        'threadgate-v2-3f2a9c0d1e4b5a67-j.0123456789ab-trunk-',
      ],
    );
  });

  it('sanitizes branch names so that one branch prefix never matches another branch', () => {
    const oldMain = cacheKeyFor(ctx({ source: { kind: 'ref', name: 'main-old' } }));
    assert.ok(
      !oldMain.startsWith(cacheKeyPrefix('3f2a9c0d1e4b5a67', 'j.0123456789ab', 'main')),
      oldMain,
    );
    assert.doesNotMatch(sanitizeKeyPart('feat-x,y'), /[-,]/);
    assert.notEqual(sanitizeKeyPart('feat-x'), sanitizeKeyPart('feat_x'));
    assert.equal(sanitizeKeyPart('feat-x'), sanitizeKeyPart('feat-x'));
    assert.equal(sanitizeKeyPart('release/2.x'), 'release/2.x');
  });

  it("never saves a pull request's run where a branch restores, whatever its head is named", () => {
    // pull_request_target runs with the default branch's cache scope: a fork's branch named
    // "main" saved what the next push to main restored.
    const forkPr = ctx({
      event: 'pull_request_target',
      source: { kind: 'pull-request', number: 7 },
      runId: '555',
    });
    const key = cacheKeyFor(forkPr);
    assert.equal(key, 'threadgate-v2-3f2a9c0d1e4b5a67-j.0123456789ab-.pr.7-555-1');
    const fromRun = cacheKeyFor(ctx({ event: 'workflow_run', source: { kind: 'run', id: '42' } }));
    assert.equal(fromRun, 'threadgate-v2-3f2a9c0d1e4b5a67-j.0123456789ab-.run.42-9876543210-1');
    // Every prefix a run of any ref restores — the default branch's first — misses both.
    const refs = ['main', 'pr.7', '_.pr.7', '.pr.7', '.run.42', 'run.42', '', '.', 'a-b', 'x'];
    for (const name of refs) {
      for (const event of ['push', 'schedule', 'workflow_dispatch']) {
        for (const restore of restoreKeysFor(ctx({ event, source: { kind: 'ref', name } }))) {
          assert.ok(!key.startsWith(restore), `${name}: ${restore}`);
          assert.ok(!fromRun.startsWith(restore), `${name}: ${restore}`);
        }
      }
      assert.doesNotMatch(keySegment({ kind: 'ref', name }), /^\./, name);
    }
    // A pull request still restores the default branch's history only.
    assert.deepEqual(restoreKeysFor(forkPr), [
      'threadgate-v2-3f2a9c0d1e4b5a67-j.0123456789ab-main-',
    ]);
  });

  it('takes the branch part from the ref being built, never from a fork’s branch name', async () => {
    const sub = await mkdtemp(path.join(dir, 'events-'));
    const source = async (
      name: string,
      payload: unknown,
      env: Record<string, string> = {},
    ): Promise<KeySource> => {
      const file = path.join(sub, `${name}-${Math.random().toString(16).slice(2)}.json`);
      await writeFile(file, JSON.stringify(payload));
      return cacheKeySource(
        readRunnerContext({
          GITHUB_EVENT_NAME: name,
          GITHUB_EVENT_PATH: file,
          GITHUB_REPOSITORY: 'octo-org/octo-repo',
          GITHUB_RUN_ID: '900',
          ...env,
        }),
      );
    };
    const repository = { full_name: 'octo-org/octo-repo', default_branch: 'main' };
    const forkPr = {
      number: 5,
      pull_request: {
        number: 5,
        head: { ref: 'main', repo: { full_name: 'contributor/octo-repo', fork: true } },
        base: { ref: 'main' },
      },
      repository,
    };
    // On the base branch's ref, with the fork's head branch named "main".
    const onBase = {
      GITHUB_REF: 'refs/heads/main',
      GITHUB_REF_NAME: 'main',
      GITHUB_HEAD_REF: 'main',
    };
    for (const event of ['pull_request_target', 'pull_request', 'pull_request_review']) {
      assert.deepEqual(await source(event, forkPr, onBase), { kind: 'pull-request', number: 5 });
    }
    assert.deepEqual(await source('push', { repository }, { GITHUB_REF_NAME: 'main' }), {
      kind: 'ref',
      name: 'main',
    });
    const workflowRun = (event: string, head: string) => ({
      workflow_run: { id: 77, event, head_repository: { full_name: head } },
      repository,
    });
    const mainRef = { GITHUB_REF_NAME: 'main' };
    assert.deepEqual(
      await source('workflow_run', workflowRun('pull_request', 'contributor/octo-repo'), mainRef),
      { kind: 'run', id: '77' },
    );
    assert.deepEqual(
      await source('workflow_run', workflowRun('push', 'contributor/octo-repo'), mainRef),
      { kind: 'run', id: '77' },
    );
    assert.deepEqual(
      await source('workflow_run', workflowRun('pull_request', 'octo-org/octo-repo'), mainRef),
      { kind: 'run', id: '77' },
    );
    assert.deepEqual(
      await source('workflow_run', workflowRun('push', 'octo-org/octo-repo'), mainRef),
      { kind: 'ref', name: 'main' },
    );
  });

  it('keeps keys under the cache service limit (512) for very long branch names', () => {
    const key = cacheKeyFor(ctx({ source: { kind: 'ref', name: 'x'.repeat(255) } }));
    assert.ok(key.length <= 512);
    assert.ok(!key.includes(','));
  });
});

/**
 * A local stand-in for the Actions cache service with its documented semantics: immutable
 * entries; exact match on the primary key, else the newest entry whose key starts with a restore
 * key, tried in order.
 */
class LocalCache implements CacheClient {
  readonly entries: { key: string; content: string }[] = [];

  async restoreCache(paths: string[], primaryKey: string, restoreKeys: string[] = []) {
    const file = paths[0]!;
    const exact = this.entries.find((e) => e.key === primaryKey);
    const hit =
      exact ??
      restoreKeys.map((k) => this.entries.findLast((e) => e.key.startsWith(k))).find(Boolean);
    if (!hit) return undefined;
    await writeBaselineFile(file, JSON.parse(hit.content) as BaselineDocument);
    return hit.key;
  }

  async saveCache(paths: string[], key: string) {
    if (this.entries.some((e) => e.key === key)) return -1;
    this.entries.push({
      key,
      content: await readFile(paths[0]!, 'utf8'),
    });
    return this.entries.length;
  }
}

describe('CacheBaselineStore', () => {
  it('saves under the run key and gives pull requests the default branch history', async () => {
    const temp = await mkdtemp(path.join(dir, 'runner-temp-'));
    const cacheDir = path.join(temp, 'threadgate', 'baseline-cache');
    const cache = new LocalCache();
    const fp = run(1).machine.fingerprint;
    const scope = 'j.0123456789ab';
    const base = { fingerprint: fp, scope, defaultBranch: 'main', runAttempt: '1' };
    const onMain = new CacheBaselineStore(
      { ...base, event: 'push', source: { kind: 'ref', name: 'main' }, runId: '100' },
      { client: cache, dir: cacheDir },
    );
    assert.equal(await onMain.load(), null);
    assert.match(onMain.missReason(), /no entry under threadgate-v2-.*-main-\*.*evicted.*7 days/);
    const saved = await onMain.save((stored) => mergeRun(stored, run(1)).baseline);
    assert.deepEqual(saved, { saved: true, location: `threadgate-v2-${fp}-${scope}-main-100-1` });

    // A feature branch saved its own entry (e.g. save-baseline: always); the PR must not use it.
    const onFeature = new CacheBaselineStore(
      { ...base, event: 'push', source: { kind: 'ref', name: 'main-rewrite' }, runId: '101' },
      { client: cache, dir: cacheDir },
    );
    await onFeature.save((stored) => mergeRun(stored, run(2)).baseline);

    const pr = new CacheBaselineStore(
      {
        ...base,
        event: 'pull_request',
        source: { kind: 'pull-request', number: 12 },
        runId: '102',
      },
      { client: cache, dir: cacheDir },
    );
    const loaded = await pr.load();
    assert.equal(loaded?.source, `cache key threadgate-v2-${fp}-${scope}-main-100-1`);
    assert.equal(loaded?.document.latest.createdAt, run(1).createdAt);
    assert.match(pr.describe(), /threadgate-v2-.*-main-\*/);
    // Another job's history on the same machine kind is invisible to it.
    const otherJob = new CacheBaselineStore(
      {
        ...base,
        scope: 'j.ba9876543210',
        event: 'pull_request',
        source: { kind: 'pull-request', number: 13 },
        runId: '103',
      },
      { client: cache, dir: cacheDir },
    );
    assert.equal(await otherJob.load(), null);

    // The same key again is not an error: the service refuses, save says so.
    const again = await onMain.save((stored) => mergeRun(stored, run(3)).baseline);
    assert.equal(again.saved, false);
    // The file passed to the cache is removed once restored or saved.
    assert.deepEqual(await readdir(cacheDir), []);
  });
});
