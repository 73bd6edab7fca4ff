/** The CPU probe: which CPU, how much of it this process may use, and its estimated FP32 peak. */
export * from './parse.js';
export * from './cgroup.js';
export * from './topology.js';
export * from './microarch.js';
export * from './peak.js';
export * from './fingerprint.js';
export * from './probe.js';
export * from './affinity.js';
