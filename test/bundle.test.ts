/**
 * Report bundles as untrusted data (src/bundle): the strict manifest parser, the renderable copy
 * of a results file, the bounded search that never follows a link, the per-bundle checks against
 * the run, and the multi-leg report (src/report/legs.ts) that escapes every string a bundle holds.
 * Fixtures: the real results files of test/fixtures/baseline and their real comparison.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { compareResults, type Comparison } from '../src/analysis/compare.js';
import { toComparisonJson } from '../src/analysis/comparison-json.js';
import { parseBaselineFile, parseResultFile } from '../src/contract/documents.js';
import { BUNDLE_FILES, type BundleManifest } from '../src/bundle/manifest.js';
import { parseManifest } from '../src/contract/documents.js';
import { BUNDLE_LIMITS, readBundles } from '../src/bundle/read.js';
import { bundleManifest, legLabel } from '../src/action/bundle.js';
import { readRunnerContext, type RunnerContext } from '../src/action/context.js';
import { readActionSettings } from '../src/action/inputs.js';
import { InputError } from '../src/errors.js';
import {
  agreedThreads,
  maxSlowdownOfLegs,
  renderLegsMarkdown,
  worstVerdict,
} from '../src/report/legs.js';
import type { Result } from '../src/results/types.js';
import { setUpFile } from './support/hooks.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures/baseline');
const fixture = async (name: string) => readFile(path.join(FIXTURES, name), 'utf8');
const HEAD = 'c0ffee0000000000000000000000000000000021';

let current: Result;
let same: Result;
let regression: Comparison;
let manifest: BundleManifest;
let dir: string;

setUpFile(
  async () => {
    current = parseResultFile(await fixture('current-regressed.json'), 'current', 'test');
    same = parseResultFile(await fixture('current-same.json'), 'same', 'test');
    const history = parseBaselineFile(await fixture('history-main.json'), 'history');
    regression = compareResults(
      { document: history.document, source: 'file history-main.json', notes: [] },
      current,
    );
    assert.equal(regression.kind, 'regression', 'the fixture regresses');
    manifest = {
      schemaVersion: 1,
      kind: 'threadgate-report-bundle',
      tool: { name: 'threadgate', version: '0.1.0' },
      leg: 'os=ubuntu-latest',
      stickyKey: 'latency / bench / os=ubuntu-latest',
      repository: 'octo-org/octo-repo',
      eventName: 'pull_request',
      pullNumber: 21,
      headSha: HEAD,
      baseSha: null,
      workflow: 'latency',
      job: 'bench',
      runId: '4242',
      runAttempt: '1',
      createdAt: '2026-01-02T03:04:05.000Z',
      comparison: true,
    };
    dir = await mkdtemp(path.join(os.tmpdir(), 'threadgate-bundle-'));
  },
  () => rm(dir, { recursive: true, force: true }),
);

/** Write a bundle folder; `edit` changes the three texts before they are written. */
async function writeBundle(
  at: string,
  opts: {
    manifest?: Record<string, unknown>;
    results?: unknown;
    comparison?: unknown;
    raw?: Partial<Record<keyof typeof BUNDLE_FILES, string>>;
  } = {},
): Promise<string> {
  await mkdir(at, { recursive: true });
  const m = opts.manifest ?? manifest;
  await writeFile(path.join(at, BUNDLE_FILES.manifest), opts.raw?.manifest ?? JSON.stringify(m));
  await writeFile(
    path.join(at, BUNDLE_FILES.results),
    opts.raw?.results ?? JSON.stringify(opts.results ?? current),
  );
  if (m['comparison'] === true || opts.raw?.comparison !== undefined) {
    await writeFile(
      path.join(at, BUNDLE_FILES.comparison),
      opts.raw?.comparison ?? JSON.stringify(opts.comparison ?? toComparisonJson(regression)),
    );
  }
  return at;
}

const fresh = async (name: string) => {
  const root = path.join(dir, name);
  await mkdir(root, { recursive: true });
  return root;
};

