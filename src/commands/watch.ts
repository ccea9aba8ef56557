import { Flags } from '@oclif/core';
import { BaseCommand, storeFlags } from '../app/base-command.js';
import { findingFlags } from '../app/findings-gate.js';
import { LOG_FORMATS } from '../watch/log.js';
import { DEFAULT_PRUNE_GRACE } from '../watch/prune-grace.js';
import { DEFAULT_LISTEN, watchOptionsFrom } from '../watch/watch-options.js';
import { startWatcher, untilStopSignal } from '../watch/watcher.js';

const { stats: _stats, ...watchStoreFlags } = storeFlags;

export default class Watch extends BaseCommand {
  static override enableJsonFlag = false;
  static override summary = 'Keep the account matching a directory or a git branch, correcting (or reporting) drift.';
  static override description = [
    'Reconciles at start, when files under --dir change, when a new commit reaches --branch of --repo (fetched every --git-interval, or at once on a signed GitHub push webhook), and every --interval to catch changes made outside git. Each pass re-reads the desired and the live state; an invalid desired state is reported and the last valid one kept, so it never causes deletes.',
    'A managed resource whose document disappears is deleted (with spec.prune: true) only once the document has stayed absent for --prune-grace, so deleting and restoring a file changes nothing. Each change is logged with its cause: drift (the account changed since it last matched the documents) or a desired-state change (a document was added, removed or changed), and the fields that differ.',
    'With spec.targets, each pass reconciles every target (or those --only-targets selects) as apply does; a target that fails does not stop the others, and /status, the metrics (a target label) and each notification name the target.',
    'Logs one line per pass on stdout: readable text on a terminal, JSON otherwise (--log-format). Serves GET /healthz, /readyz, /status and /metrics, and POST /webhook (set LICENSECTL_WEBHOOK_SECRET), on --listen.',
    'With --notify URL, each event is POSTed as JSON with a Slack-compatible text line: drift detected or corrected, new findings, headroom crossing spec.policies.minHeadroomPercent, failed or refused applies; retried with backoff, never delaying a pass.',
    'Error findings refuse a pass\'s changes (outcome refused) unless --allow-overage or --allow-in-use lets them through; a policy\'s, never. Deletes only when the project prunes (spec.prune), and never more than --max-deletes. Stops cleanly on SIGINT or SIGTERM: the change in flight finishes, no further change starts.',
  ].join('\n\n');
  static override flags = {
    dir: Flags.directory({ char: 'd', description: 'directory holding licensectl.yaml (default: the current directory)', exclusive: ['repo'] }),
    repo: Flags.string({ description: 'git repository URL or path to watch instead of a directory' }),
    branch: Flags.string({ description: 'branch of --repo to follow', default: 'main' }),
    'cache-dir': Flags.directory({ description: 'where --repo is cloned (default: licensectl in the OS cache folder)' }),
    'git-interval': Flags.string({ description: 'how often --repo is fetched', default: '30s' }),
    interval: Flags.string({ description: 'how often the account is re-read to catch drift (±10% jitter)', default: '60s' }),
    mode: Flags.string({ description: 'correct: apply fixes; warn: only report drift', options: ['correct', 'warn'], default: 'correct' }),
    listen: Flags.string({ description: 'address of the health, status, metrics and webhook server (:PORT listens on every interface)', default: DEFAULT_LISTEN }),
    'max-deletes': Flags.integer({ description: 'refuse passes that delete or replace more than N resources', min: 0 }),
    'prune-grace': Flags.string({ description: 'how long a managed resource\'s document must stay absent before the resource is deleted (0: at once)', default: DEFAULT_PRUNE_GRACE }),
    'log-format': Flags.string({ description: 'log lines as readable text or JSON (default: text on a terminal, json otherwise)', options: [...LOG_FORMATS] }),
    'only-targets': Flags.string({ description: 'with spec.targets: reconcile only the targets these names or globs select (e.g. "prod-*"), so several watchers split an organization; repeatable', multiple: true }),
    notify: Flags.string({ description: 'POST each event (drift, findings, headroom, failed applies) as JSON to URL, signed with LICENSECTL_NOTIFY_SECRET when set; repeatable', multiple: true }),
    ...findingFlags,
    ...watchStoreFlags,
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(Watch);
    const options = watchOptionsFrom(flags);
    const [{ ensureClone, fetchBranch }, { gitSource, sourceRevision }] = await Promise.all([import('../git/index.js'), import('../config/index.js')]);
    const watcher = await startWatcher(options, { git: { ensureClone, fetchBranch, gitSource, sourceRevision } });
    await untilStopSignal();
    await watcher.stop();
  }
}
