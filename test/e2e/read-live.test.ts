// Reading the live state: one list per kind, tag reads only where they are needed, and never more than
// --concurrency of them in flight across every kind.
import {
  CreateLicenseConfigurationCommand, DeleteGrantCommand, DeleteLicenseConfigurationCommand, ListDistributedGrantsCommand, ListLicenseConfigurationsCommand, TagResourceCommand,
} from '@aws-sdk/client-license-manager';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { executePlan } from '../../src/apply/execute-plan.js';
import { loadDesired, planAgainst, readLive } from '../../src/app/planning.js';
import { openStore } from '../../src/app/open-store.js';
import { Emulator, type EmulatorRequest, type RunningServer, startServer } from '../../src/emulator/index.js';
import { PROJECT_YAML, projectDir, removeDir } from '../helpers/cli.js';
import { CreateResourceShareCommand, DeleteResourceShareCommand, DisassociateResourceShareCommand } from '@aws-sdk/client-ram';
import { lmClient, ramClient } from '../helpers/emulator.js';
import { mixedState } from './mixed-state.js';

const CONTEXT = { source: { revision: null, dirty: null }, createdAt: '2026-11-28T12:00:00Z' };
const GRANTS = 120; // two pages of ListDistributedGrants

const grantYaml = (i: number, operations: string) =>
  `apiVersion: licensectl/v1\nkind: Grant\nmetadata: {name: grant-${i}}\nspec: {license: license-0, principal: "arn:aws:iam::${400000000000 + i}:root", homeRegion: us-east-1, allowedOperations: [${operations}]}\n`;

