/**
 * Make onnxruntime-node loadable at action run time without committed native binaries, without
 * its install script (which downloads CUDA libraries from outside the npm registry), and without
 * npm or tar on the job's PATH (container jobs in Python or CUDA images). Sources, in order:
 *  0. the `onnxruntime-path` input, when set: that directory or nothing (air-gapped runners);
 *  1. the action's own node_modules (development; self-hosted runners that ran `npm ci`);
 *  2. the runner's tool cache (RUNNER_TOOL_CACHE), filled by an earlier step or job, or
 *     pre-seeded by hand;
 *  3. the Actions cache, key `threadgate-ort-<version>-<platform>-<arch>-v1`;
 *  4. the npm registry npm would use in the job (or the `registry` input): the pinned tarballs
 *     of onnxruntime-node and onnxruntime-common downloaded over HTTP(S) within bounded timeouts
 *     and retries, checked against the pinned integrity, unpacked in process keeping only the
 *     runner's own binaries; when the registry refuses without credentials, `npm pack` (whose
 *     configuration may hold them) if npm is there. Credentials come only from configuration the
 *     workflow chose and go only to a registry it chose (npmrc.ts); the checkout's `.npmrc` may
 *     name a mirror, which then gets none, and `npm pack` is not tried for it. The result is
 *     then saved to the tool cache and the Actions cache; a failed save is a warning.
 * The platform is checked first: Intel macOS and musl (Alpine) fail before anything else.
 * Any failure is a ProvisionError carrying every line logged on the way, for the job summary.
 * The returned `packageDir` is what `loadOrt(packageDir)` takes. @actions/* are imported lazily.
 */
import { mkdir, mkdtemp, realpath, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describeError, WorkloadError } from '../errors.js';
import { isInside, readBoundedTextIfExists } from '../io/bounded-read.js';
import { scrubbedValues } from '../io/child-env.js';
import { ProvisionError, waysOut } from './failure.js';
import type { HttpPolicy } from './http.js';
import {
  carriesSecret,
  registryAuthorization,
  registryFromEnv,
  resolveRegistry,
  trustedNpmrc,
  type NpmrcFile,
} from './npmrc.js';
import {
  directorySize,
  installedVersion,
  packageDirFromInput,
  packageDirProblem,
} from './package-dir.js';
import { ORT_TREE_SHA256, ORT_VERSION, PINNED_PACKAGES } from './pinned.js';
import { checkPlatform, detectLibc, ortCacheKey, type Libc } from './platform.js';
import { fetchFromRegistry, RegistryFetchError } from './registry.js';
import { installFromTarballs, npmPack, type Tarball } from './tarball.js';
import { ortTreeHash } from './tree-hash.js';

export type OrtSource =
  'onnxruntime-path' | 'node_modules' | 'tool-cache' | 'actions-cache' | 'registry' | 'npm-pack';

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
  /** The C library on Linux; detected when absent. */
  readonly libc?: Libc;
  /** The URL module resolution for step 1 starts from; defaults to this module's. */
  readonly selfUrl?: string;
  /** The `registry` input: '' or absent lets npm's configuration decide. */
  readonly registry?: string;
  /** The `onnxruntime-path` input: '' or absent when not set. */
  readonly onnxruntimePath?: string;
  /** The job's workspace: its `.npmrc`, and the base of a relative `onnxruntime-path`. Default: cwd. */
  readonly workspace?: string;
  /** The environment npm's configuration is read from; defaults to process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The home directory holding the user's `.npmrc`; defaults to os.homedir(). */
  readonly homeDir?: string;
  /** Time limits and retries of the registry's metadata and tarball downloads (tests shorten them). */
  readonly metadataPolicy?: HttpPolicy;
  readonly tarballPolicy?: HttpPolicy;
  /** Try `npm pack` when the registry refuses without credentials; default true. */
  readonly npmFallback?: boolean;
}

export interface ProvisionResult {
  /** The onnxruntime-node package directory, for `loadOrt(packageDir)`. */
  readonly packageDir: string;
  readonly source: OrtSource;
  readonly seconds: number;
}

/** The tool cache's tool name; entries are `<root>/onnxruntime-node/<version>/<arch>/node_modules/…`. */
export const TOOL_NAME = 'onnxruntime-node';

/** HTTP statuses after which npm's own configuration (credentials, certificates) may succeed. */
const REFUSED_WITHOUT_CREDENTIALS = new Set([401, 403, 407]);

