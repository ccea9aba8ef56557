// Where `--repo` clones live by default: the OS cache folder, as other CLI tools keep theirs.
import { homedir } from 'node:os';
import path from 'node:path';

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.XDG_CACHE_HOME) return path.join(env.XDG_CACHE_HOME, 'licensectl');
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'licensectl');
  if (platform === 'win32' && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, 'licensectl', 'Cache');
  return path.join(home, '.cache', 'licensectl');
}
