// Client tokens derive from what is asked, not from when or by which process: a re-run re-sends a killed run's
// tokens and is answered with what those requests made; and a resource deleted since its create is made anew.
import {
  DeleteGrantCommand, ListDistributedGrantsCommand, ListLicenseConfigurationsCommand, ListLicensesCommand, ListTagsForResourceCommand,
} from '@aws-sdk/client-license-manager';
import { access, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DeleteResourceShareCommand, GetResourceSharesCommand } from '@aws-sdk/client-ram';
import { afterEach, describe, expect, it } from 'vitest';
import { executePlan } from '../../src/apply/execute-plan.js';
import { loadDesired, planAgainst, readLive } from '../../src/app/planning.js';
import { openStore } from '../../src/app/open-store.js';
import { Emulator, startServer, type EmulatorRequest, type RunningServer } from '../../src/emulator/index.js';
import { computePlan } from '../../src/plan/compute-plan.js';
import { PROJECT_YAML, projectDir, removeDir, spawnCli } from '../helpers/cli.js';
import { lmClient, ramClient } from '../helpers/emulator.js';
import { mixedState } from './mixed-state.js';

const SOURCE = { revision: null, dirty: null };

describe('client tokens across applies', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    while (cleanup.length) await cleanup.pop()!();
  });

  async function project(files: Record<string, string>) {
    const server: RunningServer = await startServer(new Emulator(), { port: 0 });
    cleanup.push(() => server.close());
    const dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('tokens'), ...files });
    cleanup.push(() => removeDir(dir));
    const loaded = await loadDesired(dir);
    const open = async () => {
      const store = await openStore({ dir, project: loaded.state.project, flags: { endpoint: server.url, concurrency: 8 } });
      cleanup.push(async () => store.close());
      return store;
    };
    return { server, loaded, open };
  }

  async function ourGrants(url: string): Promise<string[]> {
    const lm = lmClient(url);
    const grants = (await lm.send(new ListDistributedGrantsCommand({ MaxResults: 100 }))).Grants!.filter((g) => g.GrantStatus !== 'DELETED');
    const tagged = await Promise.all(grants.map(async (g) => ((await lm.send(new ListTagsForResourceCommand({ ResourceArn: g.GrantArn! }))).Tags ?? []).some((t) => t.Key === 'licensectl:project' && t.Value === 'tokens')));
    return grants.filter((_, i) => tagged[i]).map((g) => g.GrantArn!);
  }

  it('a re-run planned before the killed run\'s creates were visible gets the same resources back, not copies', async () => {
    const { server, loaded, open } = await project(mixedState({ configurations: 2, licenses: 2, shares: 2, grants: 6 }));
    const store = await open();
    // Configurations are in place already: CreateLicenseConfiguration takes no token at all.
    const configurations = loaded.state.resources.filter((r) => r.kind === 'LicenseConfiguration').map((r) => `LicenseConfiguration/${r.name}` as const);
    await executePlan(computePlan(loaded.state, await readLive(store, loaded.state), { target: store.target, source: SOURCE, createdAt: '2026-12-06T06:55:00Z', targets: configurations }), store, { concurrency: 8 });
    const before = await readLive(store, loaded.state);
    // The killed run: planned at one moment, its requests all landed.
    await executePlan(computePlan(loaded.state, before, { target: store.target, source: SOURCE, createdAt: '2026-12-06T07:00:00Z' }), store, { concurrency: 8 });
    const made = await ourGrants(server.url);
    // The next run read the account before those requests became visible (eventual consistency): same creates, a new plan.
    const rerun = await executePlan(computePlan(loaded.state, before, { target: store.target, source: SOURCE, createdAt: '2026-12-06T07:05:00Z' }), store, { concurrency: 8 });

    expect(rerun.summary).toEqual({ applied: 10, failed: 0, skipped: 0 });
    expect((await ourGrants(server.url)).sort()).toEqual(made.sort());
    expect((await lmClient(server.url).send(new ListLicensesCommand({}))).Licenses).toHaveLength(2);
    expect((await ramClient(server.url).send(new GetResourceSharesCommand({ resourceOwner: 'SELF' }))).resourceShares).toHaveLength(2);
    const plan = await planAgainst(store, loaded.state, { target: store.target, source: SOURCE, createdAt: '2026-12-06T07:10:00Z' });
    expect(plan.summary.noop).toBe(12);
    expect(plan.duplicates).toEqual([]);
  });

  it('a grant and a share deleted by hand are created anew, not answered with the deleted ones', async () => {
    const { server, loaded, open } = await project(mixedState({ configurations: 1, licenses: 1, shares: 1, grants: 1 }));
    const first = await open();
    await executePlan(await planAgainst(first, loaded.state, { target: first.target, source: SOURCE, createdAt: '2026-12-06T07:00:00Z' }), first, { concurrency: 4 });
    const [grant] = await ourGrants(server.url);
    const grantVersion = (await lmClient(server.url).send(new ListDistributedGrantsCommand({}))).Grants!.find((g) => g.GrantArn === grant)!.Version!;
    await lmClient(server.url).send(new DeleteGrantCommand({ GrantArn: grant!, Version: grantVersion }));
    const share = (await ramClient(server.url).send(new GetResourceSharesCommand({ resourceOwner: 'SELF' }))).resourceShares![0]!.resourceShareArn!;
    await ramClient(server.url).send(new DeleteResourceShareCommand({ resourceShareArn: share }));

    const second = await open();
    const plan = await planAgainst(second, loaded.state, { target: second.target, source: SOURCE, createdAt: '2026-12-06T07:05:00Z' });
    expect(plan.changes.filter((c) => c.action !== 'no-op').map((c) => `${c.action} ${c.address}`)).toEqual(['create ResourceShare/share-0', 'create Grant/grant-0']);
    const result = await executePlan(plan, second, { concurrency: 4 });

    expect(result.results.map((r) => r.arn)).not.toContain(grant);
    expect(result.results.map((r) => r.arn)).not.toContain(share);
    const third = await open();
    const after = await planAgainst(third, loaded.state, { target: third.target, source: SOURCE, createdAt: '2026-12-06T07:10:00Z' });
    expect(after.changes.filter((c) => c.action !== 'no-op')).toEqual([]);
  });

  it('a configuration whose create a killed apply left in flight is waited for and found, not created twice', async () => {
    const emulator = new Emulator();
    const server: RunningServer = await startServer(emulator, { port: 0 });
    cleanup.push(() => server.close());
    const dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('tokens'), ...mixedState({ configurations: 1, licenses: 0, shares: 0, grants: 0 }) });
    cleanup.push(() => removeDir(dir));
    // CreateLicenseConfiguration takes effect 2 s after it arrives, as a killed process's last request may.
    let arrived = false;
    const handle = emulator.handle.bind(emulator);
    emulator.handle = async (request: EmulatorRequest, signal?: AbortSignal) => {
      if (request.headers['x-amz-target'] === 'AWSLicenseManager.CreateLicenseConfiguration') {
        arrived = true;
        await new Promise((resolve) => setTimeout(resolve, 2_000));
      }
      return handle(request, signal);
    };
    const killed = spawnCli(['apply', '--dir', dir, '--endpoint', server.url, '--auto-approve'], { env: { LICENSECTL_TIMEOUT_MS: '3000' } });
    const note = path.join(dir, '.licensectl', 'pending-creates.json');
    while (!arrived || !(await access(note).then(() => true, () => false))) await new Promise((resolve) => setTimeout(resolve, 20));
    killed.kill('SIGKILL');

    // The next apply reads the account before the killed request has landed, and plans the same create.
    const loaded = await loadDesired(dir);
    const store = await openStore({ dir, project: loaded.state.project, flags: { endpoint: server.url, concurrency: 4 }, timeoutMs: 3_000 });
    cleanup.push(async () => store.close());
    const plan = await planAgainst(store, loaded.state, { target: store.target, source: SOURCE, createdAt: '2026-12-06T07:00:00Z' });
    expect(plan.summary.create).toBe(1);
    const result = await executePlan(plan, store, { concurrency: 4 });

    const all = (await lmClient(server.url).send(new ListLicenseConfigurationsCommand({}))).LicenseConfigurations!;
    expect(all).toHaveLength(1);
    expect(result.results).toEqual([expect.objectContaining({ outcome: 'applied', arn: all[0]!.LicenseConfigurationArn })]);
    await expect(access(note)).rejects.toThrow();
  }, 30_000);
});

