// Files of a commit without a checkout: one ls-tree for the listing, one cat-file --batch for the contents.
import { LicensectlError } from '../errors/index.js';
import { git } from './run-git.js';

export interface TreeEntry {
  /** Path relative to the listed prefix, posix. */
  readonly path: string;
  readonly oid: string;
  readonly size: number;
}

/** Every blob under `prefix` at commit `sha`. */
export async function listTree(root: string, sha: string, prefix: string): Promise<TreeEntry[]> {
  const args = ['ls-tree', '-r', '-z', '-l', '--full-tree', sha, ...(prefix ? ['--', prefix] : [])];
  const out = await git(root, args, { code: 'GIT_READ_FAILED', message: `cannot list the files of ${sha}` });
  const base = prefix ? `${prefix}/` : '';
  return out.toString('utf8').split('\0').filter(Boolean).flatMap((line) => {
    const tab = line.indexOf('\t');
    const [, type, oid, size] = line.slice(0, tab).split(/\s+/);
    const full = line.slice(tab + 1);
    if (type !== 'blob' || !full.startsWith(base)) return [];
    return [{ path: full.slice(base.length), oid: oid!, size: Number(size) }];
  });
}

/** The contents of the given blobs, read by one git process whatever their number. */
export async function readBlobs(root: string, oids: readonly string[]): Promise<Map<string, Buffer>> {
  const blobs = new Map<string, Buffer>();
  if (oids.length === 0) return blobs;
  const out = await git(root, ['cat-file', '--batch'], { code: 'GIT_READ_FAILED', message: 'cannot read files from git' }, `${oids.join('\n')}\n`);
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(0x0a, at);
    const [oid, type, size] = out.subarray(at, eol).toString().split(' ');
    if (type !== 'blob') throw new LicensectlError('GIT_READ_FAILED', `git could not read object ${oid}`);
    const length = Number(size);
    blobs.set(oid!, out.subarray(eol + 1, eol + 1 + length));
    at = eol + 1 + length + 1;
  }
  return blobs;
}
