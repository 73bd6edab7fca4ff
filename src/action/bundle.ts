/**
 * The measuring step's report bundle (src/bundle/manifest.ts): the results, the comparison when
 * there is one, and the manifest naming the run and the leg, written into `report-dir` for the
 * workflow to upload with actions/upload-artifact. A report step (mode: report) reads them.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Comparison } from '../analysis/compare.js';
import { toComparisonJson } from '../analysis/comparison-json.js';
import { BUNDLE_FILES, DOCUMENT_KINDS, type BundleManifest } from '../bundle/manifest.js';
import { LIMITS } from '../contract/limits.js';
import { InputError } from '../errors.js';
import { plainText } from '../report/text.js';
import { fsWords, writeJsonAtomic } from '../results/io.js';
import { ConfinedDirError, ensureDirWithin } from '../io/confined-dir.js';
import type { Result } from '../results/types.js';
import { TOOL_VERSION } from '../version.js';
import { actionTempDir, type RunnerContext } from './context.js';
import type { ActionSettings } from './inputs.js';
import type { ActionCore } from './ports.js';

/** Where the bundle goes: `report-dir` (relative to the workspace), else under RUNNER_TEMP. */
export function reportDirFor(settings: ActionSettings, ctx: RunnerContext): string {
  return settings.reportDir === ''
    ? path.join(actionTempDir(ctx), 'report')
    : path.resolve(ctx.workspace, settings.reportDir);
}

/** One printable line of at most `max` characters. */
function oneLine(text: string, max: number): string {
  return plainText(text.replace(/\s+/g, ' ').trim(), max);
}

/**
 * The leg as a report names it: its `comment-key` (a matrix as JSON reads `os=ubuntu-latest,
 * python=3.12`), else the job and the runner's OS/arch, e.g. `bench · linux-x64`.
 */
export function legLabel(commentKey: string, job: string, result: Result): string {
  let label = `${job || 'threadgate'} · ${result.machine.os}-${result.machine.arch}`;
  if (commentKey.trim() !== '') {
    label = commentKey;
    try {
      const m = JSON.parse(commentKey) as unknown;
      if (typeof m === 'object' && m !== null && !Array.isArray(m)) {
        label = Object.entries(m)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
          .join(', ');
      }
    } catch {
      // a plain string: the label as it is
    }
  }
  return oneLine(label, LIMITS.labelChars) || 'threadgate';
}

export function bundleManifest(
  settings: ActionSettings,
  ctx: RunnerContext,
  result: Result,
  stickyKey: string,
  hasComparison: boolean,
): BundleManifest {
  const sha = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(ctx.sha) ? ctx.sha : null;
  const decimal = (s: string, fallback: string) => (/^[1-9][0-9]{0,19}$/.test(s) ? s : fallback);
  return {
    schemaVersion: 1,
    kind: DOCUMENT_KINDS.manifest,
    tool: { name: 'threadgate', version: TOOL_VERSION },
    leg: legLabel(settings.commentKey, ctx.job, result),
    stickyKey: oneLine(stickyKey, 1000) || 'threadgate',
    repository: `${ctx.owner}/${ctx.repo}`,
    eventName: /^[a-z_]{1,100}$/.test(ctx.eventName) ? ctx.eventName : 'unknown',
    pullNumber: ctx.pullNumber,
    headSha: ctx.headSha ?? sha,
    baseSha: ctx.baseSha,
    workflow: oneLine(ctx.workflow, 1000) || 'workflow',
    job: oneLine(ctx.job, 200) || 'job',
    runId: decimal(ctx.runId, '1'),
    runAttempt: decimal(ctx.runAttempt, '1'),
    createdAt: new Date().toISOString(),
    comparison: hasComparison,
  };
}

/**
 * Write the bundle and set the `report-dir` output. The manifest goes last (it marks a folder as
 * a bundle) and a comparison left by an earlier step in the same folder is removed. Returns the
 * error to fail the step with once the report is out (an unwritable report-dir), or null.
 */
export async function writeReportBundle(
  core: Pick<ActionCore, 'setOutput' | 'info'>,
  settings: ActionSettings,
  ctx: RunnerContext,
  result: Result,
  comparison: Comparison | null,
  stickyKey: string,
): Promise<Error | null> {
  const dir = reportDirFor(settings, ctx);
  const file = (name: string) => path.join(dir, name);
  try {
    // A committed link must not take the bundle (or the removals) out of the workspace.
    await ensureDirWithin(dir, ctx.workspace);
    await rm(file(BUNDLE_FILES.manifest), { force: true });
    await writeJsonAtomic(file(BUNDLE_FILES.results), result);
    if (comparison) {
      await writeJsonAtomic(file(BUNDLE_FILES.comparison), toComparisonJson(comparison));
    } else {
      await rm(file(BUNDLE_FILES.comparison), { force: true });
    }
    await writeJsonAtomic(
      file(BUNDLE_FILES.manifest),
      bundleManifest(settings, ctx, result, stickyKey, comparison !== null),
    );
  } catch (e) {
    if (e instanceof ConfinedDirError) {
      return new InputError(
        `report-dir: got ${JSON.stringify(settings.reportDir)}: in the workspace, ${e.message}; ` +
          'no report bundle was written and nothing was removed; expected a folder inside the ' +
          'workspace that no symbolic link leads out of, or a path outside the workspace that ' +
          'the workflow chooses (e.g. under runner.temp)',
      );
    }
    return new InputError(
      `report-dir: could not write the report bundle into ${JSON.stringify(dir)}: ${fsWords(e)}; ` +
        'expected a folder this job can write (or empty, for one under RUNNER_TEMP)',
    );
  }
  core.setOutput('report-dir', dir);
  core.info(`Report bundle written to ${dir}`);
  return null;
}
