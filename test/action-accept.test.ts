/**
 * The bundled action on a pull request whose head commit carries `Threadgate-Accept: <reason>`
 * (issue 21, item 8): dist/index.js as a runner runs it, the workspace a real git checkout, the
 * GitHub API the local stand-in. A regression against a baseline twice as fast passes the step,
 * with the reason — neutralized — in the log, the comment and the summary.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Result } from '../src/results/types.js';
import { ROOT } from './support/cli.js';
import { startGitHubServer, type GitHubServer } from './support/github-server.js';
import { pullRequestEvent, runBundledAction } from './support/runner.js';

const OWNER = 'octo-org';
const REPO = 'octo-repo';
const COMMAND = `sh ${JSON.stringify(path.join(ROOT, 'test/fixtures/commands/fake_latency.sh'))}`;
const INPUTS = {
  command: COMMAND,
  metric: 'latency_ms=([0-9.]+)',
  threads: '1',
  'max-time': '8',
  'compare-ref': 'none',
};

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

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      PATH: process.env['PATH'],
      HOME: cwd,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'A',
      GIT_AUTHOR_EMAIL: 'a@example.com',
      GIT_COMMITTER_NAME: 'A',
      GIT_COMMITTER_EMAIL: 'a@example.com',
    },
  }).trim();
}

describe('the bundled action with a Threadgate-Accept trailer on the head commit', () => {
  let server: GitHubServer;
  before(async () => {
    server = await startGitHubServer({ repos: [{ owner: OWNER, repo: REPO }] });
  });
  after(async () => {
    await server.stop();
  });

  it('a regression passes the step, the reason shown and neutralized in the log, comment and summary', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'threadgate-accept-action-'));
    const workspace = path.join(dir, 'workspace');
    mkdirSync(workspace, { recursive: true });
    writeFileSync(path.join(workspace, 'latency.json'), JSON.stringify({ ms: 10 }));
    const one = await runBundledAction({
      dir,
      inputs: { ...INPUTS, baseline: 'none' },
      event: pullRequestEvent(21),
      apiUrl: server.url,
    });
    assert.equal(one.code, 0, one.stdout);
    const result = JSON.parse(readFileSync(one.outputs['results-path']!, 'utf8')) as Result;
    const baselineFile = path.join(dir, 'baseline.json');
    writeFileSync(baselineFile, JSON.stringify(scaled(result, 0.5)));

    // The head commit, as actions/checkout leaves it with fetch-depth: 2 or more.
    git(workspace, 'init', '-q');
    const message = path.join(dir, 'message.txt');
    writeFileSync(
      message,
      'Exact softmax\n\nTrades latency for accuracy.\n\n' +
        'Threadgate-Accept: exact softmax, +100 % <b>on purpose</b> @octocat \u001b[31m\u202Edone\n',
    );
    git(workspace, 'commit', '--allow-empty', '--cleanup=verbatim', '-q', '-F', message);
    const head = git(workspace, 'rev-parse', 'HEAD');
    const event = pullRequestEvent(21) as {
      name: string;
      payload: { pull_request: { head: { sha: string } } };
    };
    event.payload.pull_request.head.sha = head;

    const run = await runBundledAction({
      dir,
      inputs: { ...INPUTS, baseline: `file:${baselineFile}` },
      event,
      apiUrl: server.url,
    });
    assert.equal(run.code, 0, run.stdout);
    assert.equal(run.outputs['verdict'], 'regression', 'the verdict is what was measured');
    const by = `accepted by the commit trailer Threadgate-Accept on ${head.slice(0, 7)}`;
    const line = run.stdout.split('\n').find((l) => l.startsWith('::warning::threadgate: latency'));
    assert.ok(line?.includes(`(not failing: ${by}: exact softmax, +100 % <b>on purpose</b>`), line);
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(line!, /[\u001b\u202e]/u, 'no ANSI or bidi control reaches the log');
    const comment = server.listComments(OWNER, REPO, 21)[0]!.body;
    for (const body of [comment, run.summary]) {
      const note = body.split('\n').find((l) => l.startsWith('> Not failing the check:')) ?? '';
      assert.ok(note.includes(`${by}: exact softmax, +100 % &lt;b&gt;on purpose&lt;/b&gt;`), note);
      assert.ok(note.includes('@\u200boctocat'), 'no mention');
      // eslint-disable-next-line no-control-regex
      assert.doesNotMatch(note, /<b>|[\u001b\u202e]/u);
    }
    assert.deepEqual(server.violations, []);
  });
});
