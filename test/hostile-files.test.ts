/**
 * Issue 18's hostile files, against the real CLI and the action (in process, and the bundle as a
 * runner runs it where the process's own environment is the target):
 * what a pull request can commit — a link out of the checkout, a special file, a document that is
 * valid JSON but not a valid threadgate document, a command printing absurd numbers, invisible
 * characters — ends in a clear error naming the input (exit 2, or the action's error after its
 * summary), never in a hang, a crash, a quoted secret or a file threadgate cannot read back.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseManifest, parseResultFile } from '../src/contract/documents.js';
import { escapeMarkdown, plainText } from '../src/report/text.js';
import { ROOT, runCli } from './support/cli.js';
import { runActionInProcess } from './support/in-process.js';
import { pullRequestEvent, runBundledAction } from './support/runner.js';

const FIXTURES = path.join(ROOT, 'test/fixtures/baseline');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const QUICK = {
  'github-token': 'ghs_test',
  sizes: '48',
  threads: '1',
  'max-time': '2',
  comment: 'never',
};
const SECRET = 'SUPERSECRETVALUE-0123456789';

/** A results file with one change made to its JSON. */
function editedResult(edit: (r: Record<string, unknown>) => void): string {
  const r = JSON.parse(fixture('current-same.json')) as Record<string, unknown>;
  edit(r);
  return JSON.stringify(r);
}

function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'threadgate-hostile-'));
}

describe('a file: baseline the pull request committed as a link out of the workspace', () => {
  for (const [what, target] of [
    ['a secret file', 'secret'],
    ['/proc/self/environ', '/proc/self/environ'],
  ] as const) {
    it(`${what}: refused without quoting it; results and summary still written`, async () => {
      const dir = tempDir();
      mkdirSync(path.join(dir, 'workspace'), { recursive: true });
      const secret = path.join(dir, 'secret.txt');
      writeFileSync(secret, `${SECRET}\n`);
      symlinkSync(
        target === 'secret' ? secret : target,
        path.join(dir, 'workspace', 'baseline.json'),
      );
      // The link to /proc/self/environ as a runner runs the bundle: the process's own
      // environment holds the marker. The link to a file: in process.
      const run = await (target === 'secret' ? runActionInProcess : runBundledAction)({
        dir,
        inputs: { ...QUICK, baseline: 'file:baseline.json' },
        event: pullRequestEvent(41),
        apiUrl: 'http://127.0.0.1:9',
        env: { THREADGATE_TEST_MARKER: SECRET },
      });
      assert.equal(run.code, 1, run.stdout);
      assert.match(
        run.stdout,
        /::error::threadgate: error \(not a regression\): baseline \S*baseline\.json: is a symbolic link \(or lies under one\) that leads outside the workspace/,
      );
      assert.ok(run.outputs['results-path'], 'the results file is written first');
      assert.match(run.summary, /leads outside the workspace/);
      for (const text of [run.stdout, run.stderr, run.summary]) {
        assert.ok(!text.includes(SECRET.slice(0, 10)), 'no part of the target is quoted');
        assert.ok(!text.includes(secret), 'the target path is not named');
      }
    });
  }
});

describe('a committed file: baseline that is JSON but not a valid history', () => {
  for (const [what, edit, pattern] of [
    [
      'machine: {}',
      (h: Record<string, unknown>) => (h['machine'] = {}),
      /is missing the field "machine\.os"/,
    ],
    [
      'cpuModel: 42',
      (h: Record<string, unknown>) => ((h['machine'] as Record<string, unknown>)['cpuModel'] = 42),
      /"machine\.cpuModel" is number 42; expected a string/,
    ],
  ] as const) {
    it(`${what}: a clear error after the summary, not an internal one`, async () => {
      const dir = tempDir();
      mkdirSync(path.join(dir, 'workspace'), { recursive: true });
      const history = JSON.parse(fixture('history-main.json')) as Record<string, unknown>;
      edit(history);
      writeFileSync(path.join(dir, 'workspace', 'baseline.json'), JSON.stringify(history));
      const run = await runActionInProcess({
        dir,
        inputs: { ...QUICK, baseline: 'file:baseline.json' },
        event: pullRequestEvent(42),
        apiUrl: 'http://127.0.0.1:9',
      });
      assert.equal(run.code, 1, run.stdout);
      assert.match(run.stdout, /::error::threadgate: error \(not a regression\): baseline /);
      assert.match(run.stdout, pattern);
      assert.doesNotMatch(
        run.stdout + run.stderr,
        /Cannot read properties|internal error|TypeError/,
      );
      assert.match(run.summary, /no stored baseline: baseline /, 'the summary is written');
    });
  }
});

