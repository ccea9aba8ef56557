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
  const { source, revision } = gitRef === undefined ? await fromDirectory(absolute) : await fromGit(absolute, gitRef);
  const result = await loadDesiredState(source);
  if (!result.state) throw new ValidationError(result.diagnostics);
  return { state: result.state, warnings: result.diagnostics.filter((d) => d.severity === 'warning'), files: result.files, dir: absolute, source: revision };
}

async function fromDirectory(dir: string): Promise<{ source: DocumentSource; revision: PlanSource }> {
  const { sourceRevision } = await import('../git/revision.js');
  return { source: directorySource(dir), revision: await sourceRevision(dir) };
}

// Documents read from a commit are that commit exactly: never dirty.
async function fromGit(dir: string, ref: string): Promise<{ source: DocumentSource; revision: PlanSource }> {
  const source = await gitSource(dir, ref);
  return { source, revision: { revision: source.sha, dirty: false } };
}