describe('reading the live state', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    while (cleanup.length) await cleanup.pop()!();
  });

  /** A served emulator holding the applied state of `files`. */
  async function seeded(files: Record<string, string>, emulator = new Emulator()) {
    const server: RunningServer = await startServer(emulator, { port: 0 });
    cleanup.push(() => server.close());
    const dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('reads'), ...files });
    cleanup.push(() => removeDir(dir));
    const loaded = await loadDesired(dir);
    const seed = await openStore({ dir, project: loaded.state.project, flags: { endpoint: server.url, concurrency: 16 } });
    await executePlan(await planAgainst(seed, loaded.state, { target: seed.target, ...CONTEXT }), seed, { concurrency: 16 });
    seed.close();
    const open = async (concurrency = 10) => {
      const store = await openStore({ dir, project: loaded.state.project, flags: { endpoint: server.url, concurrency } });
      cleanup.push(async () => store.close());
      return store;
    };
    return { server, dir, emulator, open };
  }

  function grantFiles(): Record<string, string> {
    const files: Record<string, string> = mixedState({ configurations: 1, licenses: 1, shares: 0, grants: 0 });
    for (let i = 0; i < GRANTS; i += 1) files[`grant-${i}.yaml`] = grantYaml(i, 'CheckoutLicense');
    return files;
  }

  it('reads no grant one by one when nothing changed: lists only', async () => {
    const { dir, open } = await seeded(grantFiles());
    const store = await open();
    const plan = await planAgainst(store, (await loadDesired(dir)).state, { target: store.target, ...CONTEXT });

    expect(plan.summary).toMatchObject({ create: 0, update: 0, replace: 0, delete: 0, noop: GRANTS + 2 });
    // One tag read each for the configuration and the license; two pages of grants.
    expect(store.stats.snapshot()['ListTagsForResource']?.calls).toBe(2);
    expect(store.stats.snapshot()['ListDistributedGrants']?.calls).toBe(2);
  });

  it('reads the tags of exactly the grants the plan acts on', async () => {
    const { server, dir, open } = await seeded(grantFiles());
    const page = await lmClient(server.url).send(new ListDistributedGrantsCommand({ MaxResults: 100 }));
    const changed = Number(page.Grants![0]!.GrantName!.replace('grant-', ''));
    await writeFile(path.join(dir, `grant-${changed}.yaml`), grantYaml(changed, 'CheckoutLicense, CheckInLicense'));
    const store = await open();
    const plan = await planAgainst(store, (await loadDesired(dir)).state, { target: store.target, ...CONTEXT });

    expect(plan.changes.filter((c) => c.action !== 'no-op').map((c) => `${c.action} ${c.address}`)).toEqual([`update Grant/grant-${changed}`]);
    expect(store.stats.snapshot()['ListTagsForResource']?.calls).toBe(3);
  });

  it('never changes a grant that only looks like a document\'s: its tags are read before the plan acts on it', async () => {
    const { server, dir, open } = await seeded(grantFiles());
    const lm = lmClient(server.url);
    const grant = (await lm.send(new ListDistributedGrantsCommand({ MaxResults: 100 }))).Grants![0]!;
    const index = Number(grant.GrantName!.replace('grant-', ''));
    // Another project's grant now, with the same license and name as the document.
    await lm.send(new TagResourceCommand({ ResourceArn: grant.GrantArn!, Tags: [{ Key: 'licensectl:project', Value: 'someone-else' }] }));
    await writeFile(path.join(dir, `grant-${index}.yaml`), grantYaml(index, 'CheckoutLicense, CheckInLicense'));
    const store = await open();
    const plan = await planAgainst(store, (await loadDesired(dir)).state, { target: store.target, ...CONTEXT });

    expect(plan.changes.filter((c) => c.action !== 'no-op').map((c) => `${c.action} ${c.address}`)).toEqual([`create Grant/grant-${index}`]);
    expect(plan.unmanaged).toEqual([expect.objectContaining({ arn: grant.GrantArn, owner: 'foreign', project: 'someone-else' })]);
  });

  it('maps unmanaged resources as it maps managed ones (for adoption and import), each with its spec and user tags', async () => {
    const { dir, server, open } = await seeded(mixedState({ configurations: 1, licenses: 0, shares: 0, grants: 0 }));
    const lm = lmClient(server.url);
    const { LicenseConfigurationArn: arn } = await lm.send(new CreateLicenseConfigurationCommand({
      Name: 'by hand', LicenseCountingType: 'Core', LicenseCount: 8, LicenseCountHardLimit: true, Tags: [{ Key: 'team', Value: 'ops' }],
    }));
    const ram = ramClient(server.url);
    const { resourceShare } = await ram.send(new CreateResourceShareCommand({ name: 'hand-share', resourceArns: [arn!], principals: ['222233334444'] }));
    const store = await open();
    const live = await readLive(store, (await loadDesired(dir)).state);

    const configuration = live.others.find((o) => o.arn === arn)!;
    expect(configuration).toMatchObject({ owner: 'unmanaged', displayName: 'by hand' });
    expect(configuration.live).toMatchObject({ kind: 'LicenseConfiguration', name: '', arn, tags: { team: 'ops' }, spec: { displayName: 'by hand', countingType: 'Core', licenseCount: 8, hardLimit: true } });
    const share = live.others.find((o) => o.arn === resourceShare!.resourceShareArn)!;
    expect(share.live).toMatchObject({ kind: 'ResourceShare', spec: { displayName: 'hand-share', principals: ['222233334444'], licenseConfigurations: [arn] } });
  });

  it('reads the tags of the resources named by a saved plan, to check its fingerprints', async () => {
    const { dir, open } = await seeded(grantFiles());
    const store = await open();
    const loaded = await loadDesired(dir);
    const live = await readLive(store, loaded.state, ['Grant/grant-7', 'Grant/grant-9']);

    expect(live.managed).toHaveLength(GRANTS + 2);
    expect(store.stats.snapshot()['ListTagsForResource']?.calls).toBe(4);
  });

  it('never has more tag reads in flight than --concurrency, across configurations and licenses', async () => {
    const emulator = new Emulator({ faults: { latencyMs: 10 } });
    const { dir, open } = await seeded(mixedState({ configurations: 6, licenses: 4, shares: 0, grants: 0 }), emulator);
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
    const store = await open(2);
    const live = await readLive(store, (await loadDesired(dir)).state);

    expect(live.managed).toHaveLength(10);
    expect(store.stats.snapshot()['ListTagsForResource']?.calls).toBe(10);
    expect(inFlight.most).toBe(2);
  });

  it('counts a configuration deleted while the account is being read as absent, never as an error', async () => {
    const emulator = new Emulator();
    const { server, dir, open } = await seeded(mixedState({ configurations: 3, licenses: 0, shares: 0, grants: 0 }), emulator);
    const lm = lmClient(server.url);
    const victim = (await lm.send(new ListLicenseConfigurationsCommand({}))).LicenseConfigurations!.find((c) => c.Name === 'config-1')!;
    const handle = emulator.handle.bind(emulator);
    emulator.handle = async (request: EmulatorRequest, signal?: AbortSignal) => {
      // Listed a moment ago; deleted (by a person, or a killed apply's late request) just before its tags are read.
      if (request.headers['x-amz-target'] === 'AWSLicenseManager.ListTagsForResource' && request.body.includes(victim.LicenseConfigurationArn!)) {
        await handle({ ...request, headers: { ...request.headers, 'x-amz-target': 'AWSLicenseManager.DeleteLicenseConfiguration' }, body: JSON.stringify({ LicenseConfigurationArn: victim.LicenseConfigurationArn }) }, signal);
      }
      return handle(request, signal);
    };
    const store = await open();
    const plan = await planAgainst(store, (await loadDesired(dir)).state, { target: store.target, ...CONTEXT });

    expect(plan.changes.filter((c) => c.action !== 'no-op').map((c) => `${c.action} ${c.address}`)).toEqual(['create LicenseConfiguration/config-1']);
  });

  it('a delete whose resource is already gone counts as done', async () => {
    const { server, dir, open } = await seeded(grantFiles());
    await rm(path.join(dir, 'grant-3.yaml'));
    const store = await open();
    const plan = await planAgainst(store, (await loadDesired(dir)).state, { target: store.target, ...CONTEXT });
    const doomed = plan.changes.find((c) => c.action === 'delete')!;
    expect(doomed.address).toBe('Grant/grant-3');
    await lmClient(server.url).send(new DeleteGrantCommand({ GrantArn: doomed.arn!, Version: doomed.meta!.version! }));
    const result = await executePlan(plan, store, { concurrency: 4 });

    expect(result.results).toEqual([expect.objectContaining({ address: 'Grant/grant-3', outcome: 'applied' })]);
  });

  it('a disassociation that already happened (a killed run\'s, landed late) counts as done', async () => {
    const { server, dir, open } = await seeded(mixedState({ configurations: 2, licenses: 0, shares: 1, grants: 0 }));
    const text = await readFile(path.join(dir, 'share-0.yaml'), 'utf8');
    await writeFile(path.join(dir, 'share-0.yaml'), text.replace('"333344445500"', '"444455556600"'));
    const store = await open();
    const plan = await planAgainst(store, (await loadDesired(dir)).state, { target: store.target, ...CONTEXT });
    const share = plan.changes.find((c) => c.action === 'update')!;
    await ramClient(server.url).send(new DisassociateResourceShareCommand({ resourceShareArn: share.arn!, principals: ['333344445500'] }));
    const result = await executePlan(plan, store, { concurrency: 4 });

    expect(result.results).toEqual([expect.objectContaining({ address: 'ResourceShare/share-0', outcome: 'applied' })]);
    expect((await planAgainst(await open(), (await loadDesired(dir)).state, { target: store.target, ...CONTEXT })).changes.filter((c) => c.action !== 'no-op')).toEqual([]);
  });

  it('a share delete whose share is already deleted counts as done', async () => {
    const { server, dir, open } = await seeded(mixedState({ configurations: 1, licenses: 0, shares: 2, grants: 0 }));
    await rm(path.join(dir, 'share-1.yaml'));
    const store = await open();
    const plan = await planAgainst(store, (await loadDesired(dir)).state, { target: store.target, ...CONTEXT });
    const doomed = plan.changes.find((c) => c.action === 'delete')!;
    await ramClient(server.url).send(new DeleteResourceShareCommand({ resourceShareArn: doomed.arn! }));
    const result = await executePlan(plan, store, { concurrency: 4 });

    expect(result.results).toEqual([expect.objectContaining({ address: 'ResourceShare/share-1', outcome: 'applied' })]);
  });

  it('a share still associated with a configuration deleted by hand plans the disassociation and applies it', async () => {
    const { server, dir, open } = await seeded(mixedState({ configurations: 1, licenses: 0, shares: 1, grants: 0 }));
    const lm = lmClient(server.url);
    const gone = (await lm.send(new ListLicenseConfigurationsCommand({}))).LicenseConfigurations![0]!.LicenseConfigurationArn!;
    await lm.send(new DeleteLicenseConfigurationCommand({ LicenseConfigurationArn: gone }));
    const desired = (await loadDesired(dir)).state;
    const store = await open();
    const plan = await planAgainst(store, desired, { target: store.target, ...CONTEXT });
    expect(plan.changes.filter((c) => c.action !== 'no-op').map((c) => `${c.action} ${c.address}`)).toEqual(['create LicenseConfiguration/config-0', 'update ResourceShare/share-0']);
    expect(plan.changes.find((c) => c.kind === 'ResourceShare')!.diff).toEqual([{ path: 'licenseConfigurations', before: [gone], after: ['config-0'], added: ['config-0'], removed: [gone] }]);

    const result = await executePlan(plan, store, { concurrency: 4 });
    expect(result.summary).toEqual({ applied: 2, failed: 0, skipped: 0 });
    const again = await planAgainst(await open(), desired, { target: store.target, ...CONTEXT });
    expect(again.changes.filter((c) => c.action !== 'no-op')).toEqual([]);
  });
});
