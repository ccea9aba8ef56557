// The watcher and license usage against the embedded emulator, with a real simulated fleet consuming licenses: the
// gauges on /metrics, the signed notifications a local receiver gets, and a pass refusing what apply would refuse.
import { UpdateLicenseConfigurationCommand, ListLicenseConfigurationsCommand } from '@aws-sdk/client-license-manager';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openFleet } from '../../src/app/emulator-fleet.js';
import { SyncedDocuments } from '../../src/watch/change-causes.js';
import { directoryDesired } from '../../src/watch/directory-source.js';
import { createLogger } from '../../src/watch/log.js';
import type { Notification } from '../../src/watch/notify-events.js';
import { PruneGrace } from '../../src/watch/prune-grace.js';
import { DesiredMemory, reconcileOnce, type ReconcileContext } from '../../src/watch/reconcile.js';
import { StoreHolder } from '../../src/watch/store-holder.js';
import { verifySignature } from '../../src/watch/server.js';
import type { WatchOptions } from '../../src/watch/watch-options.js';
import { startWatcher, type RunningWatcher } from '../../src/watch/watcher.js';
import { CONFIG_YAML, PROJECT_YAML, projectDir, removeDir, statePathOf } from '../helpers/cli.js';
import { otherClient } from '../helpers/live.js';
import { T0 } from './builders.js';
import { waitUntil, type LogLine } from './e2e/watcher-process.js';
import { receiver, type Received } from './receiver.js';

const AMI = 'ami-0apps';
const ASSOCIATION = `apiVersion: licensectl/v1
kind: Association
metadata: {name: apps-ami}
spec:
  resourceArn: arn:aws:ec2:us-east-1::image/${AMI}
  licenseConfigurations: [apps]
`;
const apps = (count: number, more = '') => CONFIG_YAML('apps', `countingType: Instance\nlicenseCount: ${count}\nhardLimit: true${more}`);
const NO_GIT = async () => ({ revision: null, dirty: null });

/** `count` instances launched from the associated AMI, through the in-process fleet of the state file. */
async function launch(dir: string, count: number): Promise<void> {
  const fleet = openFleet({ state: statePathOf(dir), account: '000000000000', region: 'us-east-1' });
  const { launched, refusal } = await fleet.launch({ imageId: AMI, count });
  expect(refusal).toBeUndefined();
  expect(launched).toHaveLength(count);
}

async function updateLive(dir: string, name: string, change: { LicenseCount?: number; Description?: string }): Promise<void> {
  const client = otherClient(statePathOf(dir));
  const live = (await client.send(new ListLicenseConfigurationsCommand({}))).LicenseConfigurations!.find((c) => c.Name === name)!;
  await client.send(new UpdateLicenseConfigurationCommand({ LicenseConfigurationArn: live.LicenseConfigurationArn, ...change }));
  client.destroy();
}

