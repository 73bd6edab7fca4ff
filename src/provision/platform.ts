/**
 * Pure parts of provisioning: which platforms have a prebuilt binary, which binary directories to
 * delete from the unpacked package, and the Actions cache key.
 */
import { existsSync } from 'node:fs';
import { WorkloadError } from '../errors.js';
import { ORT_VERSION } from './pinned.js';

/**
 * `<platform>/<arch>` pairs with a prebuilt binary in onnxruntime-node's
 * `bin/napi-v6/<platform>/<arch>` (a test compares this with the installed package).
 */
export const SUPPORTED_PLATFORMS: readonly string[] = [
  'linux/x64',
  'linux/arm64',
  'darwin/arm64',
  'win32/x64',
  'win32/arm64',
];

/** Where the native binaries live inside the package. */
export const BINARY_ROOT = 'bin/napi-v6';

/** The binding file that must exist for a platform (the one onnxruntime-node requires). */
export function bindingPath(platform: string, arch: string): string {
  return `${BINARY_ROOT}/${platform}/${arch}/onnxruntime_binding.node`;
}

/** The C library a Linux process runs on; the prebuilt Linux binaries need glibc. */
export type Libc = 'glibc' | 'musl';

/**
 * The C library of this process, read from its diagnostic report: Node built against glibc
 * reports `header.glibcVersionRuntime`; Node built against musl (Alpine images, where the runner
 * brings its Alpine build of Node) does not. `undefined` off Linux. `report` is injectable for
 * tests; `/etc/alpine-release` also counts as musl when the report cannot be had.
 */
export function detectLibc(
  platform: string = process.platform,
  report: () => unknown = () => process.report?.getReport(),
  alpineRelease = '/etc/alpine-release',
): Libc | undefined {
  if (platform !== 'linux') return undefined;
  let header: unknown;
  try {
    header = (report() as { header?: unknown } | undefined)?.header;
  } catch {
    header = undefined;
  }
  if (typeof header === 'object' && header !== null) {
    const glibc = (header as { glibcVersionRuntime?: unknown }).glibcVersionRuntime;
    return typeof glibc === 'string' && glibc !== '' ? 'glibc' : 'musl';
  }
  return existsSync(alpineRelease) ? 'musl' : 'glibc';
}

function supportedList(): string {
  return SUPPORTED_PLATFORMS.map((p) => (p.startsWith('linux/') ? `${p} (glibc)` : p)).join(', ');
}

/**
 * Throw a WorkloadError naming the platform and the supported list when there is no binary for
 * it: another OS or architecture, Intel macOS, or Linux with musl libc (Alpine).
 */
export function checkPlatform(platform: string, arch: string, libc?: Libc): void {
  const id = `${platform}/${arch}`;
  if (SUPPORTED_PLATFORMS.includes(id) && !(platform === 'linux' && libc === 'musl')) return;
  let hint = '';
  if (id === 'darwin/x64') hint = ' (Intel macOS; use an Apple silicon runner such as macos-14)';
  else if (platform === 'linux' && libc === 'musl') {
    hint =
      ' with musl libc (e.g. an Alpine container image): its Linux binaries need glibc; ' +
      'run the job in a glibc-based image (Debian, Ubuntu, Red Hat) or on the runner itself';
  }
  throw new WorkloadError(
    `onnxruntime-node ${ORT_VERSION} has no prebuilt binary for ${id}${hint}; ` +
      `supported platforms: ${supportedList()}`,
  );
}

/**
 * The directories (relative to the package) to delete so only the runner's own binary stays:
 * every other platform's directory whole, and the other architectures of the runner's platform.
 * `present` lists the `<platform>/<arch>` pairs found under BINARY_ROOT.
 */
export function binaryDirsToPrune(
  present: readonly string[],
  platform: string,
  arch: string,
): string[] {
  const out = new Set<string>();
  for (const entry of present) {
    const [os, cpu] = entry.split('/');
    if (os === undefined || os === '') continue;
    if (os !== platform) out.add(`${BINARY_ROOT}/${os}`);
    else if (cpu !== undefined && cpu !== arch) out.add(`${BINARY_ROOT}/${os}/${cpu}`);
  }
  return [...out].sort();
}

/**
 * The Actions cache key of a provisioned copy. `v1` is the layout's version: bump it if what is
 * stored under the key changes.
 */
export function ortCacheKey(platform: string, arch: string, version: string = ORT_VERSION): string {
  return `threadgate-ort-${version}-${platform}-${arch}-v1`;
}
