// changedFiles: what a pull request changes below the project folder.
import { afterAll, describe, expect, it } from 'vitest';
import { changedFiles } from '../../src/git/changes.js';
import { removeDir } from '../helpers/cli.js';
import { configYaml, testRepo } from './repo-helpers.js';

describe('changedFiles', () => {
  const dirs: string[] = [];
  afterAll(async () => { for (const d of dirs) await removeDir(d); });

  // Small files look alike to git's rename detection (50 % similar is a rename): the added file differs enough.
  it('lists added, modified, deleted and renamed files between commits, and up to the working tree', async () => {
    const repo = await testRepo({
      'app/licensectl.yaml': configYaml('p', 1), 'app/keep.yaml': configYaml('keep', 1), 'app/gone.yaml': configYaml('gone', 1),
      'app/old-name.yaml': configYaml('moved', 1), 'elsewhere.yaml': configYaml('x', 1),
    });
    dirs.push(repo.dir);
    await repo.commit('base');
    await repo.git.checkout(['-b', 'feature']);
    await repo.remove('app/gone.yaml');
    await repo.remove('app/old-name.yaml');
    await repo.write({ 'app/team/new-name.yaml': configYaml('moved', 1), 'app/keep.yaml': configYaml('keep', 2), 'app/added.yaml': 'kind: Grant\nmetadata: {name: something-else-entirely}\n', 'elsewhere.yaml': configYaml('x', 2) });
    await repo.commit('change');

    expect(await changedFiles(repo.dir, 'main', 'feature', 'app')).toEqual([
      { path: 'added.yaml', status: 'added' },
      { path: 'gone.yaml', status: 'deleted' },
      { path: 'keep.yaml', status: 'modified' },
      { path: 'team/new-name.yaml', status: 'renamed', oldPath: 'old-name.yaml' },
    ]);
    expect((await changedFiles(repo.dir, 'main', 'HEAD')).map((c) => c.path)).toContain('elsewhere.yaml');

    await repo.write({ 'app/keep.yaml': configYaml('keep', 3), 'app/untracked.yaml': configYaml('u', 1) });
    await repo.remove('app/licensectl.yaml');
    expect(await changedFiles(repo.dir, 'HEAD', undefined, 'app')).toEqual([
      { path: 'keep.yaml', status: 'modified' },
      { path: 'licensectl.yaml', status: 'deleted' },
      { path: 'untracked.yaml', status: 'added' },
    ]);
    expect(await changedFiles(repo.dir, 'feature', 'feature', 'app')).toEqual([]);
  });
});
