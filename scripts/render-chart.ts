/**
 * Renders the Mermaid latency chart of a sample PR comment (a stored baseline and a run that
 * regressed at 3 and 4 threads, on a 4-vCPU runner) to docs/img/chart-sample.png, with mermaid
 * from node_modules in headless Chromium (Debian's `chromium`), and prints the chart's source.
 *
 *   node --import tsx scripts/render-chart.ts [out.png]
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { compareResults } from '../src/analysis/compare.js';
import { mergeRun } from '../src/baseline/history.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { syntheticResult, type WorkloadSpec } from '../test/fixtures/baseline/synthetic.js';
import { chromiumSkipReason, mermaidBlocks, renderMermaid } from '../test/support/chromium.js';

const out = path.resolve(process.argv[2] ?? 'docs/img/chart-sample.png');
const machine = { logicalCpus: 4, availableCpus: 4, physicalCores: 2 };

const workload = (medians: readonly number[]): WorkloadSpec[] => [
  {
    id: 'matmul:256x256x256',
    cells: medians.map((medianNs, i) => ({ threads: i + 1, medianNs, spread: 0.03 })),
  },
];
const baseline = syntheticResult({
  seed: 100,
  machine,
  workloads: workload([612_000, 348_000, 262_000, 231_000]),
  createdAt: '2025-06-01T10:00:00.000Z',
});
const current = syntheticResult({
  seed: 200,
  machine,
  workloads: workload([618_000, 352_000, 341_000, 322_000]),
  createdAt: '2025-06-02T10:00:00.000Z',
});
const comparison = compareResults(
  { document: mergeRun(null, baseline).baseline, source: 'sample', notes: [] },
  current,
);

const skip = chromiumSkipReason();
if (skip !== undefined) {
  console.error(skip);
  process.exit(1);
}
const [source] = mermaidBlocks(renderMarkdown(current, comparison, { baselineKind: 'stored' }));
if (source === undefined) throw new Error('no mermaid block in the comment');
console.log(`comparison: ${comparison.kind}\n${source}`);
mkdirSync(path.dirname(out), { recursive: true });
// mermaid's xychart is 700×500; a device scale of 2 keeps the PNG sharp on high-DPI screens.
const rendered = await renderMermaid(source, {
  screenshot: out,
  width: 700,
  height: 500,
  scale: 2,
});
if (rendered.error !== null) throw new Error(`mermaid failed: ${rendered.error}`);
console.log(`wrote ${path.relative(process.cwd(), out)}`);
