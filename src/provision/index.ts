export { provisionOrt, packageDirProblem, directorySize, TOOL_NAME } from './provision.js';
export type { OrtSource, ProvisionOptions, ProvisionResult } from './provision.js';
export { ORT_VERSION, ORT_NODE_INTEGRITY, ORT_COMMON_INTEGRITY } from './pinned.js';
export {
  SUPPORTED_PLATFORMS,
  BINARY_ROOT,
  bindingPath,
  checkPlatform,
  binaryDirsToPrune,
  ortCacheKey,
} from './platform.js';
export { sriSha512, fileSriSha512, verifyIntegrity } from './integrity.js';
export { installFromTarballs, npmPack, presentBinaryDirs, pruneBinaries } from './tarball.js';
export type { Tarball } from './tarball.js';
