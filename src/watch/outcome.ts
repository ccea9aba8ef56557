// What one reconcile pass was asked for, found and did: the value the log line, /status and the metrics
// are made from.
import type { Diagnostic } from '../errors/index.js';
import { isLicensectlError } from '../errors/index.js';
import type { Address } from '../model/index.js';
import type { ApplyResult } from '../plan/types.js';
import { type Action, type Finding, observedDrift, type Plan, type PlanSummary, type ResourceChange, sumSummaries } from '../plan/types.js';
import { errorName } from '../store/index.js';

/**
 * What can ask for a pass. The queue remembers every trigger that asked for one. `grace`: a delete held back by
 * --prune-grace is due.
 */
export type Trigger = 'start' | 'file' | 'git' | 'webhook' | 'interval' | 'retry' | 'grace';

/**
 * synced: nothing to change (deletes in their grace period aside). applied / drift-corrected: every change was
 * made; drift-corrected when all of them undid drift, applied when any came from the documents. out-of-sync /
 * drift-detected: the same in --mode warn, where nothing is changed. refused: the plan has error findings that
 * --allow-overage / --allow-in-use do not let through (or a policy's, which no flag does): nothing was changed.
 */
export const OUTCOMES = ['synced', 'applied', 'drift-corrected', 'out-of-sync', 'drift-detected', 'invalid-config', 'store-error', 'apply-failed', 'refused'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Outcomes after which the account is known to match (or, in warn mode, to have been compared with) the desired state. */
export function isSuccess(outcome: Outcome): boolean {
  switch (outcome) {
    case 'synced':
    case 'applied':
    case 'drift-corrected':
    case 'out-of-sync':
    case 'drift-detected':
      return true;
    case 'invalid-config':
    case 'store-error':
    case 'apply-failed':
    case 'refused':
      return false;
  }
}

/**
 * Outcomes that mean the store (or applying to it) failed: retried with backoff rather than at the interval. A refused
 * pass is not: only a change to the documents (which triggers a pass) or to the account lifts its findings.
 */
export function needsBackoff(outcome: Outcome): boolean {
  return outcome === 'store-error' || outcome === 'apply-failed';
}

/**
 * Why the account differs from the documents at an address. desired: the document was added, removed or changed since
 * the account last matched it. drift: the document is the one the account last matched; the account changed. unknown:
 * the address has differed since the watcher's first look, so which side changed is not known.
 */
type ChangeCause = 'desired' | 'drift' | 'unknown';

export interface ChangeEntry {
  readonly address: Address;
  readonly action: Exclude<Action, 'no-op'>;
  readonly cause: ChangeCause;
  /** With cause `desired`: what happened to the document. */
  readonly document?: 'added' | 'removed' | 'changed';
  /** The plan's diff paths: the fields that differ between the account and the document (none for creates and deletes). */
  readonly fields: readonly string[];
  /** With spec.targets, in a pass's list of every target's changes: the target's label (`dev`, `mgmt@eu-west-1`). */
  readonly target?: string;
}

/** An observe-only resource that drifted (its fields) or is missing: reported every pass it lasts, never corrected. */
export interface ObservedEntry {
  readonly address: Address;
  readonly fields: readonly string[];
  readonly missing?: true;
  /** With spec.targets, in a pass's list of every target's: the target's label. */
  readonly target?: string;
}

/** The plan's observed drift, as the watcher reports it. */
export function observedEntries(plan: Plan): ObservedEntry[] {
  return observedDrift(plan.changes).map((c) => ({ address: c.address, fields: c.diff.map((d) => d.path), ...(c.observed === 'missing' ? { missing: true as const } : {}) }));
}

/** A delete held back by --prune-grace. Times are epoch milliseconds. */
export interface DeferredDelete {
  readonly address: Address;
  /** When the first pass saw the document absent. */
  readonly absentSince: number;
  /** When the delete is due, if the document stays absent. */
  readonly deleteAt: number;
  /** With spec.targets, in a pass's list of every target's: the target's label. */
  readonly target?: string;
}

export interface ErrorInfo {
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** The desired state read in this pass. */
export interface DesiredInfo {
  readonly revision: string | null;
  readonly valid: boolean;
  /** Errors and warnings of the load, sorted. */
  readonly diagnostics: readonly Diagnostic[];
}

/** A managed license configuration as the pass read it (ListLicenseConfigurations: no call of its own). */
export interface ConfigurationReading {
  /** The document's name (metadata.name). */
  readonly name: string;
  readonly arn: string;
  /** null: no licenseCount. */
  readonly licenseCount: number | null;
  readonly consumed: number;
  /** ISO 8601; null: no expiry. */
  readonly expiry: string | null;
}

/** The usage a pass read, with the project's headroom policy to judge it by. */
export interface UsageReading {
  readonly minHeadroomPercent: number | null;
  /** Sorted by name. */
  readonly configurations: readonly ConfigurationReading[];
}

export interface ReconcileOutcome {
  readonly outcome: Outcome;
  /** The project planned (metadata.name of licensectl.yaml); null when no desired state ever validated. */
  readonly project: string | null;
  readonly desired: DesiredInfo;
  /** Revision of the desired state that was planned: this pass's, or the last valid one when this one is invalid. */
  readonly revision: string | null;
  /** Null when no plan was made. */
  readonly counts: PlanSummary | null;
  /** Changes the plan found, sorted by address, each with its cause; in correct mode, what was (or was to be) made. */
  readonly changes: readonly ChangeEntry[];
  /** Observe-only resources that drifted or are missing, sorted by address; never among `changes`. Absent when none. */
  readonly observed?: readonly ObservedEntry[];
  /** Deletes held back by --prune-grace, sorted by address; not among `changes`. */
  readonly deferred: readonly DeferredDelete[];
  /** Resources licensectl manages after this pass; null when the store was not read. */
  readonly managed: number | null;
  readonly applied: ApplyResult['summary'] | null;
  /** The plan's findings (held-back deletes' included); null when no plan was made. With spec.targets, each names its target. */
  readonly findings: readonly (Finding & { readonly target?: string })[] | null;
  /** The managed configurations' usage as read for the plan; null when no plan was made. */
  readonly usage: UsageReading | null;
  readonly error: ErrorInfo | null;
  /**
   * With spec.targets: each target's part of the pass, in the order of spec.targets (then regions). The pass's own
   * fields then sum them up: its outcome is the worst of theirs, its lists hold every target's (each entry naming
   * its target), its error names the targets that failed, and its usage is null (each target's is its own).
   */
  readonly targets?: readonly TargetOutcome[];
}

/** One target's part of a pass (a target in one region: a unit, see model/targets.ts). */
export interface TargetOutcome extends Omit<ReconcileOutcome, 'project' | 'desired' | 'revision' | 'targets'> {
  /** The unit's label: the target's name, or `name@region` for a target of several regions. */
  readonly target: string;
  readonly account: string;
  readonly region: string;
}

/** From the worst outcome to the best: a pass of several targets takes the worst of theirs. */
const WORST_FIRST: readonly Outcome[] = ['apply-failed', 'store-error', 'refused', 'invalid-config', 'out-of-sync', 'drift-detected', 'applied', 'drift-corrected', 'synced'];

/** A pass of several targets, summed up from theirs (see ReconcileOutcome.targets). */
export function passOfTargets(targets: readonly TargetOutcome[]): Omit<ReconcileOutcome, 'project' | 'desired' | 'revision'> {
  const outcome = WORST_FIRST.find((o) => targets.some((t) => t.outcome === o)) ?? 'synced';
  const failed = targets.filter((t) => !isSuccess(t.outcome) && t.error);
  const planned = targets.filter((t) => t.counts !== null);
  const managed = targets.filter((t) => t.managed !== null);
  const applied = targets.flatMap((t) => (t.applied ? [t.applied] : []));
  const total = (key: keyof ApplyResult['summary']) => applied.reduce((n, a) => n + a[key], 0);
  const observed = targets.flatMap((t) => (t.observed ?? []).map((o) => ({ ...o, target: t.target })));
  return {
    outcome,
    counts: planned.length ? sumSummaries(planned.map((t) => t.counts!)) : null,
    changes: targets.flatMap((t) => t.changes.map((c) => ({ ...c, target: t.target }))),
    ...(observed.length ? { observed } : {}),
    deferred: targets.flatMap((t) => t.deferred.map((d) => ({ ...d, target: t.target }))),
    managed: managed.length ? managed.reduce((n, t) => n + t.managed!, 0) : null,
    applied: applied.length ? { applied: total('applied'), failed: total('failed'), skipped: total('skipped') } : null,
    findings: planned.length ? planned.flatMap((t) => (t.findings ?? []).map((f) => ({ ...f, target: t.target }))) : null,
    usage: null,
    error: failed.length ? {
      code: failed[0]!.error!.code,
      message: `${failed.length} of ${targets.length} targets failed: ${failed.map((t) => `${t.target} (${t.outcome}: [${t.error!.code}] ${t.error!.message})`).join('; ')}`,
      diagnostics: [],
    } : null,
    targets,
  };
}

/** A pass as the loop ran it: its outcome, what asked for it, and when. */
export interface ReconcileRecord extends ReconcileOutcome {
  readonly triggers: readonly Trigger[];
  /** Epoch milliseconds. */
  readonly startedAt: number;
  readonly durationMs: number;
}

/** Typed errors keep their code, hint and diagnostics; SDK and network errors are named by the SDK or errno. */
export function errorInfoOf(error: unknown): ErrorInfo {
  if (isLicensectlError(error)) {
    return { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}), diagnostics: error.diagnostics };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: errorName(error), message: message || errorName(error), diagnostics: [] };
}