/** A config file larger than this is not an .npmrc anyone wrote by hand: refused. */
const NPMRC_MAX_BYTES = 1024 * 1024;

type ToolCache = typeof import('@actions/tool-cache');

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function secondsSince(t0: number): number {
  return (performance.now() - t0) / 1000;
}

/**
 * Why a restored `node_modules` is not what the pinned tarballs unpack to (its tree hash differs
 * from ORT_TREE_SHA256), or undefined when it is.
 */
async function treeProblem(
  nodeModules: string,
  platform: string,
  arch: string,
): Promise<string | undefined> {
  const expected = ORT_TREE_SHA256[`${platform}/${arch}`];
  if (expected === undefined) return `no pinned content hash for ${platform}/${arch}`;
  let actual: string;
  try {
    actual = await ortTreeHash(nodeModules, platform, arch);
  } catch (e) {
    return `its content cannot be hashed (${describeError(e)})`;
  }
  return actual === expected
    ? undefined
    : `its content differs from the pinned onnxruntime-node ${ORT_VERSION} (tree hash ${actual.slice(0, 12)}…, expected ${expected.slice(0, 12)}…)`;
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
    log("no onnxruntime-node in the action's own node_modules");
    return undefined;
  }
  const problem = packageDirProblem(dir, platform, arch);
  if (problem !== undefined) {
    log(`onnxruntime-node in ${dir} is not usable: ${problem}`);
    return undefined;
  }
  return dir;
}

/** True when `file` lies in the workspace, as written or once its links are resolved. */
async function liesIn(workspace: string, file: string): Promise<boolean> {
  if (isInside(resolve(workspace), resolve(file))) return true;
  const root = await realpath(workspace).catch(() => resolve(workspace));
  const real = await realpath(file).catch(() => resolve(file));
  return isInside(root, real);
}

/**
 * npm's config files that exist, in precedence order: the project's (the workspace's; only when
 * `withProject`), the user's (NPM_CONFIG_USERCONFIG, else ~/.npmrc), the global one
 * (NPM_CONFIG_GLOBALCONFIG, else $NPM_CONFIG_PREFIX/etc/npmrc; without npm there is no prefix to
 * find it under). Each is read through the bounded reader: a regular file of at most
 * NPMRC_MAX_BYTES, and one in the workspace stays there once links are resolved; anything else
 * is an error naming the file. Also returns the user config's path (for `npm pack`), and whether
 * a file npm itself would read (the user's or the global config) lies in the checkout.
 */
async function readNpmrcFiles(
  workspace: string,
  env: Readonly<Record<string, string | undefined>>,
  home: string,
  withProject: boolean,
): Promise<{ files: NpmrcFile[]; userconfig: string; npmReadsCheckout: boolean }> {
  const userconfig =
    env['npm_config_userconfig'] || env['NPM_CONFIG_USERCONFIG'] || join(home, '.npmrc');
  const prefix = env['npm_config_prefix'] || env['NPM_CONFIG_PREFIX'];
  const globalconfig =
    env['npm_config_globalconfig'] ||
    env['NPM_CONFIG_GLOBALCONFIG'] ||
    (prefix ? join(prefix, 'etc', 'npmrc') : undefined);
  const wanted: { path: string; what: string }[] = [];
  if (withProject) wanted.push({ path: join(workspace, '.npmrc'), what: "the checkout's .npmrc" });
  wanted.push({ path: userconfig, what: "the user's npm config" });
  if (globalconfig) wanted.push({ path: globalconfig, what: "npm's global config" });
  const files: NpmrcFile[] = [];
  const seen = new Set<string>();
  for (const { path, what } of wanted) {
    if (seen.has(resolve(path))) continue;
    seen.add(resolve(path));
    const text = await readBoundedTextIfExists(path, {
      input: what,
      maxBytes: NPMRC_MAX_BYTES,
      expected: `an npm config file (.npmrc) of at most ${mb(NPMRC_MAX_BYTES)}`,
      within: workspace,
    });
    if (text !== null) files.push({ path, text, inWorkspace: await liesIn(workspace, path) });
  }
  const npmReadsCheckout =
    (await liesIn(workspace, userconfig)) ||
    (globalconfig !== undefined && (await liesIn(workspace, globalconfig)));
  return { files, userconfig, npmReadsCheckout };
}

