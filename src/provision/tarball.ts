/**
 * Unpack npm tarballs into a `node_modules` tree, in process (node-tar, the extractor npm itself
 * uses), leaving out the other platforms' native binaries as it goes: no `tar` or `npm` is needed
 * on the job's PATH. `npmPack` remains as the fallback for registries whose credentials only
 * npm's own configuration can provide.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { extract } from 'tar';
import { describeError, WorkloadError } from '../errors.js';
import { childEnv } from '../io/child-env.js';
import { verifyIntegrity } from './integrity.js';
import { BINARY_ROOT, binaryDirsToPrune, bindingPath } from './platform.js';

export interface Tarball {
  /** Package name, e.g. "onnxruntime-node": it is unpacked to `node_modules/<name>`. */
  readonly name: string;
  readonly file: string;
  /** The expected sha512 SRI integrity. */
  readonly integrity: string;
  /** Where it came from (a URL), for messages. */
  readonly origin?: string;
}

interface RunResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

function quoteForCmd(arg: string): string {
  if (/^[\w@./:\\=-]+$/.test(arg)) return arg;
  if (arg.includes('"')) throw new WorkloadError(`cannot pass ${arg} to npm: it contains a quote`);
  return `"${arg}"`;
}

function run(
  command: string,
  args: readonly string[],
  opts: { cwd?: string; env: NodeJS.ProcessEnv; timeoutMs: number; shell?: boolean },
): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd: opts.cwd,
      env: opts.env,
      shell: opts.shell ?? false,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    // Our own timer, cleared on every outcome: the `timeout` option of spawn() leaves its timer
    // running when the spawn itself fails (ENOENT: no npm on PATH), which kept the action's
    // process alive for the whole timeout after it had reported the error.
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

function tail(text: string, lines = 15): string {
  return text.trim().split(/\r?\n/).slice(-lines).join('\n');
}

