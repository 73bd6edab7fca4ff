/**
 * The Mermaid chart of the PR comment, rendered for real: mermaid's browser bundle from
 * node_modules in headless Chromium (Debian's `chromium`; skipped with a reason when it is not
 * installed). Catches a chart that GitHub would show as "Syntax error" instead of a picture.
 * Every chart renders in one Chromium launch (before()), and the tests assert on the SVGs.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { compareResults, type Comparison } from '../src/analysis/compare.js';
import { mergeRun } from '../src/baseline/history.js';
import type { Result } from '../src/results/types.js';
import { renderMarkdown, trendChart } from '../src/report/markdown.js';
import type { TrendSeries } from '../src/analysis/trend.js';
import { syntheticResult, type WorkloadSpec } from './fixtures/baseline/synthetic.js';
import {
  chromiumSkipReason,
  decodeHtml,
  mermaidBlocks,
  renderMermaidAll,
  type Rendered,
} from './support/chromium.js';

const MACHINE = { logicalCpus: 4, availableCpus: 4, physicalCores: 2 };
const THREADS = [1, 2, 3, 4];

/** Two workloads on a 4-vCPU runner: one in µs, one in ms. */
const WORKLOADS: readonly WorkloadSpec[] = [
  {
    id: 'matmul:256x256x256',
    cells: [612_000, 348_000, 262_000, 231_000].map((medianNs, i) => ({
      threads: THREADS[i]!,
      medianNs,
    })),
  },
  {
    id: 'matmul:1x4096x4096',
    cells: [5_400_000, 4_100_000, 4_000_000, 4_050_000].map((medianNs, i) => ({
      threads: THREADS[i]!,
      medianNs,
    })),
  },
];

const slower = (specs: readonly WorkloadSpec[], factor: number): WorkloadSpec[] =>
  specs.map((w) => ({
    ...w,
    cells: w.cells.map((c) => ({ ...c, medianNs: c.medianNs * factor })),
  }));

const run = (seed: number, workloads: readonly WorkloadSpec[], createdAt: string): Result =>
  syntheticResult({ seed, workloads, createdAt, machine: MACHINE });

/** A stored baseline of one run and a current run 30 % slower everywhere: a regression. */
function regression(): { current: Result; comparison: Comparison } {
  const base = run(100, WORKLOADS, '2025-06-01T10:00:00.000Z');
  const current = run(200, slower(WORKLOADS, 1.3), '2025-06-02T10:00:00.000Z');
  const stored = { document: mergeRun(null, base).baseline, source: 'test cache', notes: [] };
  return { current, comparison: compareResults(stored, current) };
}

/** Workload ids that do not come from threadgate (file names, commands): the chart title. */
const HOSTILE_IDS = [
  'model "quoted" [bracketed] `ticked`',
  'line one\nline two\r\nline three',
  'a --> b ==> c',
  '%% not a comment',
  "%%{init: {'theme': 'dark'}}%%",
  'x-axis "t" [9, 9]\n  line [1]',
  '```mermaid',
  '<b>tag</b> & #quot; #35; entities',
  'semi;colon: {curly} back\\slash $$x$$ 漢字 🙂',
  'x'.repeat(300),
  '',
];

interface XyChart {
  readonly title: string;
  readonly xLabels: readonly string[];
  readonly yTitle: string;
  /** The y-axis tick labels: value and SVG y. */
  readonly yTicks: readonly { value: number; y: number }[];
  /** The bars (top y and height, in SVG units) of each bar series. */
  readonly bars: readonly (readonly { y: number; height: number }[])[];
  /** The points of each line series. */
  readonly lines: readonly (readonly [number, number])[][];
  readonly background: string | undefined;
}

const texts = (s: string | undefined): string[] =>
  [...(s ?? '').matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((m) => decodeHtml(m[1]!));

/** The parts of a mermaid xychart SVG (classes as mermaid 11 writes them). */
function parseXyChart(svg: string): XyChart {
  const group = (re: RegExp) => re.exec(svg)?.[1];
  return {
    title: texts(group(/<g class="chart-title">([\s\S]*?)<\/g>/)).join(' '),
    xLabels: texts(group(/<g class="bottom-axis">[\s\S]*?<g class="label">([\s\S]*?)<\/g>/)),
    yTitle: texts(group(/<g class="left-axis">[\s\S]*?<g class="title">([\s\S]*?)<\/g>/)).join(' '),
    yTicks: [
      ...(group(/<g class="left-axis">[\s\S]*?<g class="label">([\s\S]*?)<\/g>/) ?? '').matchAll(
        /<text[^>]*translate\([^,]+,\s*([^)]+)\)[^>]*>([^<]*)<\/text>/g,
      ),
    ].map((m) => ({ value: Number(m[2]), y: Number(m[1]) })),
    bars: [...svg.matchAll(/<g class="bar-plot-\d+">([\s\S]*?)<\/g>/g)].map((m) =>
      [...m[1]!.matchAll(/<rect[^>]*>/g)].map(([rect]) => ({
        y: Number(/\by="([^"]+)"/.exec(rect)?.[1]),
        height: Number(/\bheight="([^"]+)"/.exec(rect)?.[1]),
      })),
    ),
    lines: [...svg.matchAll(/<g class="line-plot-\d+"><path d="([^"]*)"/g)].map((m) =>
      [...m[1]!.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((p): [number, number] => [
        Number(p[1]),
        Number(p[2]),
      ]),
    ),
    background: /<rect[^>]*class="background"[^>]*fill="([^"]+)"/.exec(svg)?.[1],
  };
}

