// The AWS CLI (botocore) against `licensectl emulator serve` for tracked resources: it associates resources with
// a configuration through update-license-specifications-for-resource (adding and removing, refused past a hard
// limit), and reads the result back through list-associations-for-license-configuration and
// list-usage-for-license-configuration (filtered, and paged by the CLI one item at a time).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsCli, type ServedEmulator, serveEmulator } from '../helpers/served.js';

const ACCOUNT = '444455556666';
const AMI = 'arn:aws:ec2:us-east-1::image/ami-0usage';
const instanceArn = (id: string) => `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/${id}`;

interface Association { ResourceArn: string; ResourceType: string; ResourceOwnerId: string; AssociationTime: number; AmiAssociationScope?: string }
interface Usage { ResourceArn: string; ResourceType: string; ResourceStatus: string; ResourceOwnerId: string; AssociationTime: number; ConsumedLicenses: number }

describe('the AWS CLI reads and changes license usage on emulator serve', () => {
  let served: ServedEmulator;
  let arn: string;
  const aws = (...args: string[]) => awsCli(served.url, ['license-manager', ...args], ACCOUNT);
  const launch = async (imageId: string, vcpus: number): Promise<string> => {
    const response = await fetch(`${served.url}/_licensectl/fleet/launch`, { method: 'POST', body: JSON.stringify({ account: ACCOUNT, imageId, vcpus }) });
    return ((await response.json()) as { instances: string[] }).instances[0]!;
  };
  const associations = async () => (await aws('list-associations-for-license-configuration', '--license-configuration-arn', arn)).json.LicenseConfigurationAssociations as unknown as Association[];
  const usage = async (...filters: string[]) => {
    const r = await aws('list-usage-for-license-configuration', '--license-configuration-arn', arn, '--page-size', '1', ...(filters.length > 0 ? ['--filters', ...filters] : []));
    expect(r.stderr).toBe('');
    return r.json.LicenseConfigurationUsageList as unknown as Usage[];
  };

  beforeAll(async () => {
    served = await serveEmulator();
    const created = await aws('create-license-configuration', '--name', 'sql-vcpu', '--license-counting-type', 'vCPU', '--license-count', '12', '--license-count-hard-limit');
    arn = created.json.LicenseConfigurationArn as unknown as string;
  });
  afterAll(async () => { await served.stop(); });

  it('associates an AMI and a running instance, lists them, and reads what each consumes', async () => {
    const added = await aws('update-license-specifications-for-resource', '--resource-arn', AMI, '--add-license-specifications', `LicenseConfigurationArn=${arn},AmiAssociationScope=cross-account`);
    expect(added).toMatchObject({ status: 0, stderr: '', json: {} });
    const fromAmi = await launch('ami-0usage', 4);
    const plain = await launch('ami-0plain', 6);
    expect((await aws('update-license-specifications-for-resource', '--resource-arn', instanceArn(plain), '--add-license-specifications', `LicenseConfigurationArn=${arn}`)).status).toBe(0);

    const listed = await associations();
    // By type, then ARN (instance ids are random).
    const byArn = <T extends unknown[]>(rows: T[]) => rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(listed.map((a) => [a.ResourceArn, a.ResourceType, a.ResourceOwnerId, a.AmiAssociationScope])).toEqual([
      [AMI, 'EC2_AMI', ACCOUNT, 'cross-account'],
      ...byArn([[instanceArn(fromAmi), 'EC2_INSTANCE', ACCOUNT, undefined], [instanceArn(plain), 'EC2_INSTANCE', ACCOUNT, undefined]]),
    ]);
    for (const a of listed) expect(a.AssociationTime).toBeTypeOf('number'); // the CLI v1 prints timestamps as the wire has them: epoch seconds

    const all = await usage();
    expect(all.map((u) => [u.ResourceArn, u.ResourceType, u.ResourceStatus, u.ResourceOwnerId, u.ConsumedLicenses])).toEqual([
      [AMI, 'EC2_AMI', 'available', ACCOUNT, 0],
      ...byArn([[instanceArn(fromAmi), 'EC2_INSTANCE', 'running', ACCOUNT, 4], [instanceArn(plain), 'EC2_INSTANCE', 'running', ACCOUNT, 6]]),
    ]);
    expect((await usage('Name=resourceType,Values=EC2_INSTANCE', `Name=resourceArn,Values=${instanceArn(plain)}`)).map((u) => u.ConsumedLicenses)).toEqual([6]);
    expect(await usage(`Name=resourceAccount,Values=111122223333`)).toEqual([]);

    const get = await aws('get-license-configuration', '--license-configuration-arn', arn);
    expect(get.json).toMatchObject({ ConsumedLicenses: 10 });
  });

  it('is refused past the hard limit with AWS’s error, and frees licenses when a resource is removed', async () => {
    const big = await launch('ami-0big', 4);
    const refused = await aws('update-license-specifications-for-resource', '--resource-arn', instanceArn(big), '--add-license-specifications', `LicenseConfigurationArn=${arn}`);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('An error occurred (LicenseUsageException) when calling the UpdateLicenseSpecificationsForResource operation: You do not have enough licenses available to support a new resource launch.');

    const plain = (await usage('Name=resourceType,Values=EC2_INSTANCE')).find((u) => u.ConsumedLicenses === 6)!.ResourceArn;
    const removed = await aws('update-license-specifications-for-resource', '--resource-arn', plain, '--remove-license-specifications', `LicenseConfigurationArn=${arn}`);
    expect(removed.status, removed.stderr).toBe(0);
    expect((await associations()).map((a) => a.ResourceArn)).not.toContain(plain);
    expect((await aws('update-license-specifications-for-resource', '--resource-arn', instanceArn(big), '--add-license-specifications', `LicenseConfigurationArn=${arn}`)).status).toBe(0);
    expect((await usage()).reduce((n, u) => n + u.ConsumedLicenses, 0)).toBe(8);
  });
});
