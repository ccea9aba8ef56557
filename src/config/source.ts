// Where desired-state documents come from: a directory today, a git ref later. Everything past this
// interface is source-agnostic; a source only lists, reads and names its files.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { LicensectlError } from '../errors/index.js';
import { isDesiredStatePath, isSkippedName } from '../model/index.js';
import { MAX_FILE_BYTES } from './limits.js';

export interface DocumentSource {
  /** What the user would call this source in a message: a directory path, or `REF` for git. */
  readonly label: string;
  /** Set when documents are read from a git ref; copied into each resource's `source.ref`. */
  readonly ref?: string;
  /** Relative posix paths of candidate files (the project file and every YAML file), sorted. */
  list(): Promise<string[]>;
  read(path: string): Promise<Uint8Array>;
  /** How a diagnostic names the file: `path` for a directory, `REF:path` for git. */
  displayPath(path: string): string;
}


export function directorySource(dir: string): DocumentSource {
  const root = path.resolve(dir);
  return {
    label: dir,
    list: async () => {
      await assertDirectory(dir, root);
      return (await walk(root, '')).sort();
    },
    read: async (file) => readInside(root, file),
    displayPath: (file) => file,
  };
}

async function assertDirectory(dir: string, root: string): Promise<void> {
  const info = await stat(root).catch(() => undefined);
  if (info === undefined) {
    throw new LicensectlError('DIRECTORY_NOT_FOUND', `directory ${dir} does not exist`, {
      hint: 'pass --dir with the folder that holds licensectl.yaml',
    });
  }
  if (!info.isDirectory()) {
    throw new LicensectlError('NOT_A_DIRECTORY', `${dir} is not a directory`, {
      hint: 'pass --dir with the folder that holds licensectl.yaml, not the file itself',
    });
  }
}

/** Symlinked files are read; symlinked folders are not followed, so a link cycle cannot loop. */
async function walk(root: string, relative: string): Promise<string[]> {
  const entries = await readdir(path.join(root, relative), { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries) {
    if (isSkippedName(entry.name)) continue;
    const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (entry.isDirectory()) found.push(...(await walk(root, child)));
    else if (isDesiredStatePath(child) && (await isFile(path.join(root, child)))) found.push(child);
  }
  return found;
}

async function isFile(file: string): Promise<boolean> {
  const info = await stat(file).catch(() => undefined);
  return info?.isFile() ?? false;
}

async function readInside(root: string, file: string): Promise<Uint8Array> {
  const full = path.resolve(root, file);
  if (path.relative(root, full).startsWith('..')) {
    throw new LicensectlError('PATH_OUTSIDE_SOURCE', `${file} is outside ${root}`);
  }
  const info = await stat(full);
  // Checked before reading so that a huge file is never loaded into memory.
  if (info.size > MAX_FILE_BYTES) throw fileTooLarge(info.size);
  return readFile(full);
}

export function fileTooLarge(size: number): LicensectlError {
  const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
  return new LicensectlError('FILE_TOO_LARGE', `file is ${mib(size)} MiB; the limit is ${mib(MAX_FILE_BYTES)} MiB`, {
    hint: 'desired state is hand-written YAML; exclude generated files with spec.exclude',
  });
}