/** SVG y → value, from the y-axis tick labels. */
function yScale(chart: XyChart): (y: number) => number {
  const ticks = chart.yTicks;
  assert.ok(ticks.length >= 2, 'y-axis ticks');
  const [a, b] = [ticks[0]!, ticks[ticks.length - 1]!];
  return (y) => a.value + ((y - a.y) * (b.value - a.value)) / (b.y - a.y);
}

function assertClose(actual: number, expected: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= 0.01 * expected, `${what}: ${actual} vs ${expected}`);
}

/** The chart, asserting that mermaid drew it rather than an error. */
function chartOf(r: Rendered | undefined, what: string): XyChart {
  assert.ok(r, `${what}: not rendered`);
  assert.equal(r.error, null, `${what}: mermaid failed: ${r.error}`);
  assert.ok(r.svg, `${what}: no SVG`);
  // Not mermaid's error picture ("Syntax error in text"), and no non-finite coordinates.
  assert.ok(!/Syntax error|Parse error/i.test(r.svg), `${what}: mermaid drew an error`);
  assert.ok(/aria-roledescription="xychart"/.test(r.svg), `${what}: not an xychart`);
  assert.ok(!/NaN|Infinity/.test(r.svg), `${what}: non-finite coordinates`);
  return parseXyChart(r.svg);
}

