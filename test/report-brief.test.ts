/**
 * What a reviewer reads first (issue 21, item 7): the verdict, the recommendation, the kind of
 * machine it holds for and the cells that matter; one calm line for cells the time budget
 * stopped; everything else folded (`<details>` in the comment and the summary, `--verbose` in the
 * terminal) but still there. On a real result: the default sweep (`threadgate sweep`, 60 s) as
 * this project's 2-vCPU machine recorded it, where 2 of 6 cells stopped at the budget.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { marked } from 'marked';
import { compareResults } from '../src/analysis/compare.js';
import { mergeRun } from '../src/baseline/history.js';
import { budgetNote } from '../src/report/brief.js';
import { formatNs } from '../src/report/format.js';
import { latencyChart, renderMarkdown } from '../src/report/markdown.js';
import { renderSweep } from '../src/report/terminal.js';
import type { Point, Result } from '../src/results/types.js';
import { syntheticResult, type WorkloadSpec } from './fixtures/baseline/synthetic.js';
import { ROOT } from './support/cli.js';
import { mermaidBlocks } from './support/chromium.js';
import { schemaErrors } from './support/schema.js';

const DEFAULT_SWEEP = JSON.parse(
  readFileSync(path.join(ROOT, 'test/fixtures/results/default-sweep-2vcpu.json'), 'utf8'),
) as Result;

/** The markdown with every `<details>` block taken out, and the blocks themselves. */
function split(md: string): { outside: string; inside: string[] } {
  const inside: string[] = [];
  const outside = md.replace(/<details>[\s\S]*?<\/details>/g, (block) => {
    inside.push(block);
    return '';
  });
  return { outside, inside };
}

/** Prose lines: not table rows, not inside code fences. */
function proseLines(text: string): string[] {
  const out: string[] = [];
  let fenced = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) {
      fenced = !fenced;
      continue;
    }
    if (!fenced && !line.startsWith('|') && line.trim() !== '') out.push(line);
  }
  return out;
}

const withPoint = (r: Result, id: string, threads: number, change: Partial<Point>): Result => ({
  ...r,
  workloads: r.workloads.map((w) =>
    w.id !== id
      ? w
      : { ...w, points: w.points.map((p) => (p.threads === threads ? { ...p, ...change } : p)) },
  ),
});

