// --concurrency bounds the store's per-resource reads all together, not each kind's separately: the limit the
// flag promises, and the one the benchmark's minimum-time model assumes. And what keeps the read's critical
// path short: the grant listing leaves first, and no call pays to resolve its middleware again.
import dc from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { ListTagsForResourceCommand } from '@aws-sdk/client-license-manager';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { executePlan } from '../../src/apply/execute-plan.js';
import { loadDesired } from '../../src/app/desired.js';
import { openStore } from '../../src/app/open-store.js';
import { planAgainst } from '../../src/app/planning.js';
import { Emulator, startServer, type EmulatorRequest, type RunningServer } from '../../src/emulator/index.js';
import { PROJECT_YAML, projectDir, removeDir } from '../helpers/cli.js';
import { mixedState } from './mixed-state.js';

const CONTEXT = { source: { revision: null, dirty: null }, createdAt: '2026-11-28T12:00:00Z' };

describe('reading the live state', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    while (cleanup.length) await cleanup.pop()!();
  });

  it('never has more tag reads in flight than --concurrency, across configurations and licenses', async () => {
    const emulator = new Emulator({ faults: { latencyMs: 10 } });
    const server: RunningServer = await startServer(emulator, { port: 0 });
    cleanup.push(() => server.close());
    const dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('limits'), ...mixedState({ configurations: 6, licenses: 4, shares: 0, grants: 0 }) });
    cleanup.push(() => removeDir(dir));
    const loaded = await loadDesired(dir);
    const seed = await openStore({ dir, project: loaded.state.project, flags: { endpoint: server.url, concurrency: 8 } });
    await executePlan(await planAgainst(seed, loaded.state, { target: seed.target, ...CONTEXT }), seed, { concurrency: 8 });
    seed.close();

    const inFlight = { now: 0, most: 0 };
    const handle = emulator.handle.bind(emulator);
    emulator.handle = async (request: EmulatorRequest, signal?: AbortSignal) => {
      const tagRead = request.headers['x-amz-target'] === 'AWSLicenseManager.ListTagsForResource';
      if (tagRead) inFlight.most = Math.max(inFlight.most, ++inFlight.now);
      try {
        return await handle(request, signal);
      } finally {
        if (tagRead) inFlight.now -= 1;
      }
    };
    const store = await openStore({ dir, project: loaded.state.project, flags: { endpoint: server.url, concurrency: 2 } });
    cleanup.push(async () => store.close());
    const live = await store.readLive(loaded.state);

    expect(live.managed).toHaveLength(10);
    expect(store.stats.snapshot()['ListTagsForResource']?.calls).toBe(10);
    expect(inFlight.most).toBe(2);
  });

  it('sends the grant listing, the longest chain of pages, before any other call', async () => {
    const { server, dir, loaded } = await seeded(cleanup, { configurations: 3, licenses: 2, shares: 2, grants: 3 });
    const store = await openStore({ dir, project: loaded.state.project, flags: { endpoint: server.url, concurrency: 4 } });
    cleanup.push(async () => store.close());
    const sent: { operation: string; afterFirstTurn: boolean }[] = [];
    let turned = false;
    const onRequest = ({ request }: { request: ClientRequest }) => {
      sent.push({ operation: String(request.getHeader('x-amz-target') ?? request.path).replace('AWSLicenseManager.', ''), afterFirstTurn: turned });
    };
    dc.subscribe('http.client.request.start', onRequest as (message: unknown) => void);
    try {
      setImmediate(() => { turned = true; });
      await store.readLive(loaded.state);
    } finally {
      dc.unsubscribe('http.client.request.start', onRequest as (message: unknown) => void);
    }
    // Not only first in order: on its way before the other kinds' calls are even prepared, which all share
    // the same microtask queue and would otherwise hold it back until every one of them was ready to go.
    expect(sent[0]).toEqual({ operation: 'ListDistributedGrants', afterFirstTurn: false });
    expect(sent.slice(1).every((r) => r.afterFirstTurn)).toBe(true);
    expect(sent.map((r) => r.operation)).toContain('ListLicenseConfigurations');
  });

  it("resolves each command's middleware once per store, not once per call", async () => {
    const { server, dir, loaded } = await seeded(cleanup, { configurations: 6, licenses: 0, shares: 0, grants: 0 });
    const store = await openStore({ dir, project: loaded.state.project, flags: { endpoint: server.url, concurrency: 3 } });
    cleanup.push(async () => store.close());
    const resolve = vi.spyOn(ListTagsForResourceCommand.prototype, 'resolveMiddleware');
    try {
      await store.readLive(loaded.state);
      expect(store.stats.snapshot()['ListTagsForResource']?.calls).toBe(6);
      expect(resolve).toHaveBeenCalledTimes(1);
    } finally {
      resolve.mockRestore();
    }
  });
});

/** A served emulator holding the applied state of `sizes` (see mixedState). */
async function seeded(cleanup: (() => Promise<unknown>)[], sizes: Parameters<typeof mixedState>[0]) {
  const server: RunningServer = await startServer(new Emulator(), { port: 0 });
  cleanup.push(() => server.close());
  const dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('order'), ...mixedState(sizes) });
  cleanup.push(() => removeDir(dir));
  const loaded = await loadDesired(dir);
  const seed = await openStore({ dir, project: loaded.state.project, flags: { endpoint: server.url, concurrency: 8 } });
  await executePlan(await planAgainst(seed, loaded.state, { target: seed.target, ...CONTEXT }), seed, { concurrency: 8 });
  seed.close();
  return { server, dir, loaded };
}

