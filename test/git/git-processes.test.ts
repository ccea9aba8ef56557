// Which git processes run: none at all for a hostile ref, and a fixed handful for a thousand files.
import * as childProcess from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadDesiredState } from '../../src/config/load.js';
import { gitSource } from '../../src/config/source.js';
import type { LicensectlError } from '../../src/errors/index.js';
import { fetchBranch, resolveRef } from '../../src/git/index.js';
import { removeDir } from '../helpers/cli.js';
import { configYaml, tempDir, testRepo, type TestRepo } from './repo-helpers.js';

vi.mock('node:child_process', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:child_process')>();
  return { ...actual, spawn: vi.fn(actual.spawn) };
});
const spawned = vi.mocked(childProcess.spawn);

const PROJECT = 'apiVersion: licensectl/v1\nkind: Project\nmetadata: {name: p}\nspec: {}\n';

async function refusal(promise: Promise<unknown>): Promise<LicensectlError> {
  return promise.then(() => { throw new Error('expected a refusal'); }, (error: unknown) => error as LicensectlError);
}

describe('git processes', () => {
  let repo: TestRepo;
  let marker: string;
  beforeAll(async () => {
    repo = await testRepo({ 'licensectl.yaml': PROJECT });
    await repo.commit('first');
    marker = path.join(await tempDir('licensectl-pwned-'), 'pwned');
  });
  afterAll(async () => { await removeDir(repo.dir); await removeDir(path.dirname(marker)); });
  beforeEach(() => { spawned.mockClear(); });

  it.each([
    () => `--upload-pack=touch ${marker}`,
    () => 'a..b',
    () => '-x',
    () => 'HEAD@{1}',
  ])('refuses a hostile ref (%#) with BAD_GIT_REF before any git runs', async (hostile) => {
    const ref = hostile();
    const attempts = [
      () => gitSource(repo.dir, ref), () => resolveRef(repo.dir, ref), () => fetchBranch(repo.dir, ref),
    ];
    for (const attempt of attempts) expect((await refusal(attempt())).code).toBe('BAD_GIT_REF');
    expect(spawned).not.toHaveBeenCalled();
    expect(existsSync(marker)).toBe(false);
  });

  it('names an unknown ref', async () => {
    const error = await refusal(gitSource(repo.dir, 'nope'));
    expect([error.code, error.message]).toEqual(['UNKNOWN_GIT_REF', "unknown git ref 'nope'"]);
  });

  it('loads a thousand files from a commit with a fixed number of git processes', async () => {
    const big = await testRepo({ 'licensectl.yaml': PROJECT });
    try {
      await big.write(Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`team-${i % 10}/c${i}.yaml`, configYaml(`c${i}`, i + 1)])));
      await big.commit('a thousand files');
      spawned.mockClear();
      const started = performance.now();
      const result = await loadDesiredState(await gitSource(big.dir, 'main'));
      const elapsed = performance.now() - started;
      expect(result.diagnostics).toEqual([]);
      expect(result.state?.resources.length ?? result.state).toBe(1000);
      // rev-parse ×2 (repository, ref), ls-tree, cat-file for the project file, cat-file for all the rest
      // (`git version` is asked once per process, by whichever test runs first).
      const commands = spawned.mock.calls.map((call) => call[1]?.[0]).filter((command) => command !== 'version');
      expect(commands).toEqual(['rev-parse', 'rev-parse', 'ls-tree', 'cat-file', 'cat-file']);
      expect(elapsed).toBeLessThan(5000); // one process per file would take far longer; loose objects are slow to read
    } finally {
      await removeDir(big.dir);
    }
  });
});
