// Desired state as it is at a git commit: the git layer reads it; config only names the type it needs.
export { gitSource, type GitDocumentSource } from '../git/git-source.js';
