// The watcher's copy of a remote repository: a bare clone in a cache folder, fetched on demand.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { LicensectlError } from '../errors/index.js';
import { validateRef } from './refs.js';
import { git } from './run-git.js';

/** Clones `url` once into a folder of `cacheDir` named after it, and returns that folder. */
export async function ensureClone(url: string, cacheDir: string): Promise<string> {
  if (url.startsWith('-')) throw new LicensectlError('BAD_GIT_URL', `repository ${JSON.stringify(url)} is not allowed: it starts with "-"`, { hint: 'pass a URL or a path' });
  const target = path.join(cacheDir, createHash('sha256').update(url).digest('hex').slice(0, 16));
  if (existsSync(path.join(target, 'HEAD'))) return target;
  await mkdir(cacheDir, { recursive: true });
  await git(cacheDir, ['clone', '--bare', '--quiet', '--', url, target], { code: 'GIT_CLONE_FAILED', message: `cannot clone ${url}`, hint: 'check the URL and that this machine can reach it' });
  return target;
}

/** Fetches `branch` into the clone and returns its commit. */
export async function fetchBranch(clonePath: string, branch: string): Promise<string> {
  validateRef(branch, 'branch');
  await git(clonePath, ['fetch', '--quiet', '--prune', 'origin', `+refs/heads/${branch}:refs/heads/${branch}`], { code: 'GIT_FETCH_FAILED', message: `cannot fetch branch ${branch}` });
  const sha = await git(clonePath, ['rev-parse', '--verify', '--end-of-options', `refs/heads/${branch}^{commit}`], { code: 'UNKNOWN_GIT_REF', message: `unknown git ref '${branch}'` });
  return sha.toString().trim();
}
