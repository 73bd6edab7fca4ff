/**
 * One report for several legs (a matrix, or the bundles of a fork's pull request): a headline
 * with the worst verdict, a table across legs, the bundles that were rejected and why, then each
 * leg's own report (renderMarkdown). Every string from a bundle — labels, CPU names, reasons,
 * folder names — is escaped here or by renderMarkdown; numbers come from checked fields.
 */

import type { Comparison, Verdict } from '../analysis/compare.js';
import type { Result } from '../results/types.js';
import { formatSignedPercent } from './format.js';
import { codeSpan, renderMarkdown, speedupOverDefault, runnerDefaultThreads } from './markdown.js';
import { escapeMarkdown, plainText } from './text.js';

export interface LegReport {
  /** The leg's name, e.g. `os=ubuntu-latest` or `bench · linux-x64`. Untrusted. */
  readonly label: string;
  readonly result: Result;
  readonly comparison: Comparison | null;
  /** A link to the run that measured it (built by the caller from checked parts). */
  readonly runUrl?: string;
}

export interface RejectedLeg {
  /** The bundle's folder or entry. Untrusted. */
  readonly name: string;
  /** Why. Untrusted (it may quote the bundle). */
  readonly reason: string;
}

export interface LegsContext {
  /** This report's own run. */
  readonly runUrl?: string;
  /** Warnings to show under the table (e.g. two bundles of one leg; the comment not posted). */
  readonly warnings?: readonly string[];
}

/** Worst first: the order in which one leg's verdict decides the whole report's. */
export const VERDICT_SEVERITY: readonly Verdict[] = [
  'regression',
  'inconclusive',
  'pass',
  'no-baseline',
];

const ICON: Record<Verdict, string> = {
  pass: '✅',
  regression: '❌',
  inconclusive: '⚠️',
  'no-baseline': 'ℹ️',
};

export function legVerdict(leg: { readonly comparison: Comparison | null }): Verdict {
  return leg.comparison?.kind ?? 'no-baseline';
}

/** The worst verdict of the legs: regression > inconclusive > pass > no-baseline. */
export function worstVerdict(legs: readonly { readonly comparison: Comparison | null }[]): Verdict {
  let worst: Verdict = 'no-baseline';
  for (const leg of legs) {
    const v = legVerdict(leg);
    if (VERDICT_SEVERITY.indexOf(v) < VERDICT_SEVERITY.indexOf(worst)) worst = v;
  }
  return worst;
}

/** A leg's largest slowdown among its gated cells (ratio − 1), or null without a comparison. */
export function legMaxSlowdown(leg: { readonly comparison: Comparison | null }): number | null {
  const c = leg.comparison;
  return c === null || c.kind === 'no-baseline' ? null : c.maxSlowdown;
}

/** The largest slowdown of all legs, or null when none was compared. */
export function maxSlowdownOfLegs(
  legs: readonly { readonly comparison: Comparison | null }[],
): number | null {
  const all = legs.map(legMaxSlowdown).filter((x): x is number => x !== null);
  return all.length === 0 ? null : Math.max(...all);
}

/**
 * The thread count every leg recommends, or null when they disagree (or there is no leg): the
 * legs are different machines, and one number for all is only true when they agree.
 */
export function agreedThreads(legs: readonly { readonly result: Result }[]): number | null {
  const values = new Set(legs.map((l) => l.result.recommendation.ompNumThreads));
  return values.size === 1 ? [...values][0]! : null;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function headline(legs: readonly LegReport[], rejected: number): string {
  const verdict = worstVerdict(legs);
  const count = (v: Verdict) => legs.filter((l) => legVerdict(l) === v).length;
  const of = (n: number) => `${n} of ${plural(legs.length, 'leg')}`;
  const text =
    legs.length === 0
      ? 'no leg could be reported'
      : verdict === 'regression'
        ? `latency regression in ${of(count('regression'))}`
        : verdict === 'inconclusive'
          ? `inconclusive in ${of(count('inconclusive'))}`
          : verdict === 'pass'
            ? `no latency regression in ${plural(legs.length, 'leg')}`
            : `${plural(legs.length, 'leg')} measured, no baseline yet`;
  const icon = legs.length === 0 ? ICON.inconclusive : ICON[verdict];
  const also = rejected > 0 ? ` (${plural(rejected, 'bundle')} rejected)` : '';
  return `### ${icon} threadgate: ${text}${also}`;
}

function legsTable(legs: readonly LegReport[]): string {
  const rows = [
    '| leg | CPU | usable CPUs | recommended threads | speedup over one thread per CPU | verdict | largest slowdown |',
    '|---|---|---:|---:|---:|:---|---:|',
  ];
  for (const leg of legs) {
    const r = leg.result;
    const k = r.recommendation.ompNumThreads;
    const def = runnerDefaultThreads(r);
    const speedup = speedupOverDefault(r, k);
    const speedText =
      k === def
        ? `1.00× (the default: ${def})`
        : speedup === null
          ? '–'
          : `${speedup.toFixed(2)}× (vs ${def})`;
    const slowdown = legMaxSlowdown(leg);
    const v = legVerdict(leg);
    rows.push(
      `| ${escapeMarkdown(plainText(leg.label, 300))} | ${escapeMarkdown(plainText(r.machine.cpuModel, 80))} | ${r.machine.availableCpus} | ${k} | ${speedText} | ${ICON[v]} ${v} | ${slowdown === null ? '–' : formatSignedPercent(slowdown)} |`,
    );
  }
  return rows.join('\n');
}

function rejectedBlock(rejected: readonly RejectedLeg[]): string {
  const lines = [
    `> [!WARNING]\n> ${plural(rejected.length, 'report bundle')} rejected (not reported): each bundle is checked as untrusted data.`,
  ];
  for (const r of rejected) {
    lines.push(
      `> - ${codeSpan(plainText(r.name, 200))}: ${escapeMarkdown(plainText(r.reason, 500))}`,
    );
  }
  return lines.join('\n');
}

/** The combined report: headline, the table across legs, rejections, warnings, each leg. */
export function renderLegsMarkdown(
  legs: readonly LegReport[],
  rejected: readonly RejectedLeg[],
  ctx: LegsContext = {},
): string {
  const parts = [headline(legs, rejected.length)];
  if (legs.length > 0) parts.push(legsTable(legs));
  if (rejected.length > 0) parts.push(rejectedBlock(rejected));
  for (const w of ctx.warnings ?? []) parts.push(`> [!WARNING]\n> ${escapeMarkdown(w)}`);
  for (const leg of legs) {
    const sameJob =
      leg.comparison !== null &&
      leg.comparison.kind !== 'no-baseline' &&
      leg.comparison.baseline.source.startsWith('same job:');
    parts.push(
      '---\n\n' +
        renderMarkdown(leg.result, leg.comparison, {
          title: plainText(leg.label, 300),
          ...(leg.comparison === null ? {} : { baselineKind: sameJob ? 'same-job' : 'stored' }),
          ...(leg.runUrl ? { runUrl: leg.runUrl } : {}),
        }).trimEnd(),
    );
  }
  parts.push(
    `<sub>threadgate · one report for ${plural(legs.length, 'leg')}${ctx.runUrl ? ` · [report run](${ctx.runUrl})` : ''}</sub>`,
  );
  return parts.join('\n\n') + '\n';
}
