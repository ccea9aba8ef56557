// The stores a watcher keeps open from pass to pass: the project's one, or with spec.targets one per unit (a target in
// one region), each kept while its store settings stay the same, so a pass at a 1 s interval does not rebuild SDK
// clients (or ask STS who it is) every time. A store caches no live state (every pass still reads the account
// afresh, and the embedded emulator re-reads its state file when another process changed it); a store that failed
// is dropped and reopened on the next pass.
import { openStore, type OpenStoreOptions } from '../app/open-store.js';
import type { UnitStores } from '../app/target-runs.js';
import type { TargetUnit } from '../model/index.js';
import type { Store } from '../store/index.js';

export type StoreOpener = (options: OpenStoreOptions) => Promise<Store>;

interface Held {
  readonly key: string;
  readonly store: Store;
}

export class StoreHolder implements UnitStores {
  private held: Held | null = null;
  /** With spec.targets: each unit's store, by label. */
  private readonly units = new Map<string, Held>();
  /** The bound on calls in flight that every held unit store shares (the first pass's; each pass makes one of the same size). */
  private callLimit: OpenStoreOptions['callLimit'];

  constructor(
    /** Sees each store opened, before any call is made, with its unit's label (the watcher counts API calls through it). */
    private readonly onOpen: (store: Store, label?: string) => void = () => {},
    private readonly open_: StoreOpener = openStore,
  ) {}

  /** The project's store (a project without targets). */
  async get(options: OpenStoreOptions): Promise<Store> {
    this.keepUnits(new Set());
    const key = storeKey(options);
    if (this.held?.key === key) return this.held.store;
    this.dropProject();
    const store = await this.open_(options);
    this.onOpen(store);
    this.held = { key, store };
    return store;
  }

  /** A unit's store (planUnits asks for it). */
  async open(options: OpenStoreOptions & { readonly unit: TargetUnit }): Promise<Store> {
    const { label } = options.unit;
    const key = storeKey(options);
    const held = this.units.get(label);
    if (held?.key === key) return held.store;
    this.dropUnit(label);
    this.callLimit ??= options.callLimit;
    const store = await this.open_({ ...options, ...(this.callLimit ? { callLimit: this.callLimit } : {}) });
    this.onOpen(store, label);
    this.units.set(label, { key, store });
    return store;
  }

  /** The unit failed: its store is dropped, and the next pass opens a new one. */
  failed(unit: TargetUnit): void {
    this.dropUnit(unit.label);
  }

  /** Closes the stores of the units no longer watched (and the project's own, once it has targets). */
  keepUnits(labels: ReadonlySet<string>): void {
    if (labels.size) this.dropProject();
    for (const label of [...this.units.keys()]) if (!labels.has(label)) this.dropUnit(label);
    if (!this.units.size) this.callLimit = undefined;
  }

  /** Drops every store, after a failure or when the watcher stops; the next pass opens new ones. */
  close(): void {
    this.dropProject();
    this.keepUnits(new Set());
  }

  private dropProject(): void {
    this.held?.store.close();
    this.held = null;
  }

  private dropUnit(label: string): void {
    this.units.get(label)?.store.close();
    this.units.delete(label);
  }
}

/**
 * Everything openStore reads: the folder, the project's name, store and account, the store flags, and the unit
 * (its account, region and credentials); not the bound on calls in flight, which the held unit stores share.
 */
function storeKey({ dir, project, flags, unit }: OpenStoreOptions): string {
  return JSON.stringify([dir, project.name, project.store, project.account ?? null, flags, unit ?? null]);
}
