// Reading git: desired state at a ref, provenance, changed files, and the watcher's clone.
export * from './cat-file.js';
export * from './changes.js';
export * from './clone.js';
export * from './git-source.js';
export * from './refs.js';
export * from './remote-url.js';
export * from './repo.js';
export * from './revision.js';
export * from './tree.js';