describe('a share changed back and forth', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    while (cleanup.length) await cleanup.pop()!();
  });

  it('gets every change, also one back to an earlier state (no reply of an old request)', async () => {
    const server: RunningServer = await startServer(new Emulator(), { port: 0 });
    cleanup.push(() => server.close());
    const share = (principals: string) => `apiVersion: licensectl/v1\nkind: ResourceShare\nmetadata: {name: s}\nspec: {principals: [${principals}], licenseConfigurations: [config-0]}\n`;
    const dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('flip'), ...mixedState({ configurations: 1, licenses: 0, shares: 0, grants: 0 }), 's.yaml': share('"222233334444"') });
    cleanup.push(() => removeDir(dir));
    const applyNow = async () => {
      const loaded = await loadDesired(dir);
      const store = await openStore({ dir, project: loaded.state.project, flags: { endpoint: server.url, concurrency: 4 } });
      cleanup.push(async () => store.close());
      const plan = await planAgainst(store, loaded.state, { target: store.target, source: SOURCE, createdAt: '2026-12-06T07:00:00Z' });
      await executePlan(plan, store, { concurrency: 4 });
      return planAgainst(store, loaded.state, { target: store.target, source: SOURCE, createdAt: '2026-12-06T07:00:01Z' });
    };
    for (const principals of ['"222233334444"', '"222233334444", "333344445555"', '"222233334444"', '"222233334444", "333344445555"']) {
      await writeFile(path.join(dir, 's.yaml'), share(principals));
      const after = await applyNow();
      expect(after.changes.filter((c) => c.action !== 'no-op'), principals).toEqual([]);
    }
  });
});
