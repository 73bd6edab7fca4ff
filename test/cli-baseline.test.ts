/**
 * `threadgate baseline add|show` and `compare --baseline HISTORY` as real processes of the built
 * CLI (bin/threadgate.js → dist/cli.js), on the recorded results files of test/fixtures/baseline.
 * What other CI systems do with the CLI alone: add default-branch runs to a history, compare
 * pull-request runs with it, look at it.
 */
import assert from 'node:assert/strict';
import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  symlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { mergeRun, type BaselineDocument } from '../src/baseline/history.js';
import type { HistorySummary } from '../src/baseline/summary.js';
import type { Result } from '../src/results/types.js';
import { DEFAULT_WORKLOADS, scaleResult, syntheticResult } from './fixtures/baseline/synthetic.js';
import { runCli, type RunOutput } from './support/cli.js';
import { setUpFile } from './support/hooks.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures/baseline');
const fx = (name: string) => path.join(FIXTURES, name);
const readJson = async <T>(file: string) => JSON.parse(await readFile(file, 'utf8')) as T;

let dir: string;
setUpFile(
  async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'threadgate-history-'));
  },
  () => rm(dir, { recursive: true, force: true }),
);

/** One error line naming what is wrong, no stack trace, exit 2. */
function assertUsageError(out: RunOutput, pattern: RegExp): void {
  assert.equal(out.code, 2, `exit 2; stdout: ${out.stdout}; stderr: ${out.stderr}`);
  assert.match(out.stderr, pattern);
  assert.match(out.stderr, /^threadgate: error: /);
  assert.doesNotMatch(out.stderr, /\n\s+at /, 'no stack trace');
  assert.equal(out.stderr.trim().split('\n').length, 1, out.stderr);
}

