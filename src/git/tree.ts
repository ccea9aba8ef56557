// The files of a commit, listed from the object database by one `git ls-tree`: no checkout, no index.
import { git } from './run-git.js';

export interface TreeEntry {
  /** Path relative to the listed prefix, posix. */
  readonly path: string;
  /** Path from the repository's top, as `sha:path` expressions need it. */
  readonly fullPath: string;
  readonly oid: string;
  /** Bytes of the blob; for a symbolic link, of the link's target name. */
  readonly size: number;
  readonly kind: 'file' | 'symlink';
}

const KINDS: Record<string, TreeEntry['kind']> = { '100644': 'file', '100755': 'file', '120000': 'symlink' };

/** Every file and symbolic link under `prefix` at commit `sha` (submodules are not part of the commit's files). */
export async function listTree(root: string, sha: string, prefix: string): Promise<TreeEntry[]> {
  const args = ['ls-tree', '-r', '-z', '-l', '--full-tree', sha, ...(prefix ? ['--', prefix] : [])];
  const out = await git(root, args, { code: 'GIT_READ_FAILED', message: `cannot list the files of commit ${sha}` });
  const base = prefix ? `${prefix}/` : '';
  return out.toString('utf8').split('\0').flatMap((record) => {
    const entry = parseRecord(record);
    return entry && entry.fullPath.startsWith(base) ? [{ ...entry, path: entry.fullPath.slice(base.length) }] : [];
  });
}

/** `<mode> <type> <oid> <size>\t<path>`; the size is padded with spaces. */
function parseRecord(record: string): Omit<TreeEntry, 'path'> | undefined {
  const tab = record.indexOf('\t');
  if (tab < 0) return undefined;
  const [mode = '', , oid = '', size = ''] = record.slice(0, tab).split(/ +/);
  const kind = KINDS[mode];
  return kind ? { kind, oid, size: Number(size), fullPath: record.slice(tab + 1) } : undefined;
}