export async function provisionOrt(opts: ProvisionOptions): Promise<ProvisionResult> {
  const trail: string[] = [];
  const log = (line: string) => {
    trail.push(line);
    opts.log(line);
  };
  const warnTo = opts.warn ?? ((line: string) => opts.log(`warning: ${line}`));
  const warn = (line: string) => {
    trail.push(`warning: ${line}`);
    warnTo(line);
  };
  try {
    return await provisionSteps(opts, log, warn);
  } catch (e) {
    if (e instanceof ProvisionError) throw e;
    throw new ProvisionError(describeError(e), trail);
  }
}

async function provisionSteps(
  opts: ProvisionOptions,
  log: (line: string) => void,
  warn: (line: string) => void,
): Promise<ProvisionResult> {
  const t0 = performance.now();
  const platform = opts.platform ?? process.platform;
  const arch = opts.arch ?? process.arch;
  checkPlatform(platform, arch, opts.libc ?? detectLibc(platform));
  const workspace = opts.workspace ?? process.cwd();
  // A malformed `registry` input is an error even when a cache makes it unnecessary.
  if (opts.registry) resolveRegistry({ input: opts.registry, env: {}, files: [] });

  const done = async (packageDir: string, source: OrtSource): Promise<ProvisionResult> => {
    const seconds = secondsSince(t0);
    const size = await directorySize(packageDir).catch(() => NaN);
    log(
      `onnxruntime-node ${installedVersion(packageDir)} (${platform}/${arch}) from ${source} ` +
        `in ${seconds.toFixed(1)} s (package ${mb(size)}): ${packageDir}`,
    );
    return { packageDir, source, seconds };
  };

  // 0. The onnxruntime-path input: that directory, or an error naming the input.
  if (opts.onnxruntimePath !== undefined && opts.onnxruntimePath.trim() !== '') {
    const dir = packageDirFromInput(
      opts.onnxruntimePath.trim(),
      workspace,
      platform,
      arch,
      ORT_VERSION,
    );
    return done(dir, 'onnxruntime-path');
  }

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
      const problem =
        packageDirProblem(dir, platform, arch, ORT_VERSION) ??
        (await treeProblem(join(found, 'node_modules'), platform, arch));
      if (problem === undefined) return done(dir, 'tool-cache');
      warn(
        `the tool cache entry ${found} is not usable (${problem}); discarded, provisioning again`,
      );
      await rm(found, { recursive: true, force: true }).catch(() => undefined);
      await rm(`${found}.complete`, { force: true }).catch(() => undefined);
    } else {
      log(`no onnxruntime-node ${ORT_VERSION} (${arch}) in the tool cache ${toolRoot}`);
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
      // About 45 MB: a download that stalls gives up after 2 minutes, not the client's 10.
      const hit = await cache.restoreCache([ortDir], key, [], { segmentTimeoutInMs: 120_000 });
      if (hit !== undefined) {
        const problem =
          packageDirProblem(packageIn(ortDir), platform, arch, ORT_VERSION) ??
          (await treeProblem(join(ortDir, 'node_modules'), platform, arch));
        if (problem === undefined) {
          return done(preferToolCache(await saveToToolCache()), 'actions-cache');
        }
        warn(
          `the Actions cache entry ${key} is not usable (${problem}); discarded, provisioning again`,
        );
        await rm(ortDir, { recursive: true, force: true });
      } else {
        log(`no Actions cache entry ${key}`);
      }
    } catch (e) {
      warn(`could not restore ${key} from the Actions cache: ${describeError(e)}`);
    }
  }

  // 4. The registry.
  await mkdir(base, { recursive: true });
  const stage = await mkdtemp(join(base, 'stage-'));
  let source: OrtSource;
  try {
    const tarballs = join(stage, 'tarballs');
    await mkdir(tarballs, { recursive: true });
    const fetched = await fetchTarballs(opts, workspace, tarballs, toolRoot, arch, log);
    source = fetched.source;
    const t2 = performance.now();
    const { pruned } = await installFromTarballs({
      tarballs: fetched.tarballs,
      destDir: join(stage, 'pkg'),
      platform,
      arch,
    });
    await rm(ortDir, { recursive: true, force: true });
    await rename(join(stage, 'pkg'), ortDir);
    log(
      `integrity verified, unpacked in ${secondsSince(t2).toFixed(1)} s, kept ` +
        `${platform}/${arch} (${mb(await directorySize(ortDir))}), left out ` +
        `${pruned.join(', ') || 'nothing'}`,
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
  return done(preferToolCache(cached), source);
}

/**
 * Step 4's download: from the registry npm would use (or the `registry` input); after a refusal
 * for want of credentials, `npm pack` when npm is there. The error names the package, the URL
 * tried and the ways out.
 */
async function fetchTarballs(
  opts: ProvisionOptions,
  workspace: string,
  destDir: string,
  toolRoot: string | undefined,
  arch: string,
  log: (line: string) => void,
): Promise<{ tarballs: Tarball[]; source: OrtSource }> {
  const env = opts.env ?? process.env;
  const input = opts.registry ?? '';
  // The checkout's .npmrc can only name the registry: not read when the workflow named it.
  const withProject = input.trim() === '' && registryFromEnv(env) === undefined;
  const { files, userconfig, npmReadsCheckout } = await readNpmrcFiles(
    workspace,
    env,
    opts.homeDir ?? homedir(),
    withProject,
  );
  const registry = resolveRegistry({ input, env, files });
  const config = trustedNpmrc(files, env);
  const secrets = scrubbedValues(env);
  const from = `the npm registry ${registry.url} (from ${registry.source})`;
  log(
    `fetching ${PINNED_PACKAGES.map((p) => `${p.name}@${p.version}`).join(' and ')} from ${from}`,
  );
  if (!registry.trusted) {
    log("the checkout's .npmrc chose this registry: no credentials are sent to it");
  }
  const refused = new Set<string>();
  const authorization = (url: string): string | undefined => {
    if (!registry.trusted) return undefined;
    const auth = registryAuthorization(url, registry.url, config);
    if (auth === undefined || !carriesSecret(auth, secrets)) return auth;
    const host = new URL(url).host;
    if (!refused.has(host)) {
      refused.add(host);
      log(
        `not sending the npm credential for ${host}: it holds the value of an action input ` +
          '(github-token, …) or a runner token, which go nowhere but their own services',
      );
    }
    return undefined;
  };
  const t1 = performance.now();
  try {
    const tarballs = await fetchFromRegistry(PINNED_PACKAGES, {
      registry: registry.url,
      destDir,
      authorization,
      log,
      ...(opts.metadataPolicy ? { metadataPolicy: opts.metadataPolicy } : {}),
      ...(opts.tarballPolicy ? { tarballPolicy: opts.tarballPolicy } : {}),
    });
    return { tarballs, source: 'registry' };
  } catch (e) {
    if (!(e instanceof RegistryFetchError)) throw e;
    log(`${e.pkg} could not be downloaded (${secondsSince(t1).toFixed(1)} s)`);
    let npmNote = '';
    const refusedForCredentials =
      e.status !== undefined && REFUSED_WITHOUT_CREDENTIALS.has(e.status);
    // npm sends its configuration's credentials: not to the checkout's choice of registry, nor
    // from a user or global config that lies in the checkout (npm pack runs outside it, so the
    // project's .npmrc is not read), nor one refused above for carrying a secret.
    const npmMayTry = registry.trusted && !npmReadsCheckout && refused.size === 0;
    if (opts.npmFallback !== false && refusedForCredentials && !npmMayTry) {
      log(
        `the registry answered HTTP ${e.status}; npm pack is not tried: the registry or a config ` +
          "file npm would read is the checkout's, or its credential was refused",
      );
    } else if (opts.npmFallback !== false && refusedForCredentials) {
      log(
        `the registry answered HTTP ${e.status}; trying npm pack, whose configuration may hold credentials`,
      );
      try {
        const packed = await npmPack(
          PINNED_PACKAGES.map((p) => `${p.name}@${p.version}`),
          join(destDir, 'npm-pack'),
          { registry: registry.url, userconfig, env },
        );
        return {
          tarballs: PINNED_PACKAGES.map((p) => ({
            name: p.name,
            file: packed.get(p.name) ?? '',
            integrity: p.integrity,
          })),
          source: 'npm-pack',
        };
      } catch (npmError) {
        npmNote = ` npm pack did not help either: ${describeError(npmError)}.`;
        log(`npm pack failed: ${describeError(npmError)}`);
      }
    }
    throw new WorkloadError(
      `could not download ${e.pkg} from ${from}: ${e.message}.${npmNote} ${waysOut(toolRoot, arch)}`,
    );
  }
}
