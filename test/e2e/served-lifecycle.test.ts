// Issue 3's end-to-end story: the emulator served in one process, licensectl in others, every kind at once.
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AcceptGrantCommand, CreateGrantVersionCommand, LicenseManagerClient, ListReceivedGrantsCommand } from '@aws-sdk/client-license-manager';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_YAML, projectDir, removeDir, runCli } from '../helpers/cli.js';
import { type ServedEmulator, serveEmulator } from '../helpers/served.js';

const CONFIG = `apiVersion: licensectl/v1
kind: LicenseConfiguration
metadata: {name: windows}
spec: {countingType: Core, licenseCount: 64, rules: {allowedTenancy: [EC2-DedicatedHost]}}
`;
const LICENSE = `apiVersion: licensectl/v1
kind: License
metadata: {name: analytics}
spec:
  productName: Acme Analytics
  productSku: acme-analytics-pro
  issuer: {name: Acme Corp}
  homeRegion: us-east-1
  validity: {begin: "2026-01-01T00:00:00Z", end: "2027-01-01T00:00:00Z"}
  entitlements: [{name: seats, unit: Count, maxCount: 50, allowCheckIn: true}]
  consumptionConfiguration: {renewType: Monthly, provisionalConfiguration: {maxTimeToLiveInMinutes: 60}}
`;
const grant = (principal: string, ops: string) => `apiVersion: licensectl/v1
kind: Grant
metadata: {name: analytics-to-dev}
spec:
  license: analytics
  principal: arn:aws:iam::${principal}:root
  homeRegion: us-east-1
  allowedOperations: [${ops}]
`;
const share = (principals: string) => `apiVersion: licensectl/v1
kind: ResourceShare
metadata: {name: windows-to-dev}
spec:
  principals: [${principals}]
  licenseConfigurations: [windows]
`;

describe('every kind against a served emulator', () => {
  let emulator: ServedEmulator;
  let dir: string;
  const cli = (args: string[]) => runCli([...args, '--dir', dir, '--endpoint', emulator.url]);
  const write = (file: string, content: string) => writeFile(path.join(dir, file), content);
  const planSummary = async () => {
    const r = await cli(['plan', '--json']);
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as { summary: Record<string, number>; changes: { address: string; action: string; diff: { path: string }[]; warnings: string[] }[] };
  };
  const applyWithStats = async () => {
    const r = await cli(['apply', '--auto-approve', '--stats']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    return r.stderr;
  };

  beforeAll(async () => {
    emulator = await serveEmulator();
    dir = await projectDir({
      'licensectl.yaml': PROJECT_YAML('e2e'), 'config.yaml': CONFIG, 'license.yaml': LICENSE,
      'grant.yaml': grant('222233334444', 'CheckoutLicense, CheckInLicense'), 'share.yaml': share('"222233334444", "333344445555"'),
    });
  });
  afterAll(async () => { expect(await emulator.stop()).toBe(0); await removeDir(dir); });

  it('creates a configuration, a license, a grant to another account and a two-principal share in one apply', async () => {
    const stats = await applyWithStats();
    for (const op of ['CreateLicenseConfiguration', 'CreateLicense', 'CreateGrant', 'CreateResourceShare']) expect(stats).toMatch(new RegExp(`^\\s+${op}\\s+1 call\\b`, 'm'));
    expect((await planSummary()).summary).toEqual({ create: 0, update: 0, replace: 0, delete: 0, noop: 4 });
  });

  it('changes a share\'s principals with associate and disassociate calls only', async () => {
    await write('share.yaml', share('"222233334444", "444455556666"'));
    const plan = await planSummary();
    expect(plan.changes.find((c) => c.address === 'ResourceShare/windows-to-dev')).toMatchObject({ action: 'update', diff: [expect.objectContaining({ path: 'principals' })] });
    const stats = await applyWithStats();
    expect(stats).toMatch(/^\s+AssociateResourceShare\s+1 call\b/m);
    expect(stats).toMatch(/^\s+DisassociateResourceShare\s+1 call\b/m);
    expect(stats).not.toMatch(/CreateResourceShare|DeleteResourceShare|UpdateResourceShare/);
    expect((await planSummary()).summary.update).toBe(0);
  });

  it('a grantee accepting and activating the grant is not drift for the grantor', async () => {
    const grantee = new LicenseManagerClient({
      region: 'us-east-1', endpoint: emulator.url, credentials: { accessKeyId: 'AKID222233334444', secretAccessKey: 'x' }, retryStrategy: new ConfiguredRetryStrategy(3, 0),
    });
    const received = await grantee.send(new ListReceivedGrantsCommand({}));
    expect(received.Grants).toHaveLength(1);
    const grantArn = received.Grants![0]!.GrantArn!;
    await grantee.send(new AcceptGrantCommand({ GrantArn: grantArn }));
    await grantee.send(new CreateGrantVersionCommand({ GrantArn: grantArn, Status: 'ACTIVE', ClientToken: 'activate-1' }));
    grantee.destroy();
    expect((await planSummary()).summary).toEqual({ create: 0, update: 0, replace: 0, delete: 0, noop: 4 });
  });

  it('changes a grant\'s operations with a new grant version', async () => {
    await write('grant.yaml', grant('222233334444', 'CheckoutLicense, CheckInLicense, ListPurchasedLicenses'));
    const plan = await planSummary();
    expect(plan.changes.find((c) => c.address === 'Grant/analytics-to-dev')).toMatchObject({ action: 'update' });
    const stats = await applyWithStats();
    expect(stats).toMatch(/^\s+CreateGrantVersion\s+1 call\b/m);
    expect(stats).not.toMatch(/DeleteGrant|CreateGrant\s/);
  });

  it('replaces a grant whose principal changes', async () => {
    await write('grant.yaml', grant('555566667777', 'CheckoutLicense, CheckInLicense, ListPurchasedLicenses'));
    const plan = await planSummary();
    expect(plan.changes.find((c) => c.address === 'Grant/analytics-to-dev')).toMatchObject({ action: 'replace' });
    const stats = await applyWithStats();
    expect(stats).toMatch(/^\s+DeleteGrant\s+1 call\b/m);
    expect(stats).toMatch(/^\s+CreateGrant\s+1 call\b/m);
    expect((await planSummary()).summary.replace).toBe(0);
  });

  it('removes everything, deleting in reverse dependency order', async () => {
    for (const f of ['config.yaml', 'license.yaml', 'grant.yaml', 'share.yaml']) await rm(path.join(dir, f));
    const r = await cli(['apply', '--auto-approve', '--allow-empty']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Plan: 0 to create, 0 to update, 0 to replace, 4 to delete.');
    expect((await planSummary()).summary).toEqual({ create: 0, update: 0, replace: 0, delete: 0, noop: 0 });
  });
});
