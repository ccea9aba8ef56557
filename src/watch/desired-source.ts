// Where the watcher reads the desired state from on every pass: a directory as it is on disk, or a git
// clone at the branch's last fetched commit. Each read starts from scratch (level-based).
import path from 'node:path';
import { loadDesiredState, type LoadResult } from '../config/load.js';
import { directorySource } from '../config/source.js';

export type SourceDescription =
  | { readonly type: 'directory'; readonly dir: string }
  | { readonly type: 'git'; readonly repo: string; readonly branch: string; readonly clone: string };

export interface DesiredRead {
  readonly result: LoadResult;
  /** Commit SHA of what was read, when known. */
  readonly revision: string | null;
  readonly dirty: boolean | null;
}

export interface DesiredSource {
  readonly description: SourceDescription;
  /** The folder the store's relative paths (the embedded emulator's state file) are resolved against. */
  readonly storeDir: string;
  read(): Promise<DesiredRead>;
}

export interface Revision {
  readonly revision: string | null;
  readonly dirty: boolean | null;
}

/** `revisionOf` says which commit the directory is at (null outside a git repository). */
export function directoryDesired(dir: string, revisionOf: (dir: string) => Promise<Revision>): DesiredSource {
  const absolute = path.resolve(dir);
  return {
    description: { type: 'directory', dir: absolute },
    storeDir: absolute,
    read: async () => {
      const [result, revision] = await Promise.all([loadDesiredState(directorySource(absolute)), revisionOf(absolute)]);
      return { result, ...revision };
    },
  };
}
