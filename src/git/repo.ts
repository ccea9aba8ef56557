// The repository that holds a directory: where it is, which commit a ref names, and what differs between
// HEAD and the working tree.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { LicensectlError } from '../errors/index.js';
import { validateRef } from './refs.js';
import { endOfOptions, firstLine, git, gitFailed, runGit, type GitResult } from './run-git.js';

export interface RepoLocation {
  /** The work tree's top, or a bare repository's own folder. */
  readonly root: string;
  /** The directory's path below the root, posix, '' at the root (and always in a bare repository). */
  readonly prefix: string;
  /** A bare repository (the watcher's clone) has commits but no working tree. */
  readonly bare: boolean;
}

/** The repository containing `dir`, or null outside any (or when `dir` does not exist); never throws for that. */
export async function findRepo(dir: string): Promise<RepoLocation | null> {
  const absolute = path.resolve(dir);
  const info = await stat(absolute).catch(() => undefined);
  if (!info?.isDirectory()) return null;
  const work = await runGit(absolute, ['rev-parse', '--show-toplevel', '--show-prefix']);
  if (work.code === 0) {
    const [root = absolute, prefix = ''] = linesOf(work);
    return { root: path.resolve(root), prefix: prefix.replace(/\/$/, ''), bare: false };
  }
  refuseUntrusted(work);
  if (/not a git repository/i.test(work.stderr)) return null;
  // A bare repository (the watcher's clone) has no work tree; its files are read from commits only.
  const bare = await runGit(absolute, ['rev-parse', '--is-bare-repository', '--absolute-git-dir']);
  const [isBare, gitDir] = linesOf(bare);
  return bare.code === 0 && isBare === 'true' && gitDir ? { root: path.resolve(gitDir), prefix: '', bare: true } : null;
}

export async function requireRepo(dir: string): Promise<RepoLocation> {
  const repo = await findRepo(dir);
  if (repo) return repo;
  throw new LicensectlError('NOT_A_GIT_REPOSITORY', `${dir} is not inside a git repository`, {
    hint: '--git-ref and --base read the repository that holds --dir',
  });
}

/** The full SHA of the commit `ref` names; UNKNOWN_GIT_REF when there is none. Validates `ref` first. */
export async function resolveRef(root: string, ref: string): Promise<string> {
  validateRef(ref);
  const result = await runGit(root, ['rev-parse', '--verify', '--quiet', ...(await endOfOptions(root)), `${ref}^{commit}`]);
  if (result.code === 0) return result.stdout.toString().trim();
  refuseUntrusted(result);
  if (/ambiguous/i.test(result.stderr)) {
    throw new LicensectlError('AMBIGUOUS_GIT_REF', `git ref '${ref}' is ambiguous: ${firstLine(result.stderr)}`, { hint: 'use more characters of the SHA, or the full ref name (refs/heads/…, refs/tags/…)' });
  }
  if (result.stderr.trim() !== '') throw gitFailed(result, { code: 'GIT_READ_FAILED', message: `cannot resolve git ref '${ref}'` });
  throw new LicensectlError('UNKNOWN_GIT_REF', `unknown git ref '${ref}'`, {
    hint: 'check the name (git branch -a, git tag); fetch a remote branch first (git fetch origin), and in CI check out with full history (fetch-depth: 0)',
  });
}

/** HEAD's commit, or undefined before the first commit. */
export async function headCommit(repo: RepoLocation): Promise<string | undefined> {
  const head = await runGit(repo.root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  return head.code === 0 ? head.stdout.toString().trim() : undefined;
}

export interface WorktreeChange {
  /** Relative to the prefix, posix. */
  readonly path: string;
  /** Gone from the index or the working tree: it can be in no listing of the files present. */
  readonly deleted: boolean;
}

/** Changes under `repo.prefix`; renames are reported as a deletion and an addition. */
export async function worktreeChanges(repo: RepoLocation): Promise<WorktreeChange[]> {
  const args = ['status', '--porcelain=v1', '-z', '--no-renames', '--untracked-files=all', '--ignore-submodules=all', ...(repo.prefix ? ['--', repo.prefix] : [])];
  const out = await git(repo.root, args, { code: 'GIT_READ_FAILED', message: 'cannot read the status of the working tree' });
  const base = repo.prefix ? `${repo.prefix}/` : '';
  // Each record is `XY path`; porcelain paths are relative to the repository's top whatever the folder.
  return out.toString('utf8').split('\0').filter((r) => r.length > 3 && r.slice(3).startsWith(base)).map((r) => ({
    path: r.slice(3 + base.length),
    deleted: r[0] === 'D' || r[1] === 'D',
  }));
}

/** git refuses repositories owned by another user; saying "not a repository" then would mislead. */
function refuseUntrusted(result: GitResult): void {
  if (!/dubious ownership/i.test(result.stderr)) return;
  throw new LicensectlError('GIT_UNSAFE_REPOSITORY', firstLine(result.stderr), {
    hint: 'the repository belongs to another user; if you trust it: git config --global --add safe.directory <path>',
  });
}

function linesOf(result: GitResult): string[] {
  return result.stdout.toString('utf8').split('\n').map((line) => line.trim());
}
