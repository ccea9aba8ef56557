// A resource address is `Kind/name`: the one key by which desired and live resources are paired.
import { isKind, kindRank, type Kind } from './kinds.js';

export type Address = `${Kind}/${string}`;

export function addressOf(kind: Kind, name: string): Address {
  return `${kind}/${name}`;
}

export function parseAddress(text: string): { kind: Kind; name: string } | undefined {
  const slash = text.indexOf('/');
  const kind = text.slice(0, slash);
  const name = text.slice(slash + 1);
  if (slash < 0 || !isKind(kind) || name === '') return undefined;
  return { kind, name };
}

/** Total order: dependency rank of the kind first, then name. Every list we print is sorted with it. */
export function compareAddresses(a: Address, b: Address): number {
  const pa = parseAddress(a)!;
  const pb = parseAddress(b)!;
  return kindRank(pa.kind) - kindRank(pb.kind) || (pa.name < pb.name ? -1 : pa.name > pb.name ? 1 : 0);
}
