export { provisionOrt, TOOL_NAME } from './provision.js';
export type { OrtSource, ProvisionOptions, ProvisionResult } from './provision.js';
export { ProvisionError, provisionFailureMarkdown, waysOut, README_SECTION } from './failure.js';
export {
  directorySize,
  installedVersion,
  packageDirFromInput,
  packageDirProblem,
} from './package-dir.js';
export {
  ORT_VERSION,
  ORT_NODE_INTEGRITY,
  ORT_COMMON_INTEGRITY,
  ORT_TREE_SHA256,
  PINNED_PACKAGES,
} from './pinned.js';
export type { PinnedPackage } from './pinned.js';
export {
  SUPPORTED_PLATFORMS,
  BINARY_ROOT,
  bindingPath,
  checkPlatform,
  detectLibc,
  binaryDirsToPrune,
  ortCacheKey,
} from './platform.js';
export type { Libc } from './platform.js';
export {
  DEFAULT_REGISTRY,
  carriesSecret,
  normalizeRegistryUrl,
  parseNpmrc,
  registryAuthorization,
  registryFromEnv,
  resolveRegistry,
  trustedNpmrc,
} from './npmrc.js';
export type { NpmrcFile, RegistryChoice } from './npmrc.js';
export { httpGet, HttpGetError, METADATA_POLICY, TARBALL_POLICY } from './http.js';
export type { HttpPolicy } from './http.js';
export {
  fetchFromRegistry,
  packumentUrl,
  RegistryFetchError,
  tarballFromPackument,
  tarballUrlFor,
} from './registry.js';
export { sriSha512, fileSriSha512, verifyIntegrity } from './integrity.js';
export {
  foreignBinaryDir,
  installFromTarballs,
  npmPack,
  presentBinaryDirs,
  pruneBinaries,
} from './tarball.js';
export type { Tarball } from './tarball.js';
