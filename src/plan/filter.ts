// --target: plan only some addresses, like Terraform's -target, plus the changes they cannot do without.
import { type Address, compareAddresses, isKind, KINDS } from '../model/index.js';

import { referencesOf } from './dependencies.js';
import type { ResourceChange } from './types.js';

export interface ParsedTargets {
  /** Sorted by address, without repeats. */
  readonly targets: readonly Address[];
  /** One sentence per string that is not an address. */
  readonly errors: readonly string[];
}

export function parseTargets(strings: readonly string[]): ParsedTargets {
  const targets = new Set<Address>();
  const errors: string[] = [];
  for (const text of strings) {
    const address = asAddress(text.trim());
    if (address) targets.add(address);
    else errors.push(targetError(text));
  }
  return { targets: [...targets].sort(compareAddresses), errors };
}

function asAddress(text: string): Address | undefined {
  const slash = text.indexOf('/');
  const kind = text.slice(0, slash);
  return slash > 0 && slash < text.length - 1 && isKind(kind) ? (text as Address) : undefined;
}

function targetError(text: string): string {
  const slash = text.indexOf('/');
  const kind = slash < 0 ? text : text.slice(0, slash);
  const known = KINDS.find((k) => k.toLowerCase() === kind.toLowerCase());
  const hint = known && known !== kind && slash > 0 ? `; did you mean ${known}${text.slice(slash)}?` : '';
  return `--target ${JSON.stringify(text)} is not an address: expected Kind/name with Kind one of ${KINDS.join(', ')}${hint}`;
}

/**
 * The targeted changes and, transitively, the creates, updates and replaces of what the targeted creates,
 * updates and replaces refer to: a share cannot be created before its new configuration exists.
 * Deletes pull in nothing; what depends on a deleted resource is not planned unless targeted too.
 */
export function selectTargets(changes: readonly ResourceChange[], targets: readonly Address[]): ResourceChange[] {
  const byAddr = new Map(changes.map((c) => [c.address, c]));
  const selected = new Set<Address>();
  const visit = (address: Address): void => {
    const change = byAddr.get(address);
    if (!change || selected.has(address)) return;
    selected.add(address);
    if (change.action === 'delete' || change.action === 'no-op') return;
    for (const ref of referencesOf(change.kind, change.after)) if (isChanging(byAddr.get(ref))) visit(ref);
  };
  targets.forEach(visit);
  return changes.filter((c) => selected.has(c.address));
}

function isChanging(change: ResourceChange | undefined): boolean {
  return change !== undefined && change.action !== 'no-op' && change.action !== 'delete';
}

/**
 * The changes without the deletes at `held` (watch's --prune-grace holds back a delete whose document may come
 * back): every other address, selected as --target selects. A delete pulls nothing in, so nothing else is lost.
 */
export function withoutDeletes(changes: readonly ResourceChange[], held: ReadonlySet<Address>): ResourceChange[] {
  return selectTargets(changes, changes.filter((c) => c.action !== 'delete' || !held.has(c.address)).map((c) => c.address));
}
