// The controller: one reconcile loop fed by its triggers (file changes, git fetches, the interval timer,
// webhooks), observed through one HTTP server. Start-up problems throw (the command exits 1); after
// start, nothing ends the watcher except stop().
import { checkOnlyTargets } from '../app/planning.js';
import { isErrorCode, LicensectlError } from '../errors/index.js';
import { formatDuration } from '../util/duration.js';
import { SyncedDocuments } from './change-causes.js';
import { directoryDesired, watchDirectory, type FileWatch } from './directory-source.js';
import { GitPoller, GitTracker, type GitOps } from './git-source.js';
import { createLogger, logReconcile, type Logger } from './log.js';
import { Notifier, type NotifierOptions } from './notifier.js';
import { EventTracker } from './notify-events.js';
import { errorInfoOf } from './outcome.js';
import { PruneGrace } from './prune-grace.js';
import { DesiredMemory, reconcileOnce, type DesiredSource, type Revision } from './reconcile.js';
import { StoreHolder } from './store-holder.js';
import { ReconcileLoop, type Random } from './schedule.js';
import { startWatchServer, type RunningWatchServer, type WebhookReply } from './server.js';
import { WatchStatus } from './status.js';
import { WatchMetrics } from './watch-metrics.js';
import type { WatchOptions } from './watch-options.js';

export interface WatcherDeps {
  readonly git: GitOps & { sourceRevision(dir: string): Promise<Revision> };
  readonly logger?: Logger;
  /** Epoch milliseconds for the status, the schedule and each pass's start. */
  readonly clock?: () => number;
  /** The jitter of the interval and of the backoff. */
  readonly random?: Random;
  /** --notify's retries and timeout (tests shorten them). */
  readonly notify?: Pick<NotifierOptions, 'attempts' | 'backoff' | 'timeoutMs'>;
}

export interface RunningWatcher {
  readonly url: string;
  /** Stops the triggers, lets the pass in flight end (its apply starts no further change), closes the server. */
  stop(): Promise<void>;
}

export async function startWatcher(options: WatchOptions, deps: WatcherDeps): Promise<RunningWatcher> {
  const logger = deps.logger ?? createLogger(undefined, options.logFormat);
  // The port first: a busy one fails the start at once, before a clone or a read.
  const server = await startWatchServer(options.listen);
  try {
    return await startOn(server, options, deps, logger);
  } catch (error) {
    await server.close();
    throw error;
  }
}

async function startOn(server: RunningWatchServer, options: WatchOptions, deps: WatcherDeps, logger: Logger): Promise<RunningWatcher> {
  const { source, tracker } = await openSource(options, deps);
  const targeted = await preflight(source, options.onlyTargets ?? []);
  const status = new WatchStatus({ mode: options.mode, intervalMs: options.intervalMs, source: source.description, clock: deps.clock });
  const metrics = new WatchMetrics(deps.clock, targeted);
  const stores = new StoreHolder((store, label) => store.stats.onCall((operation, result) => metrics.countCall(operation, result, label)));
  const memory = new DesiredMemory();
  const synced = new SyncedDocuments();
  const grace = new PruneGrace(options.pruneGraceMs);
  const notifier = new Notifier({ urls: options.notify ?? [], secret: options.notifySecret, logger, ...deps.notify });
  const events = new EventTracker();
  const loop = new ReconcileLoop({
    pass: (signal) => reconcileOnce({
      source, mode: options.mode, storeFlags: options.storeFlags, maxDeletes: options.maxDeletes, allow: options.allow, memory, synced, grace, stores, signal, clock: deps.clock,
      ...(options.onlyTargets?.length ? { onlyTargets: options.onlyTargets } : {}),
    }),
    status,
    observe: (record) => {
      metrics.observe(record);
      logReconcile(logger, record);
      if (options.notify?.length) for (const notification of events.eventsOf(record)) notifier.send(notification);
    },
    intervalMs: options.intervalMs, clock: deps.clock, random: deps.random,
  });
  const poller = tracker && options.source.type === 'git' ? gitPoller(tracker, options.source.gitIntervalMs, loop, status, logger, deps.clock) : null;
  const files = options.source.type !== 'directory' ? null : await watchDirectory(options.source.dir, {
    onChange: () => loop.request('file'),
    onError: (error) => logger.warn({ event: 'file-watch', errorCode: errorInfoOf(error).code, error: error.message }, 'file watching failed'),
  });
  server.serve({ status, metrics, webhookSecret: options.webhookSecret, onPush: (ref) => onPush(ref, tracker, poller, loop) });
  poller?.start();
  loop.request('start');
  logger.info({
    event: 'start', url: server.url, source: source.description, mode: options.mode, intervalMs: options.intervalMs, pruneGraceMs: options.pruneGraceMs,
  }, `watching ${describeSource(source)} (--mode ${options.mode}, --interval ${formatDuration(options.intervalMs)}, --prune-grace ${options.pruneGraceMs === 0 ? '0' : formatDuration(options.pruneGraceMs)}); serving on ${server.url}`);
  return { url: server.url, stop: () => shutdown(loop, files, poller, stores, server, notifier, logger) };
}

