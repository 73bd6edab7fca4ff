/**
 * The documents as files: each reader takes a path or a text, reads it through the one bounded
 * reader (io/bounded-read.ts: regular files only, capped, kept inside the workspace) and checks it
 * through the contract (parse.ts). Every failure names the input, the file and the problem, so the
 * user can fix it without reading code.
 */

import type { Comparison } from '../analysis/comparison.js';
import { comparisonFromJson } from '../analysis/comparison-json.js';
import { baselineFromResult } from '../baseline/history.js';
import { BaselineError, InputError } from '../errors.js';
import { readBoundedTextIfExists } from '../io/bounded-read.js';
import { BUNDLE_FILES, LIMITS } from './limits.js';
import {
  checkBaseline,
  checkComparisonJson,
  checkManifest,
  checkResult,
  documentKind,
  expectKind,
  parseJsonText,
  type Fail,
} from './parse.js';
import type { BaselineDocument, BundleManifest, Result } from './schema.js';

export interface ParsedBaseline {
  readonly document: BaselineDocument;
  /** 'baseline' for a baseline document, 'result' for a plain Result (a history of one run). */
  readonly from: 'baseline' | 'result';
}

/** Where a file may be read from: with `within`, links may not lead out of that folder. */
export interface ReadPlace {
  readonly within?: string;
}

/**
 * Parse a baseline file: a baseline document, or a plain Result JSON (schemaVersion 1), which
 * becomes a history of one run. Throws BaselineError naming `label` (e.g. "--history"),
 * `fileName` and the problem.
 */
export function parseBaselineFile(
  text: string,
  fileName: string,
  label = 'baseline',
): ParsedBaseline {
  const fail: Fail = (m) => new BaselineError(`${label} ${fileName}: ${m}`);
  const value = parseJsonText(text, fail);
  const kind = expectKind(documentKind(value, fail), ['baseline', 'results'], fail);
  if (kind === 'baseline') return { document: checkBaseline(value, fail), from: 'baseline' };
  return { document: baselineFromResult(checkResult(value, fail)), from: 'result' };
}

/**
 * Parse a results file (the output of `threadgate sweep --json`). Throws InputError naming
 * `input` (e.g. "--current") and the file.
 */
export function parseResultFile(text: string, fileName: string, input: string): Result {
  const fail: Fail = (m) => new InputError(`${prefix(input, fileName)}${m}`);
  const value = parseJsonText(text, fail);
  expectKind(documentKind(value, fail), ['results'], fail);
  return checkResult(value, fail);
}

/** Parse a comparison file (threadgate compare --json) into the comparison it describes. */
export function parseComparisonFile(text: string, fileName: string, input: string): Comparison {
  const fail: Fail = (m) => new InputError(`${prefix(input, fileName)}${m}`);
  const value = parseJsonText(text, fail);
  expectKind(documentKind(value, fail), ['comparison'], fail);
  return comparisonFromJson(checkComparisonJson(value, fail));
}

/** Parse a report bundle's manifest. */
export function parseManifest(
  text: string,
  fileName: string = BUNDLE_FILES.manifest,
): BundleManifest {
  const fail: Fail = (m) => new InputError(`${fileName}: ${m}`);
  if (text.length > LIMITS.manifestBytes) {
    throw fail(`is ${text.length} characters long; expected at most ${LIMITS.manifestBytes}`);
  }
  const value = parseJsonText(text, fail);
  expectKind(documentKind(value, fail), ['manifest'], fail);
  return checkManifest(value, fail);
}

/** Read and parse a results file given by `input` (e.g. "--current"). */
export async function readResultFile(
  path: string,
  input: string,
  place: ReadPlace = {},
): Promise<Result> {
  const text = await readText(
    path,
    input,
    LIMITS.fileBytes,
    'a results JSON file',
    place,
    inputError,
  );
  return parseResultFile(text, path, input);
}

/** Read and parse a baseline file; a missing or unreadable file is a BaselineError too. */
export async function readBaselineFile(
  path: string,
  label = 'baseline',
  place: ReadPlace = {},
): Promise<ParsedBaseline> {
  const parsed = await readBaselineIfExists(path, label, place);
  if (parsed === null) throw new BaselineError(`${label} ${path}: file not found`);
  return parsed;
}

/** Like readBaselineFile, with null when nothing is at the path (no history yet). */
export async function readBaselineIfExists(
  path: string,
  label = 'baseline',
  place: ReadPlace = {},
): Promise<ParsedBaseline | null> {
  const text = await readBoundedTextIfExists(path, {
    input: label,
    maxBytes: LIMITS.fileBytes,
    expected: 'a threadgate baseline or results JSON file',
    fail: (m) => new BaselineError(m),
    ...place,
  });
  return text === null ? null : parseBaselineFile(text, path, label);
}

/** Read and validate the comparison file given by `input` (e.g. "--comparison"). */
export async function readComparisonFile(
  path: string,
  input: string,
  place: ReadPlace = {},
): Promise<Comparison> {
  const text = await readText(
    path,
    input,
    LIMITS.comparisonBytes,
    'a comparison JSON file',
    place,
    inputError,
  );
  return parseComparisonFile(text, path, input);
}

/**
 * Check that `comparison` is the comparison of `current`: the same run (createdAt and machine
 * fingerprint) and no cell the run did not measure. A comparison taken from elsewhere would
 * otherwise be shown as this run's verdict. Throws `fail(what is wrong; expected …)`.
 */
export function checkComparisonOf(
  comparison: Comparison,
  current: {
    readonly createdAt: string;
    readonly machine: { readonly fingerprint: string };
    readonly workloads: readonly {
      readonly id: string;
      readonly points: readonly { readonly threads: number }[];
    }[];
  },
  fail: (message: string) => Error,
  runName = "the results' run",
): void {
  const c = comparison.current;
  if (c.createdAt !== current.createdAt || c.fingerprint !== current.machine.fingerprint) {
    throw fail(
      `is the comparison of the run of ${JSON.stringify(c.createdAt.slice(0, 40))} ` +
        `(fingerprint ${JSON.stringify(c.fingerprint.slice(0, 40))}); expected the comparison ` +
        `of ${runName}, of ${current.createdAt} (fingerprint ${current.machine.fingerprint})`,
    );
  }
  if (comparison.kind === 'no-baseline') return;
  const stray = comparison.cells.find(
    (cell) =>
      !current.workloads.some(
        (w) => w.id === cell.workload && w.points.some((p) => p.threads === cell.threads),
      ),
  );
  if (stray !== undefined) {
    throw fail(
      `has a cell for ${JSON.stringify(stray.workload.slice(0, 80))} at ${stray.threads} ` +
        `threads, which ${runName} did not measure; expected the comparison of ${runName}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------

function prefix(input: string, fileName: string): string {
  return input === '' ? `${fileName}: ` : `${input} ${fileName}: `;
}

const inputError: Fail = (m) => new InputError(m);

async function readText(
  path: string,
  input: string,
  maxBytes: number,
  expected: string,
  place: ReadPlace,
  fail: Fail,
): Promise<string> {
  const text = await readBoundedTextIfExists(path, {
    input: input || 'file',
    maxBytes,
    expected,
    fail,
    ...place,
  });
  if (text === null) throw fail(`${input || 'file'} ${path}: file not found`);
  return text;
}
