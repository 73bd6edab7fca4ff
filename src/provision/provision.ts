/**
 * Make onnxruntime-node loadable at action run time without committed native binaries and
 * without its install script (which downloads CUDA libraries from outside the npm registry).
 * Sources, in order:
 *  1. the action's own node_modules (development; self-hosted runners that ran `npm ci`);
 *  2. the runner's tool cache (RUNNER_TOOL_CACHE), filled by an earlier step or job;
 *  3. the Actions cache, key `threadgate-ort-<version>-<platform>-<arch>-v1`;
 *  4. `npm pack` of the pinned version and of onnxruntime-common (the user's npm configuration
 *     decides the registry), each tarball checked against the pinned integrity, unpacked into
 *     `<dir>/node_modules/…`, and pruned to the runner's own binaries (the package carries five
 *     platforms, ~290 MB unpacked). The result is then saved to the tool cache and the Actions
 *     cache; a failed save is a warning.
 * The returned `packageDir` is what `loadOrt(packageDir)` takes. @actions/* are imported lazily.
 */
import { existsSync, readFileSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describeError } from '../errors.js';
import { ORT_COMMON_INTEGRITY, ORT_NODE_INTEGRITY, ORT_VERSION } from './pinned.js';
import { bindingPath, checkPlatform, ortCacheKey } from './platform.js';
import { installFromTarballs, npmPack } from './tarball.js';

export type OrtSource = 'node_modules' | 'tool-cache' | 'actions-cache' | 'npm-pack';

export interface ProvisionOptions {
  readonly log: (line: string) => void;
  /** Non-fatal problems (a failed cache save); defaults to `log` with a "warning: " prefix. */
  readonly warn?: (line: string) => void;
  /** The tool cache root; defaults to RUNNER_TOOL_CACHE. Without either, the tool cache is skipped. */
  readonly toolCacheDir?: string;
  /** A scratch directory (RUNNER_TEMP in the action). The Actions cache path lives under it. */
  readonly tempDir: string;
  readonly useActionsCache: boolean;
  readonly platform?: string;
  readonly arch?: string;
  /** The URL module resolution for step 1 starts from; defaults to this module's. */
  readonly selfUrl?: string;
}

export interface ProvisionResult {
  /** The onnxruntime-node package directory, for `loadOrt(packageDir)`. */
  readonly packageDir: string;
  readonly source: OrtSource;
  readonly seconds: number;
}

/** The tool cache's tool name; entries are `<root>/onnxruntime-node/<version>/<arch>/node_modules/…`. */
export const TOOL_NAME = 'onnxruntime-node';

