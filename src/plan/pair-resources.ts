// Pairs desired and live managed resources by address, setting aside addresses that cannot be planned safely.
import { type Address, addressOf, compareAddresses, type DesiredResource, type Duplicate, type Kind, type LiveResource, type LiveState } from '../model/index.js';
import { canonicalJson, compareText } from '../util/canonical.js';
import { planMessages } from './change-rules.js';

/** One address with what is desired and what is live there; at least one of the two is set. */
export interface Pair {
  readonly address: Address;
  readonly kind: Kind;
  readonly name: string;
  readonly desired: DesiredResource | null;
  readonly live: LiveResource | null;
}

export interface Pairing {
  /** Sorted by address; addresses with duplicates are not paired. */
  readonly pairs: readonly Pair[];
  /** Sorted by address, each with its ARNs sorted. */
  readonly duplicates: readonly Duplicate[];
  readonly warnings: readonly string[];
}

export function pairResources(desired: readonly DesiredResource[], live: LiveState): Pairing {
  const wanted = groupByAddress(desired);
  const found = groupByAddress(live.managed);
  const duplicates = mergeDuplicates(live.duplicates, found);
  const excluded = new Set(duplicates.map((d) => d.address));
  const addresses = [...new Set([...wanted.keys(), ...found.keys()])].filter((a) => !excluded.has(a)).sort(compareAddresses);
  const pairs = addresses.map((address): Pair => {
    const d = first(wanted.get(address));
    const l = first(found.get(address));
    const one = (d ?? l)!;
    return { address, kind: one.kind, name: one.name, desired: d, live: l };
  });
  const declaredTwice = addresses.filter((a) => (wanted.get(a)?.length ?? 0) > 1).map(planMessages.declaredTwice);
  const duplicated = duplicates.map((d) => planMessages.duplicate(d.address, d.arns));
  return { pairs, duplicates, warnings: [...declaredTwice, ...duplicated] };
}

function groupByAddress<R extends DesiredResource | LiveResource>(resources: readonly R[]): Map<Address, R[]> {
  const groups = new Map<Address, R[]>();
  for (const resource of resources) {
    const address = addressOf(resource.kind, resource.name);
    const group = groups.get(address);
    if (group) group.push(resource);
    else groups.set(address, [resource]);
  }
  return groups;
}

// Which of several same-address documents wins must not depend on input order, so pick by content.
function first<R>(group: readonly R[] | undefined): R | null {
  if (!group || group.length === 0) return null;
  if (group.length === 1) return group[0]!;
  return [...group].sort((a, b) => compareText(canonicalJson(a), canonicalJson(b)))[0]!;
}

/** The store's duplicates, plus any address that still holds more than one managed resource. */
function mergeDuplicates(reported: readonly Duplicate[], found: ReadonlyMap<Address, readonly LiveResource[]>): Duplicate[] {
  const arns = new Map<Address, Set<string>>();
  const add = (address: Address, list: readonly string[]) => arns.set(address, new Set([...(arns.get(address) ?? []), ...list]));
  for (const d of reported) add(d.address, d.arns);
  for (const [address, group] of found) if (group.length > 1) add(address, group.map((r) => r.arn));
  return [...arns.entries()]
    .map(([address, set]) => ({ address, arns: [...set].sort(compareText) }))
    .sort((a, b) => compareAddresses(a.address, b.address));
}
