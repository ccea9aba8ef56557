// One reconcile pass, level-based (controller-runtime's contract): read the desired state, read the live
// state, plan, then apply (--mode correct) or only report (--mode warn). Nothing is carried between
// passes except the last valid desired state and the open store; the live state is always read afresh,
// since other processes (and people) change the account between passes. Never throws: every failure is
// an outcome.
import { executePlan } from '../apply/execute-plan.js';
import { lockApply } from '../app/apply-lock.js';
import { checkFindings, type FindingFlags } from '../app/findings-gate.js';
import { checkGuards, planWithUsage } from '../app/planning.js';
import { openStore, type OpenStoreOptions, type StoreFlags } from '../app/open-store.js';
import type { LoadResult } from '../config/index.js';
import { LicensectlError, ValidationError } from '../errors/index.js';
import type { Address, DesiredState, Usage } from '../model/index.js';
import type { Plan } from '../plan/types.js';
import type { Store } from '../store/index.js';
import type { SyncedDocuments } from './change-causes.js';
import { readingOf } from './license-metrics.js';
import {
  applyErrorOf, errorInfoOf, isSuccess, managedAfter, managedBefore, type DeferredDelete, type DesiredInfo, type ErrorInfo, type Outcome, type ReconcileOutcome,
  observedEntries,
} from './outcome.js';
import type { PruneGrace } from './prune-grace.js';

export type WatchMode = 'correct' | 'warn';

export type SourceDescription =
  | { readonly type: 'directory'; readonly dir: string }
  | { readonly type: 'git'; readonly repo: string; readonly branch: string; readonly clone: string };

export interface Revision {
  /** Commit SHA of what was read, when known. */
  readonly revision: string | null;
  readonly dirty: boolean | null;
}

export interface DesiredRead extends Revision {
  readonly result: LoadResult;
}

/** Where each pass reads the desired state from (a directory, or a git clone): afresh every time. */
export interface DesiredSource {
  readonly description: SourceDescription;
  /** The folder the store's relative paths (the embedded emulator's state file) are resolved against. */
  readonly storeDir: string;
  read(): Promise<DesiredRead>;
}

export interface ValidDesired extends Revision {
  readonly state: DesiredState;
}

/**
 * The last valid desired state. A bad commit or a half-saved file must never read as "delete everything":
 * while the source is invalid, passes keep planning against the last state that validated.
 */
export class DesiredMemory {
  private last: ValidDesired | null = null;

  get lastValid(): ValidDesired | null {
    return this.last;
  }

  remember(valid: ValidDesired): void {
    this.last = valid;
  }
}

export type StoreOpener = (options: OpenStoreOptions) => Promise<Store>;

/**
 * Keeps one store open from pass to pass while the project's store settings stay the same, so a pass at a
 * 1 s interval does not rebuild SDK clients (or ask STS who it is) every time. The store caches no live
 * state (every pass still reads the account afresh, and the embedded emulator re-reads its state file
 * when another process changed it); a store that failed is dropped and reopened on the next pass.
 */
export class StoreHolder {
  private held: { readonly key: string; readonly store: Store } | null = null;

  constructor(
    /** Sees each store opened, before any call is made (the watcher counts API calls through it). */
    private readonly onOpen: (store: Store) => void = () => {},
    private readonly open: StoreOpener = openStore,
  ) {}

  async get(options: OpenStoreOptions): Promise<Store> {
    const key = storeKey(options);
    if (this.held?.key === key) return this.held.store;
    this.close();
    const store = await this.open(options);
    this.onOpen(store);
    this.held = { key, store };
    return store;
  }

  /** Drops the store after a failure; the next pass opens a new one. */
  close(): void {
    this.held?.store.close();
    this.held = null;
  }
}

/** Everything openStore reads: the folder, the project's name, store and account, and the store flags. */
function storeKey({ dir, project, flags }: OpenStoreOptions): string {
  return JSON.stringify([dir, project.name, project.store, project.account ?? null, flags]);
}

