// The one store: reads the live state of every kind and performs single changes, all through the SDK clients.
import { setImmediate as nextTurn } from 'node:timers/promises';
import pLimit from 'p-limit';
import { addressOf, compareAddresses, type Address, type DesiredState, type Duplicate, type Kind, type LiveResource, type LiveState, type OtherResource, type Target } from '../model/index.js';
import type { ResourceChange } from '../plan/types.js';
import type { Clients } from './clients.js';
import type { ApplyContext, KindAdapter, KindRead, ReadHint, StoreContext } from './kinds/adapter.js';
import { grantAdapter } from './kinds/grant.js';
import { licenseAdapter } from './kinds/license.js';
import { licenseConfigurationAdapter } from './kinds/license-configuration.js';
import { resourceShareAdapter } from './kinds/resource-share.js';
import { namesForArns } from './references.js';

const ADAPTERS: readonly KindAdapter[] = [licenseConfigurationAdapter, licenseAdapter, resourceShareAdapter, grantAdapter];
// Grants first: their listing is the longest chain of pages, so its first request should leave, be answered
// and be parsed ahead of the other kinds' first calls, which all start at the same moment.
const READ_ORDER: readonly KindAdapter[] = [grantAdapter, licenseConfigurationAdapter, licenseAdapter, resourceShareAdapter];

export interface StoreOptions {
  readonly clients: Clients;
  readonly project: string;
  readonly target: Target;
  /** Parallel per-resource reads and independent changes. */
  readonly concurrency: number;
}

export class Store {
  private readonly ctx: StoreContext;

  constructor(options: StoreOptions) {
    this.ctx = { clients: options.clients, project: options.project, readLimit: pLimit(Math.max(1, options.concurrency)), target: options.target };
  }

  get target(): Target {
    return this.ctx.target;
  }

  get stats() {
    return this.ctx.clients.stats;
  }

  /**
   * Reads every kind in parallel. With the desired state as a hint, grants that pair with a document by
   * license and name are read without their tags (listed in `unverified`); call `verify` before acting on them.
   * The desired state may still be loading: the lists start at once and wait for it only to pair grants.
   */
  async readLive(desired?: DesiredState | Promise<DesiredState>): Promise<LiveState> {
    let licensesRead: (arns: ReadonlyMap<string, string>) => void = () => {};
    const licenseArns = new Promise<ReadonlyMap<string, string>>((resolve) => { licensesRead = resolve; });
    const hint: ReadHint | undefined = desired ? { desired: Promise.resolve(desired).then((d) => d.resources), licenseArns } : undefined;
    const readKind = async (adapter: KindAdapter): Promise<KindRead> => {
      if (adapter.kind !== 'License') return adapter.read(this.ctx, hint);
      try {
        const read = await adapter.read(this.ctx, hint);
        licensesRead(new Map(read.managed.map((r) => [r.name, r.arn])));
        return read;
      } finally {
        // A failed license read must not leave the grant read waiting (a settled promise ignores this).
        licensesRead(new Map());
      }
    };
    const [leading, ...others] = READ_ORDER;
    const first = readKind(leading!);
    first.catch(() => undefined); // awaited below; a failure must not count as unhandled in the meantime
    // An SDK call reaches its socket through a chain of microtasks; calls started together interleave theirs, and
    // none leaves before all are prepared. The grant listing goes a turn of the event loop ahead: its first page,
    // on the read's critical path, arrives 3-5 ms sooner.
    const reads = await Promise.all([first, ...(await nextTurn(others)).map(readKind)]);
    const unverified = reads.flatMap((r) => r.unverified ?? []);
    const state = assemble(namesForArns([...reads.flatMap((r) => r.managed), ...unverified]), reads.flatMap((r) => r.others));
    return { ...state, unverified: unverified.map((r) => addressOf(r.kind, r.name)).sort(compareAddresses) };
  }

  /** Reads the tags of the given unverified resources and returns the live state as a full read would see it. */
  async verify(live: LiveState, addresses: readonly Address[]): Promise<LiveState> {
    const wanted = new Set(addresses.filter((a) => live.unverified?.includes(a)));
    if (wanted.size === 0) return live;
    const isWanted = (r: LiveResource) => wanted.has(addressOf(r.kind, r.name));
    const reads = await Promise.all(ADAPTERS.filter((a) => a.verify).map((a) => a.verify!(this.ctx, live.managed.filter((r) => r.kind === a.kind && isWanted(r)))));
    const managed = namesForArns([...live.managed.filter((r) => !isWanted(r)), ...reads.flatMap((r) => r.managed)]);
    const state = assemble(managed, [...live.others, ...reads.flatMap((r) => r.others)]);
    const duplicates = [...state.duplicates, ...live.duplicates.filter((d) => !state.duplicates.some((x) => x.address === d.address))];
    return { ...state, duplicates: duplicates.sort((a, b) => compareAddresses(a.address, b.address)), unverified: (live.unverified ?? []).filter((a) => !wanted.has(a)) };
  }

  create(change: ResourceChange, apply: ApplyContext): Promise<string> {
    return adapterFor(change.kind).create(this.ctx, change, apply);
  }

  update(change: ResourceChange, apply: ApplyContext): Promise<void> {
    return adapterFor(change.kind).update(this.ctx, change, apply);
  }

  delete(change: ResourceChange): Promise<void> {
    return adapterFor(change.kind).delete(this.ctx, change);
  }

  close(): void {
    this.ctx.clients.destroy();
  }
}

function adapterFor(kind: Kind): KindAdapter {
  const adapter = ADAPTERS.find((a) => a.kind === kind);
  if (!adapter) throw new Error(`internal: no store support for ${kind}`);
  return adapter;
}

/** Pairs managed resources by address; an address held by several live resources is a duplicate, not a resource. */
export function assemble(managed: readonly LiveResource[], others: readonly OtherResource[]): LiveState {
  const byAddress = new Map<Address, LiveResource[]>();
  for (const r of managed) {
    const address = addressOf(r.kind, r.name);
    byAddress.set(address, [...(byAddress.get(address) ?? []), r]);
  }
  const unique: LiveResource[] = [];
  const duplicates: Duplicate[] = [];
  for (const [address, group] of byAddress) {
    if (group.length === 1) unique.push(group[0]!);
    else duplicates.push({ address, arns: group.map((r) => r.arn).sort() });
  }
  const byAddr = (a: { kind: Kind; name: string }, b: { kind: Kind; name: string }) => compareAddresses(addressOf(a.kind, a.name), addressOf(b.kind, b.name));
  return {
    managed: unique.sort(byAddr),
    others: [...others].sort((a, b) => (a.kind === b.kind ? (a.arn < b.arn ? -1 : 1) : a.kind < b.kind ? -1 : 1)),
    duplicates: duplicates.sort((a, b) => compareAddresses(a.address, b.address)),
  };
}
