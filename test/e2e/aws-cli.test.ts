// Other AWS clients work against `licensectl emulator serve`: the AWS CLI (botocore) for list and get
// operations of both services. .ci/run installs it when the machine lacks it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_YAML, PROJECT_YAML, projectDir, removeDir, runCli } from '../helpers/cli.js';
import { awsCli, type ServedEmulator, serveEmulator } from '../helpers/served.js';
import { mixedState } from './mixed-state.js';

describe('the AWS CLI against emulator serve', () => {
  let served: ServedEmulator;
  let dir: string;
  beforeAll(async () => {
    served = await serveEmulator();
    dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('awscli'), ...mixedState({ configurations: 2, licenses: 1, shares: 1, grants: 1 }), 'extra.yaml': CONFIG_YAML('extra', 'countingType: vCPU') });
    const r = await runCli(['apply', '--dir', dir, '--endpoint', served.url, '--auto-approve']);
    expect(r.status, r.stderr).toBe(0);
  });
  afterAll(async () => { await served.stop(); await removeDir(dir); });

  it('lists and gets license configurations', async () => {
    const list = await awsCli(served.url, ['license-manager', 'list-license-configurations']);
    expect(list.stderr).toBe('');
    const configs = list.json.LicenseConfigurations as { Name: string; LicenseConfigurationArn: string }[];
    expect(configs.map((c) => c.Name).sort()).toEqual(['config-0', 'config-1', 'extra']);
    const get = await awsCli(served.url, ['license-manager', 'get-license-configuration', '--license-configuration-arn', configs[0]!.LicenseConfigurationArn]);
    expect(get.json).toMatchObject({ LicenseConfigurationArn: configs[0]!.LicenseConfigurationArn, Tags: expect.arrayContaining([{ Key: 'licensectl:project', Value: 'awscli' }]) });
  });

  it('lists licenses and distributed grants, and gets a grant', async () => {
    const licenses = await awsCli(served.url, ['license-manager', 'list-licenses']);
    expect((licenses.json.Licenses as { ProductSKU: string }[]).map((l) => l.ProductSKU)).toEqual(['sku-0']);
    const grants = await awsCli(served.url, ['license-manager', 'list-distributed-grants']);
    const [grant] = grants.json.Grants as { GrantArn: string; GrantName: string }[];
    expect(grant!.GrantName).toBe('grant-0');
    const got = await awsCli(served.url, ['license-manager', 'get-grant', '--grant-arn', grant!.GrantArn]);
    expect(got.json).toMatchObject({ Grant: { GrantArn: grant!.GrantArn, GrantedOperations: ['CheckInLicense', 'CheckoutLicense'] } });
  });

  it('gets resource shares and their associations from RAM', async () => {
    const shares = await awsCli(served.url, ['ram', 'get-resource-shares', '--resource-owner', 'SELF']);
    const [share] = shares.json.resourceShares as { name: string; resourceShareArn: string; status: string }[];
    expect(share).toMatchObject({ name: 'share-0', status: 'ACTIVE' });
    const principals = await awsCli(served.url, ['ram', 'get-resource-share-associations', '--association-type', 'PRINCIPAL', '--resource-share-arns', share!.resourceShareArn]);
    expect((principals.json.resourceShareAssociations as { associatedEntity: string }[]).map((a) => a.associatedEntity).sort()).toEqual(['222233334400', '333344445500']);
  });

  it('asks STS who it is (XML over awsQuery), and assumes a role into another account', async () => {
    const who = await awsCli(served.url, ['sts', 'get-caller-identity']);
    expect(who.stderr).toBe('');
    expect(who.json).toEqual({ UserId: '000000000000', Account: '000000000000', Arn: 'arn:aws:iam::000000000000:root' });
    const role = await awsCli(served.url, ['sts', 'assume-role', '--role-arn', 'arn:aws:iam::222233334444:role/admin', '--role-session-name', 'cli']);
    expect(role.json).toMatchObject({ AssumedRoleUser: { Arn: 'arn:aws:sts::222233334444:assumed-role/admin/cli' }, Credentials: { AccessKeyId: expect.stringMatching(/^ASIA222233334444/) } });
    // botocore checks lengths and ranges itself; patterns are the service's to check.
    const refused = await awsCli(served.url, ['sts', 'assume-role', '--role-arn', 'arn:aws:iam::222233334444:role/admin', '--role-session-name', 'has space']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("(ValidationError) when calling the AssumeRole operation: 1 validation error detected: Value 'has space' at 'roleSessionName'");
  });

  it('associates an AMI, and lists the usage and associations of instances the fleet launched from it', async () => {
    const created = await awsCli(served.url, ['license-manager', 'create-license-configuration', '--name', 'fleet', '--license-counting-type', 'vCPU', '--license-count', '32']);
    const arn = created.json.LicenseConfigurationArn as unknown as string;
    const ami = 'arn:aws:ec2:us-east-1::image/ami-0cli';
    const update = await awsCli(served.url, ['license-manager', 'update-license-specifications-for-resource', '--resource-arn', ami, '--add-license-specifications', `LicenseConfigurationArn=${arn}`]);
    expect(update.stderr).toBe('');
    expect(update.status).toBe(0);
    const launch = await runCli(['emulator', 'fleet', 'launch', '--endpoint', served.url, '--ami', 'ami-0cli', '--vcpus', '8']);
    expect(launch.status, launch.stderr).toBe(0);
    const instance = `arn:aws:ec2:us-east-1:000000000000:instance/${launch.stdout.trim()}`;
    const usage = await awsCli(served.url, ['license-manager', 'list-usage-for-license-configuration', '--license-configuration-arn', arn, '--filters', 'Name=resourceType,Values=EC2_INSTANCE']);
    expect(usage.stderr).toBe('');
    expect(usage.json.LicenseConfigurationUsageList).toEqual([
      { ResourceArn: instance, ResourceType: 'EC2_INSTANCE', ResourceStatus: 'running', ResourceOwnerId: '000000000000', AssociationTime: expect.anything(), ConsumedLicenses: 8 },
    ]);
    const associations = await awsCli(served.url, ['license-manager', 'list-associations-for-license-configuration', '--license-configuration-arn', arn]);
    expect((associations.json.LicenseConfigurationAssociations as { ResourceArn: string }[]).map((a) => a.ResourceArn)).toEqual([ami, instance]);
  });

  it('gets an AWS-shaped error for an unknown ARN', async () => {
    const r = await awsCli(served.url, ['license-manager', 'get-license-configuration', '--license-configuration-arn', 'arn:aws:license-manager:us-east-1:000000000000:license-configuration:lic-00000000000000000000000000000000']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('InvalidParameterValueException');
  });
});
