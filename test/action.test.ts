/**
 * The action end to end, mostly in process (test/support/in-process.ts: runStep with the real
 * ports, every action.yml default as an input); the bundled dist/index.js as a runner runs it
 * (child process, INPUT_*, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, …) for a pull request's first run
 * with its comment, a run without permission to comment, and the user's command's environment.
 * Both talk to a real HTTP stand-in of the GitHub REST API on 127.0.0.1 (every request checked
 * against GitHub's OpenAPI description), with real onnxruntime-node sweeps on tiny shapes.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './support/cli.js';
import { startGitHubServer, type GitHubServer } from './support/github-server.js';
import { runActionInProcess } from './support/in-process.js';
import { pullRequestEvent, runBundledAction, type ActionRun } from './support/runner.js';
import { schemaErrors } from './support/schema.js';
import type { Result } from '../src/results/types.js';

const OWNER = 'octo-org';
const REPO = 'octo-repo';
const BASE_INPUTS = { 'github-token': 'ghs_test', sizes: '48', 'max-time': '3', baseline: 'none' };
/** For tests about what happens around the sweep: one cell, the smallest budget. */
const QUICK = { ...BASE_INPUTS, threads: '1', 'max-time': '2' };

const LATENCY_COMMAND = `sh ${JSON.stringify(path.join(ROOT, 'test/fixtures/commands/fake_latency.sh'))}`;
const latency = (ms: number) => JSON.stringify({ ms });

/** The same result with every latency scaled (a baseline "twice as fast" is factor 0.5). */
function scaled(result: Result, factor: number): Result {
  return {
    ...result,
    createdAt: '2026-01-01T00:00:00.000Z',
    workloads: result.workloads.map((w) => ({
      ...w,
      points: w.points.map((p) => ({
        ...p,
        samplesNs: p.samplesNs.map((s) => s * factor),
        medianNs: p.medianNs * factor,
        ci95Ns: [p.ci95Ns[0] * factor, p.ci95Ns[1] * factor] as const,
      })),
    })),
  };
}

