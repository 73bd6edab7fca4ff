/**
 * Colours for the terminal reports: a Paint wraps a piece of text in ANSI SGR codes, or returns
 * it as it is (PLAIN). The renderers take one; the CLI decides which (src/cli/colour.ts).
 */
export interface Paint {
  /** A pass; the recommendation. */
  readonly good: (text: string) => string;
  /** A regression. */
  readonly bad: (text: string) => string;
  /** Inconclusive, no baseline. */
  readonly warn: (text: string) => string;
}

const sgr = (open: string) => (text: string) => `\x1b[${open}m${text}\x1b[0m`;

export const PLAIN: Paint = { good: (t) => t, bad: (t) => t, warn: (t) => t };

export const ansiPaint: Paint = { good: sgr('1;32'), bad: sgr('1;31'), warn: sgr('1;33') };
