/**
 * The data branch's page (src/report/history-page.ts) rendered in real headless Chromium: one
 * chart per cell, a point per run linked to its commit, change points marked, nothing loaded from
 * anywhere, and a hostile workload id shown as text. Writes the screenshot of docs/img/ when
 * THREADGATE_SCREENSHOTS=1.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { parseBaselineFile } from '../src/contract/documents.js';
import type { BaselineDocument } from '../src/contract/schema.js';
import { renderHistoryPage } from '../src/report/history-page.js';
import { ROOT } from './support/cli.js';
import { chromiumSkipReason, decodeHtml, renderHtmlFile } from './support/chromium.js';

const history = parseBaselineFile(
  readFileSync(path.join(ROOT, 'test/fixtures/baseline/history-main.json'), 'utf8'),
  'history-main.json',
).document;
const HOSTILE = '<img src=x onerror=alert(1)> "quoted" & <script>alert(2)</script>';

/** 24 runs of two cells with a +12 % step at run 16, each run with a commit sha. */
function stepped(): BaselineDocument {
  const base = history.runs[0]!;
  const runs = Array.from({ length: 24 }, (_, i) => ({
    createdAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
    sha: i.toString(16).padStart(2, '0').repeat(20),
    ref: 'main',
    workloads: [
      {
        id: HOSTILE,
        points: [1, 2].map((threads) => ({
          threads,
          medianNs:
            (threads === 1 ? 500_000 : 300_000) * (i >= 16 ? 1.12 : 1) * (1 + ((i * 13) % 7) / 300),
        })),
      },
    ],
  }));
  return { ...history, runs: runs.length ? runs : [base] };
}

describe('the history page in headless Chromium', { skip: chromiumSkipReason() }, () => {
  let dom = '';
  let png = '';
  const doc = stepped();
  before(async () => {
    const html = renderHistoryPage([doc, history], {
      repository: 'octo-org/octo-repo',
      serverUrl: 'https://github.com',
      changes: [[{ workload: HOSTILE, threads: 2, index: 16, ratio: 1.12 }], []],
      generatedAt: '2026-12-02T00:00:00.000Z',
    });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'threadgate-page-'));
    const file = path.join(dir, 'index.html');
    writeFileSync(file, html);
    png =
      process.env['THREADGATE_SCREENSHOTS'] === '1'
        ? path.join(ROOT, 'docs/img/history-page.png')
        : path.join(dir, 'page.png');
    dom = await renderHtmlFile(file, { screenshot: png, width: 1400, height: 900 });
  });

  it('draws one chart per cell and one linked point per run', () => {
    const figures = dom.match(/<figure>/g) ?? [];
    const cells = new Set(
      history.runs.flatMap((r) =>
        r.workloads.flatMap((w) => w.points.map((p) => `${w.id}@${p.threads}`)),
      ),
    );
    assert.equal(figures.length, 2 + cells.size);
    const first = dom.slice(dom.indexOf('<figure>'), dom.indexOf('</figure>'));
    assert.equal((first.match(/<circle /g) ?? []).length, doc.runs.length);
    assert.equal(
      (
        first.match(
          /<a href="https:\/\/github\.com\/octo-org\/octo-repo\/commit\/[0-9a-f]{40}">/g,
        ) ?? []
      ).length,
      doc.runs.length,
    );
  });

  it('marks the change point on its cell only', () => {
    const changes = dom.match(/<line class="change"/g) ?? [];
    assert.equal(changes.length, 1);
    assert.match(dom, /<text class="change-label"[^>]*>\+12\.0 %<\/text>/);
  });

  it('shows a hostile workload id as text, loads nothing and runs no script', () => {
    // Attribute values may hold the id's text (aria-label): look at the markup without them.
    const markup = dom.replace(/="[^"]*"/g, '=""');
    assert.ok(!/<script/i.test(markup), 'no script element');
    assert.ok(!/<img/i.test(markup), 'no injected element');
    assert.ok(!/<[a-z][^>]*\s(?:src|srcset)=/i.test(markup), 'nothing loaded');
    const caption = /<figcaption>([^<]*)<\/figcaption>/.exec(dom)?.[1] ?? '';
    assert.equal(decodeHtml(caption), `${HOSTILE} @ 1 thread`);
  });

  it('has a screenshot of it', () => {
    assert.ok(statSync(png).size > 10_000, png);
  });
});
