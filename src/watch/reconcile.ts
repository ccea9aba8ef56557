// One reconcile pass, level-based (controller-runtime's contract): read the desired state, read the live
// state, plan, then apply (--mode correct) or only report (--mode warn). Nothing is carried between
// passes except the last valid desired state; the live state is always read afresh, since other
// processes (and people) change the account between passes. Never throws: every failure is an outcome.
import { executePlan } from '../apply/execute-plan.js';
import { checkGuards } from '../app/guards.js';
import type { StoreFlags } from '../app/open-store.js';
import { planAgainst } from '../app/planning.js';
import { ValidationError } from '../errors/index.js';
import type { Plan } from '../plan/types.js';
import type { Store } from '../store/index.js';
import type { DesiredRead, DesiredSource } from './desired-source.js';
import type { DesiredMemory, ValidDesired } from './desired-memory.js';
import { driftOf, errorInfoOf, isSuccess, type DesiredInfo, type ReconcileOutcome } from './outcome.js';
import { applyErrorOf, managedAfter, managedBefore } from './apply-summary.js';
import type { StoreHolder } from './store-holder.js';

export type WatchMode = 'correct' | 'warn';

export interface ReconcileContext {
  readonly source: DesiredSource;
  readonly mode: WatchMode;
  readonly storeFlags: StoreFlags;
  readonly maxDeletes?: number;
  readonly memory: DesiredMemory;
  /** The store, opened on first use and kept while the project's store settings do not change. */
  readonly stores: StoreHolder;
  /** Aborting stops the apply from starting further changes; those in flight finish. */
  readonly signal?: AbortSignal;
  readonly now?: () => Date;
}

type StorePart = Omit<ReconcileOutcome, 'desired' | 'revision'>;

export async function reconcileOnce(ctx: ReconcileContext): Promise<ReconcileOutcome> {
  const read = await readSource(ctx.source);
  const desired = desiredInfo(read);
  if (read.result.state) ctx.memory.remember({ state: read.result.state, revision: read.revision, dirty: read.dirty });
  const chosen = ctx.memory.lastValid;
  const invalid = read.result.state ? null : errorInfoOf(new ValidationError(read.result.diagnostics));
  if (!chosen) {
    return { outcome: 'invalid-config', desired, revision: null, counts: null, drift: [], managed: null, applied: null, error: invalid };
  }
  const part = await reconcileWith(ctx, chosen);
  // An invalid source is the news of this pass unless the store failed too (which needs the backoff).
  const outcome = invalid && isSuccess(part.outcome) ? { ...part, outcome: 'invalid-config' as const, error: invalid } : part;
  return { ...outcome, desired, revision: chosen.revision };
}

async function reconcileWith(ctx: ReconcileContext, chosen: ValidDesired): Promise<StorePart> {
  try {
    const store = await ctx.stores.get({ dir: ctx.source.storeDir, project: chosen.state.project, flags: ctx.storeFlags });
    const plan = await planAgainst(store, chosen.state, {
      target: store.target,
      source: { revision: chosen.revision, dirty: chosen.dirty },
      createdAt: (ctx.now?.() ?? new Date()).toISOString(),
      // Unattended, the watcher deletes only what the project explicitly allows it to prune.
      prune: chosen.state.project.pruneExplicit === true && chosen.state.project.prune,
    });
    return await act(ctx, store, plan, chosen.state.resources.length);
  } catch (error) {
    ctx.stores.close();
    return storeError(error);
  }
}

async function act(ctx: ReconcileContext, store: Store, plan: Plan, desiredCount: number): Promise<StorePart> {
  const drift = driftOf(plan);
  const found = { counts: plan.summary, drift, managed: managedBefore(plan), applied: null, error: null };
  if (drift.length === 0) return { ...found, outcome: 'synced' };
  if (ctx.mode === 'warn') return { ...found, outcome: 'drift-detected' };
  try {
    checkGuards(plan, { maxDeletes: ctx.maxDeletes, allowEmpty: false, desiredCount });
  } catch (error) {
    return { ...found, outcome: 'apply-failed', error: errorInfoOf(error) };
  }
  const result = await executePlan(plan, store, { concurrency: ctx.storeFlags.concurrency, signal: ctx.signal });
  const error = applyErrorOf(result);
  return { ...found, outcome: error ? 'apply-failed' : 'drift-corrected', managed: managedAfter(plan, result), applied: result.summary, error };
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

function desiredInfo(read: DesiredRead): DesiredInfo {
  return { revision: read.revision, valid: read.result.state !== null, diagnostics: read.result.diagnostics };
}

function storeError(error: unknown): StorePart {
  return { outcome: 'store-error', counts: null, drift: [], managed: null, applied: null, error: errorInfoOf(error) };
}
