// Why each change of a pass is needed: the documents changed (a desired-state change: someone edited, added or
// removed a file, or a new commit arrived) or the account changed (drift: live differs from what the account last
// matched). The watcher remembers, address by address, the document the account last matched, and compares the
// document of this pass with it, with the planner's own desired-state diff.
import { type Address, addressOf, type DesiredResource, type DesiredState } from '../model/index.js';
import { documentChange } from '../plan/desired-diff.js';
import type { Plan, ResourceChange } from '../plan/types.js';
import type { ChangeEntry } from './outcome.js';

/** The account's match of an address is not known yet: it differed on the first pass the watcher saw it. */
const UNKNOWN = Symbol('unknown');
type Baseline = DesiredResource | null | typeof UNKNOWN;

/**
 * The document each address had when the account last matched it (null: matched with no document, i.e. absent on
 * both sides). Before the first pass that planned, nothing is known: every change found then has cause `unknown`.
 */
export class SyncedDocuments {
  private baseline: Map<Address, Baseline> | null = null;
  private readonly targets = new Map<string, SyncedDocuments>();

  /** With spec.targets: what each target's account last matched, apart (the same address is another resource there). */
  of(label: string): SyncedDocuments {
    if (!this.targets.has(label)) this.targets.set(label, new SyncedDocuments());
    return this.targets.get(label)!;
  }

  /** Each change the plan would make, with its cause and the fields that differ; sorted as the plan is. */
  explain(plan: Plan, desired: DesiredState): ChangeEntry[] {
    const documents = documentsOf(desired);
    return plan.changes.flatMap((c) => (c.action === 'no-op' ? [] : [this.entryOf(c, c.action, documents.get(c.address) ?? null)]));
  }

  /**
   * After a pass: the addresses now known to match (no-ops, changes applied) take this pass's document; those that
   * still differ keep what they last matched, or become unknown if they never matched.
   */
  remember(plan: Plan, desired: DesiredState, matched: ReadonlySet<Address>): void {
    const documents = documentsOf(desired);
    const baseline = this.baseline ?? new Map<Address, Baseline>();
    for (const change of plan.changes) {
      if (change.action === 'no-op' || matched.has(change.address)) baseline.set(change.address, documents.get(change.address) ?? null);
      else if (!baseline.has(change.address)) baseline.set(change.address, UNKNOWN);
    }
    this.baseline = baseline;
  }

  private entryOf(change: ResourceChange, action: ChangeEntry['action'], document: DesiredResource | null): ChangeEntry {
    const fields = change.diff.map((d) => d.path);
    const base = this.baseline === null ? UNKNOWN : (this.baseline.get(change.address) ?? null);
    if (base === UNKNOWN) return { address: change.address, action, cause: 'unknown', fields };
    const edit = base === null && document === null ? null : documentChange(change.address, base, document);
    // A document only moved to another file is the same document: what differs is the account.
    if (edit === null || edit.status === 'moved') return { address: change.address, action, cause: 'drift', fields };
    return { address: change.address, action, cause: 'desired', document: edit.status, fields };
  }
}

function documentsOf(desired: DesiredState): Map<Address, DesiredResource> {
  return new Map(desired.resources.map((r) => [addressOf(r.kind, r.name), r]));
}

/** A change in words, for the log: `update LicenseConfiguration/a (drift: licenseCount)`; with targets `update dev/LicenseConfiguration/a …`. */
export function describeChange(entry: ChangeEntry): string {
  const why = entry.cause === 'desired' ? `document ${entry.document}` : entry.cause === 'drift' ? 'drift' : 'since start';
  return `${entry.action} ${entry.target ? `${entry.target}/` : ''}${entry.address} (${why}${entry.fields.length ? `: ${entry.fields.join(', ')}` : ''})`;
}