describe('threadgate baseline add, then compare and show', () => {
  let history: string;
  const SHA1 = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
  const SHA2 = 'b1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

  before(() => {
    history = path.join(dir, 'nested/dir/history.json'); // add creates the folders
  });

  it('creates the history with the first run, appends the second', async () => {
    const first = await runCli([
      'baseline',
      'add',
      '--history',
      history,
      '--result',
      fx('result-main.json'),
      '--ref',
      'main',
      '--sha',
      SHA1,
    ]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(
      first.stdout,
      /^Created .*history\.json with the run of 2025-06-06T09:00:00\.000Z: 1 run \(at most 20\)/,
    );

    const second = await runCli([
      'baseline',
      'add',
      '--history',
      history,
      '--result',
      fx('current-same.json'),
      '--ref',
      'main',
      '--sha',
      SHA2.toUpperCase(),
    ]);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /^Updated .* with the run of 2025-06-10T14:30:00\.000Z: 2 runs/);

    const doc = await readJson<BaselineDocument>(history);
    assert.equal(doc.kind, 'threadgate-baseline');
    const latest = await readJson<Result>(fx('current-same.json'));
    assert.deepEqual(doc.latest, latest, 'the newest run is kept whole, samples included');
    assert.deepEqual(
      doc.runs.map((r) => [r.createdAt, r.ref, r.sha]),
      [
        ['2025-06-06T09:00:00.000Z', 'main', SHA1],
        ['2025-06-10T14:30:00.000Z', 'main', SHA2],
      ],
    );
    // Nothing left behind by the atomic write.
    assert.deepEqual(await readdir(path.dirname(history)), ['history.json']);
  });

  it('compare --baseline HISTORY gates a slower run against it (exit 1) and passes the same run', async () => {
    const slow = await runCli([
      'compare',
      '--baseline',
      history,
      '--current',
      fx('current-regressed.json'),
    ]);
    assert.equal(slow.code, 1, slow.stderr);
    assert.match(slow.stdout, /2 runs of history, latest 2025-06-10T14:30:00\.000Z/);
    assert.match(slow.stdout, /REGRESSION: slower beyond the noise/);
    const same = await runCli([
      'compare',
      '--baseline',
      history,
      '--current',
      fx('current-same.json'),
    ]);
    assert.equal(same.code, 0, same.stderr);
    assert.match(same.stdout, /PASS: /);
  });

  it('baseline show lists the runs and each cell’s run medians, newest last', async () => {
    const out = await runCli(['baseline', 'show', '--history', history]);
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stdout, /: 2 runs, oldest first; machine linux x64, AMD EPYC 7763/);
    assert.match(out.stdout, /^1 {2}2025-06-06T09:00:00\.000Z {2}main {2}a1b2c3d4e5f6$/m);
    assert.match(out.stdout, /^2 {2}2025-06-10T14:30:00\.000Z {2}main {2}b1b2c3d4e5f6$/m);
    // The medians as recorded in the two results files, in µs, oldest first.
    const [a, b] = [
      await readJson<Result>(fx('result-main.json')),
      await readJson<Result>(fx('current-same.json')),
    ];
    const us = (r: Result) => (r.workloads[0]!.points[0]!.medianNs / 1e3).toFixed(1);
    assert.match(
      out.stdout,
      new RegExp(`^matmul:256x256x256 +1 +2 +[\\d.]+ % +${us(a)} ${us(b)} µs$`, 'm'),
    );

    const json = await runCli(['baseline', 'show', '--history', history, '--json']);
    assert.equal(json.code, 0, json.stderr);
    const summary = JSON.parse(json.stdout) as HistorySummary;
    assert.equal(summary.kind, 'threadgate-baseline-summary');
    assert.deepEqual(
      summary.runs.map((r) => r.sha),
      [SHA1, SHA2],
    );
    const cells = summary.cells.map((c) => `${c.workload}@${c.threads}`);
    assert.deepEqual(cells, [
      'matmul:256x256x256@1',
      'matmul:256x256x256@2',
      'matmul:1x4096x4096@1',
      'matmul:1x4096x4096@2',
    ]);
    for (const c of summary.cells) {
      const median = (r: Result) =>
        r.workloads.find((w) => w.id === c.workload)!.points.find((p) => p.threads === c.threads)!
          .medianNs;
      assert.deepEqual(c.mediansNs, [median(a), median(b)]);
    }
  });

  it('adding the same run again replaces it instead of counting it twice', async () => {
    const out = await runCli([
      'baseline',
      'add',
      '--history',
      history,
      '--result',
      fx('current-same.json'),
    ]);
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stdout, /: 2 runs/);
    assert.match(out.stdout, /^Note: replaced the stored run of 2025-06-10T14:30:00\.000Z/m);
    assert.equal((await readJson<BaselineDocument>(history)).runs.length, 2);
  });

  it('a run older than the newest is inserted in time order; the newest stays the one compared with', async () => {
    // Two pipelines on the default branch can finish out of order.
    const before = await readJson<BaselineDocument>(history);
    const older = path.join(dir, 'older.json');
    const result = await readJson<Result>(fx('result-main.json'));
    await writeFile(older, JSON.stringify({ ...result, createdAt: '2025-06-08T12:00:00.000Z' }));
    const out = await runCli(['baseline', 'add', '--history', history, '--result', older]);
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stdout, /older than the newest stored run .*inserted in time order/);
    const after = await readJson<BaselineDocument>(history);
    assert.deepEqual(
      after.runs.map((r) => r.createdAt),
      [...before.runs.map((r) => r.createdAt), '2025-06-08T12:00:00.000Z'].sort(),
    );
    assert.deepEqual(after.latest, before.latest);
  });

  it('refuses a run from another kind of machine, and --force starts a fresh history', async () => {
    const before = await readFile(history, 'utf8');
    const refused = await runCli([
      'baseline',
      'add',
      '--history',
      history,
      '--result',
      fx('current-other-machine.json'),
    ]);
    assertUsageError(
      refused,
      /--result \S+current-other-machine\.json: was measured on another kind of machine .*cpuModel "AMD EPYC 7763 64-Core Processor" ≠ "Intel\(R\) Xeon\(R\) Platinum 8370C.*availableCpus 2 ≠ 4.*give --force to start a fresh history/,
    );
    assert.equal(await readFile(history, 'utf8'), before, 'history untouched');

    const forced = await runCli([
      'baseline',
      'add',
      '--history',
      history,
      '--result',
      fx('current-other-machine.json'),
      '--force',
    ]);
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(
      forced.stdout,
      /^--force: machine fingerprint changed \(cce092bea4043b1f → [0-9a-f]+\): started a fresh baseline history; the previous 3 run\(s\) were dropped$/m,
    );
    const doc = await readJson<BaselineDocument>(history);
    const other = await readJson<Result>(fx('current-other-machine.json'));
    assert.equal(doc.fingerprint, other.machine.fingerprint);
    assert.equal(doc.runs.length, 1);
  });
});

