// Files changed between two commits (or a commit and the working tree), below a prefix.
import { validateRef } from './refs.js';
import { git } from './run-git.js';

export interface ChangedFile {
  readonly path: string;
  readonly status: 'added' | 'modified' | 'deleted' | 'renamed';
  readonly oldPath?: string;
}

const STATUS: Record<string, ChangedFile['status']> = { A: 'added', M: 'modified', D: 'deleted', R: 'renamed', T: 'modified', C: 'added' };

export async function changedFiles(root: string, base: string, head: string | undefined, prefix: string): Promise<ChangedFile[]> {
  validateRef(base);
  if (head !== undefined) validateRef(head);
  const args = ['diff', '--name-status', '-z', '-M', '--end-of-options', base, ...(head ? [head] : []), '--', prefix || '.'];
  const fields = (await git(root, args, { code: 'GIT_READ_FAILED', message: `cannot compare ${base} with ${head ?? 'the working tree'}` })).toString('utf8').split('\0').filter(Boolean);
  const changes: ChangedFile[] = [];
  for (let i = 0; i < fields.length; ) {
    const code = fields[i]!.charAt(0);
    if (code === 'R' || code === 'C') {
      changes.push({ path: fields[i + 2]!, status: STATUS[code]!, oldPath: fields[i + 1]! });
      i += 3;
    } else {
      changes.push({ path: fields[i + 1]!, status: STATUS[code] ?? 'modified' });
      i += 2;
    }
  }
  return changes.sort((a, b) => (a.path < b.path ? -1 : 1));
}
