// The controller: one reconcile loop fed by its triggers (file changes, git fetches, the interval timer,
// webhooks), observed through one HTTP server. Start-up problems throw (the command exits 1); after
// start, nothing ends the watcher except stop().
import { Backoff } from './backoff.js';
import { CoalescingQueue } from './coalescing-queue.js';
import { directoryDesired, type DesiredSource, type Revision } from './desired-source.js';
import { DesiredMemory } from './desired-memory.js';
import { watchDirectory, type FileTrigger } from './file-trigger.js';
import { GitPoller } from './git-poller.js';
import { GitTracker, type GitOps } from './git-tracker.js';
import { createLogger, type Logger } from './log.js';
import { WatchMetrics } from './metrics.js';
import { errorInfoOf } from './outcome.js';
import { PassTimer } from './pass-timer.js';
import { preflight } from './preflight.js';
import { ReconcileRunner } from './reconcile-runner.js';
import { startWatchServer, type RunningWatchServer } from './server.js';
import { StoreHolder } from './store-holder.js';
import type { Trigger } from './triggers.js';
import type { WebhookReply } from './webhook.js';
import type { WatchOptions } from './watch-options.js';
import { WatchStatus } from './watch-status.js';

export interface WatcherDeps {
  readonly git: GitOps & { sourceRevision(dir: string): Promise<Revision> };
  readonly logger?: Logger;
}

export interface RunningWatcher {
  readonly url: string;
  /** Stops the triggers, lets the pass in flight end (its apply starts no further change), closes the server. */
  stop(): Promise<void>;
}

interface Prepared {
  readonly source: DesiredSource;
  readonly tracker: GitTracker | null;
}

export async function startWatcher(options: WatchOptions, deps: WatcherDeps): Promise<RunningWatcher> {
  const logger = deps.logger ?? createLogger();
  const prepared = await prepareSource(options, deps);
  await preflight(prepared.source);
  const parts = assemble(options, prepared, logger);
  const server = await startWatchServer(options.listen, {
    status: parts.status, metrics: parts.metrics, webhookSecret: options.webhookSecret, onPush: (ref) => onPush(ref, prepared.tracker, parts),
  });
  const files = await startTriggers(options, parts, logger).catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  parts.queue.request('start');
  logger.info({ event: 'start', url: server.url, source: prepared.source.description, mode: options.mode, intervalMs: options.intervalMs }, `watching; serving on ${server.url}`);
  return { url: server.url, stop: () => shutdown(parts, files, server, logger) };
}

async function prepareSource(options: WatchOptions, deps: WatcherDeps): Promise<Prepared> {
  const spec = options.source;
  if (spec.type === 'directory') {
    const revisionOf = (dir: string) => deps.git.sourceRevision(dir).catch(() => ({ revision: null, dirty: null }));
    return { source: directoryDesired(spec.dir, revisionOf), tracker: null };
  }
  const tracker = await GitTracker.open(spec.repo, spec.branch, spec.cacheDir, deps.git);
  // Store paths (an embedded emulator's state file) resolve against where the watcher runs, not the cache.
  return { source: tracker.desired(process.cwd()), tracker };
}

interface Parts {
  readonly status: WatchStatus;
  readonly metrics: WatchMetrics;
  readonly queue: CoalescingQueue<Trigger>;
  readonly timer: PassTimer;
  readonly runner: ReconcileRunner;
  readonly stores: StoreHolder;
  /** With --repo; started with the other triggers. */
  readonly poller: GitPoller | null;
}

function assemble(options: WatchOptions, prepared: Prepared, logger: Logger): Parts {
  const status = new WatchStatus({ mode: options.mode, intervalMs: options.intervalMs, source: prepared.source.description });
  const metrics = new WatchMetrics();
  // The timer fires only after start, by when `passes` exists.
  const timer = new PassTimer((trigger) => passes.request(trigger), (at) => status.scheduled(at));
  const stores = new StoreHolder((store) => store.stats.onCall((operation, result) => metrics.countCall(operation, result)));
  const runner = new ReconcileRunner({
    context: { source: prepared.source, mode: options.mode, storeFlags: options.storeFlags, maxDeletes: options.maxDeletes, memory: new DesiredMemory(), stores },
    status, metrics, logger, timer, backoff: new Backoff(), intervalMs: options.intervalMs,
  });
  const passes = new CoalescingQueue<Trigger>(runner.run);
  const poller = prepared.tracker && options.source.type === 'git' ? gitPoller(prepared.tracker, options.source.gitIntervalMs, passes, status, logger) : null;
  return { status, metrics, queue: passes, timer, runner, stores, poller };
}

function gitPoller(tracker: GitTracker, intervalMs: number, queue: CoalescingQueue<Trigger>, status: WatchStatus, logger: Logger): GitPoller {
  return new GitPoller(tracker, {
    intervalMs,
    onMoved: (triggers) => triggers.forEach((t) => queue.request(t)),
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

async function startTriggers(options: WatchOptions, parts: Parts, logger: Logger): Promise<FileTrigger | null> {
  parts.poller?.start();
  if (options.source.type !== 'directory') return null;
  return watchDirectory(options.source.dir, {
    onChange: () => parts.queue.request('file'),
    onError: (error) => logger.warn({ event: 'file-watch', errorCode: errorInfoOf(error).code, error: error.message }, 'file watching failed'),
  });
}

function onPush(ref: string | undefined, tracker: GitTracker | null, parts: Parts): WebhookReply {
  if (!tracker) {
    parts.queue.request('webhook');
    return { accepted: true, reason: 'reconciling' };
  }
  const wanted = `refs/heads/${tracker.branch}`;
  if (ref !== undefined && ref !== wanted) return { accepted: false, reason: `push to ${ref}; watching ${wanted}` };
  parts.poller?.fetchNow();
  return { accepted: true, reason: 'fetching' };
}

async function shutdown(parts: Parts, files: FileTrigger | null, server: RunningWatchServer, logger: Logger): Promise<void> {
  logger.info({ event: 'stopping' }, 'stopping: no new passes; changes in flight finish');
  // The queue refuses new passes before the one in flight is aborted, so no fresh pass can slip in.
  parts.timer.stop();
  const passesEnded = parts.queue.stop();
  parts.runner.abort();
  await Promise.all([files?.close(), parts.poller?.stop(), passesEnded]);
  parts.stores.close();
  await server.close();
  logger.info({ event: 'stopped' }, 'stopped');
  logger.flush();
}
