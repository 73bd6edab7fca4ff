/**
 * Where a command's output goes. A JSON flag given `-` (`--json -`) writes the document to
 * standard output; then standard output carries that JSON only, and the human-readable text (the
 * tables, the verdict, "written to …") goes to standard error.
 */
import { InputError } from '../errors.js';
import { checkOutputPath, writeJsonOutput } from '../results/io.js';
import { ansiPaint, PLAIN, type Paint } from '../report/ansi.js';
import { colourEnabled } from './colour.js';

/** The path that means standard output. */
export const STDOUT_PATH = '-';

export const isStdout = (file: string | undefined): boolean => file === STDOUT_PATH;

export interface TextSink {
  readonly write: (text: string) => void;
  /** Colours for the verdict and recommendation lines: ANSI on a colour terminal, else none. */
  readonly paint: Paint;
}

type Stream = NodeJS.WriteStream | (NodeJS.WritableStream & { isTTY?: boolean });

function sinkOf(stream: Stream): TextSink {
  return {
    write: (text) => void stream.write(text),
    paint: colourEnabled(stream) ? ansiPaint : PLAIN,
  };
}

/**
 * The sink of the human-readable text: standard output, or standard error when one of `json`
 * (the JSON flags' values) is `-`.
 */
export function humanSink(json: readonly (string | undefined)[]): TextSink {
  return sinkOf(json.some(isStdout) ? process.stderr : process.stdout);
}

/** At most one of the JSON flags may be `-`: standard output holds one document. */
export function checkOneStdout(flags: readonly { flag: string; path: string | undefined }[]): void {
  const dashed = flags.filter((f) => isStdout(f.path)).map((f) => f.flag);
  if (dashed.length > 1) {
    throw new InputError(
      `${dashed.join(' and ')}: both "-"; expected at most one of them on standard output (give the other a file path)`,
    );
  }
}

/** checkOutputPath, except that `-` (standard output) is always writable. */
export async function checkJsonOutput(
  file: string | undefined,
  flag: string,
  inputs: Parameters<typeof checkOutputPath>[2] = [],
): Promise<void> {
  if (isStdout(file)) return;
  await checkOutputPath(file, flag, inputs);
}

/** Write `value` as JSON to `file`, or to standard output when `file` is `-`. */
export async function writeJson(file: string, value: unknown, flag: string): Promise<void> {
  if (isStdout(file)) {
    process.stdout.write(JSON.stringify(value, null, 2) + '\n');
    return;
  }
  await writeJsonOutput(file, value, flag);
}
