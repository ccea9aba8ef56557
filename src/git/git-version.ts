// Which git is installed, asked once per process: `--end-of-options` is only understood by newer versions.
import { git } from './run-git.js';

let version: Promise<readonly number[]> | undefined;

/** The installed git's version as numbers, e.g. [2, 39, 5]. */
export function gitVersion(cwd: string): Promise<readonly number[]> {
  version ??= git(cwd, ['version'], { code: 'GIT_UNAVAILABLE', message: 'cannot ask git for its version' })
    .then((out) => (/(\d+)\.(\d+)(?:\.(\d+))?/.exec(out.toString()) ?? []).slice(1).map((n) => Number(n ?? 0)))
    .catch((error: unknown) => {
      version = undefined; // a missing folder or git now is no reason to fail every later call
      throw error;
    });
  return version;
}

/**
 * `--end-of-options` for `git rev-parse` (git 2.30 and later), or nothing. Refs are validated before they
 * get here, so older gits stay safe; the marker is a second line of defence, not the only one.
 */
export async function endOfOptions(cwd: string): Promise<string[]> {
  const [major = 0, minor = 0] = await gitVersion(cwd);
  return major > 2 || (major === 2 && minor >= 30) ? ['--end-of-options'] : [];
}
