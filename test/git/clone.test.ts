import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleGit } from 'simple-git';
import { afterEach, describe, expect, it } from 'vitest';
import { gitSource } from '../../src/config/git-source.js';
import { ensureClone, fetchBranch } from '../../src/git/index.js';
import { PROJECT_YAML, removeDir } from '../helpers/cli.js';
import { testRepo } from './repo-helpers.js';

describe('the watcher\'s clone of a remote repository', () => {
  const dirs: string[] = [];
  afterEach(async () => { while (dirs.length) await removeDir(dirs.pop()!); });

  it('clones once, and sees a commit pushed to the remote after the next fetch', async () => {
    const work = await testRepo({ 'licensectl.yaml': PROJECT_YAML('remote') });
    dirs.push(work.dir);
    const first = await work.commit('first');
    const bare = await mkdtemp(path.join(tmpdir(), 'licensectl-bare-'));
    const cache = await mkdtemp(path.join(tmpdir(), 'licensectl-cache-'));
    dirs.push(bare, cache);
    await simpleGit(bare).init(true);
    await work.git.addRemote('origin', bare).push('origin', 'main');

    const clone = await ensureClone(bare, cache);
    expect(await ensureClone(bare, cache)).toBe(clone);
    expect(await fetchBranch(clone, 'main')).toBe(first);

    await work.write({ 'a.yaml': 'apiVersion: licensectl/v1\nkind: LicenseConfiguration\nmetadata: {name: a}\nspec: {countingType: Core}\n' });
    const second = await work.commit('second');
    expect(await fetchBranch(clone, 'main')).toBe(first);
    await work.git.push('origin', 'main');
    expect(await fetchBranch(clone, 'main')).toBe(second);

    const source = await gitSource(clone, second);
    expect(await source.list()).toEqual(['a.yaml', 'licensectl.yaml']);
    expect(source.displayPath('a.yaml')).toBe(`${second}:a.yaml`);
  });

  it('refuses a branch that could be read as an option', async () => {
    await expect(fetchBranch(tmpdir(), '--upload-pack=x')).rejects.toThrow('branch "--upload-pack=x" is not allowed');
  });
});
