// A throwaway bare repository and a working clone that pushes to it, as a team's git server would be.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleGit } from 'simple-git';
import { removeDir } from '../helpers/cli.js';

export interface PushingRepo {
  /** The bare repository: what `watch --repo` follows. */
  readonly bare: string;
  /** Writes the files, commits and pushes to main; resolves with the new commit's SHA. */
  push(files: Record<string, string>, message: string): Promise<string>;
  remove(): Promise<void>;
}

export async function pushingRepo(files: Record<string, string>): Promise<PushingRepo> {
  const root = await mkdtemp(path.join(tmpdir(), 'licensectl-git-'));
  const bare = path.join(root, 'origin.git');
  const work = path.join(root, 'work');
  await simpleGit().init(true, [bare, '--initial-branch=main']);
  await simpleGit().clone(bare, work);
  const git = simpleGit(work).addConfig('user.name', 'Test').addConfig('user.email', 'test@example.com');
  await git.checkout(['-B', 'main']);
  const push = async (changed: Record<string, string>, message: string) => {
    await Promise.all(Object.entries(changed).map(([name, content]) => writeFile(path.join(work, name), content)));
    await git.add('.');
    await git.commit(message);
    await git.push('origin', 'main');
    return (await git.revparse(['HEAD'])).trim();
  };
  await push(files, 'initial');
  return { bare, push, remove: () => removeDir(root) };
}
