/**
 * The report as markdown: the sticky PR comment and the job summary share it. Readable at a
 * glance (headline verdict, the snippet to paste), detailed on demand (tables, a Mermaid chart,
 * raw statistics in a collapsed block). Text that threadgate does not control (workload labels
 * built from user commands and file names, branch names) is escaped.
 */
import { describeChange } from '../analysis/changes.js';
import { describeNormalization } from '../analysis/normalize.js';
import { duetText } from '../analysis/same-job.js';
import type { CellComparison, Comparison } from '../analysis/compare.js';
import { escapeMarkdown, plainText } from './text.js';
import type { Result, WorkloadResult } from '../results/types.js';
import { geometricMean, median } from '../stats/index.js';
import type { HistoryRecommendation, TrendSeries } from '../analysis/trend.js';
import { ACCEPT_LABEL, ACCEPT_TRAILER } from '../analysis/outcome.js';
import {
  engineText,
  formatNs,
  formatPercent,
  formatRange,
  formatSignedPercent,
  runsAsProgram,
} from './format.js';
import { describeMachine, describePeak, skippedText } from './terminal.js';
import {
  ABOVE_PEAK_NOTE,
  abovePeak,
  budgetNote,
  keyPoints,
  machineKindNote,
  mlasNote,
} from './brief.js';

/** Which kind of baseline the comparison used, for the reader. */
export type BaselineKind = 'stored' | 'same-job' | 'file';

export interface MarkdownContext {
  /** e.g. "threadgate · ubuntu-latest": names the job/matrix combination. */
  readonly title?: string;
  readonly baselineKind?: BaselineKind;
  /** How to get a baseline, shown when there is none. */
  readonly noBaselineHint?: string;
  readonly resultsPath?: string;
  /** The results file is under the runner's temporary folder (not worth naming in a comment). */
  readonly resultsPathIsTemporary?: boolean;
  readonly runUrl?: string;
  /** Extra warnings to show (e.g. "could not save the baseline"). */
  readonly warnings?: readonly string[];
  /** The stored history's line, e.g. "history: 7 → 8 runs" or "history reset: 0 → 1 run (…)". */
  readonly history?: string;
  /** The gated cells' last runs (analysis/trend.ts trendSeries): drawn as trend charts. */
  readonly trend?: readonly TrendSeries[];
  /** What the history recommends (analysis/trend.ts historyRecommendation). */
  readonly historyAdvice?: readonly HistoryRecommendation[];
  /** Why a regression does not fail the check (analysis/outcome.ts): shown with it. */
  readonly waived?: string;
  /** Say how to accept an intended slowdown (the action on a pull request: a label, a trailer). */
  readonly acceptHint?: boolean;
  /** Why the head commit's Threadgate-Accept trailer could not be read, when it could not. */
  readonly acceptNote?: string;
}

/**
 * Untrusted text as a code span: backslash escapes do not work inside one, so the characters
 * that could end it (a backtick) or the line (control characters) are replaced: backticks by
 * `'`, control and direction characters by spaces (plainText).
 */
export function codeSpan(text: string): string {
  // No backtick can end the span; no control or direction character can break or disguise it.
  return `\`${plainText(text, 500).replace(/`/g, "'")}\``;
}

const threadsText = (n: number) => `${n} thread${n === 1 ? '' : 's'}`;

const ICON = { pass: '✅', regression: '❌', inconclusive: '⚠️', 'no-baseline': 'ℹ️' } as const;

/** The thread count a framework uses when nobody sets one: one per usable core. */
export function runnerDefaultThreads(result: Result): number {
  const all = result.workloads[0]?.points.map((p) => p.threads) ?? [];
  const wanted = result.machine.availableCpus;
  return all.includes(wanted) ? wanted : Math.max(...all);
}

