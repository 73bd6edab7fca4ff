/**
 * A `Threadgate-Accept: <reason>` trailer on the pull request's head commit accepts an intended
 * slowdown (issue 21, item 8): read with real git from a real repository, its reason neutralized
 * (the commit's author wrote it) and shown; a missing commit is a note; no trailer still fails.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { readAcceptance, readAcceptTrailers } from '../src/action/accept.js';
import type { RunnerContext } from '../src/action/context.js';
import { compareResults } from '../src/analysis/compare.js';
import {
  ACCEPT_TRAILER,
  MAX_ACCEPT_REASON,
  acceptReason,
  decideOutcome,
} from '../src/analysis/outcome.js';
import { parseBaselineFile, parseResultFile } from '../src/contract/documents.js';
import { renderMarkdown } from '../src/report/markdown.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures/baseline');
const read = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const history = parseBaselineFile(read('history-main.json'), 'history-main.json').document;
const current = parseResultFile(read('current-regressed.json'), 'current-regressed.json', '');
const regressed = compareResults({ document: history, source: 'file h', notes: [] }, current);

/** Text a commit's author controls: markup, a mention, a link, ANSI, bidi and zero-width. */
const HOSTILE =
  'exact softmax <img src=x onerror=alert(1)> [docs](https://evil.example) @octocat **bold** ' +
  '\u001b[31mred\u001b[0m \u202Egnp.exe\u202C zero\u200bwidth\u0007';

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

/** A commit with `message` (verbatim: git keeps every byte), its sha. */
function commit(repo: string, message: string): string {
  const file = path.join(repo, '..', `msg-${Math.random().toString(36).slice(2)}`);
  writeFileSync(file, message);
  git(repo, 'commit', '--allow-empty', '--cleanup=verbatim', '-q', '-F', file);
  return git(repo, 'rev-parse', 'HEAD');
}

const context = (workspace: string, headSha: string | null, labels: string[] = []) =>
  ({
    eventName: 'pull_request',
    workspace,
    headSha,
    labels,
  }) as unknown as RunnerContext;

