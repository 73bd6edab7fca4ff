/**
 * Named error classes. The CLI and the action turn these into one clear message and exit code 2
 * without a stack trace; anything else is an internal error (also exit 2, but says so).
 * A regression is never an error: it is a verdict, and exits 1.
 */

/** A user-supplied value (flag, action input, file) is wrong. Names the input, value and form. */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(message: string) {
    super(message);
  }
}

/** A stored baseline cannot be read or used. */
export class BaselineError extends Error {
  override readonly name = 'BaselineError';
  constructor(message: string) {
    super(message);
  }
}

/** The workload could not be run (model failed to load, command failed or timed out). */
export class WorkloadError extends Error {
  override readonly name = 'WorkloadError';
  constructor(message: string) {
    super(message);
  }
}

/** Build the standard message: `--flag: got "value"; expected …`. */
export function invalid(input: string, value: unknown, expected: string): InputError {
  const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return new InputError(`${input}: got ${shown}; expected ${expected}`);
}

export function isUserError(e: unknown): e is InputError | BaselineError | WorkloadError {
  return e instanceof InputError || e instanceof BaselineError || e instanceof WorkloadError;
}

/** Render anything thrown (Error or not) as one line. */
export function describeError(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'string') return e;
  try {
    return JSON.stringify(e);
  } catch {
    return String(e);
  }
}
