/**
 * Report bundles and `mode: report`: the action in process (test/support/in-process.ts) and, for
 * one report job, the bundled dist/index.js as a runner runs it, both against the GitHub API
 * stand-in (every request checked against GitHub's OpenAPI description). Two measuring legs of a
 * fork's pull request (`comment: never`, real onnxruntime-node sweeps of one tiny cell) write
 * bundles; a `workflow_run` report job — GitHub leaves `pull_requests` empty for forks — posts one
 * comment for both legs, edits it when run again, reports a tampered bundle as rejected without
 * letting its markup through, and refuses a pull request number whose head is not the triggering
 * run's.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compareResults } from '../src/analysis/compare.js';
import { toComparisonJson } from '../src/analysis/comparison-json.js';
import { parseBaselineFile, parseResultFile } from '../src/contract/documents.js';
import { BUNDLE_FILES } from '../src/bundle/manifest.js';
import { parseManifest } from '../src/contract/documents.js';
import { copyActionWithoutNodeModules } from './support/action-process.js';
import {
  loadGitHubOpenApi,
  startGitHubServer,
  type GitHubServer,
} from './support/github-server.js';
import { runActionInProcess } from './support/in-process.js';
import { runBundledAction, type ActionRun } from './support/runner.js';

const OWNER = 'octo-org';
const REPO = 'octo-repo';
const PR = 21;
const HEAD_SHA = 'c0ffee0000000000000000000000000000000021';
const BASE_SHA = '6dcb09b5b57875f334f61aebed695e2e4193db5e';
const MEASURE_RUN_ID = '4242';
/** Small inputs: one cell, the smallest budget, no baseline; the fork's token cannot comment. */
const LEG = {
  'github-token': 'ghs_readOnlyForkToken',
  sizes: '48',
  threads: '1',
  'max-time': '1',
  baseline: 'none',
  comment: 'never',
};
/** Nothing may be downloaded in report mode: a registry that refuses every connection. */
const NO_REGISTRY = { registry: 'http://127.0.0.1:9/' };

/** The pull_request event of a pull request from a fork, as the measuring workflow gets it. */
function forkPullRequestEvent() {
  return {
    name: 'pull_request',
    payload: {
      action: 'synchronize',
      number: PR,
      pull_request: {
        number: PR,
        head: {
          ref: 'faster-kernels',
          sha: HEAD_SHA,
          repo: { full_name: `contributor/${REPO}`, fork: true },
        },
        base: { ref: 'main', sha: BASE_SHA },
      },
      repository: { name: REPO, full_name: `${OWNER}/${REPO}`, default_branch: 'main' },
    },
  };
}

/**
 * The `workflow_run` event of the measuring run's completion: GitHub's documented example of a
 * workflow run (from its OpenAPI description), pointed at that run. `pull_requests` is empty, as
 * GitHub sends it for a pull request from a fork.
 */
async function workflowRunEvent(pullRequests: unknown[] = []) {
  const doc = await loadGitHubOpenApi();
  const example = structuredClone(doc.components.examples?.['workflow-run']?.value) as Record<
    string,
    unknown
  >;
  assert.ok(example && typeof example === 'object', 'GitHub documents a workflow-run example');
  return {
    name: 'workflow_run',
    payload: {
      action: 'completed',
      workflow_run: {
        ...example,
        id: Number(MEASURE_RUN_ID),
        name: 'latency',
        event: 'pull_request',
        head_sha: HEAD_SHA,
        head_branch: 'faster-kernels',
        pull_requests: pullRequests,
        conclusion: 'success',
      },
      repository: { name: REPO, full_name: `${OWNER}/${REPO}`, default_branch: 'main' },
    },
  };
}

/** The environment of the report job: another workflow, on the default branch. */
const REPORT_ENV = {
  GITHUB_WORKFLOW: 'threadgate report',
  GITHUB_JOB: 'comment',
  GITHUB_RUN_ID: '9001',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_REF_NAME: 'main',
  GITHUB_HEAD_REF: '',
  GITHUB_SHA: BASE_SHA,
};

