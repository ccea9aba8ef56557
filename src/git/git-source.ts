// Desired state as it is at a git commit: read from the object database, never from the working tree or
// index, so a dirty or detached checkout does not matter. Diagnostics name files `REF:path`.
import { MAX_FILE_BYTES } from '../config/limits.js';
import { fileTooLarge, type DocumentSource } from '../config/source.js';
import { LicensectlError } from '../errors/index.js';
import { isDesiredStatePath } from '../model/index.js';
import { blobReader } from './blob-reader.js';
import { resolveLinks, type LinkTarget } from './cat-file.js';
import { validateRef } from './refs.js';
import { requireRepo, resolveRef } from './repo.js';
import { listTree } from './tree.js';

export interface GitDocumentSource extends DocumentSource {
  readonly ref: string;
  /** The commit the ref resolved to when the source was made; later reads see that commit even if the ref moves. */
  readonly sha: string;
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
  for (const e of entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
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
