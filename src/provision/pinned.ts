/**
 * The onnxruntime-node release the action provisions at run time, and the npm `integrity` of its
 * two tarballs. These equal package-lock.json's entries (a test keeps them in step): update them
 * together with the dependency.
 */
export const ORT_VERSION = '1.30.0';

/** `integrity` of node_modules/onnxruntime-node in package-lock.json. */
export const ORT_NODE_INTEGRITY =
  'sha512-twhs1C2C/BFkz1yc5OY0KIU2GUq6DURO7hD4bx5Q2Qy3nAMJwRXW8xU3NVczE29VA9lolLOYepoD8fjTGOfIqw==';

/** `integrity` of node_modules/onnxruntime-common in package-lock.json. */
export const ORT_COMMON_INTEGRITY =
  'sha512-7fdVWjAID1dVhH/G8qK3APARunV4VkBFoCQAP7qp4Wkab0mrorvmc+sqiT+mKXOzDqdjN5j+/Z9nb4gzNPWcyA==';

/** A package pinned by version and integrity. */
export interface PinnedPackage {
  readonly name: string;
  readonly version: string;
  readonly integrity: string;
}

/** The packages provisioned: onnxruntime-node and the onnxruntime-common it requires. */
export const PINNED_PACKAGES: readonly PinnedPackage[] = [
  { name: 'onnxruntime-node', version: ORT_VERSION, integrity: ORT_NODE_INTEGRITY },
  { name: 'onnxruntime-common', version: ORT_VERSION, integrity: ORT_COMMON_INTEGRITY },
];

/**
 * The tree hash (tree-hash.ts) of `node_modules/` holding onnxruntime-node and onnxruntime-common
 * as provisioning unpacks them from the pinned tarballs, pruned to each platform. A copy restored
 * from a cache must match it, or it is discarded. Computed by scripts/pin-ort-trees.ts; a test
 * checks the runner's own platform against a fresh unpack. Update with ORT_VERSION.
 */
export const ORT_TREE_SHA256: Readonly<Record<string, string>> = {
  'linux/x64': '1cc877e711f3bb3263445859791a596373f099e66301bd2b989d6fd8c747373f',
  'linux/arm64': 'bd92d6b829a51c4b3f4cee31024230c7c1b98a341be7c5bf708d85f24608ab16',
  'darwin/arm64': '0342dceba693014bea5128e45a7f81091868a407329614605d130ece63fdf236',
  'win32/x64': '6824b251794f1a262deb899a02b44cf3c088d0dea481e0b185fb1b4142c7cd2f',
  'win32/arm64': '854ef78fe1837596b291444d7581ca84cc8779e48b0459d023bcde4e092a18b6',
};
