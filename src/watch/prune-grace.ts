// --prune-grace: a managed resource whose document disappears is deleted only once the document has stayed absent for
// the grace period, measured from the first pass that saw it absent. An editor's delete-and-restore, a branch switch or
// a file moved in two steps then costs nothing, where deleting at once would recreate the resource with a new ARN (a
// grant's grantee must accept it again). Other changes of the same pass apply as usual.
import type { Address } from '../model/index.js';
import { withoutDeletes } from '../plan/filter.js';
import { type Plan, summarize } from '../plan/types.js';
import { formatDuration } from '../util/duration.js';
import type { DeferredDelete } from './outcome.js';

export const DEFAULT_PRUNE_GRACE = '60s';

interface HeldPlan {
  /** The plan without the deletes still in their grace period: what the pass applies (or reports). */
  readonly plan: Plan;
  /** Sorted by address. */
  readonly deferred: readonly DeferredDelete[];
}

export class PruneGrace {
  /** Address → epoch milliseconds of the first pass that planned its delete. */
  private readonly absentSince = new Map<Address, number>();
  private readonly targets = new Map<string, PruneGrace>();

  constructor(private readonly graceMs: number) {}

  /** With spec.targets: each target's deletes are held back apart (the same address is another resource there). */
  of(label: string): PruneGrace {
    if (!this.targets.has(label)) this.targets.set(label, new PruneGrace(this.graceMs));
    return this.targets.get(label)!;
  }

  /**
   * Holds back the plan's deletes whose documents have been absent for less than the grace period. Deletes no longer
   * planned (the document came back, or the resource is gone) are forgotten, so a later absence starts a new period.
   */
  hold(plan: Plan, now: number): HeldPlan {
    const deletes = plan.changes.filter((c) => c.action === 'delete').map((c) => c.address);
    const planned = new Set(deletes);
    for (const address of [...this.absentSince.keys()]) if (!planned.has(address)) this.absentSince.delete(address);
    const deferred: DeferredDelete[] = [];
    for (const address of deletes) {
      const since = this.absentSince.get(address) ?? now;
      this.absentSince.set(address, since);
      const deleteAt = since + this.graceMs;
      if (deleteAt > now) deferred.push({ address, absentSince: since, deleteAt });
    }
    if (deferred.length === 0) return { plan, deferred };
    const changes = withoutDeletes(plan.changes, new Set(deferred.map((d) => d.address)));
    return { plan: { ...plan, changes, summary: summarize(changes) }, deferred };
  }
}

/**
 * `Grant/x: document absent, deleting in 45s` (rounded up to the second, as a countdown is read); once due (/status
 * read after a pass that could not run), `deleting at the next pass`.
 */
export function describeDeferred(d: DeferredDelete, now: number): string {
  const address = d.target ? `${d.target}/${d.address}` : d.address;
  if (d.deleteAt <= now) return `${address}: document absent, deleting at the next pass`;
  return `${address}: document absent, deleting in ${formatDuration(Math.ceil((d.deleteAt - now) / 1_000) * 1_000)}`;
}

/** When the first deferred delete is due; null when none waits. */
export function nextDeleteAt(deferred: readonly DeferredDelete[]): number | null {
  return deferred.length === 0 ? null : Math.min(...deferred.map((d) => d.deleteAt));
}
