/**
 * The CLI's conventions (issue 21, items 2 and 6), as real processes of the built CLI: a
 * same-job sweep's comparison reported by `threadgate report`, `-` for standard output, help,
 * short flags, suggestions for a mistyped flag or command, colour, and usage with no arguments.
 */
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { ComparisonJson } from '../src/analysis/comparison-json.js';
import { BASELINE_ADD_OPTIONS, BASELINE_SHOW_OPTIONS } from '../src/cli/baseline.js';
import { colourEnabled } from '../src/cli/colour.js';
import { COMPARE_OPTIONS } from '../src/cli/compare.js';
import { REPORT_OPTIONS } from '../src/cli/report.js';
import { SWEEP_OPTIONS } from '../src/cli/sweep.js';
import type { Result } from '../src/results/types.js';
import { plainEnv, runCli } from './support/cli.js';
import { schemaErrors } from './support/schema.js';
import { setUpFile } from './support/hooks.js';

const MODEL = path.join(import.meta.dirname, 'fixtures/models/mlp.onnx');
const FIXTURES = path.join(import.meta.dirname, 'fixtures/baseline');
const fx = (name: string) => path.join(FIXTURES, name);
/** compare of these two exits 1: a regression. */
const REGRESSED = ['-b', fx('history-main.json'), '-c', fx('current-regressed.json')];

let dir: string;
setUpFile(
  async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'threadgate-conventions-'));
  },
  () => rm(dir, { recursive: true, force: true }),
);

