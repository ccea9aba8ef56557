// From what the store read to a LiveState: grants paired with their documents by name, ARNs of managed resources
// swapped for names, and managed resources paired by address (an address held twice is a duplicate).
import {
  addressOf, compareAddresses, type Address, type DesiredResource, type Duplicate, type Kind, type LiveResource, type LiveState, type OtherResource, referenceNames, withReferenceNames,
} from '../model/index.js';
import { compareText } from '../util/canonical.js';
import { type ListedGrant, liveGrant } from './kinds/grant.js';

/** A listed grant taken to be a document's grant by license and name; its tags are assumed to be the document's. */
export interface PairedGrant {
  readonly grant: ListedGrant;
  readonly desired: DesiredResource;
  /** The live grant under that assumption, with the license's ARN swapped for its name as in a LiveState. */
  readonly live: LiveResource;
}

/**
 * Pairs listed grants with Grant documents by license and AWS name. A grant whose license and name match exactly
 * one document, and no other listed grant, is taken to be that document's grant without reading its tags; every
 * other grant is `unpaired` and needs its tags read. A wrong guess can only hide a difference in tags, so the
 * grants a plan will act on must have their tags read before the plan is made.
 */
export function pairGrants(grants: readonly ListedGrant[], desired: readonly DesiredResource[], managed: readonly LiveResource[]): { paired: PairedGrant[]; unpaired: ListedGrant[] } {
  const licenseArns = new Map(managed.filter((r) => r.kind === 'License').map((r) => [r.name, r.arn]));
  const licenseNames = new Map(managed.filter((r) => r.kind === 'License').map((r) => [r.arn, r.name]));
  const key = (licenseArn: string, name: string) => `${licenseArn}|${name}`;
  // A document that adopts a grant names it by ARN: its tags are read, to tell whether it is ours yet.
  const documents = groupBy(desired.filter((d) => d.kind === 'Grant').filter((d) => d.adopt === undefined), (d) => {
    const licenseArn = d.spec.license.startsWith('arn:') ? d.spec.license : licenseArns.get(d.spec.license);
    return licenseArn === undefined ? undefined : key(licenseArn, d.spec.displayName);
  });
  const paired: PairedGrant[] = [];
  const unpaired: ListedGrant[] = [];
  for (const [k, group] of groupBy(grants, (g) => key(g.spec.license, g.spec.displayName))) {
    const docs = documents.get(k) ?? [];
    if (group.length !== 1 || docs.length !== 1) {
      unpaired.push(...group);
      continue;
    }
    const [grant, doc] = [group[0]!, docs[0]!];
    const live = liveGrant({ ...grant, spec: { ...grant.spec, license: licenseNames.get(grant.spec.license) ?? grant.spec.license } }, doc.name, doc.tags);
    paired.push({ grant, desired: doc, live });
  }
  return { paired, unpaired };
}

/** The live state of everything read: `managed` with ARNs of managed resources in specs, and the paired grants. */
export function liveState(managed: readonly LiveResource[], others: readonly OtherResource[], paired: readonly LiveResource[] = []): LiveState {
  const all = [...namesForArns(managed), ...paired];
  const byAddress = groupBy(all, (r) => addressOf(r.kind, r.name));
  const unique: LiveResource[] = [];
  const duplicates: Duplicate[] = [];
  for (const [address, group] of byAddress) {
    if (group.length === 1) unique.push(group[0]!);
    else duplicates.push({ address: address as Address, arns: group.map((r) => r.arn).sort(compareText) });
  }
  const byAddr = (a: { kind: Kind; name: string }, b: { kind: Kind; name: string }) => compareAddresses(addressOf(a.kind, a.name), addressOf(b.kind, b.name));
  return {
    managed: unique.sort(byAddr),
    others: [...others].sort((a, b) => compareText(a.kind, b.kind) || compareText(a.arn, b.arn)),
    duplicates: duplicates.sort((a, b) => compareAddresses(a.address, b.address)),
  };
}

/**
 * Live specs hold ARNs where desired specs hold names: a share lists configurations, a grant names its license.
 * Swapping the ARNs of resources we manage for their names makes the two comparable.
 */
function namesForArns(managed: readonly LiveResource[]): LiveResource[] {
  const names = referenceNames(managed);
  return managed.map((r) => withReferenceNames(r, names));
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
