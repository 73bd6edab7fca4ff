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
