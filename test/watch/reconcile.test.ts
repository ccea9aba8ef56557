// reconcileOnce against the embedded emulator: the desired state in a throwaway directory, the live state
// in its .licensectl/emulator.json, changed behind licensectl's back by another SDK client.
import { ListLicenseConfigurationsCommand, UpdateLicenseConfigurationCommand } from '@aws-sdk/client-license-manager';
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { lockApply } from '../../src/app/apply-lock.js';
import type { OpenStoreOptions } from '../../src/app/open-store.js';
import type { ProjectConfig } from '../../src/model/index.js';
import type { Store } from '../../src/store/index.js';
import { directoryDesired } from '../../src/watch/directory-source.js';
import { DesiredMemory, reconcileOnce, StoreHolder, type ReconcileContext } from '../../src/watch/reconcile.js';
import { CONFIG_YAML, PROJECT_YAML, projectDir, removeDir, statePathOf } from '../helpers/cli.js';
import { otherClient } from '../helpers/live.js';

const config = (name: string, count: number) => CONFIG_YAML(name, `countingType: Core\nlicenseCount: ${count}`);
const NO_GIT = async () => ({ revision: null, dirty: null });

describe('one reconcile pass', () => {
  let dir: string;
  let stores: StoreHolder;
  beforeAll(() => { process.env.LICENSECTL_MAX_ATTEMPTS = '1'; });
  afterEach(async () => {
    stores.close();
    await removeDir(dir);
  });

  async function setup(files: Record<string, string>, extra: Partial<ReconcileContext> = {}) {
    dir = await projectDir(files);
    const memory = new DesiredMemory();
    stores = new StoreHolder();
    const ctx = (more: Partial<ReconcileContext> = {}): ReconcileContext => ({
      source: directoryDesired(dir, NO_GIT), mode: 'correct', storeFlags: { concurrency: 4 }, memory, stores, ...extra, ...more,
    });
    const write = (file: string, content: string) => writeFile(path.join(dir, file), content);
    const remove = (file: string) => rm(path.join(dir, file));
    const liveCounts = async () => {
      const client = otherClient(statePathOf(dir));
      const out = await client.send(new ListLicenseConfigurationsCommand({}));
      client.destroy();
      return Object.fromEntries((out.LicenseConfigurations ?? []).map((c) => [c.Name, c.LicenseCount]));
    };
    return { ctx, write, remove, liveCounts };
  }

  it('creates what is missing, then finds nothing to do', async () => {
    const { ctx, liveCounts } = await setup({ 'licensectl.yaml': PROJECT_YAML('p'), 'a.yaml': config('a', 10) });
    const first = await reconcileOnce(ctx());
    expect(first).toMatchObject({
      outcome: 'drift-corrected', counts: { create: 1, update: 0, replace: 0, delete: 0, noop: 0 },
      drift: [{ address: 'LicenseConfiguration/a', action: 'create' }], managed: 1, applied: { applied: 1, failed: 0, skipped: 0 }, error: null,
    });
    expect(await liveCounts()).toEqual({ a: 10 });
    expect(await reconcileOnce(ctx())).toMatchObject({ outcome: 'synced', drift: [], managed: 1, applied: null });
  });

  it('takes the apply lock to correct: while an apply holds it, the pass is a store error and changes nothing', async () => {
    const { ctx, liveCounts } = await setup({ 'licensectl.yaml': PROJECT_YAML('p'), 'a.yaml': config('a', 10) });
    const release = await lockApply(statePathOf(dir), 'p', { timeoutMs: 0, command: 'licensectl apply' });
    try {
      expect(await reconcileOnce(ctx())).toMatchObject({ outcome: 'store-error', error: { code: 'APPLY_LOCKED' } });
      expect(await liveCounts()).toEqual({});
      expect(await reconcileOnce(ctx({ mode: 'warn' }))).toMatchObject({ outcome: 'drift-detected' });
    } finally {
      await release();
    }
    expect(await reconcileOnce(ctx())).toMatchObject({ outcome: 'drift-corrected' });
  });

  it('reads the live state afresh on every pass and corrects a change made by another client', async () => {
    const { ctx, liveCounts } = await setup({ 'licensectl.yaml': PROJECT_YAML('p'), 'a.yaml': config('a', 10) });
    await reconcileOnce(ctx());
    const other = otherClient(statePathOf(dir));
    const [live] = (await other.send(new ListLicenseConfigurationsCommand({}))).LicenseConfigurations!;
    await other.send(new UpdateLicenseConfigurationCommand({ LicenseConfigurationArn: live!.LicenseConfigurationArn, LicenseCount: 99 }));
    other.destroy();
    expect(await reconcileOnce(ctx())).toMatchObject({ outcome: 'drift-corrected', drift: [{ address: 'LicenseConfiguration/a', action: 'update' }] });
    expect(await liveCounts()).toEqual({ a: 10 });
  });

  it('in warn mode reports drift and changes nothing', async () => {
    const { ctx } = await setup({ 'licensectl.yaml': PROJECT_YAML('p'), 'a.yaml': config('a', 10) }, { mode: 'warn' });
    const expected = { outcome: 'drift-detected', drift: [{ address: 'LicenseConfiguration/a', action: 'create' }], managed: 0, applied: null };
    expect(await reconcileOnce(ctx())).toMatchObject(expected);
    expect(await reconcileOnce(ctx())).toMatchObject(expected);
  });

  it('keeps planning against the last valid state while the source is invalid, so nothing is deleted', async () => {
    const { ctx, write, liveCounts } = await setup({ 'licensectl.yaml': PROJECT_YAML('p', '  prune: true\n'), 'a.yaml': config('a', 10), 'b.yaml': config('b', 5) });
    await reconcileOnce(ctx());
    await write('b.yaml', 'kind: LicenseConfiguration\nmetadata: {name: b\n');
    const pass = await reconcileOnce(ctx());
    expect(pass).toMatchObject({
      outcome: 'invalid-config', revision: null, counts: { create: 0, update: 0, replace: 0, delete: 0, noop: 2 }, managed: 2,
      desired: { valid: false }, error: { code: 'INVALID_CONFIG' },
    });
    expect(pass.error!.diagnostics.length).toBeGreaterThan(0);
    expect(pass.error!.diagnostics.every((d) => d.file === 'b.yaml')).toBe(true);
    expect(await liveCounts()).toEqual({ a: 10, b: 5 });
    await write('b.yaml', config('b', 6));
    expect(await reconcileOnce(ctx())).toMatchObject({ outcome: 'drift-corrected', desired: { valid: true }, error: null });
    expect(await liveCounts()).toEqual({ a: 10, b: 6 });
  });

  it('does not touch the store when the desired state has never been valid', async () => {
    const { ctx } = await setup({ 'licensectl.yaml': PROJECT_YAML('p'), 'a.yaml': 'kind: [' });
    expect(await reconcileOnce(ctx())).toMatchObject({ outcome: 'invalid-config', counts: null, managed: null, error: { code: 'INVALID_CONFIG' } });
    expect(existsSync(statePathOf(dir))).toBe(false);
  });

  it('does not delete when the project leaves prune to its default', async () => {
    const { ctx, remove, liveCounts } = await setup({ 'licensectl.yaml': PROJECT_YAML('p'), 'a.yaml': config('a', 1), 'b.yaml': config('b', 2) });
    await reconcileOnce(ctx());
    await remove('b.yaml');
    expect(await reconcileOnce(ctx())).toMatchObject({ outcome: 'synced', counts: { delete: 0, noop: 1 } });
    expect(await liveCounts()).toEqual({ a: 1, b: 2 });
  });

  it('deletes only when the project prunes', async () => {
    const { ctx, write, remove, liveCounts } = await setup({ 'licensectl.yaml': PROJECT_YAML('p', '  prune: false\n'), 'a.yaml': config('a', 1), 'b.yaml': config('b', 2) });
    await reconcileOnce(ctx());
    await remove('b.yaml');
    expect(await reconcileOnce(ctx())).toMatchObject({ outcome: 'synced', counts: { delete: 0, noop: 1 } });
    expect(await liveCounts()).toEqual({ a: 1, b: 2 });
    await write('licensectl.yaml', PROJECT_YAML('p', '  prune: true\n'));
    expect(await reconcileOnce(ctx())).toMatchObject({ outcome: 'drift-corrected', drift: [{ address: 'LicenseConfiguration/b', action: 'delete' }], managed: 1 });
    expect(await liveCounts()).toEqual({ a: 1 });
  });

  it('refuses more deletes than --max-deletes, and an empty desired state, without changing anything', async () => {
    const files = { 'licensectl.yaml': PROJECT_YAML('p', '  prune: true\n'), 'a.yaml': config('a', 1), 'b.yaml': config('b', 2), 'c.yaml': config('c', 3) };
    const { ctx, remove, liveCounts } = await setup(files, { maxDeletes: 1 });
    await reconcileOnce(ctx());
    await remove('b.yaml');
    await remove('c.yaml');
    expect(await reconcileOnce(ctx())).toMatchObject({ outcome: 'apply-failed', error: { code: 'TOO_MANY_DELETES' }, applied: null });
    await remove('a.yaml');
    expect(await reconcileOnce(ctx({ maxDeletes: undefined }))).toMatchObject({ outcome: 'apply-failed', error: { code: 'EMPTY_DESIRED_STATE' } });
    expect(await liveCounts()).toEqual({ a: 1, b: 2, c: 3 });
  });

  it('reports an unreachable store as store-error with the network error code', async () => {
    const { ctx } = await setup({ 'licensectl.yaml': PROJECT_YAML('p'), 'a.yaml': config('a', 1) }, { storeFlags: { concurrency: 2, endpoint: 'http://127.0.0.1:9' } });
    const pass = await reconcileOnce(ctx());
    expect(pass).toMatchObject({ outcome: 'store-error', counts: null, managed: null, error: { code: 'ECONNREFUSED' } });
  });

  it('starts no change once its signal is aborted', async () => {
    const { ctx, liveCounts } = await setup({ 'licensectl.yaml': PROJECT_YAML('p'), 'a.yaml': config('a', 1) });
    const controller = new AbortController();
    controller.abort();
    expect(await reconcileOnce(ctx({ signal: controller.signal }))).toMatchObject({
      outcome: 'apply-failed', applied: { applied: 0, failed: 0, skipped: 1 }, managed: 0, error: { code: 'INTERRUPTED' },
    });
    expect(await liveCounts()).toEqual({});
  });
});

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
});
