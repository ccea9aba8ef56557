// A grant paired with its document by name, which the plan is going to change, has its tags read as soon as the
// page that lists it arrives — while the next pages are still being fetched — not in a second round after the
// whole read.
import { ListDistributedGrantsCommand } from '@aws-sdk/client-license-manager';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { executePlan } from '../../src/apply/execute-plan.js';
import { loadDesired } from '../../src/app/desired.js';
import { openStore } from '../../src/app/open-store.js';
import { planAgainst } from '../../src/app/planning.js';
import { Emulator, startServer, type EmulatorRequest, type RunningServer } from '../../src/emulator/index.js';
import { PROJECT_YAML, projectDir, removeDir } from '../helpers/cli.js';
import { lmClient } from '../helpers/emulator.js';
import { mixedState } from './mixed-state.js';

const CONTEXT = { source: { revision: null, dirty: null }, createdAt: '2026-11-28T12:00:00Z' };
const GRANTS = 120; // two pages of ListDistributedGrants
const HOLD_MS = 3000;

const grantYaml = (i: number, operations: string) =>
  `apiVersion: licensectl/v1\nkind: Grant\nmetadata: {name: grant-${i}}\nspec: {license: license-0, principal: "arn:aws:iam::${400000000000 + i}:root", homeRegion: us-east-1, allowedOperations: [${operations}]}\n`;

describe('verifying grants paired by name', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    while (cleanup.length) await cleanup.pop()!();
  });

  it('reads the tags of a grant the plan changes while the next page of grants is still on its way', async () => {
    const emulator = new Emulator({});
    const server: RunningServer = await startServer(emulator, { port: 0 });
    cleanup.push(() => server.close());
    const files: Record<string, string> = { 'licensectl.yaml': PROJECT_YAML('early'), ...mixedState({ configurations: 1, licenses: 1, shares: 0, grants: 0 }) };
    for (let i = 0; i < GRANTS; i += 1) files[`grant-${i}.yaml`] = grantYaml(i, 'CheckoutLicense');
    const dir = await projectDir(files);
    cleanup.push(() => removeDir(dir));
    const seeded = await loadDesired(dir);
    const seed = await openStore({ dir, project: seeded.state.project, flags: { endpoint: server.url, concurrency: 16 } });
    await executePlan(await planAgainst(seed, seeded.state, { target: seed.target, ...CONTEXT }), seed, { concurrency: 16 });
    seed.close();

    // A grant on the first page, changed in its document.
    const firstPage = await lmClient(server.url).send(new ListDistributedGrantsCommand({ MaxResults: 100 }));
    const changed = firstPage.Grants![0]!;
    const index = Number(changed.GrantName!.replace('grant-', ''));
    await writeFile(path.join(dir, `grant-${index}.yaml`), grantYaml(index, 'CheckoutLicense, CheckInLicense'));
    const loaded = await loadDesired(dir);

    // The second page is answered only once the changed grant's tags are asked for (or after HOLD_MS).
    const seen = { tagsAskedWhileHeld: false };
    let release: () => void = () => {};
    const handle = emulator.handle.bind(emulator);
    emulator.handle = async (request: EmulatorRequest, signal?: AbortSignal) => {
      const target = request.headers['x-amz-target'];
      if (target === 'AWSLicenseManager.ListDistributedGrants' && request.body.includes('NextToken')) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => { release = () => {}; resolve(); }, HOLD_MS);
          release = () => { seen.tagsAskedWhileHeld = true; release = () => {}; clearTimeout(timer); resolve(); };
        });
      }
      if (target === 'AWSLicenseManager.ListTagsForResource' && request.body.includes(changed.GrantArn!)) release();
      return handle(request, signal);
    };

    const store = await openStore({ dir, project: loaded.state.project, flags: { endpoint: server.url, concurrency: 10 } });
    cleanup.push(async () => store.close());
    const plan = await planAgainst(store, loaded.state, { target: store.target, ...CONTEXT });

    expect(plan.changes.filter((c) => c.action !== 'no-op').map((c) => `${c.action} ${c.address}`)).toEqual([`update Grant/grant-${index}`]);
    expect(seen.tagsAskedWhileHeld).toBe(true);
    // One tag read each for the configuration, the license and the changed grant; none for the other grants.
    expect(store.stats.snapshot()['ListTagsForResource']?.calls).toBe(3);
  }, 30_000);
});
