// Reading the desired state: from a directory or a git ref, parsed, validated, checked and normalised.
export { loadDesiredState, type LoadResult } from './load.js';
export {
  directorySource, gitSource, PROJECT_FILE, sourceRevision, type DocumentSource, type GitDocumentSource, type SourceRevision,
} from './source.js';
