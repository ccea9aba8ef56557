// Keeps one store open from pass to pass while the project's store settings stay the same, so a pass at a
// 1 s interval does not rebuild SDK clients (or ask STS who it is) every time. The store caches no live
// state (every pass still reads the account afresh, and the embedded emulator re-reads its state file
// when another process changed it); a store that failed is dropped and reopened on the next pass.
import { openStore, type OpenStoreOptions } from '../app/open-store.js';
import type { Store } from '../store/index.js';

export type StoreOpener = (options: OpenStoreOptions) => Promise<Store>;

export class StoreHolder {
  private held: { readonly key: string; readonly store: Store } | null = null;

  constructor(
    /** Sees each store opened, before any call is made (the watcher counts API calls through it). */
    private readonly onOpen: (store: Store) => void = () => {},
    private readonly open: StoreOpener = openStore,
  ) {}

  async get(options: OpenStoreOptions): Promise<Store> {
    const key = keyOf(options);
    if (this.held?.key === key) return this.held.store;
    this.close();
    const store = await this.open(options);
    this.onOpen(store);
    this.held = { key, store };
    return store;
  }

  /** Drops the store after a failure; the next pass opens a new one. */
  close(): void {
    this.held?.store.close();
    this.held = null;
  }
}

/** Everything openStore reads: the folder, the project's name, store and account, and the store flags. */
function keyOf({ dir, project, flags }: OpenStoreOptions): string {
  return JSON.stringify([dir, project.name, project.store, project.account ?? null, flags]);
}
