/**
 * Reading a document through the contract: JSON text → the schema (schema.ts) → the checks one
 * field cannot make about another → a typed, checked value. The only validator of results files,
 * baseline histories, comparisons and bundle manifests; every entry point (CLI flags, action
 * inputs, report bundles, `file:` and cache stores) reads through it.
 *
 * Every failure is one error naming the input, the file, the JSON path, the value found and the
 * form expected: `--current r.json: "workloads[0].points[1].medianNs" is number -3; expected a
 * duration in ns greater than 0 and at most 1000000000000000`.
 */

import * as v from 'valibot';
import { describeValue, isObject } from '../json-value.js';
import { DOCUMENT_KINDS } from './limits.js';
import {
  BaselineDocumentSchema,
  BundleManifestSchema,
  ComparisonSchema,
  ResultSchema,
  type BaselineDocument,
  type BundleManifest,
  type ComparisonJson,
  type Result,
} from './schema.js';

export type Fail = (message: string) => Error;

/** What a JSON document says it is, from its `kind` (and, for results, its shape). */
export type DocumentKind = 'results' | 'baseline' | 'comparison' | 'manifest';

/** Parse JSON text; a clear error for an empty, truncated or malformed file. */
export function parseJsonText(text: string, fail: Fail): unknown {
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

/**
 * What the JSON is by its own word: `kind` names a baseline, comparison or manifest; a results
 * file has no `kind` and names the tool or carries machine and workloads. Throws for anything
 * else, and for a schemaVersion other than 1.
 */
export function documentKind(value: unknown, fail: Fail): DocumentKind {
  if (!isObject(value)) {
    throw fail(`is not a threadgate file (the JSON is ${describeValue(value)}, not an object)`);
  }
  const kind = value['kind'];
  const tool = value['tool'];
  const toolName = isObject(tool) ? tool['name'] : undefined;
  let found: DocumentKind;
  if (kind === DOCUMENT_KINDS.baseline) found = 'baseline';
  else if (kind === DOCUMENT_KINDS.comparison) found = 'comparison';
  else if (kind === DOCUMENT_KINDS.manifest) found = 'manifest';
  else if (kind !== undefined || (toolName !== undefined && toolName !== 'threadgate')) {
    throw fail(`is not a threadgate file (kind ${describeValue(kind ?? toolName)})`);
  } else if (toolName === 'threadgate' || ('machine' in value && 'workloads' in value)) {
    found = 'results';
  } else {
    throw fail('is not a threadgate file (no "kind", "tool" or "machine"/"workloads" fields)');
  }
  const version = value['schemaVersion'];
  if (version === undefined) throw fail('has no "schemaVersion" (expected 1)');
  if (version !== 1) {
    throw fail(
      `has schemaVersion ${describeValue(version)}, which this threadgate does not know ` +
        '(it reads schemaVersion 1; a newer threadgate may have written it)',
    );
  }
  return found;
}

const WHAT: Record<DocumentKind, string> = {
  results: 'a results file (threadgate sweep --json FILE)',
  baseline: 'a baseline history (threadgate baseline add)',
  comparison: 'a comparison file (threadgate compare --json FILE)',
  manifest: 'a report bundle manifest',
};

/** Throw unless the document is one of `accepted`; the message says what it is instead. */
export function expectKind<K extends DocumentKind>(
  found: DocumentKind,
  accepted: readonly K[],
  fail: Fail,
): K {
  if ((accepted as readonly DocumentKind[]).includes(found)) return found as K;
  throw fail(`is ${WHAT[found]}; expected ${accepted.map((k) => WHAT[k]).join(' or ')}`);
}

/** Run a schema; the first problem becomes `fail("path" is VALUE; expected FORM)`. */
export function decode<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
  fail: Fail,
  prefix = '',
): v.InferOutput<S> {
  const parsed = v.safeParse(schema, value, { abortEarly: true });
  if (parsed.success) return parsed.output;
  throw fail(describeIssue(parsed.issues[0], prefix));
}

