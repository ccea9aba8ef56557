// An estate made by hand with the AWS CLI against `emulator serve`, as a team has before it tries licensectl: license
// configurations (rules, product information, tags), licenses, grants, RAM shares (principals and resources),
// associations on AMIs and instances, report generators, the service settings, and one configuration another
// licensectl project owns. Returns the ARNs of what it made, by kind, for assertions on import, plan and apply.
import { spawnSync } from 'node:child_process';
import { awsCli } from './served.js';

/** Whether the AWS CLI is installed (.ci/run installs it); tests that need it skip without it. */
export const HAS_AWS_CLI = spawnSync('aws', ['--version'], { stdio: 'ignore' }).status === 0;

export interface Estate {
  /** The unmanaged resources, by kind: what import must turn into documents. */
  readonly configurations: readonly string[];
  readonly licenses: readonly string[];
  readonly grants: readonly string[];
  readonly shares: readonly string[];
  /** Resource ARN → the configuration ARNs associated with it. */
  readonly associations: ReadonlyMap<string, readonly string[]>;
  readonly reportGenerators: readonly string[];
  /** The service settings were set (a bucket and a topic). */
  readonly settings: { readonly s3BucketArn: string; readonly snsTopicArn: string };
  /** Owned by another project (licensectl:project=other): listed, never imported. */
  readonly foreign: readonly string[];
}

/** The number of unmanaged resources (the service settings count as one). */
export function estateSize(estate: Estate): number {
  return estate.configurations.length + estate.licenses.length + estate.grants.length + estate.shares.length + estate.associations.size + estate.reportGenerators.length + 1;
}

export async function buildEstate(url: string): Promise<Estate> {
  const aws = async (service: string, op: string, input: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const r = await awsCli(url, [service, op, '--cli-input-json', JSON.stringify(input)]);
    if (r.status !== 0) throw new Error(`aws ${service} ${op}: ${r.stderr}`);
    return r.json as unknown as Record<string, unknown>;
  };
  const configuration = async (input: Record<string, unknown>) => (await aws('license-manager', 'create-license-configuration', input)).LicenseConfigurationArn as string;
  const configurations = [
    await configuration({ Name: 'Windows Server Datacenter', Description: 'BYOL, dedicated hosts only', LicenseCountingType: 'Core', LicenseCount: 256, LicenseCountHardLimit: true, LicenseRules: ['#allowedTenancy=EC2-DedicatedHost', '#minimumCores=8', '#licenseAffinityToHost=90'], Tags: [{ Key: 'team', Value: 'platform' }, { Key: 'CostCenter', Value: '0042' }] }),
    await configuration({ Name: 'SQL Server Enterprise', LicenseCountingType: 'vCPU', LicenseCount: 64, ProductInformationList: [{ ResourceType: 'SSM_MANAGED', ProductInformationFilterList: [{ ProductInformationFilterName: 'Application Name', ProductInformationFilterComparator: 'EQUALS', ProductInformationFilterValue: ['Microsoft SQL Server Enterprise'] }] }] }),
    await configuration({ Name: 'Oracle DB (sockets)', LicenseCountingType: 'Socket', LicenseCount: 16, LicenseRules: ['#minimumSockets=1', '#maximumSockets=4'] }),
    await configuration({ Name: 'RHEL', LicenseCountingType: 'Instance', LicenseCount: 100 }),
    await configuration({ Name: 'rhel', LicenseCountingType: 'vCPU', Description: 'same name, other case: a name collision' }),
    await configuration({ Name: 'Unlimited tracking', LicenseCountingType: 'vCPU', DisassociateWhenNotFound: true }),
  ];
  const foreign = [await configuration({ Name: 'Other team', LicenseCountingType: 'vCPU', Tags: [{ Key: 'licensectl:project', Value: 'other' }, { Key: 'licensectl:name', Value: 'other-team' }] })];
  const license = async (name: string, sku: string) => (await aws('license-manager', 'create-license', {
    LicenseName: name, ProductName: 'Acme Analytics', ProductSKU: sku, Issuer: { Name: 'Acme Corp' }, HomeRegion: 'us-east-1',
    Validity: { Begin: '2026-01-01T00:00:00Z', End: '2028-01-01T00:00:00Z' }, Beneficiary: 'acme', ClientToken: `token-${sku}`,
    Entitlements: [{ Name: 'seats', Unit: 'Count', MaxCount: 50, AllowCheckIn: true }],
    ConsumptionConfiguration: { RenewType: 'Monthly', ProvisionalConfiguration: { MaxTimeToLiveInMinutes: 60 } },
  })).LicenseArn as string;
  const licenses = [await license('Analytics Pro', 'acme-pro'), await license('Analytics Lite', 'acme-lite')];
  const grant = async (name: string, licenseArn: string, principal: string) => (await aws('license-manager', 'create-grant', {
    ClientToken: `grant-${name}`, GrantName: name, LicenseArn: licenseArn, Principals: [principal], HomeRegion: 'us-east-1', AllowedOperations: ['CheckoutLicense', 'CheckInLicense', 'ListPurchasedLicenses'],
  })).GrantArn as string;
  const grants = [
    await grant('pro to dev', licenses[0]!, 'arn:aws:iam::222233334444:root'),
    await grant('pro to test', licenses[0]!, 'arn:aws:iam::333344445555:root'),
    await grant('lite to dev', licenses[1]!, 'arn:aws:iam::222233334444:root'),
  ];
  const share = async (name: string, principals: string[], resourceArns: string[], allowExternalPrincipals: boolean) => ((await aws('ram', 'create-resource-share', { name, principals, resourceArns, allowExternalPrincipals })).resourceShare as { resourceShareArn: string }).resourceShareArn;
  const shares = [
    await share('windows-to-dev', ['222233334444'], [configurations[0]!], false),
    await share('sql to partners', ['333344445555', '444455556666'], [configurations[1]!, configurations[2]!], true),
    await share('empty share', [], [], false),
  ];
  const associations = new Map<string, string[]>([
    ['arn:aws:ec2:us-east-1::image/ami-0windows', [configurations[0]!]],
    ['arn:aws:ec2:us-east-1::image/ami-0sql', [configurations[1]!, configurations[5]!]],
    ['arn:aws:ec2:us-east-1::image/ami-0oracle', [configurations[2]!]],
  ]);
  for (const [resourceArn, arns] of associations) {
    await aws('license-manager', 'update-license-specifications-for-resource', { ResourceArn: resourceArn, AddLicenseSpecifications: arns.map((LicenseConfigurationArn) => ({ LicenseConfigurationArn })) });
  }
  const settings = { s3BucketArn: 'arn:aws:s3:::acme-license-reports', snsTopicArn: 'arn:aws:sns:us-east-1:000000000000:license-alerts' };
  await aws('license-manager', 'update-service-settings', { S3BucketArn: settings.s3BucketArn, SnsTopicArn: settings.snsTopicArn });
  const generator = async (name: string, arns: string[], period: string) => (await aws('license-manager', 'create-license-manager-report-generator', {
    ReportGeneratorName: name, Type: ['LicenseConfigurationSummaryReport'], ReportContext: { licenseConfigurationArns: arns }, ReportFrequency: { value: 1, period }, ClientToken: `report-${name}`,
  })).LicenseManagerReportGeneratorArn as string;
  const reportGenerators = [await generator('weekly-windows', [configurations[0]!], 'WEEK'), await generator('monthly all', configurations.slice(0, 3), 'MONTH')];
  return { configurations, licenses, grants, shares, associations, reportGenerators, settings, foreign };
}