describe('parseManifest', () => {
  it('accepts what the action writes, and only that', () => {
    assert.deepEqual(parseManifest(JSON.stringify(manifest)), manifest);
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ extra: 1 }, /unknown field "extra"/],
      [
        { kind: 'threadgate-comparison' },
        /is a comparison file .*; expected a report bundle manifest/,
      ],
      [{ schemaVersion: 2 }, /has schemaVersion number 2, which this threadgate does not know/],
      [{ pullNumber: 0 }, /"pullNumber" is number 0; expected null or a pull request number/],
      [{ pullNumber: 1.5 }, /"pullNumber" is number 1\.5/],
      [{ pullNumber: '21' }, /"pullNumber" is the string "21"/],
      [{ headSha: 'HEAD' }, /"headSha" is the string "HEAD"; expected null or a commit sha/],
      [{ runId: '../1' }, /"runId" is the string "\.\.\/1"; expected a run id/],
      [{ leg: 'a\nb' }, /"leg" is the string "a\\nb"; expected a string of 1 to 300 printable/],
      [{ leg: 'x\u202Egpj.exe' }, /"leg" is the string/],
      [{ leg: 'x'.repeat(301) }, /"leg" is 301 characters long; expected a string of 1 to 300/],
      [{ repository: 'a/b/c' }, /"repository" is the string "a\/b\/c"/],
      [{ comparison: 'yes' }, /"comparison" is the string "yes"; expected true or false/],
      [
        { createdAt: 'yesterday' },
        /"createdAt" is the string "yesterday"; expected an ISO 8601 date/,
      ],
      [{ tool: { name: 'threadgate', version: '<b>' } }, /"tool\.version" is the string "<b>"/],
      [
        { tool: { name: 'other', version: '1' } },
        /"tool\.name" is the string "other"; expected "threadgate"/,
      ],
    ];
    for (const [change, pattern] of bad) {
      assert.throws(
        () => parseManifest(JSON.stringify({ ...manifest, ...change })),
        (e: unknown) => e instanceof InputError && pattern.test(e.message),
        JSON.stringify(change),
      );
    }
    const missing: Record<string, unknown> = { ...manifest };
    delete missing['job'];
    assert.throws(() => parseManifest(JSON.stringify(missing)), /missing the field "job"/);
    assert.throws(
      () => parseManifest('[]'),
      /is not a threadgate file \(the JSON is an array of 0, not an object\)/,
    );
    assert.throws(() => parseManifest('{"kind":'), /is truncated/);
    assert.throws(() => parseManifest(' '.repeat(70_000)), /expected at most 65536/);
  });

  it('round-trips the manifest the action builds, whatever the runner context holds', () => {
    const ctx = {
      owner: 'octo-org',
      repo: 'octo-repo',
      eventName: 'pull_request',
      pullNumber: 7,
      headSha: HEAD,
      baseSha: null,
      sha: 'not-a-sha',
      workflow: 'latency\nwith a line break\u202E',
      job: 'bench',
      runId: '1234',
      runAttempt: '2',
      workspace: dir,
      tempDir: dir,
    } as unknown as RunnerContext;
    const settings = readActionSettings(() => '', { availableCpus: 2, logicalCpus: 2 });
    const m = bundleManifest(settings, ctx, current, 'latency / bench\n/ x', true);
    assert.deepEqual(parseManifest(JSON.stringify(m)), m);
    assert.equal(m.workflow, 'latency with a line break');
    assert.equal(m.leg, `bench · ${current.machine.os}-${current.machine.arch}`);
    assert.equal(m.runAttempt, '2');
  });
});

describe('legLabel', () => {
  it('is the comment-key (a matrix as sorted key=value), else the job and the runner', () => {
    // `${{ toJSON(matrix) }}` is pretty-printed JSON over several lines.
    assert.equal(
      legLabel('{\n  "python": "3.12",\n  "os": "ubuntu-latest"\n}', 'bench', current),
      'os=ubuntu-latest, python=3.12',
    );
    assert.equal(legLabel('  nightly\tencoder ', 'bench', current), 'nightly encoder');
    assert.equal(
      legLabel('', 'bench', current),
      `bench · ${current.machine.os}-${current.machine.arch}`,
    );
    assert.equal(
      legLabel('', '', current),
      `threadgate · ${current.machine.os}-${current.machine.arch}`,
    );
  });
});

