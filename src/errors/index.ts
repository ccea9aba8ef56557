export * from './diagnostic.js';
export * from './licensectl-error.js';
export * from './codes.js';
