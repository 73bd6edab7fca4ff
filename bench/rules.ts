/**
 * Settings of the stored-baseline rule to evaluate on the same runs as the default, so that a
 * proposed change of a default comes with its measured false-alarm rate (aa-stored) and its
 * measured detection power (power) from one sitting. Nothing here changes the defaults; the
 * names say how each differs from the defaults of the code being measured.
 */
import {
  DEFAULT_COLD_START_THRESHOLD,
  DEFAULT_CONFIDENCE,
  DEFAULT_GATE,
  DEFAULT_THRESHOLD,
  type CompareOptions,
} from '../src/analysis/compare.js';

export interface RuleVariant {
  readonly name: string;
  readonly opts: CompareOptions;
}

interface Rule {
  readonly threshold: number;
  readonly confidence: number;
  readonly coldStartThreshold: number;
  readonly gate: 'all' | 'deployed';
}

const DEFAULT_RULE: Rule = {
  threshold: DEFAULT_THRESHOLD,
  confidence: DEFAULT_CONFIDENCE,
  coldStartThreshold: DEFAULT_COLD_START_THRESHOLD,
  gate: DEFAULT_GATE,
};

const CANDIDATES: readonly Partial<Rule>[] = [
  { threshold: 0.1 },
  { confidence: 0.95 },
  { coldStartThreshold: 0.5 },
  { gate: 'deployed' },
];

const p = (x: number) => `${Number((x * 100).toFixed(1))} %`;

function describe(r: Rule, only?: readonly (keyof Rule)[]): string {
  const parts: string[] = [];
  const keys = only ?? (['threshold', 'confidence', 'coldStartThreshold', 'gate'] as const);
  for (const k of keys) {
    if (k === 'threshold') parts.push(`threshold ${p(r.threshold)}`);
    if (k === 'confidence') parts.push(`confidence ${p(r.confidence)}`);
    if (k === 'coldStartThreshold') parts.push(`cold start ${p(r.coldStartThreshold)}`);
    if (k === 'gate') parts.push(r.gate === 'all' ? 'all cells gated' : 'deployed cells gated');
  }
  return parts.join(', ');
}

const key = (r: Rule) => JSON.stringify([r.threshold, r.confidence, r.coldStartThreshold, r.gate]);

function build(): RuleVariant[] {
  const out: RuleVariant[] = [{ name: `default (${describe(DEFAULT_RULE)})`, opts: {} }];
  const seen = new Set([key(DEFAULT_RULE)]);
  for (const c of CANDIDATES) {
    const rule = { ...DEFAULT_RULE, ...c };
    if (seen.has(key(rule))) continue;
    seen.add(key(rule));
    const changed = (Object.keys(c) as (keyof Rule)[]).filter((k) => rule[k] !== DEFAULT_RULE[k]);
    out.push({ name: describe(rule, changed), opts: c });
  }
  return out;
}

/** The first one is the default rule. */
export const RULE_VARIANTS: readonly RuleVariant[] = build();
