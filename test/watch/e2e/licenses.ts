// `licensectl watch --notify` in its own process against `emulator serve`, with instances of the emulator's fleet
// consuming licenses: the license gauges on /metrics, a signed notification for drift, and a pass that refuses to lower
// a hard-limited count below what is in use (no --allow-overage), reported and notified while the watcher keeps going.
import { ListLicenseConfigurationsCommand, UpdateLicenseConfigurationCommand } from '@aws-sdk/client-license-manager';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { it } from 'vitest';
import type { Notification } from '../../../src/watch/notify-events.js';
import { verifySignature } from '../../../src/watch/server.js';
import { CONFIG_YAML, runCli } from '../../helpers/cli.js';
import { lmClient } from '../../helpers/emulator.js';
import { receiver, type Received } from '../receiver.js';
import { fixtures } from './fixtures.js';
import { sample, waitUntil } from './watcher-process.js';

const AMI = 'ami-0e2ewatch';
const apps = (count: number) => CONFIG_YAML('e2e-apps', `countingType: Instance\nlicenseCount: ${count}\nhardLimit: true`);
const ASSOCIATION = `apiVersion: licensectl/v1
kind: Association
metadata: {name: e2e-apps-ami}
spec:
  resourceArn: arn:aws:ec2:us-east-1::image/${AMI}
  licenseConfigurations: [e2e-apps]
`;

export function licenseTests(): void {
  it('exports the gauges, notifies drift signed, and refuses an overage without --allow-overage', async (ctx) => {
    const { expect } = ctx;
    const { project, served, watching } = fixtures(ctx.onTestFinished);
    const emulator = await served();
    const hook = await receiver([200]);
    ctx.onTestFinished(() => hook.close());
    const dir = await project('e2e-licenses', { 'apps.yaml': apps(4), 'assoc.yaml': ASSOCIATION });
    const watcher = await watching(['--dir', dir, '--endpoint', emulator.url, '--interval', '1s', '--notify', hook.url], { LICENSECTL_NOTIFY_SECRET: 'e2e-s3cret' });
    expect(await watcher.waitForLine((l) => l.event === 'reconcile')).toMatchObject({ outcome: 'applied' });

    const launched = await runCli(['emulator', 'fleet', 'launch', '--endpoint', emulator.url, '--ami', AMI, '--count', '3']);
    expect(launched.status, launched.stderr).toBe(0);
    const metrics = await waitUntil(async () => {
      const text = await watcher.metrics();
      return sample(text, 'licensectl_configuration_consumed_licenses{name="e2e-apps"}') === 3 && text;
    }, 10_000, 'the consumption on /metrics');
    expect(sample(metrics, 'licensectl_configuration_license_count{name="e2e-apps"}')).toBe(4);
    expect(sample(metrics, 'licensectl_configuration_headroom_ratio{name="e2e-apps"}')).toBe(0.25);

    const lm = lmClient(emulator.url);
    ctx.onTestFinished(() => lm.destroy());
    const live = async () => (await lm.send(new ListLicenseConfigurationsCommand({}))).LicenseConfigurations!.find((c) => c.Name === 'e2e-apps')!;
    await lm.send(new UpdateLicenseConfigurationCommand({ LicenseConfigurationArn: (await live()).LicenseConfigurationArn, Description: 'edited in the console' }));
    const bodyOf = (r: Received) => JSON.parse(r.body) as Notification;
    const received = (type: string) => waitUntil(async () => hook.received.find((r) => r.headers['x-licensectl-event'] === type), 10_000, `a ${type} notification`);
    const drift = await received('drift-corrected');
    expect(verifySignature('e2e-s3cret', Buffer.from(drift.body), drift.headers['x-licensectl-signature'] as string)).toBe(true);
    expect(bodyOf(drift)).toMatchObject({
      text: 'licensectl e2e-licenses: drift corrected: update LicenseConfiguration/e2e-apps (drift: description)',
      event: { type: 'drift-corrected', project: 'e2e-licenses', changes: [{ address: 'LicenseConfiguration/e2e-apps', cause: 'drift', fields: ['description'] }] },
    });

    await writeFile(path.join(dir, 'apps.yaml'), apps(2));
    const refused = await watcher.nextReconcile((l) => l.outcome === 'refused');
    expect(refused).toMatchObject({ level: 50, errorCode: 'FINDINGS_REFUSED', findings: [{ code: 'COUNT_BELOW_USAGE', severity: 'error', address: 'LicenseConfiguration/e2e-apps' }] });
    expect(bodyOf(await received('apply-refused'))).toMatchObject({ event: { type: 'apply-refused', error: { code: 'FINDINGS_REFUSED' }, findings: [{ code: 'COUNT_BELOW_USAGE' }] } });
    // The watcher keeps going, at the interval, and changes nothing.
    await watcher.nextReconcile((l) => l.outcome === 'refused' && l.triggers?.includes('interval') === true, 5_000);
    expect((await live()).LicenseCount).toBe(4);
    expect((await watcher.json('/status')).body).toMatchObject({ lastResult: { outcome: 'refused' }, findings: [{ code: 'COUNT_BELOW_USAGE' }] });
    expect(hook.received.filter((r) => r.headers['x-licensectl-event'] === 'apply-refused')).toHaveLength(1);
  });
}