/** Geometric-mean speedup of `threads` over the runner default, across workloads. */
export function speedupOverDefault(result: Result, threads: number): number | null {
  const def = runnerDefaultThreads(result);
  const ratios = result.workloads.flatMap((w) => {
    const a = w.points.find((p) => p.threads === def);
    const b = w.points.find((p) => p.threads === threads);
    return a && b ? [a.medianNs / b.medianNs] : [];
  });
  return ratios.length ? geometricMean(ratios) : null;
}

export function headline(
  result: Result,
  comparison: Comparison | null,
  ctx: MarkdownContext = {},
): string {
  // "threadgate: …" when the job has no name of its own; never "threadgate: threadgate …".
  const title = `${escapeMarkdown(ctx.title ?? 'threadgate')}: `;
  const recommended = `${threadsText(result.recommendation.ompNumThreads)} recommended`;
  if (comparison === null) {
    return `### ${ICON['no-baseline']} ${title}${recommended}`;
  }
  switch (comparison.kind) {
    case 'pass':
      return `### ${ICON.pass} ${title}no latency regression (largest change ${formatSignedPercent(comparison.maxSlowdown)})`;
    case 'regression': {
      const worst = [...comparison.regressions].sort((a, b) => b.ratio - a.ratio)[0]!;
      return `### ${ICON.regression} ${title}latency regression: ${formatSignedPercent(worst.ratio - 1)} at ${worst.threads} thread${worst.threads === 1 ? '' : 's'} (${escapeMarkdown(worst.workload)})`;
    }
    case 'inconclusive':
      return `### ${ICON.inconclusive} ${title}inconclusive: a slowdown of up to ${formatSignedPercent(comparison.maxSlowdown)} is not statistically clear`;
    case 'no-baseline':
      return `### ${ICON['no-baseline']} ${title}no baseline yet — ${recommended}`;
    default: {
      const never: never = comparison;
      return never;
    }
  }
}

function levelText(level: number): string {
  return `${Number((level * 100).toPrecision(4))} %`;
}

/** Which gate decided, with the threshold and the confidence it actually used. */
export function gateLine(comparison: Comparison | null, ctx: MarkdownContext): string {
  if (comparison === null || comparison.kind === 'no-baseline') return '';
  const s = comparison.settings;
  const where =
    ctx.baselineKind === 'same-job'
      ? `the base measured in this job (${escapeMarkdown(comparison.baseline.source.replace(/^same job: /, ''))})`
      : `the stored baseline (${escapeMarkdown(comparison.baseline.source)}, ${comparison.baseline.runs} run${comparison.baseline.runs === 1 ? '' : 's'} of history)`;
  // The bar each gated cell was held to, as compare.ts decided it per cell: the cold-start bar
  // for a cell without a usable history (fewer than minHistory runs, or no spread at all).
  const gated = comparison.cells.filter((c) => c.gated);
  const cold = gated.filter((c) => c.checks.beyondColdStart !== null).length;
  const why = `without a usable history: fewer than ${s.minHistory} runs, or no spread`;
  const bar =
    ctx.baselineKind === 'same-job' || cold === 0 || s.coldStartThreshold <= s.threshold
      ? `${formatPercent(s.threshold, 0)} or more`
      : cold === gated.length
        ? `${formatPercent(s.coldStartThreshold, 0)} or more (the cold-start bar, ${why}; ${formatPercent(s.threshold, 0)} from then on)`
        : `${formatPercent(s.threshold, 0)} or more (${formatPercent(s.coldStartThreshold, 0)}, the cold-start bar, for ${cold} of the ${gated.length} cells ${why})`;
  const n = comparison.normalization;
  const speed =
    n?.used === true
      ? ` Cells are compared relative to the runner-speed reference ${n.reference}` +
        (n.runnerRatio === null
          ? '.'
          : ` (this runner took ×${n.runnerRatio.toFixed(2)} the baseline run's time on it).`)
      : '';
  return (
    `**Gate:** ${where}; a gated cell fails at a slowdown of ${bar} ` +
    `beyond the noise, at ${levelText(s.confidence)} confidence over the gated cells.${speed}`
  );
}

