// Loads and validates the desired state for a command — from the directory, or as it is at a git ref —
// failing once with every diagnostic, and says which revision it came from.
import path from 'node:path';
import { ValidationError, type Diagnostic } from '../errors/index.js';
import type { DesiredState } from '../model/index.js';
import { gitSource } from '../config/git-source.js';
import { loadDesiredState } from '../config/load.js';
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

export async function loadDesired(dir: string, gitRef?: string): Promise<LoadedState> {
  const absolute = path.resolve(dir);
  const source: DocumentSource = gitRef === undefined ? directorySource(absolute) : await gitSource(absolute, gitRef);
  const result = await loadDesiredState(source);
  if (!result.state) throw new ValidationError(result.diagnostics);
  return { state: result.state, warnings: result.diagnostics.filter((d) => d.severity === 'warning'), files: result.files, dir: absolute, source: await revisionOf(source, absolute, result.files) };
}

// Documents read from a commit are that commit exactly: never dirty. From a directory, only the files
// actually read (after spec.include / spec.exclude) decide whether the tree is dirty.
async function revisionOf(source: DocumentSource, dir: string, files: readonly string[]): Promise<PlanSource> {
  if ('sha' in source) return { revision: (source as { sha: string }).sha, dirty: false };
  const { sourceRevision } = await import('../git/revision.js');
  return sourceRevision(dir, files);
}
