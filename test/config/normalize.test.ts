import { describe, expect, it } from 'vitest';
import type { DesiredResource, ProjectConfig } from '../../src/model/index.js';
import { load, problems, PROJECT, yaml } from './helpers.js';

async function resourcesOf(text: string): Promise<readonly DesiredResource[]> {
  const result = await load({ 'licensectl.yaml': PROJECT, 'r.yaml': text });
  expect(result.diagnostics).toEqual([]);
  return result.state!.resources;
}

async function projectOf(text: string): Promise<ProjectConfig> {
  const result = await load({ 'licensectl.yaml': text });
  expect(result.diagnostics).toEqual([]);
  const { source: _source, ...project } = result.state!.project;
  return project;
}

const at = (line: number) => ({ file: 'r.yaml', line, column: 1 });

describe('normalisation into canonical specs', () => {
  it('fills in every default of a minimal document of each kind', async () => {
    const text = yaml`
      apiVersion: licensectl/v1
      kind: LicenseConfiguration
      metadata: {name: minimal}
      spec: {countingType: Socket}
      ---
      apiVersion: licensectl/v1
      kind: ResourceShare
      metadata: {name: minimal}
      spec: {}
      ---
      apiVersion: licensectl/v1
      kind: License
      metadata: {name: minimal}
      spec:
        productName: P
        productSku: p-1
        issuer: {name: Issuer}
        homeRegion: eu-west-1
        validity: {begin: "2026-01-01T00:00:00Z"}
        entitlements: [{name: flag, unit: None, value: enabled}]
      ---
      apiVersion: licensectl/v1
      kind: Grant
      metadata: {name: minimal}
      spec: {licenseArn: "arn:aws:license-manager::111122223333:license:l-0abc", principal: "arn:aws:iam::222233334444:root", homeRegion: eu-west-1, allowedOperations: [CreateGrant]}
    `;
    expect(await resourcesOf(text)).toStrictEqual([
      {
        kind: 'LicenseConfiguration', name: 'minimal', tags: {}, source: at(1),
        spec: {
          displayName: 'minimal', description: '', countingType: 'Socket', licenseCount: null, hardLimit: false, rules: {},
          productInformation: [], disassociateWhenNotFound: false, expiry: null, status: 'AVAILABLE',
        },
      },
      {
        kind: 'License', name: 'minimal', tags: {}, source: at(11),
        spec: {
          displayName: 'minimal', productName: 'P', productSku: 'p-1', issuer: { name: 'Issuer', signKey: null },
          homeRegion: 'eu-west-1', validity: { begin: '2026-01-01T00:00:00Z', end: null }, beneficiary: null,
          entitlements: [{ name: 'flag', unit: 'None', maxCount: null, value: 'enabled', overage: false, allowCheckIn: false }],
          consumptionConfiguration: { renewType: 'None', provisionalConfiguration: null, borrowConfiguration: null },
          licenseMetadata: [], status: 'AVAILABLE',
        },
      },
      {
        kind: 'ResourceShare', name: 'minimal', tags: {}, source: at(6),
        spec: { displayName: 'minimal', allowExternalPrincipals: false, principals: [], licenseConfigurations: [] },
      },
      {
        kind: 'Grant', name: 'minimal', tags: {}, source: at(22),
        spec: {
          displayName: 'minimal', license: 'arn:aws:license-manager::111122223333:license:l-0abc',
          principal: 'arn:aws:iam::222233334444:root', homeRegion: 'eu-west-1', allowedOperations: ['CreateGrant'], status: 'ACTIVE',
        },
      },
    ]);
  });

  it('sorts and de-duplicates sets, sorts named lists, and canonicalises date-times to UTC seconds', async () => {
    const text = yaml`
      apiVersion: licensectl/v1
      kind: LicenseConfiguration
      metadata: {name: c}
      spec:
        countingType: vCPU
        rules: {allowedTenancy: [EC2-DedicatedInstance, EC2-Default], honorVcpuOptimization: true}
        productInformation: [{resourceType: RDS, filters: [{name: Engine Edition, comparator: EQUALS, value: [oracle-se2, oracle-ee]}]}]
        expiry: "2027-06-30t02:00:00.000+02:00"
      ---
      apiVersion: licensectl/v1
      kind: ResourceShare
      metadata: {name: s}
      spec:
        principals: ["333344445555", "222233334444", "333344445555"]
        licenseConfigurations: [c, arn:aws:license-manager:us-east-1:111122223333:license-configuration:lic-0abc, c]
      ---
      apiVersion: licensectl/v1
      kind: License
      metadata: {name: l}
      spec:
        productName: P
        productSku: p-1
        issuer: {name: Issuer, signKey: arn:aws:kms:us-east-1:111122223333:key/abc}
        homeRegion: us-east-1
        validity: {begin: "2026-01-01 00:00:00Z", end: "2026-12-31T19:00:00-05:00"}
        entitlements: [{name: seats, unit: Count, maxCount: 10, overage: true}, {name: api, unit: Count/Second, maxCount: 5}]
        licenseMetadata: [{name: tier, value: gold}, {name: region, value: eu}]
        consumptionConfiguration: {borrowConfiguration: {allowEarlyCheckIn: true, maxTimeToLiveInMinutes: 120}}
      ---
      apiVersion: licensectl/v1
      kind: Grant
      metadata: {name: g}
      spec: {license: l, principal: "arn:aws:organizations::111122223333:organization/o-abc", homeRegion: us-east-1, allowedOperations: [ListPurchasedLicenses, CheckoutLicense, CheckInLicense]}
    `;
    const [configuration, license, share, grant] = await resourcesOf(text);
    expect(configuration?.spec).toMatchObject({
      rules: { allowedTenancy: ['EC2-DedicatedInstance', 'EC2-Default'], honorVcpuOptimization: true },
      productInformation: [{ resourceType: 'RDS', filters: [{ name: 'Engine Edition', comparator: 'EQUALS', values: ['oracle-se2', 'oracle-ee'] }] }],
      expiry: '2027-06-30T00:00:00Z',
    });
    expect(share?.spec).toMatchObject({
      principals: ['222233334444', '333344445555'],
      licenseConfigurations: ['arn:aws:license-manager:us-east-1:111122223333:license-configuration:lic-0abc', 'c'],
    });
    expect(license?.spec).toMatchObject({
      issuer: { name: 'Issuer', signKey: 'arn:aws:kms:us-east-1:111122223333:key/abc' },
      validity: { begin: '2026-01-01T00:00:00Z', end: '2027-01-01T00:00:00Z' },
      entitlements: [
        { name: 'api', unit: 'Count/Second', maxCount: 5, value: null, overage: false, allowCheckIn: false },
        { name: 'seats', unit: 'Count', maxCount: 10, value: null, overage: true, allowCheckIn: false },
      ],
      licenseMetadata: [{ name: 'region', value: 'eu' }, { name: 'tier', value: 'gold' }],
      consumptionConfiguration: {
        renewType: 'None', provisionalConfiguration: null, borrowConfiguration: { allowEarlyCheckIn: true, maxTimeToLiveInMinutes: 120 },
      },
    });
    expect(grant?.spec).toMatchObject({ license: 'l', allowedOperations: ['CheckInLicense', 'CheckoutLicense', 'ListPurchasedLicenses'] });
  });

  it('orders resources by kind in dependency order, then by name', async () => {
    const doc = (kind: string, name: string, spec: string) =>
      `apiVersion: licensectl/v1\nkind: ${kind}\nmetadata: {name: ${name}}\nspec: ${spec}\n`;
    const text = [
      doc('ResourceShare', 'a', '{}'),
      doc('LicenseConfiguration', 'z', '{countingType: Core}'),
      doc('LicenseConfiguration', 'b', '{countingType: Core}'),
    ].join('---\n');
    expect((await resourcesOf(text)).map((r) => `${r.kind}/${r.name}`)).toEqual([
      'LicenseConfiguration/b', 'LicenseConfiguration/z', 'ResourceShare/a',
    ]);
  });

  it('keeps user tags', async () => {
    const text = 'apiVersion: licensectl/v1\nkind: ResourceShare\nmetadata: {name: s, tags: {team: platform, cost-center: "1234"}}\nspec: {}\n';
    expect((await resourcesOf(text))[0]?.tags).toStrictEqual({ team: 'platform', 'cost-center': '1234' });
  });
});