describe('the watcher and license usage', () => {
  let watcher: RunningWatcher | undefined;
  let dir: string | undefined;
  let closeReceiver: (() => Promise<void>) | undefined;
  beforeAll(() => { process.env.LICENSECTL_MAX_ATTEMPTS = '1'; });
  afterEach(async () => {
    await watcher?.stop();
    await closeReceiver?.();
    if (dir) await removeDir(dir);
    watcher = dir = closeReceiver = undefined;
  });

  it('exports gauges from each pass’s usage and sends signed notifications for findings, headroom and drift', async () => {
    const project = PROJECT_YAML('fleet', '  policies: {minHeadroomPercent: 50, expiryWarningDays: 30}\n');
    dir = await projectDir({ 'licensectl.yaml': project, 'apps.yaml': apps(10, '\nexpiry: "2026-03-20T00:00:00Z"'), 'assoc.yaml': ASSOCIATION });
    const hook = await receiver([200]);
    closeReceiver = hook.close;
    const lines: LogLine[] = [];
    const logger = createLogger(new Writable({ write(chunk: Buffer, _enc, done) { lines.push(JSON.parse(chunk.toString()) as LogLine); done(); } }));
    const options: WatchOptions = {
      source: { type: 'directory', dir }, intervalMs: 3_600_000, mode: 'correct', listen: { host: '127.0.0.1', port: 0 }, pruneGraceMs: 0, logFormat: 'json',
      storeFlags: { concurrency: 4 }, notify: [hook.url], notifySecret: 'n0t1fy',
    };
    watcher = await startWatcher(options, { git: { ensureClone: () => Promise.reject(new Error('no git')), fetchBranch: () => Promise.reject(new Error('no git')), gitSource: () => { throw new Error('no git'); }, sourceRevision: NO_GIT }, logger, clock: () => T0 });
    const passes = () => lines.filter((l) => l.event === 'reconcile');
    const pass = (n: number) => waitUntil(async () => passes()[n - 1], 10_000, `pass ${n}`);
    const events = (n: number) => waitUntil(async () => hook.received.length >= n && hook.received.slice(0, n), 10_000, `${n} notifications`);
    const again = () => writeFile(path.join(dir!, 'assoc.yaml'), ASSOCIATION);
    const metrics = async () => (await (await fetch(`${watcher!.url}/metrics`)).text()).split('\n').filter((l) => /^licensectl_(configuration_|findings)/.test(l));
    const bodyOf = (r: Received) => JSON.parse(r.body) as Notification;

    // Pass 1 creates the configuration and its association: the expiry is news.
    expect(await pass(1)).toMatchObject({ outcome: 'applied' });
    const [expiring] = await events(1);
    expect(verifySignature('n0t1fy', Buffer.from(expiring!.body), expiring!.headers['x-licensectl-signature'] as string)).toBe(true);
    expect(bodyOf(expiring!)).toMatchObject({
      text: 'licensectl fleet: 1 new finding: warning EXPIRING LicenseConfiguration/apps expires on 2026-03-20, in 18 days',
      event: { type: 'findings', project: 'fleet', findings: [{ code: 'EXPIRING', address: 'LicenseConfiguration/apps', numbers: { days: 18, expiryWarningDays: 30 } }] },
    });

    // Six instances launched from the AMI consume six of the ten licenses: 40 % headroom, under the policy's 50 %.
    await launch(dir, 6);
    await again();
    expect(await pass(2)).toMatchObject({ outcome: 'synced' });
    expect(await metrics()).toEqual([
      'licensectl_configuration_license_count{name="apps"} 10',
      'licensectl_configuration_consumed_licenses{name="apps"} 6',
      'licensectl_configuration_headroom_ratio{name="apps"} 0.4',
      `licensectl_configuration_expiry_seconds{name="apps"} ${18.5 * 86_400}`,
      'licensectl_findings{code="EXPIRING",severity="warning"} 1',
      'licensectl_findings{code="HEADROOM_LOW",severity="warning"} 1',
      'licensectl_findings_total{code="EXPIRING",severity="warning"} 2',
      'licensectl_findings_total{code="HEADROOM_LOW",severity="warning"} 1',
    ]);
    const [, low, below] = await events(3);
    expect(bodyOf(low!).event).toMatchObject({ type: 'findings', findings: [{ code: 'HEADROOM_LOW', numbers: { licenseCount: 10, consumed: 6, headroomPercent: 40, minHeadroomPercent: 50 } }] });
    expect(bodyOf(below!)).toMatchObject({
      text: 'licensectl fleet: LicenseConfiguration/apps headroom 40% is below spec.policies.minHeadroomPercent 50% (6 of 10 licenses in use)',
      event: { type: 'headroom-below', configuration: { name: 'apps', licenseCount: 10, consumed: 6, headroomPercent: 40 } },
    });

    // Someone edits the description in the console: corrected, and said so (nothing else is news).
    await updateLive(dir, 'apps', { Description: 'changed by hand' });
    await again();
    expect(await pass(3)).toMatchObject({ outcome: 'drift-corrected' });
    const [, , , corrected] = await events(4);
    expect(verifySignature('n0t1fy', Buffer.from(corrected!.body), corrected!.headers['x-licensectl-signature'] as string)).toBe(true);
    expect(bodyOf(corrected!)).toMatchObject({
      text: 'licensectl fleet: drift corrected: update LicenseConfiguration/apps (drift: description)',
      event: { type: 'drift-corrected', project: 'fleet', changes: [{ address: 'LicenseConfiguration/apps', action: 'update', cause: 'drift', fields: ['description'] }] },
    });

    // Twenty licenses: the headroom is back above the policy, as the gauges say right after the pass that raised it.
    await writeFile(path.join(dir, 'apps.yaml'), apps(20, '\nexpiry: "2026-03-20T00:00:00Z"'));
    expect(await waitUntil(async () => passes().find((l) => l.outcome === 'applied' && passes().indexOf(l) >= 3), 10_000, 'the raise')).toBeTruthy();
    const [, , , , restored] = await events(5);
    expect(bodyOf(restored!).text).toBe('licensectl fleet: LicenseConfiguration/apps headroom is back to 70%, at or above spec.policies.minHeadroomPercent 50% (6 of 20 licenses in use)');
    expect(await metrics()).toContain('licensectl_configuration_headroom_ratio{name="apps"} 0.7');
    expect(await metrics()).toContain('licensectl_findings{code="HEADROOM_LOW",severity="warning"} 0');
    expect(hook.received.map((r) => r.headers['x-licensectl-event'])).toEqual(['findings', 'findings', 'headroom-below', 'drift-corrected', 'headroom-restored']);
  });
});

