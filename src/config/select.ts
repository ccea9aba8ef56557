// The project's spec.include / spec.exclude globs narrow which listed files are desired state.
import picomatch from 'picomatch';
import { PROJECT_FILE } from './limits.js';

/**
 * Files to read: the project file always; any other file when it matches an include glob (or there are
 * none) and no exclude glob. Globs are picomatch patterns on relative posix paths: `*` stays within one
 * folder, `**` crosses folders.
 */
export function selectFiles(files: readonly string[], include: readonly string[] = [], exclude: readonly string[] = []): string[] {
  const included = include.length > 0 ? picomatch([...include]) : () => true;
  const excluded = exclude.length > 0 ? picomatch([...exclude]) : () => false;
  return files.filter((file) => file === PROJECT_FILE || (included(file) && !excluded(file)));
}
