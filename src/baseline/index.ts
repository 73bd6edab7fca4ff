export * from './history.js';
export {
  parseBaselineFile,
  readBaselineFile,
  readBaselineIfExists,
  readResultFile,
  type ParsedBaseline,
} from '../contract/documents.js';
export { LIMITS } from '../contract/limits.js';
export * from './atomic-write.js';
export * from './store.js';
export * from './file-store.js';
export * from './cache-store.js';
export * from './branch-store.js';
export * from './summary.js';
