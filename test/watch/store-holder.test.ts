// StoreHolder: one store kept open from pass to pass while the project's store settings stay the same.
import pLimit from 'p-limit';
import { describe, expect, it } from 'vitest';
import type { OpenStoreOptions } from '../../src/app/open-store.js';
import type { ProjectConfig } from '../../src/model/index.js';
import type { Store } from '../../src/store/index.js';
import { StoreHolder } from '../../src/watch/store-holder.js';

const project = (overrides: Partial<ProjectConfig> = {}): ProjectConfig => ({ name: 'p', store: { type: 'emulator' }, prune: true, ...overrides });
const options = (overrides: Partial<OpenStoreOptions> = {}): OpenStoreOptions => ({ dir: '/project', project: project(), flags: { concurrency: 8 }, ...overrides });

/** An opener that hands out numbered fake stores and records which were closed. */
function fakeOpener() {
  const opened: number[] = [];
  const closed: number[] = [];
  const open = async () => {
    const id = opened.length + 1;
    opened.push(id);
    return { id, close: () => closed.push(id) } as unknown as Store;
  };
  return { open, opened, closed };
}

describe('StoreHolder', () => {
  it('keeps one store while the project\'s store settings stay the same, whatever else changes', async () => {
    const { open, opened } = fakeOpener();
    const seen: Store[] = [];
    const holder = new StoreHolder((s) => seen.push(s), open);
    const first = await holder.get(options());
    expect(await holder.get(options({ project: project({ prune: false }) }))).toBe(first);
    expect(opened).toEqual([1]);
    expect(seen).toEqual([first]);
  });

  it('opens a new store (closing the old) when the store, account or flags change', async () => {
    const { open, opened, closed } = fakeOpener();
    const holder = new StoreHolder(undefined, open);
    await holder.get(options());
    await holder.get(options({ project: project({ account: '111122223333' }) }));
    await holder.get(options({ project: project({ account: '111122223333' }), flags: { concurrency: 8, endpoint: 'http://127.0.0.1:4566' } }));
    expect(opened).toEqual([1, 2, 3]);
    expect(closed).toEqual([1, 2]);
  });

  it('opens afresh after close (what a pass does after a store error)', async () => {
    const { open, opened, closed } = fakeOpener();
    const holder = new StoreHolder(undefined, open);
    await holder.get(options());
    holder.close();
    await holder.get(options());
    expect([opened, closed]).toEqual([[1, 2], [1]]);
  });

  it('with targets, holds a store per unit: reopens only a failed one, closes those no longer watched, and shares one bound on calls', async () => {
    const labels: (string | undefined)[] = [];
    const limits: unknown[] = [];
    const { open, opened, closed } = fakeOpener();
    const holder = new StoreHolder((_store, label) => labels.push(label), async (o) => { limits.push(o.callLimit); return open(); });
    const unit = (label: string) => ({ label, target: label, account: '111122223333', region: 'us-east-1', credentials: {} });
    const first = pLimit(2);
    const a = await holder.open({ ...options(), unit: unit('a'), callLimit: first });
    await holder.open({ ...options(), unit: unit('b'), callLimit: first });
    expect(await holder.open({ ...options(), unit: unit('a'), callLimit: pLimit(2) })).toBe(a);
    holder.failed(unit('b'));
    await holder.open({ ...options(), unit: unit('b'), callLimit: pLimit(2) });
    holder.keepUnits(new Set(['b']));
    expect([opened, closed]).toEqual([[1, 2, 3], [2, 1]]);
    expect(limits).toEqual([first, first, first]);
    expect(labels).toEqual(['a', 'b', 'b']);
  });
});
