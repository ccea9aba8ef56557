// `licensectl watch` of a project with spec.targets, in its own processes against an emulator served by another (an
// account per target): two watchers split the targets with --only-targets, each corrects drift in its own targets
// only, and /status and /metrics group by target.
import { ListLicenseConfigurationsCommand, UpdateLicenseConfigurationCommand } from '@aws-sdk/client-license-manager';
import { it } from 'vitest';
import { lmClient } from '../../helpers/emulator.js';
import { fixtures } from './fixtures.js';
import { sample } from './watcher-process.js';

const A = '111122223333';
const B = '222233334444';
const PROJECT = `apiVersion: licensectl/v1
kind: Project
metadata: {name: org}
spec:
  targets:
    - {name: a, account: "${A}", regions: [us-east-1]}
    - {name: b, account: "${B}", regions: [us-east-1]}
  defaultTargets: ["*"]
`;
const CONFIG = 'apiVersion: licensectl/v1\nkind: LicenseConfiguration\nmetadata: {name: win-targets}\nspec: {countingType: Core, licenseCount: 10}\n';

export function targetTests(): void {
  it('two watchers split the targets with --only-targets; each corrects drift in its own, grouped by target in /status and /metrics', async (ctx) => {
    const { expect } = ctx;
    const { project, served, watching } = fixtures(ctx.onTestFinished);
    const emulator = await served();
    const dir = await project('org', { 'licensectl.yaml': PROJECT, 'win.yaml': CONFIG });
    const [first, second] = await Promise.all(['a', 'b'].map((only) => watching(['--dir', dir, '--endpoint', emulator.url, '--interval', '1s', '--only-targets', only])));
    for (const [watcher, target] of [[first!, 'a'], [second!, 'b']] as const) {
      const pass = await watcher.waitForLine((l) => l.event === 'reconcile');
      expect(pass).toMatchObject({ outcome: 'applied', targets: [{ target, outcome: 'applied', errorCode: null }], msg: `reconcile applied (${target} applied): create ${target}/LicenseConfiguration/win-targets (since start)` });
    }
    const clients = { a: lmClient(emulator.url, { account: A }), b: lmClient(emulator.url, { account: B }) };
    ctx.onTestFinished(() => { clients.a.destroy(); clients.b.destroy(); });
    const live = async (account: 'a' | 'b') => (await clients[account].send(new ListLicenseConfigurationsCommand({}))).LicenseConfigurations ?? [];
    expect([(await live('a')).length, (await live('b')).length]).toEqual([1, 1]);
    await clients.b.send(new UpdateLicenseConfigurationCommand({ LicenseConfigurationArn: (await live('b'))[0]!.LicenseConfigurationArn, LicenseCount: 99 }));
    const corrected = await second!.nextReconcile((l) => l.outcome === 'drift-corrected', 8_000);
    expect(corrected).toMatchObject({ changes: [{ target: 'b', address: 'LicenseConfiguration/win-targets', cause: 'drift', fields: ['licenseCount'] }] });
    expect((await live('b'))[0]!.LicenseCount).toBe(10);
    expect(first!.reconciles.every((l) => l.outcome !== 'drift-corrected')).toBe(true);
    const status = await second!.json('/status');
    expect(status.body).toMatchObject({ targets: [{ target: 'b', account: B, region: 'us-east-1' }] });
    const metrics = await second!.metrics();
    expect(sample(metrics, 'licensectl_reconciles_total{target="b",outcome="drift-corrected"}')).toBe(1);
    expect(sample(metrics, 'licensectl_managed_resources{target="b"}')).toBe(1);
    expect(sample(metrics, 'licensectl_api_calls_total{target="b",operation="UpdateLicenseConfiguration",outcome="ok"}')).toBe(1);
    expect(metrics).not.toContain('target="a"');
  });
}