describe('the README’s same-job flow ends with a report', () => {
  it('sweep --baseline-model … --json r.json --comparison-json c.json, then report --comparison c.json: exit 0, the same-job verdict', async () => {
    const base = path.join(dir, 'model-main.onnx');
    await copyFile(MODEL, base);
    const results = path.join(dir, 'sj-results.json');
    const comparison = path.join(dir, 'sj-comparison.json');
    const sweep = await runCli([
      'sweep',
      '--model',
      MODEL,
      '--baseline-model',
      base,
      '--input-shape',
      'x=8x512',
      '--threads',
      '1,2',
      '--max-time',
      '3',
      '--seed',
      '4',
      '--quiet',
      '--json',
      results,
      '--comparison-json',
      comparison,
    ]);
    assert.ok(sweep.code === 0 || sweep.code === 1, `a verdict, not an error: ${sweep.stderr}`);
    const report = await runCli(['report', '--current', results, '--comparison', comparison]);
    assert.equal(report.code, 0, report.stderr);
    assert.match(report.stdout, /\*\*Gate:\*\* the base measured in this job \(model /);
    assert.match(report.stdout, /baseline measured in the same job, interleaved/);
    const c = JSON.parse(await readFile(comparison, 'utf8')) as ComparisonJson;
    const r = JSON.parse(await readFile(results, 'utf8')) as Result;
    assert.equal(c.current.createdAt, r.createdAt, 'one run, one time stamp');
  });

  it('the stored flow still works: compare --json c.json, then report --comparison c.json', async () => {
    const comparison = path.join(dir, 'stored-comparison.json');
    const compare = await runCli([
      'compare',
      '--baseline',
      fx('history-main.json'),
      '--current',
      fx('current-regressed.json'),
      '--json',
      comparison,
    ]);
    assert.equal(compare.code, 1, compare.stderr);
    const report = await runCli([
      'report',
      '--current',
      fx('current-regressed.json'),
      '--comparison',
      comparison,
    ]);
    assert.equal(report.code, 0, report.stderr);
    assert.match(report.stdout, /regression/i);
  });
});

describe('- is standard output', () => {
  it('compare --json -: standard output is the comparison JSON only, the table goes to standard error', async () => {
    const out = await runCli(['compare', ...REGRESSED, '--json', '-'], { cwd: dir });
    assert.equal(out.code, 1, out.stderr);
    const c = JSON.parse(out.stdout) as ComparisonJson;
    assert.equal(c.verdict, 'regression');
    assert.deepEqual(schemaErrors('comparison.schema.json', c), []);
    assert.match(out.stderr, /^REGRESSION: /m);
    assert.equal(existsSync(path.join(dir, '-')), false, 'no file named "-"');
    // And it is a comparison report takes.
    const file = path.join(dir, 'from-stdout.json');
    await writeFile(file, out.stdout);
    const report = await runCli([
      'report',
      '-c',
      fx('current-regressed.json'),
      '--comparison',
      file,
    ]);
    assert.equal(report.code, 0, report.stderr);
  });

  it('sweep -j -: standard output is the results JSON only; the table and the recommendation go to standard error', async () => {
    const out = await runCli(
      ['sweep', '--sizes', '32', '-t', '1', '--max-time', '1', '-q', '-j', '-', '--seed', '2'],
      { cwd: dir },
    );
    assert.equal(out.code, 0, out.stderr);
    const r = JSON.parse(out.stdout) as Result;
    assert.deepEqual(schemaErrors('results.schema.json', r), []);
    assert.match(out.stderr, /^Recommendation: 1 thread/m);
    assert.doesNotMatch(out.stderr, /^threadgate: (warmup|open|round|done)/m, '-q: no progress');
    assert.equal(existsSync(path.join(dir, '-')), false, 'no file named "-"');
  });

  it('sweep --json - --comparison-json -: refused before measuring (one document per stream)', async () => {
    const out = await runCli([
      'sweep',
      '--model',
      MODEL,
      '--baseline-model',
      MODEL,
      '--json',
      '-',
      '--comparison-json',
      '-',
    ]);
    assert.equal(out.code, 2);
    assert.match(
      out.stderr,
      /^threadgate: error: --json and --comparison-json: both "-"; expected at most one of them on standard output/,
    );
    assert.equal(out.stdout, '');
  });

  it('report -o - writes the markdown to standard output', async () => {
    const out = await runCli(['report', '-c', fx('current-regressed.json'), '-o', '-'], {
      cwd: dir,
    });
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stdout, /^### /);
    assert.equal(existsSync(path.join(dir, '-')), false, 'no file named "-"');
  });
});

describe('help and usage', () => {
  for (const command of ['sweep', 'compare', 'baseline', 'report', 'worker-path']) {
    it(`threadgate help ${command} is threadgate ${command} --help (and -h)`, async () => {
      const [help, long, short] = await Promise.all([
        runCli(['help', command]),
        runCli([command, '--help']),
        runCli([command, '-h']),
      ]);
      assert.equal(help.code, 0, help.stderr);
      assert.match(help.stdout, new RegExp(`^threadgate ${command} — `));
      assert.equal(help.stdout, long.stdout);
      assert.equal(help.stdout, short.stdout);
    });
  }

  it('no arguments: the usage on standard error, exit 2; --help: on standard output, exit 0', async () => {
    const none = await runCli([]);
    assert.equal(none.code, 2);
    assert.equal(none.stdout, '');
    assert.match(none.stderr, /^Usage:$/m);
    for (const args of [['--help'], ['-h'], ['help']]) {
      const help = await runCli(args);
      assert.equal(help.code, 0, args.join(' '));
      assert.equal(help.stderr, '');
      assert.equal(help.stdout, none.stderr, args.join(' '));
    }
  });

  it('an unknown command is an error with a suggestion', async () => {
    for (const [args, pattern] of [
      [['swep'], /^threadgate: error: unknown command "swep"; did you mean "sweep"\? /],
      [
        ['help', 'reprot'],
        /^threadgate: error: unknown command "reprot"; did you mean "report"\? /,
      ],
      [
        ['launch'],
        /^threadgate: error: unknown command "launch"; expected one of sweep, compare, /,
      ],
    ] as const) {
      const out = await runCli(args);
      assert.equal(out.code, 2, args.join(' '));
      assert.match(out.stderr, pattern);
      assert.equal(out.stderr.trim().split('\n').length, 1, out.stderr);
      assert.equal(out.stdout, '');
    }
  });
});

describe('flags', () => {
  it('a mistyped flag gets the closest one, not the list of all of them', async () => {
    for (const [args, pattern] of [
      [
        ['sweep', '--thread', '2'],
        /--thread: unknown option for "threadgate sweep"; did you mean --threads\?/,
      ],
      [['sweep', '--max', '5'], /--max: unknown option .*; did you mean --max-time\?/],
      [['sweep', '--comparsion-json', 'c.json'], /did you mean --comparison-json\?/],
      [['compare', '--treshold', '10'], /did you mean --threshold\?/],
      [['report', '--curent', 'r.json'], /did you mean --current\?/],
      [
        ['sweep', '--frobnicate'],
        /--frobnicate: unknown option for "threadgate sweep"; expected one of its options \(threadgate sweep --help lists them\)$/m,
      ],
    ] as const) {
      const out = await runCli(args);
      assert.equal(out.code, 2, args.join(' '));
      assert.match(out.stderr, /^threadgate: error: /);
      assert.match(out.stderr, pattern);
      assert.doesNotMatch(out.stderr, /--sizes, --threads/, 'not the list of every flag');
    }
  });

  it('short flags: -t -j -q for sweep, -b -c -j for compare, -c -o for report, -j for baseline show', async () => {
    const results = path.join(dir, 'short.json');
    const sweep = await runCli([
      'sweep',
      '--sizes',
      '32',
      '-t',
      '1,2',
      '--max-time',
      '1',
      '-q',
      '-j',
      results,
    ]);
    assert.equal(sweep.code, 0, sweep.stderr);
    assert.equal(sweep.stderr, '', '-q: no progress');
    const r = JSON.parse(await readFile(results, 'utf8')) as Result;
    assert.deepEqual(
      r.workloads[0]!.points.map((p) => p.threads),
      [1, 2],
    );
    const history = path.join(dir, 'short-history.json');
    const add = await runCli(['baseline', 'add', '--history', history, '--result', results]);
    assert.equal(add.code, 0, add.stderr);
    const show = await runCli(['baseline', 'show', '--history', history, '-j']);
    assert.equal(show.code, 0, show.stderr);
    assert.equal((JSON.parse(show.stdout) as { kind: string }).kind, 'threadgate-baseline-summary');
    const compare = await runCli(['compare', '-b', history, '-c', results, '-j', '-']);
    assert.equal(compare.code, 0, compare.stderr);
    assert.ok(JSON.parse(compare.stdout));
    const md = path.join(dir, 'short.md');
    const report = await runCli(['report', '-c', results, '-b', history, '-o', md]);
    assert.equal(report.code, 0, report.stderr);
    assert.match(await readFile(md, 'utf8'), /^### /);
  });

  it('no two options of a command share a short flag, and none takes -h (help) or -v (version)', () => {
    for (const options of [
      SWEEP_OPTIONS,
      COMPARE_OPTIONS,
      REPORT_OPTIONS,
      BASELINE_ADD_OPTIONS,
      BASELINE_SHOW_OPTIONS,
    ]) {
      const shorts = Object.values(options).flatMap((o) =>
        'short' in o && typeof o.short === 'string' ? [o.short] : [],
      );
      assert.equal(new Set(shorts).size, shorts.length, shorts.join(','));
      assert.ok(!shorts.includes('h') && !shorts.includes('v'), shorts.join(','));
    }
  });
});

describe('colour', () => {
  const ESC = '\x1b[';

  it('none into a pipe; FORCE_COLOR=1 colours the verdict, FORCE_COLOR=0 and NO_COLOR do not', async () => {
    const piped = await runCli(['compare', ...REGRESSED]);
    assert.equal(piped.code, 1);
    assert.match(piped.stdout, /^REGRESSION: /m);
    assert.ok(!piped.stdout.includes(ESC), 'no escape codes into a pipe');
    const forced = await runCli(['compare', ...REGRESSED], { env: plainEnv({ FORCE_COLOR: '1' }) });
    assert.ok(
      forced.stdout.includes(`\n${ESC}1;31mREGRESSION:${ESC}0m `),
      `the verdict in bold red: ${JSON.stringify(forced.stdout.slice(-200))}`,
    );
    for (const env of [{ FORCE_COLOR: '0' }, { NO_COLOR: '1' }]) {
      const out = await runCli(['compare', ...REGRESSED], { env: plainEnv(env) });
      assert.ok(!out.stdout.includes(ESC), JSON.stringify(env));
    }
  });

  it('on a terminal by default; never when NO_COLOR is set, TERM is dumb, or not a terminal', () => {
    const tty = { isTTY: true };
    assert.equal(colourEnabled(tty, {}), true);
    assert.equal(colourEnabled(tty, { NO_COLOR: '1' }), false);
    assert.equal(colourEnabled(tty, { NO_COLOR: '' }), true, 'an empty NO_COLOR is not set');
    assert.equal(colourEnabled(tty, { TERM: 'dumb' }), false);
    assert.equal(colourEnabled(tty, { FORCE_COLOR: '0' }), false);
    assert.equal(colourEnabled({ isTTY: false }, {}), false);
    assert.equal(colourEnabled({}, { FORCE_COLOR: '1' }), true);
    assert.equal(colourEnabled({}, { FORCE_COLOR: '1', NO_COLOR: '1' }), true, 'forced wins');
  });
});
