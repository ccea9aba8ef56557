// One reconcile pass, level-based (controller-runtime's contract): read the desired state, read the live
// state, plan, then apply (--mode correct) or only report (--mode warn). Nothing is carried between
// passes except the last valid desired state and the open store; the live state is always read afresh,
// since other processes (and people) change the account between passes. Never throws: every failure is
// an outcome.
import { executePlan } from '../apply/execute-plan.js';
import { lockApply } from '../app/apply-lock.js';
import type { FindingFlags } from '../app/findings-gate.js';
import { checkOnlyTargets, planWithUsage } from '../app/planning.js';
import type { StoreFlags } from '../app/open-store.js';
import type { LoadResult } from '../config/index.js';
import { ValidationError } from '../errors/index.js';
import type { DesiredState } from '../model/index.js';
import type { SyncedDocuments } from './change-causes.js';
import type { StoreHolder } from './store-holder.js';
import { reconcileTargets } from './reconcile-targets.js';
import { judge, settle, storeFailure, type StorePart, type WatchMode, watchPrunes } from './judge-plan.js';
import { errorInfoOf, isSuccess, type DesiredInfo, type ReconcileOutcome } from './outcome.js';
import type { PruneGrace } from './prune-grace.js';


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
  /** --only-targets: with spec.targets, the targets this watcher reconciles (the others are another watcher's). */
  readonly onlyTargets?: readonly string[];
  /** Aborting stops the apply from starting further changes; those in flight finish. */
  readonly signal?: AbortSignal;
  /** Epoch milliseconds: the plan's date and the grace periods. */
  readonly clock?: () => number;
}


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
  if (chosen.state.project.targets?.length) return reconcileTargets(ctx, chosen);
  let unlock: (() => Promise<void>) | undefined;
  try {
    checkOnlyTargets(chosen.state.project, ctx.onlyTargets ?? []);
    const store = await ctx.stores.get({ dir: ctx.source.storeDir, project: chosen.state.project, flags: ctx.storeFlags });
    // Correcting is applying: on an embedded state it takes the apply lock, as `apply` does; a held lock is a store
    // error of this pass, retried with the backoff.
    if (ctx.mode === 'correct' && store.target.stateFile) unlock = await lockApply(store.target.stateFile, store.project, { timeoutMs: 0, command: 'licensectl watch' });
    const now = (ctx.clock ?? Date.now)();
    const { plan, usage } = await planWithUsage(store, chosen.state, {
      target: store.target,
      source: { revision: chosen.revision, dirty: chosen.dirty },
      createdAt: new Date(now).toISOString(),
      prune: watchPrunes(chosen.state),
    });
    const held = ctx.grace.hold(plan, now);
    const planned = { full: plan, plan: held.plan, deferred: held.deferred, usage };
    const judged = judge(ctx.mode, ctx.synced, planned, chosen.state, { maxDeletes: ctx.maxDeletes, allow: ctx.allow });
    if ('part' in judged) return judged.part;
    const result = await executePlan(planned.plan, store, { concurrency: ctx.storeFlags.concurrency, signal: ctx.signal });
    return settle(ctx.synced, planned, chosen.state, judged, result);
  } catch (error) {
    ctx.stores.close();
    return storeFailure(error);
  } finally {
    await unlock?.();
  }
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
