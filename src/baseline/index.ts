export * from './history.js';
export * from './parse.js';
export * from './atomic-write.js';
export * from './store.js';
export * from './file-store.js';
export * from './cache-store.js';
export * from './summary.js';
