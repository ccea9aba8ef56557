// What a watcher is started with, made from the command's flags and checked before anything starts.
import { homedir } from 'node:os';
import path from 'node:path';
import type { FindingFlags } from '../app/findings-gate.js';
import type { StoreFlags } from '../app/open-store.js';
import { LicensectlError } from '../errors/index.js';
import { parseDuration } from '../util/duration.js';
import { defaultLogFormat, LOG_FORMATS, type LogFormat } from './log.js';
import type { WatchMode } from './judge-plan.js';

export type SourceSpec =
  | { readonly type: 'directory'; readonly dir: string }
  | { readonly type: 'git'; readonly repo: string; readonly branch: string; readonly cacheDir: string; readonly gitIntervalMs: number };

export interface ListenAddress {
  readonly host: string;
  readonly port: number;
}

export interface WatchOptions {
  readonly source: SourceSpec;
  readonly intervalMs: number;
  readonly mode: WatchMode;
  readonly listen: ListenAddress;
  readonly maxDeletes?: number;
  /** How long a managed resource's document must stay absent before the resource is deleted; 0 deletes at once. */
  readonly pruneGraceMs: number;
  readonly logFormat: LogFormat;
  readonly storeFlags: StoreFlags;
  /** LICENSECTL_WEBHOOK_SECRET; without it POST /webhook answers 401. */
  readonly webhookSecret?: string;
  /** --allow-overage / --allow-in-use: error findings that do not refuse a correction. */
  readonly allow?: FindingFlags;
  /** --notify: where each event is POSTed. */
  readonly notify?: readonly string[];
  /** LICENSECTL_NOTIFY_SECRET; without it notifications go unsigned (as Slack's incoming webhooks take them). */
  readonly notifySecret?: string;
  /** --only-targets: with spec.targets, the targets this watcher reconciles (several watchers split an organization). */
  readonly onlyTargets?: readonly string[];
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
  readonly 'prune-grace': string;
  readonly 'log-format'?: string;
  readonly 'allow-overage'?: boolean;
  readonly 'allow-in-use'?: boolean;
  readonly notify?: readonly string[];
  readonly 'only-targets'?: readonly string[];
}

/** `isTTY`: whether stdout is a terminal, which decides the log format when --log-format is not given. */
export function watchOptionsFrom(flags: WatchFlags, env: NodeJS.ProcessEnv = process.env, isTTY: boolean | undefined = process.stdout.isTTY): WatchOptions {
  const maxDeletes = flags['max-deletes'];
  const storeFlags: StoreFlags = { store: flags.store, region: flags.region, profile: flags.profile, endpoint: flags.endpoint, state: flags.state, concurrency: flags.concurrency };
  return {
    source: sourceSpec(flags, env),
    intervalMs: parseDuration(flags.interval, 'interval'),
    mode: watchMode(flags.mode),
    listen: parseListen(flags.listen),
    ...(maxDeletes === undefined ? {} : { maxDeletes }),
    pruneGraceMs: parseDuration(flags['prune-grace'], 'prune-grace', true),
    logFormat: flags['log-format'] === undefined ? defaultLogFormat(isTTY) : logFormat(flags['log-format']),
    storeFlags,
    ...(env.LICENSECTL_WEBHOOK_SECRET ? { webhookSecret: env.LICENSECTL_WEBHOOK_SECRET } : {}),
    allow: { 'allow-overage': flags['allow-overage'] === true, 'allow-in-use': flags['allow-in-use'] === true },
    notify: (flags.notify ?? []).map(notifyUrl),
    ...(env.LICENSECTL_NOTIFY_SECRET ? { notifySecret: env.LICENSECTL_NOTIFY_SECRET } : {}),
    ...(flags['only-targets']?.length ? { onlyTargets: flags['only-targets'] } : {}),
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

function notifyUrl(text: string): string {
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    // reported below
  }
  if (url && (url.protocol === 'http:' || url.protocol === 'https:')) return url.href;
  throw new LicensectlError('USAGE', `--notify must be an http or https URL, got ${JSON.stringify(text)}`, { hint: 'for example https://hooks.slack.com/services/… or http://127.0.0.1:8080/licensectl' });
}

function watchMode(mode: string): WatchMode {
  if (mode === 'correct' || mode === 'warn') return mode;
  throw new LicensectlError('USAGE', `--mode must be correct or warn, got ${JSON.stringify(mode)}`, { hint: 'correct applies drift fixes; warn only reports drift' });
}

function logFormat(text: string): LogFormat {
  const found = LOG_FORMATS.find((f) => f === text);
  if (found) return found;
  throw new LicensectlError('USAGE', `--log-format must be text or json, got ${JSON.stringify(text)}`, { hint: 'text: readable lines (the default on a terminal); json: one JSON object per line (the default otherwise)' });
}

/** Where `--repo` clones live by default: the OS cache folder, as other CLI tools keep theirs. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.XDG_CACHE_HOME) return path.join(env.XDG_CACHE_HOME, 'licensectl');
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'licensectl');
  if (platform === 'win32' && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, 'licensectl', 'Cache');
  return path.join(home, '.cache', 'licensectl');
}

export const DEFAULT_LISTEN = '127.0.0.1:9464';
const ALL_INTERFACES = '0.0.0.0';
const LISTEN_FORM = /^(?:\[([0-9a-fA-F:.]+)\]|([^:\s[\]]*)):(\d{1,5})$/;

/** `--listen`: `host:port`, `[v6]:port`, or `:port` for every interface, as Go servers and Prometheus exporters read it. */
export function parseListen(text: string): ListenAddress {
  const match = LISTEN_FORM.exec(text.trim());
  const port = Number(match?.[3]);
  if (!match || !Number.isInteger(port) || port > 65_535) {
    throw new LicensectlError('BAD_LISTEN', `--listen must be host:port or :port, got ${JSON.stringify(text)}`, {
      hint: `for example ${DEFAULT_LISTEN} (this machine only) or :9464 (every interface); port 0 picks a free one`,
    });
  }
  const host = match[1] ?? (match[2] || ALL_INTERFACES);
  return { host, port };
}

/** The URL a client on this machine would use. */
export function urlOf(address: ListenAddress): string {
  const host = address.host === ALL_INTERFACES ? '127.0.0.1' : address.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}
