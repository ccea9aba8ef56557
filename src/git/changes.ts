// Files changed between two commits (or a commit and the working tree) below a prefix, for reviewing a
// pull request's desired-state changes.
import { validateRef } from './refs.js';
import { resolveRef } from './repo.js';
import { git } from './run-git.js';

export interface ChangedFile {
  /** Relative to the prefix, posix. */
  readonly path: string;
  readonly status: 'added' | 'modified' | 'deleted' | 'renamed';
  /** The path before a rename. */
  readonly oldPath?: string;
}

const STATUS: Record<string, ChangedFile['status']> = { A: 'added', C: 'added', D: 'deleted', M: 'modified', R: 'renamed', T: 'modified' };

/**
 * What changed from `base` to `head` (to the working tree, untracked files included, when `head` is
 * undefined) under `prefix` of the repository at `root`, sorted by path. Both refs are validated and
 * resolved to commits first, so only SHAs reach `git diff`.
 */
export async function changedFiles(root: string, base: string, head?: string, prefix = ''): Promise<ChangedFile[]> {
  validateRef(base);
  if (head !== undefined) validateRef(head); // both before any git runs
  const from = await resolveRef(root, base);
  const to = head === undefined ? undefined : await resolveRef(root, head);
  const args = ['diff', '--name-status', '-z', '-M', '--no-ext-diff', '--no-relative', from, ...(to ? [to] : []), ...(prefix ? ['--', prefix] : [])];
  const out = await git(root, args, { code: 'GIT_READ_FAILED', message: `cannot compare ${base} with ${head ?? 'the working tree'}` });
  const changes = parseNameStatus(out.toString('utf8').split('\0'));
  const untracked = to === undefined ? await untrackedFiles(root, prefix) : [];
  return merge(changes, untracked).map((c) => underPrefix(c, prefix)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** `-z` records: `X\0path\0`, or `R<score>\0old\0new\0` for renames and copies. */
function parseNameStatus(fields: string[]): ChangedFile[] {
  const changes: ChangedFile[] = [];
  for (let i = 0; i < fields.length && fields[i] !== ''; ) {
    const code = fields[i]!.charAt(0);
    if (code === 'R' || code === 'C') {
      const renamed = { path: fields[i + 2]!, status: STATUS[code]!, oldPath: fields[i + 1]! };
      changes.push(code === 'R' ? renamed : { path: renamed.path, status: 'added' });
      i += 3;
    } else {
      changes.push({ path: fields[i + 1]!, status: STATUS[code] ?? 'modified' });
      i += 2;
    }
  }
  return changes;
}

/** New files `git diff` does not see because they are not in the index yet. */
async function untrackedFiles(root: string, prefix: string): Promise<string[]> {
  const args = ['ls-files', '--others', '--exclude-standard', '-z', '--full-name', ...(prefix ? ['--', prefix] : [])];
  const out = await git(root, args, { code: 'GIT_READ_FAILED', message: 'cannot list untracked files' });
  return out.toString('utf8').split('\0').filter(Boolean);
}

/** An untracked file at a path the diff calls deleted (removed from the index, still on disk) is modified. */
function merge(changes: ChangedFile[], untracked: string[]): ChangedFile[] {
  const byPath = new Map(changes.map((c) => [c.path, c]));
  for (const p of untracked) byPath.set(p, byPath.get(p)?.status === 'deleted' ? { path: p, status: 'modified' } : { path: p, status: 'added' });
  return [...byPath.values()];
}

function underPrefix(change: ChangedFile, prefix: string): ChangedFile {
  const cut = (p: string) => (prefix ? p.slice(prefix.length + 1) : p);
  return change.oldPath === undefined ? { path: cut(change.path), status: change.status } : { ...change, path: cut(change.path), oldPath: cut(change.oldPath) };
}