describe('the action on pull_request events', () => {
  let server: GitHubServer;
  let first: ActionRun;

  before(async () => {
    server = await startGitHubServer({ repos: [{ owner: OWNER, repo: REPO }] });
  });
  after(async () => {
    await server.stop();
  });

  it('first run: posts one comment naming OMP_NUM_THREADS, writes outputs, summary and results', async () => {
    first = await runBundledAction({
      inputs: BASE_INPUTS,
      event: pullRequestEvent(),
      apiUrl: server.url,
    });
    assert.equal(first.code, 0, first.stdout + first.stderr);
    const comments = server.listComments(OWNER, REPO, 7);
    assert.equal(comments.length, 1);
    assert.match(comments[0]!.body, /^<!-- threadgate:sticky key="/);
    assert.match(comments[0]!.body, /OMP_NUM_THREADS: "\d+"/);
    assert.match(first.outputs['recommended-threads'] ?? '', /^\d+$/);
    assert.equal(first.outputs['verdict'], 'no-baseline');
    assert.equal(
      first.outputs['comment-url'],
      `https://github.com/${OWNER}/${REPO}/pull/7#issuecomment-${comments[0]!.id}`,
    );
    const resultsPath = first.outputs['results-path']!;
    const result = JSON.parse(readFileSync(resultsPath, 'utf8')) as Result;
    assert.deepEqual(schemaErrors('results.schema.json', result), []);
    assert.equal(String(result.recommendation.ompNumThreads), first.outputs['recommended-threads']);
    // baseline: none reads and saves no history: no runner-speed reference is measured for it.
    assert.equal(result.reference, undefined);
    assert.match(first.summary, /OMP_NUM_THREADS: "\d+"/);
    assert.match(first.summary, /```mermaid\n---\nconfig:[\s\S]*?\n---\nxychart-beta\n/);
    // A run that does not fail still says what it found, in the log.
    assert.match(
      first.stdout,
      /::notice::threadgate: no (baseline|comparison)\b.*; recommended OMP_NUM_THREADS=\d+/,
    );
    assert.deepEqual(server.violations, []);
  });

  it('a second run against a file: baseline twice as fast edits the same comment and fails the step', async () => {
    // A command whose metric is known (fake_latency.sh): the regression, and its confirmation
    // by a second measurement, do not depend on this machine's timing.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'threadgate-action-'));
    mkdirSync(path.join(dir, 'workspace'), { recursive: true });
    writeFileSync(path.join(dir, 'workspace', 'latency.json'), latency(10));
    const inputs = {
      command: LATENCY_COMMAND,
      metric: 'latency_ms=([0-9.]+)',
      threads: '1',
      'max-time': '20',
    };
    const one = await runActionInProcess({
      dir,
      inputs: { ...inputs, baseline: 'none' },
      event: pullRequestEvent(17),
      apiUrl: server.url,
    });
    assert.equal(one.code, 0, one.stdout);
    const result = JSON.parse(readFileSync(one.outputs['results-path']!, 'utf8')) as Result;
    const baselineFile = path.join(dir, 'baseline.json');
    writeFileSync(baselineFile, JSON.stringify(scaled(result, 0.5)));
    const second = await runActionInProcess({
      dir,
      inputs: { ...inputs, baseline: `file:${baselineFile}` },
      event: pullRequestEvent(17),
      apiUrl: server.url,
    });
    assert.equal(second.code, 1, second.stdout);
    const comments = server.listComments(OWNER, REPO, 17);
    assert.equal(comments.length, 1, 'edited in place, not duplicated');
    assert.equal(second.outputs['comment-url'], one.outputs['comment-url']);
    assert.equal(second.outputs['verdict'], 'regression');
    const slowdown = Number(second.outputs['max-slowdown']);
    assert.ok(slowdown > 97 && slowdown < 103, `max-slowdown ${slowdown}`);
    assert.match(second.stdout, /Suspected regression: measuring them once more/);
    assert.match(second.stdout, /confirmed by a second measurement of the flagged cells/);
    assert.match(comments[0]!.body, /latency regression: \+\d+\.\d % at \d threads? \(command:/);
    assert.match(
      comments[0]!.body,
      // One run of history: the bar actually used is the cold-start one, and the line says so.
      /\*\*Gate:\*\* the stored baseline \(file .*baseline\.json, 1 run of history\); a gated cell fails at a slowdown of 25 % or more \(the cold-start bar, without a usable history: fewer than 5 runs, or no spread; 15 % from then on\)/,
    );
    assert.match(
      second.stdout,
      /::error::threadgate: latency regression: command:.* at \d threads? is \+\d+\.\d % slower/,
    );
    assert.doesNotMatch(second.stdout, /internal error|error \(not a regression\)/);
    assert.match(second.summary, /latency regression/);
    const methods = server.requests.map((r) => `${r.method} ${r.operationId ?? r.path}`);
    assert.ok(methods.includes('PATCH issues/update-comment'), methods.join('\n'));
    assert.ok(
      comments[0]!.body.includes('add the label `threadgate: accept`'),
      'says how to accept',
    );
    assert.deepEqual(server.violations, []);

    // The reviewer accepts the slowdown with the label: the same regression passes the check,
    // with the acceptance in the log and the comment.
    const labelled = pullRequestEvent(17) as {
      name: string;
      payload: { pull_request: Record<string, unknown> };
    };
    labelled.payload.pull_request['labels'] = [
      { name: 'performance' },
      { name: 'threadgate: accept' },
    ];
    const third = await runActionInProcess({
      dir,
      inputs: { ...inputs, baseline: `file:${baselineFile}` },
      event: labelled,
      apiUrl: server.url,
    });
    assert.equal(third.code, 0, third.stdout);
    assert.equal(third.outputs['verdict'], 'regression', 'the verdict is what was measured');
    assert.match(
      third.stdout,
      /::warning::threadgate: latency regression: .*\(not failing: accepted by the label "threadgate: accept": a reviewer accepted this slowdown as intended\)/,
    );
    assert.match(
      server.listComments(OWNER, REPO, 17)[0]!.body,
      /> \[!NOTE\]\n> Not failing the check: accepted by the label "threadgate: accept"/,
    );
  });

  it('a 403 on commenting warns with the fix and still writes outputs, summary and results', async () => {
    server.failNext('GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments', 403, {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/issues/comments#list-issue-comments',
      status: '403',
    });
    // A pull request from a fork: its token cannot write (GitHub answers 403).
    const fork = pullRequestEvent(8) as {
      name: string;
      payload: { pull_request: { head: Record<string, unknown> } };
    };
    fork.payload.pull_request.head['repo'] = { full_name: 'contributor/octo-repo', fork: true };
    const run = await runBundledAction({
      inputs: QUICK,
      event: fork,
      apiUrl: server.url,
    });
    assert.equal(run.code, 0, 'missing permission is not a failure');
    assert.match(
      run.stdout,
      /::warning::.*Resource not accessible by integration.*pull-requests: write/,
    );
    assert.equal(server.listComments(OWNER, REPO, 8).length, 0);
    assert.equal(run.outputs['verdict'], 'no-baseline');
    assert.ok(run.outputs['results-path']);
    assert.match(run.summary, /pull-requests: write/);
    assert.equal(run.outputs['comment-url'], undefined);
  });

  it('a 502 then success is retried and the comment is posted', async () => {
    server.failNext('GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments', 502, {
      message: 'Bad Gateway',
    });
    const run = await runActionInProcess({
      inputs: QUICK,
      event: pullRequestEvent(9),
      apiUrl: server.url,
    });
    assert.equal(run.code, 0, run.stdout);
    assert.equal(server.listComments(OWNER, REPO, 9).length, 1);
    assert.equal(server.pendingFaults(), 0);
    assert.doesNotMatch(run.stdout, /::warning::/);
  });

  it('bad input fails as an error that names the input, never as a regression', async () => {
    const run = await runActionInProcess({
      inputs: { ...QUICK, threshold: 'lots' },
      event: pullRequestEvent(10),
      apiUrl: server.url,
    });
    assert.equal(run.code, 1);
    assert.match(
      run.stdout,
      /::error::threadgate: error \(not a regression\): threshold: got "lots"; expected a percentage/,
    );
    assert.doesNotMatch(run.stdout, /\n\s+at /, 'no stack trace');
  });

  it('export-env sets OMP_NUM_THREADS and ORT_INTRA_OP_NUM_THREADS for later steps; comment: never posts nothing', async () => {
    const run = await runActionInProcess({
      inputs: { ...QUICK, 'export-env': 'true', comment: 'never' },
      event: pullRequestEvent(11),
      apiUrl: server.url,
    });
    assert.equal(run.code, 0);
    assert.equal(run.exportedEnv['OMP_NUM_THREADS'], run.outputs['recommended-threads']);
    assert.equal(run.exportedEnv['ORT_INTRA_OP_NUM_THREADS'], run.outputs['recommended-threads']);
    assert.equal(server.listComments(OWNER, REPO, 11).length, 0);
  });
});

describe('the action on push events', () => {
  it('a push to the default branch saves the run into a file baseline history; the next one merges', async () => {
    const event = {
      name: 'push',
      payload: { ref: 'refs/heads/main', repository: { default_branch: 'main' } },
    };
    const env = { GITHUB_REF: 'refs/heads/main', GITHUB_REF_NAME: 'main', GITHUB_HEAD_REF: '' };
    const one = await runActionInProcess({
      inputs: { ...QUICK, baseline: 'file:baseline.json' },
      event,
      apiUrl: 'http://127.0.0.1:9',
      env,
    });
    assert.equal(one.code, 0, one.stdout);
    const file = path.join(one.dir, 'workspace', 'baseline.json');
    assert.equal((JSON.parse(readFileSync(file, 'utf8')) as { runs: unknown[] }).runs.length, 1);
    // A run saved into a history measures the reference the next runs are compared relative to.
    const saved = JSON.parse(readFileSync(one.outputs['results-path']!, 'utf8')) as Result;
    assert.equal(saved.reference?.measured, 'added');
    const two = await runActionInProcess({
      inputs: { ...QUICK, baseline: 'file:baseline.json' },
      event,
      apiUrl: 'http://127.0.0.1:9',
      env,
      dir: one.dir,
    });
    assert.equal(two.code, 0, two.stdout);
    assert.equal((JSON.parse(readFileSync(file, 'utf8')) as { runs: unknown[] }).runs.length, 2);
    assert.match(two.summary, /threadgate/);
    assert.doesNotMatch(two.stdout, /::warning::.*comment/, 'no comment attempted on push');
  });

  it('an unreadable history on the default branch is replaced by a fresh one with a warning, not a failure', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'threadgate-action-'));
    mkdirSync(path.join(dir, 'workspace'), { recursive: true });
    writeFileSync(
      path.join(dir, 'workspace', 'baseline.json'),
      '{"kind": "threadgate-baseline", "schemaVersion": 1, "runs": [',
    );
    const push = await runActionInProcess({
      dir,
      inputs: { ...QUICK, baseline: 'file:baseline.json' },
      event: {
        name: 'push',
        payload: { ref: 'refs/heads/main', repository: { default_branch: 'main' } },
      },
      apiUrl: 'http://127.0.0.1:9',
      env: { GITHUB_REF: 'refs/heads/main', GITHUB_REF_NAME: 'main', GITHUB_HEAD_REF: '' },
    });
    assert.equal(push.code, 0, push.stdout);
    assert.match(
      push.stdout,
      /::warning::The stored baseline could not be read \(baseline .*baseline\.json: is truncated.*\): this run starts a fresh history\./,
    );
    assert.match(push.summary, /history reset: 0 → 1 run \(the stored history could not be read/);
    const file = path.join(dir, 'workspace', 'baseline.json');
    assert.equal((JSON.parse(readFileSync(file, 'utf8')) as { runs: unknown[] }).runs.length, 1);
  });

  it('on a pull request an unreadable file: baseline is an error naming the file, after the report', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'threadgate-action-'));
    mkdirSync(path.join(dir, 'workspace'), { recursive: true });
    writeFileSync(path.join(dir, 'workspace', 'baseline.json'), 'not json');
    const run = await runActionInProcess({
      dir,
      inputs: { ...QUICK, baseline: 'file:baseline.json', comment: 'never' },
      event: pullRequestEvent(31),
      apiUrl: 'http://127.0.0.1:9',
    });
    assert.equal(run.code, 1);
    assert.match(
      run.stdout,
      /::error::threadgate: error \(not a regression\): baseline .*baseline\.json: is not valid JSON/,
    );
    assert.ok(run.outputs['results-path'], 'the results file is written first');
    assert.match(run.summary, /no stored baseline: baseline .*is not valid JSON/);
  });
});

describe('what a pull request commits cannot lead the action out of the workspace, nor hang it', () => {
  it('a committed report-dir link out of the workspace: nothing written or removed there, an error naming report-dir, results and summary still written', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'threadgate-action-'));
    const outside = path.join(dir, 'outside');
    mkdirSync(outside, { recursive: true });
    // What an earlier bundle there would hold: the old code removed it, then wrote its own.
    writeFileSync(path.join(outside, 'comparison.json'), 'precious\n');
    mkdirSync(path.join(dir, 'workspace'), { recursive: true });
    symlinkSync(outside, path.join(dir, 'workspace', 'report'));
    const run = await runActionInProcess({
      dir,
      inputs: { ...QUICK, comment: 'never', 'report-dir': 'report' },
      event: pullRequestEvent(32),
      apiUrl: 'http://127.0.0.1:9',
    });
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(
      run.stdout,
      /::error::threadgate: error \(not a regression\): report-dir: got "report": in the workspace, report is a symbolic link to a place outside the workspace; no report bundle was written and nothing was removed/,
    );
    assert.deepEqual(readdirSync(outside), ['comparison.json'], 'nothing written there');
    assert.equal(readFileSync(path.join(outside, 'comparison.json'), 'utf8'), 'precious\n');
    assert.equal(run.outputs['report-dir'], undefined);
    // Nothing is lost: the results file and the job summary are written as always.
    const result = JSON.parse(readFileSync(run.outputs['results-path']!, 'utf8')) as Result;
    assert.equal(String(result.recommendation.ompNumThreads), run.outputs['recommended-threads']);
    assert.match(run.summary, /OMP_NUM_THREADS: "\d+"/);
  });

  it('a committed folder at baseline.json.lock: the save warns naming it, at once, and the run ends', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'threadgate-action-'));
    const lock = path.join(dir, 'workspace', 'baseline.json.lock');
    // git keeps no empty folders: a committed one holds a file.
    mkdirSync(lock, { recursive: true });
    writeFileSync(path.join(lock, 'README'), 'not a lock\n');
    const started = Date.now();
    const run = await runActionInProcess({
      dir,
      inputs: {
        ...QUICK,
        comment: 'never',
        baseline: 'file:baseline.json',
        'save-baseline': 'true',
      },
      event: pullRequestEvent(33),
      apiUrl: 'http://127.0.0.1:9',
    });
    assert.ok(Date.now() - started < 60_000, `took ${Date.now() - started} ms`);
    assert.equal(run.code, 0, 'a failed save is a warning, never a failure');
    assert.match(
      run.stdout,
      /::warning::Could not save the baseline to file:.*baseline\.json: cannot save baseline .*baseline\.json: .*baseline\.json\.lock is a folder holding an entry, not threadgate's lock/,
    );
    assert.deepEqual(readdirSync(lock), ['README'], 'left as it was');
    assert.ok(run.outputs['results-path']);
    assert.match(run.summary, /OMP_NUM_THREADS: "\d+"/);
  });
});

/**
 * A repository as a pull request sees it: `origin` (a bare repository) holds the base commit and
 * the head commit on top of it; the workspace is a depth-1 clone of the head, as
 * actions/checkout leaves it by default, so the base commit is not in the checkout.
 */
function pullRequestRepo(files: {
  base: Record<string, string | Buffer>;
  head: Record<string, string | Buffer>;
}): { dir: string; ws: string; baseSha: string; headSha: string; git: (...a: string[]) => string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'threadgate-action-git-'));
  const origin = path.join(dir, 'origin.git');
  const author = path.join(dir, 'author');
  const ws = path.join(dir, 'workspace');
  const gitIn =
    (cwd: string) =>
    (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
        cwd,
      })
        .toString()
        .trim();
  mkdirSync(author, { recursive: true });
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', origin]);
  const a = gitIn(author);
  a('init', '-q', '-b', 'main');
  const commit = (set: Record<string, string | Buffer>, message: string) => {
    for (const [name, content] of Object.entries(set)) {
      mkdirSync(path.dirname(path.join(author, name)), { recursive: true });
      writeFileSync(path.join(author, name), content);
    }
    a('add', '-A');
    a('commit', '-qm', message, '--allow-empty');
    return a('rev-parse', 'HEAD');
  };
  const baseSha = commit(files.base, 'base');
  const headSha = commit(files.head, 'head');
  a('push', '-q', `file://${origin}`, 'main');
  execFileSync('git', ['clone', '-q', '--depth=1', `file://${origin}`, ws]);
  return { dir, ws, baseSha, headSha, git: gitIn(ws) };
}

function pullRequestOn(baseSha: string, headSha: string, number: number) {
  const event = pullRequestEvent(number) as { name: string; payload: Record<string, unknown> };
  const payload = event.payload as {
    pull_request: { head: Record<string, unknown>; base: Record<string, unknown> };
  };
  payload.pull_request.base.sha = baseSha;
  payload.pull_request.head.sha = headSha;
  return event;
}

/** The checkout holds nothing threadgate wrote: no new, changed or ignored files. */
function assertCheckoutClean(git: (...a: string[]) => string): void {
  assert.equal(git('status', '--porcelain', '--ignored'), '');
  assert.equal(git('worktree', 'list').split('\n').length, 1, 'no worktree left behind');
}

describe("the action gates the user's code against the pull request's base by default", () => {
  let server: GitHubServer;
  before(async () => {
    server = await startGitHubServer({ repos: [{ owner: OWNER, repo: REPO }] });
  });
  after(async () => {
    await server.stop();
  });

  // The command prints its latency (bounded jitter, see fake_latency.sh): the verdicts below do
  // not depend on this machine's timing. Every other input is action.yml's default, as a runner
  // passes them, and there is no compare-ref: the same-job gate and its 5 % threshold apply.
  it('a command 10 % slower than at the base commit fails the step (the base fetched into a shallow checkout)', async () => {
    const repo = pullRequestRepo({
      base: { 'latency.json': latency(10) },
      head: { 'latency.json': latency(11) },
    });
    assert.throws(() => repo.git('cat-file', '-e', `${repo.baseSha}^{commit}`), 'not in the clone');
    const run = await runActionInProcess({
      dir: repo.dir,
      inputs: {
        command: LATENCY_COMMAND,
        metric: 'latency_ms=([0-9.]+)',
        threads: '1',
      },
      event: pullRequestOn(repo.baseSha, repo.headSha, 21),
      apiUrl: server.url,
    });
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.equal(run.outputs['verdict'], 'regression', run.stdout);
    const slowdown = Number(run.outputs['max-slowdown']);
    assert.ok(slowdown > 8.5 && slowdown < 11.5, `max-slowdown ${slowdown}`);
    assert.match(
      run.stdout,
      new RegExp(`compare-ref: fetched ${repo.baseSha.slice(0, 7)} from origin`),
    );
    assert.match(
      run.stdout,
      /::error::threadgate: latency regression: command:.* at 1 thread is \+\d+\.\d % slower/,
    );
    const [comment] = server.listComments(OWNER, REPO, 21);
    assert.match(
      comment!.body,
      /\*\*Gate:\*\* the base measured in this job \(the command in a worktree of [0-9a-f]{7}\); a gated cell fails at a slowdown of 5 % or more/,
    );
    assert.match(comment!.body, /at 95 % confidence/);
    assertCheckoutClean(repo.git);
    assert.deepEqual(server.violations, []);
  });

  it('a worker twice as slow as at the base commit fails the step; the base worker ran in its worktree', async () => {
    // sleep_worker.py reads its milliseconds per call from speed.txt in the folder it runs in:
    // the head's checkout says 2, the base commit's 1.
    const worker = `python3 ${JSON.stringify(path.join(ROOT, 'test/fixtures/workers/sleep_worker.py'))} @speed.txt`;
    const repo = pullRequestRepo({ base: { 'speed.txt': '1' }, head: { 'speed.txt': '2' } });
    const run = await runActionInProcess({
      dir: repo.dir,
      inputs: { worker, threads: '1', 'max-time': '15' },
      event: pullRequestOn(repo.baseSha, repo.headSha, 22),
      apiUrl: server.url,
    });
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.equal(run.outputs['verdict'], 'regression', run.stdout);
    assert.match(
      run.stdout,
      /::error::threadgate: latency regression: worker:.* at 1 thread is \+\d+\.\d % slower/,
    );
    const [comment] = server.listComments(OWNER, REPO, 22);
    assert.match(
      comment!.body,
      /the base measured in this job \(the worker in a worktree of [0-9a-f]{7}\)/,
    );
    assertCheckoutClean(repo.git);
  });

  it('a worker under the throughput objective: the split is an output', async () => {
    const worker = `python3 ${JSON.stringify(path.join(ROOT, 'test/fixtures/workers/sleep_worker.py'))} 2`;
    const run = await runActionInProcess({
      inputs: {
        worker,
        objective: 'throughput',
        threads: '1',
        // Room for every split on a loaded machine (3 s once left none measured).
        'max-time': '6',
        baseline: 'none',
        comment: 'never',
      },
      event: {
        name: 'push',
        payload: { ref: 'refs/heads/main', repository: { default_branch: 'main' } },
      },
      apiUrl: 'http://127.0.0.1:9',
      env: { GITHUB_REF: 'refs/heads/main', GITHUB_REF_NAME: 'main', GITHUB_HEAD_REF: '' },
    });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const result = JSON.parse(readFileSync(run.outputs['results-path']!, 'utf8')) as Result;
    const split = result.recommendation.throughput;
    assert.ok(split, 'a recommended split');
    assert.equal(run.outputs['throughput-workers'], String(split.workers));
    assert.equal(run.outputs['throughput-threads-per-worker'], String(split.threadsPerWorker));
    assert.ok((result.workloads[0]!.throughput?.points.length ?? 0) > 0);
  });

  it('the same command unchanged passes, and the checkout stays clean', async () => {
    const repo = pullRequestRepo({
      base: { 'latency.json': latency(10) },
      head: { 'README.md': 'docs only\n' },
    });
    const run = await runActionInProcess({
      dir: repo.dir,
      inputs: { command: LATENCY_COMMAND, metric: 'latency_ms=([0-9.]+)', threads: '1' },
      event: pullRequestOn(repo.baseSha, repo.headSha, 22),
      apiUrl: server.url,
    });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.outputs['verdict'], 'pass');
    assert.ok(Math.abs(Number(run.outputs['max-slowdown'])) < 1.5, run.outputs['max-slowdown']);
    assertCheckoutClean(repo.git);
  });

  it('a user model is measured against its version at the base commit (real ORT sessions)', async () => {
    const repo = pullRequestRepo({
      base: { 'models/model.onnx': readFileSync(path.join(ROOT, 'test/fixtures/models/mlp.onnx')) },
      head: {
        'models/model.onnx': readFileSync(path.join(ROOT, 'test/fixtures/models/mlp_wide.onnx')),
      },
    });
    const run = await runActionInProcess({
      dir: repo.dir,
      inputs: {
        model: 'models/model.onnx',
        'input-shapes': 'x=8x512',
        threads: '1',
        'max-time': '4',
      },
      event: pullRequestOn(repo.baseSha, repo.headSha, 23),
      apiUrl: server.url,
    });
    // Which verdict a real 25 %-wider model gets is the bench's business (docs/benchmarks/2026-11-27-in-sample.md);
    // here: the base is the PR base, measured in this job, with the same-job gate's settings.
    assert.ok(run.code === 0 || run.code === 1, run.stdout + run.stderr);
    assert.match(run.outputs['verdict'] ?? '', /^(pass|regression|inconclusive)$/);
    const [comment] = server.listComments(OWNER, REPO, 23);
    assert.match(
      comment!.body,
      new RegExp(
        `the base measured in this job \\(models/model\\.onnx at ${repo.baseSha.slice(0, 7)}\\)`,
      ),
    );
    assert.match(comment!.body, /fails at a slowdown of 5 % or more/);
    assert.match(comment!.body, /baseline measured in the same job/);
    assertCheckoutClean(repo.git);
    assert.deepEqual(server.violations, []);
  });

  it('a base commit that cannot be fetched falls back to the stored baseline and says so', async () => {
    const repo = pullRequestRepo({ base: { 'latency.json': latency(10) }, head: {} });
    const run = await runActionInProcess({
      dir: repo.dir,
      inputs: {
        command: LATENCY_COMMAND,
        metric: 'latency_ms=([0-9.]+)',
        threads: '1',
        'max-time': '3',
      },
      event: pullRequestOn('0123456789abcdef0123456789abcdef01234567', repo.headSha, 24),
      apiUrl: server.url,
    });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(
      run.stdout,
      /::warning::The base was not measured in this job: the base commit 0123456 could not be measured in this job .*nor fetch it from origin.*The stored baseline gates instead\./,
    );
    const [comment] = server.listComments(OWNER, REPO, 24);
    assert.match(comment!.body, /The base was not measured in this job/);
    assert.match(
      comment!.body,
      /no stored baseline: the Actions cache service is not available here/,
    );
    assert.equal(run.outputs['verdict'], 'no-baseline');
    assertCheckoutClean(repo.git);
  });

  it('compare-ref: none compares with the stored baseline instead', async () => {
    const repo = pullRequestRepo({
      base: { 'latency.json': latency(10) },
      head: { 'latency.json': latency(11) },
    });
    const run = await runActionInProcess({
      dir: repo.dir,
      inputs: {
        command: LATENCY_COMMAND,
        metric: 'latency_ms=([0-9.]+)',
        threads: '1',
        'compare-ref': 'none',
        'max-time': '3',
      },
      event: pullRequestOn(repo.baseSha, repo.headSha, 25),
      apiUrl: server.url,
    });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.outputs['verdict'], 'no-baseline');
    assert.doesNotMatch(run.stdout, /fetched/);
    assert.doesNotMatch(server.listComments(OWNER, REPO, 25)[0]!.body, /measured in this job/);
  });

  it('a compare-ref git cannot resolve or fetch is an input error naming it and the fix', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'threadgate-action-git-'));
    const ws = path.join(dir, 'workspace');
    mkdirSync(ws, { recursive: true });
    execFileSync('git', ['init', '-q'], { cwd: ws });
    copyFileSync(path.join(ROOT, 'test/fixtures/models/mlp.onnx'), path.join(ws, 'model.onnx'));
    const run = await runActionInProcess({
      dir,
      inputs: {
        model: 'model.onnx',
        'input-shapes': 'x=8x512',
        'compare-ref': 'origin/nope',
        comment: 'never',
      },
      event: pullRequestEvent(13),
      apiUrl: server.url,
    });
    assert.equal(run.code, 1);
    assert.match(
      run.stdout,
      /::error::threadgate: error \(not a regression\): compare-ref: got "origin\/nope"; git cannot resolve it here .*fetch-depth: 0/,
    );
  });
});

