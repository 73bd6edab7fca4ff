/**
 * The base version of a model or command for a same-job comparison (`compare-ref`): the model
 * file as it is at REF (`git show`), or a detached worktree of REF for a command.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { InputError, describeError } from '../errors.js';
import type { WorkloadSpec } from '../settings/settings.js';

const run = promisify(execFile);
const FETCH_HINT =
  'expected a ref this checkout has: use actions/checkout with `fetch-depth: 0` (or fetch the base ref) before threadgate';

async function git(args: readonly string[], cwd: string, encoding: 'utf8' | 'buffer' = 'utf8') {
  return run('git', [...args], { cwd, encoding, maxBuffer: 1 << 30 });
}

export interface BaseVersion {
  readonly spec: WorkloadSpec;
  readonly description: string;
  cleanup(): Promise<void>;
}

export async function baseVersionAt(
  ref: string,
  head: WorkloadSpec,
  workspace: string,
  tempDir: string,
): Promise<BaseVersion> {
  let sha: string;
  try {
    sha = (await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], workspace)).stdout
      .toString()
      .trim();
  } catch (e) {
    throw new InputError(
      `compare-ref: got "${ref}"; git cannot resolve it here (${oneLine(e)}); ${FETCH_HINT}`,
    );
  }
  const short = sha.slice(0, 7);
  const dir = await mkdtemp(path.join(tempDir, 'threadgate-base-'));
  const cleanup = async () => {
    await git(['worktree', 'remove', '--force', dir], workspace).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  };
  switch (head.kind) {
    case 'model': {
      const top = (await git(['rev-parse', '--show-toplevel'], workspace)).stdout.toString().trim();
      const rel = path.relative(top, path.resolve(workspace, head.path)).split(path.sep).join('/');
      let bytes: Buffer;
      try {
        bytes = (await git(['show', `${sha}:${rel}`], workspace, 'buffer')).stdout as Buffer;
      } catch (e) {
        await cleanup();
        throw new InputError(
          `compare-ref: the model ${head.path} does not exist at ${ref} (${short}): ${oneLine(e)}`,
        );
      }
      const file = path.join(dir, path.basename(head.path));
      await writeFile(file, bytes);
      return {
        spec: { ...head, path: file },
        description: `${head.path} at ${ref} (${short})`,
        cleanup,
      };
    }
    case 'command': {
      try {
        await git(['worktree', 'add', '--detach', dir, sha], workspace);
      } catch (e) {
        await cleanup();
        throw new InputError(
          `compare-ref: could not check out ${ref} (${short}) into a worktree: ${oneLine(e)}`,
        );
      }
      const sub = path.relative(
        (await git(['rev-parse', '--show-toplevel'], workspace)).stdout.toString().trim(),
        path.resolve(workspace, head.cwd ?? '.'),
      );
      return {
        spec: { ...head, cwd: path.join(dir, sub) },
        description: `the command in a worktree of ${ref} (${short})`,
        cleanup,
      };
    }
    case 'matmul':
      throw new InputError('compare-ref: only for `model` or `command` workloads');
    default: {
      const never: never = head;
      return never;
    }
  }
}

function oneLine(e: unknown): string {
  const err = e as { stderr?: unknown };
  const text = typeof err.stderr === 'string' && err.stderr.trim() ? err.stderr : describeError(e);
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}