describe('a pass with error findings', () => {
  let dir: string;
  let stores: StoreHolder;
  beforeAll(() => { process.env.LICENSECTL_MAX_ATTEMPTS = '1'; });
  afterEach(async () => {
    stores.close();
    await removeDir(dir);
  });

  async function setup(files: Record<string, string>) {
    dir = await projectDir(files);
    const memory = new DesiredMemory();
    const synced = new SyncedDocuments();
    stores = new StoreHolder();
    const ctx = (more: Partial<ReconcileContext> = {}): ReconcileContext => ({
      source: directoryDesired(dir, NO_GIT), mode: 'correct', storeFlags: { concurrency: 4 }, memory, synced, grace: new PruneGrace(0), stores, ...more,
    });
    const liveCount = async () => {
      const client = otherClient(statePathOf(dir));
      const out = await client.send(new ListLicenseConfigurationsCommand({}));
      client.destroy();
      return out.LicenseConfigurations!.find((c) => c.Name === 'apps')!.LicenseCount;
    };
    return { ctx, liveCount };
  }

  it('refuses to lower a hard-limited count below consumption, changing nothing, unless --allow-overage', async () => {
    const { ctx, liveCount } = await setup({ 'licensectl.yaml': PROJECT_YAML('p'), 'apps.yaml': apps(10), 'assoc.yaml': ASSOCIATION });
    expect(await reconcileOnce(ctx())).toMatchObject({ outcome: 'applied' });
    await launch(dir, 6);
    await writeFile(path.join(dir, 'apps.yaml'), apps(4));
    const refused = await reconcileOnce(ctx({ allow: { 'allow-in-use': true } }));
    expect(refused).toMatchObject({
      outcome: 'refused', applied: null, usage: { configurations: [{ name: 'apps', licenseCount: 10, consumed: 6 }] },
      changes: [{ address: 'LicenseConfiguration/apps', action: 'update', cause: 'desired', fields: ['licenseCount'] }],
      findings: [{ code: 'COUNT_BELOW_USAGE', severity: 'error', override: 'allow-overage', numbers: { licenseCount: 4, consumed: 6 } }],
      error: { code: 'FINDINGS_REFUSED', hint: 'pass --allow-overage if this is intended' },
    });
    expect(refused.error!.message).toContain('COUNT_BELOW_USAGE: LicenseConfiguration/apps: licenseCount 4 is below the 6 licenses in use');
    expect(await liveCount()).toBe(10);
    // --mode warn changes nothing anyway: it reports, and refuses nothing.
    expect(await reconcileOnce(ctx({ mode: 'warn' }))).toMatchObject({ outcome: 'out-of-sync', error: null, findings: [{ code: 'COUNT_BELOW_USAGE' }] });
    expect(await reconcileOnce(ctx({ allow: { 'allow-overage': true } }))).toMatchObject({
      outcome: 'applied', error: null, usage: { configurations: [{ name: 'apps', licenseCount: 4, consumed: 6 }] },
    });
    expect(await liveCount()).toBe(4);
  });

  it('refuses what breaks a policy whatever the flags', async () => {
    const { ctx } = await setup({
      'licensectl.yaml': PROJECT_YAML('p', "  policies: {requireHardLimit: ['*']}\n"),
      'apps.yaml': CONFIG_YAML('apps', 'countingType: Instance\nlicenseCount: 10'),
    });
    const refused = await reconcileOnce(ctx({ allow: { 'allow-overage': true, 'allow-in-use': true } }));
    expect(refused).toMatchObject({
      outcome: 'refused', managed: 0, findings: [{ code: 'POLICY_HARD_LIMIT_REQUIRED', override: null }],
      error: { code: 'FINDINGS_REFUSED', hint: 'a policy finding is lifted only by changing the desired state or spec.policies in licensectl.yaml' },
    });
    const client = otherClient(statePathOf(dir));
    expect((await client.send(new ListLicenseConfigurationsCommand({}))).LicenseConfigurations).toEqual([]);
    client.destroy();
  });
});
