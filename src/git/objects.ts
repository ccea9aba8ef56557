// Reading a commit straight from the object database, with no checkout and no index: its files from one
// `git ls-tree`, their contents from one `git cat-file --batch`, whatever the number of files.
import { LicensectlError } from '../errors/index.js';
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

/** What a symbolic link in a commit points at. */
export type LinkTarget =
  | { readonly kind: 'file'; readonly oid: string; readonly size: number }
  /** Out of the repository: a commit cannot tell what it would read. */
  | { readonly kind: 'outside'; readonly target: string }
  /** Dangling, a loop, a folder: nothing a directory listing would call a file. */
  | { readonly kind: 'none' };

/** The contents of the given blobs, keyed by object id. */
async function readBlobs(root: string, oids: readonly string[]): Promise<Map<string, Buffer>> {
  const blobs = new Map<string, Buffer>();
  const unique = [...new Set(oids)];
  if (unique.length === 0) return blobs;
  const out = await git(root, ['cat-file', '--batch'], { code: 'GIT_READ_FAILED', message: 'cannot read files from git' }, { input: `${unique.join('\n')}\n` });
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(0x0a, at);
    const [oid = '', type, size] = out.subarray(at, eol < 0 ? out.length : eol).toString().split(' ');
    if (type !== 'blob') throw new LicensectlError('GIT_READ_FAILED', `git could not read object ${oid}: ${type ?? 'no answer'}`);
    const length = Number(size);
    blobs.set(oid, out.subarray(eol + 1, eol + 1 + length));
    at = eol + 1 + length + 1; // contents are followed by a newline
  }
  return blobs;
}

/** Follows symbolic links inside commit `sha` (`path` from the repository's top), as a checkout would. */
export async function resolveLinks(root: string, sha: string, fullPaths: readonly string[]): Promise<Map<string, LinkTarget>> {
  const targets = new Map<string, LinkTarget>();
  // One request per line: a path with a newline cannot be asked for, and is treated as unreadable.
  const askable = fullPaths.filter((p) => !p.includes('\n'));
  for (const p of fullPaths) if (p.includes('\n')) targets.set(p, { kind: 'none' });
  if (askable.length === 0) return targets;
  const input = `${askable.map((p) => `${sha}:${p}`).join('\n')}\n`;
  const out = await git(root, ['cat-file', '--batch-check', '--follow-symlinks'], { code: 'GIT_READ_FAILED', message: 'cannot follow symbolic links in git' }, { input });
  const answers = parseLinkAnswers(out);
  askable.forEach((p, i) => targets.set(p, answers[i] ?? { kind: 'none' }));
  return targets;
}

/**
 * `<oid> <type> <size>` when the link resolves inside the repository; `<input> missing`; or
 * `symlink|dangling|loop|notdir <size>` followed by that many bytes and a newline.
 */
function parseLinkAnswers(out: Buffer): LinkTarget[] {
  const answers: LinkTarget[] = [];
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(0x0a, at);
    const line = out.subarray(at, eol < 0 ? out.length : eol).toString('utf8');
    at = eol < 0 ? out.length : eol + 1;
    const special = /^(symlink|dangling|loop|notdir) (\d+)$/.exec(line);
    if (special) {
      const length = Number(special[2]);
      const target = out.subarray(at, at + length).toString('utf8');
      at += length + 1;
      answers.push(special[1] === 'symlink' ? { kind: 'outside', target } : { kind: 'none' });
      continue;
    }
    const [oid = '', type, size] = line.split(' ');
    answers.push(type === 'blob' && /^[0-9a-f]+$/.test(oid) ? { kind: 'file', oid, size: Number(size) } : { kind: 'none' });
  }
  return answers;
}

// Reads asked for in the same turn of the event loop share one `git cat-file --batch` process: the loader
// reads its files concurrently, so a project of a thousand files costs one git process, not a thousand,
// and files it never asks for (left out by spec.exclude) are never read.
interface Waiter {
  resolve(contents: Buffer): void;
  reject(error: unknown): void;
}
type Batch = Map<string, Waiter[]>;

/** A function reading one blob by id, batched with every other read asked for in the same turn. */
export function blobReader(root: string): (oid: string) => Promise<Buffer> {
  let pending: Batch | undefined;
  return (oid) => new Promise<Buffer>((resolve, reject) => {
    if (pending === undefined) {
      const batch: Batch = new Map();
      pending = batch;
      setImmediate(() => {
        pending = undefined;
        readBlobs(root, [...batch.keys()]).then((blobs) => settle(batch, blobs), (error: unknown) => fail(batch, error));
      });
    }
    pending.set(oid, [...(pending.get(oid) ?? []), { resolve, reject }]);
  });
}

function settle(batch: Batch, blobs: Map<string, Buffer>): void {
  for (const [oid, waiters] of batch) {
    const contents = blobs.get(oid);
    for (const w of waiters) {
      if (contents) w.resolve(contents);
      else w.reject(new Error(`git returned no object ${oid}`));
    }
  }
}

function fail(batch: Batch, error: unknown): void {
  for (const w of [...batch.values()].flat()) w.reject(error);
}
