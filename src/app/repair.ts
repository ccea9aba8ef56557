// `licensectl repair`: resolving duplicates — several live resources carrying the ownership tags of one document
// (what a killed apply whose create landed late can leave, or a copy made by hand). The extra copies are deleted
// when they cannot be told apart and nothing uses them; anything else is listed, with what makes the copies differ
// or which copies are in use, for a person to resolve. Unmanaged and foreign resources are never looked at.
import { addressOf, compareAddresses, type Address, type LiveResource } from '../model/index.js';
import { diffResource } from '../plan/diff-resource.js';
import { bodyOf } from '../plan/plan-change.js';
import type { Store } from '../store/index.js';
import { compareText } from '../util/canonical.js';
import type { UnitError } from '../render/plan-set.js';
import type { LoadedState } from './planning.js';
import { codeOf, inEveryUnit, placeOf } from './target-runs.js';
import type { StoreFlags } from './open-store.js';

export interface Repair {
  readonly address: Address;
  /** The copy kept; null when the repair is refused. */
  readonly keep: string | null;
  /** The copies to delete (none when refused). */
  readonly remove: readonly LiveResource[];
  /** Why nothing is done here, for a person to resolve. */
  readonly refused?: string;
}

/** Reads every managed resource, copies included, and decides what to do at each duplicated address. */
export async function planRepairs(store: Store): Promise<Repair[]> {
  const listing = await store.list();
  const grants = await store.readGrantTags(listing.grants);
  const managed = [...listing.managed, ...grants.managed];
  const byAddress = new Map<Address, LiveResource[]>();
  for (const r of managed) byAddress.set(addressOf(r.kind, r.name), [...(byAddress.get(addressOf(r.kind, r.name)) ?? []), r]);
  const duplicated = [...byAddress].filter(([, copies]) => copies.length > 1).sort(([a], [b]) => compareAddresses(a, b));
  const users = usersOf(managed, listing.grants.map((g) => g.spec.license));
  return Promise.all(duplicated.map(([address, copies]) => decide(store, address, copies, users)));
}

/** Deletes the extra copies of the repairs that are not refused; returns the ones that failed with their error. */
export async function applyRepairs(store: Store, repairs: readonly Repair[]): Promise<{ arn: string; error: string }[]> {
  const failed: { arn: string; error: string }[] = [];
  for (const repair of repairs) {
    for (const copy of repair.remove) {
      try {
        await store.delete({ address: repair.address, kind: copy.kind, name: copy.name, arn: copy.arn, before: bodyOf(copy), after: null, diff: [], meta: copy.meta, fingerprint: '' });
      } catch (error) {
        failed.push({ arn: copy.arn, error: (error as Error).message });
      }
    }
  }
  return failed;
}

/** With spec.targets: each target's duplicates, found and resolved in its own account, apart from the others'. */
export interface TargetRepairs {
  readonly label: string;
  readonly repairs: readonly Repair[];
}

type TargetFlags = StoreFlags & { readonly 'only-targets'?: readonly string[] };

/** The repairs of every target (with `--only-targets`, those it selects); a target that cannot be read is a failure. */
export async function planTargetRepairs(loaded: Pick<LoadedState, 'state' | 'dir'>, flags: TargetFlags): Promise<{ targets: TargetRepairs[]; failures: UnitError[] }> {
  const { done, failures } = await inEveryUnit(loaded, flags, (store) => planRepairs(store));
  return {
    targets: done.map((d) => ({ label: d.unit.label, repairs: d.value })),
    failures: await Promise.all(failures.map(async ({ unit, error }) => ({ ...placeOf(unit), error: await codeOf(error) }))),
  };
}

/** Deletes the extra copies in each target's own account; what failed, with its target (a target not reached, each of its copies). */
export async function applyTargetRepairs(loaded: Pick<LoadedState, 'state' | 'dir'>, flags: TargetFlags, targets: readonly TargetRepairs[]): Promise<{ label: string; arn: string; error: string }[]> {
  const chosen = targets.filter((t) => t.repairs.some((r) => r.remove.length > 0));
  if (!chosen.length) return [];
  const byLabel = new Map(chosen.map((t) => [t.label, t.repairs]));
  const { done, failures } = await inEveryUnit(loaded, { ...flags, 'only-targets': chosen.map((t) => `${t.label.split('@')[0]}@${t.label.split('@')[1] ?? '*'}`) }, async (store, _desired, unit) => {
    const repairs = byLabel.get(unit.label);
    return repairs ? applyRepairs(store, repairs) : [];
  });
  return [
    ...done.flatMap((d) => d.value.map((f) => ({ label: d.unit.label, ...f }))),
    ...failures.flatMap(({ unit, error }) => (byLabel.get(unit.label) ?? []).flatMap((r) => r.remove.map((c) => ({ label: unit.label, arn: c.arn, error: (error as Error).message })))),
  ];
}

