// Running git safely: refs and remote addresses checked first, files of a commit read from the object
// database, the repository holding a directory and its dirty state, and the watcher's clone.
export * from './clone.js';
export * from './objects.js';
export * from './refs.js';
export * from './repo.js';
export * from './run-git.js';
