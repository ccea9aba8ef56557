// The watcher's copy of a remote repository: a bare clone in a cache folder, fetched on demand. Documents
// are read from its commits; nothing is ever checked out.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, realpath, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { LicensectlError } from '../errors/index.js';
import { redactUrls } from '../util/safe-text.js';
import { normalizeRemote, validateRef } from './refs.js';
import { findRepo } from './repo.js';
import { git, gitFailed, runGit } from './run-git.js';

/** Network operations are killed after this long: a hung fetch must not stall the watcher for ever. */
const NETWORK_TIMEOUT_MS = 5 * 60_000;
/** Remote helpers that run commands (`ext::`) are refused by us and, should one slip through, by git. */
const NO_EXT = ['-c', 'protocol.ext.allow=never'];

/** Clones `url` (a URL or a local path) once into a folder of `cacheDir` named after it; returns that folder. */
export async function ensureClone(url: string, cacheDir: string): Promise<string> {
  const remote = normalizeRemote(url);
  const target = path.join(path.resolve(cacheDir), cloneFolderName(remote));
  if (await isClone(target)) return target;
  await mkdir(path.dirname(target), { recursive: true });
  // Cloned beside the target and renamed into place, so an interrupted clone never looks like a finished one.
  const partial = `${target}.partial-${randomBytes(4).toString('hex')}`;
  try {
    await git(path.dirname(target), [...NO_EXT, 'clone', '--bare', '--quiet', '--', remote, partial], {
      code: 'GIT_CLONE_FAILED', message: `cannot clone ${redactUrls(url)}`, hint: 'check the URL, and that this machine can reach it and has read access',
    }, { timeoutMs: NETWORK_TIMEOUT_MS });
    await moveIntoPlace(partial, target);
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
  return target;
}

/**
 * `<repository name>-<hash of the address>`: readable, and distinct for distinct addresses. The name is taken
 * from the address without its credentials (`https://TOKEN@host` has no path to name it by), since the folder
 * shows in /status and in logs.
 */
export function cloneFolderName(remote: string): string {
  const name = path.basename(redactUrls(remote).replace(/[/\\]+$/, '')).replace(/\.git$/, '').replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 40);
  return `${name || 'repo'}-${createHash('sha256').update(remote).digest('hex').slice(0, 16)}`;
}

async function moveIntoPlace(partial: string, target: string): Promise<void> {
  try {
    await rename(partial, target);
  } catch (error) {
    // Another process finished the same clone first: use its copy. Anything else in the way is left alone.
    if (!(await isClone(target))) {
      throw new LicensectlError('GIT_CLONE_FAILED', `cannot put the clone in ${target}`, { cause: error, hint: 'remove that folder, or choose another cache folder' });
    }
  }
}

async function isClone(folder: string): Promise<boolean> {
  const repo = await findRepo(folder);
  if (!repo?.bare) return false;
  const [a, b] = await Promise.all([realpath(repo.root), realpath(folder)]);
  return a === b;
}

/** Fetches `branch` from the clone's origin and returns its commit. */
export async function fetchBranch(clonePath: string, branch: string): Promise<string> {
  validateRef(branch, { branch: true });
  const ref = `refs/heads/${branch}`;
  const fetched = await runGit(clonePath, [...NO_EXT, 'fetch', '--quiet', '--no-tags', 'origin', `+${ref}:${ref}`], { timeoutMs: NETWORK_TIMEOUT_MS });
  if (fetched.code !== 0 && /couldn't find remote ref/i.test(fetched.stderr)) {
    throw new LicensectlError('UNKNOWN_GIT_REF', `unknown git ref '${branch}': the remote has no such branch`, { hint: 'check --branch against the branches of --repo' });
  }
  if (fetched.code !== 0) throw gitFailed(fetched, { code: 'GIT_FETCH_FAILED', message: `cannot fetch branch ${branch}`, hint: 'check that this machine can reach the repository' }, NETWORK_TIMEOUT_MS);
  const sha = await git(clonePath, ['rev-parse', '--verify', `${ref}^{commit}`], { code: 'UNKNOWN_GIT_REF', message: `unknown git ref '${branch}'` });
  return sha.toString().trim();
}