describe('the project', () => {
  it('defaults to the embedded emulator with pruning', async () => {
    expect(await projectOf(PROJECT)).toStrictEqual({ name: 'acme', store: { type: 'emulator' }, prune: true });
  });

  it('keeps what is set', async () => {
    const text = yaml`
      apiVersion: licensectl/v1
      kind: Project
      metadata: {name: acme}
      spec:
        store: {type: aws, region: eu-west-1, profile: prod, endpoint: "http://127.0.0.1:4566"}
        prune: false
        account: "111122223333"
        include: ["licenses/**"]
        exclude: ["**/draft-*.yaml"]
    `;
    expect(await projectOf(text)).toStrictEqual({
      name: 'acme',
      store: { type: 'aws', region: 'eu-west-1', profile: 'prod', endpoint: 'http://127.0.0.1:4566' },
      prune: false,
      pruneExplicit: true,
      account: '111122223333',
      include: ['licenses/**'],
      exclude: ['**/draft-*.yaml'],
    });
  });

  it('policies: defaults filled in, name patterns as sets', async () => {
    const text = 'apiVersion: licensectl/v1\nkind: Project\nmetadata: {name: acme}\nspec:\n  policies: {protect: [b-*, a, b-*], minHeadroomPercent: 12.5}\n';
    expect((await projectOf(text)).policies).toStrictEqual({ protect: ['a', 'b-*'], minHeadroomPercent: 12.5, expiryWarningDays: 30, requireHardLimit: [], allowedPrincipals: null });
  });

  it('policies out of range or misspelt: each at its field in licensectl.yaml', async () => {
    const text = 'apiVersion: licensectl/v1\nkind: Project\nmetadata: {name: acme}\nspec:\n  policies:\n    minHeadroomPercent: 150\n    expiryWarningDay: 10\n';
    expect(await problems({ 'licensectl.yaml': text })).toEqual([
      'licensectl.yaml:6:25: error: "minHeadroomPercent" must be between 0 and 100',
      'licensectl.yaml:7:5: error: unknown field "expiryWarningDay"',
      '  hint: did you mean "expiryWarningDays"?',
    ]);
  });

  it('an emulator state path', async () => {
    const text = 'apiVersion: licensectl/v1\nkind: Project\nmetadata: {name: acme}\nspec: {store: {type: emulator, path: state/emulator.json}}\n';
    expect((await projectOf(text)).store).toStrictEqual({ type: 'emulator', path: 'state/emulator.json' });
  });
});

