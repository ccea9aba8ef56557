// What a pass does with a plan (of the project, or of one of its targets): which changes it finds and why, whether
// it may apply them — nothing to change, --mode warn, a guard or an error finding ends the pass before any change —
// and, once applied, its outcome.
import { checkFindings, type FindingFlags } from '../app/findings-gate.js';
import { checkGuards } from '../app/planning.js';
import type { Address, DesiredState, Usage } from '../model/index.js';
import type { ApplyResult, Plan } from '../plan/types.js';
import type { SyncedDocuments } from './change-causes.js';
import { readingOf } from './license-metrics.js';
import {
  applyErrorOf, errorInfoOf, managedAfter, managedBefore, observedEntries, type DeferredDelete, type ErrorInfo, type Outcome, type ReconcileOutcome, type UsageReading,
} from './outcome.js';

export type WatchMode = 'correct' | 'warn';

/** A pass's outcome less what the desired state says (project, revision), which the pass adds. */
export type StorePart = Omit<ReconcileOutcome, 'desired' | 'revision' | 'project'>;

/** Unattended, the watcher deletes only what the project explicitly allows it to prune. */
export function watchPrunes(desired: DesiredState): boolean {
  return desired.project.pruneExplicit === true && desired.project.prune;
}

export function storeFailure(error: unknown): StorePart {
  return { outcome: 'store-error', counts: null, changes: [], deferred: [], managed: null, applied: null, findings: null, usage: null, error: errorInfoOf(error) };
}

export interface Planned {
  /** Everything the plan would change. */
  readonly full: Plan;
  /** What this pass may change: the full plan less the deletes --prune-grace holds back. */
  readonly plan: Plan;
  readonly deferred: readonly DeferredDelete[];
  /** What the plan read: every listed configuration's totals. */
  readonly usage: Usage;
}

/** What a plan found, to be applied: its outcome is settled once the apply ends. */
export interface ToApply {
  readonly found: Omit<StorePart, 'outcome'>;
  /** Every change undoes drift. */
  readonly drift: boolean;
}

/**
 * What a plan found, and whether the pass applies it: with nothing to change, in --mode warn, or blocked by a guard
 * or a finding (see blockedBy), the pass ends here with its outcome (`part`).
 */
export function judge(mode: WatchMode, synced: SyncedDocuments, { full, plan, deferred, usage }: Planned, desired: DesiredState, limits: Limits): { part: StorePart } | ToApply {
  const changes = synced.explain(plan, desired);
  // Deletes held back leave their resources in place: they are still managed.
  // Observed resources' drift is reported and never corrected: it is not among the changes.
  const observed = observedEntries(full);
  const found = {
    counts: plan.summary, changes, ...(observed.length ? { observed } : {}), deferred, managed: managedBefore(full), applied: null,
    findings: full.findings, usage: readingFor(full, usage, desired), error: null,
  };
  const drift = changes.every((c) => c.cause === 'drift');
  if (changes.length === 0 || mode === 'warn') {
    synced.remember(full, desired, new Set());
    if (changes.length === 0) return { part: { ...found, outcome: observed.length ? 'drift-detected' : 'synced' } };
    return { part: { ...found, outcome: drift ? 'drift-detected' : 'out-of-sync' } };
  }
  const blocked = blockedBy(limits, plan, deferred, desired.resources.length);
  if (blocked) {
    synced.remember(full, desired, new Set());
    return { part: { ...found, ...blocked } };
  }
  return { found, drift };
}

/**
 * A part with nothing to change: synced, or drift-detected by observed drift alone (never corrected). Its account may
 * still receive a grant or a share: with spec.targets it is applied beside the others for its receiving steps.
 */
export function hasNothingToChange(part: StorePart): boolean {
  return part.changes.length === 0 && (part.outcome === 'synced' || part.outcome === 'drift-detected');
}

/** The outcome of a plan once applied. */
export function settle(synced: SyncedDocuments, { full, usage }: Planned, desired: DesiredState, { found, drift }: ToApply, result: ApplyResult): StorePart {
  const applied = new Set(result.results.filter((r) => r.outcome === 'applied').map((r) => r.address));
  synced.remember(full, desired, applied);
  const error = applyErrorOf(result);
  const outcome = error ? 'apply-failed' : drift ? 'drift-corrected' : 'applied';
  return { ...found, outcome, managed: managedAfter(full, result), applied: result.summary, usage: readingFor(full, usage, desired, applied), error };
}

function readingFor(full: Plan, usage: Usage, desired: DesiredState, applied?: ReadonlySet<Address>): UsageReading {
  return readingOf(full, usage, desired.project.policies ?? { minHeadroomPercent: null }, applied);
}

export interface Limits {
  readonly maxDeletes?: number;
  /** --allow-overage / --allow-in-use. */
  readonly allow?: FindingFlags;
}

/**
 * Why this pass may not apply, as apply would refuse: a guard (duplicates, --max-deletes, an empty desired state) is an
 * apply failure; error findings that --allow-overage / --allow-in-use do not let through (a policy's never) refuse the
 * whole plan. Findings of deletes held back by --prune-grace wait until the delete is due.
 */
function blockedBy(limits: Limits, plan: Plan, deferred: readonly DeferredDelete[], desiredCount: number): { outcome: Outcome; error: ErrorInfo } | null {
  try {
    checkGuards(plan, { maxDeletes: limits.maxDeletes, allowEmpty: false, desiredCount });
  } catch (error) {
    return { outcome: 'apply-failed', error: errorInfoOf(error) };
  }
  const held = new Set(deferred.map((d) => d.address));
  try {
    checkFindings(plan.findings.filter((f) => !held.has(f.address)), limits.allow ?? {});
  } catch (error) {
    return { outcome: 'refused', error: errorInfoOf(error) };
  }
  return null;
}

