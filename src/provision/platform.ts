/**
 * Pure parts of provisioning: which platforms have a prebuilt binary, which binary directories to
 * delete from the unpacked package, and the Actions cache key.
 */
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

/** Throw a WorkloadError naming the platform and the supported list when there is no binary. */
export function checkPlatform(platform: string, arch: string): void {
  const id = `${platform}/${arch}`;
  if (SUPPORTED_PLATFORMS.includes(id)) return;
  const hint =
    id === 'darwin/x64' ? ' (Intel macOS; use an Apple silicon runner such as macos-14)' : '';
  throw new WorkloadError(
    `onnxruntime-node ${ORT_VERSION} has no prebuilt binary for ${id}${hint}; ` +
      `supported platforms: ${SUPPORTED_PLATFORMS.join(', ')}`,
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
