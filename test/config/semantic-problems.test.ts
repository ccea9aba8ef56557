import { describe, expect, it } from 'vitest';
import { problems, PROJECT, withResources, yaml } from './helpers.js';

const configuration = (name: string, spec: string) =>
  `apiVersion: licensectl/v1\nkind: LicenseConfiguration\nmetadata: {name: ${name}}\nspec: ${spec}\n`;

describe('semantic problems the schemas cannot express', () => {
  it('a rule the counting type does not allow, at the rule, listing the allowed ones', async () => {
    expect(await withResources(configuration('vms', '{countingType: vCPU, rules: {minimumSockets: 2, minimumVcpus: 2}}'))).toEqual([
      'resources.yaml:4:36: error: rule "minimumSockets" is not allowed with countingType vCPU',
      '  hint: vCPU allows allowedTenancy, honorVcpuOptimization, maximumVcpus, minimumVcpus',
    ]);
  });

  it('Instance allows no core rules (the API reference, stricter than the user guide)', async () => {
    expect(await withResources(configuration('vms', '{countingType: Instance, rules: {minimumCores: 2}}'))).toEqual([
      'resources.yaml:4:40: error: rule "minimumCores" is not allowed with countingType Instance',
      '  hint: Instance allows allowedTenancy, maximumVcpus, minimumVcpus',
    ]);
  });

  it('spec.adopt naming a resource of another kind, at the field, with the ARN the kind has', async () => {
    const arn = 'arn:aws:ram:us-east-1:000000000000:resource-share/0aa6c2b4-1111-2222-3333-444455556666';
    expect(await withResources(configuration('vms', `{countingType: vCPU, adopt: "${arn}"}`))).toEqual([
      `resources.yaml:4:35: error: spec.adopt names no LicenseConfiguration: ${arn}`,
      '  hint: a LicenseConfiguration ARN looks like arn:aws:license-manager:REGION:ACCOUNT:license-configuration:lic-…',
    ]);
  });

  it('spec.adopt that is no ARN at all: one error, the schema\'s', async () => {
    expect(await withResources(configuration('vms', '{countingType: vCPU, adopt: not-an-arn}'))).toEqual([
      'resources.yaml:4:35: error: "adopt" must be the ARN of an existing license configuration, license, resource share, grant or report generator',
    ]);
  });

  it('spec.adopt naming a resource of another account or region than the project names', async () => {
    const project = 'apiVersion: licensectl/v1\nkind: Project\nmetadata: {name: p}\nspec: {account: "111122223333", store: {type: aws, region: eu-west-1}}\n';
    const arn = (region: string, account: string) => `arn:aws:license-manager:${region}:${account}:license-configuration:lic-0a`;
    expect(await problems({
      'licensectl.yaml': project,
      'a.yaml': configuration('a', `{countingType: vCPU, adopt: "${arn('eu-west-1', '999988887777')}"}`),
      'b.yaml': configuration('b', `{countingType: vCPU, adopt: "${arn('us-east-1', '111122223333')}"}`),
      'c.yaml': configuration('c', `{countingType: vCPU, adopt: "${arn('eu-west-1', '111122223333')}"}`),
    })).toEqual([
      "a.yaml:4:35: error: spec.adopt names a resource of account 999988887777, not the project's (111122223333)",
      '  hint: adopt only resources of the account spec.account names',
      "b.yaml:4:35: error: spec.adopt names a resource of region us-east-1, not the project's (eu-west-1)",
      '  hint: adopt only resources of the region spec.store.region names',
    ]);
  });

  it('a minimum above its maximum', async () => {
    expect(await withResources(configuration('hosts', '{countingType: Core, rules: {minimumCores: 16, maximumCores: 8}}'))).toEqual([
      'resources.yaml:4:50: error: "minimumCores" (16) is greater than "maximumCores" (8)',
    ]);
  });

  it('a duplicate name within a kind, at the second, naming the first', async () => {
    const first = configuration('windows', '{countingType: Core}');
    expect(await problems({
      'licensectl.yaml': PROJECT,
      'a.yaml': first,
      'b/c.yaml': `${configuration('linux', '{countingType: vCPU}')}---\n${first}`,
    })).toEqual([
      'b/c.yaml:8:18: error: duplicate LicenseConfiguration "windows"',
      '  hint: first defined at a.yaml:3:18; names are unique per kind',
    ]);
  });

  it('suggests only names that are themselves valid', async () => {
    const share = 'apiVersion: licensectl/v1\nkind: ResourceShare\nmetadata: {name: s}\nspec: {licenseConfigurations: [windows-server]}\n';
    const found = await withResources(`${configuration('Windows-Server', '{countingType: Core}')}---\n${share}`);
    expect(found).toContain('resources.yaml:9:32: error: LicenseConfiguration "windows-server" is not defined');
    expect(found.join('\n')).not.toContain('did you mean');
    const valid = await withResources(`${configuration('Windows-Server', '{countingType: Core}')}---\n${configuration('windows-servers', '{countingType: Core}')}---\n${share}`);
    expect(valid).toContain('  hint: did you mean "windows-servers"?');
  });

  it('the same name in two kinds is fine', async () => {
    const share = 'apiVersion: licensectl/v1\nkind: ResourceShare\nmetadata: {name: windows}\nspec: {licenseConfigurations: [windows]}\n';
    expect(await withResources(`${configuration('windows', '{countingType: Core}')}---\n${share}`)).toEqual([]);
  });

  it('references to documents that do not exist, with a spelling hint where one is close', async () => {
    const share = yaml`
      apiVersion: licensectl/v1
      kind: ResourceShare
      metadata: {name: share}
      spec:
        licenseConfigurations:
          - windows-servr
          - oracle
          - arn:aws:license-manager:us-east-1:111122223333:license-configuration:lic-0123456789abcdef
    `;
    const grant = yaml`
      apiVersion: licensectl/v1
      kind: Grant
      metadata: {name: grant}
      spec: {license: analytics, principal: "arn:aws:iam::222233334444:root", homeRegion: us-east-1, allowedOperations: [CreateGrant]}
    `;
    expect(await withResources(`${configuration('windows-server', '{countingType: Core}')}---\n${share}---\n${grant}`)).toEqual([
      'resources.yaml:11:7: error: LicenseConfiguration "windows-servr" is not defined',
      '  hint: did you mean "windows-server"?',
      'resources.yaml:12:7: error: LicenseConfiguration "oracle" is not defined',
      '  hint: define a LicenseConfiguration document with that name, or give the ARN of one licensectl does not manage',
      'resources.yaml:18:17: error: License "analytics" is not defined',
      '  hint: define a License document with that name, or use licenseArn for a license licensectl does not manage',
    ]);
  });

  it('a reference to a document that is itself broken is not reported as missing too', async () => {
    const share = 'apiVersion: licensectl/v1\nkind: ResourceShare\nmetadata: {name: s}\nspec: {licenseConfigurations: [windows]}\n';
    expect(await problems({
      'licensectl.yaml': PROJECT,
      'broken.yaml': 'apiVersion: licensectl/v1\nkind: LicenseConfiguration\nmetadata: {name: windows}\nspec: {countingType: Core}\nspec: {}\n',
      'share.yaml': share,
    })).toEqual([
      'broken.yaml:5:1: error: duplicate key "spec"',
      '  hint: first set at line 4; a key may appear once per mapping',
    ]);
  });

  it('reserved tag keys', async () => {
    const tags = '{"licensectl:project": other, "AWS:cloudformation:stack-name": x, team: a}';
    expect(await withResources(`apiVersion: licensectl/v1\nkind: ResourceShare\nmetadata: {name: s, tags: ${tags}}\nspec: {}\n`)).toEqual([
      'resources.yaml:3:28: error: tag "licensectl:project" is reserved',
      '  hint: keys starting with "licensectl:" are set by licensectl to track ownership',
      'resources.yaml:3:57: error: tag "AWS:cloudformation:stack-name" is reserved',
      '  hint: keys starting with "aws:" are reserved by AWS',
    ]);
  });

  it('expiry with a fraction of a second, and a time that does not exist', async () => {
    expect(await withResources([
      configuration('a', '{countingType: Core, expiry: "2027-06-30T00:00:00.5Z"}'),
      configuration('b', '{countingType: Core, expiry: "2027-06-30T23:59:60Z"}'),
    ].join('---\n'))).toEqual([
      'resources.yaml:4:36: error: "expiry" must be a whole second; AWS keeps no fractions',
      '  hint: write it like 2027-06-30T00:00:00Z',
      'resources.yaml:9:36: error: "expiry" is not a real date-time',
      '  hint: write it like 2027-06-30T00:00:00Z',
    ]);
  });

  it('license validity that ends before it begins, and entitlements that do not fit their unit', async () => {
    const license = yaml`
      apiVersion: licensectl/v1
      kind: License
      metadata: {name: lic}
      spec:
        productName: p
        productSku: s
        issuer: {name: i}
        homeRegion: us-east-1
        validity: {begin: "2027-01-01T00:00:00Z", end: "2026-01-01T00:00:00+01:00"}
        entitlements:
          - {name: seats, unit: Count, value: "10"}
          - {name: tier, unit: None, maxCount: 1}
          - {name: edition, unit: None}
          - {name: seats, unit: Count, maxCount: 5}
    `;
    expect(await withResources(license)).toEqual([
      'resources.yaml:9:50: error: "end" (2026-01-01T00:00:00+01:00) must be after "begin" (2027-01-01T00:00:00Z)',
      'resources.yaml:11:34: error: "value" is only allowed with unit None',
      '  hint: use "maxCount" for a counted unit',
      'resources.yaml:12:32: error: "maxCount" is not allowed with unit None',
      '  hint: use "value" instead',
      'resources.yaml:13:7: error: missing required field "value" (unit None)',
      'resources.yaml:14:14: error: duplicate entitlement "seats"',
    ]);
  });
});

describe('the Project document', () => {
  const share = 'apiVersion: licensectl/v1\nkind: ResourceShare\nmetadata: {name: s}\nspec: {}\n';

  it('missing from the project file', async () => {
    expect(await problems({ 'licensectl.yaml': share })).toEqual([
      'licensectl.yaml: error: licensectl.yaml has no Project document',
      '  hint: add a document with apiVersion: licensectl/v1, kind: Project and metadata.name',
    ]);
  });

  it('duplicated', async () => {
    expect(await problems({ 'licensectl.yaml': `${PROJECT}---\n${PROJECT}` })).toEqual([
      'licensectl.yaml:6:7: error: duplicate Project document',
      '  hint: the Project is defined at licensectl.yaml:2:7; a project has exactly one',
    ]);
  });

  it('in another file', async () => {
    expect(await problems({ 'licensectl.yaml': PROJECT, 'more.yaml': PROJECT })).toEqual([
      'more.yaml:2:7: error: a Project document belongs in licensectl.yaml',
      '  hint: move it to licensectl.yaml at the root of the project',
    ]);
  });
});
