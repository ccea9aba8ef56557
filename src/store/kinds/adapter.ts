// What the store knows about one resource kind: how to read all of it and how to perform one change.
import type { DesiredResource, Kind, LiveResource, OtherResource, SpecByKind, Tags, Target } from '../../model/index.js';
import type { ResourceChange } from '../../plan/types.js';
import type { LimitFunction } from 'p-limit';
import type { Clients } from '../clients.js';

export interface StoreContext {
  readonly clients: Clients;
  readonly project: string;
  /** Every per-resource read of the store goes through this one limit: at most --concurrency at a time in all. */
  readonly readLimit: LimitFunction;
  readonly target: Target;
}

export interface KindRead {
  /** Every resource carrying our ownership tags, duplicates included; the store pairs them by address. */
  readonly managed: readonly LiveResource[];
  readonly others: readonly OtherResource[];
  /** Managed resources paired by name without a tag read (see LiveState.unverified). */
  readonly unverified?: readonly LiveResource[];
}

/** What the desired state tells a read, so that it can skip per-resource reads it does not need. */
export interface ReadHint {
  /** May still be loading when the read starts; awaited only once a kind needs it. */
  readonly desired: Promise<readonly DesiredResource[]>;
  /** ARNs of the managed licenses by name, once the license read is done. */
  readonly licenseArns: Promise<ReadonlyMap<string, string>>;
}

/** What a change needs from the apply it is part of. */
export interface ApplyContext {
  /** Turns a reference in a spec (a managed resource's name, or an ARN) into an ARN at apply time. */
  arnOf(kind: Kind, nameOrArn: string): string;
  /** The ARN a reference had when the plan was made (before any replace in this apply); undefined if none. */
  plannedArnOf(kind: Kind, nameOrArn: string): string | undefined;
  /**
   * A client token for one call of this change: the same for every retry within one apply (so a retried
   * create cannot duplicate), different across applies (so re-creating a deleted resource later is not
   * answered with the old one).
   */
  clientToken(change: ResourceChange, purpose: string): string;
}

export interface KindAdapter {
  readonly kind: Kind;
  read(ctx: StoreContext, hint?: ReadHint): Promise<KindRead>;
  /** Reads the tags of resources read unverified; returns them classified as a fresh read would. */
  verify?(ctx: StoreContext, resources: readonly LiveResource[]): Promise<KindRead>;
  create(ctx: StoreContext, change: ResourceChange, apply: ApplyContext): Promise<string>;
  update(ctx: StoreContext, change: ResourceChange, apply: ApplyContext): Promise<void>;
  delete(ctx: StoreContext, change: ResourceChange): Promise<void>;
}

/** The desired body of a change, narrowed to its kind. */
export function afterOf<K extends Kind>(change: ResourceChange, kind: K): { tags: Tags; spec: SpecByKind[K] } {
  if (change.kind !== kind || !change.after) throw new Error(`internal: ${change.address} has no desired ${kind} body`);
  return change.after as unknown as { tags: Tags; spec: SpecByKind[K] };
}

export function beforeOf<K extends Kind>(change: ResourceChange, kind: K): { tags: Tags; spec: SpecByKind[K] } {
  if (change.kind !== kind || !change.before) throw new Error(`internal: ${change.address} has no live ${kind} body`);
  return change.before as unknown as { tags: Tags; spec: SpecByKind[K] };
}

export function arnOfChange(change: ResourceChange): string {
  if (!change.arn) throw new Error(`internal: ${change.address} has no ARN`);
  return change.arn;
}
