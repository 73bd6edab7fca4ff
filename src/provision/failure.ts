/**
 * A failed provisioning: one error that says what was tried and how to get past it, and the
 * job-summary section that shows the same.
 */
import { WorkloadError } from '../errors.js';
import { ORT_VERSION } from './pinned.js';
import { plainText } from '../report/text.js';

/** The README section that explains the ways out. */
export const README_SECTION = 'Container jobs, mirrors and air-gapped runners';

/** The three ways past a registry that cannot be reached, as one sentence. */
export function waysOut(toolCacheDir: string | undefined, arch: string): string {
  const root = toolCacheDir ?? '$RUNNER_TOOL_CACHE';
  return (
    'Ways out: set the `registry` input to an npm registry or mirror this runner can reach; ' +
    `or set \`onnxruntime-path\` to a directory holding onnxruntime-node ${ORT_VERSION} ` +
    `unpacked (air-gapped runners); or pre-seed the runner's tool cache ` +
    `(${root}/onnxruntime-node/${ORT_VERSION}/${arch}/node_modules/… and ` +
    `${root}/onnxruntime-node/${ORT_VERSION}/${arch}.complete). ` +
    `See "${README_SECTION}" in threadgate's README.`
  );
}

/** Provisioning failed; `trail` is every line the attempt logged, in order. */
export class ProvisionError extends WorkloadError {
  constructor(
    message: string,
    readonly trail: readonly string[],
  ) {
    super(message);
  }
}

/** A fence longer than any run of backticks in `text`, so the text cannot close it. */
function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(longest + 1);
}

function codeBlock(text: string): string {
  const f = fence(text);
  return `${f}text\n${text}\n${f}`;
}

/** Each line plain text (plainText: control and direction characters): it goes into the summary. */
function clean(text: string): string {
  return text
    .split('\n')
    .map((line) => plainText(line, Infinity))
    .join('\n');
}

/** The job-summary section for a failed provisioning (any error; the trail when it has one). */
export function provisionFailureMarkdown(e: unknown): string {
  const message = clean(e instanceof Error ? e.message : String(e));
  const trail = e instanceof ProvisionError ? e.trail.map(clean) : [];
  return [
    '## threadgate: onnxruntime-node could not be provisioned',
    '',
    'The sweep did not run. The error:',
    '',
    codeBlock(message),
    '',
    ...(trail.length > 0 ? ['What was tried, in order:', '', codeBlock(trail.join('\n')), ''] : []),
  ].join('\n');
}
