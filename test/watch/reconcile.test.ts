// reconcileOnce against the embedded emulator: the desired state in a throwaway directory, the live state
// in its .licensectl/emulator.json, changed behind licensectl's back by another SDK client.
import { ListLicenseConfigurationsCommand, UpdateLicenseConfigurationCommand } from '@aws-sdk/client-license-manager';
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { lockApply } from '../../src/app/apply-lock.js';
import { SyncedDocuments } from '../../src/watch/change-causes.js';
import { directoryDesired } from '../../src/watch/directory-source.js';
import { PruneGrace } from '../../src/watch/prune-grace.js';
import { DesiredMemory, reconcileOnce, type ReconcileContext } from '../../src/watch/reconcile.js';
import { StoreHolder } from '../../src/watch/store-holder.js';
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

  /** Passes sharing their memories; the grace period is 0 (delete at once) unless `extra` says otherwise. */
  async function setup(files: Record<string, string>, extra: Partial<ReconcileContext> = {}) {
    dir = await projectDir(files);
    const memory = new DesiredMemory();
    const synced = new SyncedDocuments();
    const grace = new PruneGrace(0);
    stores = new StoreHolder();
    const ctx = (more: Partial<ReconcileContext> = {}): ReconcileContext => ({
      source: directoryDesired(dir, NO_GIT), mode: 'correct', storeFlags: { concurrency: 4 }, memory, synced, grace, stores, ...extra, ...more,
    });
    const write = (file: string, content: string) => writeFile(path.join(dir, file), content);
    const remove = (file: string) => rm(path.join(dir, file));
    const liveCounts = async () => {
      const client = otherClient(statePathOf(dir));
      const out = await client.send(new ListLicenseConfigurationsCommand({}));
      client.destroy();
      return Object.fromEntries((out.LicenseConfigurations ?? []).map((c) => [c.Name, c.LicenseCount]));
    };
    const liveArns = async () => {
      const client = otherClient(statePathOf(dir));
      const out = await client.send(new ListLicenseConfigurationsCommand({}));
      client.destroy();
      return Object.fromEntries((out.LicenseConfigurations ?? []).map((c) => [c.Name, c.LicenseConfigurationArn]));
    };
    const setCount = async (name: string, count: number) => {
      const other = otherClient(statePathOf(dir));
      const live = (await other.send(new ListLicenseConfigurationsCommand({}))).LicenseConfigurations!.find((c) => c.Name === name)!;
      await other.send(new UpdateLicenseConfigurationCommand({ LicenseConfigurationArn: live.LicenseConfigurationArn, LicenseCount: count }));
      other.destroy();
    };
    return { ctx, write, remove, liveCounts, liveArns, setCount };
  }

  it('creates what is missing, then finds nothing to do', async () => {
    const { ctx, liveCounts } = await setup({ 'licensectl.yaml': PROJECT_YAML('p'), 'a.yaml': config('a', 10) });
    const first = await reconcileOnce(ctx());
    expect(first).toMatchObject({
      outcome: 'applied', counts: { create: 1, update: 0, replace: 0, delete: 0, noop: 0 },
      changes: [{ address: 'LicenseConfiguration/a', action: 'create', cause: 'unknown', fields: [] }], deferred: [],
      managed: 1, applied: { applied: 1, failed: 0, skipped: 0 }, error: null,
    });
    expect(await liveCounts()).toEqual({ a: 10 });
    expect(await reconcileOnce(ctx())).toMatchObject({ outcome: 'synced', changes: [], managed: 1, applied: null });
  });

  it('takes the apply lock to correct: while an apply holds it, the pass is a store error and changes nothing', async () => {
    const { ctx, liveCounts } = await setup({ 'licensectl.yaml': PROJECT_YAML('p'), 'a.yaml': config('a', 10) });
    const release = await lockApply(statePathOf(dir), 'p', { timeoutMs: 0, command: 'licensectl apply' });
    try {
      expect(await reconcileOnce(ctx())).toMatchObject({ outcome: 'store-error', error: { code: 'APPLY_LOCKED' } });
      expect(await liveCounts()).toEqual({});
      expect(await reconcileOnce(ctx({ mode: 'warn' }))).toMatchObject({ outcome: 'out-of-sync' });
    } finally {
      await release();
    }
    expect(await reconcileOnce(ctx())).toMatchObject({ outcome: 'applied' });
  });

  it('reads the live state afresh on every pass and corrects a change made by another client, as drift naming the field', async () => {
    const { ctx, liveCounts, setCount } = await setup({ 'licensectl.yaml': PROJECT_YAML('p'), 'a.yaml': config('a', 10) });
    await reconcileOnce(ctx());
    await setCount('a', 99);
    expect(await reconcileOnce(ctx())).toMatchObject({
      outcome: 'drift-corrected', changes: [{ address: 'LicenseConfiguration/a', action: 'update', cause: 'drift', fields: ['licenseCount'] }],
    });
    expect(await liveCounts()).toEqual({ a: 10 });
  });

  it('tells a saved document (a desired-state change) from drift, and names the fields of each', async () => {
    const { ctx, write, setCount, liveCounts } = await setup({ 'licensectl.yaml': PROJECT_YAML('p'), 'a.yaml': config('a', 10), 'b.yaml': config('b', 1) });
    await reconcileOnce(ctx());
    await write('a.yaml', config('a', 20));
    await setCount('b', 7);
    const pass = await reconcileOnce(ctx());
    expect(pass).toMatchObject({ outcome: 'applied' });
    expect(pass.changes).toEqual([
      { address: 'LicenseConfiguration/a', action: 'update', cause: 'desired', document: 'changed', fields: ['licenseCount'] },
      { address: 'LicenseConfiguration/b', action: 'update', cause: 'drift', fields: ['licenseCount'] },
    ]);
    await write('c.yaml', config('c', 3));
    expect((await reconcileOnce(ctx())).changes).toEqual([{ address: 'LicenseConfiguration/c', action: 'create', cause: 'desired', document: 'added', fields: [] }]);
    // A document moved to another file, unchanged, is the same document: a change made meanwhile in the account is drift.
    await rm(path.join(dir, 'c.yaml'));
    await write('moved.yaml', config('c', 3));
    await setCount('c', 4);
    expect(await reconcileOnce(ctx())).toMatchObject({ outcome: 'drift-corrected', changes: [{ address: 'LicenseConfiguration/c', cause: 'drift', fields: ['licenseCount'] }] });
    expect(await liveCounts()).toEqual({ a: 20, b: 1, c: 3 });
  });

  it('in warn mode reports what differs and changes nothing: out-of-sync for documents, drift-detected for the account', async () => {
    const { ctx, write, setCount } = await setup({ 'licensectl.yaml': PROJECT_YAML('p'), 'a.yaml': config('a', 10) }, { mode: 'warn' });
    const expected = { outcome: 'out-of-sync', changes: [{ address: 'LicenseConfiguration/a', action: 'create', cause: 'unknown' }], managed: 0, applied: null };
    expect(await reconcileOnce(ctx())).toMatchObject(expected);
    expect(await reconcileOnce(ctx())).toMatchObject(expected);
    await reconcileOnce(ctx({ mode: 'correct' }));
    await setCount('a', 11);
    expect(await reconcileOnce(ctx())).toMatchObject({ outcome: 'drift-detected', changes: [{ cause: 'drift', fields: ['licenseCount'] }] });
    await write('a.yaml', config('a', 11));
    expect(await reconcileOnce(ctx())).toMatchObject({ outcome: 'synced', changes: [] });
    await write('a.yaml', config('a', 12));
    expect(await reconcileOnce(ctx())).toMatchObject({ outcome: 'out-of-sync', changes: [{ cause: 'desired', document: 'changed', fields: ['licenseCount'] }] });
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
    expect(await reconcileOnce(ctx())).toMatchObject({ outcome: 'applied', desired: { valid: true }, error: null });
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
    expect(await reconcileOnce(ctx())).toMatchObject({
      outcome: 'applied', changes: [{ address: 'LicenseConfiguration/b', action: 'delete', cause: 'desired', document: 'removed' }], managed: 1,
    });
    expect(await liveCounts()).toEqual({ a: 1 });
  });

  it('deletes a resource whose document went only once it has stayed absent for --prune-grace, applying the rest at once', async () => {
    let now = 1_000_000;
    const files = { 'licensectl.yaml': PROJECT_YAML('p', '  prune: true\n'), 'a.yaml': config('a', 1), 'b.yaml': config('b', 2) };
    const { ctx, write, remove, liveArns, liveCounts } = await setup(files, { grace: new PruneGrace(60_000), clock: () => now });
    await reconcileOnce(ctx());
    const arns = await liveArns();
    await remove('b.yaml');
    await write('a.yaml', config('a', 5));
    now += 1_000;
    const held = await reconcileOnce(ctx());
    expect(held).toMatchObject({
      outcome: 'applied', counts: { update: 1, delete: 0, noop: 0 }, managed: 2,
      changes: [{ address: 'LicenseConfiguration/a', action: 'update', cause: 'desired' }],
      deferred: [{ address: 'LicenseConfiguration/b', absentSince: 1_001_000, deleteAt: 1_061_000 }],
    });
    expect(await liveCounts()).toEqual({ a: 5, b: 2 });
    now += 59_999;
    expect(await reconcileOnce(ctx())).toMatchObject({ outcome: 'synced', deferred: [{ address: 'LicenseConfiguration/b', absentSince: 1_001_000 }] });
    // The document comes back: nothing is deleted or recreated, and the ARNs stay.
    await write('b.yaml', config('b', 2));
    expect(await reconcileOnce(ctx())).toMatchObject({ outcome: 'synced', changes: [], deferred: [] });
    expect(await liveArns()).toEqual(arns);
    // Gone again: a new grace period starts from this pass, and ends with the delete, a desired-state change.
    await remove('b.yaml');
    now += 120_000;
    expect(await reconcileOnce(ctx())).toMatchObject({ outcome: 'synced', deferred: [{ absentSince: now, deleteAt: now + 60_000 }] });
    now += 60_000;
    expect(await reconcileOnce(ctx())).toMatchObject({
      outcome: 'applied', deferred: [], managed: 1, changes: [{ address: 'LicenseConfiguration/b', action: 'delete', cause: 'desired', document: 'removed' }],
    });
    expect(await liveCounts()).toEqual({ a: 5 });
  });

  it('counts against --max-deletes only the deletes it makes, not those held back', async () => {
    let now = 1_000_000;
    const files = { 'licensectl.yaml': PROJECT_YAML('p', '  prune: true\n'), 'a.yaml': config('a', 1), 'b.yaml': config('b', 2) };
    const { ctx, write, remove, liveCounts } = await setup(files, { grace: new PruneGrace(60_000), clock: () => now, maxDeletes: 0 });
    await reconcileOnce(ctx());
    await remove('b.yaml');
    await write('a.yaml', config('a', 3));
    expect(await reconcileOnce(ctx())).toMatchObject({ outcome: 'applied', deferred: [{ address: 'LicenseConfiguration/b' }], error: null });
    now += 60_000;
    expect(await reconcileOnce(ctx())).toMatchObject({ outcome: 'apply-failed', error: { code: 'TOO_MANY_DELETES' } });
    expect(await liveCounts()).toEqual({ a: 3, b: 2 });
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
