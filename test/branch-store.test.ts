/**
 * `baseline: branch` against real git: a bare repository stands in for `origin`, and each
 * workspace is a clone of it, as actions/checkout leaves one. No git call is mocked.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import {
  BOT_IDENTITY,
  BranchBaselineStore,
  historyPath,
  mergeRun,
  parseBaselineFile,
  parseBaselineSpec,
  parseHistoryBranch,
  type BaselineDocument,
  type BranchStoreOptions,
} from '../src/baseline/index.js';
import { serializeBaseline } from '../src/baseline/atomic-write.js';
import { BaselineError, InputError } from '../src/errors.js';
import { LIMITS } from '../src/contract/limits.js';
import { DEFAULT_WORKLOADS, syntheticResult } from './fixtures/baseline/synthetic.js';

const BRANCH = 'threadgate-data';
const SCOPE = 'j.0123456789ab';
const dirs: string[] = [];
after(() => {
  for (const d of dirs) {
    execFileSync('chmod', ['-R', 'u+w', d]);
    rmSync(d, { recursive: true, force: true });
  }
});

function runResult(i: number) {
  return syntheticResult({
    seed: i,
    samples: 8,
    workloads: DEFAULT_WORKLOADS,
    createdAt: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
  });
}
const FINGERPRINT = runResult(0).machine.fingerprint;
const FILE = historyPath(FINGERPRINT, SCOPE);

const gitIn =
  (cwd: string) =>
  (...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
      .toString()
      .trim();

/** A bare `origin` holding `main`, and a depth-1 clone of it as the workspace. */
function repo(): { dir: string; origin: string; git: (...a: string[]) => string; clone(): Ws } {
  const dir = mkdtempSync(path.join(tmpdir(), 'threadgate-branch-store-'));
  dirs.push(dir);
  const origin = path.join(dir, 'origin.git');
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', origin]);
  const author = path.join(dir, 'author');
  mkdirSync(author);
  const a = gitIn(author);
  a('init', '-q', '-b', 'main');
  writeFileSync(path.join(author, 'README.md'), 'project\n');
  a('add', '-A');
  a('commit', '-qm', 'init');
  a('push', '-q', `file://${origin}`, 'main');
  let n = 0;
  return {
    dir,
    origin,
    git: gitIn(origin),
    clone(): Ws {
      const ws = path.join(dir, `ws${n}`);
      const temp = path.join(dir, `temp${n++}`);
      execFileSync('git', ['clone', '-q', '--depth=1', `file://${origin}`, ws]);
      return { ws, temp, git: gitIn(ws) };
    },
  };
}
interface Ws {
  ws: string;
  temp: string;
  git: (...a: string[]) => string;
}

function store(w: Ws, extra: Partial<BranchStoreOptions> = {}): BranchBaselineStore {
  return new BranchBaselineStore({
    workspace: w.ws,
    branch: BRANCH,
    fingerprint: FINGERPRINT,
    scope: SCOPE,
    tempDir: w.temp,
    retryWaitMs: 20,
    ...extra,
  });
}

const add = (i: number) => (stored: BaselineDocument | null) =>
  mergeRun(stored, runResult(i)).baseline;

/** The history as the bare origin holds it, read with plain git. */
function historyOnOrigin(git: (...a: string[]) => string): BaselineDocument {
  return parseBaselineFile(git('show', `refs/heads/${BRANCH}:${FILE}`), FILE).document;
}

/** Nothing threadgate did shows in the checkout: no files, no worktree, no temp left. */
function assertClean(w: Ws): void {
  assert.equal(w.git('status', '--porcelain', '--ignored'), '');
  assert.equal(w.git('worktree', 'list').split('\n').length, 1, 'no worktree left behind');
  assert.deepEqual(readdirSync(w.temp), [], 'the temporary index and blobs are removed');
}