describe('the comment and the summary: the few cells that matter first, the rest folded', () => {
  it('the recorded default sweep is a valid results file with cells the budget stopped', () => {
    assert.deepEqual(schemaErrors('results.schema.json', DEFAULT_SWEEP), []);
    const stopped = DEFAULT_SWEEP.workloads.flatMap((w) => w.points).filter((p) => !p.converged);
    assert.equal(stopped.length, 2, 'the fixture shows what issue 21 saw');
  });

  it('outside <details>: the verdict, the recommendation, the machine kind, the key cells, one budget line', () => {
    const md = renderMarkdown(DEFAULT_SWEEP, null, {});
    const { outside, inside } = split(md);
    assert.match(outside, /^### ℹ️ threadgate: 2 threads recommended/);
    assert.match(outside, /OMP_NUM_THREADS: "2"/);
    // The machine kind the recommendation is for, named by its CPU and fingerprint.
    const kind = outside.split('\n').filter((l) => l.includes('kind of machine'));
    assert.equal(kind.length, 1, outside);
    assert.ok(kind[0]!.includes(DEFAULT_SWEEP.machine.cpuModel));
    assert.ok(kind[0]!.includes(`\`${DEFAULT_SWEEP.machine.fingerprint}\``));
    assert.match(kind[0]!, /Another machine may recommend differently/);
    // One table: each workload's recommended (here also fastest) cell, nothing else.
    const rows = outside.split('\n').filter((l) => /^\| MatMul /.test(l));
    assert.equal(rows.length, DEFAULT_SWEEP.workloads.length, outside);
    for (const w of DEFAULT_SWEEP.workloads) {
      const row = rows.find((r) => r.startsWith(`| ${w.label} | ${w.recommended.threads} |`));
      assert.ok(row?.includes('**recommended**'), `${w.id}: ${rows.join('\n')}`);
    }
    // The cells the budget stopped: one calm line, not a warning per cell.
    const budget = outside.split('\n').filter((l) => /budget/.test(l));
    assert.deepEqual(budget.length, 1, budget.join('\n'));
    assert.match(
      budget[0]!,
      /^2 of 6 cells stopped at the 60 s budget at up to ±\d+ % \(target ±2 %\)/,
    );
    assert.doesNotMatch(md, /budget hit before|\[!WARNING\]/);
    // No per-workload section, no chart outside the folds.
    assert.doesNotMatch(outside, /^#### /m);
    assert.equal(mermaidBlocks(outside).length, 0);
    // Prose outside the folds reads in a line each.
    for (const line of proseLines(outside))
      assert.ok(line.length <= 220, `${line.length}: ${line}`);
    assert.equal(inside.length, 2);
  });

  it('inside <details>: every cell, each workload’s chart unchanged, the machine in short lines', () => {
    const md = renderMarkdown(DEFAULT_SWEEP, null, {});
    const { inside } = split(md);
    const folded = inside.join('\n');
    assert.match(
      inside[0]!,
      /^<details><summary>All 6 cells: each workload's table and chart<\/summary>\n\n/,
    );
    for (const w of DEFAULT_SWEEP.workloads) {
      assert.match(folded, new RegExp(`^#### ${w.label}$`, 'm'));
      for (const p of w.points)
        assert.ok(folded.includes(formatNs(p.medianNs)), `${w.id} @ ${p.threads}`);
    }
    // The charts are the ones chart.test.ts renders in Chromium, now inside the fold.
    assert.deepEqual(
      mermaidBlocks(folded),
      DEFAULT_SWEEP.workloads.map((w) => mermaidBlocks(latencyChart(w, null))[0]),
    );
    // The facts are kept, each on a short line: the machine, the peak estimate, the overhead.
    const facts = inside[1]!.split('\n').filter((l) => l.startsWith('- '));
    assert.ok(facts.some((l) => /^- Machine: linux x64, AMD EPYC: 2 usable CPUs/.test(l)));
    assert.ok(facts.some((l) => /^- Peak: estimated 157 GFLOP\/s FP32 \(AVX2\+FMA/.test(l)));
    assert.ok(
      facts.some((l) => /^- Above 100 % of peak: /.test(l)),
      'the 114 % cell is explained',
    );
    for (const l of facts) assert.ok(l.length <= 160, `${l.length}: ${l}`);
    // As GitHub renders it (marked, GFM): the first fold starts after the one table.
    const html = marked.parse(md, { async: false, gfm: true });
    const head = html.slice(0, html.indexOf('<details>'));
    assert.equal(head.match(/<table>/g)?.length, 1);
    assert.doesNotMatch(head, /<h4|language-mermaid/);
    assert.equal(html.match(/<h4/g)?.length, DEFAULT_SWEEP.workloads.length);
    assert.equal(html.match(/language-mermaid/g)?.length, DEFAULT_SWEEP.workloads.length);
  });

  it('a regression: the regressed cells with their change outside, every cell folded', () => {
    const workloads: WorkloadSpec[] = [
      {
        id: 'matmul:256x256x256',
        cells: [1, 2, 3, 4].map((threads, i) => ({
          threads,
          medianNs: [612, 348, 262, 231][i]! * 1e3,
        })),
      },
    ];
    const machine = { logicalCpus: 4, availableCpus: 4, physicalCores: 2 };
    const base = syntheticResult({ seed: 100, workloads, machine });
    const current = syntheticResult({
      seed: 200,
      machine,
      createdAt: '2025-06-03T10:00:00.000Z',
      workloads: workloads.map((w) => ({
        ...w,
        // 30 % slower at 1 and 2 threads; 3 and 4 threads unchanged.
        cells: w.cells.map((c) => ({ ...c, medianNs: c.medianNs * (c.threads <= 2 ? 1.3 : 1) })),
      })),
    });
    const stored = { document: mergeRun(null, base).baseline, source: 'test cache', notes: [] };
    const comparison = compareResults(stored, current);
    assert.equal(comparison.kind, 'regression');
    const { outside, inside } = split(
      renderMarkdown(current, comparison, { baselineKind: 'stored' }),
    );
    const rows = outside.split('\n').filter((l) => l.startsWith('| MatMul '));
    // The regressed cells (1 and 2 threads) and the recommended and fastest one (4); not 3.
    assert.deepEqual(
      rows.map((r) => Number(r.split(' | ')[1])),
      [1, 2, 4],
      outside,
    );
    for (const r of rows.slice(0, 2))
      assert.match(
        r,
        /^\| MatMul 256×256×256 float32 \| \d \| .* \| \+\d+\.\d % \| ❌ regression \| {2}\|$/,
      );
    assert.match(rows[2]!, /\| ✅ \| \*\*recommended\*\*, fastest \|$/);
    assert.match(outside, /^\| workload \| threads \| baseline \| this run \| Δ \| gate \| \|$/m);
    const folded = inside.join('\n');
    for (const t of [1, 2, 3, 4]) assert.match(folded, new RegExp(`^\\| ${t} \\| `, 'm'));
    assert.equal(mermaidBlocks(folded).length, 1);
  });
});

describe('the terminal: the short form by default, every fact under --verbose', () => {
  it('the default output: the key cells, the recommendation, the machine kind, one budget line', () => {
    const text = renderSweep(DEFAULT_SWEEP);
    const lines = text.split('\n');
    // One row per key cell, each marked.
    const rows = lines.filter((l) => /^MatMul /.test(l));
    assert.equal(rows.length, DEFAULT_SWEEP.workloads.length, text);
    for (const r of rows) assert.match(r, /►\s+\d+ .* recommended$/);
    assert.match(text, /^Recommendation: 2 threads/m);
    assert.match(text, /^ {2}OMP_NUM_THREADS=2 /m);
    assert.match(
      text,
      /^This recommendation is for this kind of machine: linux x64, AMD EPYC, 2 usable CPUs \(fingerprint 5d9530297e82fc48\)\. Another machine may recommend differently\.$/m,
    );
    assert.equal(lines.filter((l) => /stopped at the 60 s budget/.test(l)).length, 1);
    assert.doesNotMatch(
      text,
      /budget hit before|% peak|MLAS|^Machine:|estimated peak|Per-call overhead/m,
    );
    assert.match(text, /All 6 cells, the machine in full and the notes: --verbose\./);
    for (const l of lines) assert.ok(l.length <= 200, `${l.length}: ${l}`);
  });

  it('--verbose: every cell, the machine and the notes, still without a warning per cell', () => {
    const text = renderSweep(DEFAULT_SWEEP, undefined, { verbose: true });
    for (const w of DEFAULT_SWEEP.workloads) {
      for (const p of w.points)
        assert.ok(text.includes(formatNs(p.medianNs)), `${w.id} @ ${p.threads}`);
    }
    assert.match(text, /% peak/);
    assert.match(
      text,
      /^Machine: linux x64, AMD EPYC: 2 usable CPUs \(affinity 2 of 2, no CPU quota\), 2 physical cores$/m,
    );
    assert.match(text, /^Peak: estimated 157 GFLOP\/s FP32 \(AVX2\+FMA/m);
    assert.match(text, /^Above 100 % of peak: /m);
    assert.match(text, /MLAS ≤ 16385 threads/, 'the cap is kept, short');
    assert.match(text, /^Per-call overhead of session\.run: 32\.47 µs$/m);
    assert.match(text, /^Stopped at the budget: matmul:1024 at 2, matmul:1x4096x4096 at 2\.$/m);
    assert.doesNotMatch(text, /budget hit before/);
    for (const l of text.split('\n')) assert.ok(l.length <= 200, `${l.length}: ${l}`);
  });
});

describe('the notes that matter only sometimes', () => {
  it('the MLAS cap is said where it is below a swept thread count, nowhere else', () => {
    const spec: WorkloadSpec = {
      id: 'matmul:48x64x32',
      cells: [1, 2, 4].map((threads) => ({ threads, medianNs: 20_000 / Math.min(threads, 2) })),
      recommended: 2,
    };
    const machine = { logicalCpus: 4, availableCpus: 4, physicalCores: 4 };
    const plain = syntheticResult({ seed: 5, workloads: [spec], machine });
    // MLAS: floor(48·64·32 / 65536) + 1 = 2 threads for this shape (DESIGN.md).
    const capped: Result = {
      ...plain,
      workloads: plain.workloads.map((w) => ({ ...w, mlasMaxThreads: 2 })),
    };
    const roomy: Result = {
      ...plain,
      workloads: plain.workloads.map((w) => ({ ...w, mlasMaxThreads: 257 })),
    };
    const note = /MLAS splits this shape over at most 2 threads: more cannot help\./;
    assert.match(renderSweep(capped), note);
    assert.match(split(renderMarkdown(capped, null)).outside, note);
    assert.doesNotMatch(renderSweep(roomy), /MLAS/);
    assert.doesNotMatch(renderMarkdown(roomy, null), /MLAS/);
  });

  it('the budget line says whether the stopped cells are enough to rank them', () => {
    assert.match(
      budgetNote(DEFAULT_SWEEP),
      /; one is within the noise of the recommendation \(matmul:1x4096x4096 at 2\): a longer budget would settle it\.$/,
    );
    // 1 thread, 4.355–4.461 ms, is recommended: a 2-thread interval apart from it ranks it…
    const apart = withPoint(DEFAULT_SWEEP, 'matmul:1x4096x4096', 2, { ci95Ns: [4.6e6, 4.9e6] });
    assert.match(budgetNote(apart), /— enough to rank them\.$/);
    // …and so does one that overlaps but cannot be more than the 5 % tolerance faster.
    const close = withPoint(DEFAULT_SWEEP, 'matmul:1x4096x4096', 2, { ci95Ns: [4.3e6, 4.9e6] });
    assert.match(budgetNote(close), /— enough to rank them\.$/);
    const converged: Result = {
      ...DEFAULT_SWEEP,
      workloads: DEFAULT_SWEEP.workloads.map((w) => ({
        ...w,
        points: w.points.map((p) => ({ ...p, converged: true })),
      })),
    };
    assert.equal(budgetNote(converged), '');
    assert.doesNotMatch(renderSweep(converged, undefined, { verbose: true }), /stopped at/i);
  });
});