async function decide(store: Store, address: Address, copies: LiveResource[], users: ReadonlyMap<string, readonly string[]>): Promise<Repair> {
  const sorted = [...copies].sort((a, b) => compareText(a.arn, b.arn));
  const differences = differencesOf(sorted);
  if (differences.length > 0) return refuse(address, `the copies differ: ${differences.join('; ')}`);
  const inUse = await Promise.all(sorted.map(async (copy) => ({ copy, by: await usedBy(store, copy, users) })));
  const used = inUse.filter((u) => u.by.length > 0);
  if (used.length > 1) return refuse(address, `more than one copy is in use: ${used.map((u) => `${u.copy.arn} (${u.by.join(', ')})`).join('; ')}`);
  const keep = used[0]?.copy ?? oldest(store, sorted);
  return { address, keep: keep.arn, remove: sorted.filter((c) => c !== keep) };
}

function refuse(address: Address, why: string): Repair {
  return { address, keep: null, remove: [], refused: why };
}

/**
 * What one copy has that another has not, as `arn: path before → after` against the first copy. A grant's status
 * counts too: a copy the grantee accepted is not the same as one still pending.
 */
function differencesOf(copies: readonly LiveResource[]): string[] {
  const [first, ...rest] = copies;
  const statusOf = (r: LiveResource) => (r.kind === 'Grant' ? r.meta.status ?? '' : '');
  return rest.flatMap((copy) => {
    const fields = diffResource(bodyOf(first!), bodyOf(copy)).map((d) => `${d.path} ${JSON.stringify(d.before)} → ${JSON.stringify(d.after)}`);
    if (statusOf(copy) !== statusOf(first!)) fields.push(`status ${statusOf(first!)} → ${statusOf(copy)}`);
    return fields.length ? [`${copy.arn} against ${first!.arn}: ${fields.join(', ')}`] : [];
  });
}

/** ARNs referred to by managed shares and Associations (their configurations) and by any grant (its license), with who refers. */
function usersOf(managed: readonly LiveResource[], grantedLicenses: readonly string[]): Map<string, string[]> {
  const users = new Map<string, string[]>();
  const add = (arn: string, user: string) => users.set(arn, [...(users.get(arn) ?? []), user]);
  for (const r of managed) if (r.kind === 'ResourceShare') for (const arn of r.spec.licenseConfigurations) add(arn, `ResourceShare/${r.name}`);
  for (const r of managed) if (r.kind === 'Association') for (const arn of r.spec.licenseConfigurations) add(arn, `Association/${r.name}`);
  for (const license of grantedLicenses) add(license, 'a grant');
  return users;
}

/** Who uses a copy: shares, Associations and grants that name it, any share of the account it is associated with, consumption, associated resources. */
async function usedBy(store: Store, copy: LiveResource, users: ReadonlyMap<string, readonly string[]>): Promise<string[]> {
  const by = [...new Set(users.get(copy.arn) ?? [])];
  if (copy.kind === 'LicenseConfiguration') {
    if (by.length === 0 && store.isShared(copy.arn)) by.push('a resource share');
    const { consumed, associated } = await store.licenseUse(copy.arn);
    if (consumed > 0) by.push(`${consumed} consumed licenses`);
    // A pair on an AMI or a stopped instance consumes nothing: deleting its copy would strip it.
    if (associated > 0 && !by.some((u) => u.startsWith('Association/'))) by.push(`${associated} associated resources`);
  }
  return by;
}

/** The oldest copy where AWS says when each was created (licenses, shares); else the first ARN, a fixed choice. */
function oldest(store: Store, copies: readonly LiveResource[]): LiveResource {
  const times = copies.map((c) => store.createdAt(c.arn));
  if (times.some((t) => t === undefined)) return copies[0]!;
  return [...copies].sort((a, b) => compareText(store.createdAt(a.arn)!, store.createdAt(b.arn)!) || compareText(a.arn, b.arn))[0]!;
}
