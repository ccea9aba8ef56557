// Watches --dir with chokidar and asks for a pass ~300 ms after the last relevant change, so that an
// editor's save (temp file, rename, chmod) or a `git checkout` touching many files causes one pass.
import { watch, type FSWatcher } from 'chokidar';
import { isDesiredFile, isIgnored } from './ignored-paths.js';

export const FILE_DEBOUNCE_MS = 300;

export interface FileTrigger {
  close(): Promise<void>;
}

export interface FileTriggerOptions {
  readonly onChange: () => void;
  /** Watch errors after start (too many files, a folder removed); the watcher keeps running. */
  readonly onError: (error: Error) => void;
  readonly debounceMs?: number;
}

export async function watchDirectory(dir: string, options: FileTriggerOptions): Promise<FileTrigger> {
  const watcher: FSWatcher = watch(dir, { ignoreInitial: true, ignored: (file) => isIgnored(dir, file) });
  let timer: NodeJS.Timeout | undefined;
  const changed = (file: string, isFolder: boolean) => {
    if (!isFolder && !isDesiredFile(file)) return;
    clearTimeout(timer);
    timer = setTimeout(options.onChange, options.debounceMs ?? FILE_DEBOUNCE_MS);
  };
  watcher.on('all', (event, file) => changed(file, event === 'addDir' || event === 'unlinkDir'));
  await new Promise<void>((resolve, reject) => {
    watcher.once('ready', () => resolve());
    watcher.once('error', reject);
  });
  watcher.on('error', (error) => options.onError(error as Error));
  return {
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
