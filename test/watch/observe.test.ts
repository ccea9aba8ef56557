// Issue 15, point 3: watch and observe-only resources. A configuration made by hand is observed through spec.adopt
// with spec.management: observe; drift on it is reported (outcome, metrics, a notification) and never corrected, and
// it never becomes ours.
import { CreateLicenseConfigurationCommand, ListTagsForResourceCommand, ListLicenseConfigurationsCommand, UpdateLicenseConfigurationCommand } from '@aws-sdk/client-license-manager';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SyncedDocuments } from '../../src/watch/change-causes.js';
import { directoryDesired } from '../../src/watch/directory-source.js';
import { EventTracker } from '../../src/watch/notify-events.js';
import { PruneGrace } from '../../src/watch/prune-grace.js';
import { DesiredMemory, reconcileOnce, type ReconcileContext } from '../../src/watch/reconcile.js';
import { WatchStatus } from '../../src/watch/status.js';
import { StoreHolder } from '../../src/watch/store-holder.js';
import { WatchMetrics } from '../../src/watch/watch-metrics.js';
import type { ReconcileOutcome } from '../../src/watch/outcome.js';
import { CONFIG_YAML, PROJECT_YAML, projectDir, removeDir, statePathOf } from '../helpers/cli.js';
import { otherClient } from '../helpers/live.js';

const NO_GIT = async () => ({ revision: null, dirty: null });

describe('watch and observe-only resources', () => {
  let dir: string;
  let stores: StoreHolder;
  beforeAll(() => { process.env.LICENSECTL_MAX_ATTEMPTS = '1'; });
  afterEach(async () => {
    stores.close();
    await removeDir(dir);
  });

  it('reports drift on an observed hand-made configuration every way, and never corrects or tags it', async () => {
    dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('p'), 'a.yaml': CONFIG_YAML('a', 'countingType: Core\nlicenseCount: 10') });
    const lm = otherClient(statePathOf(dir));
    const arn = (await lm.send(new CreateLicenseConfigurationCommand({ Name: 'legacy', LicenseCountingType: 'vCPU', LicenseCount: 40 }))).LicenseConfigurationArn!;
    await writeFile(path.join(dir, 'legacy.yaml'), CONFIG_YAML('legacy', `countingType: vCPU\nlicenseCount: 40\nadopt: ${arn}\nmanagement: observe`));
    stores = new StoreHolder();
    const ctx: ReconcileContext = {
      source: directoryDesired(dir, NO_GIT), mode: 'correct', storeFlags: { concurrency: 4 },
      memory: new DesiredMemory(), synced: new SyncedDocuments(), grace: new PruneGrace(0), stores,
    };
    const events = new EventTracker();
    const metrics = new WatchMetrics(() => 0);
    const record = (o: ReconcileOutcome) => ({ ...o, triggers: ['interval' as const], startedAt: 0, durationMs: 1 });
    const liveLegacy = async () => (await lm.send(new ListLicenseConfigurationsCommand({}))).LicenseConfigurations!.find((c) => c.LicenseConfigurationArn === arn)!.LicenseCount;

    const first = await reconcileOnce(ctx);
    // Managed: `a` alone; the observed configuration is never tagged.
    expect(first).toMatchObject({ outcome: 'applied', changes: [{ address: 'LicenseConfiguration/a', action: 'create' }], managed: 1 });
    expect(first.observed).toBeUndefined();
    expect(events.eventsOf(record(first)).map((n) => n.event.type)).toEqual([]);

    // Someone changes the observed configuration by hand.
    await lm.send(new UpdateLicenseConfigurationCommand({ LicenseConfigurationArn: arn, LicenseCount: 99 }));
    const drifted = await reconcileOnce(ctx);
    expect(drifted).toMatchObject({ outcome: 'drift-detected', changes: [], observed: [{ address: 'LicenseConfiguration/legacy', fields: ['licenseCount'] }], applied: null, managed: 1 });
    const notified = events.eventsOf(record(drifted));
    expect(notified.map((n) => n.event)).toEqual([expect.objectContaining({ type: 'drift-detected', changes: [], observed: drifted.observed })]);
    expect(notified[0]!.text).toContain('drift detected on observed resources (never corrected): LicenseConfiguration/legacy (licenseCount)');
    metrics.observe(record(drifted));
    expect(await metrics.text()).toContain('licensectl_drifted_resources 1');
    expect(await metrics.text()).toContain('licensectl_managed_resources 1');
    const status = new WatchStatus({ mode: 'correct', intervalMs: 60_000, source: { type: 'directory', dir }, clock: () => 1 });
    status.record(record(drifted));
    expect(status.snapshot().observed).toEqual(drifted.observed);

    // Not corrected, not tagged; the next pass reports it again (level-based) but notifies once.
    const again = await reconcileOnce(ctx);
    expect(again).toMatchObject({ outcome: 'drift-detected', observed: drifted.observed });
    expect(events.eventsOf(record(again))).toEqual([]);
    expect(await liveLegacy()).toBe(99);
    expect((await lm.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags ?? []).toEqual([]);
    lm.destroy();
  });
});