function describeIssue(issue: v.BaseIssue<unknown>, prefix: string): string {
  const path = prefix + pathText(issue.path ?? []);
  const objectIssue = issue.type === 'object' || issue.type === 'strict_object';
  if (objectIssue && issue.input === undefined && path !== '') {
    return `is missing the field "${path}"`;
  }
  if (issue.type === 'strict_object' && issue.expected === 'never' && issue.path) {
    const key = issue.path[issue.path.length - 1]?.key;
    return `has the unknown field ${JSON.stringify(String(key).slice(0, 40))}; expected only the fields of ${issue.message}`;
  }
  const shown =
    Array.isArray(issue.input) && issue.type.endsWith('length')
      ? `an array of ${issue.input.length} entries`
      : typeof issue.input === 'string' && issue.type === 'max_length'
        ? `${issue.input.length} characters long`
        : describeValue(issue.input);
  return path === ''
    ? `is ${shown}; expected ${issue.message}`
    : `"${path}" is ${shown}; expected ${issue.message}`;
}

function pathText(items: readonly v.IssuePathItem[]): string {
  let out = '';
  for (const item of items) {
    const key = item.key;
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

// --- the documents ----------------------------------------------------------------------------

/** A results file's value (already JSON), checked whole. `prefix` names its place ("latest."). */
export function checkResult(value: unknown, fail: Fail, prefix = ''): Result {
  const result = decode(ResultSchema, value, fail, prefix);
  crossCheckResult(result, fail, prefix);
  return result;
}

export function checkBaseline(value: unknown, fail: Fail): BaselineDocument {
  const doc = decode(BaselineDocumentSchema, value, fail);
  doc.runs.forEach((run, i) =>
    run.workloads.forEach((w, j) =>
      uniqueSorted(
        w.points.map((p) => p.threads),
        `runs[${i}].workloads[${j}].points`,
        'thread count',
        fail,
      ),
    ),
  );
  crossCheckResult(doc.latest, fail, 'latest.');
  if (doc.latest.machine.fingerprint !== doc.fingerprint) {
    throw fail(
      `is inconsistent: "fingerprint" is ${JSON.stringify(doc.fingerprint)} but ` +
        `"latest.machine.fingerprint" is ${JSON.stringify(doc.latest.machine.fingerprint)}`,
    );
  }
  return doc;
}

export function checkComparisonJson(value: unknown, fail: Fail): ComparisonJson {
  const c = decode(ComparisonSchema, value, fail);
  c.changes.forEach((change, i) => ordered(change.ci, `changes[${i}].ci`, fail));
  c.cells.forEach((cell, i) => {
    const at = `cells[${i}].`;
    if (cell.ci95 !== null) ordered(cell.ci95, `${at}ci95`, fail);
    const expected = cell.gated && cell.status === 'regression';
    if (cell.regression !== expected) {
      throw fail(
        `"${at}regression" is ${describeValue(cell.regression)}; expected ${String(expected)} (gated and status "regression")`,
      );
    }
  });
  if (c.verdict === 'no-baseline') {
    if (c.cells.length > 0) {
      throw fail(
        `"cells" is ${c.cells.length} cells; expected no cells with the verdict "no-baseline"`,
      );
    }
    return c;
  }
  if (c.baseline === null) {
    throw fail(`"baseline" is null; expected a baseline object with the verdict "${c.verdict}"`);
  }
  if (c.maxSlowdown === null) {
    throw fail(`"maxSlowdown" is null; expected a finite number with the verdict "${c.verdict}"`);
  }
  const gated = c.cells.filter((cell) => cell.gated);
  if (gated.length === 0) {
    throw fail(
      `"cells" is without a gated cell; expected at least one gated cell ("${c.verdict}")`,
    );
  }
  const largest = Math.max(...gated.map((cell) => cell.ratio - 1));
  if (Math.abs(largest - c.maxSlowdown) > 1e-9 * Math.max(1, Math.abs(largest))) {
    throw fail(
      `"maxSlowdown" is ${describeValue(c.maxSlowdown)}; expected the largest gated ratio − 1 of the cells (${largest})`,
    );
  }
  const expected = gated.some((cell) => cell.regression)
    ? 'regression'
    : gated.some((cell) => cell.status === 'inconclusive')
      ? 'inconclusive'
      : 'pass';
  if (c.verdict !== expected) {
    throw fail(
      `"verdict" is ${describeValue(c.verdict)}; expected "${expected}", the verdict its cells give`,
    );
  }
  return c;
}

export function checkManifest(value: unknown, fail: Fail): BundleManifest {
  return decode(BundleManifestSchema, value, fail);
}

/**
 * What the schema cannot say: thread counts measured once each and in order, a recommended or
 * fastest count that was measured, one round per sample, intervals with lo ≤ hi, one entry per
 * throughput split, workload ids unique.
 */
function crossCheckResult(r: Result, fail: Fail, prefix: string): void {
  const ids = new Set<string>();
  r.workloads.forEach((w, i) => {
    const at = `${prefix}workloads[${i}].`;
    if (ids.has(w.id))
      throw fail(`"${at}id" is ${describeValue(w.id)} again; expected each workload once`);
    ids.add(w.id);
    const measured = w.points.map((p) => p.threads);
    uniqueSorted(measured, `${at}points`, 'thread count', fail);
    for (const key of ['fastest', 'recommended'] as const) {
      if (!measured.includes(w[key].threads)) {
        throw fail(
          `"${at}${key}.threads" is ${describeValue(w[key].threads)}; expected one of the measured thread counts (${measured.join(', ')})`,
        );
      }
    }
    w.points.forEach((p, j) => checkPoint(p, `${at}points[${j}].`, fail));
    if (w.throughput !== undefined) {
      const tat = `${at}throughput.`;
      uniqueSorted(
        w.throughput.points.map((p) => p.threadsPerWorker),
        `${tat}points`,
        'threadsPerWorker',
        fail,
        false,
      );
      w.throughput.points.forEach((p, j) => {
        ordered(p.ci95, `${tat}points[${j}].ci95`, fail);
        if (
          p.windows !== undefined &&
          p.rounds !== undefined &&
          p.rounds.length !== p.windows.length
        ) {
          throw fail(`"${tat}points[${j}].rounds" must hold one round per window`);
        }
      });
    }
  });
  if (r.overhead) ordered(r.overhead.ci95Ns, `${prefix}overhead.ci95Ns`, fail);
  if (r.reference) checkPoint(r.reference.point, `${prefix}reference.point.`, fail);
}

function checkPoint(p: Result['workloads'][number]['points'][number], at: string, fail: Fail) {
  ordered(p.ci95Ns, `${at}ci95Ns`, fail);
  if (p.rounds !== undefined && p.rounds.length !== p.samplesNs.length) {
    throw fail(
      `"${at}rounds" is an array of ${p.rounds.length} entries; expected one round per sample (${p.samplesNs.length})`,
    );
  }
}

function ordered(pair: readonly [number, number], path: string, fail: Fail): void {
  if (pair[0] > pair[1]) {
    throw fail(`"${path}" is [${pair[0]}, ${pair[1]}]; expected [lo, hi] with lo ≤ hi`);
  }
}

function uniqueSorted(
  xs: readonly number[],
  path: string,
  what: string,
  fail: Fail,
  sorted = true,
): void {
  const seen = new Set<number>();
  for (const [i, x] of xs.entries()) {
    if (seen.has(x)) throw fail(`"${path}" has ${what} ${x} twice; expected each once`);
    seen.add(x);
    if (sorted && i > 0 && x < xs[i - 1]!) {
      throw fail(
        `"${path}" has ${what} ${x} after ${xs[i - 1]}; expected them in increasing order`,
      );
    }
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
