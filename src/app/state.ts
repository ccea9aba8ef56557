// `licensectl state` and `state show`: the live state of every target, read whole (live-inventory.ts), as rows and as
// the managed resources by address; with spec.targets every unit (or those --only-targets selects) at once.
import pLimit from 'p-limit';
import { LicensectlError } from '../errors/index.js';
import { desiredForUnit, type LiveResource, type TargetUnit } from '../model/index.js';
import type { DocumentInput } from '../render/documents.js';
import { stateRows, type StateView } from '../render/state.js';
import { nearest } from '../util/words.js';
import { readInventory } from './live-inventory.js';
import type { Store } from '../store/index.js';
import { openStore, type StoreFlags } from './open-store.js';
import { checkOnlyTargets, loadDesired } from './planning.js';
import { globalBound, unitsOf } from './target-runs.js';

export interface StateFlags extends StoreFlags {
  readonly 'only-targets'?: readonly string[];
}

export interface LiveStateRead {
  readonly view: StateView;
  /** Every managed resource by its address (`label/Kind/name` with several targets). */
  readonly managed: ReadonlyMap<string, LiveResource>;
  /** Each unit's SDK calls (--stats), labelled with spec.targets. */
  readonly stats: readonly { readonly label?: string; readonly stats: Store['stats'] }[];
}

export async function readState(dir: string, flags: StateFlags): Promise<LiveStateRead> {
  const loaded = await loadDesired(dir);
  const { project } = loaded.state;
  const only = flags['only-targets'] ?? [];
  checkOnlyTargets(project, only);
  const units: (TargetUnit | undefined)[] = project.targets ? unitsOf(loaded, only) : [undefined];
  const callLimit = pLimit(globalBound(flags.concurrency, units.length));
  const read = await Promise.all(units.map(async (unit) => {
    const desired = unit ? desiredForUnit(loaded.state, unit) : loaded.state;
    const store = await openStore({ dir: loaded.dir, project: desired.project, flags, ...(unit ? { unit, callLimit } : {}) });
    try {
      const { live } = await readInventory(store, desired);
      return { unit, target: store.target, live, stats: store.stats };
    } finally {
      store.close();
    }
  }));
  const managed = new Map(read.flatMap(({ unit, live }) => live.managed.map((r) => [`${unit ? `${unit.label}/` : ''}${r.kind}/${r.name}`, r] as const)));
  const targets = read.map(({ unit, target, live }) => ({ ...(unit ? { label: unit.label } : {}), account: target.account, region: target.region, resources: stateRows(live, unit?.label) }));
  return { view: { formatVersion: '1', project: project.name, targets }, managed, stats: read.map(({ unit, stats }) => ({ ...(unit ? { label: unit.label } : {}), stats })) };
}

/** The managed resource at `address`; an unknown address is UNKNOWN_ADDRESS naming it, with the nearest known ones. */
export function resourceAt(read: LiveStateRead, address: string): LiveResource {
  const found = read.managed.get(address);
  if (found) return found;
  const known = [...read.managed.keys()];
  const near = nearest(address, known);
  throw new LicensectlError('UNKNOWN_ADDRESS', `no managed resource at ${address} in project ${read.view.project}`, {
    hint: near.length ? `did you mean ${near.join(' or ')}? (licensectl state lists the addresses)` : known.length ? 'licensectl state lists the addresses' : 'the project manages no resource yet (licensectl state lists what the account holds)',
  });
}

/**
 * The managed resource at `address` as its document (see documentOfLive); with spec.targets the address starts with
 * its unit's label (`label/Kind/name`), which becomes its metadata.targets.
 */
export function documentAt(read: LiveStateRead, address: string): { resource: LiveResource; input: DocumentInput } {
  const resource = resourceAt(read, address);
  const label = read.view.targets.some((t) => t.label !== undefined) ? address.slice(0, address.indexOf('/')) : undefined;
  return { resource, input: documentOfLive(resource, label) };
}

/**
 * A managed resource as its document: references by name, as the live state holds them; the ARN in a comment. In a
 * project with spec.targets, `label` (its unit's) is its metadata.targets, as import writes it.
 */
export function documentOfLive(resource: LiveResource, label?: string): DocumentInput {
  return { kind: resource.kind, name: resource.name, tags: resource.tags, spec: resource.spec, comment: resource.arn, ...(label ? { targets: [label] } : {}) } as DocumentInput;
}
