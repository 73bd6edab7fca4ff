export * from './random.js';
export * from './describe.js';
export * from './ci.js';
export * from './tests.js';
export * from './changepoint.js';