function recommendationBlock(result: Result): string {
  const k = result.recommendation.ompNumThreads;
  const def = runnerDefaultThreads(result);
  const speedup = speedupOverDefault(result, k);
  const vs =
    k === def
      ? `the runner's default of one thread per CPU (${def}) is already the best choice here`
      : speedup !== null
        ? `${speedup.toFixed(2)}× ${speedup >= 1 ? 'faster than' : 'the speed of'} the default of one thread per CPU (${def})`
        : '';
  const only = result.workloads.length === 1 ? result.workloads[0] : undefined;
  const target = runsAsProgram(only)
    ? `Run ${codeSpan(only.label)} with it: paste into the workflow or deployment:`
    : 'Paste into the workflow or deployment:';
  return [
    `**Recommended: ${k} thread${k === 1 ? '' : 's'}**${vs ? ` — ${vs}` : ''}. ${target}`,
    '',
    '```yaml',
    'env:',
    `  OMP_NUM_THREADS: "${k}"          # PyTorch, OpenMP, MKL, OpenBLAS`,
    `  ORT_INTRA_OP_NUM_THREADS: "${result.recommendation.ortIntraOpNumThreads}" # ONNX Runtime: pass as intraOpNumThreads`,
    '```',
    ...throughputRecommendation(result),
  ].join('\n');
}

/** The throughput objective's recommendation, said the way a server is configured. */
function throughputRecommendation(result: Result): string[] {
  const t = result.recommendation.throughput;
  if (t === undefined) return [];
  return [
    '',
    `**For throughput: ${t.workers} worker${t.workers === 1 ? '' : 's'} × \`OMP_NUM_THREADS=${t.threadsPerWorker}\`** — ${escapeMarkdown(t.basis ?? '')}.`,
  ];
}

/** A workload's throughput splits (empty when not measured). */
function throughputTable(w: WorkloadResult): string {
  const t = w.throughput;
  if (t === undefined || t.points.length === 0) return '';
  const rows = [
    '| workers × threads | requests/s | 95 % CI | p50 | p99 | |',
    '|---:|---:|---:|---:|---:|:---|',
    ...t.points.map(
      (p) =>
        `| ${p.workers} × ${p.threadsPerWorker} | ${p.requestsPerSec.toFixed(1)} | ${p.ci95[0].toFixed(1)} – ${p.ci95[1].toFixed(1)} | ${formatNs(p.p50Ns)} | ${formatNs(p.p99Ns)} | ${p.workers === t.recommended.workers ? '**recommended**' : ''} |`,
    ),
  ];
  return `Throughput by split of the CPUs (each worker its own session or process, all at once):\n\n${rows.join('\n')}`;
}

function noBaselineText(comparison: Comparison | null, ctx: MarkdownContext): string {
  if (comparison !== null && comparison.kind !== 'no-baseline') return '';
  const reason = comparison?.reason ? `No comparison: ${escapeMarkdown(comparison.reason)}. ` : '';
  return (
    reason +
    (ctx.noBaselineHint ??
      'To get a baseline, run threadgate on pushes to the default branch (`save-baseline: auto` saves them to the Actions cache); pull requests then compare with the latest one.')
  );
}

function cellFor(
  comparison: Comparison | null,
  workload: string,
  threads: number,
): CellComparison | undefined {
  if (comparison === null || comparison.kind === 'no-baseline') return undefined;
  return comparison.cells.find((c) => c.workload === workload && c.threads === threads);
}

function gateMark(c: CellComparison): string {
  if (!c.gated) return '';
  if (c.regression) return '❌ regression';
  if (c.status === 'inconclusive') return '⚠️ unclear';
  return '✅';
}