describe('the action on the default branch with the base measured in the same job', () => {
  it('a push with compare-ref still loads and extends the stored history', async () => {
    const repo = pullRequestRepo({ base: { 'latency.json': latency(10) }, head: {} });
    const event = {
      name: 'push',
      payload: { ref: 'refs/heads/main', repository: { default_branch: 'main' } },
    };
    const env = { GITHUB_REF: 'refs/heads/main', GITHUB_REF_NAME: 'main', GITHUB_HEAD_REF: '' };
    const inputs = {
      command: LATENCY_COMMAND,
      metric: 'latency_ms=([0-9.]+)',
      threads: '1',
      'max-time': '4',
      'compare-ref': repo.baseSha,
      baseline: `file:${path.join(repo.dir, 'history.json')}`,
    };
    const runs: ActionRun[] = [];
    for (let i = 0; i < 2; i++) {
      runs.push(
        await runActionInProcess({
          dir: repo.dir,
          inputs,
          event,
          apiUrl: 'http://127.0.0.1:9',
          env,
        }),
      );
      assert.equal(runs[i]!.code, 0, runs[i]!.stdout + runs[i]!.stderr);
    }
    const history = JSON.parse(readFileSync(path.join(repo.dir, 'history.json'), 'utf8')) as {
      runs: unknown[];
    };
    assert.equal(history.runs.length, 2);
    assert.match(runs[0]!.summary, /history reset: 0 → 1 run \(.*does not exist yet/);
    assert.match(runs[1]!.summary, /Baseline history: 1 → 2 runs; saved as /);
    assert.match(runs[1]!.summary, /the base measured in this job/);
  });
});

describe("the user's command as a runner runs the bundled action", () => {
  it('sees none of the inputs or the runner tokens, and what the step set with env: arrives', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'threadgate-action-env-'));
    const dump = path.join(dir, 'env.json');
    // What a runner gives a JavaScript action (URLs on a closed port: nothing may use them).
    const runnerOnly = {
      ACTIONS_RUNTIME_TOKEN: 'runtime-token-0123456789abcdef0123',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-token-0123456789abcdef',
      ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/oidc-request-url',
      ACTIONS_CACHE_URL: 'http://127.0.0.1:9/cache-url/',
      ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/results-url/',
      GITHUB_TOKEN: 'ghs_envGitHubToken00000000000000000000',
    };
    const run = await runBundledAction({
      dir,
      inputs: {
        ...QUICK,
        // A command is the workload: no MatMul sizes (sizes with a command is an input error).
        sizes: '',
        command: `node -e "require('fs').writeFileSync(process.env.DUMP_FILE, JSON.stringify(process.env))"`,
        comment: 'never',
        'compare-ref': 'none',
      },
      event: pullRequestEvent(12),
      apiUrl: 'http://127.0.0.1:9',
      // `env:` on the step.
      env: { ...runnerOnly, DUMP_FILE: dump, STEP_SETTING: 'from env:' },
    });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const env = JSON.parse(readFileSync(dump, 'utf8')) as Record<string, string>;
    const leaked = Object.keys(env).filter((name) => /^INPUT_/i.test(name) || name in runnerOnly);
    assert.deepEqual(leaked, []);
    const secrets = [QUICK['github-token'], ...Object.values(runnerOnly)];
    for (const [name, value] of Object.entries(env)) {
      assert.ok(!secrets.includes(value), `${name} carries a secret value`);
    }
    assert.equal(env['STEP_SETTING'], 'from env:');
    assert.equal(env['GITHUB_WORKSPACE'], path.join(dir, 'workspace'));
    assert.equal(env['OMP_NUM_THREADS'], '1');
  });
});
