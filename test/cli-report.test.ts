/**
 * `threadgate report` as a real process of the built CLI: the markdown of the PR comment from a
 * results file, with a baseline or with a comparison file written by `threadgate compare --json`
 * (validated as hostile data: tampered files are refused, their strings escaped), and the
 * per-command help texts.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { ComparisonJson } from '../src/analysis/comparison-json.js';
import { BASELINE_ADD_OPTIONS, BASELINE_SHOW_OPTIONS } from '../src/cli/baseline.js';
import { COMPARE_OPTIONS } from '../src/cli/compare.js';
import { REPORT_OPTIONS } from '../src/cli/report.js';
import { SWEEP_OPTIONS } from '../src/cli/sweep.js';
import { runCli, type RunOutput } from './support/cli.js';
import { setUpFile } from './support/hooks.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures/baseline');
const fx = (name: string) => path.join(FIXTURES, name);

let dir: string;
/** `threadgate compare --json` of the regressed run against the fixture history. */
let comparisonPath: string;
let comparison: ComparisonJson;
setUpFile(
  async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'threadgate-report-'));
    comparisonPath = path.join(dir, 'comparison.json');
    const out = await runCli([
      'compare',
      '--baseline',
      fx('history-main.json'),
      '--current',
      fx('current-regressed.json'),
      '--json',
      comparisonPath,
    ]);
    assert.equal(out.code, 1, out.stderr);
    comparison = JSON.parse(await readFile(comparisonPath, 'utf8')) as ComparisonJson;
  },
  () => rm(dir, { recursive: true, force: true }),
);

function assertUsageError(out: RunOutput, pattern: RegExp): void {
  assert.equal(out.code, 2, `exit 2; stdout: ${out.stdout.slice(0, 300)}; stderr: ${out.stderr}`);
  assert.match(out.stderr, /^threadgate: error: /);
  assert.match(out.stderr, pattern);
  assert.doesNotMatch(out.stderr, /\n\s+at /, 'no stack trace');
  assert.equal(out.stderr.trim().split('\n').length, 1, out.stderr);
}

const TABLE_HEADER = '| threads | baseline | this run | Δ | CI of Δ | p (Holm) | gate | |';

