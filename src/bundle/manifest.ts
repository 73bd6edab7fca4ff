/**
 * The report bundle: what a measuring step leaves for a later report step (a matrix's final job,
 * or a `workflow_run` workflow that may comment on a pull request from a fork). A folder with
 * three files of fixed names — the manifest, the results JSON and, when there is one, the
 * comparison JSON — so that no path is ever read from a bundle.
 *
 * The manifest says which run and leg the bundle is from. In report mode it is hostile data (the
 * fork's code wrote it), so parseManifest is strict: every field of schemaVersion 1 is required
 * and typed, no other field is allowed, strings are short and printable, numbers are positive
 * integers, shas are hexadecimal.
 */

import { InputError } from '../errors.js';
import { describeValue, isObject } from '../json-value.js';

/** The file names of a bundle, fixed: nothing in a bundle names a path. */
export const BUNDLE_FILES = {
  manifest: 'threadgate-bundle.json',
  results: 'results.json',
  comparison: 'comparison.json',
} as const;

export const MANIFEST_KIND = 'threadgate-report-bundle';
/** Largest manifest read, in bytes (a real one is under 1 kB). */
export const MANIFEST_LIMIT_BYTES = 64 * 1024;
/** Most characters of the leg's label and of the other strings. */
export const LABEL_MAX = 300;
const STRING_MAX = 1000;

export interface BundleManifest {
  readonly schemaVersion: 1;
  readonly kind: typeof MANIFEST_KIND;
  readonly tool: { readonly name: 'threadgate'; readonly version: string };
  /** The leg as the report names it: its `comment-key`, else the job and the runner OS/arch. */
  readonly leg: string;
  /** The sticky-comment key the leg itself would use (workflow, job, matrix or runner). */
  readonly stickyKey: string;
  /** `owner/repo` the run belongs to. */
  readonly repository: string;
  readonly eventName: string;
  /** The pull request the leg measured; null on other events. */
  readonly pullNumber: number | null;
  /** The commit measured: the pull request's head, else the run's sha. */
  readonly headSha: string | null;
  /** The pull request's (or merge group's) base commit, when there is one. */
  readonly baseSha: string | null;
  readonly workflow: string;
  readonly job: string;
  /** GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT, as decimal strings. */
  readonly runId: string;
  readonly runAttempt: string;
  readonly createdAt: string;
  /** Whether the bundle holds a comparison (BUNDLE_FILES.comparison). */
  readonly comparison: boolean;
}

const FIELDS = [
  'schemaVersion',
  'kind',
  'tool',
  'leg',
  'stickyKey',
  'repository',
  'eventName',
  'pullNumber',
  'headSha',
  'baseSha',
  'workflow',
  'job',
  'runId',
  'runAttempt',
  'createdAt',
  'comparison',
] as const satisfies readonly (keyof BundleManifest)[];

const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
const DECIMAL = /^[1-9][0-9]{0,19}$/;
const REPOSITORY = /^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/;
/** Control characters, line separators and direction overrides: never in a manifest string. */
const UNPRINTABLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;
/** Pull request numbers are positive 32-bit integers on GitHub. */
const MAX_PULL_NUMBER = 2 ** 31 - 1;

type Fail = (message: string) => InputError;

/**
 * Validate the text of a manifest. Throws InputError `${fileName}: what is wrong; expected …`
 * (the value shown is cut short and JSON-quoted; the caller escapes it for markdown).
 */
export function parseManifest(
  text: string,
  fileName: string = BUNDLE_FILES.manifest,
): BundleManifest {
  const fail: Fail = (m) => new InputError(`${fileName}: ${m}`);
  if (text.length > MANIFEST_LIMIT_BYTES) {
    throw fail(`is ${text.length} characters long; expected at most ${MANIFEST_LIMIT_BYTES}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw fail(
      `is not valid JSON (${(e as Error).message}); expected a threadgate bundle manifest`,
    );
  }
  if (!isObject(value)) throw fail(`is ${describeValue(value)}; expected a JSON object`);
  if (value['kind'] !== MANIFEST_KIND) {
    throw fail(`"kind" is ${describeValue(value['kind'])}; expected "${MANIFEST_KIND}"`);
  }
  if (value['schemaVersion'] !== 1) {
    throw fail(
      `"schemaVersion" is ${describeValue(value['schemaVersion'])}; expected 1 (a newer threadgate may have written it)`,
    );
  }
  const extra = Object.keys(value).find((k) => !(FIELDS as readonly string[]).includes(k));
  if (extra !== undefined) {
    throw fail(
      `has the unknown field ${JSON.stringify(extra.slice(0, 40))}; expected only ${FIELDS.join(', ')}`,
    );
  }
  const field = (key: string, expected: string, ok: (x: unknown) => boolean): unknown => {
    const x = value[key];
    if (x === undefined) throw fail(`is missing the field "${key}"; expected ${expected}`);
    if (!ok(x)) throw fail(`"${key}" is ${describeValue(x)}; expected ${expected}`);
    return x;
  };
  const str = (key: string, max = STRING_MAX, pattern?: RegExp, expected?: string): string =>
    field(
      key,
      expected ?? `a string of 1 to ${max} printable characters`,
      (x) =>
        typeof x === 'string' &&
        x.length >= 1 &&
        x.length <= max &&
        !UNPRINTABLE.test(x) &&
        (pattern === undefined || pattern.test(x)),
    ) as string;
  const sha = (key: string): string | null =>
    field(
      key,
      'null or a commit sha (40 or 64 lowercase hexadecimal digits)',
      (x) => x === null || (typeof x === 'string' && SHA.test(x)),
    ) as string | null;

  const tool = field('tool', 'an object { name: "threadgate", version }', isObject) as Record<
    string,
    unknown
  >;
  if (
    tool['name'] !== 'threadgate' ||
    Object.keys(tool).some((k) => k !== 'name' && k !== 'version')
  ) {
    throw fail('"tool" is not { name: "threadgate", version }; expected a threadgate bundle');
  }
  const version = tool['version'];
  if (typeof version !== 'string' || !/^[0-9A-Za-z.+-]{1,64}$/.test(version)) {
    throw fail(`"tool.version" is ${describeValue(version)}; expected a version such as "1.2.3"`);
  }
  const createdAt = str('createdAt', 40);
  if (!Number.isFinite(Date.parse(createdAt))) {
    throw fail(`"createdAt" is ${describeValue(createdAt)}; expected an ISO 8601 date`);
  }
  return {
    schemaVersion: 1,
    kind: MANIFEST_KIND,
    tool: { name: 'threadgate', version },
    leg: str('leg', LABEL_MAX),
    stickyKey: str('stickyKey'),
    repository: str('repository', 201, REPOSITORY, 'a repository "owner/name"'),
    eventName: str('eventName', 100, /^[a-z_]+$/, 'an event name such as "pull_request"'),
    pullNumber: field(
      'pullNumber',
      `null or a pull request number (an integer from 1 to ${MAX_PULL_NUMBER})`,
      (x) =>
        x === null ||
        (Number.isSafeInteger(x) && (x as number) >= 1 && (x as number) <= MAX_PULL_NUMBER),
    ) as number | null,
    headSha: sha('headSha'),
    baseSha: sha('baseSha'),
    workflow: str('workflow'),
    job: str('job', 200),
    runId: str('runId', 20, DECIMAL, 'a run id (decimal digits)'),
    runAttempt: str('runAttempt', 20, DECIMAL, 'a run attempt (decimal digits)'),
    createdAt,
    comparison: field('comparison', 'true or false', (x) => typeof x === 'boolean') as boolean,
  };
}
