/**
 * Reading baseline and results files. Every failure names the file and says what is wrong
 * (missing, empty, truncated, not JSON, unknown schemaVersion, not a threadgate file, a missing or
 * malformed field), so the user can fix it without reading code.
 */

import { readFile } from 'node:fs/promises';
import { BaselineError, InputError } from '../errors.js';
import type { Result } from '../results/types.js';
import { baselineFromResult, type BaselineDocument } from './history.js';

export interface ParsedBaseline {
  readonly document: BaselineDocument;
  /** 'baseline' for a baseline document, 'result' for a plain Result (a history of one run). */
  readonly from: 'baseline' | 'result';
}

type ErrorFactory = (message: string) => Error;

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
  const fail: ErrorFactory = (m) => new BaselineError(`${label} ${fileName}: ${m}`);
  const value = asObject(parseJson(text, fail), fail);
  if (classify(value, fail) === 'baseline') {
    return { document: checkBaseline(value, fail), from: 'baseline' };
  }
  return { document: baselineFromResult(checkResult(value, '', fail)), from: 'result' };
}

/**
 * Parse a results file (the output of `threadgate sweep --json`). Throws InputError naming
 * `input` (e.g. "--current") and the file.
 */
export function parseResultFile(text: string, fileName: string, input: string): Result {
  const fail: ErrorFactory = (m) => new InputError(`${input} ${fileName}: ${m}`);
  const value = asObject(parseJson(text, fail), fail);
  if (classify(value, fail) === 'baseline') {
    throw fail('is a baseline file; expected a results file (threadgate sweep --json FILE)');
  }
  return checkResult(value, '', fail);
}

/** Read and parse a baseline file; a missing or unreadable file is a BaselineError too. */
export async function readBaselineFile(path: string, label = 'baseline'): Promise<ParsedBaseline> {
  const text = await readText(path, (m) => new BaselineError(`${label} ${m}`));
  return parseBaselineFile(text, path, label);
}

/** Read and parse a results file given by `input` (e.g. "--current"). */
export async function readResultFile(path: string, input: string): Promise<Result> {
  return parseResultFile(await readText(path, (m) => new InputError(`${input} ${m}`)), path, input);
}

/** The text of the file, or null when it does not exist. Other read errors throw `fail`. */
export async function readTextIfExists(path: string, fail: ErrorFactory): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'EISDIR') throw fail(`${path}: is a directory; expected a JSON file`);
    throw fail(`${path}: cannot be read (${code ?? (e as Error).message})`);
  }
}

async function readText(path: string, fail: ErrorFactory): Promise<string> {
  const text = await readTextIfExists(path, fail);
  if (text === null) throw fail(`${path}: file not found`);
  return text;
}

// ---------------------------------------------------------------------------------------------

function parseJson(text: string, fail: ErrorFactory): unknown {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') throw fail('is empty');
  try {
    return JSON.parse(trimmed) as unknown;
  } catch (e) {
    if ((trimmed.startsWith('{') || trimmed.startsWith('[')) && isUnterminated(trimmed)) {
      throw fail(`is truncated (JSON ends after ${trimmed.length} characters, inside a value)`);
    }
    throw fail(`is not valid JSON (${(e as Error).message})`);
  }
}

/** True when the JSON text ends inside a string, object or array: the file was cut short. */
function isUnterminated(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return inString || depth > 0;
}

function asObject(value: unknown, fail: ErrorFactory): Record<string, unknown> {
  if (!isObject(value)) {
    throw fail(`is not a threadgate file (the JSON is ${describeType(value)}, not an object)`);
  }
  return value;
}

/** Decide what the JSON is: a baseline document, a Result, or (throws) something else. */
function classify(value: Record<string, unknown>, fail: ErrorFactory): 'baseline' | 'result' {
  const kind = value['kind'];
  const tool = value['tool'];
  const toolName = isObject(tool) ? tool['name'] : undefined;
  if (kind === 'threadgate-baseline') {
    checkSchemaVersion(value, fail);
    return 'baseline';
  }
  if (kind === 'threadgate-comparison') {
    throw fail('is a comparison file (threadgate compare --json), not a baseline or results file');
  }
  if (kind !== undefined || (toolName !== undefined && toolName !== 'threadgate')) {
    throw fail(`is not a threadgate file (kind ${JSON.stringify(kind ?? toolName)})`);
  }
  const looksLikeResult = toolName === 'threadgate' || ('machine' in value && 'workloads' in value);
  if (!looksLikeResult) {
    throw fail('is not a threadgate file (no "kind", "tool" or "machine"/"workloads" fields)');
  }
  checkSchemaVersion(value, fail);
  return 'result';
}

function checkSchemaVersion(value: Record<string, unknown>, fail: ErrorFactory): void {
  const v = value['schemaVersion'];
  if (v === undefined) throw fail('has no "schemaVersion" (expected 1)');
  if (v !== 1) {
    throw fail(
      `has schemaVersion ${JSON.stringify(v)}, which this threadgate does not know ` +
        '(it reads schemaVersion 1; a newer threadgate may have written it)',
    );
  }
}