describe('BranchBaselineStore (history on a data branch)', () => {
  it('finds nothing on a repository without the branch, and says why', async () => {
    const r = repo();
    const w = r.clone();
    const s = store(w);
    assert.equal(await s.load(), null);
    assert.match(s.missReason(), /the branch threadgate-data does not exist on origin yet/);
    assert.match(s.missReason(), /contents: write/);
    assert.equal(w.git('status', '--porcelain', '--ignored'), '');
  });

  it('saves a run onto a new orphan branch, and loads it back', async () => {
    const r = repo();
    const w = r.clone();
    const info = await store(w).save(add(1));
    assert.equal(info.saved, true, info.detail);
    assert.equal(info.location, `${BRANCH}:${FILE}`);
    // An orphan branch: one root commit by the bot, holding the history file and nothing else.
    assert.equal(r.git('rev-list', '--count', BRANCH), '1');
    assert.equal(
      r.git('log', '-1', '--format=%an <%ae>|%P', BRANCH),
      `${BOT_IDENTITY.name} <${BOT_IDENTITY.email}>|`,
    );
    assert.equal(r.git('ls-tree', '-r', '--name-only', BRANCH), FILE);
    assert.equal(r.git('rev-list', '--count', 'main'), '1', 'main is untouched');
    assert.equal(historyOnOrigin(r.git).runs.length, 1);

    // Another checkout (a pull request's) reads it.
    const loaded = await store(r.clone()).load();
    assert.ok(loaded);
    assert.equal(loaded.document.runs.length, 1);
    assert.equal(loaded.document.runs[0]!.createdAt, runResult(1).createdAt);
    assert.match(loaded.source, new RegExp(`^branch ${BRANCH} at [0-9a-f]{7} \\(${FILE}\\)$`));
    // A second save extends the history with a child commit.
    assert.equal((await store(w).save(add(2))).saved, true);
    assert.equal(r.git('rev-list', '--count', BRANCH), '2');
    assert.deepEqual(
      historyOnOrigin(r.git).runs.map((x) => x.createdAt),
      [runResult(1).createdAt, runResult(2).createdAt],
    );
    assertClean(w);
  });

  it('another scope on the branch is another file; its history is not found here', async () => {
    const r = repo();
    assert.equal((await store(r.clone(), { scope: 'j.aaaaaaaaaaaa' }).save(add(1))).saved, true);
    const s = store(r.clone());
    assert.equal(await s.load(), null);
    assert.match(s.missReason(), new RegExp(`holds no ${FILE} yet`));
  });

  it('two concurrent writers on two clones both land: the history has both runs', async () => {
    const r = repo();
    assert.equal((await store(r.clone()).save(add(1))).saved, true);
    const [a, b] = [r.clone(), r.clone()];
    // Both fetch the same head; one push wins, the other is rejected, re-fetches and re-merges.
    const infos = await Promise.all([store(a).save(add(2)), store(b).save(add(3))]);
    for (const info of infos) assert.equal(info.saved, true, info.detail);
    assert.deepEqual(
      historyOnOrigin(r.git).runs.map((x) => x.createdAt),
      [1, 2, 3].map((i) => runResult(i).createdAt),
    );
    assert.equal(r.git('rev-list', '--count', BRANCH), '3');
    assertClean(a);
    assertClean(b);
  });

  /**
   * Another writer, run synchronously from inside a merge: it pushes `doc` on top of the branch
   * from its own clone, between the store's fetch and its push.
   */
  function interloper(r: ReturnType<typeof repo>): (doc: BaselineDocument) => void {
    const other = r.clone();
    return (doc) => {
      other.git('fetch', '-q', '--depth=1', 'origin', `refs/heads/${BRANCH}`);
      other.git('checkout', '-q', '--detach', 'FETCH_HEAD');
      writeFileSync(path.join(other.ws, FILE), serializeBaseline(doc, FILE));
      other.git('commit', '-qam', 'the other writer');
      other.git('push', '-q', 'origin', `HEAD:refs/heads/${BRANCH}`);
    };
  }

  it('a writer beaten to the push re-fetches, merges into the newer file and lands', async () => {
    const r = repo();
    assert.equal((await store(r.clone()).save(add(1))).saved, true);
    const push = interloper(r);
    const storedSeen: number[] = [];
    const info = await store(r.clone()).save((stored) => {
      storedSeen.push(stored?.runs.length ?? 0);
      if (storedSeen.length === 1) push(mergeRun(stored, runResult(2)).baseline);
      return mergeRun(stored, runResult(3)).baseline;
    });
    assert.equal(info.saved, true, info.detail);
    assert.match(info.detail ?? '', /after 1 rejected push\(es\)/);
    assert.deepEqual(storedSeen, [1, 2], 'the second try merged into the file the other wrote');
    assert.deepEqual(
      historyOnOrigin(r.git).runs.map((x) => x.createdAt),
      [1, 2, 3].map((i) => runResult(i).createdAt),
    );
  });

  it('gives up after a bounded number of rejected pushes, saying so', async () => {
    const r = repo();
    assert.equal((await store(r.clone()).save(add(1))).saved, true);
    const push = interloper(r);
    let calls = 0;
    const info = await store(r.clone(), { pushTries: 3 }).save((stored) => {
      push(mergeRun(stored, runResult(10 + calls++)).baseline);
      return mergeRun(stored, runResult(3)).baseline;
    });
    assert.equal(info.saved, false);
    assert.equal(calls, 3);
    assert.match(info.detail ?? '', /the push was rejected 3 times .*other runs kept writing/);
  });

  it('two writers racing to create the branch both land too', async () => {
    const r = repo();
    const infos = await Promise.all([store(r.clone()).save(add(1)), store(r.clone()).save(add(2))]);
    for (const info of infos) assert.equal(info.saved, true, info.detail);
    assert.equal(historyOnOrigin(r.git).runs.length, 2);
  });

  describe('a hostile file on the branch is a BaselineError naming it, never a crash', () => {
    /** Push a commit whose tree holds `FILE` as made by `put` in a scratch clone. */
    function hostile(put: (file: string, git: (...a: string[]) => string) => void) {
      const r = repo();
      const scratch = path.join(r.dir, 'scratch');
      execFileSync('git', ['init', '-q', '-b', BRANCH, scratch]);
      const g = gitIn(scratch);
      mkdirSync(path.dirname(path.join(scratch, FILE)), { recursive: true });
      put(path.join(scratch, FILE), g);
      g('add', '-A');
      g('commit', '-qm', 'hostile');
      g('push', '-q', `file://${r.origin}`, BRANCH);
      return r;
    }
    const cases: [string, (file: string, g: (...a: string[]) => string) => void, RegExp][] = [
      ['not JSON', (f) => writeFileSync(f, 'not json {'), /JSON/i],
      [
        'a symbolic link',
        (f) => execFileSync('ln', ['-s', '/etc/passwd', f]),
        /is a symbolic link; expected a JSON file/,
      ],
      [
        'a folder',
        (f) => {
          mkdirSync(f);
          writeFileSync(path.join(f, 'x'), '1');
        },
        /is a folder/,
      ],
      [
        'huge',
        (f) => writeFileSync(f, Buffer.alloc(LIMITS.fileBytes + 1, 0x20)),
        new RegExp(`is ${LIMITS.fileBytes + 1} bytes; expected at most ${LIMITS.fileBytes}`),
      ],
      [
        'another document',
        (f) =>
          writeFileSync(f, JSON.stringify({ schemaVersion: 1, kind: 'threadgate-comparison' })),
        /history/,
      ],
    ];
    for (const [what, put, message] of cases) {
      it(what, async () => {
        const r = hostile(put);
        const w = r.clone();
        await assert.rejects(store(w).load(), (e: unknown) => {
          assert.ok(e instanceof BaselineError, String(e));
          assert.match(e.message, new RegExp(`^history ${BRANCH}:${FILE}: `));
          assert.match(e.message, message);
          return true;
        });
        // A save replaces it with a fresh history (as a file baseline's save does).
        const info = await store(w).save(add(1));
        assert.equal(info.saved, true, info.detail);
        assert.equal(historyOnOrigin(r.git).runs.length, 1);
        assertClean(w);
      });
    }
  });

  it('a push the remote refuses (no permission) is saved:false with the reason, not a throw', async () => {
    const r = repo();
    assert.equal((await store(r.clone()).save(add(1))).saved, true);
    const hook = path.join(r.origin, 'hooks', 'pre-receive');
    writeFileSync(hook, '#!/bin/sh\necho "permission denied to github-actions[bot]" >&2\nexit 1\n');
    chmodSync(hook, 0o755);
    const w = r.clone();
    // Reading still works (a read-only token), and one push is tried, not five.
    assert.equal((await store(w).load())?.document.runs.length, 1);
    const started = Date.now();
    const info = await store(w, { retryWaitMs: 5_000 }).save(add(2));
    assert.equal(info.saved, false);
    assert.ok(Date.now() - started < 4_000, 'a refusal is not retried');
    assert.match(info.detail ?? '', /permission denied to github-actions\[bot\]/);
    assert.match(info.detail ?? '', /pre-receive hook declined/);
    assert.match(info.detail ?? '', /permissions: contents: write/);
    assert.equal(historyOnOrigin(r.git).runs.length, 1, 'the branch is unchanged');
    assertClean(w);
  });

  it('a push that fails otherwise (the remote cannot be written) is saved:false with the reason', async () => {
    const r = repo();
    assert.equal((await store(r.clone()).save(add(1))).saved, true);
    const w = r.clone();
    // Reads from origin, pushes to a path that is no repository (chmod does not stop root).
    w.git('config', 'remote.origin.pushurl', `file://${path.join(r.dir, 'nowhere.git')}`);
    assert.equal((await store(w).load())?.document.runs.length, 1);
    const info = await store(w).save(add(2));
    assert.equal(info.saved, false);
    assert.match(info.detail ?? '', /git push to origin failed: .*nowhere\.git/);
    assert.equal(historyOnOrigin(r.git).runs.length, 1);
    assertClean(w);
  });

  it('a workspace that is not a git checkout: load is a BaselineError, save is saved:false', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'threadgate-branch-store-nogit-'));
    dirs.push(dir);
    const w = { ws: dir, temp: path.join(dir, '..', `${path.basename(dir)}-temp`) };
    dirs.push(w.temp);
    const s = new BranchBaselineStore({
      workspace: w.ws,
      branch: BRANCH,
      fingerprint: FINGERPRINT,
      scope: SCOPE,
      tempDir: w.temp,
    });
    await assert.rejects(
      s.load(),
      (e: unknown) =>
        e instanceof BaselineError &&
        /cannot fetch the branch threadgate-data from origin/.test(e.message),
    );
    const info = await s.save(add(1));
    assert.equal(info.saved, false);
    assert.match(info.detail ?? '', /cannot fetch the branch/);
  });

  it('squashes the branch past its commit bound: commits stay bounded, the data intact', async () => {
    const r = repo();
    const w = r.clone();
    const counts: number[] = [];
    for (let i = 1; i <= 7; i++) {
      const info = await store(w, { maxCommits: 3 }).save(add(i));
      assert.equal(info.saved, true, info.detail);
      counts.push(Number(r.git('rev-list', '--count', BRANCH)));
    }
    // 1, 2, 3, then a fresh root commit (a force-push with lease), 2, 3, 1 again.
    assert.deepEqual(counts, [1, 2, 3, 1, 2, 3, 1]);
    assert.deepEqual(
      historyOnOrigin(r.git).runs.map((x) => x.createdAt),
      [1, 2, 3, 4, 5, 6, 7].map((i) => runResult(i).createdAt),
    );
    assertClean(w);
  });

  it('writes the page hook files at the branch root from every history on it', async () => {
    const r = repo();
    const seen: number[][] = [];
    const pageFiles = (docs: readonly BaselineDocument[]) => {
      seen.push(docs.map((d) => d.runs.length));
      return {
        'index.html': `<p>${docs.length} histories, ${docs.map((d) => d.runs.length).join('+')} runs</p>\n`,
      };
    };
    assert.equal(
      (await store(r.clone(), { scope: 'k.other', pageFiles }).save(add(1))).saved,
      true,
    );
    assert.equal((await store(r.clone(), { pageFiles }).save(add(2))).saved, true);
    assert.equal((await store(r.clone(), { pageFiles }).save(add(3))).saved, true);
    assert.deepEqual(seen, [[1], [1, 1], [1, 2]]);
    assert.equal(r.git('show', `refs/heads/${BRANCH}:index.html`), '<p>2 histories, 1+2 runs</p>');
    assert.deepEqual(r.git('ls-tree', '--name-only', BRANCH).split('\n'), [
      'histories',
      'index.html',
    ]);
    // A page file may not land outside the root or over the histories.
    const bad = await store(r.clone(), { pageFiles: () => ({ '../x': '' }) })
      .save(add(4))
      .then(
        () => null,
        (e: unknown) => e,
      );
    assert.ok(bad instanceof BaselineError && /page file "\.\.\/x"/.test(bad.message), String(bad));
  });
});

describe('baseline: branch and history-branch inputs', () => {
  it('parses `branch` with the history branch', () => {
    assert.deepEqual(parseBaselineSpec('branch'), { kind: 'branch', branch: 'threadgate-data' });
    assert.deepEqual(parseBaselineSpec(' branch ', 'baseline', 'bench/data'), {
      kind: 'branch',
      branch: 'bench/data',
    });
  });
  it('takes git branch names and refuses the rest, naming the input', () => {
    assert.equal(parseHistoryBranch(''), 'threadgate-data');
    assert.equal(parseHistoryBranch('gh-pages'), 'gh-pages');
    for (const bad of [
      '-x',
      'a..b',
      'a//b',
      '.hidden',
      'x.lock',
      'a b',
      'a~1',
      'refs@{0}',
      'x/',
      'HEAD',
      'x.',
    ]) {
      assert.throws(
        () => parseHistoryBranch(bad),
        (e: unknown) => e instanceof InputError && e.message.startsWith('history-branch: got'),
        bad,
      );
    }
  });
});