describe('a results file from a bundle, through the contract', () => {
  const check = (r: unknown) => parseResultFile(JSON.stringify(r), 'results.json', '');
  const withPoint = (change: Record<string, unknown>) => ({
    ...current,
    workloads: [
      {
        ...current.workloads[0]!,
        points: [
          { ...current.workloads[0]!.points[0]!, ...change },
          ...current.workloads[0]!.points.slice(1),
        ],
      },
      ...current.workloads.slice(1),
    ],
  });

  it('keeps what the report shows and drops every field it does not know', () => {
    const r = check({
      ...current,
      evil: '<script>',
      machine: { ...current.machine, evil: ['x'] },
    });
    assert.equal((r as unknown as Record<string, unknown>)['evil'], undefined);
    assert.equal((r.machine as unknown as Record<string, unknown>)['evil'], undefined);
    assert.deepEqual(
      r.workloads.map((w) => w.points.map((p) => [p.threads, p.medianNs])),
      current.workloads.map((w) => w.points.map((p) => [p.threads, p.medianNs])),
    );
    assert.equal(r.recommendation.ompNumThreads, current.recommendation.ompNumThreads);
  });

  it('keeps the throughput objective: its splits, its recommendation and the objective', () => {
    const split = {
      points: [
        {
          workers: 1,
          threadsPerWorker: 2,
          requestsPerSec: 900,
          ci95: [880, 920],
          p50Ns: 1.1e6,
          p99Ns: 1.4e6,
          windows: [900],
        },
        {
          workers: 2,
          threadsPerWorker: 1,
          requestsPerSec: 1500,
          ci95: [1450, 1540],
          p50Ns: 1.3e6,
          p99Ns: 1.9e6,
        },
      ],
      recommended: { workers: 2, threadsPerWorker: 1, reason: 'most requests per second' },
    };
    const input = {
      ...current,
      settings: { ...current.settings, objective: 'throughput' },
      workloads: [{ ...current.workloads[0]!, throughput: split }, ...current.workloads.slice(1)],
      recommendation: {
        ...current.recommendation,
        throughput: { workers: 2, threadsPerWorker: 1, basis: 'the split with the most requests' },
      },
    };
    const r = check(input);
    assert.equal(r.settings.objective, 'throughput');
    assert.deepEqual(r.recommendation.throughput, input.recommendation.throughput);
    const t = r.workloads[0]!.throughput!;
    assert.deepEqual(t.recommended, split.recommended);
    assert.deepEqual(
      t.points.map((p) => [
        p.workers,
        p.threadsPerWorker,
        p.requestsPerSec,
        p.ci95,
        p.p50Ns,
        p.p99Ns,
      ]),
      split.points.map((p) => [
        p.workers,
        p.threadsPerWorker,
        p.requestsPerSec,
        p.ci95,
        p.p50Ns,
        p.p99Ns,
      ]),
    );
    const bad: [unknown, RegExp][] = [
      [
        {
          ...input,
          workloads: [
            {
              ...input.workloads[0]!,
              throughput: { ...split, points: [{ ...split.points[0]!, requestsPerSec: -1 }] },
            },
          ],
        },
        /"workloads\[0\]\.throughput\.points\[0\]\.requestsPerSec" is number -1; expected requests per second/,
      ],
      [
        { ...input, settings: { ...input.settings, objective: 'speed' } },
        /"settings\.objective" is the string "speed"; expected one of "latency", "throughput"/,
      ],
      [
        {
          ...input,
          recommendation: {
            ...input.recommendation,
            throughput: { workers: 0, threadsPerWorker: 1 },
          },
        },
        /"recommendation\.throughput\.workers" is number 0/,
      ],
    ];
    for (const [value, pattern] of bad) {
      assert.throws(
        () => check(value),
        (e: unknown) => e instanceof InputError && pattern.test(e.message),
        pattern.source,
      );
    }
  });

  it('refuses what the report would misuse', () => {
    const cases: [unknown, RegExp][] = [
      [
        withPoint({ gflops: -1 }),
        /"workloads\[0\]\.points\[0\]\.gflops" is number -1; expected null or a number ≥ 0/,
      ],
      [withPoint({ speedup: 0 }), /"workloads\[0\]\.points\[0\]\.speedup" is number 0/],
      [
        withPoint({ converged: 'yes' }),
        /"workloads\[0\]\.points\[0\]\.converged" is the string "yes"/,
      ],
      [withPoint({ ci95Ns: undefined }), /missing the field "workloads\[0\]\.points\[0\]\.ci95Ns"/],
      [
        withPoint({ ci95Ns: [5, 1] }),
        /"workloads\[0\]\.points\[0\]\.ci95Ns" is \[5, 1\]; expected \[lo, hi\] with lo ≤ hi/,
      ],
      [{ ...current, elapsedSec: -3 }, /"elapsedSec" is number -3; expected a number ≥ 0/],
      [{ ...current, tool: { name: 'threadgate', version: 7 } }, /"tool\.version" is number 7/],
      [
        { ...current, settings: { ...current.settings, seed: '1' } },
        /"settings\.seed" is the string "1"/,
      ],
      [
        { ...current, recommendation: { ...current.recommendation, ortIntraOpNumThreads: 0 } },
        /"recommendation\.ortIntraOpNumThreads" is number 0/,
      ],
      [
        { ...current, machine: { ...current.machine, cpuModel: 'x'.repeat(201) } },
        /"machine\.cpuModel" is 201 characters long; expected a string of at most 200/,
      ],
      [
        { ...current, machine: { ...current.machine, cgroupQuotaCpus: 0 } },
        /"machine\.cgroupQuotaCpus" is number 0/,
      ],
      [
        { ...current, workloads: [{ ...current.workloads[0]!, recommended: { threads: 999 } }] },
        /"workloads\[0\]\.recommended\.threads" is number 999; expected one of the measured thread counts/,
      ],
      [
        { ...current, workloads: [{ ...current.workloads[0]!, label: ['x'] }] },
        /"workloads\[0\]\.label" is an array of 1/,
      ],
      [
        { ...current, workloads: [{ ...current.workloads[0]!, kind: 'shell' }] },
        /"workloads\[0\]\.kind" is the string "shell"; expected one of "matmul", "model", "command"/,
      ],
      [
        { ...current, skipped: [{ workload: 'x', threads: 2, reason: 5 }] },
        /"skipped\[0\]\.reason" is number 5/,
      ],
    ];
    for (const [value, pattern] of cases) {
      assert.throws(
        () => check(value),
        (e: unknown) => e instanceof InputError && pattern.test(e.message),
        pattern.source,
      );
    }
  });
});