// Structural checks: only what the gate relies on; extra fields are welcome.

function checkBaseline(v: Record<string, unknown>, fail: ErrorFactory): BaselineDocument {
  str(v, 'fingerprint', '', fail);
  obj(v, 'machine', '', fail);
  const runs = arr(v, 'runs', '', fail);
  if (runs.length === 0) throw fail('"runs" is empty (a baseline holds at least one run)');
  runs.forEach((run, i) => {
    const at = `runs[${i}].`;
    if (!isObject(run)) throw fail(`"${at.slice(0, -1)}" is not an object`);
    str(run, 'createdAt', at, fail);
    arr(run, 'workloads', at, fail).forEach((w, j) => {
      const wat = `${at}workloads[${j}].`;
      if (!isObject(w)) throw fail(`"${wat.slice(0, -1)}" is not an object`);
      str(w, 'id', wat, fail);
      arr(w, 'points', wat, fail).forEach((p, k) => {
        const pat = `${wat}points[${k}].`;
        if (!isObject(p)) throw fail(`"${pat.slice(0, -1)}" is not an object`);
        num(p, 'threads', pat, fail);
        num(p, 'medianNs', pat, fail);
      });
    });
  });
  const latest = obj(v, 'latest', '', fail);
  checkSchemaVersion(latest, (m) => fail(`"latest" ${m}`));
  checkResult(latest, 'latest.', fail);
  const fp = (latest['machine'] as Record<string, unknown>)['fingerprint'];
  if (fp !== v['fingerprint']) {
    throw fail(
      `is inconsistent: "fingerprint" is ${JSON.stringify(v['fingerprint'])} but ` +
        `"latest.machine.fingerprint" is ${JSON.stringify(fp)}`,
    );
  }
  return v as unknown as BaselineDocument;
}

function checkResult(v: Record<string, unknown>, at: string, fail: ErrorFactory): Result {
  const machine = obj(v, 'machine', at, fail);
  for (const key of ['os', 'arch', 'cpuModel', 'fingerprint'])
    str(machine, key, `${at}machine.`, fail);
  for (const key of ['logicalCpus', 'availableCpus', 'physicalCores']) {
    num(machine, key, `${at}machine.`, fail);
  }
  str(obj(v, 'runtime', at, fail), 'onnxruntime', `${at}runtime.`, fail);
  str(v, 'createdAt', at, fail);
  const workloads = arr(v, 'workloads', at, fail);
  workloads.forEach((w, i) => {
    const wat = `${at}workloads[${i}].`;
    if (!isObject(w)) throw fail(`"${wat.slice(0, -1)}" is not an object`);
    str(w, 'id', wat, fail);
    num(obj(w, 'fastest', wat, fail), 'threads', `${wat}fastest.`, fail);
    num(obj(w, 'recommended', wat, fail), 'threads', `${wat}recommended.`, fail);
    arr(w, 'points', wat, fail).forEach((p, j) => {
      const pat = `${wat}points[${j}].`;
      if (!isObject(p)) throw fail(`"${pat.slice(0, -1)}" is not an object`);
      num(p, 'threads', pat, fail);
      num(p, 'medianNs', pat, fail);
      const samples = arr(p, 'samplesNs', pat, fail);
      if (!samples.every((s) => typeof s === 'number' && Number.isFinite(s))) {
        throw fail(`"${pat}samplesNs" holds a value that is not a finite number`);
      }
    });
  });
  return v as unknown as Result;
}

function field(
  v: Record<string, unknown>,
  key: string,
  at: string,
  fail: ErrorFactory,
  expected: string,
  ok: (x: unknown) => boolean,
): unknown {
  const x = v[key];
  if (x === undefined) throw fail(`is missing the field "${at}${key}"`);
  if (!ok(x)) throw fail(`"${at}${key}" is ${describeType(x)}; expected ${expected}`);
  return x;
}

function str(v: Record<string, unknown>, key: string, at: string, fail: ErrorFactory): string {
  return field(v, key, at, fail, 'a string', (x) => typeof x === 'string') as string;
}

function num(v: Record<string, unknown>, key: string, at: string, fail: ErrorFactory): number {
  const ok = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x);
  return field(v, key, at, fail, 'a finite number', ok) as number;
}

function arr(v: Record<string, unknown>, key: string, at: string, fail: ErrorFactory): unknown[] {
  return field(v, key, at, fail, 'an array', Array.isArray) as unknown[];
}

function obj(
  v: Record<string, unknown>,
  key: string,
  at: string,
  fail: ErrorFactory,
): Record<string, unknown> {
  return field(v, key, at, fail, 'an object', isObject) as Record<string, unknown>;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function describeType(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'string') return `the string ${JSON.stringify(x.slice(0, 40))}`;
  if (typeof x === 'number' || typeof x === 'boolean') return `${typeof x} ${String(x)}`;
  return typeof x === 'object' ? 'an object' : typeof x;
}
