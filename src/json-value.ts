/** Helpers for reading untrusted JSON: what a value is, and how an error message shows it. */

export function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The value as an error shows it: short, on one line, control characters made visible. */
export function describeValue(x: unknown): string {
  if (x === null) return 'null';
  if (x === undefined) return 'missing';
  if (Array.isArray(x)) return `an array of ${x.length}`;
  if (typeof x === 'string') {
    return `the string ${JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x)}`;
  }
  if (typeof x === 'number' || typeof x === 'boolean') return `${typeof x} ${String(x)}`;
  return 'an object';
}
