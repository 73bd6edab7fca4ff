/**
 * `threadgate compare`, in-process through compareCommand (the entry only maps thrown
 * InputError/BaselineError to exit 2): exit codes, the printed table, the JSON against its schema.
 */
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { compareCommand } from '../src/cli/compare.js';
import { BaselineError, InputError } from '../src/errors.js';
import { schemaErrors } from './support/schema.js';
import { setUpFile } from './support/hooks.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures/baseline');
const fx = (name: string) => path.join(FIXTURES, name);

let dir: string;
setUpFile(
  async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'threadgate-compare-'));
  },
  () => rm(dir, { recursive: true, force: true }),
);

async function run(args: readonly string[]) {
  let stdout = '';
  const code = await compareCommand(args, { out: (t) => (stdout += t) });
  return { code, stdout };
}

async function runJson(args: readonly string[]) {
  const json = path.join(dir, `cmp-${Math.random().toString(36).slice(2)}.json`);
  const out = await run([...args, '--json', json]);
  const doc = JSON.parse(await readFile(json, 'utf8')) as Record<string, unknown>;
  assert.deepEqual(schemaErrors('comparison.schema.json', doc), []);
  return { ...out, doc };
}

describe('threadgate compare', () => {
  it('passes a run like the baseline: exit 0, table, schema-valid JSON', async () => {
    const { code, stdout, doc } = await runJson([
      '--baseline',
      fx('history-main.json'),
      '--current',
      fx('current-same.json'),
    ]);
    assert.equal(code, 0);
    assert.equal(doc['verdict'], 'pass');
    assert.equal((doc['cells'] as unknown[]).length, 4);
    assert.match(
      stdout,
      /workload\s+threads\s+baseline\s+current\s+ratio \(CI, level\)\s+p \(Holm\)\s+history limit\s+gated\s+verdict/,
    );
    assert.match(stdout, /matmul:256x256x256\s+2\s/);
    assert.match(stdout, /PASS: /);
    assert.match(stdout, /6 runs of history/);
  });

  it('fails a regressed run: exit 1, verdict regression', async () => {
    const { code, stdout, doc } = await runJson([
      '--baseline',
      fx('history-main.json'),
      '--current',
      fx('current-regressed.json'),
    ]);
    assert.equal(code, 1);
    assert.equal(doc['verdict'], 'regression');
    assert.ok(Math.abs((doc['maxSlowdown'] as number) - 0.5) < 0.01);
    assert.match(stdout, /REGRESSION: slower beyond the noise: matmul:\S+ @ \d threads? \+50\.0 %/);
  });

  it('--accept REASON: a regression exits 0 with the reason shown; a pass is unchanged', async () => {
    const args = ['--baseline', fx('history-main.json'), '--current', fx('current-regressed.json')];
    const { code, stdout, doc } = await runJson([
      ...args,
      '--accept',
      'trades latency for an exact softmax\u001b[31m\u202e',
    ]);
    assert.equal(code, 0);
    assert.equal(doc['verdict'], 'regression', 'the verdict is what was measured');
    assert.match(stdout, /REGRESSION: /);
    assert.match(
      stdout,
      /^Not failing: accepted by --accept: trades latency for an exact softmax \[31m\.$/m,
    );
    const same = ['--baseline', fx('history-main.json'), '--current', fx('current-same.json')];
    const pass = await run([...same, '--accept', 'x']);
    assert.equal(pass.code, 0);
    assert.doesNotMatch(pass.stdout, /Not failing/);
    await assert.rejects(
      run([...args, '--accept', ' \u200b ']),
      (e: unknown) =>
        e instanceof InputError && /^--accept: got ".*"; expected a reason, e\.g\./.test(e.message),
    );
  });

  it('accepts --threshold as a percentage (10 or 10%)', async () => {
    const base = ['--baseline', fx('history-main.json'), '--current', fx('current-regressed.json')];
    const high = await runJson([...base, '--threshold', '60%']);
    assert.equal(high.code, 0);
    assert.equal(high.doc['verdict'], 'pass');
    assert.equal((high.doc['settings'] as { threshold: number }).threshold, 0.6);
    assert.equal((await run([...base, '--threshold=20'])).code, 1);
  });

  it('takes a plain results file as the baseline (a history of one run)', async () => {
    const { code, stdout } = await run([
      '--baseline',
      fx('result-main.json'),
      '--current',
      fx('current-regressed.json'),
      '--gate',
      'all',
    ]);
    assert.equal(code, 1);
    assert.match(stdout, /a results file: used as a baseline history of one run/);
    assert.match(stdout, /1 run of history/);
  });

  it('says no-baseline for another kind of machine (exit 0), and --force compares', async () => {
    const args = [
      '--baseline',
      fx('history-main.json'),
      '--current',
      fx('current-other-machine.json'),
    ];
    const plain = await runJson(args);
    assert.equal(plain.code, 0);
    assert.equal(plain.doc['verdict'], 'no-baseline');
    assert.deepEqual(
      (plain.doc['machineDifferences'] as { field: string }[]).map((d) => d.field),
      ['cpuModel', 'availableCpus', 'physicalCores'],
    );
    assert.match(
      plain.stdout,
      /NO BASELINE: the baseline is from another kind of machine: cpuModel/,
    );

    const forced = await runJson([...args, '--force']);
    assert.equal(forced.code, 0);
    assert.equal(forced.doc['verdict'], 'pass');
    assert.equal(forced.doc['forced'], true);
  });

  const bad: [string, string[], RegExp][] = [
    ['an unknown flag', ['--treshold', '10'], /--treshold: unknown option.*--threshold/],
    ['a bad threshold', ['--threshold', 'ten'], /^--threshold: got "ten"; expected a percentage/],
    [
      'a negative threshold',
      ['--threshold', '-5'],
      /^--threshold: got "-5"; expected a percentage/,
    ],
    ['a bad gate', ['--gate', 'some'], /^--gate: got "some"; expected one of deployed, all/],
    ['a value for --force', ['--force=yes'], /--force: takes no value/],
  ];
  for (const [what, extra, message] of bad) {
    it(`rejects ${what} with an InputError naming the flag`, async () => {
      const args = [
        '--baseline',
        fx('history-main.json'),
        '--current',
        fx('current-same.json'),
        ...extra,
      ];
      await assert.rejects(compareCommand(args, { out: () => undefined }), (e: unknown) => {
        assert.ok(e instanceof InputError, String(e));
        assert.match(e.message, message);
        return true;
      });
    });
  }

  it('requires --baseline and --current', async () => {
    await assert.rejects(
      run(['--current', fx('current-same.json')]),
      /^InputError: --baseline: missing; expected --baseline FILE/,
    );
    await assert.rejects(run(['--baseline', fx('history-main.json')]), /--current: missing/);
  });

  it('reports an unreadable baseline as a BaselineError naming the file (not a regression)', async () => {
    const missing = path.join(dir, 'no-such-baseline.json');
    await assert.rejects(
      run(['--baseline', missing, '--current', fx('current-same.json')]),
      (e: unknown) => {
        assert.ok(e instanceof BaselineError);
        assert.ok(e.message.includes(missing));
        return true;
      },
    );
    const truncated = path.join(dir, 'truncated.json');
    const text = await readFile(fx('history-main.json'), 'utf8');
    await writeFile(truncated, text.slice(0, 500));
    await assert.rejects(
      run(['--baseline', truncated, '--current', fx('current-same.json')]),
      /truncated\.json: is truncated/,
    );
  });

  it('rejects a baseline file given as --current, naming the flag', async () => {
    const copy = path.join(dir, 'history-copy.json');
    await copyFile(fx('history-main.json'), copy);
    await assert.rejects(
      run(['--baseline', fx('history-main.json'), '--current', copy]),
      (e: unknown) =>
        e instanceof InputError &&
        /^--current .*history-copy\.json: is a baseline history/.test(e.message),
    );
  });

  // Issue 10: a baseline or results file is data a pull request can edit. Negative or zero
  // medians gave PASS ("−200.0 %") or "+Infinity %" and broke the comparison's own schema.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- edits of arbitrary JSON
  const hostile: [string, (doc: any) => void, RegExp][] = [
    [
      'a negative median',
      (d) => (d.workloads[0].points[0].medianNs = -2),
      /"workloads\[0\]\.points\[0\]\.medianNs" is number -2; expected a duration in ns greater than 0/,
    ],
    [
      'a zero sample',
      (d) => (d.workloads[0].points[0].samplesNs[3] = 0),
      /"workloads\[0\]\.points\[0\]\.samplesNs\[3\]" is number 0; expected a duration in ns greater than 0/,
    ],
    [
      'an absurd median',
      (d) => (d.workloads[0].points[0].medianNs = 2.47e305),
      /medianNs" is number 2\.47e\+305; expected a duration/,
    ],
    [
      'a fractional thread count',
      (d) => (d.workloads[0].points[0].threads = 1.5),
      /threads" is number 1\.5; expected an integer from 1 to 16384/,
    ],
    [
      'a thread count twice',
      (d) => (d.workloads[0].points[1].threads = d.workloads[0].points[0].threads),
      /"workloads\[0\]\.points" has thread count \d+ twice/,
    ],
    [
      'a forged fingerprint',
      (d) => (d.machine.fingerprint = 'ab\n::error title=spoofed::x'),
      /"machine\.fingerprint" is the string .*; expected 16 lowercase hexadecimal digits/,
    ],
    [
      'too many samples',
      (d) => (d.workloads[0].points[0].samplesNs = Array(20001).fill(1e6)),
      /samplesNs" is an array of 20001 entries; expected an array of 1 to 20000 entries/,
    ],
  ];
  for (const [what, edit, message] of hostile) {
    it(`refuses a current results file with ${what}: exit 2 naming the file and the field`, async () => {
      const doc = JSON.parse(await readFile(fx('current-same.json'), 'utf8'));
      edit(doc);
      const file = path.join(dir, `hostile-${what.replace(/\W+/g, '-')}.json`);
      await writeFile(file, JSON.stringify(doc));
      await assert.rejects(
        run(['--baseline', fx('history-main.json'), '--current', file]),
        (e: unknown) => {
          assert.ok(e instanceof InputError, String(e));
          assert.match(
            e.message,
            new RegExp(`^--current ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `),
          );
          assert.match(e.message, message);
          return true;
        },
      );
      // The same edit in a baseline is a BaselineError naming it.
      await assert.rejects(
        run(['--baseline', file, '--current', fx('current-same.json')]),
        (e: unknown) => {
          assert.ok(e instanceof BaselineError, String(e));
          assert.match(e.message, message);
          return true;
        },
      );
    });
  }

  it('refuses a device, a directory and an oversized file before reading them', async () => {
    await assert.rejects(
      run(['--baseline', '/dev/zero', '--current', fx('current-same.json')]),
      /baseline \/dev\/zero: is not a regular file/,
    );
    await assert.rejects(
      run(['--baseline', dir, '--current', fx('current-same.json')]),
      /is a directory; expected a threadgate baseline or results JSON file/,
    );
    const big = path.join(dir, 'big.json');
    await writeFile(big, Buffer.alloc(33 * 1024 * 1024, 0x20));
    await assert.rejects(
      run(['--baseline', fx('history-main.json'), '--current', big]),
      /--current .*big\.json: is 34603008 bytes; expected a results JSON file of at most 33554432 bytes/,
    );
  });

  it('checks --json before comparing: a missing directory, a directory, a path under /proc, an input', async () => {
    const args = ['--baseline', fx('history-main.json'), '--current', fx('current-same.json')];
    await assert.rejects(
      run([...args, '--json', path.join(dir, 'nope/out.json')]),
      /^InputError: --json: got ".*nope\/out\.json"; its directory .* does not exist/,
    );
    await assert.rejects(run([...args, '--json', dir]), /--json: got .*; it is a directory/);
    await assert.rejects(
      run([...args, '--json', '/proc/none/x.json']),
      /--json: got "\/proc\/none\/x\.json"; its directory \/proc\/none does not exist/,
    );
    await assert.rejects(
      run([...args, '--json', fx('current-same.json')]),
      /--json: .*it is the file --current reads/,
    );
  });
});