describe('threadgate baseline add --keep', () => {
  it('keeps the newest N runs whole and an older run of another day thinned', async () => {
    const history = path.join(dir, 'keep.json');
    await runCli(['baseline', 'add', '--history', history, '--result', fx('result-main.json')]);
    const out = await runCli([
      'baseline',
      'add',
      '--history',
      history,
      '--result',
      fx('current-same.json'),
      '--keep',
      '1',
    ]);
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stdout, /: 1 run \(at most 1\) and 1 older one kept a day or a week apart/);
    assert.doesNotMatch(out.stdout, /Dropped/);
    const doc = await readJson<BaselineDocument>(history);
    // The fixture's runs are of 2025-06-06 and 2025-06-10: the older is its day's run.
    assert.deepEqual(
      doc.runs.map((r) => [r.createdAt, r.kept ?? 'whole']),
      [
        ['2025-06-06T09:00:00.000Z', 'daily'],
        ['2025-06-10T14:30:00.000Z', 'whole'],
      ],
    );
  });

  it('thins a longer stored history (the fixture holds 6 runs) to --keep and says what went', async () => {
    const history = path.join(dir, 'six.json');
    await writeFile(history, await readFile(fx('history-main.json')));
    const out = await runCli([
      'baseline',
      'add',
      '--history',
      history,
      '--result',
      fx('current-same.json'),
      '--keep',
      '2',
    ]);
    assert.equal(out.code, 0, out.stderr);
    // Runs of June 1–6 and 10 (2025): the newest 2 whole (June 6, 10); of the older ones the
    // newest of 2 more days (June 5, 4), then one per ISO week for 2 weeks: June 3 is in
    // 2025-W23 (June 2–8), June 1 (a Sunday) in W22; June 2 shares June 3's week and goes.
    const doc = await readJson<BaselineDocument>(history);
    assert.deepEqual(
      doc.runs.map((r) => [r.createdAt.slice(0, 10), r.kept ?? 'whole']),
      [
        ['2025-06-01', 'weekly'],
        ['2025-06-03', 'weekly'],
        ['2025-06-04', 'daily'],
        ['2025-06-05', 'daily'],
        ['2025-06-06', 'whole'],
        ['2025-06-10', 'whole'],
      ],
    );
    assert.match(out.stdout, /^Dropped 1 older run \(--keep 2: the newest 2 whole/m);
  });
});

