// sourceRevision: the commit a plan's documents came from, and whether the working tree differs from it.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sourceRevision } from '../../src/config/source.js';
import { removeDir } from '../helpers/cli.js';
import { configYaml, initRepo, tempDir, testRepo, type TestRepo } from '../git/repo-helpers.js';

describe('sourceRevision', () => {
  const dirs: string[] = [];
  afterAll(async () => { for (const d of dirs) await removeDir(d); });
  const committed = async (files: Record<string, string>): Promise<{ repo: TestRepo; head: string }> => {
    const repo = await testRepo(files);
    dirs.push(repo.dir);
    return { repo, head: await repo.commit('first') };
  };

  it('is HEAD and clean in a clean repository, from the top or a subdirectory', async () => {
    const { repo, head } = await committed({ 'licensectl.yaml': configYaml('p', 1), 'sub/a.yaml': configYaml('a', 1) });
    expect(await sourceRevision(repo.dir)).toEqual({ revision: head, dirty: false });
    expect(await sourceRevision(path.join(repo.dir, 'sub'))).toEqual({ revision: head, dirty: false });
  });

  it('is dirty when a YAML file under the directory is edited, staged, deleted or new', async () => {
    const cases: [string, (repo: TestRepo) => Promise<void>][] = [
      ['edited', (r) => r.write({ 'app/a.yaml': configYaml('a', 2) })],
      ['staged', (r) => r.stage({ 'app/a.yaml': configYaml('a', 3) })],
      ['deleted', (r) => r.remove('app/a.yaml')],
      ['untracked', (r) => r.write({ 'app/new/b.yml': configYaml('b', 1) })],
    ];
    const { repo, head } = await committed({ 'app/licensectl.yaml': configYaml('p', 1), 'app/a.yaml': configYaml('a', 1) });
    for (const [name, change] of cases) {
      await change(repo);
      expect(await sourceRevision(path.join(repo.dir, 'app')), name).toEqual({ revision: head, dirty: true });
      await repo.git.reset(['--hard', '-q']).clean('fdq');
      expect(await sourceRevision(path.join(repo.dir, 'app')), `${name}, undone`).toEqual({ revision: head, dirty: false });
    }
  });

  it('stays clean for changes that are not desired state under the directory', async () => {
    const { repo, head } = await committed({ 'app/licensectl.yaml': configYaml('p', 1), 'other/x.yaml': 'x: 1\n', '.gitignore': 'app/ignored.yaml\n' });
    await repo.write({
      'other/x.yaml': 'x: 2\n', 'app/notes.md': '# notes\n', 'app/.github/ci.yaml': 'on: push\n', 'app/node_modules/m/a.yaml': 'x: 1\n',
      'app/ignored.yaml': configYaml('ignored', 1), 'README.md': 'readme\n',
    });
    expect(await sourceRevision(path.join(repo.dir, 'app'))).toEqual({ revision: head, dirty: false });
    expect(await sourceRevision(repo.dir)).toEqual({ revision: head, dirty: true }); // other/x.yaml is under the top
  });

  it('counts only the files read, when told which, and deletions always', async () => {
    const { repo, head } = await committed({ 'licensectl.yaml': configYaml('p', 1), 'a.yaml': configYaml('a', 1), 'generated/g.yaml': 'g: 1\n' });
    await repo.write({ 'generated/g.yaml': 'g: 2\n', 'generated/new.yaml': 'n: 1\n' });
    expect(await sourceRevision(repo.dir, ['a.yaml', 'licensectl.yaml'])).toEqual({ revision: head, dirty: false });
    expect(await sourceRevision(repo.dir, ['a.yaml', 'generated/g.yaml', 'licensectl.yaml'])).toEqual({ revision: head, dirty: true });
    await repo.remove('a.yaml');
    expect(await sourceRevision(repo.dir, ['licensectl.yaml'])).toEqual({ revision: head, dirty: true });
  });

  it('is null outside a repository, in a repository without commits, and for a missing directory', async () => {
    const plain = await tempDir();
    const empty = await tempDir();
    dirs.push(plain, empty);
    await initRepo(empty);
    expect(await sourceRevision(plain)).toEqual({ revision: null, dirty: null });
    expect(await sourceRevision(empty)).toEqual({ revision: null, dirty: null });
    expect(await sourceRevision(path.join(plain, 'missing'))).toEqual({ revision: null, dirty: null });
  });
});
