/**
 * decideOutcome (src/analysis/outcome.ts): the one place a verdict becomes a failure. Real
 * comparisons from the fixtures' history; every policy that waives a regression says why.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { compareResults } from '../src/analysis/compare.js';
import { ACCEPT_LABEL, acceptanceFromLabels, decideOutcome } from '../src/analysis/outcome.js';
import { parseBaselineFile, parseResultFile } from '../src/contract/documents.js';
import { renderMarkdown } from '../src/report/markdown.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures/baseline');
const read = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const history = parseBaselineFile(read('history-main.json'), 'history-main.json').document;
const loaded = { document: history, source: 'file h', notes: [] };
const result = (name: string) => parseResultFile(read(name), name, '');
const regressed = compareResults(loaded, result('current-regressed.json'));
const same = compareResults(loaded, result('current-same.json'));
const none = compareResults(null, result('current-same.json'));

describe('decideOutcome', () => {
  it('fails a regression, and only a regression', () => {
    assert.equal(regressed.kind, 'regression');
    const out = decideOutcome(regressed, { failOnRegression: true });
    assert.deepEqual([out.verdict, out.fail, out.waived], ['regression', true, null]);
    assert.match(
      out.message,
      /^threadgate: latency regression: matmul:\S+ at \d+ threads? is \+[\d.]+ % slower \(/,
    );
    for (const c of [same, none, null]) {
      const o = decideOutcome(c, { failOnRegression: true });
      assert.equal(o.fail, false, o.verdict);
      assert.equal(o.waived, null);
    }
    assert.equal(decideOutcome(same, { failOnRegression: true }).verdict, same.kind);
    assert.match(
      decideOutcome(none, { failOnRegression: true }).message,
      /^threadgate: no baseline/,
    );
  });

  it('waives a regression for fail-on-regression false, a non-gating run, or an acceptance — saying which', () => {
    const cases = [
      [{ failOnRegression: false }, /fail-on-regression is false/],
      [
        { failOnRegression: true, notGating: 'a run on the default branch records the baseline' },
        /default branch/,
      ],
      [
        { failOnRegression: true, accepted: acceptanceFromLabels(['bug', 'Threadgate: Accept']) },
        /accepted by the label "threadgate: accept"/,
      ],
    ] as const;
    for (const [policy, why] of cases) {
      const o = decideOutcome(regressed, policy);
      assert.equal(o.fail, false);
      assert.equal(o.verdict, 'regression', 'the verdict stays what was measured');
      assert.match(o.waived ?? '', why);
    }
    assert.equal(acceptanceFromLabels(['accept', 'threadgate']), null);
  });

  it('the comment says how to accept, and shows an acceptance', () => {
    const current = result('current-regressed.json');
    const hint = renderMarkdown(current, regressed, { acceptHint: true });
    assert.ok(hint.includes(`add the label \`${ACCEPT_LABEL}\``));
    assert.ok(
      !renderMarkdown(current, regressed, {}).includes(ACCEPT_LABEL),
      'no hint outside a pull request',
    );
    const waived = decideOutcome(regressed, {
      failOnRegression: true,
      accepted: acceptanceFromLabels([ACCEPT_LABEL]),
    });
    const shown = renderMarkdown(current, regressed, { acceptHint: true, waived: waived.waived! });
    assert.match(
      shown,
      /> \[!NOTE\]\n> Not failing the check: accepted by the label "threadgate: accept"/,
    );
  });
});