describe('threadgate baseline: bad input names the flag, the value and the expected form', () => {
  const base = () => ['--history', path.join(dir, 'bad.json'), '--result', fx('result-main.json')];
  const cases: [string, () => string[], RegExp][] = [
    [
      '--keep 0',
      () => ['add', ...base(), '--keep', '0'],
      /^threadgate: error: --keep: got "0"; expected a whole number of runs from 1 to 1000/,
    ],
    [
      '--keep -3',
      () => ['add', ...base(), '--keep', '-3'],
      /--keep: got "-3"; expected a whole number/,
    ],
    ['--keep 2.5', () => ['add', ...base(), '--keep', '2.5'], /--keep: got "2\.5"; expected/],
    [
      '--sha xyz',
      () => ['add', ...base(), '--sha', 'xyz'],
      /--sha: got "xyz"; expected a commit hash of 7 to 64 hex digits/,
    ],
    [
      '--ref with a space',
      () => ['add', ...base(), '--ref', 'my branch'],
      /--ref: got "my branch"; expected a git ref name without spaces/,
    ],
    ['--force=yes', () => ['add', ...base(), '--force=yes'], /--force: takes no value/],
    [
      'an unknown flag',
      () => ['add', ...base(), '--max-runs', '3'],
      /--max-runs: unknown option for "threadgate baseline add"; expected one of --history, --result, --keep/,
    ],
    [
      'no --history',
      () => ['add', '--result', fx('result-main.json')],
      /--history: missing; expected --history FILE/,
    ],
    [
      'no --result',
      () => ['add', '--history', path.join(dir, 'x.json')],
      /--result: missing; expected --result FILE/,
    ],
    [
      'a missing results file',
      () => ['add', '--history', path.join(dir, 'x.json'), '--result', path.join(dir, 'nope.json')],
      /--result \S+nope\.json: file not found/,
    ],
    [
      'a history that is a results file',
      () => ['add', '--history', fx('current-same.json'), '--result', fx('result-main.json')],
      /--history \S+current-same\.json: is a results file .*were --history and --result swapped/,
    ],
    [
      'a results file that is a history',
      () => ['add', '--history', path.join(dir, 'x.json'), '--result', fx('history-main.json')],
      /--result \S+history-main\.json: is a baseline history \(threadgate baseline add\); expected a results file/,
    ],
    [
      'no subcommand',
      () => [],
      /baseline: missing subcommand; expected "threadgate baseline add", "threadgate baseline show" or "threadgate baseline changes"/,
    ],
    [
      'an unknown subcommand',
      () => ['list'],
      /baseline: got "list"; expected the subcommand add, show or changes/,
    ],
    ['show without --history', () => ['show'], /--history: missing; expected --history FILE/],
    [
      'show --json=yes',
      () => ['show', '--history', fx('history-main.json'), '--json=yes'],
      /--json: takes no value/,
    ],
    [
      'show on a missing file',
      () => ['show', '--history', path.join(dir, 'none.json')],
      /--history \S+none\.json: file not found/,
    ],
    [
      'show on a results file',
      () => ['show', '--history', fx('result-main.json')],
      /--history \S+result-main\.json: is a results file/,
    ],
  ];
  for (const [what, args, pattern] of cases) {
    it(what, async () => {
      assertUsageError(await runCli(['baseline', ...args()]), pattern);
    });
  }

  it('a corrupt history is an error, not silently replaced', async () => {
    const history = path.join(dir, 'corrupt.json');
    await writeFile(history, '{"schemaVersion": 1, "kind": "threadgate-baseline", "runs": [');
    const out = await runCli([
      'baseline',
      'add',
      '--history',
      history,
      '--result',
      fx('result-main.json'),
    ]);
    assertUsageError(out, /--history \S+corrupt\.json: is truncated/);
    assert.match(await readFile(history, 'utf8'), /"runs": \[$/, 'left as it was');
  });
});

describe('threadgate baseline add: the lock on --history', () => {
  /** A deadline no lock wait may pass here: the lock gives up after 30 s, a stale lock is 10 s. */
  const BOUND_MS = 30_000;
  const add = (history: string, result = fx('result-main.json')) =>
    runCli(['baseline', 'add', '--history', history, '--result', result], {
      timeoutMs: BOUND_MS + 15_000,
    });

  const notALock: [string, (lock: string) => Promise<void>, RegExp][] = [
    [
      'a dangling symbolic link',
      (lock) => symlink(path.join(dir, 'nowhere', 'x'), lock),
      /is a symbolic link, not threadgate's lock/,
    ],
    [
      'a folder holding a file',
      async (lock) => {
        await mkdir(lock);
        await writeFile(path.join(lock, 'notes.txt'), 'mine');
      },
      /is a folder holding an entry, not threadgate's lock/,
    ],
    [
      'a regular file (committed, or an older threadgate’s lock)',
      (lock) => writeFile(lock, '12345\n'),
      /is a regular file .*, not threadgate's lock/,
    ],
  ];
  for (const [what, make, pattern] of notALock) {
    it(`${what} at <history>.lock ends with exit 2 naming it, and is left alone`, async () => {
      const sub = await mkdtemp(path.join(dir, 'lock-'));
      const history = path.join(sub, 'history.json');
      const lock = `${history}.lock`;
      await make(lock);
      const before = await readdir(sub, { recursive: true });
      const started = Date.now();
      const out = await add(history);
      const elapsed = Date.now() - started;
      assert.ok(elapsed < BOUND_MS, `ended after ${elapsed} ms`);
      assertUsageError(out, pattern);
      assert.ok(out.stderr.includes(`--history: ${lock} `), out.stderr);
      assert.match(out.stderr, /expected nothing at that path: remove it/);
      assert.deepEqual(await readdir(sub, { recursive: true }), before, 'nothing removed or added');
    });
  }

  /** Four results of one machine, a day apart (so that none replaces another). */
  async function fourResults(sub: string): Promise<string[]> {
    const result = await readJson<Result>(fx('result-main.json'));
    const files: string[] = [];
    for (let i = 1; i <= 4; i++) {
      const file = path.join(sub, `result-${i}.json`);
      await writeFile(
        file,
        JSON.stringify({ ...result, createdAt: `2025-07-0${i}T12:00:00.000Z` }),
      );
      files.push(file);
    }
    return files;
  }

  for (const stale of [false, true]) {
    it(`four concurrent adds keep all four runs${stale ? ', taking over a stale lock left by a crashed writer' : ''}`, async () => {
      const sub = await mkdtemp(path.join(dir, 'four-'));
      const history = path.join(sub, 'history.json');
      if (stale) {
        // A crashed writer's lock: an empty folder nobody has refreshed for a minute.
        await mkdir(`${history}.lock`);
        const longAgo = new Date(Date.now() - 60_000);
        await utimes(`${history}.lock`, longAgo, longAgo);
      }
      const results = await fourResults(sub);
      const started = Date.now();
      const outs = await Promise.all(results.map((r) => add(history, r)));
      assert.ok(Date.now() - started < BOUND_MS, `took ${Date.now() - started} ms`);
      for (const out of outs) assert.equal(out.code, 0, out.stdout + out.stderr);
      const doc = await readJson<BaselineDocument>(history);
      assert.deepEqual(
        doc.runs.map((r) => r.createdAt),
        [1, 2, 3, 4].map((i) => `2025-07-0${i}T12:00:00.000Z`),
        'every update kept',
      );
      assert.deepEqual(
        (await readdir(sub)).filter((n) => !n.startsWith('result-')),
        ['history.json'],
        'no lock or temporary file left',
      );
    });
  }
});

describe('threadgate baseline changes', () => {
  /** A history of 20 runs, 2 % run noise; from run 12 on every cell is `factor` slower. */
  async function writeHistory(name: string, factor: number): Promise<string> {
    let doc: BaselineDocument | null = null;
    for (let i = 0; i < 20; i++) {
      const r = syntheticResult({
        seed: 300 + i,
        workloads: DEFAULT_WORKLOADS,
        createdAt: new Date(Date.UTC(2026, 2, 1 + i)).toISOString(),
        visits: 6,
        callsPerVisit: 2,
        runNoise: 0.02,
      });
      const run = i >= 12 && factor !== 1 ? scaleResult(r, factor, r.createdAt) : r;
      doc = mergeRun(
        doc,
        run,
        i === 12 ? { sha: 'abc1234def5678abc1234def5678abc1234def56' } : {},
      ).baseline;
    }
    const file = path.join(dir, name);
    await writeFile(file, JSON.stringify(doc));
    return file;
  }

  it("--json lists each cell's step: the first run of the new level, its commit, the ratio and its CI", async () => {
    const file = await writeHistory('stepped.json', 1.15);
    const out = await runCli(['baseline', 'changes', '--history', file, '--json']);
    assert.equal(out.code, 0, out.stderr);
    const { changes } = JSON.parse(out.stdout) as { changes: Record<string, unknown>[] };
    const cells = DEFAULT_WORKLOADS.flatMap((w) => w.cells.map((c) => [w.id, c.threads]));
    assert.deepEqual(
      changes.map((c) => [c['workload'], c['threads']]),
      cells,
    );
    for (const c of changes) {
      assert.deepEqual(Object.keys(c), [
        'workload',
        'threads',
        'index',
        'createdAt',
        'sha',
        'ratio',
        'ci',
      ]);
      assert.equal(c['index'], 12);
      assert.equal(c['createdAt'], '2026-03-13T00:00:00.000Z');
      assert.equal(c['sha'], 'abc1234def5678abc1234def5678abc1234def56');
      const [lo, hi] = c['ci'] as [number, number];
      const ratio = c['ratio'] as number;
      assert.ok(
        Math.abs(ratio - 1.15) < 0.05 && lo <= ratio && ratio <= hi && lo > 1,
        JSON.stringify(c),
      );
    }
    const text = await runCli(['baseline', 'changes', '--history', file]);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^4 change points in the 20 runs of .*stepped\.json:\n/);
    assert.match(
      text.stdout,
      / {2}run 12: matmul:256x256x256 @ 2 threads has been 1\d(\.\d)? % slower since commit abc1234 \(run of 2026-03-13\); 95 % CI ×1\.\d{3} … ×1\.\d{3}\n/,
    );
  });

  it('a flat history has no change: an empty list, and a line saying so', async () => {
    const file = await writeHistory('flat.json', 1);
    const out = await runCli(['baseline', 'changes', '--history', file, '--json']);
    assert.equal(out.code, 0, out.stderr);
    assert.deepEqual(JSON.parse(out.stdout), { changes: [] });
    const text = await runCli(['baseline', 'changes', '--history', file]);
    assert.match(text.stdout, /^No change point in the 20 runs of .*flat\.json\.\n$/);
  });

  it('refuses a results file and a missing --history; its help says what it does', async () => {
    assertUsageError(
      await runCli(['baseline', 'changes', '--history', fx('result-main.json')]),
      /--history .*: is a results file/,
    );
    assertUsageError(await runCli(['baseline', 'changes']), /--history/);
    const help = await runCli(['baseline', 'changes', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /threadgate baseline changes --history FILE \[--json\]/);
    assert.match(help.stdout, /E-divisive means/);
  });
});
