/**
 * `baseline: branch` end to end: the action in process (test/support/in-process.ts: every
 * action.yml default as an input, real git) in a depth-1 clone of a bare repository that stands in for
 * `origin`, as actions/checkout leaves one. Three pushes to main leave a history of three runs on
 * the data branch; a pull request reads it with a remote that refuses every push; a push without
 * write permission warns and still passes its results on.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseBaselineFile } from '../src/baseline/index.js';
import { runActionInProcess } from './support/in-process.js';
import { pullRequestEvent, type ActionRun } from './support/runner.js';

const PUSH = {
  name: 'push',
  payload: { ref: 'refs/heads/main', repository: { default_branch: 'main' } },
};
const ON_MAIN = { GITHUB_REF: 'refs/heads/main', GITHUB_REF_NAME: 'main', GITHUB_HEAD_REF: '' };
const INPUTS = {
  baseline: 'branch',
  sizes: '48',
  threads: '1',
  'max-time': '2',
  comment: 'never',
  'fail-on-regression': 'false',
};
const BRANCH = 'threadgate-data';

const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
    .toString()
    .trim();

describe('baseline: branch — the history on a data branch of the repository', () => {
  let root: string;
  let origin: string;
  let runs = 0;
  before(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'threadgate-action-branch-'));
    origin = path.join(root, 'origin.git');
    execFileSync('git', ['init', '-q', '--bare', '-b', 'main', origin]);
    const author = path.join(root, 'author');
    mkdirSync(author);
    git(author, 'init', '-q', '-b', 'main');
    writeFileSync(path.join(author, 'README.md'), 'project\n');
    git(author, 'add', '-A');
    git(author, 'commit', '-qm', 'init');
    git(author, 'push', '-q', `file://${origin}`, 'main');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  /** One job: a fresh checkout (depth 1) and RUNNER_TEMP, then the action. */
  async function run(event: 'push' | 'pr'): Promise<ActionRun & { ws: string }> {
    const dir = path.join(root, `job${++runs}`);
    const ws = path.join(dir, 'workspace');
    execFileSync('git', ['clone', '-q', '--depth=1', `file://${origin}`, ws]);
    const out = await runActionInProcess({
      dir,
      inputs: INPUTS,
      event: event === 'push' ? PUSH : pullRequestEvent(9),
      apiUrl: 'http://127.0.0.1:9',
      env: { ...(event === 'push' ? ON_MAIN : {}), GITHUB_RUN_ID: String(4000 + runs) },
    });
    assert.equal(out.code, 0, out.stdout + out.stderr);
    // Nothing in the checkout: no file, no ignored file, no worktree.
    assert.equal(git(ws, 'status', '--porcelain', '--ignored'), '');
    assert.equal(git(ws, 'worktree', 'list').split('\n').length, 1, 'no worktree left behind');
    return { ...out, ws };
  }

  /** The histories on the origin's data branch: file → runs. */
  function onOrigin(): Record<string, number> {
    const files = git(origin, 'ls-tree', '-r', '--name-only', BRANCH)
      .split('\n')
      .filter((f) => f.startsWith('histories/'));
    return Object.fromEntries(
      files.map((f) => [
        f,
        parseBaselineFile(git(origin, 'show', `${BRANCH}:${f}`), f).document.runs.length,
      ]),
    );
  }

  it('three pushes to main leave a history of three runs on the data branch', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 3; i++) {
      const out = await run('push');
      // No warning about the history or the branch. The gate's own verdict on this machine's
      // timing (a 2 s sweep of a 4 µs cell, fail-on-regression false) is not what this tests.
      assert.doesNotMatch(out.stdout, /::warning::(?!threadgate: latency regression)/);
      lines.push(/Baseline history[^\n]*/.exec(out.summary)?.[0] ?? out.summary);
    }
    assert.match(lines[0]!, /history reset: 0 → 1 run \(the branch threadgate-data does not exist/);
    assert.match(lines[1]!, /history: 1 → 2 runs; saved as threadgate-data:histories\//);
    assert.match(lines[2]!, /history: 2 → 3 runs; saved as threadgate-data:histories\//);
    const histories = onOrigin();
    assert.deepEqual(Object.values(histories), [3], JSON.stringify(histories));
    assert.match(Object.keys(histories)[0]!, /^histories\/[A-Za-z0-9._]+\/j\.[0-9a-f]{12}\.json$/);
    assert.equal(git(origin, 'rev-list', '--count', BRANCH), '3');
    assert.equal(git(origin, 'rev-list', '--count', 'main'), '1', 'main is untouched');
    // The branch carries its page: the history drawn, each run a point.
    const page = git(origin, 'show', `${BRANCH}:index.html`);
    assert.match(page, /^<!doctype html>/);
    assert.equal((page.match(/<circle /g) ?? []).length % 3, 0, 'three runs per chart');
    assert.ok(!/<script/i.test(page), 'no script');
  });

  it('a pull request reads it from a remote that refuses every push', async () => {
    const hook = path.join(origin, 'hooks', 'pre-receive');
    writeFileSync(
      hook,
      '#!/bin/sh\necho "Permission to octo-org/octo-repo.git denied to github-actions[bot]." >&2\nexit 1\n',
    );
    chmodSync(hook, 0o755);
    const out = await run('pr');
    assert.match(out.outputs['verdict'] ?? '', /^(pass|regression|inconclusive)$/, out.summary);
    assert.match(out.summary, /history: 3 runs \(branch threadgate-data at [0-9a-f]{7} /);
    // (A real 48² sweep on a busy machine may still warn about a latency change: only the
    // history's save is asserted here.)
    assert.doesNotMatch(
      out.stdout,
      /::warning::The baseline was not saved/,
      'a pull request does not try to save',
    );
    assert.doesNotMatch(out.stdout, /saved as threadgate-data/);
  });

  it('a push without write permission warns, exits 0 and still writes its results', async () => {
    // The pre-receive hook of the test before still refuses.
    const out = await run('push');
    assert.match(
      out.stdout,
      /::warning::The baseline was not saved to threadgate-data:histories\/.*Permission to octo-org\/octo-repo\.git denied to github-actions\[bot\].*contents: write/,
    );
    const results = out.outputs['results-path'] ?? '';
    assert.ok(results !== '' && existsSync(results), `results-path ${results}`);
    assert.match(out.summary, /threadgate/i);
    assert.deepEqual(Object.values(onOrigin()), [3], 'the history is unchanged');
  });
});
