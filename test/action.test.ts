/**
 * The bundled action end to end: dist/index.js as a child process with a runner's environment,
 * talking to a real HTTP stand-in of the GitHub REST API on 127.0.0.1 (every request checked
 * against GitHub's OpenAPI description), with real onnxruntime-node sweeps on tiny shapes.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './support/cli.js';
import { startGitHubServer, type GitHubServer } from './support/github-server.js';
import { pullRequestEvent, runBundledAction, type ActionRun } from './support/runner.js';
import { schemaErrors } from './support/schema.js';
import type { Result } from '../src/results/types.js';

const OWNER = 'octo-org';
const REPO = 'octo-repo';
const BASE_INPUTS = { 'github-token': 'ghs_test', sizes: '48', 'max-time': '3', baseline: 'none' };

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

describe('the bundled action on pull_request events', () => {
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
    assert.match(first.summary, /OMP_NUM_THREADS: "\d+"/);
    assert.match(first.summary, /```mermaid\n---\nconfig:[\s\S]*?\n---\nxychart-beta\n/);
    assert.deepEqual(server.violations, []);
  });

  it('second run with a file: baseline twice as fast edits the same comment and fails the step', async () => {
    const result = JSON.parse(readFileSync(first.outputs['results-path']!, 'utf8')) as Result;
    const baselineFile = path.join(first.dir, 'baseline.json');
    writeFileSync(baselineFile, JSON.stringify(scaled(result, 0.5)));
    const second = await runBundledAction({
      inputs: { ...BASE_INPUTS, baseline: `file:${baselineFile}` },
      event: pullRequestEvent(),
      apiUrl: server.url,
    });
    assert.equal(second.code, 1, 'the step fails');
    const comments = server.listComments(OWNER, REPO, 7);
    assert.equal(comments.length, 1, 'edited in place, not duplicated');
    assert.equal(second.outputs['comment-url'], first.outputs['comment-url']);
    assert.equal(second.outputs['verdict'], 'regression');
    assert.ok(Number(second.outputs['max-slowdown']) > 50);
    assert.match(comments[0]!.body, /latency regression: \+\d+\.\d % at \d threads? \(matmul:48\)/);
    assert.match(
      second.stdout,
      /::error::threadgate: latency regression: matmul:48 at \d threads? is \+\d+\.\d % slower/,
    );
    assert.doesNotMatch(second.stdout, /internal error|error \(not a regression\)/);
    assert.match(second.summary, /latency regression/);
    const methods = server.requests.map((r) => `${r.method} ${r.operationId ?? r.path}`);
    assert.ok(methods.includes('PATCH issues/update-comment'), methods.join('\n'));
    assert.deepEqual(server.violations, []);
  });

  it('a 403 on commenting warns with the fix and still writes outputs, summary and results', async () => {
    server.failNext('GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments', 403, {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/issues/comments#list-issue-comments',
      status: '403',
    });
    const run = await runBundledAction({
      inputs: BASE_INPUTS,
      event: pullRequestEvent(8),
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
    const run = await runBundledAction({
      inputs: BASE_INPUTS,
      event: pullRequestEvent(9),
      apiUrl: server.url,
    });
    assert.equal(run.code, 0, run.stdout);
    assert.equal(server.listComments(OWNER, REPO, 9).length, 1);
    assert.equal(server.pendingFaults(), 0);
    assert.doesNotMatch(run.stdout, /::warning::/);
  });

  it('bad input fails as an error that names the input, never as a regression', async () => {
    const run = await runBundledAction({
      inputs: { ...BASE_INPUTS, threshold: 'lots' },
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
    const run = await runBundledAction({
      inputs: { ...BASE_INPUTS, 'export-env': 'true', comment: 'never' },
      event: pullRequestEvent(11),
      apiUrl: server.url,
    });
    assert.equal(run.code, 0);
    assert.equal(run.exportedEnv['OMP_NUM_THREADS'], run.outputs['recommended-threads']);
    assert.equal(run.exportedEnv['ORT_INTRA_OP_NUM_THREADS'], run.outputs['recommended-threads']);
    assert.equal(server.listComments(OWNER, REPO, 11).length, 0);
  });
});

describe('the bundled action on push events', () => {
  it('a push to the default branch saves the run into a file baseline history; the next one merges', async () => {
    const event = {
      name: 'push',
      payload: { ref: 'refs/heads/main', repository: { default_branch: 'main' } },
    };
    const env = { GITHUB_REF: 'refs/heads/main', GITHUB_REF_NAME: 'main', GITHUB_HEAD_REF: '' };
    const one = await runBundledAction({
      inputs: { ...BASE_INPUTS, baseline: 'file:baseline.json' },
      event,
      apiUrl: 'http://127.0.0.1:9',
      env,
    });
    assert.equal(one.code, 0, one.stdout);
    const file = path.join(one.dir, 'workspace', 'baseline.json');
    assert.equal((JSON.parse(readFileSync(file, 'utf8')) as { runs: unknown[] }).runs.length, 1);
    const two = await runBundledAction({
      inputs: { ...BASE_INPUTS, baseline: 'file:baseline.json' },
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
});

describe('the bundled action with a user model and compare-ref (same-job comparison)', () => {
  let server: GitHubServer;
  before(async () => {
    server = await startGitHubServer({ repos: [{ owner: OWNER, repo: REPO }] });
  });
  after(async () => {
    await server.stop();
  });

  it('a model whose hidden layer grew 25 % since the base commit fails as a regression measured in this job', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'threadgate-action-git-'));
    const ws = path.join(dir, 'workspace');
    mkdirSync(path.join(ws, 'models'), { recursive: true });
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
        cwd: ws,
      })
        .toString()
        .trim();
    git('init', '-q');
    copyFileSync(
      path.join(ROOT, 'test/fixtures/models/mlp.onnx'),
      path.join(ws, 'models/model.onnx'),
    );
    git('add', '.');
    git('commit', '-qm', 'base');
    const baseSha = git('rev-parse', 'HEAD');
    copyFileSync(
      path.join(ROOT, 'test/fixtures/models/mlp_wide.onnx'),
      path.join(ws, 'models/model.onnx'),
    );
    git('commit', '-qam', 'wider hidden layer');

    const run = await runBundledAction({
      dir,
      inputs: {
        'github-token': 'ghs_test',
        model: 'models/model.onnx',
        'input-shapes': 'x=8x512',
        'compare-ref': baseSha,
        threads: '1', // the quiet cell on a shared machine
        'max-time': '20',
        baseline: 'none',
      },
      event: pullRequestEvent(12),
      apiUrl: server.url,
    });
    assert.equal(run.code, 1, run.stdout);
    assert.equal(run.outputs['verdict'], 'regression');
    assert.match(
      run.stdout,
      /::error::threadgate: latency regression: model:models\/model\.onnx\[x=8x512\] at \d threads? is \+\d+\.\d % slower/,
    );
    const [comment] = server.listComments(OWNER, REPO, 12);
    assert.match(comment!.body, /baseline measured in the same job/);
    assert.match(comment!.body, /models\/model\.onnx at [0-9a-f]{40} \([0-9a-f]{7}\)/);
    // The temporary base copy and worktree are gone.
    assert.equal(git('worktree', 'list').split('\n').length, 1);
    assert.deepEqual(server.violations, []);
  });

  it('a compare-ref git cannot resolve is an input error naming it and the fix', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'threadgate-action-git-'));
    const ws = path.join(dir, 'workspace');
    mkdirSync(ws, { recursive: true });
    execFileSync('git', ['init', '-q'], { cwd: ws });
    copyFileSync(path.join(ROOT, 'test/fixtures/models/mlp.onnx'), path.join(ws, 'model.onnx'));
    const run = await runBundledAction({
      dir,
      inputs: {
        model: 'model.onnx',
        'input-shapes': 'x=8x512',
        'compare-ref': 'origin/nope',
        baseline: 'none',
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