describe('adoption, observe-only and ignored fields', () => {
  const project = yaml`
    apiVersion: licensectl/v1
    kind: Project
    metadata: {name: p}
    spec:
      observe: [LicenseConfiguration/legacy-*]
      ignore:
        - {kind: LicenseConfiguration, name: "win*", fields: [spec.description]}
        - {fields: [metadata.tags.CostCenter]}
      tags: merge
  `;
  const documents = yaml`
    apiVersion: licensectl/v1
    kind: LicenseConfiguration
    metadata: {name: windows, ignore: [spec.licenseCount]}
    spec: {countingType: Core, adopt: "arn:aws:license-manager:us-east-1:111122223333:license-configuration:lic-0123456789abcdef"}
    ---
    apiVersion: licensectl/v1
    kind: LicenseConfiguration
    metadata: {name: legacy-sql}
    spec: {countingType: Core}
    ---
    apiVersion: licensectl/v1
    kind: ResourceShare
    metadata: {name: s}
    spec: {management: observe}
  `;

  it('carries spec.adopt, resolves observe-only from the document and the project, and merges ignore rules', async () => {
    const result = await load({ 'licensectl.yaml': project, 'r.yaml': documents });
    expect(result.diagnostics).toEqual([]);
    const byName = Object.fromEntries(result.state!.resources.map((r) => [r.name, r]));
    expect(byName.windows).toMatchObject({
      adopt: 'arn:aws:license-manager:us-east-1:111122223333:license-configuration:lic-0123456789abcdef',
      ignore: ['metadata.tags.CostCenter', 'spec.description', 'spec.licenseCount'],
    });
    expect(byName.windows!.observe).toBeUndefined();
    expect(byName['legacy-sql']).toMatchObject({ observe: true, ignore: ['metadata.tags.CostCenter'] });
    expect(byName.s).toMatchObject({ observe: true });
    expect(byName.s!.adopt).toBeUndefined();
    expect('adopt' in byName.windows!.spec).toBe(false);
    expect(result.state!.project).toMatchObject({ observe: ['LicenseConfiguration/legacy-*'], tags: 'merge' });
  });

  it('refuses a malformed ignore path, an unknown management mode and adopt on a kind without an ARN', async () => {
    const found = await problems({
      'licensectl.yaml': PROJECT,
      'r.yaml': yaml`
        apiVersion: licensectl/v1
        kind: LicenseConfiguration
        metadata: {name: a, ignore: [licenseCount]}
        spec: {countingType: Core, management: watch}
        ---
        apiVersion: licensectl/v1
        kind: Association
        metadata: {name: b}
        spec: {resourceArn: "arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0", licenseConfigurations: [x], adopt: "arn:aws:ram:us-east-1:111122223333:resource-share/x"}
      `,
    });
    const text = found.join('\n');
    expect(text).toContain('r.yaml:3:30: error: "ignore[0]" must be a dotted field path starting with spec. or metadata.tags');
    expect(text).toContain('r.yaml:4:40: error: "management" must be one of manage, observe');
    expect(text).toContain('r.yaml:9:116: error: unknown field "adopt"');
  });
});