describe('the Threadgate-Accept commit trailer', () => {
  let repo: string;
  let accepted: string;
  let hostile: string;
  let plain: string;

  before(() => {
    repo = path.join(mkdtempSync(path.join(os.tmpdir(), 'threadgate-accept-')), 'repo');
    execFileSync('git', ['init', '-q', repo]);
    plain = commit(repo, 'Faster softmax\n\nNo trailer here.\n');
    accepted = commit(
      repo,
      'Exact softmax\n\nTrades latency for accuracy.\n\n' +
        `${ACCEPT_TRAILER}: trades 8 % latency for an exact softmax\nSigned-off-by: A <a@example.com>\n`,
    );
    hostile = commit(repo, `Exact softmax\n\n${ACCEPT_TRAILER}: ${HOSTILE}\n`);
  });

  it('git parses the trailer of the head commit (any case of the key, folded lines unfolded)', async () => {
    assert.deepEqual(await readAcceptTrailers(repo, accepted), [
      'trades 8 % latency for an exact softmax',
    ]);
    assert.deepEqual(await readAcceptTrailers(repo, plain), []);
    const folded = commit(
      repo,
      `Subject\n\nthreadgate-accept: a reason\n  that goes on\n${ACCEPT_TRAILER}: another\n`,
    );
    assert.deepEqual(await readAcceptTrailers(repo, folded), ['a reason that goes on', 'another']);
  });

  it('accept-trailer: false leaves acceptance to the label: the trailer is not read', async () => {
    const off = await readAcceptance(context(repo, accepted), true, false);
    assert.deepEqual(off, { accepted: null, note: null });
    const outcome = decideOutcome(regressed, { failOnRegression: true, ...off });
    assert.equal(outcome.fail, true);
    const label = await readAcceptance(
      context(repo, accepted, ['threadgate: accept']),
      true,
      false,
    );
    assert.match(label.accepted!.by, /label/);
  });

  it('turns the regression into a pass, with the reason in the comment and the log line', async () => {
    const acceptance = await readAcceptance(context(repo, accepted), true);
    assert.equal(acceptance.note, null);
    const outcome = decideOutcome(regressed, { failOnRegression: true, ...acceptance });
    assert.equal(regressed.kind, 'regression');
    assert.deepEqual([outcome.verdict, outcome.fail], ['regression', false]);
    assert.equal(
      outcome.waived,
      `accepted by the commit trailer ${ACCEPT_TRAILER} on ${accepted.slice(0, 7)}: trades 8 % latency for an exact softmax`,
    );
    const md = renderMarkdown(current, regressed, { acceptHint: true, waived: outcome.waived! });
    assert.match(
      md,
      /> \[!NOTE\]\n> Not failing the check: accepted by the commit trailer Threadgate-Accept on [0-9a-f]{7}: trades 8 % latency for an exact softmax\./,
    );
  });

  it('a reason with markup and control characters is neutralized where it is shown', async () => {
    const { accepted: by } = await readAcceptance(context(repo, hostile), true);
    assert.ok(by);
    // No control or format character survives; runs of spaces are one.
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(by.reason, /[\u0000-\u001f\u007f\u202a-\u202e\u200b]|\s{2}/u);
    assert.match(by.reason, /^exact softmax <img src=x/);
    const outcome = decideOutcome(regressed, { failOnRegression: true, accepted: by });
    const md = renderMarkdown(current, regressed, { waived: outcome.waived! });
    const note = md.split('\n').find((l) => l.startsWith('> Not failing the check'))!;
    assert.ok(note.includes('&lt;img src=x onerror=alert(1)&gt;'), note);
    assert.ok(!note.includes('<img'), note);
    assert.ok(note.includes('\\[docs\\](https:\u200b//evil.example)'), note);
    assert.ok(note.includes('@\u200boctocat') && note.includes('\\*\\*bold\\*\\*'), note);
    // Capped: a long reason is cut, with an ellipsis.
    const long = acceptReason('x'.repeat(5000))!;
    assert.equal(long.length, MAX_ACCEPT_REASON);
    assert.ok(long.endsWith('…'));
    assert.equal(acceptReason(' \u0007\u200b\t '), null, 'nothing left: no acceptance');
  });

  it('no trailer, or a trailer with no reason: the regression still fails', async () => {
    const none = await readAcceptance(context(repo, plain), true);
    assert.deepEqual(none, { accepted: null, note: null });
    assert.equal(decideOutcome(regressed, { failOnRegression: true, ...none }).fail, true);
    const empty = commit(repo, `Subject\n\n${ACCEPT_TRAILER}: \u200b\u202e\n`);
    const blank = await readAcceptance(context(repo, empty), true);
    assert.equal(blank.accepted, null);
    assert.equal(decideOutcome(regressed, { failOnRegression: true, ...blank }).fail, true);
  });

  it('a head commit missing from the checkout is a note, not an error, and the regression fails', async () => {
    const missing = 'ffac537e6cbbf934b08745a378932722df287a53';
    const acceptance = await readAcceptance(context(repo, missing), true);
    assert.equal(acceptance.accepted, null);
    assert.match(
      acceptance.note ?? '',
      /^the pull request's head commit ffac537 could not be read for a Threadgate-Accept trailer \(.*bad object.*\); a shallow checkout lacks it: actions\/checkout with fetch-depth: 2 has it$/,
    );
    assert.equal(decideOutcome(regressed, { failOnRegression: true, ...acceptance }).fail, true);
    const md = renderMarkdown(current, regressed, {
      acceptHint: true,
      acceptNote: acceptance.note!,
    });
    assert.match(md, /the trailer `Threadgate-Accept: <reason>`, and re-run the job/);
    assert.match(md, /\(The trailer could not be read: the pull request's head commit ffac537 /);
  });

  it('the label needs no git; nothing is read without a regression or outside a pull request', async () => {
    const nowhere = path.join(repo, 'no-such-dir');
    const label = await readAcceptance(context(nowhere, accepted, ['threadgate: accept']), true);
    assert.match(label.accepted?.by ?? '', /the label "threadgate: accept"/);
    assert.equal(label.note, null);
    assert.deepEqual(await readAcceptance(context(nowhere, accepted), false), {
      accepted: null,
      note: null,
    });
    const push = { ...context(nowhere, accepted), eventName: 'push' } as RunnerContext;
    assert.deepEqual(await readAcceptance(push, true), { accepted: null, note: null });
  });
});