describe('the CLI on special files and documents the contract refuses', () => {
  it('report --comparison /dev/zero and a FIFO end at once with exit 2', async () => {
    const dir = tempDir();
    const fifo = path.join(dir, 'fifo.json');
    execFileSync('mkfifo', [fifo]);
    const current = path.join(FIXTURES, 'current-same.json');
    const started = Date.now();
    const zero = await runCli(['report', '--current', current, '--comparison', '/dev/zero'], {
      timeoutMs: 20_000,
    });
    assert.equal(zero.code, 2, zero.stderr);
    assert.match(zero.stderr, /--comparison \/dev\/zero: is not a regular file/);
    const fromFifo = await runCli(['report', '--current', fifo], { timeoutMs: 20_000 });
    assert.equal(fromFifo.code, 2, fromFifo.stderr);
    assert.match(fromFifo.stderr, /--current \S*fifo\.json: is not a regular file/);
    assert.ok(Date.now() - started < 15_000, 'neither read forever');
  });

  for (const [what, text, pattern] of [
    [
      'no settings',
      editedResult((r) => delete r['settings']),
      /--current \S+: is missing the field "settings"/,
    ],
    [
      'a point without ci95Ns',
      editedResult((r) => {
        const w = (r['workloads'] as { points: Record<string, unknown>[] }[])[0]!;
        delete w.points[0]!['ci95Ns'];
      }),
      /--current \S+: is missing the field "workloads\[0\]\.points\[0\]\.ci95Ns"/,
    ],
    [
      'a recommended count it did not measure',
      editedResult((r) => {
        const w = (r['workloads'] as { recommended: { threads: number } }[])[0]!;
        w.recommended.threads = 999;
      }),
      /"workloads\[0\]\.recommended\.threads" is number 999; expected one of the measured thread counts/,
    ],
  ] as const) {
    it(`report --current with ${what}: exit 2 naming the field`, async () => {
      const file = path.join(tempDir(), 'r.json');
      writeFileSync(file, text);
      const out = await runCli(['report', '--current', file]);
      assert.equal(out.code, 2, out.stderr);
      assert.match(out.stderr, pattern);
      assert.doesNotMatch(out.stderr, /internal error|at .*\.js:\d+/);
    });
  }

  it('compare --baseline with cpuModel 42: exit 2 naming the field', async () => {
    const file = path.join(tempDir(), 'b.json');
    const history = JSON.parse(fixture('history-main.json')) as {
      machine: Record<string, unknown>;
    };
    history.machine['cpuModel'] = 42;
    writeFileSync(file, JSON.stringify(history));
    const out = await runCli([
      'compare',
      '--baseline',
      file,
      '--current',
      path.join(FIXTURES, 'current-same.json'),
    ]);
    assert.equal(out.code, 2, out.stderr);
    assert.match(out.stderr, /"machine\.cpuModel" is number 42; expected a string/);
  });
});

describe('numbers are checked at their source', () => {
  for (const value of ['1e308', '1e300']) {
    it(`a command printing ${value} s is refused as it is measured, naming the value`, async () => {
      const dir = tempDir();
      const json = path.join(dir, 'r.json');
      const out = await runCli(
        [
          'sweep',
          '--command',
          `node -e "console.log('latency ${value}')"`,
          '--metric',
          'latency ([0-9.e+]+)',
          '--metric-unit',
          's',
          '--threads',
          '1',
          '--max-time',
          '5',
          '--json',
          json,
        ],
        { timeoutMs: 60_000 },
      );
      assert.equal(out.code, 2, out.stderr);
      assert.match(
        out.stderr,
        new RegExp(`captured "${value.replace('+', '\\+')}" s, which is over 1000000000000000 ns`),
      );
      assert.doesNotMatch(out.stderr, /internal error|must be a finite number/);
    });
  }
});

describe('invisible characters', () => {
  const hidden = ['\u061c', '\u2060', '\u200b', '\u00ad', '\u202e', '\ufeff', '\ud800'];

  it('plainText and escapeMarkdown drop every format character (U+061C and U+2060 too)', () => {
    for (const c of hidden) {
      assert.equal(plainText(`a${c}b`), 'ab', JSON.stringify(c));
      assert.equal(escapeMarkdown(`a${c}b`), 'ab', JSON.stringify(c));
    }
    // What is not hidden stays: letters of any script, emoji, a paired surrogate.
    assert.equal(plainText('ünïcødé 数 😀'), 'ünïcødé 数 😀');
  });

  it('a bundle manifest holding one is refused', () => {
    const manifest = JSON.parse(
      readFileSync(path.join(ROOT, 'test/fixtures/baseline/current-same.json'), 'utf8'),
    ) as unknown;
    assert.ok(manifest);
    const good = {
      schemaVersion: 1,
      kind: 'threadgate-report-bundle',
      tool: { name: 'threadgate', version: '0.1.0' },
      leg: 'linux',
      stickyKey: 'k',
      repository: 'o/r',
      eventName: 'pull_request',
      pullNumber: 1,
      headSha: null,
      baseSha: null,
      workflow: 'w',
      job: 'j',
      runId: '1',
      runAttempt: '1',
      createdAt: '2026-01-01T00:00:00.000Z',
      comparison: false,
    };
    assert.equal(parseManifest(JSON.stringify(good)).leg, 'linux');
    for (const c of hidden.slice(0, 2)) {
      assert.throws(
        () => parseManifest(JSON.stringify({ ...good, leg: `linux${c}` })),
        /"leg" is the string .*; expected a string of 1 to 300 printable characters/,
      );
    }
  });

  it('a results file written by threadgate reads back whole (what passes renders)', () => {
    const r = parseResultFile(fixture('current-same.json'), 'current-same.json', '--current');
    assert.ok(r.workloads.length > 0 && r.settings && r.recommendation);
  });
});