describe('threadgate report', () => {
  it('--baseline: the comment’s markdown with the verdict and the comparison table', async () => {
    const out = await runCli([
      'report',
      '--current',
      fx('current-regressed.json'),
      '--baseline',
      fx('history-main.json'),
      '--title',
      'linux-x64',
      '--run-url',
      'https://gitlab.example.com/group/project/-/jobs/42',
    ]);
    assert.equal(out.code, 0, out.stderr);
    const md = out.stdout;
    assert.match(md, /^### ❌ linux-x64: latency regression: \+50\.0 % at 1 thread/);
    assert.ok(md.includes(TABLE_HEADER), md);
    assert.match(md, /^\| 1 \| 609\.5 µs \| 914\.2 µs \| \+50\.0 % \|/m);
    assert.match(md, /^#### MatMul 1×4096×4096 float32$/m);
    assert.match(md, /```mermaid\n[\s\S]*xychart-beta/);
    assert.match(md, /Baseline: file \S+history-main\.json \(6 runs of history/);
    assert.match(
      md,
      /· stored baseline · \[run\]\(https:\/\/gitlab\.example\.com\/group\/project\/-\/jobs\/42\)<\/sub>\n$/,
    );
  });

  it('--comparison FILE from threadgate compare --json renders the same report, to --out', async () => {
    const direct = await runCli([
      'report',
      '--current',
      fx('current-regressed.json'),
      '--baseline',
      fx('history-main.json'),
    ]);
    const out = path.join(dir, 'out/note.md');
    const viaFile = await runCli([
      'report',
      '--current',
      fx('current-regressed.json'),
      '--comparison',
      comparisonPath,
      '--out',
      out,
    ]);
    assert.equal(viaFile.code, 0, viaFile.stderr);
    assert.match(viaFile.stdout, /^Report written to \S+note\.md \(\d+ bytes\)\n$/);
    // The same report, but for what only the history itself shows: what it recommends and the
    // trend of its runs (a comparison file does not carry the history).
    const withoutHistory = direct.stdout
      .replace(/\*\*From the stored history:\*\*\n\n(?:- .*\n)+\n/, '')
      .replace(/<details><summary>Trend of [\s\S]*?<\/details>\n\n/, '');
    assert.notEqual(withoutHistory, direct.stdout, 'the history report has the history parts');
    assert.match(direct.stdout, /#### Trend\n/);
    assert.equal(await readFile(out, 'utf8'), withoutHistory);
  });

  it('without a baseline: the sweep and the recommendation, and how to get a baseline', async () => {
    const out = await runCli(['report', '--current', fx('current-same.json')]);
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stdout, /^### ℹ️ threadgate: 2 threads recommended/);
    assert.match(out.stdout, /threadgate baseline add --history FILE --result FILE/);
    assert.ok(out.stdout.includes('| threads | median | 95 % CI | GFLOP/s | speedup | |'));
    assert.ok(!out.stdout.includes(TABLE_HEADER));
  });

  it('a tampered comparison’s strings are escaped: no markup, links, HTML or mentions get through', async () => {
    const hostile = {
      ...comparison,
      baseline: {
        ...comparison.baseline!,
        source: '<!-- threadgate --> <img src=x onerror=alert(1)> [click](https://evil.example)',
        latestCreatedAt: '`x` **bold** | cell\n# heading',
      },
      notes: ['@maintainers look', '</details><script>alert(1)</script>'],
    };
    const file = path.join(dir, 'hostile.json');
    await writeFile(file, JSON.stringify(hostile));
    const out = await runCli([
      'report',
      '--current',
      fx('current-regressed.json'),
      '--comparison',
      file,
    ]);
    assert.equal(out.code, 0, out.stderr);
    const md = out.stdout;
    for (const raw of [
      '<!-- threadgate -->',
      '<img',
      '<script>',
      '**bold**',
      '\n# heading',
      '@maintainers',
    ]) {
      assert.ok(!md.includes(raw), `${JSON.stringify(raw)} must not reach the markdown`);
    }
    assert.doesNotMatch(md, /(?<!\\)\]\(https:\/\/evil/, 'no live link');
    assert.ok(
      md.includes(
        '&lt;!-- threadgate --&gt; &lt;img src=x onerror=alert(1)&gt; \\[click\\](https:\u200b//evil.example)',
      ),
    );
    assert.ok(md.includes('\\`x\\` \\*\\*bold\\*\\* \\| cell # heading'));
    assert.ok(md.includes('- Note: @\u200bmaintainers look'));
    assert.ok(md.includes('- Note: &lt;/details&gt;&lt;script&gt;alert(1)&lt;/script&gt;'));
  });

  const tampered: [string, (c: Record<string, unknown>) => unknown, RegExp][] = [
    [
      'a ratio that is not a number',
      (c) => ({ ...c, cells: [{ ...(c['cells'] as object[])[0], ratio: 'NaN' }] }),
      /"cells\[0\]\.ratio" is the string "NaN"; expected a finite number > 0/,
    ],
    [
      'an infinite median (1e999)',
      (c) => JSON.stringify(c).replace(/"currentMedianNs":[0-9.e+]+/, '"currentMedianNs":1e999'),
      /"cells\[0\]\.currentMedianNs" is number Infinity; expected a finite number > 0/,
    ],
    [
      'a regression verdict without a regressed cell',
      (c) => ({
        ...c,
        cells: (c['cells'] as Record<string, unknown>[]).map((x) => ({
          ...x,
          regression: false,
          status: 'pass',
        })),
      }),
      /"verdict" is the string "regression"; expected "pass", the verdict its cells give/,
    ],
    [
      'a forged maxSlowdown',
      (c) => ({ ...c, maxSlowdown: 0.01 }),
      /"maxSlowdown" is number 0\.01; expected the largest gated ratio − 1 of the cells/,
    ],
    [
      'another run’s comparison',
      (c) => ({
        ...c,
        current: { ...(c['current'] as object), createdAt: '2025-01-01T00:00:00.000Z' },
      }),
      /is the comparison of the run of "2025-01-01T00:00:00\.000Z" .*expected the comparison of the --current run, of 2025-06-10T14:30:00\.000Z/,
    ],
    [
      'not a comparison',
      () => ({ schemaVersion: 1, kind: 'threadgate-baseline' }),
      /is a baseline history \(threadgate baseline add\); expected a comparison file/,
    ],
    ['not JSON', () => '<html>', /is not valid JSON \(/],
  ];
  for (const [what, tamper, pattern] of tampered) {
    it(`refuses a comparison file with ${what}`, async () => {
      const file = path.join(dir, `tampered-${what.replace(/\W+/g, '-')}.json`);
      const value = tamper(comparison as unknown as Record<string, unknown>);
      await writeFile(file, typeof value === 'string' ? value : JSON.stringify(value));
      const out = await runCli([
        'report',
        '--current',
        fx('current-regressed.json'),
        '--comparison',
        file,
      ]);
      assertUsageError(out, new RegExp(`--comparison \\S+\\.json: .*${pattern.source}`));
      assert.equal(out.stdout, '', 'no report');
    });
  }

  const bad: [string, string[], RegExp][] = [
    ['no --current', [], /--current: missing; expected --current FILE/],
    [
      '--baseline with --comparison',
      [
        '--current',
        fx('current-same.json'),
        '--baseline',
        fx('history-main.json'),
        '--comparison',
        fx('x.json'),
      ],
      /--baseline and --comparison: given together; expected one of them/,
    ],
    [
      'a javascript: run URL',
      ['--current', fx('current-same.json'), '--run-url', 'javascript:alert(1)'],
      /--run-url: got "javascript:alert\(1\)"; expected an http or https URL/,
    ],
    [
      'a run URL that would end the link',
      ['--current', fx('current-same.json'), '--run-url', 'https://x.example/a) [y](https://evil'],
      /--run-url: got "https:\/\/x\.example\/a\) \[y\]\(https:\/\/evil"; expected an http or https URL without spaces/,
    ],
    [
      'an empty title',
      ['--current', fx('current-same.json'), '--title', ''],
      /--title: got ""; expected a value/,
    ],
    [
      'an unknown flag',
      ['--current', fx('current-same.json'), '--format', 'html'],
      /--format: unknown option for "threadgate report"; expected one of --current, --baseline, --comparison, --out/,
    ],
    [
      'a baseline history as --current',
      ['--current', fx('history-main.json')],
      /--current \S+history-main\.json: is a baseline history \(threadgate baseline add\); expected a results file/,
    ],
    [
      'a missing baseline',
      ['--current', fx('current-same.json'), '--baseline', path.join(FIXTURES, 'none.json')],
      /--baseline \S+none\.json: file not found/,
    ],
  ];
  for (const [what, args, pattern] of bad) {
    it(`rejects ${what}`, async () => {
      assertUsageError(await runCli(['report', ...args]), pattern);
    });
  }
});

describe('help', () => {
  const commands: [string[], Record<string, unknown>][] = [
    [['sweep'], SWEEP_OPTIONS],
    [['compare'], COMPARE_OPTIONS],
    [['baseline', 'add'], BASELINE_ADD_OPTIONS],
    [['baseline', 'show'], BASELINE_SHOW_OPTIONS],
    [['report'], REPORT_OPTIONS],
  ];
  for (const [command, options] of commands) {
    it(`threadgate ${command.join(' ')} --help describes every one of its options`, async () => {
      const out = await runCli([...command, '--help']);
      assert.equal(out.code, 0, out.stderr);
      assert.match(out.stdout, new RegExp(`^threadgate ${command[0]} — `));
      assert.match(out.stdout, /Exit codes: 0 /);
      for (const name of Object.keys(options)) {
        const short = (options[name] as { short?: string }).short;
        const flag = short === undefined ? `--${name}` : `-${short}, --${name}`;
        assert.match(out.stdout, new RegExp(`^ +${flag}\\b`, 'm'), `${flag} is described`);
      }
    });
  }

  it('threadgate --help lists every command', async () => {
    const out = await runCli(['--help']);
    assert.equal(out.code, 0);
    for (const c of ['sweep', 'compare', 'baseline add', 'baseline show', 'report']) {
      assert.match(out.stdout, new RegExp(`^ {2}threadgate ${c} `, 'm'));
    }
    assert.match(out.stdout, /threadgate COMMAND --help/);
  });
});