export interface NpmPackOptions {
  readonly registry?: string;
  /** `--userconfig`: the user config npm reads (default: npm's own choice). */
  readonly userconfig?: string;
  /** The environment npm's configuration is read from, less what childEnv removes. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly timeoutMs?: number;
}

/**
 * `npm pack <specs…> --json --pack-destination <destDir> [--registry URL] [--userconfig FILE]`,
 * run in `destDir`, not in the checkout: no project `.npmrc` applies (the pull request's file
 * would choose where npm sends the user config's credentials), only the user's and npm's global
 * configuration. npm gets childEnv's environment (no action inputs, no runner tokens). A
 * registry spec runs no lifecycle script. Returns each packed package's name → tarball path.
 */
export async function npmPack(
  specs: readonly string[],
  destDir: string,
  opts: NpmPackOptions = {},
): Promise<Map<string, string>> {
  await mkdir(destDir, { recursive: true });
  const windows = process.platform === 'win32';
  const timeoutMs = opts.timeoutMs ?? 5 * 60_000;
  const args = ['pack', ...specs, '--json', '--pack-destination', destDir];
  if (opts.registry !== undefined) args.push('--registry', opts.registry);
  if (opts.userconfig !== undefined) args.push('--userconfig', opts.userconfig);
  const how = { cwd: destDir, env: childEnv(opts.env ?? process.env), timeoutMs };
  let result: RunResult;
  try {
    // npm is npm.cmd on Windows, which Node only runs through a shell.
    result = windows
      ? await run('npm.cmd', args.map(quoteForCmd), { ...how, shell: true })
      : await run('npm', args, how);
  } catch (e) {
    throw new WorkloadError(`could not run npm to fetch ${specs.join(' ')}: ${describeError(e)}`);
  }
  if (result.code !== 0) {
    const why = result.signal ? `was killed (${result.signal})` : `exited with ${result.code}`;
    throw new WorkloadError(
      `npm pack ${specs.join(' ')} ${why}:\n${tail(result.stderr || result.stdout)}`,
    );
  }
  const start = result.stdout.indexOf('[');
  let entries: unknown;
  try {
    entries = JSON.parse(start >= 0 ? result.stdout.slice(start) : result.stdout);
  } catch {
    throw new WorkloadError(`npm pack printed no JSON:\n${tail(result.stdout)}`);
  }
  const files = new Map<string, string>();
  if (Array.isArray(entries)) {
    for (const e of entries as unknown[]) {
      if (typeof e !== 'object' || e === null) continue;
      const { name, filename } = e as { name?: unknown; filename?: unknown };
      if (typeof name === 'string' && typeof filename === 'string') {
        files.set(name, join(destDir, filename));
      }
    }
  }
  for (const spec of specs) {
    const name = spec.slice(0, spec.lastIndexOf('@') > 0 ? spec.lastIndexOf('@') : spec.length);
    const file = files.get(name);
    if (file === undefined || !existsSync(file)) {
      throw new WorkloadError(`npm pack did not produce a tarball for ${spec}`);
    }
  }
  return files;
}

/**
 * The binary directory (relative to the package) that an entry at `rel` falls in when that
 * directory is another platform's or another architecture's, else undefined: what to leave out.
 */
export function foreignBinaryDir(rel: string, platform: string, arch: string): string | undefined {
  if (!rel.startsWith(`${BINARY_ROOT}/`)) return undefined;
  const [os, cpu, ...rest] = rel.slice(BINARY_ROOT.length + 1).split('/');
  if (os === undefined || os === '') return undefined;
  if (os !== platform) return `${BINARY_ROOT}/${os}`;
  // `cpu` is a directory only when something lies below it.
  if (cpu !== undefined && cpu !== '' && cpu !== arch && rest.length > 0) {
    return `${BINARY_ROOT}/${os}/${cpu}`;
  }
  return undefined;
}

/**
 * Extract an npm tarball (entries under one top directory, `package/`) into `dest`, leaving out
 * the entries `skip` names a directory for; returns those directories.
 */
async function extractPackage(
  file: string,
  dest: string,
  skip: (rel: string) => string | undefined,
): Promise<string[]> {
  await rm(dest, { recursive: true, force: true });
  await mkdir(dest, { recursive: true });
  const skipped = new Set<string>();
  try {
    await extract({
      file,
      cwd: dest,
      strip: 1,
      strict: true,
      preserveOwner: false,
      filter: (path) => {
        const rel = path.replace(/^\.?\/?[^/]+\/?/, '');
        const dir = skip(rel);
        if (dir !== undefined) skipped.add(dir);
        return dir === undefined;
      },
    });
  } catch (e) {
    throw new WorkloadError(`could not unpack ${file}: ${describeError(e)}`);
  }
  if (!existsSync(join(dest, 'package.json'))) {
    throw new WorkloadError(`${file} is not an npm package: it has no package/package.json`);
  }
  return [...skipped].sort();
}

/** The `<platform>/<arch>` pairs under a package's BINARY_ROOT. */
export async function presentBinaryDirs(packageDir: string): Promise<string[]> {
  const root = join(packageDir, BINARY_ROOT);
  if (!existsSync(root)) return [];
  const out: string[] = [];
  for (const os of await readdir(root, { withFileTypes: true })) {
    if (!os.isDirectory()) continue;
    const archs = await readdir(join(root, os.name), { withFileTypes: true });
    const dirs = archs.filter((a) => a.isDirectory());
    if (dirs.length === 0) out.push(os.name);
    for (const a of dirs) out.push(`${os.name}/${a.name}`);
  }
  return out.sort();
}

/** Delete every binary directory but the runner's own; returns the deleted relative paths. */
export async function pruneBinaries(
  packageDir: string,
  platform: string,
  arch: string,
): Promise<string[]> {
  const prune = binaryDirsToPrune(await presentBinaryDirs(packageDir), platform, arch);
  for (const rel of prune) await rm(join(packageDir, rel), { recursive: true, force: true });
  return prune;
}

/**
 * Verify each tarball's integrity, unpack it to `<destDir>/node_modules/<name>`, leaving out the
 * native binaries of onnxruntime-node for other platforms than `platform/arch`. On any failure
 * `destDir` is removed whole and the error (a WorkloadError) is rethrown.
 */
export async function installFromTarballs(opts: {
  readonly tarballs: readonly Tarball[];
  readonly destDir: string;
  readonly platform: string;
  readonly arch: string;
}): Promise<{ pruned: string[] }> {
  const { destDir, platform, arch } = opts;
  try {
    await rm(destDir, { recursive: true, force: true });
    await mkdir(join(destDir, 'node_modules'), { recursive: true });
    let pruned: string[] = [];
    for (const t of opts.tarballs) {
      const label = t.origin !== undefined ? `${t.name} (${t.origin})` : t.name;
      await verifyIntegrity(t.file, t.integrity, label);
      const skip =
        t.name === 'onnxruntime-node'
          ? (rel: string) => foreignBinaryDir(rel, platform, arch)
          : () => undefined;
      const skipped = await extractPackage(t.file, join(destDir, 'node_modules', t.name), skip);
      if (t.name === 'onnxruntime-node') pruned = skipped;
    }
    const ortDir = join(destDir, 'node_modules', 'onnxruntime-node');
    if (!existsSync(ortDir)) return { pruned: [] };
    // A bare directory entry (no trailing slash, nothing below it) passes the filter: prune it.
    pruned = [...new Set([...pruned, ...(await pruneBinaries(ortDir, platform, arch))])].sort();
    const binding = bindingPath(platform, arch);
    if (!existsSync(join(ortDir, binding))) {
      throw new WorkloadError(`the onnxruntime-node tarball has no ${binding}`);
    }
    return { pruned };
  } catch (e) {
    await rm(destDir, { recursive: true, force: true });
    throw e instanceof WorkloadError ? e : new WorkloadError(describeError(e));
  }
}
