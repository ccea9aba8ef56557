// Loading and validating the desired state.
export { loadDesiredState, loadDirectory, type LoadResult } from './load.js';
export { directorySource, type DocumentSource } from './source.js';
export { PROJECT_FILE } from './limits.js';
