// What a watcher is started with, made from the command's flags and checked before anything starts.
import type { StoreFlags } from '../app/open-store.js';
import { LicensectlError } from '../errors/index.js';
import { defaultCacheDir } from './cache-dir.js';
import { parseDuration } from '../util/duration.js';
import { parseListen, type ListenAddress } from './listen-address.js';
import type { WatchMode } from './reconcile.js';

export type SourceSpec =
  | { readonly type: 'directory'; readonly dir: string }
  | { readonly type: 'git'; readonly repo: string; readonly branch: string; readonly cacheDir: string; readonly gitIntervalMs: number };

export interface WatchOptions {
  readonly source: SourceSpec;
  readonly intervalMs: number;
  readonly mode: WatchMode;
  readonly listen: ListenAddress;
  readonly maxDeletes?: number;
  readonly storeFlags: StoreFlags;
  /** LICENSECTL_WEBHOOK_SECRET; without it POST /webhook answers 401. */
  readonly webhookSecret?: string;
}

export interface WatchFlags extends StoreFlags {
  readonly dir?: string;
  readonly repo?: string;
  readonly branch: string;
  readonly 'cache-dir'?: string;
  readonly 'git-interval': string;
  readonly interval: string;
  readonly mode: string;
  readonly listen: string;
  readonly 'max-deletes'?: number;
}

export function watchOptionsFrom(flags: WatchFlags, env: NodeJS.ProcessEnv = process.env): WatchOptions {
  const maxDeletes = flags['max-deletes'];
  const storeFlags: StoreFlags = { store: flags.store, region: flags.region, profile: flags.profile, endpoint: flags.endpoint, state: flags.state, concurrency: flags.concurrency };
  return {
    source: sourceSpec(flags, env),
    intervalMs: parseDuration(flags.interval, 'interval'),
    mode: watchMode(flags.mode),
    listen: parseListen(flags.listen),
    ...(maxDeletes === undefined ? {} : { maxDeletes }),
    storeFlags,
    ...(env.LICENSECTL_WEBHOOK_SECRET ? { webhookSecret: env.LICENSECTL_WEBHOOK_SECRET } : {}),
  };
}

function sourceSpec(flags: WatchFlags, env: NodeJS.ProcessEnv): SourceSpec {
  if (flags.dir !== undefined && flags.repo !== undefined) {
    throw new LicensectlError('USAGE', '--dir and --repo cannot be used together', { hint: 'watch a directory (--dir) or a git branch (--repo URL --branch B), not both' });
  }
  if (flags.repo === undefined) return { type: 'directory', dir: flags.dir ?? '.' };
  return {
    type: 'git', repo: flags.repo, branch: flags.branch,
    cacheDir: flags['cache-dir'] ?? defaultCacheDir(env),
    gitIntervalMs: parseDuration(flags['git-interval'], 'git-interval'),
  };
}

function watchMode(mode: string): WatchMode {
  if (mode === 'correct' || mode === 'warn') return mode;
  throw new LicensectlError('USAGE', `--mode must be correct or warn, got ${JSON.stringify(mode)}`, { hint: 'correct applies drift fixes; warn only reports drift' });
}
