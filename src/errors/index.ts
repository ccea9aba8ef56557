export * from './licensectl-error.js';
export * from './codes.js';