type ToolCache = typeof import('@actions/tool-cache');

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
  let found: unknown;
  try {
    found = (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown }).version;
  } catch {
    return `no readable ${manifest}`;
  }
  if (version !== undefined && found !== version) {
    return `it holds version ${String(found)}, not ${version}`;
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

function installedVersion(packageDir: string): string {
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

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function secondsSince(t0: number): number {
  return (performance.now() - t0) / 1000;
}

/** Run `fn` with RUNNER_TOOL_CACHE set to `root` (@actions/tool-cache reads it on each call). */
async function withToolCache<T>(root: string, fn: (tc: ToolCache) => T | Promise<T>): Promise<T> {
  const tc = await import('@actions/tool-cache');
  const previous = process.env['RUNNER_TOOL_CACHE'];
  process.env['RUNNER_TOOL_CACHE'] = root;
  try {
    return await fn(tc);
  } finally {
    if (previous === undefined) delete process.env['RUNNER_TOOL_CACHE'];
    else process.env['RUNNER_TOOL_CACHE'] = previous;
  }
}

function fromOwnNodeModules(
  selfUrl: string,
  platform: string,
  arch: string,
  log: (l: string) => void,
) {
  let dir: string;
  try {
    dir = dirname(createRequire(selfUrl).resolve('onnxruntime-node/package.json'));
  } catch {
    return undefined;
  }
  const problem = packageDirProblem(dir, platform, arch);
  if (problem !== undefined) {
    log(`onnxruntime-node in ${dir} is not usable: ${problem}`);
    return undefined;
  }
  return dir;
}

export async function provisionOrt(opts: ProvisionOptions): Promise<ProvisionResult> {
  const t0 = performance.now();
  const platform = opts.platform ?? process.platform;
  const arch = opts.arch ?? process.arch;
  const { log } = opts;
  const warn = opts.warn ?? ((line: string) => log(`warning: ${line}`));
  checkPlatform(platform, arch);

  const done = async (packageDir: string, source: OrtSource): Promise<ProvisionResult> => {
    const seconds = secondsSince(t0);
    const size = await directorySize(packageDir).catch(() => NaN);
    log(
      `onnxruntime-node ${installedVersion(packageDir)} (${platform}/${arch}) from ${source} ` +
        `in ${seconds.toFixed(1)} s (package ${mb(size)}): ${packageDir}`,
    );
    return { packageDir, source, seconds };
  };

  // 1. The action's own node_modules.
  const own = fromOwnNodeModules(opts.selfUrl ?? import.meta.url, platform, arch, log);
  if (own !== undefined) return done(own, 'node_modules');

  // 2. The runner's tool cache.
  const toolRoot = opts.toolCacheDir ?? process.env['RUNNER_TOOL_CACHE'];
  if (toolRoot) {
    let found = '';
    try {
      found = await withToolCache(toolRoot, (tc) => tc.find(TOOL_NAME, ORT_VERSION, arch));
    } catch (e) {
      warn(`could not search the tool cache ${toolRoot}: ${describeError(e)}`);
    }
    if (found) {
      const dir = join(found, 'node_modules', 'onnxruntime-node');
      const problem = packageDirProblem(dir, platform, arch, ORT_VERSION);
      if (problem === undefined) return done(dir, 'tool-cache');
      log(`the tool cache entry ${found} is not usable (${problem}); provisioning again`);
    }
  } else {
    log('no tool cache (RUNNER_TOOL_CACHE is not set)');
  }

  const base = join(opts.tempDir, 'threadgate-ort');
  // A fixed path: the Actions cache entry's version is a hash of the cached paths.
  const ortDir = join(base, `${ORT_VERSION}-${platform}-${arch}`);
  const key = ortCacheKey(platform, arch);
  const packageIn = (root: string) => join(root, 'node_modules', 'onnxruntime-node');

  const saveToToolCache = async (): Promise<string | undefined> => {
    if (!toolRoot) return undefined;
    try {
      const cached = await withToolCache(toolRoot, (tc) =>
        tc.cacheDir(ortDir, TOOL_NAME, ORT_VERSION, arch),
      );
      log(`saved to the tool cache: ${cached}`);
      return cached;
    } catch (e) {
      warn(`could not save onnxruntime-node to the tool cache: ${describeError(e)}`);
      return undefined;
    }
  };

  /** The tool cache copy when it was saved and is usable (it outlives RUNNER_TEMP), else ortDir's. */
  const preferToolCache = (cached: string | undefined): string =>
    cached !== undefined &&
    packageDirProblem(packageIn(cached), platform, arch, ORT_VERSION) === undefined
      ? packageIn(cached)
      : packageIn(ortDir);

  // 3. The Actions cache.
  let cache: typeof import('@actions/cache') | undefined;
  if (opts.useActionsCache) {
    try {
      const mod = await import('@actions/cache');
      if (mod.isFeatureAvailable()) cache = mod;
      else log('the Actions cache is not available here');
    } catch (e) {
      warn(`could not load @actions/cache: ${describeError(e)}`);
    }
  }
  if (cache) {
    try {
      const hit = await cache.restoreCache([ortDir], key);
      if (hit !== undefined) {
        const problem = packageDirProblem(packageIn(ortDir), platform, arch, ORT_VERSION);
        if (problem === undefined) {
          return done(preferToolCache(await saveToToolCache()), 'actions-cache');
        }
        log(`the Actions cache entry ${key} is not usable (${problem}); provisioning again`);
      } else {
        log(`no Actions cache entry ${key}`);
      }
    } catch (e) {
      warn(`could not restore ${key} from the Actions cache: ${describeError(e)}`);
    }
  }

  // 4. npm pack of the pinned version.
  await mkdir(base, { recursive: true });
  const stage = await mkdtemp(join(base, 'stage-'));
  try {
    const specs = [`onnxruntime-node@${ORT_VERSION}`, `onnxruntime-common@${ORT_VERSION}`];
    log(`fetching ${specs.join(' and ')} with npm pack`);
    const t1 = performance.now();
    const files = await npmPack(specs, join(stage, 'tarballs'));
    const fetched = secondsSince(t1);
    const t2 = performance.now();
    const { pruned } = await installFromTarballs({
      tarballs: [
        {
          name: 'onnxruntime-node',
          file: files.get('onnxruntime-node') ?? '',
          integrity: ORT_NODE_INTEGRITY,
        },
        {
          name: 'onnxruntime-common',
          file: files.get('onnxruntime-common') ?? '',
          integrity: ORT_COMMON_INTEGRITY,
        },
      ],
      destDir: join(stage, 'pkg'),
      platform,
      arch,
    });
    await rm(ortDir, { recursive: true, force: true });
    await rename(join(stage, 'pkg'), ortDir);
    log(
      `npm pack took ${fetched.toFixed(1)} s; integrity verified, unpacked in ` +
        `${secondsSince(t2).toFixed(1)} s, kept ${platform}/${arch} ` +
        `(${mb(await directorySize(ortDir))}), removed ${pruned.join(', ') || 'nothing'}`,
    );
  } finally {
    await rm(stage, { recursive: true, force: true });
  }

  const cached = await saveToToolCache();
  if (cache) {
    try {
      const t3 = performance.now();
      await cache.saveCache([ortDir], key);
      log(`saved to the Actions cache as ${key} in ${secondsSince(t3).toFixed(1)} s`);
    } catch (e) {
      warn(`could not save onnxruntime-node to the Actions cache: ${describeError(e)}`);
    }
  }
  return done(preferToolCache(cached), 'npm-pack');
}
