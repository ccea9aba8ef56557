// The watcher's clone: made once per remote, fetched on demand, read at a commit without a checkout.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LicensectlError } from '../../src/errors/index.js';
import { gitSource } from '../../src/config/source.js';
import { cloneFolderName, ensureClone, fetchBranch } from '../../src/git/index.js';
import { removeDir } from '../helpers/cli.js';
import { configYaml, initRepo, tempDir, testRepo } from './repo-helpers.js';

async function failure(promise: Promise<unknown>): Promise<LicensectlError> {
  return promise.then(() => { throw new Error('expected a failure'); }, (error: unknown) => error as LicensectlError);
}

describe("the watcher's clone of a remote repository", () => {
  const dirs: string[] = [];
  afterAll(async () => { for (const d of dirs) await removeDir(d); });

  it('clones once, and sees a commit pushed to the remote after the next fetch', async () => {
    const work = await testRepo({ 'licensectl.yaml': configYaml('p', 1) });
    const [bare, cache] = [await tempDir('licensectl-bare-'), await tempDir('licensectl-cache-')];
    dirs.push(work.dir, bare, cache);
    const first = await work.commit('first');
    await initRepo(bare, ['--bare']);
    await work.git.addRemote('origin', bare).push('origin', 'main');

    const clone = await ensureClone(bare, cache);
    expect(clone).toBe(path.join(cache, cloneFolderName(bare)));
    expect(await ensureClone(bare, cache)).toBe(clone);
    expect(await readdir(cache)).toEqual([path.basename(clone)]);
    expect(await fetchBranch(clone, 'main')).toBe(first);

    await work.write({ 'a.yaml': configYaml('a', 1) });
    const second = await work.commit('second');
    expect(await fetchBranch(clone, 'main')).toBe(first);
    await work.git.push('origin', 'main');
    expect(await fetchBranch(clone, 'main')).toBe(second);

    const source = await gitSource(clone, second);
    expect(await source.list()).toEqual(['a.yaml', 'licensectl.yaml']);
    expect(source.displayPath('a.yaml')).toBe(`${second}:a.yaml`);
  });

  it('names folders after the repository and a hash of its address', () => {
    expect(cloneFolderName('https://github.com/acme/licenses.git')).toMatch(/^licenses-[0-9a-f]{16}$/);
    expect(cloneFolderName('git@github.com:acme/licenses.git')).not.toBe(cloneFolderName('https://github.com/acme/licenses.git'));
    // The folder shows in /status: a URL whose only name is its credentials does not name it by them.
    expect(cloneFolderName('https://ghp_T0KEN@git.example.com')).not.toContain('T0KEN');
    expect(cloneFolderName('https://ghp_T0KEN@git.example.com')).not.toBe(cloneFolderName('https://other@git.example.com'));
  });

  it('refuses hostile addresses and branches, and names a branch the remote does not have', async () => {
    const cache = await tempDir('licensectl-cache-');
    const remote = await testRepo({ 'licensectl.yaml': configYaml('p', 1) });
    dirs.push(cache, remote.dir);
    await remote.commit('first');
    for (const url of ['--upload-pack=touch /tmp/x', 'ext::sh -c touch% /tmp/x', '']) {
      expect((await failure(ensureClone(url, cache))).code).toBe('BAD_GIT_URL');
    }
    const clone = await ensureClone(remote.dir, cache);
    expect((await failure(fetchBranch(clone, '--upload-pack=x'))).message).toBe('branch "--upload-pack=x" is not allowed: it starts with "-"');
    const missing = await failure(fetchBranch(clone, 'nope'));
    expect([missing.code, missing.message]).toEqual(['UNKNOWN_GIT_REF', "unknown git ref 'nope': the remote has no such branch"]);
    const unreachable = await failure(ensureClone(path.join(cache, 'no-such-repo'), cache));
    expect(unreachable.code).toBe('GIT_CLONE_FAILED');
    expect(unreachable.message).toMatch(/^cannot clone .*no-such-repo: .+$/);
    expect(unreachable.message).not.toContain('\n');
  });
});