describe('the Mermaid latency chart in headless Chromium', { skip: chromiumSkipReason() }, () => {
  const { current, comparison } = regression();
  const noBaseline = compareResults(null, current);
  const hostile = syntheticResult({
    seed: 7,
    machine: MACHINE,
    workloads: HOSTILE_IDS.map((id) => ({ id, cells: WORKLOADS[0]!.cells })),
  });
  const sources = {
    regression: mermaidBlocks(renderMarkdown(current, comparison, { baselineKind: 'stored' })),
    noBaseline: mermaidBlocks(renderMarkdown(current, noBaseline)),
    withoutComparison: mermaidBlocks(renderMarkdown(current, null)),
    hostile: mermaidBlocks(renderMarkdown(hostile, null)),
  };
  const rendered = new Map<string, Rendered[]>();
  // The trend charts (analysis/trend.ts → trendChart): 12 runs, a +20 % step at run 8.
  const levels = Array.from(
    { length: 12 },
    (_, i) => (i < 8 ? 400_000 : 480_000) * (1 + ((i * 7) % 5) / 200),
  );
  const series = (changes: number[]): TrendSeries => ({
    workload: 'matmul:256',
    threads: 2,
    changes,
    points: levels.map((medianNs, i) => ({
      createdAt: `2026-01-${String(i + 1).padStart(2, '0')}T00:00:00.000Z`,
      sha: `${String(i).padStart(2, '0')}aa${'b'.repeat(36)}`,
      medianNs,
      current: i === levels.length - 1,
    })),
  });
  const trends = { stepped: series([8]), flat: series([]) };
  const trendSources = Object.values(trends).map((t) => mermaidBlocks(trendChart(t))[0]!);
  let trendRendered: Rendered[] = [];

  before(async () => {
    const all = Object.values(sources).flat();
    const out = await renderMermaidAll([...all, ...trendSources], { timeoutMs: 60_000 });
    let at = 0;
    for (const [name, list] of Object.entries(sources)) {
      rendered.set(name, out.slice(at, at + list.length));
      at += list.length;
    }
    trendRendered = out.slice(at);
  });

  it('draws a trend: one point per run, and a change point as a step in the segment bars', () => {
    const [stepped, flat] = [
      chartOf(trendRendered[0], 'stepped trend'),
      chartOf(trendRendered[1], 'flat trend'),
    ];
    for (const chart of [stepped, flat]) {
      assert.equal(chart.title, 'matmul:256 @ 2 (µs)');
      assert.equal(chart.xLabels.length, levels.length);
      assert.equal(chart.xLabels.at(-1), 'this run');
      assert.equal(chart.xLabels[0], '00aabbb');
      assert.equal(chart.lines.length, 1);
      const value = yScale(chart);
      chart.lines[0]!.forEach(([, y], i) => assertClose(value(y), levels[i]! / 1e3, `run ${i}`));
    }
    assert.deepEqual(flat.bars, [], 'no change point: no segment bars');
    const bars = stepped.bars[0]!;
    assert.equal(bars.length, levels.length);
    const value = yScale(stepped);
    const before = value(bars[0]!.y);
    const after = value(bars[levels.length - 1]!.y);
    assert.ok(after / before > 1.15 && after / before < 1.25, `the step: ${before} → ${after}`);
    bars.slice(0, 8).forEach((b) => assertClose(value(b.y), before, 'the first segment is level'));
  });

  it('has one chart per workload in each comment', () => {
    assert.equal(comparison.kind, 'regression');
    assert.equal(noBaseline.kind, 'no-baseline');
    for (const [name, list] of Object.entries(sources)) {
      const expected = name === 'hostile' ? HOSTILE_IDS.length : WORKLOADS.length;
      assert.equal(list.length, expected, name);
      for (const s of list) assert.match(s, /^---\nconfig:\n[\s\S]*?\n---\nxychart-beta\n/);
    }
  });

  it('draws the stored baseline as bars and this run as a line, on a shared y-axis', () => {
    assert.ok(comparison.kind !== 'no-baseline');
    rendered.get('regression')!.forEach((r, i) => {
      const w = current.workloads[i]!;
      const chart = chartOf(r, w.id);
      assert.equal(chart.title, `${w.id} (${i === 0 ? 'µs' : 'ms'})`);
      assert.deepEqual(chart.xLabels, THREADS.map(String));
      assert.equal(chart.yTitle, i === 0 ? 'µs' : 'ms');
      assert.equal(chart.bars.length, 1, 'one bar series');
      assert.equal(chart.bars[0]!.length, THREADS.length, 'one bar per thread count');
      assert.equal(chart.lines.length, 1, 'one line series');
      assert.equal(chart.lines[0]!.length, THREADS.length, 'one line point per thread count');
      // Read against the y-axis ticks, the bars are the baseline medians and the line this
      // run's, and this run (30 % slower) is above the baseline everywhere.
      const unit = i === 0 ? 1e3 : 1e6;
      const value = yScale(chart);
      const bars = chart.bars[0]!;
      THREADS.forEach((t, k) => {
        const cell = comparison.cells.find((c) => c.workload === w.id && c.threads === t)!;
        assertClose(value(bars[k]!.y), cell.baselineMedianNs / unit, `bar at ${t} threads`);
        assertClose(value(chart.lines[0]![k]![1]), cell.currentMedianNs / unit, `line at ${t}`);
        assert.ok(chart.lines[0]![k]![1] < bars[k]!.y, `line above the bar at ${t} threads`);
      });
    });
  });

  it('draws only the line without a baseline', () => {
    for (const name of ['noBaseline', 'withoutComparison']) {
      rendered.get(name)!.forEach((r, i) => {
        const w = current.workloads[i]!;
        const chart = chartOf(r, `${name} ${w.id}`);
        assert.equal(chart.title, `${w.id} (${i === 0 ? 'µs' : 'ms'})`);
        assert.deepEqual(chart.xLabels, THREADS.map(String));
        assert.deepEqual(chart.bars, [], 'no bar series');
        assert.equal(chart.lines.length, 1);
        assert.equal(chart.lines[0]!.length, THREADS.length);
      });
    }
  });

  it('renders whatever the workload id is, and the id cannot reconfigure the chart', () => {
    rendered.get('hostile')!.forEach((r, i) => {
      const id = HOSTILE_IDS[i]!;
      const chart = chartOf(r, JSON.stringify(id));
      assert.match(chart.title, /\(µs\)$/, JSON.stringify(id));
      assert.ok(chart.title.length <= 40 + 5, `title of ${JSON.stringify(id)} is truncated`);
      // The rest of the chart is intact: nothing in the title swallowed or added a line.
      assert.deepEqual(chart.xLabels, THREADS.map(String), JSON.stringify(id));
      assert.equal(chart.yTitle, 'µs');
      assert.deepEqual(chart.bars, []);
      assert.equal(chart.lines.length, 1);
      assert.equal(chart.lines[0]!.length, THREADS.length);
      // A `%%{init: …}%%` directive in the id would switch the theme (dark background).
      assert.equal(chart.background, 'white', JSON.stringify(id));
    });
  });
});
