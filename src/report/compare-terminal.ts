/** `threadgate compare` in the terminal: one row per compared cell, then the verdict. */

import { describeNormalization } from '../analysis/normalize.js';
import type { CellComparison, Comparison } from '../analysis/compare.js';
import { PLAIN, type Paint } from './ansi.js';
import { formatNs, formatSignedPercent, textTable } from './format.js';

const HEADLINE: Record<Comparison['kind'], string> = {
  pass: 'PASS',
  regression: 'REGRESSION',
  inconclusive: 'INCONCLUSIVE',
  'no-baseline': 'NO BASELINE',
};

/** The verdict's colour: a regression red, a pass green, the rest yellow. */
function verdictPaint(kind: Comparison['kind'], paint: Paint): (text: string) => string {
  switch (kind) {
    case 'pass':
      return paint.good;
    case 'regression':
      return paint.bad;
    case 'inconclusive':
    case 'no-baseline':
      return paint.warn;
    default: {
      const never: never = kind;
      return never;
    }
  }
}

export function renderComparison(c: Comparison, paint: Paint = PLAIN): string {
  const out: string[] = [];
  if (c.baseline !== null) {
    out.push(
      `Baseline: ${c.baseline.source} — ${c.baseline.runs} run${c.baseline.runs === 1 ? '' : 's'} ` +
        `of history, latest ${c.baseline.latestCreatedAt}`,
    );
  }
  if (c.kind !== 'no-baseline') {
    const s = c.settings;
    out.push(
      `Gate: ${s.gate === 'deployed' ? 'recommended and fastest thread counts' : 'every cell'}, ` +
        `threshold ${formatSignedPercent(s.threshold)}, ${Math.round(s.confidence * 100)} % confidence, ` +
        `history limit once ${s.minHistory} runs are stored`,
      '',
      renderCells(c.cells),
    );
  }
  if (c.normalization) out.push('', `Runner speed: ${describeNormalization(c.normalization)}`);
  if (c.notes.length > 0) out.push('', ...c.notes.map((n) => `note: ${n}`));
  out.push('', `${verdictPaint(c.kind, paint)(`${HEADLINE[c.kind]}:`)} ${c.reason}`);
  return out.join('\n');
}

function renderCells(cells: readonly CellComparison[]): string {
  const header = [
    'workload',
    'threads',
    'baseline',
    'current',
    'ratio (CI, level)',
    'p (Holm)',
    'history limit',
    'gated',
    'verdict',
  ];
  const rows = cells.map((c) => [
    c.contentChanged ? `${c.workload} (changed)` : c.workload,
    String(c.threads),
    formatNs(c.baselineMedianNs),
    formatNs(c.currentMedianNs),
    formatRatio(c),
    c.pAdjusted === null ? '—' : formatP(c.pAdjusted),
    c.predictionLimitRatio === null ? '—' : `×${c.predictionLimitRatio.toFixed(3)}`,
    c.gated ? (c.gatedAs.length > 0 ? c.gatedAs.join('+') : 'yes') : '—',
    cellVerdict(c),
  ]);
  return textTable(header, rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l', 'l']);
}

function formatRatio(c: CellComparison): string {
  const r = `×${c.ratio.toFixed(3)}`;
  return c.ci95 === null
    ? `${r} (no CI)`
    : `${r} (${c.ci95[0].toFixed(3)}–${c.ci95[1].toFixed(3)}, ${Number((c.ciLevel * 100).toPrecision(4))} %)`;
}

function formatP(p: number): string {
  if (p < 1e-4) return '<0.0001';
  return p.toFixed(4);
}

function cellVerdict(c: CellComparison): string {
  const faster = c.ci95 !== null && c.ci95[1] < 1;
  const word = c.status === 'pass' && faster ? 'faster' : c.status;
  return c.gated || c.status === 'pass' ? word : `${word} (not gated)`;
}
