export * from './address.js';
export * from './kinds.js';
export * from './ownership.js';
export * from './resources.js';
export * from './specs.js';
export * from './state.js';
export * from './arn.js';
export * from './rules.js';
