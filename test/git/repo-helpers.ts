// Throwaway git repositories for tests, built with simple-git.
import { mkdtemp, writeFile, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';

export interface TestRepo {
  readonly dir: string;
  readonly git: SimpleGit;
  write(files: Record<string, string>): Promise<void>;
  remove(...files: string[]): Promise<void>;
  commit(message: string): Promise<string>;
}

export async function testRepo(files: Record<string, string> = {}): Promise<TestRepo> {
  const dir = await mkdtemp(path.join(tmpdir(), 'licensectl-git-'));
  const git = simpleGit(dir);
  await git.init(['--initial-branch=main']);
  await git.addConfig('user.name', 'Test').addConfig('user.email', 'test@example.invalid').addConfig('commit.gpgsign', 'false');
  const repo: TestRepo = {
    dir,
    git,
    write: async (more) => {
      for (const [name, content] of Object.entries(more)) {
        await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
        await writeFile(path.join(dir, name), content);
      }
    },
    remove: async (...names) => { for (const name of names) await rm(path.join(dir, name)); },
    commit: async (message) => {
      await git.add(['-A']);
      await git.commit(message);
      return (await git.revparse(['HEAD'])).trim();
    },
  };
  await repo.write(files);
  return repo;
}
