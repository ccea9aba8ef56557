// Which commit the desired state came from, and whether the working tree differs from it.
import { isLicensectlError } from '../errors/index.js';
import { isDesiredStatePath } from '../model/index.js';
import { findRepo, type RepoLocation } from './repo.js';
import { runGit } from './run-git.js';
import { worktreeChanges } from './worktree-status.js';

export interface SourceRevision {
  readonly revision: string | null;
  /** null when there is no commit to differ from, or git could not tell. */
  readonly dirty: boolean | null;
}

const UNKNOWN: SourceRevision = { revision: null, dirty: null };

/**
 * HEAD's SHA, and whether a desired-state file under `dir` is modified, staged, deleted or new (untracked,
 * not ignored). `files` (relative to `dir`) narrows that to the files actually read, e.g. after
 * spec.exclude; a deleted desired-state file still counts, since no listing can name it. Nulls outside a
 * repository or before the first commit: a plan's provenance is never a reason for it to fail.
 */
export async function sourceRevision(dir: string, files?: readonly string[]): Promise<SourceRevision> {
  const repo = await findRepo(dir).catch((error: unknown) => (isLicensectlError(error) ? null : Promise.reject(error)));
  if (!repo) return UNKNOWN;
  const head = await runGit(repo.root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  if (head.code !== 0) return UNKNOWN;
  return { revision: head.stdout.toString().trim(), dirty: await isDirty(repo, files) };
}

async function isDirty(repo: RepoLocation, files: readonly string[] | undefined): Promise<boolean | null> {
  if (repo.bare) return false;
  const changes = await worktreeChanges(repo).catch(() => null);
  if (changes === null) return null;
  const read = files && new Set(files);
  return changes.some((c) => isDesiredStatePath(c.path) && (read === undefined || read.has(c.path) || c.deleted));
}