function describeSource(source: DesiredSource): string {
  const d = source.description;
  return d.type === 'directory' ? d.dir : `${d.repo} (branch ${d.branch})`;
}

async function openSource(options: WatchOptions, deps: WatcherDeps): Promise<{ source: DesiredSource; tracker: GitTracker | null }> {
  const spec = options.source;
  if (spec.type === 'directory') {
    const revisionOf = (dir: string) => deps.git.sourceRevision(dir).catch(() => ({ revision: null, dirty: null }));
    return { source: directoryDesired(spec.dir, revisionOf), tracker: null };
  }
  const tracker = await GitTracker.open(spec.repo, spec.branch, spec.cacheDir, deps.git);
  // Store paths (an embedded emulator's state file) resolve against where the watcher runs, not the cache.
  return { source: tracker.desired(process.cwd()), tracker };
}

const FATAL_AT_START = new Set<string>(['DIRECTORY_NOT_FOUND', 'NOT_A_DIRECTORY', 'PROJECT_FILE_MISSING', 'LIST_FAILED']);

/**
 * Problems that make watching pointless from the start (no directory, no licensectl.yaml) end the command
 * with exit 1. Anything else wrong with the desired state is reported by the running watcher instead,
 * which waits for a fix: a bad commit must not stop a controller that has to run for weeks. Says whether the project
 * has spec.targets (the metrics' shape, until a pass says otherwise).
 */
async function preflight(source: DesiredSource, onlyTargets: readonly string[]): Promise<boolean> {
  const { result } = await source.read();
  const fatal = result.diagnostics.find((d) => d.severity === 'error' && FATAL_AT_START.has(d.code));
  if (fatal && isErrorCode(fatal.code)) throw new LicensectlError(fatal.code, fatal.message, { ...(fatal.hint ? { hint: fatal.hint } : {}) });
  // --only-targets that selects nothing (or a project without targets) would fail every pass: refused at start.
  if (result.state) checkOnlyTargets(result.state.project, onlyTargets);
  return Boolean(result.state?.project.targets?.length);
}

function gitPoller(tracker: GitTracker, intervalMs: number, loop: ReconcileLoop, status: WatchStatus, logger: Logger, clock?: () => number): GitPoller {
  return new GitPoller(tracker, {
    intervalMs,
    clock,
    onMoved: (triggers) => triggers.forEach((t) => loop.request(t)),
    onFetched: (report) => {
      status.fetched(report);
      if (report.error) {
        const { code, message } = errorInfoOf(report.error);
        logger.warn({ event: 'fetch', errorCode: code, error: message }, 'git fetch failed; keeping the last fetched commit');
      } else if (report.moved) {
        logger.info({ event: 'fetch', revision: report.sha }, 'new commit');
      }
    },
  });
}

/** Without --repo a push reconciles at once; with it, only a push to the watched branch fetches. */
function onPush(ref: string | undefined, tracker: GitTracker | null, poller: GitPoller | null, loop: ReconcileLoop): WebhookReply {
  if (!tracker) {
    loop.request('webhook');
    return { accepted: true, reason: 'reconciling' };
  }
  const wanted = `refs/heads/${tracker.branch}`;
  if (ref !== undefined && ref !== wanted) return { accepted: false, reason: `push to ${ref}; watching ${wanted}` };
  poller?.fetchNow();
  return { accepted: true, reason: 'fetching' };
}

async function shutdown(
  loop: ReconcileLoop, files: FileWatch | null, poller: GitPoller | null, stores: StoreHolder, server: RunningWatchServer, notifier: Notifier, logger: Logger,
): Promise<void> {
  logger.info({ event: 'stopping' }, 'stopping: no new passes; changes in flight finish');
  const passesEnded = loop.stop();
  await Promise.all([files?.close(), poller?.stop(), passesEnded]);
  stores.close();
  // The notifications of the last passes get a few seconds to go out.
  await notifier.stop();
  await server.close();
  logger.info({ event: 'stopped' }, 'stopped');
  logger.flush();
}

export const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Resolves on the first SIGINT or SIGTERM, for a clean stop; a second signal while the watcher stops ends
 * it at once, for the operator who cannot wait for a slow store call to finish.
 */
export function untilStopSignal(onSecond: (signal: NodeJS.Signals) => void = () => process.exit(1)): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const first = (signal: NodeJS.Signals) => {
      for (const s of STOP_SIGNALS) {
        process.off(s, first);
        process.once(s, onSecond);
      }
      resolve(signal);
    };
    for (const s of STOP_SIGNALS) process.on(s, first);
  });
}