describe('readBundles', () => {
  it('reads bundles laid out as download-artifact does (one folder each), sorted', async () => {
    const root = await fresh('layout');
    await writeBundle(path.join(root, 'threadgate-b'), {
      manifest: { ...manifest, leg: 'b', stickyKey: 'b' },
    });
    await writeBundle(path.join(root, 'threadgate-a'), {
      manifest: { ...manifest, leg: 'a', stickyKey: 'a', comparison: false },
      results: same,
    });
    const set = await readBundles(root, 'report-from', {
      repository: 'Octo-Org/octo-repo',
      runId: '4242',
      headSha: HEAD,
    });
    assert.deepEqual(set.rejected, []);
    assert.deepEqual(
      set.legs.map((l) => [l.name, l.manifest.leg, l.comparison?.kind ?? null]),
      [
        ['threadgate-a', 'a', null],
        ['threadgate-b', 'b', 'regression'],
      ],
    );
    assert.deepEqual(set.notes, []);
    // One artifact downloaded by name: the folder itself is the bundle.
    const one = await readBundles(path.join(root, 'threadgate-b'), 'report-from');
    assert.deepEqual(
      one.legs.map((l) => l.name),
      ['.'],
    );
  });

  it('never follows a symbolic link: a linked file, a linked folder', async () => {
    const root = await fresh('links');
    const outside = await writeBundle(path.join(dir, 'outside'), {
      manifest: { ...manifest, comparison: false },
    });
    await symlink(outside, path.join(root, 'linked-folder'));
    const b = await writeBundle(path.join(root, 'linked-results'), {
      manifest: { ...manifest, comparison: false },
    });
    await rm(path.join(b, BUNDLE_FILES.results));
    await symlink(path.join(outside, BUNDLE_FILES.results), path.join(b, BUNDLE_FILES.results));
    const c = await fresh('links/linked-manifest');
    await symlink(path.join(outside, BUNDLE_FILES.manifest), path.join(c, BUNDLE_FILES.manifest));
    const set = await readBundles(root, 'report-from');
    assert.deepEqual(set.legs, []);
    assert.deepEqual(set.rejected.map((r) => [r.name, r.reason]).sort(), [
      ['linked-folder', 'is a symbolic link; links in report bundles are not followed'],
      [
        'linked-manifest',
        'threadgate-bundle.json: is a symbolic link; links are not followed here; expected a JSON file',
      ],
      [
        'linked-results',
        'results.json: is a symbolic link; links are not followed here; expected a JSON file',
      ],
    ]);
  });

  it('caps the bundles, the bytes per file and together, and the depth', async () => {
    const root = await fresh('limits');
    for (const name of ['a', 'b', 'c']) {
      await writeBundle(path.join(root, name), {
        manifest: { ...manifest, stickyKey: name, comparison: false },
      });
    }
    await writeBundle(path.join(root, 'x/y/z/deep'), {
      manifest: { ...manifest, comparison: false },
    });
    const size = Buffer.byteLength(JSON.stringify(current));
    const limited = await readBundles(root, 'report-from', {}, { ...BUNDLE_LIMITS, bundles: 2 });
    assert.deepEqual(
      limited.legs.map((l) => l.name),
      ['a', 'b'],
      'x/y/z/deep is 4 levels down',
    );
    assert.deepEqual(limited.rejected, [
      { name: 'c', reason: 'over the limit of 2 bundles in one report; not read' },
    ]);
    const perFile = await readBundles(
      root,
      'report-from',
      {},
      { ...BUNDLE_LIMITS, resultsBytes: size - 1 },
    );
    assert.deepEqual(perFile.legs, []);
    assert.match(
      perFile.rejected[0]!.reason,
      new RegExp(
        `^results\\.json: is ${size} bytes; expected a JSON file of at most ${size - 1} bytes$`,
      ),
    );
    const total = await readBundles(
      root,
      'report-from',
      {},
      { ...BUNDLE_LIMITS, totalBytes: 2 * size + 3000 },
    );
    assert.deepEqual(
      total.legs.map((l) => l.name),
      ['a', 'b'],
    );
    assert.match(
      total.rejected[0]!.reason,
      /^results\.json: would pass the limit of \d+ bytes read from all bundles together$/,
    );
    const deep = await readBundles(root, 'report-from', {}, { ...BUNDLE_LIMITS, depth: 4 });
    assert.deepEqual(
      deep.legs.map((l) => l.name),
      ['a', 'b', 'c', 'x/y/z/deep'],
    );
    const entries = await readBundles(root, 'report-from', {}, { ...BUNDLE_LIMITS, entries: 6 });
    assert.deepEqual(
      entries.legs.map((l) => l.name),
      ['a'],
    );
    assert.match(entries.rejected.at(-1)!.reason, /over 6 entries; the search stopped here/);
  });

  it('rejects a bundle from another repository, run or commit, or whose parts disagree', async () => {
    const root = await fresh('checks');
    await writeBundle(path.join(root, 'other-repo'), {
      manifest: { ...manifest, repository: 'evil/fork' },
    });
    await writeBundle(path.join(root, 'other-run'), { manifest: { ...manifest, runId: '1' } });
    await writeBundle(path.join(root, 'other-head'), { manifest: { ...manifest, headSha: null } });
    await writeBundle(path.join(root, 'no-comparison'), {
      manifest: { ...manifest, comparison: false },
      raw: { comparison: JSON.stringify(toComparisonJson(regression)) },
    });
    const missing = await writeBundle(path.join(root, 'missing-comparison'));
    await rm(path.join(missing, BUNDLE_FILES.comparison));
    await writeBundle(path.join(root, 'foreign-comparison'), {
      results: { ...current, createdAt: '2026-02-02T00:00:00.000Z' },
    });
    await writeBundle(path.join(root, 'stray-cell'), {
      results: { ...current, workloads: [current.workloads[0]] },
    });
    await writeBundle(path.join(root, 'not-utf8'), { raw: { results: '\u0000' } });
    await writeFile(
      path.join(root, 'not-utf8', BUNDLE_FILES.results),
      Buffer.from([0x7b, 0xff, 0x7d]),
    );
    await writeBundle(path.join(root, 'forged-verdict'), {
      comparison: { ...toComparisonJson(regression), verdict: 'pass' },
    });
    const set = await readBundles(root, 'report-from', {
      repository: 'octo-org/octo-repo',
      runId: '4242',
      headSha: HEAD,
    });
    assert.deepEqual(set.legs, []);
    const reasons = Object.fromEntries(set.rejected.map((r) => [r.name, r.reason]));
    assert.match(
      reasons['other-repo']!,
      /is from the repository evil\/fork; expected octo-org\/octo-repo/,
    );
    assert.match(reasons['other-run']!, /is from run 1; expected the triggering run 4242/);
    assert.match(
      reasons['other-head']!,
      /measured no pull request head; expected the triggering run's head c0ffee/,
    );
    assert.match(
      reasons['no-comparison']!,
      /comparison\.json: is present, but the manifest says the bundle has none/,
    );
    assert.match(
      reasons['missing-comparison']!,
      /comparison\.json: is missing, but the manifest says the bundle has one/,
    );
    assert.match(
      reasons['foreign-comparison']!,
      /comparison\.json: is the comparison of the run of .*expected the comparison of the run of results\.json/,
    );
    assert.match(
      reasons['stray-cell']!,
      /comparison\.json: has a cell for ".*" at \d+ threads, which the run of results\.json did not measure/,
    );
    assert.match(reasons['not-utf8']!, /results\.json: is not UTF-8 text/);
    assert.match(
      reasons['forged-verdict']!,
      /"verdict" is the string "pass"; expected "regression", the verdict its cells give/,
    );
  });

  it('two bundles of one leg are both read, with a note', async () => {
    const root = await fresh('duplicates');
    await writeBundle(path.join(root, 'one'));
    await writeBundle(path.join(root, 'two'));
    const set = await readBundles(root, 'report-from');
    assert.equal(set.legs.length, 2);
    assert.match(
      set.notes[0]!,
      /the bundles one, two are the same leg \(latency \/ bench \/ os=ubuntu-latest\); give each leg its own comment-key/,
    );
  });

  it('a missing folder or one without bundles is an error naming the input', async () => {
    await assert.rejects(
      readBundles(path.join(dir, 'nope'), 'report-from'),
      /^InputError: report-from: got ".*nope", which does not exist/,
    );
    const empty = await fresh('empty');
    await assert.rejects(
      readBundles(empty, 'report-from'),
      /report-from: no threadgate report bundle \(a folder with threadgate-bundle\.json\) within 3 levels/,
    );
  });
});

