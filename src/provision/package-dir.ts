/** What makes a directory a usable onnxruntime-node, and the `onnxruntime-path` input. */
import { existsSync, readFileSync } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { invalid } from '../errors.js';
import { bindingPath } from './platform.js';

/**
 * Why `packageDir` cannot serve as onnxruntime-node on platform/arch, or undefined when it can:
 * its package.json (with `version` when given), the binding, and onnxruntime-common resolvable.
 */
export function packageDirProblem(
  packageDir: string,
  platform: string,
  arch: string,
  version?: string,
): string | undefined {
  const manifest = join(packageDir, 'package.json');
  let found: { name?: unknown; version?: unknown };
  try {
    found = JSON.parse(readFileSync(manifest, 'utf8')) as typeof found;
  } catch {
    return `no readable ${manifest}`;
  }
  if (found.name !== undefined && found.name !== 'onnxruntime-node') {
    return `${manifest} is the package ${String(found.name)}, not onnxruntime-node`;
  }
  if (version !== undefined && found.version !== version) {
    return `it holds version ${String(found.version)}, not ${version}`;
  }
  const binding = bindingPath(platform, arch);
  if (!existsSync(join(packageDir, binding))) return `it has no ${binding}`;
  try {
    createRequire(manifest).resolve('onnxruntime-common');
  } catch {
    return 'onnxruntime-common cannot be resolved from it';
  }
  return undefined;
}

/** The `version` in a package directory's package.json, or `unknown`. */
export function installedVersion(packageDir: string): string {
  try {
    const v = (
      JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version?: unknown }
    ).version;
    return typeof v === 'string' ? v : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Total size in bytes of the files under `dir` (symbolic links not followed). */
export async function directorySize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) total += await directorySize(p);
    else total += (await lstat(p)).size;
  }
  return total;
}

/**
 * The onnxruntime-node directory the `onnxruntime-path` input points at: the package itself, or
 * a project whose `node_modules` holds it (relative paths from `workspace`). It must be `version`
 * with the binding for platform/arch and onnxruntime-common resolvable; otherwise an InputError
 * naming the input, the value, the expected form and what is wrong.
 */
export function packageDirFromInput(
  value: string,
  workspace: string,
  platform: string,
  arch: string,
  version: string,
): string {
  const dir = resolve(workspace, value);
  const nested = join(dir, 'node_modules', 'onnxruntime-node');
  const candidates = existsSync(join(dir, 'package.json')) ? [dir, nested] : [nested, dir];
  let problem: string | undefined;
  for (const candidate of candidates) {
    if (!existsSync(candidate)) continue;
    const p = packageDirProblem(candidate, platform, arch, version);
    if (p === undefined) return candidate;
    problem ??= `${candidate}: ${p}`;
  }
  problem ??= existsSync(dir) ? `${dir} holds no onnxruntime-node` : `${dir} does not exist`;
  throw invalid(
    'onnxruntime-path',
    value,
    `a directory holding onnxruntime-node ${version} unpacked (with ` +
      `${bindingPath(platform, arch)} and onnxruntime-common beside it in node_modules), or a ` +
      `project directory whose node_modules holds them; ${problem}`,
  );
}
