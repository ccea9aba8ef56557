// The order of addresses in every plan list: kind in dependency order, then name.
import { kindRank, type Address, type Kind } from '../model/index.js';

// model's compareAddresses assumes well-formed addresses; planning is total, so this order never throws
// (an address without a name, which validation rejects, still sorts).
export function byAddress(a: Address, b: Address): number {
  const [kindA, nameA] = split(a);
  const [kindB, nameB] = split(b);
  return kindRank(kindA) - kindRank(kindB) || compareText(nameA, nameB);
}

function split(address: Address): [Kind, string] {
  const slash = address.indexOf('/');
  return [address.slice(0, slash) as Kind, address.slice(slash + 1)];
}

/** Code-unit order: the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