describe('the report across legs', () => {
  const leg = (label: string, result: Result, comparison: Comparison | null) => ({
    label,
    result,
    comparison,
  });

  it('verdict: the worst leg; slowdown: the largest; threads: only when the legs agree', () => {
    const pass = { ...regression, kind: 'pass' } as unknown as Comparison;
    assert.equal(worstVerdict([]), 'no-baseline');
    assert.equal(worstVerdict([{ comparison: null }, { comparison: pass }]), 'pass');
    assert.equal(
      worstVerdict([{ comparison: pass }, { comparison: regression }, { comparison: null }]),
      'regression',
    );
    assert.equal(maxSlowdownOfLegs([{ comparison: null }]), null);
    assert.equal(
      maxSlowdownOfLegs([{ comparison: null }, { comparison: regression }]),
      (regression as { maxSlowdown: number }).maxSlowdown,
    );
    const k = current.recommendation.ompNumThreads;
    assert.equal(agreedThreads([{ result: current }, { result: current }]), k);
    const other = {
      ...current,
      recommendation: { ...current.recommendation, ompNumThreads: k + 1 },
    };
    assert.equal(agreedThreads([{ result: current }, { result: other }]), null);
    assert.equal(agreedThreads([]), null);
  });

  it('escapes every string from a bundle: labels, CPU names, folder names, reasons', () => {
    const evil = {
      ...current,
      machine: { ...current.machine, cpuModel: '<img src=x> | *cpu* @octocat' },
    };
    const md = renderLegsMarkdown(
      [leg('os=linux', current, regression), leg('[x](https://evil.example) <!-- -->', evil, null)],
      [{ name: 'evil`name<b>', reason: 'results.json: "id" is the string "<script>"' }],
      { runUrl: 'https://github.com/o/r/actions/runs/1' },
    );
    assert.match(
      md,
      /^### ❌ threadgate: latency regression in 1 of 2 legs \(1 bundle rejected\)\n/,
    );
    assert.match(
      md,
      /\| \\\[x\\\]\(https:\u200b\/\/evil\.example\) &lt;!-- --&gt; \| &lt;img src=x&gt; \\\| \\\*cpu\\\* @\u200boctocat \| /,
    );
    assert.match(md, /> - `evil'name<b>`: results\.json: "id" is the string "&lt;script&gt;"/);
    assert.doesNotMatch(md, /<img|<script|<!-- -->|\]\(https:\/\/evil|@octocat/);
    assert.match(md, /\| os=linux \| .* \| ❌ regression \| \+\d+\.\d % \|/);
    assert.match(
      md,
      /<sub>threadgate · one report for 2 legs · \[report run\]\(https:\/\/github\.com\/o\/r\/actions\/runs\/1\)<\/sub>\n$/,
    );
  });
});