function workloadTable(
  w: WorkloadResult,
  comparison: Comparison | null,
  usable = Infinity,
): string {
  const compared = comparison !== null && comparison.kind !== 'no-baseline';
  const marks = (t: number) => roleMarks(w, t, usable);
  const rows: string[] = [];
  if (compared) {
    rows.push('| threads | baseline | this run | Δ | CI of Δ | p (Holm) | gate | |');
    rows.push('|---:|---:|---:|---:|---:|---:|:---|:---|');
    for (const p of w.points) {
      const c = cellFor(comparison, w.id, p.threads);
      // Each CI at its own level: the confidence, or Bonferroni-widened for gated cells.
      const ci = c?.ci95
        ? `${formatSignedPercent(c.ci95[0] - 1)} … ${formatSignedPercent(c.ci95[1] - 1)} (${levelText(c.ciLevel)})`
        : '–';
      rows.push(
        `| ${p.threads} | ${c ? formatNs(c.baselineMedianNs) : '–'} | ${formatNs(p.medianNs)} | ${c ? formatSignedPercent(c.ratio - 1) : '–'} | ${ci} | ${c?.pAdjusted != null ? c.pAdjusted.toPrecision(2) : '–'} | ${c ? gateMark(c) : ''} | ${marks(p.threads)} |`,
      );
    }
  } else {
    rows.push('| threads | median | 95 % CI | GFLOP/s | speedup | |');
    rows.push('|---:|---:|---:|---:|---:|:---|');
    for (const p of w.points) {
      rows.push(
        `| ${p.threads} | ${formatNs(p.medianNs)} | ${formatRange(p.ci95Ns[0], p.ci95Ns[1])} | ${p.gflops != null ? p.gflops.toFixed(1) : '–'} | ${p.speedup != null ? `${p.speedup.toFixed(2)}×` : '–'} | ${marks(p.threads)} |`,
      );
    }
  }
  return rows.join('\n');
}

/**
 * Mermaid label text: no quotes, brackets or newlines, and no `%%` (a `%%{…}%%` directive is
 * honoured anywhere in the source, and `"%%` starts a comment that breaks the chart).
 */
