/**
 * The report bundle: what a measuring step leaves for a later report step (a matrix's final job,
 * or a `workflow_run` workflow that may comment on a pull request from a fork). A folder with
 * three files of fixed names — the manifest, the results JSON and, when there is one, the
 * comparison JSON — so that no path is ever read from a bundle.
 *
 * The manifest says which run and leg the bundle is from. In report mode it is hostile data (the
 * fork's code wrote it): its schema (src/contract/schema.ts) is strict — every field required and
 * typed, no other field allowed, strings short and printable, shas hexadecimal.
 */

export { BUNDLE_FILES, DOCUMENT_KINDS } from '../contract/limits.js';
export type { BundleManifest } from '../contract/schema.js';
