// Loads and validates the desired state for a command, failing once with every diagnostic.
import path from 'node:path';
import { ValidationError, type Diagnostic } from '../errors/index.js';
import type { DesiredState } from '../model/index.js';
import { loadDirectory } from '../config/load.js';

export interface LoadedState {
  readonly state: DesiredState;
  readonly warnings: readonly Diagnostic[];
  readonly files: readonly string[];
  readonly dir: string;
}

export async function loadDesired(dir: string): Promise<LoadedState> {
  const absolute = path.resolve(dir);
  const result = await loadDirectory(absolute);
  if (!result.state) throw new ValidationError(result.diagnostics);
  return { state: result.state, warnings: result.diagnostics.filter((d) => d.severity === 'warning'), files: result.files, dir: absolute };
}
