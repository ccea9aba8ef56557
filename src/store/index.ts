export * from './call-stats.js';
export * from './clients.js';
export * from './retry.js';
export * from './store.js';
export type { ApplyContext } from './kinds/adapter.js';