function chartText(s: string, max = 40): string {
  const clean = s.replace(/["[\]`\n\r<>]/g, ' ').replace(/%+/g, '%');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** Series colours: pale bars for the baseline, a strong line for this run (no legend exists). */
const BASELINE_COLOUR = '#9ec5e8';
const CURRENT_COLOUR = '#d62728';

/** The chart's legend, as xychart has none. */
function chartCaption(w: WorkloadResult, comparison: Comparison | null): string {
  const hasBase = w.points.every((p) => cellFor(comparison, w.id, p.threads) !== undefined);
  return hasBase
    ? 'Latency by thread count — bars: baseline, red line: this run.'
    : 'Latency by thread count (red line: this run).';
}

/** A Mermaid xychart of latency against threads: bars the baseline, the line this run. */
export function latencyChart(w: WorkloadResult, comparison: Comparison | null): string {
  const maxNs = Math.max(...w.points.map((p) => p.medianNs));
  const [unit, scale] = maxNs >= 1e6 ? ['ms', 1e6] : maxNs >= 1e3 ? ['µs', 1e3] : ['ns', 1];
  const fmt = (ns: number) => Number((ns / scale).toPrecision(4));
  const base = w.points.map((p) => cellFor(comparison, w.id, p.threads)?.baselineMedianNs ?? null);
  const hasBase = base.every((b) => b !== null);
  const palette = hasBase ? `${BASELINE_COLOUR}, ${CURRENT_COLOUR}` : CURRENT_COLOUR;
  const lines = [
    '```mermaid',
    '---',
    'config:',
    '  themeVariables:',
    '    xyChart:',
    `      plotColorPalette: "${palette}"`,
    '---',
    'xychart-beta',
    `  title "${chartText(w.id)} (${unit})"`,
    `  x-axis "threads" [${w.points.map((p) => p.threads).join(', ')}]`,
    `  y-axis "${unit}" 0 --> ${fmt(Math.max(maxNs, ...base.map((b) => b ?? 0)) * 1.1)}`,
  ];
  if (hasBase) lines.push(`  bar [${base.map((b) => fmt(b!)).join(', ')}]`);
  lines.push(`  line [${w.points.map((p) => fmt(p.medianNs)).join(', ')}]`, '```');
  return lines.join('\n');
}

/** What the history recommends, and whether this run agrees. */
function historyAdviceText(advice: readonly HistoryRecommendation[]): string {
  const lines = advice.map((a) => {
    const agree = a.current === a.threads;
    return (
      `- ${escapeMarkdown(a.workload)}: the history recommends ${threadsText(a.threads)} (${a.agreeing} of its last ${a.runs} runs)` +
      (agree
        ? '; this run agrees.'
        : `; **this run's answer, ${threadsText(a.current)}, differs** — one run on a busy host can; the history's is the steadier advice.`)
    );
  });
  return lines.length > 0 ? `**From the stored history:**\n\n${lines.join('\n')}` : '';
}

/** The gated cells' last runs, each a Mermaid chart; change points start a new bar level. */
function trendBlock(series: readonly TrendSeries[]): string {
  const parts = series.map((s) => {
    const n = s.points.length;
    const changed = s.changes
      .map((i) => s.points[i]!)
      .map((p) => (p.sha ? codeSpan(p.sha.slice(0, 7)) : escapeMarkdown(p.createdAt.slice(0, 10))));
    const caption =
      `${escapeMarkdown(s.workload)} at ${threadsText(s.threads)}, the last ${n} runs (the last: this run) — ` +
      (s.changes.length > 0
        ? `line: each run's median; bars: the level of each segment between change points (a change at ${changed.join(', ')}).`
        : "each run's median; no change point.");
    return `${caption}\n\n${trendChart(s)}`;
  });
  return `#### Trend\n\n${parts.join('\n\n')}`;
}

/** A Mermaid xychart of one cell over runs: the line the run medians, bars the segment levels. */
export function trendChart(s: TrendSeries): string {
  const maxNs = Math.max(...s.points.map((p) => p.medianNs));
  const [unit, scale] = maxNs >= 1e6 ? ['ms', 1e6] : maxNs >= 1e3 ? ['µs', 1e3] : ['ns', 1];
  const fmt = (ns: number) => Number((ns / scale).toPrecision(4));
  const labels = s.points.map((p, i) =>
    p.current ? 'this run' : p.sha ? p.sha.slice(0, 7) : `${i + 1}`,
  );
  const lines = [
    '```mermaid',
    '---',
    'config:',
    '  themeVariables:',
    '    xyChart:',
    `      plotColorPalette: "${s.changes.length > 0 ? `${BASELINE_COLOUR}, ${CURRENT_COLOUR}` : CURRENT_COLOUR}"`,
    '---',
    'xychart-beta',
    `  title "${chartText(s.workload)} @ ${s.threads} (${unit})"`,
    `  x-axis [${labels.map((l) => `"${chartText(l, 12)}"`).join(', ')}]`,
    `  y-axis "${unit}" 0 --> ${fmt(maxNs * 1.1)}`,
  ];
  if (s.changes.length > 0) {
    const bounds = [0, ...s.changes, s.points.length];
    const level: number[] = [];
    for (let b = 0; b + 1 < bounds.length; b++) {
      const seg = s.points.slice(bounds[b], bounds[b + 1]).map((p) => p.medianNs);
      const m = median(seg);
      for (let i = bounds[b]!; i < bounds[b + 1]!; i++) level.push(m);
    }
    lines.push(`  bar [${level.map(fmt).join(', ')}]`);
  }
  lines.push(`  line [${s.points.map((p) => fmt(p.medianNs)).join(', ')}]`, '```');
  return lines.join('\n');
}

/**
 * A folded block: the summary line stays in view, the body opens on a click. The blank lines
 * around the body let GitHub render its markdown (tables, Mermaid charts) inside.
 */
function fold(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

function trendSummary(series: readonly TrendSeries[]): string {
  const runs = Math.max(...series.map((s) => s.points.length));
  const changes = series.reduce((n, s) => n + s.changes.length, 0);
  return (
    `Trend of the ${series.length} gated cell${series.length === 1 ? '' : 's'} over the last ${runs} runs` +
    (changes > 0 ? ` (${changes} change point${changes === 1 ? '' : 's'})` : '')
  );
}

/**
 * The cells that matter, in one table: each workload's recommended and fastest thread count (the
 * cells the default gate holds), and any regressed or undecided cell; then the one-line notes
 * about them (the budget, the MLAS cap). Every cell is in the folded per-workload tables.
 */
function keyCellsBlock(result: Result, comparison: Comparison | null): string {
  const compared = comparison !== null && comparison.kind !== 'no-baseline';
  const rows: string[] = compared
    ? [
        '| workload | threads | baseline | this run | Δ | gate | |',
        '|:---|---:|---:|---:|---:|:---|:---|',
      ]
    : ['| workload | threads | median | 95 % CI | speedup | |', '|:---|---:|---:|---:|---:|:---|'];
  const usable = result.machine.availableCpus;
  for (const w of result.workloads) {
    const keys = new Set(keyPoints(w).map((p) => p.threads));
    const points = w.points.filter((p) => {
      if (keys.has(p.threads)) return true;
      const c = cellFor(comparison, w.id, p.threads);
      return c !== undefined && (c.regression || (c.gated && c.status !== 'pass'));
    });
    for (const p of points) {
      const role = roleMarks(w, p.threads, usable);
      if (compared) {
        const c = cellFor(comparison, w.id, p.threads);
        rows.push(
          `| ${escapeMarkdown(w.label)} | ${p.threads} | ${c ? formatNs(c.baselineMedianNs) : '–'} | ${formatNs(p.medianNs)} | ${c ? formatSignedPercent(c.ratio - 1) : '–'} | ${c ? gateMark(c) : ''} | ${role} |`,
        );
      } else {
        rows.push(
          `| ${escapeMarkdown(w.label)} | ${p.threads} | ${formatNs(p.medianNs)} | ${formatRange(p.ci95Ns[0], p.ci95Ns[1])} | ${p.speedup != null ? `${p.speedup.toFixed(2)}×` : '–'} | ${role} |`,
        );
      }
    }
  }
  const notes = [
    budgetNote(result),
    ...result.workloads.map((w) => (mlasNote(w) ? `${w.label}: ${mlasNote(w)}` : '')),
  ]
    .filter(Boolean)
    .map(escapeMarkdown);
  return [rows.join('\n'), ...notes].join('\n\n');
}

function roleMarks(w: WorkloadResult, threads: number, usable: number): string {
  return [
    threads === w.recommended.threads ? '**recommended**' : '',
    threads === w.fastest.threads ? 'fastest' : '',
    threads > usable ? 'oversubscribed' : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/** A line per change point in the stored history of the gated cells (analysis/changes.ts). */
function changeLines(comparison: Comparison | null): string[] {
  return (comparison?.changes ?? []).map(
    (c) => `- Change point: ${escapeMarkdown(describeChange(c))}`,
  );
}

function detailsBlock(result: Result, comparison: Comparison | null, ctx: MarkdownContext): string {
  const lines: string[] = ['<details><summary>Machine, settings and raw statistics</summary>', ''];
  lines.push(`- Machine: ${escapeMarkdown(describeMachine(result.machine))}`);
  const peak = describePeak(result.machine);
  if (peak) lines.push(`- Peak: ${escapeMarkdown(peak)}`);
  if (abovePeak(result)) lines.push(`- ${escapeMarkdown(ABOVE_PEAK_NOTE)}`);
  const engine = engineText(result);
  if (engine) lines.push(`- Engine: ${escapeMarkdown(engine)}`);
  lines.push(
    `- Fingerprint ${codeSpan(result.machine.fingerprint)}; onnxruntime ${escapeMarkdown(result.runtime.onnxruntime)}, Node ${escapeMarkdown(result.runtime.node)}`,
  );
  if (result.overhead)
    lines.push(`- Per-call overhead of \`session.run\`: ${formatNs(result.overhead.perCallNs)}`);
  lines.push(
    `- Sweep: ${result.elapsedSec.toFixed(1)} s of a ${result.settings.maxTimeSec} s budget; target ±${formatPercent(result.settings.targetPrecision, 0)} on each median; seed ${result.settings.seed}`,
  );
  if (comparison && comparison.kind !== 'no-baseline') {
    const s = comparison.settings;
    lines.push(
      ctx.baselineKind === 'same-job'
        ? `- Gate: base and head measured in blocks of freshly opened sessions${sameJobDuets(comparison)}; per cell the mean over blocks of log(head/base) with a t interval (Bonferroni over the gated cells, ${formatPercent(1 - s.confidence, 0)} spent over planned looks): above 1 + ${formatPercent(s.threshold, 0)} → regression, below → pass; gated cells: ${s.gate === 'deployed' ? 'recommended and fastest thread count of both sides pooled' : 'all'}`
        : `- Gate: slowdown ≥ ${formatPercent(s.threshold, 0)}; within this run (over visits): bootstrap CI of the ratio above 1 and Holm-adjusted one-sided Mann–Whitney p < ${(1 - s.confidence).toFixed(2)}; run to run: beyond the calibrated robust prediction limit of the history (${levelText(s.confidence)} for the gated cells together) once it has ≥ ${s.minHistory} runs — a slowdown within it passes — and ≥ ${formatPercent(s.coldStartThreshold, 0)} before that; gated cells: ${s.gate === 'deployed' ? 'recommended and fastest thread count of each workload' : 'all'}`,
    );
    lines.push(
      `- Baseline: ${escapeMarkdown(comparison.baseline.source)} (${comparison.baseline.runs} run${comparison.baseline.runs === 1 ? '' : 's'} of history, latest ${escapeMarkdown(comparison.baseline.latestCreatedAt)})${ctx.baselineKind === 'same-job' ? ', measured in this job' : ''}`,
    );
  }
  if (comparison?.normalization)
    lines.push(
      `- Runner speed: ${escapeMarkdown(describeNormalization(comparison.normalization))}`,
    );
  for (const note of comparison?.notes ?? []) lines.push(`- Note: ${escapeMarkdown(note)}`);
  lines.push(...changeLines(comparison));
  lines.push(
    '',
    '| workload | threads | n | median | 95 % CI | call overhead share | converged |',
    '|---|---:|---:|---:|---:|---:|:---:|',
  );
  for (const w of result.workloads) {
    for (const p of w.points) {
      lines.push(
        `| ${escapeMarkdown(w.id)} | ${p.threads} | ${p.samplesNs.length} | ${formatNs(p.medianNs)} | ${formatRange(p.ci95Ns[0], p.ci95Ns[1])} | ${p.overheadShare != null ? formatPercent(p.overheadShare) : '–'} | ${p.converged === false ? 'no' : 'yes'} |`,
      );
    }
  }
  // Only a path the reader can find: the runner's temporary folder is gone after the job.
  if (ctx.resultsPath && !ctx.resultsPathIsTemporary)
    lines.push('', `Results JSON: ${codeSpan(ctx.resultsPath)}`);
  lines.push('', '</details>');
  return lines.join('\n');
}

export function renderMarkdown(
  result: Result,
  comparison: Comparison | null,
  ctx: MarkdownContext = {},
): string {
  const parts = [headline(result, comparison, ctx)];
  const gate = gateLine(comparison, ctx);
  if (gate) parts.push(gate);
  const nb = noBaselineText(comparison, ctx);
  if (nb) parts.push(nb);
  if (ctx.history) parts.push(`Baseline ${escapeMarkdown(ctx.history)}.`);
  if (comparison?.kind === 'regression') {
    parts.push(
      comparison.regressions
        .map(
          (c) =>
            `- ${escapeMarkdown(c.workload)} at ${threadsText(c.threads)}: ${formatNs(c.baselineMedianNs)} → ${formatNs(c.currentMedianNs)} (${formatSignedPercent(c.ratio - 1)}, ${levelText(c.ciLevel)} CI ${c.ci95 ? `${formatSignedPercent(c.ci95[0] - 1)} … ${formatSignedPercent(c.ci95[1] - 1)}` : '–'}, over ${c.unit})`,
        )
        .join('\n'),
    );
    if (ctx.waived)
      parts.push(`> [!NOTE]\n> Not failing the check: ${escapeMarkdown(ctx.waived)}.`);
    else if (ctx.acceptHint)
      parts.push(
        `If the slowdown is intended (a trade for accuracy, say), add the label \`${ACCEPT_LABEL}\` to the pull request, or end the head commit's message with the trailer \`${ACCEPT_TRAILER}: <reason>\`, and re-run the job: the check then passes, with the acceptance shown here.` +
          (ctx.acceptNote
            ? ` (The trailer could not be read: ${escapeMarkdown(ctx.acceptNote)}.)`
            : ''),
      );
  }
  const skipped = skippedText(result);
  const warnings = [...(ctx.warnings ?? []), ...(skipped ? [skipped] : [])];
  for (const w of warnings) parts.push(`> [!WARNING]\n> ${escapeMarkdown(w)}`);
  parts.push(recommendationBlock(result));
  parts.push(machineKindNote(result, { text: escapeMarkdown, code: codeSpan }));
  parts.push(keyCellsBlock(result, comparison));
  const advice = historyAdviceText(ctx.historyAdvice ?? []);
  if (advice) parts.push(advice);
  if (ctx.trend && ctx.trend.length > 0)
    parts.push(fold(trendSummary(ctx.trend), trendBlock(ctx.trend)));
  const sections = result.workloads.map((w) => {
    const metric =
      w.kind !== 'matmul' && w.metric ? `Metric: ${escapeMarkdown(w.metric.name)}. ` : '';
    return (
      `#### ${escapeMarkdown(w.label)}\n\n${metric}${w.recommended.reason ? `${escapeMarkdown(w.recommended.reason)}.\n\n` : ''}${workloadTable(w, comparison, result.machine.availableCpus)}\n\n${chartCaption(w, comparison)}\n\n${latencyChart(w, comparison)}` +
      (throughputTable(w) ? `\n\n${throughputTable(w)}` : '')
    );
  });
  const cells = result.workloads.reduce((n, w) => n + w.points.length, 0);
  parts.push(
    fold(
      `All ${cells} cells: each workload's table and chart${result.recommendation.throughput ? ', the throughput splits' : ''}`,
      sections.join('\n\n'),
    ),
  );
  parts.push(detailsBlock(result, comparison, ctx));
  parts.push(
    `<sub>threadgate ${escapeMarkdown(result.tool.version)}${comparison === null || comparison.kind === 'no-baseline' ? '' : ctx.baselineKind === 'same-job' ? ' · baseline measured in the same job, interleaved' : ctx.baselineKind === 'stored' ? ' · stored baseline' : ''}${ctx.runUrl ? ` · [run](${ctx.runUrl})` : ''}</sub>`,
  );
  return parts.join('\n\n') + '\n';
}

/** "; measured as duets: 1 thread (base and head at once, each on its own pinned CPUs)", or "". */
function sameJobDuets(comparison: Comparison): string {
  if (comparison.kind === 'no-baseline') return '';
  const threads = comparison.cells.filter((c) => c.duet === true).map((c) => c.threads);
  return threads.length === 0
    ? ''
    : `; ${duetText(threads)} (base and head at once, each on its own pinned CPUs, paired window by window)`;
}
