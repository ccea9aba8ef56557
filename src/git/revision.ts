// Which commit the desired state came from, and whether the working tree differs from it.
import { isDesiredStatePath } from '../model/index.js';
import { findRepo } from './repo.js';
import { runGit } from './run-git.js';

export interface SourceRevision {
  readonly revision: string | null;
  readonly dirty: boolean | null;
}

/** HEAD's SHA and whether any desired-state file under `dir` is modified, staged, deleted or new; nulls outside a repo. */
export async function sourceRevision(dir: string): Promise<SourceRevision> {
  const repo = await findRepo(dir);
  if (!repo) return { revision: null, dirty: null };
  const head = await runGit(repo.root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  if (head.code !== 0) return { revision: null, dirty: null };
  const status = await runGit(repo.root, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', repo.prefix || '.']);
  const base = repo.prefix ? `${repo.prefix}/` : '';
  const paths = status.stdout.toString('utf8').split('\0').filter((entry) => entry.length > 3).map((entry) => entry.slice(3));
  const dirty = paths.some((p) => p.startsWith(base) && isDesiredStatePath(p.slice(base.length)));
  return { revision: head.stdout.toString().trim(), dirty };
}
