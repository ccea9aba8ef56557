import { describe, expect, it } from 'vitest';
import { load, problems, PROJECT, withResources } from './helpers.js';

const settings = (name: string, extra = '') =>
  `apiVersion: licensectl/v1\nkind: ServiceSettings\nmetadata: {name: ${name}${extra}}\nspec: {s3BucketArn: "arn:aws:s3:::acme-reports", snsTopicArn: "arn:aws:sns:us-east-1:111122223333:alerts"}\n`;
const generator = (spec: string) => `apiVersion: licensectl/v1\nkind: ReportGenerator\nmetadata: {name: weekly}\nspec: ${spec}\n`;
const CONFIG = 'apiVersion: licensectl/v1\nkind: LicenseConfiguration\nmetadata: {name: windows}\nspec: {countingType: vCPU}\n';

describe('ServiceSettings and ReportGenerator documents', () => {
  it('normalise with their defaults: no integration, frequency value 1, displayName from the name, sorted sets', async () => {
    const result = await load({
      'licensectl.yaml': PROJECT,
      'r.yaml': `${CONFIG}---\n${settings('settings')}---\n${generator('{reportTypes: [LicenseConfigurationUsageReport, LicenseConfigurationSummaryReport], licenseConfigurations: [windows], frequency: {period: DAY}}')}`,
    });
    expect(result.state!.resources.map((r) => [r.kind, r.spec])).toEqual([
      ['ServiceSettings', { s3BucketArn: 'arn:aws:s3:::acme-reports', snsTopicArn: 'arn:aws:sns:us-east-1:111122223333:alerts', organizationIntegration: false, crossAccountDiscovery: false, discoverySourceRegions: [] }],
      ['LicenseConfiguration', expect.anything()],
      ['ReportGenerator', {
        displayName: 'weekly', reportTypes: ['LicenseConfigurationSummaryReport', 'LicenseConfigurationUsageReport'],
        licenseConfigurations: ['windows'], frequency: { value: 1, period: 'DAY' }, description: '',
      }],
    ]);
  });

  it('a report generator naming a configuration that is not defined, at the name', async () => {
    expect(await withResources(generator('{reportTypes: [LicenseConfigurationUsageReport], licenseConfigurations: [linux], frequency: {period: WEEK}}'))).toEqual([
      'resources.yaml:4:80: error: LicenseConfiguration "linux" is not defined',
      '  hint: define a LicenseConfiguration document with that name, or give the ARN of one licensectl does not manage',
    ]);
  });

  it('a frequency AWS does not support, and service settings without a bucket ARN', async () => {
    const found = await withResources(`${CONFIG}---\n${generator('{reportTypes: [LicenseConfigurationUsageReport], licenseConfigurations: [windows], frequency: {value: 2, period: YEAR}}')}`);
    expect(found).toEqual(['resources.yaml:9:109: error: "value" must be 1', 'resources.yaml:9:120: error: "period" must be one of DAY, WEEK, MONTH']);
    const bucket = await withResources('apiVersion: licensectl/v1\nkind: ServiceSettings\nmetadata: {name: s}\nspec: {s3BucketArn: acme, snsTopicArn: "arn:aws:sns:us-east-1:111122223333:alerts"}\n');
    expect(bucket.join('\n')).toMatch(/S3 bucket ARN/);
  });

  it('two ServiceSettings documents for one target, at the second, naming the first', async () => {
    expect(await problems({ 'licensectl.yaml': PROJECT, 'a.yaml': settings('one'), 'b.yaml': settings('two') })).toEqual([
      'b.yaml:3:18: error: ServiceSettings/two and ServiceSettings/one both set the service settings',
      '  hint: an account has one set of service settings per region: keep one document, or give them different metadata.targets',
    ]);
  });
});
