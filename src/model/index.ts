export * from './identity.js';
export * from './specs.js';
export * from './state.js';
export * from './arn.js';
export * from './rules.js';
export * from './usage.js';
export * from './targets.js';
export * from './management.js';
