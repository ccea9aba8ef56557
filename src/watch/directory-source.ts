// `--dir`: the desired state as it is on disk, read afresh on every pass, and chokidar watching the folder
// so that a save asks for a pass ~300 ms after the last relevant change: an editor's save (temp file,
// rename, chmod) or a `git checkout` touching many files causes one pass.
import { watch } from 'chokidar';
import path from 'node:path';
import { directorySource, loadDesiredState } from '../config/index.js';
import type { DesiredSource, Revision } from './reconcile.js';

export const FILE_DEBOUNCE_MS = 300;

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

export interface FileWatchOptions {
  readonly onChange: () => void;
  /** Watch errors after start (too many files, a folder removed); the watcher keeps running. */
  readonly onError: (error: Error) => void;
  readonly debounceMs?: number;
}

export interface FileWatch {
  close(): Promise<void>;
}

export async function watchDirectory(dir: string, options: FileWatchOptions): Promise<FileWatch> {
  const watcher = watch(dir, { ignoreInitial: true, ignored: (file) => isIgnored(dir, file) });
  const changes = debouncedChanges(options.onChange, options.debounceMs);
  watcher.on('all', changes.event);
  await new Promise<void>((resolve, reject) => {
    watcher.once('ready', () => resolve());
    watcher.once('error', reject);
  });
  watcher.on('error', (error) => options.onError(error as Error));
  return {
    close: async () => {
      changes.cancel();
      await watcher.close();
    },
  };
}

/** Calls `onChange` once, `debounceMs` after the last event that concerns a folder or a desired file. */
export function debouncedChanges(onChange: () => void, debounceMs = FILE_DEBOUNCE_MS) {
  let timer: NodeJS.Timeout | undefined;
  return {
    event: (event: string, file: string): void => {
      const isFolder = event === 'addDir' || event === 'unlinkDir';
      if (!isFolder && !isDesiredFile(file)) return;
      clearTimeout(timer);
      timer = setTimeout(onChange, debounceMs);
    },
    cancel: (): void => clearTimeout(timer),
  };
}

const EDITOR_TEMP = [
  /\.sw[a-p]x?$/, // vim swap files (.swp, .swo, .swx, …)
  /~$/, // vim/emacs backups
  /^\.#/, // emacs lock files
  /^#.*#$/, // emacs autosaves
  /^4913$/, // vim's write-permission probe
  /\.tmp$/i, // atomic-save temporaries
  /^\.~lock\./, // LibreOffice
];

/**
 * True when a change at `file` (absolute, or relative to `root`) cannot affect the desired state: the
 * emulator's own state (.licensectl/), dot-folders and node_modules (never desired state), and the
 * temporary files editors write around a save.
 */
export function isIgnored(root: string, file: string): boolean {
  const relative = path.relative(root, path.resolve(root, file));
  if (relative === '') return false;
  if (relative.startsWith('..')) return true;
  const parts = relative.split(path.sep);
  const name = parts[parts.length - 1]!;
  if (parts.some((p) => p.startsWith('.') || p === 'node_modules')) return true;
  return EDITOR_TEMP.some((pattern) => pattern.test(name));
}

/** Files that can hold desired state; other files changing (README.md, …) need no pass. */
export function isDesiredFile(file: string): boolean {
  return /\.ya?ml$/.test(file);
}
