// Issue 14's organization story end to end, against one `emulator serve` holding an organization: a management
// account, two member accounts (one in an OU), an outside account, two regions. One apply creates configurations in
// both regions of the management account, shares one to the OU and one to the outside account (whose invitation its
// target accepts in the same apply), creates a license and grants it to a member account (accepted and activated in
// the same apply) and to the OU (both of whose members see it; the member that is a target accepts and activates its
// child grant in the same apply, found through its received grants); the next plan has no changes; a grantee's
// rejection, or a member's disabling of its child grant, is drift and is corrected.
import { rm, writeFile } from 'node:fs/promises';
import { CreateGrantVersionCommand, LicenseManagerClient, ListReceivedGrantsCommand, RejectGrantCommand } from '@aws-sdk/client-license-manager';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizationFrom } from '../../src/emulator/organizations/organization.js';
import { LICENSE_YAML, projectDir, removeDir, runCli } from '../helpers/cli.js';
import { type ServedEmulator, serveEmulator } from '../helpers/served.js';

const [MGMT, MEMBER, OU_MEMBER, OUTSIDE] = ['111122223333', '222233334444', '333344445555', '444455556666'];
const DECLARED = { managementAccount: MGMT, sharingWithOrganization: true, units: [{ name: 'prod', accounts: [MEMBER, OU_MEMBER] }] };
const OU = organizationFrom(DECLARED, 0).units[0]!.arn;

const PROJECT = `apiVersion: licensectl/v1
kind: Project
metadata: {name: org}
spec:
  targets:
    - {name: mgmt, account: "${MGMT}", regions: [us-east-1, eu-west-1]}
    - {name: member, account: "${MEMBER}", regions: [us-east-1]}
    - {name: outside, account: "${OUTSIDE}", regions: [us-east-1]}
  defaultTargets: [mgmt]
`;
const DOCS = `apiVersion: licensectl/v1
kind: LicenseConfiguration
metadata: {name: windows}
spec: {countingType: vCPU, licenseCount: 100}
---
apiVersion: licensectl/v1
kind: LicenseConfiguration
metadata: {name: sql}
spec: {countingType: vCPU, licenseCount: 10}
---
apiVersion: licensectl/v1
kind: ResourceShare
metadata: {name: windows-to-prod, targets: ["mgmt@us-east-1"]}
spec: {principals: ["${OU}"], licenseConfigurations: [windows]}
---
apiVersion: licensectl/v1
kind: ResourceShare
metadata: {name: sql-to-partner, targets: ["mgmt@us-east-1"]}
spec: {principals: ["${OUTSIDE}"], licenseConfigurations: [sql], allowExternalPrincipals: true}
---
${LICENSE_YAML('analytics', 'targets: ["mgmt@us-east-1"]')}---
apiVersion: licensectl/v1
kind: Grant
metadata: {name: analytics-to-member, targets: ["mgmt@us-east-1"]}
spec: {license: analytics, principal: "arn:aws:iam::${MEMBER}:root", homeRegion: us-east-1, allowedOperations: [CheckoutLicense, CheckInLicense]}
---
apiVersion: licensectl/v1
kind: Grant
metadata: {name: analytics-to-prod, targets: ["mgmt@us-east-1"]}
spec: {license: analytics, principal: "${OU}", homeRegion: us-east-1, allowedOperations: [CheckoutLicense, CheckInLicense]}
`;

