// gitSource reads the documents of a commit from the object database: what the working tree, the index or
// the checked-out branch look like does not matter.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { directorySource, gitSource, MAX_FILE_BYTES, type DocumentSource } from '../../src/config/source.js';
import type { LicensectlError } from '../../src/errors/index.js';
import { removeDir } from '../helpers/cli.js';
import { configYaml, tempDir, testRepo, type TestRepo } from '../git/repo-helpers.js';

const PROJECT = 'apiVersion: licensectl/v1\nkind: Project\nmetadata: {name: p}\nspec: {}\n';

async function contents(source: DocumentSource): Promise<Record<string, string>> {
  const files = await source.list();
  const read = await Promise.all(files.map(async (f) => [f, Buffer.from(await source.read(f)).toString('utf8')] as const));
  return Object.fromEntries(read);
}

async function failure(promise: Promise<unknown>): Promise<LicensectlError> {
  return promise.then(() => { throw new Error('expected a failure'); }, (error: unknown) => error as LicensectlError);
}

describe('gitSource', () => {
  const dirs: string[] = [];
  afterAll(async () => { for (const d of dirs) await removeDir(d); });
  const repoWith = async (files: Record<string, string>): Promise<TestRepo> => {
    const repo = await testRepo(files);
    dirs.push(repo.dir);
    return repo;
  };

  it('reads an older commit while the tree has edits, staged edits and a detached HEAD', async () => {
    const repo = await repoWith({ 'licensectl.yaml': PROJECT, 'a.yaml': configYaml('a', 1) });
    const first = await repo.commit('first');
    await repo.write({ 'a.yaml': configYaml('a', 2), 'b.yml': configYaml('b', 1) });
    const second = await repo.commit('second');
    await repo.git.checkout(['--detach', 'HEAD']);
    await repo.stage({ 'a.yaml': configYaml('a', 3), 'staged.yaml': configYaml('staged', 1) });
    await repo.write({ 'a.yaml': configYaml('a', 4), 'untracked.yaml': configYaml('untracked', 1) });
    await repo.remove('b.yml');

    expect(await contents(await gitSource(repo.dir, first.slice(0, 7)))).toEqual({ 'a.yaml': configYaml('a', 1), 'licensectl.yaml': PROJECT });
    expect(await contents(await gitSource(repo.dir, 'HEAD'))).toEqual({ 'a.yaml': configYaml('a', 2), 'b.yml': configYaml('b', 1), 'licensectl.yaml': PROJECT });
    const atMain = await gitSource(repo.dir, 'main~1');
    expect(atMain.sha).toBe(first);
    expect((await gitSource(repo.dir, 'main')).sha).toBe(second);
  });

  it('names the source after the ref as typed, and its files REF:path', async () => {
    const repo = await repoWith({ 'licensectl.yaml': PROJECT });
    await repo.commit('first');
    const source = await gitSource(repo.dir, 'HEAD~0');
    expect([source.label, source.ref, source.displayPath('x/a.yaml')]).toEqual(['HEAD~0', 'HEAD~0', 'HEAD~0:x/a.yaml']);
  });

  it('selects files as a directory source does: YAML only, no dot-folders or node_modules, sorted', async () => {
    const files = {
      'licensectl.yaml': PROJECT, 'z.yaml': 'z: 1\n', 'b/a.yml': 'a: 1\n', 'B.yaml': 'B: 1\n', 'notes.md': '# no\n',
      '.github/workflows/ci.yaml': 'on: push\n', '.gitlab-ci.yml': 'x: 1\n', 'node_modules/pkg/a.yaml': 'x: 1\n', 'b/.hidden/c.yaml': 'x: 1\n',
    };
    const repo = await repoWith(files);
    await repo.commit('first');
    const expected = ['B.yaml', 'b/a.yml', 'licensectl.yaml', 'z.yaml'];
    expect(await (await gitSource(repo.dir, 'main')).list()).toEqual(expected);
    expect(await directorySource(repo.dir).list()).toEqual(expected);
  });

  it('reads a subdirectory with paths relative to it, and from a bare repository', async () => {
    const repo = await repoWith({ 'infra/licenses/licensectl.yaml': PROJECT, 'infra/licenses/team/a.yaml': configYaml('a', 1), 'infra/other.yaml': 'x: 1\n', 'top.yaml': 'x: 1\n' });
    await repo.commit('first');
    const source = await gitSource(path.join(repo.dir, 'infra/licenses'), 'main');
    expect(await contents(source)).toEqual({ 'licensectl.yaml': PROJECT, 'team/a.yaml': configYaml('a', 1) });
    expect(source.displayPath('team/a.yaml')).toBe('main:team/a.yaml');

    const bare = await tempDir();
    dirs.push(bare);
    await repo.git.clone(repo.dir, bare, ['--bare']);
    expect(await (await gitSource(bare, 'main')).list()).toEqual(['infra/licenses/licensectl.yaml', 'infra/licenses/team/a.yaml', 'infra/other.yaml', 'top.yaml']);
  });

  it('follows symbolic links inside the commit, skips dangling ones, and refuses links out of the repository', async () => {
    const repo = await repoWith({ 'licensectl.yaml': PROJECT, 'shared/a.yaml': configYaml('a', 1) });
    await repo.link('p/licensectl.yaml', '../licensectl.yaml');
    await repo.link('p/a.yaml', '../shared/a.yaml');
    await repo.link('p/dangling.yaml', 'nowhere.yaml');
    await repo.link('p/outside.yaml', '../../../../etc/hostname');
    await repo.commit('links');
    const source = await gitSource(path.join(repo.dir, 'p'), 'main');
    expect(await source.list()).toEqual(['a.yaml', 'licensectl.yaml', 'outside.yaml']);
    expect(Buffer.from(await source.read('a.yaml')).toString()).toBe(configYaml('a', 1));
    const error = await failure(source.read('outside.yaml'));
    expect([error.code, error.message]).toEqual(['GIT_LINK_OUTSIDE_REPOSITORY', 'main:outside.yaml is a symbolic link out of the repository (to ../../../etc/hostname, from its top)']);
  });

  it('refuses a file over the size limit without reading it, and a path that is not in the commit', async () => {
    const repo = await repoWith({ 'licensectl.yaml': PROJECT });
    await writeFile(path.join(repo.dir, 'huge.yaml'), Buffer.alloc(MAX_FILE_BYTES + 1, 0x20));
    await repo.commit('huge');
    const source = await gitSource(repo.dir, 'main');
    const huge = await failure(source.read('huge.yaml'));
    expect([huge.code, huge.message]).toEqual(['FILE_TOO_LARGE', 'file is 5.0 MiB; the limit is 5.0 MiB']);
    const missing = await failure(source.read('missing.yaml'));
    expect([missing.code, missing.message]).toEqual(['FILE_NOT_FOUND', 'main:missing.yaml does not exist']);
  });

  it('refuses an unknown ref, and a directory outside any repository', async () => {
    const repo = await repoWith({ 'licensectl.yaml': PROJECT });
    await repo.commit('first');
    const unknown = await failure(gitSource(repo.dir, 'nope'));
    expect([unknown.code, unknown.message]).toEqual(['UNKNOWN_GIT_REF', "unknown git ref 'nope'"]);
    const plain = await tempDir();
    dirs.push(plain);
    const outside = await failure(gitSource(plain, 'main'));
    expect([outside.code, outside.message]).toEqual(['NOT_A_GIT_REPOSITORY', `${plain} is not inside a git repository`]);
  });
});
