// The grant lifecycle across accounts against a served emulator holding an organization: licensectl (the
// management account) grants a license to a member account and to an OU; the members accept and activate through
// the SDK over HTTP, each for itself; the management account sees it all through the organization-wide lists; and
// the grantor's plans never take a grantee's pending step for drift.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  AcceptGrantCommand, CreateGrantVersionCommand, LicenseManagerClient, ListReceivedGrantsCommand, ListReceivedGrantsForOrganizationCommand,
  ListReceivedLicensesCommand,
} from '@aws-sdk/client-license-manager';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Emulator } from '../../src/emulator/index.js';
import { organizationFrom } from '../../src/emulator/organizations/organization.js';
import { PROJECT_YAML, projectDir, removeDir, runCli } from '../helpers/cli.js';
import { type ServedEmulator, serveEmulator } from '../helpers/served.js';

const MANAGEMENT = '000000000000';
const [DEV, DEV_EU] = ['222233334444', '333344445555'];
const DECLARED = { managementAccount: MANAGEMENT, units: [{ name: 'dev', accounts: [DEV], units: [{ name: 'dev-eu', accounts: [DEV_EU] }] }] };
const UNIT = organizationFrom(DECLARED, 0).units[0]!.arn;

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
const grant = (name: string, principal: string) => `apiVersion: licensectl/v1
kind: Grant
metadata: {name: ${name}}
spec:
  license: analytics
  principal: ${principal}
  homeRegion: us-east-1
  allowedOperations: [CheckoutLicense, CheckInLicense]
`;

describe('grants across the accounts of a served organization', () => {
  let emulator: ServedEmulator;
  let dir: string;
  let stateDir: string;
  const cli = (args: string[]) => runCli([...args, '--dir', dir, '--endpoint', emulator.url]);
  const client = (account: string) => new LicenseManagerClient({
    region: 'us-east-1', endpoint: emulator.url, credentials: { accessKeyId: `AKID${account}`, secretAccessKey: 'x' }, retryStrategy: new ConfiguredRetryStrategy(3, 0),
  });
  const plan = async () => {
    const r = await cli(['plan', '--json']);
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as { summary: Record<string, number>; changes: { address: string; action: string; warnings: string[] }[] };
  };
  const warningsOf = (p: Awaited<ReturnType<typeof plan>>, address: string) => p.changes.find((c) => c.address === address)!.warnings;

  beforeAll(async () => {
    stateDir = await mkdtemp(path.join(tmpdir(), 'licensectl-org-'));
    const statePath = path.join(stateDir, 'state.json');
    await new Emulator({ statePath }).applyOrganization(DECLARED);
    emulator = await serveEmulator(['--state', statePath]);
    dir = await projectDir({
      'licensectl.yaml': PROJECT_YAML('org-grants'), 'license.yaml': LICENSE,
      'grants.yaml': `${grant('to-dev', `arn:aws:iam::${DEV}:root`)}---\n${grant('to-unit', UNIT)}`,
    });
  });
  afterAll(async () => { expect(await emulator.stop()).toBe(0); await removeDir(dir); await removeDir(stateDir); });

  it('grants to an account and an OU; the grantees\' pending steps are not drift', async () => {
    const r = await cli(['apply', '--auto-approve']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const p = await plan();
    expect(p.summary).toEqual({ create: 0, update: 0, replace: 0, delete: 0, noop: 3 });
    expect(warningsOf(p, 'Grant/to-dev')).toEqual(['awaiting acceptance by the grantee (status PENDING_ACCEPT)']);
    expect(warningsOf(p, 'Grant/to-unit')).toEqual([]);
  });

  it('reaches both members of the OU tree, each accepting and activating its own child grant', async () => {
    const [dev, eu] = [client(DEV), client(DEV_EU)];
    const devGrants = (await dev.send(new ListReceivedGrantsCommand({}))).Grants!;
    expect(devGrants.map((g) => g.GrantStatus)).toEqual(['PENDING_ACCEPT', 'PENDING_ACCEPT']);
    const [euChild] = (await eu.send(new ListReceivedGrantsCommand({}))).Grants!;
    expect(euChild).toMatchObject({ GranteePrincipalArn: `arn:aws:iam::${DEV_EU}:root`, GrantStatus: 'PENDING_ACCEPT' });
    for (const g of devGrants) await dev.send(new AcceptGrantCommand({ GrantArn: g.GrantArn }));
    // Accepted, not activated: still the grantee's step, not drift for the grantor.
    const p = await plan();
    expect(p.summary.update).toBe(0);
    expect(warningsOf(p, 'Grant/to-dev')).toEqual(['accepted, awaiting activation by the grantee (status DISABLED)']);
    for (const g of devGrants) await dev.send(new CreateGrantVersionCommand({ GrantArn: g.GrantArn, Status: 'ACTIVE', ClientToken: `activate-${g.GrantArn}` }));
    await eu.send(new AcceptGrantCommand({ GrantArn: euChild!.GrantArn }));
    expect((await dev.send(new ListReceivedLicensesCommand({}))).Licenses!.map((l) => l.ReceivedMetadata!.ReceivedStatus)).toEqual(['ACTIVE']);
    expect((await plan()).summary).toEqual({ create: 0, update: 0, replace: 0, delete: 0, noop: 3 });
    const licenseArn = devGrants[0]!.LicenseArn!;
    const organization = (await client(MANAGEMENT).send(new ListReceivedGrantsForOrganizationCommand({ LicenseArn: licenseArn }))).Grants!;
    expect(organization.map((g) => `${g.GranteePrincipalArn} ${g.GrantStatus}`).sort()).toEqual([
      `arn:aws:iam::${DEV}:root ACTIVE`, `arn:aws:iam::${DEV}:root ACTIVE`, `arn:aws:iam::${DEV_EU}:root DISABLED`,
    ]);
    for (const c of [dev, eu]) c.destroy();
  });
});