describe('an organization in one apply', () => {
  let emulator: ServedEmulator;
  let dir: string;
  const clients: LicenseManagerClient[] = [];
  const client = (account: string) => {
    const c = new LicenseManagerClient({ region: 'us-east-1', endpoint: emulator.url, credentials: { accessKeyId: `AKID${account}`, secretAccessKey: 'x' }, retryStrategy: new ConfiguredRetryStrategy(3, 0) });
    clients.push(c);
    return c;
  };
  const cli = (args: string[]) => runCli([...args, '--dir', dir, '--endpoint', emulator.url]);
  const received = async (account: string) => ((await client(account).send(new ListReceivedGrantsCommand({}))).Grants ?? []).map((g) => [g.GrantName, g.GrantStatus]).sort();

  beforeAll(async () => {
    dir = await projectDir({ 'licensectl.yaml': PROJECT, 'docs.yaml': DOCS });
    await writeFile(`${dir}.org.yaml`, JSON.stringify(DECLARED));
    emulator = await serveEmulator(['--org', `${dir}.org.yaml`]);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    expect(await emulator.stop()).toBe(0);
    await removeDir(dir);
    await rm(`${dir}.org.yaml`, { force: true });
  });

  it('one apply does it all; the next plan has no changes', async () => {
    const plan = await cli(['plan']);
    expect(plan.status, plan.stderr).toBe(0);
    expect(plan.stdout).toContain('  member: accept and activate mgmt@us-east-1/Grant/analytics-to-member');
    expect(plan.stdout).toContain('  outside: accept any invitation to mgmt@us-east-1/ResourceShare/sql-to-partner');
    // The OU grant: which accounts it reaches is known once it is distributed; each other target looks.
    expect(plan.stdout).toContain('  member: accept and activate mgmt@us-east-1/Grant/analytics-to-prod (if it reaches this account)');
    expect(plan.stdout).toContain('  outside: accept and activate mgmt@us-east-1/Grant/analytics-to-prod (if it reaches this account)');
    const r = await cli(['apply', '--auto-approve']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('created mgmt@eu-west-1/LicenseConfiguration/windows');
    expect(r.stdout).toContain('accepted and activated mgmt@us-east-1/Grant/analytics-to-member in member');
    expect(r.stdout).toContain('accepted the invitation to mgmt@us-east-1/ResourceShare/sql-to-partner in outside');
    expect(r.stdout).toContain('accepted and activated mgmt@us-east-1/Grant/analytics-to-prod in member');
    expect(r.stdout).toContain('mgmt@us-east-1/Grant/analytics-to-prod does not reach outside: nothing to do there');
    // A member that is a target accepts and activates its child grant of the OU grant; one that is not, does not.
    expect(await received(MEMBER)).toEqual([['analytics-to-member', 'ACTIVE'], ['analytics-to-prod', 'ACTIVE']]);
    expect(await received(OU_MEMBER)).toEqual([['analytics-to-prod', 'PENDING_ACCEPT']]);
    expect(await received(OUTSIDE)).toEqual([]);
    const again = await cli(['plan', '--detailed-exitcode']);
    expect(again.status, again.stdout).toBe(0);
    expect(again.stdout).toContain('Targets: 4 planned. No changes. Every account matches the desired state.');
  });

  it('a grantee that rejects its grant is drift, corrected by the next apply', async () => {
    const member = client(MEMBER);
    const grant = ((await member.send(new ListReceivedGrantsCommand({}))).Grants ?? []).find((g) => g.GrantName === 'analytics-to-member')!;
    await member.send(new RejectGrantCommand({ GrantArn: grant.GrantArn! }));
    const plan = await cli(['plan', '--detailed-exitcode']);
    expect(plan.status).toBe(2);
    expect(plan.stdout).toContain('-/+ mgmt@us-east-1/Grant/analytics-to-member');
    const r = await cli(['apply', '--auto-approve']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect((await received(MEMBER)).filter(([, status]) => status !== 'DELETED')).toEqual([['analytics-to-member', 'ACTIVE'], ['analytics-to-prod', 'ACTIVE']]);
    expect((await cli(['plan', '--detailed-exitcode'])).status).toBe(0);
  });

  it('a member target that disabled its child grant of the OU grant activates it again in the next apply', async () => {
    const member = client(MEMBER);
    const child = ((await member.send(new ListReceivedGrantsCommand({}))).Grants ?? []).find((g) => g.GrantName === 'analytics-to-prod')!;
    await member.send(new CreateGrantVersionCommand({ GrantArn: child.GrantArn!, Status: 'DISABLED', SourceVersion: child.Version!, ClientToken: 'disable-child-1' }));
    const plan = await cli(['plan', '--detailed-exitcode']);
    expect(plan.status, plan.stdout + plan.stderr).toBe(2);
    expect(plan.stdout).toContain('  member: activate mgmt@us-east-1/Grant/analytics-to-prod\n');
    expect(plan.stdout).toContain('Targets: 4 planned. No resource changes; 1 grantee step to run.');
    const r = await cli(['apply', '--auto-approve']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('activated mgmt@us-east-1/Grant/analytics-to-prod in member');
    expect((await received(MEMBER)).filter(([, status]) => status !== 'DELETED')).toEqual([['analytics-to-member', 'ACTIVE'], ['analytics-to-prod', 'ACTIVE']]);
    expect((await cli(['plan', '--detailed-exitcode'])).status).toBe(0);
  });

  it('a saved plan whose grantee steps are no longer needed is refused as stale, with nothing applied', async () => {
    const member = client(MEMBER);
    const childOf = async () => ((await member.send(new ListReceivedGrantsCommand({}))).Grants ?? []).find((g) => g.GrantName === 'analytics-to-prod')!;
    const child = await childOf();
    await member.send(new CreateGrantVersionCommand({ GrantArn: child.GrantArn!, Status: 'DISABLED', SourceVersion: child.Version!, ClientToken: 'disable-child-2' }));
    const file = `${dir}.plan.json`;
    const saved = await cli(['plan', '--out', file]);
    expect(saved.stdout).toContain('  member: activate mgmt@us-east-1/Grant/analytics-to-prod\n');
    // The member activates it by hand before the saved plan is applied.
    const disabled = await childOf();
    await member.send(new CreateGrantVersionCommand({ GrantArn: disabled.GrantArn!, Status: 'ACTIVE', SourceVersion: disabled.Version!, ClientToken: 'activate-child-2' }));
    const activated = await childOf();
    const r = await runCli(['apply', file, '--endpoint', emulator.url]);
    await rm(file, { force: true });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Error [STALE_PLAN]: the saved plan is stale: its grantee steps are no longer what the grantees need (saved: member: activate mgmt@us-east-1/Grant/analytics-to-prod; now: none); nothing was applied in any target');
    expect((await childOf()).Version).toBe(activated.Version);
  });
});
