// Loads and validates the desired state for a command — from the directory, or as it is at a git ref —
// failing once with every diagnostic, and says which revision it came from.
import path from 'node:path';
import { ValidationError, type Diagnostic } from '../errors/index.js';
import type { DesiredState, ProjectConfig } from '../model/index.js';
import { gitSource } from '../config/git-source.js';
import { loadDesiredState } from '../config/load.js';
import { PROJECT_FILE } from '../config/limits.js';
import { directorySource, type DocumentSource } from '../config/source.js';
import type { PlanSource } from '../plan/types.js';

export interface LoadedState {
  readonly state: DesiredState;
  readonly warnings: readonly Diagnostic[];
  readonly files: readonly string[];
  readonly dir: string;
  /** The commit the documents came from and whether the working tree differs from it (null outside git). */
  readonly source: PlanSource;
}

export interface LoadOptions {
  /**
   * Called with the project's settings as soon as licensectl.yaml alone is read and valid (null if it is not),
   * and awaited before the other files are read: a plan opens the store and starts its live read here, so that
   * the read waits on the network while this thread parses.
   */
  readonly onProject?: (project: ProjectConfig | null) => void | Promise<void>;
}

export async function loadDesired(dir: string, gitRef?: string, options: LoadOptions = {}): Promise<LoadedState> {
  const absolute = path.resolve(dir);
  const source: DocumentSource = gitRef === undefined ? directorySource(absolute) : await gitSource(absolute, gitRef);
  if (options.onProject) await options.onProject((await loadDesiredState(projectFileOnly(source))).state?.project ?? null);
  const result = await loadDesiredState(source);
  if (!result.state) throw new ValidationError(result.diagnostics);
  return { state: result.state, warnings: result.diagnostics.filter((d) => d.severity === 'warning'), files: result.files, dir: absolute, source: await revisionOf(source, absolute, result.files) };
}

/** The source as if it held only licensectl.yaml; whatever is wrong with it, the full load reports. */
function projectFileOnly(source: DocumentSource): DocumentSource {
  return { ...source, list: async () => [PROJECT_FILE] };
}

// Documents read from a commit are that commit exactly: never dirty. From a directory, only the files
// actually read (after spec.include / spec.exclude) decide whether the tree is dirty.
async function revisionOf(source: DocumentSource, dir: string, files: readonly string[]): Promise<PlanSource> {
  if ('sha' in source) return { revision: (source as { sha: string }).sha, dirty: false };
  const { sourceRevision } = await import('../git/revision.js');
  return sourceRevision(dir, files);
}