describe('the runner context on workflow_run', () => {
  const contextOf = async (payload: unknown) => {
    const file = path.join(dir, `event-${Math.random()}.json`);
    await writeFile(file, JSON.stringify(payload));
    return readRunnerContext({ GITHUB_EVENT_PATH: file, GITHUB_EVENT_NAME: 'workflow_run' });
  };

  it('takes the pull request whose head is the run head, none when GitHub lists none', async () => {
    const run = (pull_requests: unknown[]) => ({
      workflow_run: { id: 4242, head_sha: HEAD, event: 'pull_request', pull_requests },
    });
    assert.deepEqual((await contextOf(run([]))).workflowRun, {
      id: '4242',
      headSha: HEAD,
      event: 'pull_request',
      pullNumber: null,
      headRepository: null,
    });
    const two = run([
      { number: 3, head: { sha: '1'.repeat(40) } },
      { number: 5, head: { sha: HEAD } },
    ]);
    assert.equal((await contextOf(two)).workflowRun?.pullNumber, 5);
    assert.equal((await contextOf(run([{ number: 3 }]))).workflowRun?.pullNumber, 3);
    assert.equal((await contextOf(run([{ number: -1 }]))).workflowRun?.pullNumber, null);
    assert.equal((await contextOf({})).workflowRun, null);
  });
});

