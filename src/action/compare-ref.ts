/**
 * The base version of a model or command for a same-job comparison: the model file as it is at
 * the base commit (`git show`), or a detached worktree of it for a command. By default (input
 * `compare-ref` empty) the base is the pull request's or merge group's base commit; when the
 * checkout lacks it (actions/checkout's default `fetch-depth: 1`), that one commit is fetched
 * through the credentials the checkout left. When the default base cannot be had, the action
 * falls back to the stored baseline and says why; a `compare-ref` the user named must work.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';
import {
  git as runGit,
  gitErrorLine as oneLine,
  GIT_REMOTE_TIMEOUT_MS,
  type GitOptions,
} from '../io/git.js';
import type { WorkloadSpec } from '../settings/settings.js';
import { MAX_MODEL_BYTES } from '../workloads/model.js';
import { isProposedChange, type RunnerContext } from './context.js';
import type { CompareRef } from './inputs.js';

const FETCH_HINT =
  'expected a ref this checkout has or can fetch from origin: use actions/checkout with `fetch-depth: 0`, or fetch the ref, before threadgate';

/** git (io/git.ts) with room for a model file in its output. */
const git = (args: readonly string[], cwd: string, opts: GitOptions = {}) =>
  runGit(args, cwd, { maxBuffer: MAX_MODEL_BYTES + 1024, ...opts });

export interface BaseVersion {
  readonly spec: WorkloadSpec;
  /** e.g. "models/encoder.onnx at 6dcb09b (6dcb09b)". */
  readonly description: string;
  /** The commit measured as the base. */
  readonly sha: string;
  /** "fetched 6dcb09b from origin" when the checkout did not have it. */
  readonly note: string | null;
  cleanup(): Promise<void>;
}

export type BaseResolution =
  /** No same-job comparison: the built-in MatMul, `compare-ref: none`, or not a proposed change. */
  | { readonly kind: 'none' }
  | { readonly kind: 'base'; readonly base: BaseVersion }
  /** The default base could not be measured: the stored baseline gates instead. */
  | { readonly kind: 'fallback'; readonly reason: string };

/** Which base (if any) this run measures in the same job; see the file comment. */
export async function resolveSameJobBase(
  compareRef: CompareRef,
  head: WorkloadSpec,
  ctx: RunnerContext,
): Promise<BaseResolution> {
  if (head.kind === 'matmul' || compareRef.kind === 'none') return { kind: 'none' };
  if (compareRef.kind === 'ref') {
    return { kind: 'base', base: await baseVersionAt(compareRef.ref, head, ctx) };
  }
  if (!isProposedChange(ctx)) return { kind: 'none' };
  if (ctx.baseSha === null) {
    return {
      kind: 'fallback',
      reason: `the ${ctx.eventName} event payload names no base commit`,
    };
  }
  try {
    return { kind: 'base', base: await baseVersionAt(ctx.baseSha, head, ctx) };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return {
      kind: 'fallback',
      reason: `the base commit ${ctx.baseSha.slice(0, 7)} could not be measured in this job (${e.message.replace(/^compare-ref: /, '')})`,
    };
  }
}

async function resolveCommit(
  ref: string,
  workspace: string,
): Promise<{ sha: string; note: string | null }> {
  const verify = async (what: string) =>
    (await git(['rev-parse', '--verify', '--quiet', `${what}^{commit}`], workspace)).stdout
      .toString()
      .trim();
  try {
    return { sha: await verify(ref), note: null };
  } catch (first) {
    // Not in the checkout (a shallow clone): fetch that one commit through the credentials
    // actions/checkout left in the repository's configuration.
    try {
      await git(['fetch', '--no-tags', '--depth=1', 'origin', ref], workspace, {
        timeoutMs: GIT_REMOTE_TIMEOUT_MS,
      });
      const sha = await verify('FETCH_HEAD');
      return { sha, note: `fetched ${ref === sha ? sha.slice(0, 7) : ref} from origin` };
    } catch (second) {
      throw new InputError(
        `compare-ref: got "${ref}"; git cannot resolve it here (${oneLine(first)}) nor fetch it ` +
          `from origin (${oneLine(second)}); ${FETCH_HINT}`,
      );
    }
  }
}

export async function baseVersionAt(
  ref: string,
  head: WorkloadSpec,
  ctx: Pick<RunnerContext, 'workspace' | 'tempDir'>,
): Promise<BaseVersion> {
  const { workspace, tempDir } = ctx;
  const { sha, note } = await resolveCommit(ref, workspace);
  const short = sha.slice(0, 7);
  const shown = ref === sha ? short : `${ref} (${short})`;
  const dir = await mkdtemp(path.join(tempDir, 'threadgate-base-'));
  const cleanup = async () => {
    await git(['worktree', 'remove', '--force', dir], workspace).catch(() => undefined);
    await git(['worktree', 'prune'], workspace).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  };
  const top = async () =>
    (await git(['rev-parse', '--show-toplevel'], workspace)).stdout.toString().trim();
  switch (head.kind) {
    case 'model': {
      const rel = path.relative(await top(), path.resolve(workspace, head.path));
      if (rel.startsWith('..') || path.isAbsolute(rel)) {
        await cleanup();
        throw new InputError(
          `compare-ref: the model ${head.path} is outside the repository; expected a model file in the checkout`,
        );
      }
      let bytes: Buffer;
      try {
        bytes = (
          await git(['show', `${sha}:${rel.split(path.sep).join('/')}`], workspace, {
            encoding: 'buffer',
          })
        ).stdout as Buffer;
      } catch (e) {
        await cleanup();
        throw new InputError(
          `compare-ref: the model ${head.path} does not exist at ${shown}: ${oneLine(e)}`,
        );
      }
      const file = path.join(dir, path.basename(head.path));
      await writeFile(file, bytes);
      return {
        spec: { ...head, path: file },
        description: `${head.path} at ${shown}`,
        sha,
        note,
        cleanup,
      };
    }
    case 'command':
    case 'worker': {
      try {
        await git(['worktree', 'add', '--detach', dir, sha], workspace);
      } catch (e) {
        await cleanup();
        throw new InputError(
          `compare-ref: could not check out ${shown} into a worktree: ${oneLine(e)}`,
        );
      }
      const sub = path.relative(await top(), path.resolve(workspace, head.cwd ?? '.'));
      return {
        spec: { ...head, cwd: path.join(dir, sub) },
        description: `the ${head.kind} in a worktree of ${shown}`,
        sha,
        note,
        cleanup,
      };
    }
    case 'matmul':
      throw new InputError('compare-ref: only for `model`, `command` or `worker` workloads');
    default: {
      const never: never = head;
      return never;
    }
  }
}