/**
 * Managed resources (tagged as this project's) before any change: every planned address except those still to create
 * or adopt, and observed ones that are missing or observed through spec.adopt (never tagged).
 */
export function managedBefore(plan: Plan): number {
  return plan.changes.filter((c) => isTagged(c) && c.action !== 'create' && c.action !== 'adopt').length;
}

/** Managed resources after the apply: creates and adopts that succeeded count, deletes that succeeded do not. */
export function managedAfter(plan: Plan, result: ApplyResult): number {
  const applied = new Set(result.results.filter((r) => r.outcome === 'applied').map((r) => r.address));
  return plan.changes.filter((c) => {
    if (!isTagged(c)) return false;
    if (c.action === 'create' || c.action === 'adopt') return applied.has(c.address);
    if (c.action === 'delete') return !applied.has(c.address);
    return true;
  }).length;
}

/** Whether the change's resource is (or, once created or adopted, will be) this project's: not an observed one never tagged or missing. */
function isTagged(c: ResourceChange): boolean {
  return c.observed !== 'missing' && !c.unmanaged;
}

/** Null when every change was applied; otherwise the first failure's code and every unfinished address. */
export function applyErrorOf(result: ApplyResult): ErrorInfo | null {
  const unfinished = result.results.filter((r) => r.outcome !== 'applied');
  if (unfinished.length === 0) return null;
  const first = unfinished.find((r) => r.outcome === 'failed') ?? unfinished.find((r) => r.error) ?? unfinished[0]!;
  const list = unfinished.map((r) => `${r.address} (${r.outcome}${r.error ? `: ${r.error.code}` : ''})`).join(', ');
  return {
    code: first.error?.code ?? 'APPLY_FAILED',
    message: `${unfinished.length} of ${result.results.length} changes were not applied: ${list}`,
    diagnostics: [],
  };
}
