export * from './call-stats.js';
export * from './clients.js';
export * from './retry.js';
export * from './store.js';
export type { RefResolver } from './kinds/adapter.js';
