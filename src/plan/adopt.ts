// Adoption: a document that names an existing resource (`spec.adopt: ARN`) takes it over instead of creating
// another, and an Association whose pairs exist unclaimed takes those pairs over. The adopted resource is paired
// with its document as a managed one would be (named as the document, its references as names), and planned as an
// `adopt`: our ownership tags first, then an update in place of what differs. An adopt never replaces or deletes
// what it takes over: a field that cannot change in place refuses it. An observe-only document is paired the same
// way and never tagged (observing what you do not own: the drift of a hand-made configuration).
import {
  accountOfArn, type Address, addressOf, type DesiredResource, type Kind, type LiveResource, type LiveState, type OtherResource, type ReferenceNames, referenceNames,
  type SourceRef, type Target, withReferenceNames,
} from '../model/index.js';
import { compareText } from '../util/canonical.js';
import { planMessages } from './change-rules.js';
import type { ResourceChange } from './types.js';

/** A document whose adoption is refused: the plan cannot be made until it is fixed. */
export interface AdoptProblem {
  readonly address: Address;
  readonly source: SourceRef | null;
  readonly message: string;
}

export interface Adoption {
  /** The live resources documents take over, named as their documents, with references as names. Sorted by address. */
  readonly live: readonly LiveResource[];
  /** Their addresses. */
  readonly adopted: ReadonlySet<Address>;
  /** The unmanaged resources (and association pairs) taken: no longer listed as unmanaged. */
  readonly taken: ReadonlySet<OtherResource>;
  /** Sorted by address. */
  readonly problems: readonly AdoptProblem[];
}

export const adoptMessages = {
  noLongerNeeded: (arn: string) => `spec.adopt is no longer needed: ${arn} is managed by this project; remove it`,
  otherAccount: (arn: string, account: string) => `spec.adopt names ${arn}, of another account than the target's (${account})`,
  otherRegion: (arn: string, region: string) => `spec.adopt names ${arn}, of another region than the target's (${region})`,
  notFound: (arn: string, kind: Kind) => `spec.adopt names ${arn}, which is not an existing ${kind} of this account and region`,
  foreign: (arn: string, project: string) => `spec.adopt names ${arn}, which belongs to project ${project}; it is never modified`,
  managedElsewhere: (arn: string, address: Address) => `spec.adopt names ${arn}, which this project already manages as ${address}`,
  addressTaken: (arn: string, managed: string) => `spec.adopt names ${arn}, but this address already manages ${managed}`,
  adoptedTwice: (arn: string, first: Address) => `spec.adopt names ${arn}, which ${first} adopts too`,
  cannotChange: (reasons: readonly string[]) => `cannot adopt: ${reasons.join('; ')} (an adopt never replaces an existing resource)`,
} as const;

/** What documents adopt in `live`, and the adoptions refused. Pure: reads its inputs, never changes them. */
export function adoptionOf(resources: readonly DesiredResource[], live: LiveState, target: Pick<Target, 'account' | 'region'>): Adoption {
  const managedAt = new Map(live.managed.map((r) => [addressOf(r.kind, r.name), r]));
  const names = referenceNamesOf(resources, live.managed);
  const adopted: LiveResource[] = [];
  const taken = new Set<OtherResource>();
  const problems: AdoptProblem[] = [];
  const claimedBy = new Map<string, Address>();
  for (const desired of resources) {
    const address = addressOf(desired.kind, desired.name);
    const managed = managedAt.get(address);
    if (desired.kind === 'Association') {
      if (managed) continue;
      const pairs = existingPairs(desired, live.others, names);
      if (pairs.length === 0) continue;
      pairs.forEach((p) => taken.add(p));
      adopted.push(associationOf(desired.name, pairs, names));
      continue;
    }
    if (desired.adopt === undefined) continue;
    const refuse = (message: string) => problems.push({ address, source: desired.adoptSource ?? desired.source ?? null, message });
    const arn = desired.adopt;
    if (managed) {
      if (managed.arn !== arn) refuse(adoptMessages.addressTaken(arn, managed.arn));
      continue;
    }
    const region = arn.split(':')[3] ?? '';
    const elsewhere = live.managed.find((r) => r.arn === arn);
    const other = live.others.find((o) => o.arn === arn && o.kind === desired.kind);
    if (accountOfArn(arn) !== target.account) refuse(adoptMessages.otherAccount(arn, target.account));
    else if (region !== '' && region !== target.region) refuse(adoptMessages.otherRegion(arn, target.region));
    else if (elsewhere) refuse(adoptMessages.managedElsewhere(arn, addressOf(elsewhere.kind, elsewhere.name)));
    else if (!other?.live) refuse(adoptMessages.notFound(arn, desired.kind));
    else if (other.owner === 'foreign') refuse(adoptMessages.foreign(arn, other.project ?? ''));
    else if (claimedBy.has(arn)) refuse(adoptMessages.adoptedTwice(arn, claimedBy.get(arn)!));
    else {
      claimedBy.set(arn, address);
      taken.add(other);
      adopted.push(withReferenceNames({ ...other.live, name: desired.name }, names));
    }
  }
  return { live: adopted, adopted: new Set(adopted.map((r) => addressOf(r.kind, r.name))), taken, problems };
}

