// Throwaway git repositories for tests, built with simple-git.
import { appendFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';

export interface TestRepo {
  readonly dir: string;
  readonly git: SimpleGit;
  write(files: Record<string, string>): Promise<void>;
  /** Writes the files and adds them to the index, without committing. */
  stage(files: Record<string, string>): Promise<void>;
  link(name: string, target: string): Promise<void>;
  remove(...files: string[]): Promise<void>;
  /** Commits everything in the working tree; returns the new commit's SHA. */
  commit(message: string): Promise<string>;
}

export async function tempDir(prefix = 'licensectl-git-'): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

/** Sets up a git with a known identity and branch name, whatever the machine's global configuration. */
export async function initRepo(dir: string, options: string[] = []): Promise<SimpleGit> {
  const git = simpleGit(dir);
  await git.init([...options, '--initial-branch=main']);
  // Written straight into the repository's own config: three `git config` processes per repository add up.
  const config = options.includes('--bare') ? path.join(dir, 'config') : path.join(dir, '.git', 'config');
  await appendFile(config, '[user]\n\tname = Test\n\temail = test@example.invalid\n[commit]\n\tgpgsign = false\n[tag]\n\tgpgsign = false\n');
  return git;
}

export async function testRepo(files: Record<string, string> = {}): Promise<TestRepo> {
  const dir = await tempDir();
  const git = await initRepo(dir);
  const write = async (more: Record<string, string>): Promise<void> => {
    for (const [name, content] of Object.entries(more)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), content);
    }
  };
  const repo: TestRepo = {
    dir,
    git,
    write,
    stage: async (more) => {
      await write(more);
      await git.add(Object.keys(more));
    },
    link: async (name, target) => {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await symlink(target, path.join(dir, name));
    },
    remove: async (...names) => { for (const name of names) await rm(path.join(dir, name)); },
    commit: async (message) => {
      await git.add(['-A']);
      await git.commit(message);
      return (await git.revparse(['HEAD'])).trim();
    },
  };
  await write(files);
  return repo;
}

/** A one-document YAML file, enough to tell commits apart by content. */
export function configYaml(name: string, count: number): string {
  return `apiVersion: licensectl/v1\nkind: LicenseConfiguration\nmetadata: {name: ${name}}\nspec: {countingType: Core, licenseCount: ${count}}\n`;
}
