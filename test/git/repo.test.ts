// findRepo and resolveRef: where the repository is, and which commit a ref names.
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LicensectlError } from '../../src/errors/index.js';
import { findRepo, resolveRef } from '../../src/git/repo.js';
import { removeDir } from '../helpers/cli.js';
import { initRepo, tempDir, testRepo } from './repo-helpers.js';

describe('findRepo and resolveRef', () => {
  const dirs: string[] = [];
  afterAll(async () => { for (const d of dirs) await removeDir(d); });

  it('finds the top and the prefix of a directory, from the top, a subdirectory and a bare repository', async () => {
    const repo = await testRepo({ 'a/b c/licensectl.yaml': 'x: 1\n' });
    const bare = await tempDir();
    const plain = await tempDir();
    dirs.push(repo.dir, bare, plain);
    await initRepo(bare, ['--bare']);
    const root = await realpath(repo.dir);
    expect(await findRepo(repo.dir)).toEqual({ root, prefix: '', bare: false });
    expect(await findRepo(path.join(repo.dir, 'a/b c'))).toEqual({ root, prefix: 'a/b c', bare: false });
    expect(await findRepo(bare)).toEqual({ root: await realpath(bare), prefix: '', bare: true });
    expect(await findRepo(plain)).toBeNull();
    expect(await findRepo(path.join(plain, 'missing'))).toBeNull();
    expect(await findRepo(path.join(repo.dir, 'a/b c/licensectl.yaml'))).toBeNull();
  });

  it('resolves branches, tags, short SHAs and HEAD~N to full SHAs, and names an unknown ref', async () => {
    const repo = await testRepo({ 'a.yaml': 'a: 1\n' });
    dirs.push(repo.dir);
    const first = await repo.commit('first');
    await repo.git.addTag('v1.0.0');
    await repo.write({ 'a.yaml': 'a: 2\n' });
    const second = await repo.commit('second');
    expect(await Promise.all(['main', 'HEAD', 'HEAD~1', 'main^', 'v1.0.0', first.slice(0, 8), 'refs/heads/main'].map((r) => resolveRef(repo.dir, r))))
      .toEqual([second, second, first, first, first, first, second]);
    const error = (await resolveRef(repo.dir, 'nope').catch((e: unknown) => e)) as LicensectlError;
    expect(error).toMatchObject({ code: 'UNKNOWN_GIT_REF', message: "unknown git ref 'nope'" });
    expect(error.hint).toContain('fetch-depth: 0');
  });
});