describe('report bundles and mode: report', () => {
  let server: GitHubServer;
  let dir: string;
  /** Where the report job downloaded the artifacts: one folder per artifact. */
  let artifacts: string;

  before(async () => {
    server = await startGitHubServer({ repos: [{ owner: OWNER, repo: REPO }] });
    dir = mkdtempSync(path.join(os.tmpdir(), 'threadgate-report-mode-'));
    artifacts = path.join(dir, 'artifacts');
    mkdirSync(artifacts);
  });
  after(async () => {
    await server.stop();
  });

  /**
   * A report step: in process, with provisioning and loading onnxruntime-node failing the test
   * if report mode reached them; `bundled` runs the bundle copied without node_modules instead.
   */
  const report = async (
    inputs: Record<string, string> = {},
    event?: { name: string; payload: unknown },
    env: NodeJS.ProcessEnv = REPORT_ENV,
    how: 'in-process' | 'bundled' = 'in-process',
  ) => {
    const opts = {
      inputs: {
        'github-token': 'ghs_reportToken',
        mode: 'report',
        'report-from': artifacts,
        ...NO_REGISTRY,
        ...inputs,
      },
      event: event ?? (await workflowRunEvent()),
      apiUrl: server.url,
      env,
    };
    if (how === 'bundled') {
      return runBundledAction({
        ...opts,
        actionDir: copyActionWithoutNodeModules(mkdtempSync(path.join(dir, 'action-'))),
      });
    }
    const measuring = () => assert.fail('report mode provisioned onnxruntime-node');
    return runActionInProcess({
      ...opts,
      ports: (p) => ({ ...p, provisionOrt: measuring, loadOrt: measuring }),
    });
  };

  it('two measuring legs with comment: never write bundles and post nothing', async () => {
    // The second leg names its report-dir (relative: in the workspace); the first takes the default.
    const legs: { os: string; inputs: Record<string, string> }[] = [
      { os: 'ubuntu-latest', inputs: {} },
      { os: 'ubuntu-24.04-arm', inputs: { 'report-dir': 'out/bundle' } },
    ];
    const runs = await Promise.all(
      legs.map((leg) =>
        runActionInProcess({
          inputs: { ...LEG, 'comment-key': JSON.stringify({ os: leg.os }), ...leg.inputs },
          event: forkPullRequestEvent(),
          apiUrl: server.url,
          env: { GITHUB_RUN_ID: MEASURE_RUN_ID },
        }),
      ),
    );
    for (const [i, run] of runs.entries()) {
      const os_ = legs[i]!.os;
      assert.equal(run.code, 0, run.stdout + run.stderr);
      const bundle = run.outputs['report-dir']!;
      assert.equal(
        bundle,
        i === 0
          ? path.join(run.dir, 'temp', 'threadgate', 'report')
          : path.join(run.dir, 'workspace', 'out', 'bundle'),
      );
      const manifest = parseManifest(
        readFileSync(path.join(bundle, BUNDLE_FILES.manifest), 'utf8'),
      );
      assert.equal(manifest.leg, `os=${os_}`);
      assert.equal(manifest.pullNumber, PR);
      assert.equal(manifest.headSha, HEAD_SHA);
      assert.equal(manifest.baseSha, BASE_SHA);
      assert.equal(manifest.runId, MEASURE_RUN_ID);
      assert.equal(manifest.repository, `${OWNER}/${REPO}`);
      assert.equal(manifest.workflow, 'latency');
      assert.equal(manifest.job, 'bench');
      assert.equal(manifest.comparison, false, 'baseline: none compares nothing');
      assert.equal(manifest.stickyKey, `latency / bench / os=${os_}`);
      assert.equal(existsSync(path.join(bundle, BUNDLE_FILES.comparison)), false);
      const results = JSON.parse(readFileSync(path.join(bundle, BUNDLE_FILES.results), 'utf8'));
      assert.deepEqual(results, JSON.parse(readFileSync(run.outputs['results-path']!, 'utf8')));
      // What actions/upload-artifact + download-artifact (no name) lay out: one folder each.
      cpSync(bundle, path.join(artifacts, `threadgate-${os_}`), { recursive: true });
    }
    assert.deepEqual(server.listComments(OWNER, REPO, PR), []);
    assert.deepEqual(server.violations, []);
  });

  it('workflow_run from a fork: a manifest PR number whose head is not the run head is refused', async () => {
    server.setPullRequest(OWNER, REPO, PR, {
      headSha: 'badbadbadbadbadbadbadbadbadbadbadbadbad0',
      headOwner: 'contributor',
    });
    const run = await report();
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(server.listComments(OWNER, REPO, PR), [], 'no comment on that pull request');
    assert.match(
      run.stdout,
      /::warning::not commenting on pull request #21, which the bundles name: its head is badbad\w+, not the head of the run that wrote them \(c0ffee\w+\)/,
    );
    const ops = server.requests.map((r) => r.operationId);
    assert.ok(ops.includes('pulls/get'), ops.join(' '));
    assert.ok(!ops.includes('issues/create-comment'));
    // The report is still written where it always is: the job summary and the outputs.
    assert.match(run.summary, /os=ubuntu-latest/);
    assert.equal(run.outputs['verdict'], 'no-baseline');
    assert.equal(run.outputs['comment-url'], undefined);
    assert.deepEqual(server.violations, []);
  });

  let first: ActionRun;
  it('workflow_run from a fork: one comment naming both legs, checked against GitHub, nothing measured', async () => {
    server.setPullRequest(OWNER, REPO, PR, { headSha: HEAD_SHA, headOwner: 'contributor' });
    // As a runner runs it: the bundle, without node_modules beside it.
    first = await report({}, undefined, REPORT_ENV, 'bundled');
    assert.equal(first.code, 0, first.stdout + first.stderr);
    const comments = server.listComments(OWNER, REPO, PR);
    assert.equal(comments.length, 1);
    const body = comments[0]!.body;
    assert.match(
      body,
      /^<!-- threadgate:sticky key="threadgate%20report%20\/%20comment%20\/%20report" -->/,
    );
    assert.match(body, /### ℹ️ threadgate: 2 legs measured, no baseline yet/);
    assert.match(body, /\| os=ubuntu-24\.04-arm \| .+ \| \d+ \| 1 \| .+ \| ℹ️ no-baseline \| – \|/);
    assert.match(body, /\| os=ubuntu-latest \| .+ \| \d+ \| 1 \| .+ \| ℹ️ no-baseline \| – \|/);
    assert.match(body, /### ℹ️ os=ubuntu-24\.04-arm: 1 thread recommended/);
    assert.match(body, /### ℹ️ os=ubuntu-latest: 1 thread recommended/);
    // Each leg links its own run, the triggering one.
    assert.match(
      body,
      new RegExp(
        `\\[run\\]\\(https://github.com/${OWNER}/${REPO}/actions/runs/${MEASURE_RUN_ID}\\)`,
      ),
    );
    assert.equal(
      first.outputs['comment-url'],
      `https://github.com/${OWNER}/${REPO}/pull/${PR}#issuecomment-${comments[0]!.id}`,
    );
    assert.equal(first.outputs['verdict'], 'no-baseline');
    assert.equal(first.outputs['recommended-threads'], '1', 'both legs recommend 1');
    assert.equal(first.outputs['max-slowdown'], '');
    assert.equal(first.outputs['report-dir'], undefined, 'report mode writes no bundle');
    assert.match(first.summary, /2 legs measured/);
    assert.match(
      first.stdout,
      /Commenting on pull request #21 \(named by the bundles; its head c0ffee\w+ is the triggering run's\)/,
    );
    assert.doesNotMatch(first.stdout, /onnxruntime|phase provision|Sweeping/i);
    assert.deepEqual(server.violations, []);
  });

  it('run again with a tampered bundle: edits the same comment, names the bundle rejected, lets no markup through', async () => {
    // A copy of a leg whose manifest a fork edited: markup in its label (valid: shown escaped),
    // and a second bundle with markup in a field that fails validation (rejected, reason escaped).
    const good = path.join(artifacts, 'threadgate-ubuntu-latest');
    const markupLeg = path.join(artifacts, 'threadgate-markup');
    cpSync(good, markupLeg, { recursive: true });
    const manifest = JSON.parse(readFileSync(path.join(good, BUNDLE_FILES.manifest), 'utf8'));
    writeFileSync(
      path.join(markupLeg, BUNDLE_FILES.manifest),
      JSON.stringify({
        ...manifest,
        leg: '<img src=x onerror=alert(1)> [click](https://evil.example) @maintainer <!-- threadgate:sticky key="x" -->',
        stickyKey: 'markup leg',
      }),
    );
    const tampered = path.join(artifacts, 'threadgate-tampered');
    cpSync(good, tampered, { recursive: true });
    writeFileSync(
      path.join(tampered, BUNDLE_FILES.manifest),
      JSON.stringify({ ...manifest, eventName: '<script>alert(1)</script>' }),
    );
    const results = JSON.parse(readFileSync(path.join(good, BUNDLE_FILES.results), 'utf8'));
    const numbers = path.join(artifacts, 'threadgate-numbers');
    cpSync(good, numbers, { recursive: true });
    results.workloads[0].points[0].medianNs = -1;
    writeFileSync(path.join(numbers, BUNDLE_FILES.results), JSON.stringify(results));

    const again = await report();
    assert.equal(again.code, 0, again.stdout + again.stderr);
    const comments = server.listComments(OWNER, REPO, PR);
    assert.equal(comments.length, 1, 'edited in place, not a second comment');
    assert.equal(again.outputs['comment-url'], first.outputs['comment-url']);
    assert.ok(server.requests.some((r) => r.operationId === 'issues/update-comment'));
    const body = comments[0]!.body;
    assert.match(
      body,
      /### ℹ️ threadgate: 3 legs measured, no baseline yet \(2 bundles rejected\)/,
    );
    assert.match(body, /2 report bundles rejected \(not reported\)/);
    assert.match(
      body,
      /- `threadgate-numbers`: results\.json: "workloads\\\[0\\\]\.points\\\[0\\\]\.medianNs" is number -1; expected a duration in ns greater than 0/,
    );
    assert.match(
      body,
      /- `threadgate-tampered`: threadgate-bundle\.json: "eventName" is the string "&lt;script&gt;alert\(1\)&lt;\/script&gt;"; expected an event name/,
    );
    assert.match(
      body,
      /&lt;img src=x onerror=alert\(1\)&gt; \\\[click\\\]\(https:\u200b\/\/evil\.example\) @\u200bmaintainer &lt;!-- threadgate:sticky key="x" --&gt;/,
    );
    // Nothing a bundle wrote comes through as markup: no tag, no link, no mention, one marker.
    assert.doesNotMatch(body, /<img|<script|\]\(https:\/\/evil|@maintainer/);
    assert.equal(body.match(/<!--/g)?.length, 1, 'only the real marker');
    for (const w of [
      /report bundle threadgate-numbers rejected/,
      /report bundle threadgate-tampered rejected/,
    ]) {
      assert.match(again.stdout, w);
    }
    assert.deepEqual(server.violations, []);
  });

  it('a matrix in one workflow: the final job on pull_request comments on its own pull request', async () => {
    // The legs' own workflow, a final job that `needs:` them (no workflow_run involved).
    const run = await report({}, forkPullRequestEvent(), {
      GITHUB_RUN_ID: MEASURE_RUN_ID,
      GITHUB_JOB: 'report',
    });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    // Another workflow and job than the workflow_run report: a sticky comment of its own.
    const comments = server.listComments(OWNER, REPO, PR);
    assert.equal(comments.length, 2);
    assert.match(comments[1]!.body, /threadgate: 3 legs measured/);
    assert.match(run.stdout, /Commenting on pull request #21 \(the pull_request event\)/);
    assert.deepEqual(server.violations, []);
  });

  it('a regression in one leg: the worst verdict; fails a pull_request job, not a workflow_run one', async () => {
    // A leg whose comparison regressed: the real results and comparison of the fixtures.
    const fixtures = path.join(import.meta.dirname, 'fixtures/baseline');
    const current = parseResultFile(
      readFileSync(path.join(fixtures, 'current-regressed.json'), 'utf8'),
      'current',
      'test',
    );
    const history = parseBaselineFile(
      readFileSync(path.join(fixtures, 'history-main.json'), 'utf8'),
      'history',
    );
    const comparison = compareResults(
      { document: history.document, source: 'file history-main.json', notes: [] },
      current,
    );
    assert.equal(comparison.kind, 'regression');
    const gated = path.join(dir, 'gated');
    cpSync(path.join(artifacts, 'threadgate-ubuntu-latest'), path.join(gated, 'threadgate-ok'), {
      recursive: true,
    });
    const leg = path.join(gated, 'threadgate-slow');
    mkdirSync(leg);
    const manifest = JSON.parse(
      readFileSync(path.join(gated, 'threadgate-ok', BUNDLE_FILES.manifest), 'utf8'),
    );
    writeFileSync(
      path.join(leg, BUNDLE_FILES.manifest),
      JSON.stringify({ ...manifest, leg: 'os=slow', stickyKey: 'slow', comparison: true }),
    );
    writeFileSync(path.join(leg, BUNDLE_FILES.results), JSON.stringify(current));
    writeFileSync(
      path.join(leg, BUNDLE_FILES.comparison),
      JSON.stringify(toComparisonJson(comparison)),
    );
    const slowdown = ((comparison as { maxSlowdown: number }).maxSlowdown * 100).toFixed(2);

    const onPr = await report({ 'report-from': gated, comment: 'never' }, forkPullRequestEvent(), {
      GITHUB_RUN_ID: MEASURE_RUN_ID,
      GITHUB_JOB: 'report',
    });
    assert.equal(onPr.code, 1, onPr.stdout);
    assert.match(onPr.stdout, /::error::threadgate: latency regression in 1 of 2 legs: os=slow/);
    assert.doesNotMatch(onPr.stdout, /error \(not a regression\)|internal error/);
    assert.equal(onPr.outputs['verdict'], 'regression');
    assert.equal(onPr.outputs['max-slowdown'], slowdown);
    // The fixture recommends 2 threads, the measured leg 1: they disagree, so no one number.
    assert.equal(current.recommendation.ompNumThreads, 2);
    assert.equal(onPr.outputs['recommended-threads'], '');
    assert.match(onPr.summary, /### ❌ threadgate: latency regression in 1 of 2 legs/);
    assert.match(onPr.summary, /\| os=slow \| .* \| ❌ regression \| \+\d+\.\d % \|/);

    // The label that accepted the slowdown in the measuring legs accepts it here too (the
    // outcome is decideOutcome's, with the same policy).
    const labelled = forkPullRequestEvent();
    (labelled.payload.pull_request as Record<string, unknown>)['labels'] = [
      { name: 'threadgate: accept' },
    ];
    const accepted = await report({ 'report-from': gated, comment: 'never' }, labelled, {
      GITHUB_RUN_ID: MEASURE_RUN_ID,
      GITHUB_JOB: 'report',
    });
    assert.equal(accepted.code, 0, accepted.stdout);
    assert.equal(accepted.outputs['verdict'], 'regression');
    assert.match(
      accepted.stdout,
      /::warning::threadgate: latency regression in 1 of 2 legs: os=slow \(not failing: accepted by the label "threadgate: accept"/,
    );

    const onRun = await report({ 'report-from': gated, comment: 'never' });
    assert.equal(onRun.code, 0, onRun.stdout);
    assert.equal(onRun.outputs['verdict'], 'regression');
    assert.deepEqual(server.violations, []);
  });

  it('report-from without any bundle is an error naming the input', async () => {
    const empty = mkdtempSync(path.join(dir, 'empty-'));
    const run = await report({ 'report-from': empty });
    assert.equal(run.code, 1);
    assert.match(
      run.stdout,
      /::error::threadgate: error \(not a regression\): report-from: no threadgate report bundle/,
    );
    const missing = await report({ 'report-from': path.join(dir, 'nope') });
    assert.match(
      missing.stdout,
      /::error::threadgate: error \(not a regression\): report-from: got ".*nope", which does not exist/,
    );
    const none = await report({ 'report-from': '' });
    assert.match(
      none.stdout,
      /::error::threadgate: error \(not a regression\): report-from: got ""; expected with `mode: report`/,
    );
  });
});
