// Where desired-state documents come from: a directory, or a git ref read from the object database (never
// from the working tree or index, so a dirty or detached checkout does not matter), and which commit they
// came from. Everything past the DocumentSource interface is source-agnostic; a source only lists, reads
// and names its files.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isLicensectlError, LicensectlError } from '../errors/index.js';
import {
  blobReader, findRepo, headCommit, listTree, requireRepo, resolveLinks, resolveRef, validateRef, worktreeChanges,
  type LinkTarget, type RepoLocation,
} from '../git/index.js';
import { byText } from '../util/canonical.js';

/** The project file, always read from the root of the source. */
export const PROJECT_FILE = 'licensectl.yaml';

// Which paths hold desired state, the same for the directory and the git sources.
const YAML_FILE = /\.ya?ml$/;

/** Dot-entries (.git, .github, .gitlab-ci.yml, …) and node_modules are never desired state. */
function isSkippedName(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

function isDesiredStatePath(relative: string): boolean {
  const parts = relative.split('/');
  return YAML_FILE.test(relative) && !parts.some(isSkippedName);
}

/** Largest file we read; a desired-state file of several MiB is almost certainly not hand-written YAML. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

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

export interface GitDocumentSource extends DocumentSource {
  readonly ref: string;
  /** The commit the ref resolved to when the source was made; later reads see that commit even if the ref moves. */
  readonly sha: string;
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
    // One by one: a folder may hold more files than a call may take spread arguments.
    if (entry.isDirectory()) for (const file of await walk(root, child)) found.push(file);
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

/** The documents under `dir` as they are at `ref`, with paths relative to `dir`. */
export async function gitSource(dir: string, ref: string): Promise<GitDocumentSource> {
  validateRef(ref); // before any git runs, so a hostile ref never reaches git
  const repo = await requireRepo(dir);
  const sha = await resolveRef(repo.root, ref);
  let files: Promise<Map<string, LinkTarget>> | undefined;
  const listing = () => (files ??= desiredFiles(repo.root, sha, repo.prefix));
  const readBlob = blobReader(repo.root);
  return {
    label: ref,
    ref,
    sha,
    list: async () => [...(await listing()).keys()],
    read: async (file) => {
      const target = (await listing()).get(file);
      if (target?.kind !== 'file') throw unreadable(`${ref}:${file}`, target);
      // Checked before reading, so that a huge blob is never loaded into memory.
      if (target.size > MAX_FILE_BYTES) throw fileTooLarge(target.size);
      return readBlob(target.oid);
    },
    displayPath: (file) => `${ref}:${file}`,
  };
}

/** Desired-state files (same rules as a directory), sorted, each with the blob it reads; links followed. */
async function desiredFiles(root: string, sha: string, prefix: string): Promise<Map<string, LinkTarget>> {
  const entries = (await listTree(root, sha, prefix)).filter((e) => isDesiredStatePath(e.path));
  const links = entries.filter((e) => e.kind === 'symlink').map((e) => e.fullPath);
  const followed = links.length > 0 ? await resolveLinks(root, sha, links) : new Map<string, LinkTarget>();
  const files = new Map<string, LinkTarget>();
  for (const e of entries.sort(byText((entry) => entry.path))) {
    const target: LinkTarget = e.kind === 'file' ? { kind: 'file', oid: e.oid, size: e.size } : followed.get(e.fullPath) ?? { kind: 'none' };
    // A dangling link or a link to a folder is not a file, as in a directory listing.
    if (target.kind !== 'none') files.set(e.path, target);
  }
  return files;
}

function unreadable(name: string, target: LinkTarget | undefined): LicensectlError {
  if (target?.kind === 'outside') {
    return new LicensectlError('GIT_LINK_OUTSIDE_REPOSITORY', `${name} is a symbolic link out of the repository (to ${target.target}, from its top)`, {
      hint: 'a commit holds only the link; commit the file itself, or read the working tree (leave out --git-ref)',
    });
  }
  return new LicensectlError('FILE_NOT_FOUND', `${name} does not exist`);
}

export interface SourceRevision {
  readonly revision: string | null;
  /** null when there is no commit to differ from, or git could not tell. */
  readonly dirty: boolean | null;
}

const UNKNOWN_REVISION: SourceRevision = { revision: null, dirty: null };

/**
 * HEAD's SHA, and whether a desired-state file under `dir` is modified, staged, deleted or new (untracked,
 * not ignored). `files` (relative to `dir`) narrows that to the files actually read, e.g. after
 * spec.exclude; a deleted desired-state file still counts, since no listing can name it. Nulls outside a
 * repository or before the first commit: a plan's provenance is never a reason for it to fail.
 */
export async function sourceRevision(dir: string, files?: readonly string[]): Promise<SourceRevision> {
  const repo = await findRepo(dir).catch((error: unknown) => (isLicensectlError(error) ? null : Promise.reject(error)));
  if (!repo) return UNKNOWN_REVISION;
  const head = await headCommit(repo);
  if (head === undefined) return UNKNOWN_REVISION;
  return { revision: head, dirty: await isDirty(repo, files) };
}

async function isDirty(repo: RepoLocation, files: readonly string[] | undefined): Promise<boolean | null> {
  if (repo.bare) return false;
  const changes = await worktreeChanges(repo).catch(() => null);
  if (changes === null) return null;
  const read = files && new Set(files);
  return changes.some((c) => isDesiredStatePath(c.path) && (read === undefined || read.has(c.path) || c.deleted));
}
