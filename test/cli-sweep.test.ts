import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './support/cli.js';
import { schemaErrors } from './support/schema.js';
import { probeCpu } from '../src/cpu/index.js';
import type { Result } from '../src/results/types.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'threadgate-cli-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

test('sweep on small shapes prints the table and the lines to copy, and writes a valid JSON', async () => {
  const json = path.join(tmp, 'r.json');
  const out = await runCli([
    'sweep',
    '--sizes',
    '32,48x64x32',
    '--max-time',
    '4',
    '--json',
    json,
    '--seed',
    '3',
  ]);
  assert.equal(out.code, 0, out.stderr);
  assert.match(out.stdout, /MatMul 32×32×32 float32/);
  assert.match(out.stdout, /MatMul 48×64×32 float32/);
  assert.match(out.stdout, /^ {2}OMP_NUM_THREADS=\d+/m);
  assert.match(out.stdout, /^ {2}ORT_INTRA_OP_NUM_THREADS=\d+/m);
  // The short form: the machine kind in one line; the machine in full only with --verbose.
  assert.match(out.stdout, /^This recommendation is for this kind of machine: .*usable CPUs/m);
  assert.doesNotMatch(out.stdout, /^Machine: /m);
  assert.match(out.stdout, /: --verbose\.$/m);
  const result = JSON.parse(readFileSync(json, 'utf8')) as Result;
  assert.deepEqual(schemaErrors('results.schema.json', result), []);
  const usable = probeCpu().availableCpus;
  for (const w of result.workloads) {
    const threads = w.points.map((p) => p.threads);
    assert.ok(
      threads.includes(1) && threads.includes(usable),
      `points for 1 and ${usable}: ${threads}`,
    );
    for (const p of w.points) {
      assert.ok(p.samplesNs.length >= 1);
      assert.ok(p.ci95Ns[0] <= p.medianNs && p.medianNs <= p.ci95Ns[1]);
    }
  }
});

test('sweep --verbose prints every cell and the machine in full', async () => {
  const out = await runCli(['sweep', '--sizes', '32', '-t', '1', '--max-time', '2', '--verbose']);
  assert.equal(out.code, 0, out.stderr);
  assert.match(out.stdout, /^MatMul 32×32×32 float32 {2}\(matmul:32; /m);
  assert.match(out.stdout, /^Machine: .*usable CPUs/m);
  assert.doesNotMatch(out.stdout, /--verbose\.$/m);
});

for (const [args, pattern] of [
  [
    ['sweep', '--sizes', '-5'],
    /^threadgate: error: --sizes: got "-5"; expected a positive integer N \(square\) or MxKxN/,
  ],
  [['sweep', '--sizes', 'abc'], /--sizes: got "abc"; expected/],
  [['sweep', '--sizes', '0'], /--sizes: got "0"; expected/],
  [['sweep', '--sizes', '60000'], /--sizes: got "60000"; it needs about .* GiB/],
  [
    ['sweep', '--threads', '0'],
    /--threads: got "0"; expected "auto" or a comma-separated list of integers from 1 to/,
  ],
  [['sweep', '--threads', '-2'], /--threads: got "-2"; expected/],
  [['sweep', '--threads', '100000'], /--threads: got "100000"; expected/],
  [['sweep', '--max-time', 'soon'], /--max-time: got "soon"; expected a number of seconds/],
  [
    ['sweep', '--frobnicate'],
    /--frobnicate: unknown option for "threadgate sweep"; expected one of its options \(threadgate sweep --help lists them\)/,
  ],
  [['sweep', '--sizes'], /--sizes: missing value/],
  [['launch'], /^threadgate: error: unknown command "launch"/],
  // Issue 10: each of these was silently accepted, hung or failed only after the whole sweep.
  [
    ['sweep', '--json', '/proc/none/x.json'],
    /--json: got "\/proc\/none\/x\.json"; its directory \/proc\/none does not exist/,
  ],
  [['sweep', '--json='], /--json: got ""; expected a value/],
  [['sweep', '--json', '/'], /--json: got "\/"; it is a directory/],
  [['sweep', '--threads='], /--threads: got ""; expected a value/],
  [
    ['sweep', '--max-time', '0x10'],
    /--max-time: got "0x10"; expected a number of seconds from 1 to 86400/,
  ],
  [['sweep', '--max-time', '1e-9'], /--max-time: got "1e-9"; expected a number of seconds from 1/],
  [
    ['sweep', '--sizes', '64', '--sizes', '128'],
    /--sizes: given twice \("64"\) and \("128"\); expected it once/,
  ],
  [
    ['sweep', '--timeout', '5'],
    /--timeout: got "5"; expected it only with --command or --worker \(a program threadgate starts\)/,
  ],
  [
    ['sweep', '--sizes', '64', '--warmup-runs', '2', '--metric-unit', 'ms'],
    /--metric-unit: got "ms"; expected it only with --command$/m,
  ],
  [
    ['sweep', '--command', 'true', '--baseline-cwd', '/nonexistent'],
    /--baseline-cwd: got "\/nonexistent"; expected an existing directory/,
  ],
  [
    ['sweep', '--sizes', '64', '--threshold', '5'],
    /--threshold: given without a base to compare with/,
  ],
] as const) {
  test(`bad input exits 2 with one clear line: ${args.join(' ')}`, async () => {
    const out = await runCli(args);
    assert.equal(out.code, 2);
    assert.match(out.stderr, pattern);
    assert.doesNotMatch(out.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(out.stderr.trim().split('\n').length, 1, out.stderr);
  });
}