describe('mode inputs', () => {
  const settings = (inputs: Record<string, string>) =>
    readActionSettings((name) => inputs[name] ?? '', { availableCpus: 2, logicalCpus: 2 });

  it('report needs report-from; each path input only in its mode; errors name the input', () => {
    assert.deepEqual(
      (({ mode, reportFrom, reportDir }) => ({ mode, reportFrom, reportDir }))(
        settings({ mode: 'report', 'report-from': 'bundles' }),
      ),
      { mode: 'report', reportFrom: 'bundles', reportDir: '' },
    );
    assert.equal(settings({ 'report-dir': 'out/bundle' }).reportDir, 'out/bundle');
    assert.throws(
      () => settings({ mode: 'reports' }),
      /^InputError: mode: got "reports"; expected one of "measure", "report"$/,
    );
    assert.throws(
      () => settings({ mode: 'report' }),
      /report-from: got ""; expected with `mode: report`, the folder/,
    );
    assert.throws(
      () => settings({ 'report-from': 'x' }),
      /report-from: got "x"; expected empty unless `mode` is "report"/,
    );
    assert.throws(
      () => settings({ mode: 'report', 'report-from': 'x', 'report-dir': 'y' }),
      /report-dir: got "y"; expected empty with `mode: report`/,
    );
    assert.throws(
      () => settings({ 'report-dir': 'a\nb' }),
      /report-dir: got "a\\nb"; expected a folder path of at most 4096 printable/,
    );
  });
});