export interface ReconcileContext {
  readonly source: DesiredSource;
  readonly mode: WatchMode;
  readonly storeFlags: StoreFlags;
  readonly maxDeletes?: number;
  /** --allow-overage / --allow-in-use: the error findings that may not refuse a correction. */
  readonly allow?: FindingFlags;
  readonly memory: DesiredMemory;
  /** What each address's document was when the account last matched it: tells drift from desired-state changes. */
  readonly synced: SyncedDocuments;
  /** Holds back deletes whose documents have not been absent for --prune-grace yet. */
  readonly grace: PruneGrace;
  readonly stores: StoreHolder;
  /** Aborting stops the apply from starting further changes; those in flight finish. */
  readonly signal?: AbortSignal;
  /** Epoch milliseconds: the plan's date and the grace periods. */
  readonly clock?: () => number;
}

type StorePart = Omit<ReconcileOutcome, 'desired' | 'revision' | 'project'>;

export async function reconcileOnce(ctx: ReconcileContext): Promise<ReconcileOutcome> {
  const read = await readSource(ctx.source);
  const desired: DesiredInfo = { revision: read.revision, valid: read.result.state !== null, diagnostics: read.result.diagnostics };
  if (read.result.state) ctx.memory.remember({ state: read.result.state, revision: read.revision, dirty: read.dirty });
  const chosen = ctx.memory.lastValid;
  const invalid = read.result.state ? null : errorInfoOf(new ValidationError(read.result.diagnostics));
  if (!chosen) {
    return {
      outcome: 'invalid-config', project: null, desired, revision: null, counts: null, changes: [], deferred: [], managed: null, applied: null, findings: null, usage: null, error: invalid,
    };
  }
  const part = await reconcileWith(ctx, chosen);
  // An invalid source is the news of this pass unless the store failed too (which needs the backoff).
  const outcome = invalid && isSuccess(part.outcome) ? { ...part, outcome: 'invalid-config' as const, error: invalid } : part;
  return { ...outcome, project: chosen.state.project.name, desired, revision: chosen.revision };
}

async function reconcileWith(ctx: ReconcileContext, chosen: ValidDesired): Promise<StorePart> {
  let unlock: (() => Promise<void>) | undefined;
  try {
    // Not yet: a project with targets would otherwise be watched as one account, the one the ambient credentials reach.
    if (chosen.state.project.targets?.length) {
      throw new LicensectlError('USAGE', `watch does not support spec.targets yet (project ${chosen.state.project.name} has ${chosen.state.project.targets.length})`, {
        hint: 'watch one project per account and region (one directory each, without spec.targets); plan and apply support targets',
      });
    }
    const store = await ctx.stores.get({ dir: ctx.source.storeDir, project: chosen.state.project, flags: ctx.storeFlags });
    // Correcting is applying: on an embedded state it takes the apply lock, as `apply` does; a held lock is a store
    // error of this pass, retried with the backoff.
    if (ctx.mode === 'correct' && store.target.stateFile) unlock = await lockApply(store.target.stateFile, store.project, { timeoutMs: 0, command: 'licensectl watch' });
    const now = (ctx.clock ?? Date.now)();
    const { plan, usage } = await planWithUsage(store, chosen.state, {
      target: store.target,
      source: { revision: chosen.revision, dirty: chosen.dirty },
      createdAt: new Date(now).toISOString(),
      // Unattended, the watcher deletes only what the project explicitly allows it to prune.
      prune: chosen.state.project.pruneExplicit === true && chosen.state.project.prune,
    });
    const held = ctx.grace.hold(plan, now);
    return await act(ctx, store, { full: plan, plan: held.plan, deferred: held.deferred, usage }, chosen.state);
  } catch (error) {
    ctx.stores.close();
    return { outcome: 'store-error', counts: null, changes: [], deferred: [], managed: null, applied: null, findings: null, usage: null, error: errorInfoOf(error) };
  } finally {
    await unlock?.();
  }
}

