/**
 * Reading baseline and results files. Every failure names the file and says what is wrong
 * (missing, empty, truncated, not JSON, unknown schemaVersion, not a threadgate file, a missing or
 * malformed field), so the user can fix it without reading code.
 */

import { open, stat } from 'node:fs/promises';
import { BaselineError, InputError } from '../errors.js';
import type { Result } from '../results/types.js';
import { baselineFromResult, type BaselineDocument } from './history.js';
import { describeValue, isObject } from '../json-value.js';

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

/**
 * Limits on what a results or baseline file may hold. A `file:` baseline, a report bundle or a
 * comparison is data a pull request can change: these bound the memory and the time it can make
 * threadgate spend (a 50 MB results file once took 79 s of CPU to compare; `--baseline /dev/zero`
 * read 600 MB before failing). Real files are far below: a default sweep's results file is about
 * 1 MB; the engine takes at most 5000 samples per cell.
 */
export const LIMITS = {
  fileBytes: 32 * 1024 * 1024,
  workloads: 256,
  pointsPerWorkload: 512,
  samplesPerCell: 20_000,
  runs: 1000,
  threads: 4096,
  idChars: 2000,
  /** ns: nothing measured here takes 11.6 days. */
  maxNs: 1e15,
} as const;

/** The text of the file, or null when it does not exist. Other read errors throw `fail`. */
export async function readTextIfExists(path: string, fail: ErrorFactory): Promise<string | null> {
  try {
    // stat first: a device, a FIFO or a huge file is refused before anything is read.
    const info = await stat(path);
    if (info.isDirectory()) throw fail(`${path}: is a directory; expected a JSON file`);
    if (!info.isFile()) throw fail(`${path}: is not a regular file; expected a JSON file`);
    if (info.size > LIMITS.fileBytes) {
      throw fail(
        `${path}: is ${(info.size / 2 ** 20).toFixed(1)} MiB; expected a threadgate JSON file of at most ${LIMITS.fileBytes / 2 ** 20} MiB`,
      );
    }
    // Read at most the limit, whatever the file grows to meanwhile.
    const handle = await open(path, 'r');
    try {
      const buf = Buffer.alloc(Math.min(info.size, LIMITS.fileBytes) + 1);
      const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
      if (bytesRead > LIMITS.fileBytes)
        throw fail(`${path}: grew past ${LIMITS.fileBytes} bytes while read`);
      return buf.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch (e) {
    if (e instanceof BaselineError || e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
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
    throw fail(`is not a threadgate file (the JSON is ${describeValue(value)}, not an object)`);
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

// Structural checks: what the gate and the reports rely on, every number checked (finite, in
// range), every size bounded; extra fields are welcome.

const FINGERPRINT = /^[0-9a-f]{16}$/;

function checkFingerprint(
  v: Record<string, unknown>,
  key: string,
  at: string,
  fail: ErrorFactory,
): void {
  const fp = str(v, key, at, fail);
  if (!FINGERPRINT.test(fp)) {
    throw fail(`"${at}${key}" is ${describeValue(fp)}; expected 16 lowercase hexadecimal digits`);
  }
}

function checkDate(v: Record<string, unknown>, key: string, at: string, fail: ErrorFactory): void {
  const text = str(v, key, at, fail);
  if (text.length > 40 || !Number.isFinite(Date.parse(text))) {
    throw fail(`"${at}${key}" is ${describeValue(text)}; expected an ISO 8601 date`);
  }
}

function checkId(v: Record<string, unknown>, key: string, at: string, fail: ErrorFactory): string {
  const id = str(v, key, at, fail);
  if (id.length === 0 || id.length > LIMITS.idChars) {
    throw fail(`"${at}${key}" has ${id.length} characters; expected 1 to ${LIMITS.idChars}`);
  }
  return id;
}

function positiveNs(
  v: Record<string, unknown>,
  key: string,
  at: string,
  fail: ErrorFactory,
): number {
  const x = num(v, key, at, fail);
  if (!(x > 0 && x <= LIMITS.maxNs)) {
    throw fail(
      `"${at}${key}" is ${x}; expected a duration in ns greater than 0 and at most ${LIMITS.maxNs}`,
    );
  }
  return x;
}

function threadCount(
  v: Record<string, unknown>,
  key: string,
  at: string,
  fail: ErrorFactory,
): number {
  const x = num(v, key, at, fail);
  if (!Number.isInteger(x) || x < 1 || x > LIMITS.threads) {
    throw fail(`"${at}${key}" is ${x}; expected an integer from 1 to ${LIMITS.threads}`);
  }
  return x;
}

function bounded(list: unknown[], max: number, what: string, fail: ErrorFactory): unknown[] {
  if (list.length > max)
    throw fail(`"${what}" has ${list.length} entries; expected at most ${max}`);
  return list;
}

function uniqueThreads(points: readonly number[], at: string, fail: ErrorFactory): void {
  const seen = new Set<number>();
  for (const t of points) {
    if (seen.has(t)) throw fail(`"${at}points" has thread count ${t} twice; expected each once`);
    seen.add(t);
  }
}

function checkBaseline(v: Record<string, unknown>, fail: ErrorFactory): BaselineDocument {
  checkFingerprint(v, 'fingerprint', '', fail);
  obj(v, 'machine', '', fail);
  const runs = bounded(arr(v, 'runs', '', fail), LIMITS.runs, 'runs', fail);
  if (runs.length === 0) throw fail('"runs" is empty (a baseline holds at least one run)');
  runs.forEach((run, i) => {
    const at = `runs[${i}].`;
    if (!isObject(run)) throw fail(`"${at.slice(0, -1)}" is not an object`);
    checkDate(run, 'createdAt', at, fail);
    bounded(arr(run, 'workloads', at, fail), LIMITS.workloads, `${at}workloads`, fail).forEach(
      (w, j) => {
        const wat = `${at}workloads[${j}].`;
        if (!isObject(w)) throw fail(`"${wat.slice(0, -1)}" is not an object`);
        checkId(w, 'id', wat, fail);
        const points = bounded(
          arr(w, 'points', wat, fail),
          LIMITS.pointsPerWorkload,
          `${wat}points`,
          fail,
        );
        const threads = points.map((p, k) => {
          const pat = `${wat}points[${k}].`;
          if (!isObject(p)) throw fail(`"${pat.slice(0, -1)}" is not an object`);
          positiveNs(p, 'medianNs', pat, fail);
          return threadCount(p, 'threads', pat, fail);
        });
        uniqueThreads(threads, wat, fail);
      },
    );
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
  for (const key of ['os', 'arch', 'cpuModel']) str(machine, key, `${at}machine.`, fail);
  checkFingerprint(machine, 'fingerprint', `${at}machine.`, fail);
  for (const key of ['logicalCpus', 'availableCpus', 'physicalCores']) {
    threadCount(machine, key, `${at}machine.`, fail);
  }
  str(obj(v, 'runtime', at, fail), 'onnxruntime', `${at}runtime.`, fail);
  checkDate(v, 'createdAt', at, fail);
  const workloads = bounded(
    arr(v, 'workloads', at, fail),
    LIMITS.workloads,
    `${at}workloads`,
    fail,
  );
  workloads.forEach((w, i) => {
    const wat = `${at}workloads[${i}].`;
    if (!isObject(w)) throw fail(`"${wat.slice(0, -1)}" is not an object`);
    checkId(w, 'id', wat, fail);
    threadCount(obj(w, 'fastest', wat, fail), 'threads', `${wat}fastest.`, fail);
    threadCount(obj(w, 'recommended', wat, fail), 'threads', `${wat}recommended.`, fail);
    const points = bounded(
      arr(w, 'points', wat, fail),
      LIMITS.pointsPerWorkload,
      `${wat}points`,
      fail,
    );
    const threads = points.map((p, j) => {
      const pat = `${wat}points[${j}].`;
      if (!isObject(p)) throw fail(`"${pat.slice(0, -1)}" is not an object`);
      const t = threadCount(p, 'threads', pat, fail);
      positiveNs(p, 'medianNs', pat, fail);
      const samples = bounded(
        arr(p, 'samplesNs', pat, fail),
        LIMITS.samplesPerCell,
        `${pat}samplesNs`,
        fail,
      );
      for (const [k, s] of samples.entries()) {
        if (typeof s !== 'number' || !(s > 0 && s <= LIMITS.maxNs)) {
          throw fail(
            `"${pat}samplesNs[${k}]" is ${describeValue(s)}; expected a duration in ns greater than 0 and at most ${LIMITS.maxNs}`,
          );
        }
      }
      const rounds = p['rounds'];
      if (rounds !== undefined) {
        const r = arr(p, 'rounds', pat, fail);
        if (
          r.length !== samples.length ||
          !r.every((x) => Number.isSafeInteger(x) && (x as number) >= 0)
        ) {
          throw fail(`"${pat}rounds" must hold one non-negative integer per sample`);
        }
      }
      const ci = p['ci95Ns'];
      if (ci !== undefined) {
        const pair = arr(p, 'ci95Ns', pat, fail);
        if (
          pair.length !== 2 ||
          !pair.every((x) => typeof x === 'number' && x > 0 && x <= LIMITS.maxNs)
        ) {
          throw fail(`"${pat}ci95Ns" must be two durations in ns greater than 0`);
        }
      }
      return t;
    });
    uniqueThreads(threads, wat, fail);
    if (w['throughput'] !== undefined)
      checkThroughput(obj(w, 'throughput', wat, fail), `${wat}throughput.`, fail);
  });
  return v as unknown as Result;
}

/** The throughput objective's splits: counts, rates and latencies in range, sizes bounded. */
function checkThroughput(t: Record<string, unknown>, at: string, fail: ErrorFactory): void {
  const rate = (o: Record<string, unknown>, key: string, pat: string) => {
    const x = num(o, key, pat, fail);
    if (!(x > 0 && x < 1e12))
      throw fail(`"${pat}${key}" is ${x}; expected requests per second greater than 0`);
  };
  const points = bounded(arr(t, 'points', at, fail), LIMITS.pointsPerWorkload, `${at}points`, fail);
  const seen = new Set<number>();
  points.forEach((p, i) => {
    const pat = `${at}points[${i}].`;
    if (!isObject(p)) throw fail(`"${pat.slice(0, -1)}" is not an object`);
    threadCount(p, 'workers', pat, fail);
    const tpw = threadCount(p, 'threadsPerWorker', pat, fail);
    if (seen.has(tpw))
      throw fail(`"${at}points" has threadsPerWorker ${tpw} twice; expected each once`);
    seen.add(tpw);
    rate(p, 'requestsPerSec', pat);
    positiveNs(p, 'p50Ns', pat, fail);
    positiveNs(p, 'p99Ns', pat, fail);
    const ci = arr(p, 'ci95', pat, fail);
    if (ci.length !== 2 || !ci.every((x) => typeof x === 'number' && x >= 0 && x < 1e12)) {
      throw fail(`"${pat}ci95" must be two rates ≥ 0`);
    }
    if (p['windows'] !== undefined) {
      const ws = bounded(
        arr(p, 'windows', pat, fail),
        LIMITS.samplesPerCell,
        `${pat}windows`,
        fail,
      );
      if (!ws.every((x) => typeof x === 'number' && x > 0 && x < 1e12)) {
        throw fail(`"${pat}windows" must hold requests per second greater than 0`);
      }
      if (p['rounds'] !== undefined) {
        const r = arr(p, 'rounds', pat, fail);
        if (
          r.length !== ws.length ||
          !r.every((x) => Number.isSafeInteger(x) && (x as number) >= 0)
        ) {
          throw fail(`"${pat}rounds" must hold one non-negative integer per window`);
        }
      }
    }
  });
  const rec = obj(t, 'recommended', at, fail);
  threadCount(rec, 'workers', `${at}recommended.`, fail);
  threadCount(rec, 'threadsPerWorker', `${at}recommended.`, fail);
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
  if (!ok(x)) throw fail(`"${at}${key}" is ${describeValue(x)}; expected ${expected}`);
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
