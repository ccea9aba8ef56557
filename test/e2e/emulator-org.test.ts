// `licensectl emulator org apply FILE` against `emulator serve` (and a state file), then AWS's own CLI against the
// same server: Organizations answers from the declared organization (describe-organization, list-accounts, an
// outsider refused), and RAM sends an outside account an invitation it accepts before the configuration is shared
// with it. A second apply changes nothing; a bad file is refused with every problem located.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { serveEmulator, type ServedEmulator } from '../helpers/served.js';

const MGMT = '111122223333';
const MEMBER = '222233334444';
const DEEP = '333344445555';
const OUTSIDER = '999988887777';

const ORG_YAML = `managementAccount: "${MGMT}"
sharingWithOrganization: true
licenseManagerAdministrator: "${MGMT}"
units:
  - {name: prod, accounts: ["${MEMBER}"], units: [{name: prod-eu, accounts: ["${DEEP}"]}]}
accounts: []
`;

function aws(url: string, account: string, args: string[]): Promise<{ status: number; json: Record<string, unknown>; stderr: string }> {
  return new Promise((resolve) => {
    execFile('aws', ['--endpoint-url', url, '--output', 'json', ...args], {
      env: { ...process.env, AWS_ACCESS_KEY_ID: `AKID${account}`, AWS_SECRET_ACCESS_KEY: 'x', AWS_DEFAULT_REGION: 'us-east-1', AWS_PAGER: '' },
    }, (error, stdout, stderr) => resolve({ status: error ? 1 : 0, json: stdout ? (JSON.parse(stdout) as Record<string, unknown>) : {}, stderr }));
  });
}

let dir: string;
let orgFile: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'licensectl-org-'));
  orgFile = path.join(dir, 'org.yaml');
  await writeFile(orgFile, ORG_YAML);
});
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe('emulator org apply, emulator serve and the AWS CLI', () => {
  let served: ServedEmulator;
  let orgId: string;
  beforeAll(async () => {
    served = await serveEmulator();
    const applied = await runCli(['emulator', 'org', 'apply', orgFile, '--endpoint', served.url]);
    expect(applied.status, applied.stderr).toBe(0);
    orgId = /organization (o-[a-z0-9]{10}) applied from/.exec(applied.stdout)![1]!;
  });
  afterAll(async () => { await served.stop(); });

  it('applying the same file again changes nothing; show prints the tree, --json the organization', async () => {
    const again = await runCli(['emulator', 'org', 'apply', orgFile, '--endpoint', served.url]);
    expect(again.stdout.trim()).toBe(`the organization matches ${orgFile}: nothing to change`);
    const shown = await runCli(['emulator', 'org', 'show', '--endpoint', served.url]);
    expect(shown.stdout).toContain(`organization ${orgId} (arn:aws:organizations::${MGMT}:organization/${orgId})`);
    expect(shown.stdout).toMatch(new RegExp(`  account ${MGMT}\\n  ou prod ou-[a-z0-9]{4}-[a-z0-9]{8}\\n    account ${MEMBER}\\n    ou prod-eu ou-[a-z0-9]{4}-[a-z0-9]{8}\\n      account ${DEEP}\\n$`));
    const json = JSON.parse((await runCli(['emulator', 'org', 'show', '--json', '--endpoint', served.url])).stdout) as { formatVersion: string; organization: { id: string; sharingWithOrganization: boolean } };
    expect(json).toMatchObject({ formatVersion: '1', organization: { id: orgId, sharingWithOrganization: true } });
  });

  it('aws organizations describe-organization and list-accounts answer from the declared organization', async () => {
    const described = await aws(served.url, MEMBER, ['organizations', 'describe-organization']);
    expect(described.stderr).toBe('');
    expect(described.json['Organization']).toMatchObject({ Id: orgId, MasterAccountId: MGMT, FeatureSet: 'ALL' });
    const accounts = await aws(served.url, MGMT, ['organizations', 'list-accounts']);
    expect((accounts.json['Accounts'] as { Id: string }[]).map((a) => a.Id)).toEqual([MGMT, MEMBER, DEEP]);
    const roots = await aws(served.url, MGMT, ['organizations', 'list-roots']);
    const rootId = (roots.json['Roots'] as { Id: string }[])[0]!.Id;
    const units = await aws(served.url, MGMT, ['organizations', 'list-organizational-units-for-parent', '--parent-id', rootId]);
    expect((units.json['OrganizationalUnits'] as { Name: string }[]).map((u) => u.Name)).toEqual(['prod']);
    const denied = await aws(served.url, MEMBER, ['organizations', 'list-accounts']);
    expect(denied.stderr).toContain('(AccessDeniedException)');
    const outside = await aws(served.url, OUTSIDER, ['organizations', 'describe-organization']);
    expect(outside.stderr).toContain('An error occurred (AWSOrganizationsNotInUseException) when calling the DescribeOrganization operation: Your account is not a member of an organization.');
  });

  it('aws ram: an outside account gets an invitation, accepts it, then sees the shared configuration', async () => {
    const created = await aws(served.url, MGMT, ['license-manager', 'create-license-configuration', '--name', 'win', '--license-counting-type', 'vCPU']);
    const arn = created.json['LicenseConfigurationArn'] as string;
    const share = await aws(served.url, MGMT, ['ram', 'create-resource-share', '--name', 'win', '--resource-arns', arn, '--principals', MEMBER, OUTSIDER]);
    expect(share.stderr).toBe('');
    const member = await aws(served.url, MEMBER, ['ram', 'list-resources', '--resource-owner', 'OTHER-ACCOUNTS']);
    expect((member.json['resources'] as { arn: string }[]).map((r) => r.arn)).toEqual([arn]);
    const before = await aws(served.url, OUTSIDER, ['ram', 'list-resources', '--resource-owner', 'OTHER-ACCOUNTS']);
    expect(before.json['resources']).toEqual([]);

    const invitations = await aws(served.url, OUTSIDER, ['ram', 'get-resource-share-invitations']);
    const [invitation] = invitations.json['resourceShareInvitations'] as { resourceShareInvitationArn: string; status: string; senderAccountId: string }[];
    expect(invitation).toMatchObject({ status: 'PENDING', senderAccountId: MGMT });
    const accepted = await aws(served.url, OUTSIDER, ['ram', 'accept-resource-share-invitation', '--resource-share-invitation-arn', invitation!.resourceShareInvitationArn]);
    expect(accepted.stderr).toBe('');
    expect(accepted.json['resourceShareInvitation']).toMatchObject({ status: 'ACCEPTED', receiverAccountId: OUTSIDER });
    const after = await aws(served.url, OUTSIDER, ['ram', 'list-resources', '--resource-owner', 'OTHER-ACCOUNTS']);
    expect((after.json['resources'] as { arn: string }[]).map((r) => r.arn)).toEqual([arn]);
    const principals = await aws(served.url, MGMT, ['ram', 'get-resource-share-associations', '--association-type', 'PRINCIPAL']);
    expect((principals.json['resourceShareAssociations'] as { associatedEntity: string; external: boolean; status: string }[]).map((a) => [a.associatedEntity, a.status, a.external]))
      .toEqual([[MEMBER, 'ASSOCIATED', false], [OUTSIDER, 'ASSOCIATED', true]]);
  });
});