interface Planned {
  /** Everything the plan would change. */
  readonly full: Plan;
  /** What this pass may change: the full plan less the deletes --prune-grace holds back. */
  readonly plan: Plan;
  readonly deferred: readonly DeferredDelete[];
  /** What the plan read: every listed configuration's totals. */
  readonly usage: Usage;
}

async function act(ctx: ReconcileContext, store: Store, { full, plan, deferred, usage }: Planned, desired: DesiredState): Promise<StorePart> {
  const changes = ctx.synced.explain(plan, desired);
  // Deletes held back leave their resources in place: they are still managed.
  const reading = (applied?: ReadonlySet<Address>) => readingOf(full, usage, desired.project.policies ?? { minHeadroomPercent: null }, applied);
  // Observed resources' drift is reported and never corrected: it is not among the changes.
  const observed = observedEntries(full);
  const found = {
    counts: plan.summary, changes, ...(observed.length ? { observed } : {}), deferred, managed: managedBefore(full), applied: null,
    findings: full.findings, usage: reading(), error: null,
  };
  const drift = changes.every((c) => c.cause === 'drift');
  if (changes.length === 0 || ctx.mode === 'warn') {
    ctx.synced.remember(full, desired, new Set());
    if (changes.length === 0) return { ...found, outcome: observed.length ? 'drift-detected' : 'synced' };
    return { ...found, outcome: drift ? 'drift-detected' : 'out-of-sync' };
  }
  const blocked = blockedBy(ctx, plan, deferred, desired);
  if (blocked) {
    ctx.synced.remember(full, desired, new Set());
    return { ...found, ...blocked };
  }
  const result = await executePlan(plan, store, { concurrency: ctx.storeFlags.concurrency, signal: ctx.signal });
  const applied = new Set(result.results.filter((r) => r.outcome === 'applied').map((r) => r.address));
  ctx.synced.remember(full, desired, applied);
  const error = applyErrorOf(result);
  const outcome = error ? 'apply-failed' : drift ? 'drift-corrected' : 'applied';
  return { ...found, outcome, managed: managedAfter(full, result), applied: result.summary, usage: reading(applied), error };
}

/**
 * Why this pass may not apply, as apply would refuse: a guard (duplicates, --max-deletes, an empty desired state) is an
 * apply failure; error findings that --allow-overage / --allow-in-use do not let through (a policy's never) refuse the
 * whole plan. Findings of deletes held back by --prune-grace wait until the delete is due.
 */
function blockedBy(ctx: ReconcileContext, plan: Plan, deferred: readonly DeferredDelete[], desired: DesiredState): { outcome: Outcome; error: ErrorInfo } | null {
  try {
    checkGuards(plan, { maxDeletes: ctx.maxDeletes, allowEmpty: false, desiredCount: desired.resources.length });
  } catch (error) {
    return { outcome: 'apply-failed', error: errorInfoOf(error) };
  }
  const held = new Set(deferred.map((d) => d.address));
  try {
    checkFindings(plan.findings.filter((f) => !held.has(f.address)), ctx.allow ?? {});
  } catch (error) {
    return { outcome: 'refused', error: errorInfoOf(error) };
  }
  return null;
}

/** A source that cannot be read at all (a vanished clone, say) is reported like an invalid one. */
async function readSource(source: DesiredSource): Promise<DesiredRead> {
  try {
    return await source.read();
  } catch (error) {
    const info = errorInfoOf(error);
    const diagnostic = { severity: 'error' as const, code: info.code, message: info.message, ...(info.hint ? { hint: info.hint } : {}) };
    return { result: { state: null, diagnostics: [diagnostic], files: [] }, revision: null, dirty: null };
  }
}
