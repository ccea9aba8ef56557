export * from './changes.js';
export * from './clone.js';

export * from './refs.js';
export * from './repo.js';
export * from './revision.js';
export * from './tree.js';