/**
 * The change at an adopted address, from compareChange's: an `adopt` (tags, then the update of what differs), or for
 * an observe-only document the drift alone, marked unmanaged. A replace is refused: the resource is not ours to delete.
 */
export function adoptChange(change: ResourceChange, desired: Pick<DesiredResource, 'observe' | 'adoptSource'>): ResourceChange | AdoptProblem {
  // Observed, it is never tagged: not this project's.
  if (desired.observe) return { ...observedChange(change), unmanaged: true };
  if (change.action === 'replace' || change.action === 'create') {
    return { address: change.address, source: desired.adoptSource ?? change.source ?? null, message: adoptMessages.cannotChange(change.reasons) };
  }
  return { ...change, action: 'adopt' };
}

/**
 * An observe-only document's change: never acted on; its diff is drift, reported (a field that cannot change in place
 * too). A live grant that is gone is missing, as nothing live is.
 */
export function observedChange(change: ResourceChange): ResourceChange {
  if (change.action === 'create') return { ...change, action: 'no-op', observed: 'missing', warnings: [...change.warnings, planMessages.observedMissing] };
  return { ...change, action: 'no-op', observed: change.diff.length > 0 || change.action !== 'no-op' ? 'drift' : 'in-sync' };
}

/**
 * The names references are compared by: live specs hold ARNs, documents names or ARNs. The ARNs of managed resources
 * and of those documents adopt are known by their documents' names, so a share adopted with its configuration, or a
 * document naming a managed license by ARN, compares equal. A managed resource without a document keeps its ARN: a
 * document can only refer to it by ARN (its name names no document, and apply resolves names through the plan).
 */
export function referenceNamesOf(resources: readonly DesiredResource[], managed: readonly LiveResource[]): ReferenceNames {
  const documented = new Set(resources.map((r) => addressOf(r.kind, r.name)));
  return referenceNames([
    ...managed.filter((r) => documented.has(addressOf(r.kind, r.name))),
    ...resources.flatMap((r) => (r.adopt === undefined ? [] : [{ kind: r.kind, arn: r.adopt, name: r.name }])),
  ]);
}

/** The unmanaged pairs of the document's resource with the configurations it names (by name or ARN). */
function existingPairs(desired: DesiredResource & { kind: 'Association' }, others: readonly OtherResource[], names: ReferenceNames): OtherResource[] {
  const arnOf = new Map([...names.configurations].map(([arn, name]) => [name, arn]));
  const wanted = new Set(desired.spec.licenseConfigurations.map((ref) => (ref.startsWith('arn:') ? ref : arnOf.get(ref) ?? '')));
  return others.filter((o) => o.kind === 'Association' && o.owner === 'unmanaged' && o.live?.kind === 'Association'
    && o.live.spec.resourceArn === desired.spec.resourceArn && wanted.has(o.arn));
}

function associationOf(name: string, pairs: readonly OtherResource[], names: ReferenceNames): LiveResource {
  const specs = pairs.map((p) => p.live!.spec as { resourceArn: string; amiAssociationScope: string | null });
  const scopes = new Set(specs.map((s) => s.amiAssociationScope));
  const spec = {
    resourceArn: specs[0]!.resourceArn,
    licenseConfigurations: pairs.map((p) => names.configurations.get(p.arn) ?? p.arn).sort(compareText),
    amiAssociationScope: scopes.size === 1 ? [...scopes][0]! : null,
  };
  return { kind: 'Association', name, arn: spec.resourceArn, tags: {}, meta: {}, spec } as LiveResource;
}
