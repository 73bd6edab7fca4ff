/**
 * The action's stored baseline in the real Actions cache client (@actions/cache) against the
 * local cache service stand-in: one history per job and workloads, and a history that is never
 * reset silently. The action runs in process (test/support/in-process.ts: every action.yml
 * default as an input; any host name lookup but localhost refused, test/support/loopback-only.mjs);
 * each run gets a fresh RUNNER_TEMP and workspace at the same paths, as on a runner. The bundle's
 * own use of the cache is in actions-cache-server.test.ts.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  startActionsCacheServer,
  tokens,
  type ActionsCacheServer,
} from './support/actions-cache-server.js';
import { runActionInProcess } from './support/in-process.js';
import './support/loopback-only.mjs';
import { pullRequestEvent, type ActionRun } from './support/runner.js';

const PUSH = {
  name: 'push',
  payload: { ref: 'refs/heads/main', repository: { default_branch: 'main' } },
};
const ON_MAIN = { GITHUB_REF: 'refs/heads/main', GITHUB_REF_NAME: 'main', GITHUB_HEAD_REF: '' };
const INPUTS = { sizes: '48', threads: '1', 'max-time': '2', comment: 'never' };

describe('the action keeps one history per job in the Actions cache, and says when it resets', () => {
  let server: ActionsCacheServer;
  const dirs: string[] = [];
  before(async () => {
    // Blob URLs on 127.0.0.1 (no proxy: this process's own HTTP clients go there directly).
    server = await startActionsCacheServer({ blobEndpoint: 'path-style' });
  });
  after(async () => {
    await server.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  /** A run in `dir` (kept across runs: RUNNER_TEMP and the workspace have fixed paths). */
  async function run(
    dir: string,
    job: string,
    event: 'push' | 'pr',
    inputs: Record<string, string> = {},
  ): Promise<ActionRun> {
    for (const sub of ['workspace', 'temp'])
      rmSync(path.join(dir, sub), { recursive: true, force: true });
    const out = await runActionInProcess({
      dir,
      inputs: { ...INPUTS, ...inputs },
      event: event === 'push' ? PUSH : pullRequestEvent(5),
      apiUrl: 'http://127.0.0.1:9',
      env: {
        ...(event === 'push' ? ON_MAIN : {}),
        GITHUB_JOB: job,
        GITHUB_RUN_ID: String(1000 + server.requests.length),
      },
      // @actions/cache reads the service's URL and token from process.env.
      processEnv: server.env(
        event === 'push' ? tokens.push('main') : tokens.pullRequest(5, 'main'),
      ),
    });
    assert.equal(out.code, 0, out.stdout + out.stderr);
    assert.doesNotMatch(out.stderr, /loopback-only: refused/);
    return out;
  }

  it('two jobs on the same kind of machine save under different keys and read only their own', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'threadgate-action-cache-'));
    dirs.push(dir);
    const a = await run(dir, 'latency', 'push');
    const b = await run(dir, 'latency-arm', 'push');
    const [ea, eb] = server.listEntries();
    assert.ok(ea && eb);
    assert.match(ea.key, /^threadgate-v2-[0-9a-f]{16}-j\.[0-9a-f]{12}-main-\d+-1$/);
    // Same fingerprint, another scope.
    assert.equal(ea.key.split('-')[2], eb.key.split('-')[2]);
    assert.notEqual(ea.key.split('-')[3], eb.key.split('-')[3]);
    assert.match(a.summary, /history reset: 0 → 1 run \(the Actions cache has no entry under/);
    assert.match(b.summary, /history reset: 0 → 1 run/);
    // Each job's pull request run restores its own job's entry.
    const prA = await run(dir, 'latency', 'pr');
    const prB = await run(dir, 'latency-arm', 'pr');
    assert.match(prA.summary, new RegExp(`cache key ${ea.key}`));
    assert.doesNotMatch(prA.summary, new RegExp(eb.key));
    assert.match(prB.summary, new RegExp(`cache key ${eb.key}`));
    // baseline-key names the history instead.
    await run(dir, 'latency', 'push', { 'baseline-key': 'encoder-nightly' });
    assert.ok(
      server.listEntries().some((e) => /-k\.encoder_nightly\.h[0-9a-f]{8}-main-/.test(e.key)),
    );
    assert.deepEqual(server.violations, []);
  });

  it('pull_request_target from a fork branch named main, with save-baseline: true, saves nothing the next push to main restores', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'threadgate-action-cache-'));
    dirs.push(dir);
    const job = 'target';
    const before = new Set(server.listEntries().map((e) => e.key));
    // pull_request_target runs with the base branch's ref, token and cache scope; the fork named
    // its head branch "main".
    const target = await runActionInProcess({
      dir,
      inputs: { ...INPUTS, 'save-baseline': 'true' },
      event: {
        name: 'pull_request_target',
        payload: {
          action: 'synchronize',
          number: 5,
          pull_request: {
            number: 5,
            head: {
              ref: 'main',
              sha: 'c0ffee0000000000000000000000000000000005',
              repo: { full_name: 'contributor/octo-repo', fork: true },
            },
            base: { ref: 'main', sha: '6dcb09b5b57875f334f61aebed695e2e4193db5e' },
          },
          repository: { full_name: 'octo-org/octo-repo', default_branch: 'main' },
        },
      },
      apiUrl: 'http://127.0.0.1:9',
      env: {
        GITHUB_REF: 'refs/heads/main',
        GITHUB_REF_NAME: 'main',
        GITHUB_HEAD_REF: 'main',
        GITHUB_JOB: job,
        GITHUB_RUN_ID: String(1000 + server.requests.length),
      },
      processEnv: server.env(tokens.push('main')),
    });
    assert.equal(target.code, 0, target.stdout + target.stderr);
    const saved = server.listEntries().filter((e) => !before.has(e.key));
    assert.equal(saved.length, 1, JSON.stringify(saved.map((e) => e.key)));
    const entry = saved[0]!;
    assert.equal(entry.scope, 'refs/heads/main', "saved in the default branch's scope");
    assert.match(entry.key, /^threadgate-v2-[0-9a-f]{16}-j\.[0-9a-f]{12}-\.pr\.5-\d+-1$/);
    assert.match(target.summary, new RegExp(`saved as ${entry.key.replace(/\./g, '\\.')}`));
    // The next push to main does not see it: its history starts empty.
    const push = await run(dir, job, 'push');
    assert.match(push.summary, /history reset: 0 → 1 run \(the Actions cache has no entry under/);
    assert.ok(!push.summary.includes(entry.key), push.summary);
    assert.deepEqual(server.violations, []);
  });

  it('extends the history run by run, and reports a reset after eviction and an unreadable entry', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'threadgate-action-cache-'));
    dirs.push(dir);
    const job = 'history';
    await run(dir, job, 'push');
    const second = await run(dir, job, 'push');
    assert.match(second.summary, /Baseline history: 1 → 2 runs; saved as threadgate-v2-/);
    // A week without runs: the cache evicts every entry of this history.
    const mine = server.listEntries().filter((e) => e.scope === 'refs/heads/main');
    const keys = mine
      .map((e) => e.key)
      .filter((k) => second.summary.includes(k.split('-').slice(0, 5).join('-')));
    assert.ok(keys.length >= 2);
    for (const key of keys) server.evict({ key });
    const pr = await run(dir, job, 'pr');
    assert.equal(pr.outputs['verdict'], 'no-baseline');
    assert.match(
      pr.summary,
      /no stored baseline: the Actions cache has no entry under .*evicted: the Actions cache drops entries not used for 7 days/,
    );
    const third = await run(dir, job, 'push');
    assert.match(third.summary, /history reset: 0 → 1 run \(the Actions cache has no entry/);
    // An entry that cannot be read (corrupted archive) on the default branch: a warning and a
    // fresh history, not a failing pipeline.
    const newest = server
      .listEntries()
      .filter((e) => third.summary.includes(e.key))
      .at(-1)!;
    server.corrupt({ key: newest.key });
    const fourth = await run(dir, job, 'push');
    assert.match(fourth.summary, /history reset: 0 → 1 run/);
    assert.deepEqual(server.violations, []);
  });
});
