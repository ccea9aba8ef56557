// Finding the repository that holds a directory, and resolving refs in it.
import path from 'node:path';
import { LicensectlError } from '../errors/index.js';
import { git, runGit } from './run-git.js';
import { validateRef } from './refs.js';

export interface RepoLocation {
  /** The work tree's top (or a bare repository's own folder). */
  readonly root: string;
  /** The directory's path below the root, posix, '' at the root. */
  readonly prefix: string;
}

/** The repository containing `dir`, or null outside any; never throws for that. */
export async function findRepo(dir: string): Promise<RepoLocation | null> {
  const absolute = path.resolve(dir);
  const bare = await runGit(absolute, ['rev-parse', '--is-bare-repository']).catch(() => null);
  if (!bare || bare.code !== 0) return null;
  if (bare.stdout.toString().trim() === 'true') return { root: absolute, prefix: '' };
  const top = await runGit(absolute, ['rev-parse', '--show-toplevel']);
  if (top.code !== 0) return null;
  const root = top.stdout.toString().trim();
  return { root, prefix: path.relative(root, absolute).split(path.sep).join('/') };
}

/** The full SHA of the commit `ref` names; UNKNOWN_GIT_REF when there is none. */
export async function resolveRef(root: string, ref: string): Promise<string> {
  validateRef(ref);
  const result = await runGit(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  if (result.code !== 0) throw new LicensectlError('UNKNOWN_GIT_REF', `unknown git ref '${ref}'`, { hint: 'check the name, and fetch it first if it is a remote branch (git fetch origin)' });
  return result.stdout.toString().trim();
}

export async function requireRepo(dir: string): Promise<RepoLocation> {
  const repo = await findRepo(dir);
  if (!repo) throw new LicensectlError('NOT_A_GIT_REPOSITORY', `${dir} is not inside a git repository`, { hint: '--git-ref and --base read the repository that holds --dir' });
  return repo;
}

export { git };