describe('emulator org apply with a state file', () => {
  it('declares the organization in the file, then refuses a bad file naming file, line and field of every problem', async () => {
    const state = path.join(dir, 'state.json');
    const applied = await runCli(['emulator', 'org', 'apply', orgFile, '--state', state]);
    expect(applied.status, applied.stderr).toBe(0);
    const bad = path.join(dir, 'bad.yaml');
    await writeFile(bad, `managementAccount: ${MGMT}\nunits:\n  - {name: prod, accounts: ["${MEMBER}", "${MEMBER}"], colour: red}\nlicenseManagerAdministrator: "${OUTSIDER}"\n`);
    const r = await runCli(['emulator', 'org', 'apply', bad, '--state', state]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${bad}:1:20: error: managementAccount: must be a 12-digit account id (quoted in YAML), got ${MGMT}`);
    expect(r.stderr).toContain(`${bad}:3:45: error: units[0].accounts[1]: account ${MEMBER} is already in the organization at units[0].accounts[0]`);
    expect(r.stderr).toContain(`${bad}:3:62: error: units[0].colour: unknown field colour`);
    expect(r.stderr).toContain(`${bad}:4:30: error: licenseManagerAdministrator: account ${OUTSIDER} is not a member of the organization`);
    expect(r.stderr).toContain(`Error [INVALID_CONFIG]: 4 errors in organization file ${bad}`);
    const shown = JSON.parse((await runCli(['emulator', 'org', 'show', '--json', '--state', state])).stdout) as { organization: { managementAccount: string; units: unknown[] } };
    expect(shown.organization).toMatchObject({ managementAccount: MGMT, units: [expect.anything(), expect.anything()] });
    const none = await runCli(['emulator', 'org', 'show', '--state', path.join(dir, 'empty.json')]);
    expect(none.stdout).toContain('no organization');
  });

  it('emulator serve --org FILE starts with the organization declared; a bad file stops it before it listens', async () => {
    const served = await serveEmulator(['--org', orgFile]);
    try {
      const described = await aws(served.url, MGMT, ['organizations', 'describe-organization']);
      expect(described.json['Organization']).toMatchObject({ MasterAccountId: MGMT });
    } finally {
      await served.stop();
    }
    const bad = path.join(dir, 'bad-serve.yaml');
    await writeFile(bad, 'managementAccount: "1"\n');
    const r = await runCli(['emulator', 'serve', '--port', '0', '--org', bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${bad}:1:20: error: managementAccount: must be a 12-digit account id (quoted in YAML), got "1"`);
  });
});
