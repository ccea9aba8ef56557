// Desired state as it is at a git commit: read from the object database, never from the working tree or
// index, so a dirty or detached checkout does not matter. Diagnostics name files `REF:path`.
import { isDesiredStatePath } from '../model/index.js';
import { listTree, readBlobs, requireRepo, resolveRef, type TreeEntry } from '../git/index.js';
import { MAX_FILE_BYTES } from './limits.js';
import { fileTooLarge, type DocumentSource } from './source.js';

export interface GitDocumentSource extends DocumentSource {
  /** The commit the ref resolved to. */
  readonly sha: string;
}

export async function gitSource(dir: string, ref: string): Promise<GitDocumentSource> {
  const repo = await requireRepo(dir);
  const sha = await resolveRef(repo.root, ref);
  let entries: Promise<Map<string, TreeEntry>> | undefined;
  let blobs: Promise<Map<string, Buffer>> | undefined;
  const listing = () => (entries ??= listTree(repo.root, sha, repo.prefix).then((all) => new Map(all.filter((e) => isDesiredStatePath(e.path)).map((e) => [e.path, e]))));
  // All small candidate files are read by one git process on the first read.
  const contents = () => (blobs ??= listing().then((map) => readBlobs(repo.root, [...map.values()].filter((e) => e.size <= MAX_FILE_BYTES).map((e) => e.oid))));
  return {
    label: ref,
    ref,
    sha,
    list: async () => [...(await listing()).keys()].sort(),
    read: async (file) => {
      const entry = (await listing()).get(file);
      if (!entry) throw new Error(`internal: ${file} is not in ${ref}`);
      if (entry.size > MAX_FILE_BYTES) throw fileTooLarge(entry.size);
      return (await contents()).get(entry.oid)!;
    },
    displayPath: (file) => `${ref}:${file}`,
  };
}
