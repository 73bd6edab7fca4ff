/**
 * Fetch tarballs with `npm pack` and unpack them into a `node_modules` tree. `npm pack` of a
 * registry spec runs no lifecycle script, and the user's npm configuration (registry, proxy,
 * auth) applies. Extraction uses the system `tar` (GNU tar on Linux, bsdtar on macOS and
 * Windows) with relative paths, so a Windows drive letter is never mistaken for a remote host.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { describeError, WorkloadError } from '../errors.js';
import { verifyIntegrity } from './integrity.js';
import { BINARY_ROOT, binaryDirsToPrune, bindingPath } from './platform.js';

export interface Tarball {
  /** Package name, e.g. "onnxruntime-node": it is unpacked to `node_modules/<name>`. */
  readonly name: string;
  readonly file: string;
  /** The expected sha512 SRI integrity. */
  readonly integrity: string;
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
  opts: { cwd?: string; timeoutMs: number; shell?: boolean },
): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd: opts.cwd,
      shell: opts.shell ?? false,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: opts.timeoutMs,
      windowsHide: true,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolvePromise({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
  });
}

function tail(text: string, lines = 15): string {
  return text.trim().split(/\r?\n/).slice(-lines).join('\n');
}

/**
 * `npm pack <specs…> --json --pack-destination <destDir>`, run in the current directory (so a
 * project `.npmrc` applies too). Returns each packed package's name → tarball path.
 */
export async function npmPack(
  specs: readonly string[],
  destDir: string,
  timeoutMs = 10 * 60_000,
): Promise<Map<string, string>> {
  await mkdir(destDir, { recursive: true });
  const windows = process.platform === 'win32';
  const args = ['pack', ...specs, '--json', '--pack-destination', destDir];
  let result: RunResult;
  try {
    // npm is npm.cmd on Windows, which Node only runs through a shell.
    result = windows
      ? await run('npm.cmd', args.map(quoteForCmd), { timeoutMs, shell: true })
      : await run('npm', args, { timeoutMs });
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

/** Extract a tarball whose entries sit under `package/` and move that directory to `dest`. */
async function extractPackage(file: string, dest: string): Promise<void> {
  const work = `${dest}.extract`;
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  let result: RunResult;
  try {
    // Options before the archive: bsdtar reads anything after it as member names.
    const archive = relative(work, file).split(sep).join('/');
    result = await run('tar', ['--no-same-owner', '-xzf', archive], {
      cwd: work,
      timeoutMs: 10 * 60_000,
    });
  } catch (e) {
    throw new WorkloadError(`could not run tar to extract ${file}: ${describeError(e)}`);
  }
  if (result.code !== 0) {
    throw new WorkloadError(`tar could not extract ${file}:\n${tail(result.stderr)}`);
  }
  const unpacked = join(work, 'package');
  if (!existsSync(unpacked)) throw new WorkloadError(`${file} has no package/ directory`);
  await mkdir(dirname(dest), { recursive: true });
  await rename(unpacked, dest);
  await rm(work, { recursive: true, force: true });
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
 * Verify each tarball's integrity, unpack it to `<destDir>/node_modules/<name>`, then prune the
 * binaries of onnxruntime-node to `platform/arch`. On any failure `destDir` is removed whole and
 * the error (a WorkloadError) is rethrown.
 */
export async function installFromTarballs(opts: {
  readonly tarballs: readonly Tarball[];
  readonly destDir: string;
  readonly platform: string;
  readonly arch: string;
}): Promise<{ pruned: string[] }> {
  const { destDir } = opts;
  try {
    await rm(destDir, { recursive: true, force: true });
    await mkdir(join(destDir, 'node_modules'), { recursive: true });
    for (const t of opts.tarballs) {
      await verifyIntegrity(t.file, t.integrity, t.name);
      await extractPackage(t.file, join(destDir, 'node_modules', t.name));
    }
    const ortDir = join(destDir, 'node_modules', 'onnxruntime-node');
    if (!existsSync(ortDir)) return { pruned: [] };
    const pruned = await pruneBinaries(ortDir, opts.platform, opts.arch);
    const binding = bindingPath(opts.platform, opts.arch);
    if (!existsSync(join(ortDir, binding))) {
      throw new WorkloadError(`the onnxruntime-node tarball has no ${binding}`);
    }
    return { pruned };
  } catch (e) {
    await rm(destDir, { recursive: true, force: true });
    throw e instanceof WorkloadError ? e : new WorkloadError(describeError(e));
  }
}
