import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { NAME_PATTERN } from '../../src/config/checks.js';
import { ADOPT_PATTERN } from '../../src/config/document-checks.js';
import { REGION_NAME } from '../../src/model/arn.js';
import { problems, withResources, yaml } from './helpers.js';

const configuration = (spec: string) =>
  `apiVersion: licensectl/v1\nkind: LicenseConfiguration\nmetadata: {name: windows}\nspec:\n${spec}\n`;

describe('schema problems, each at its field', () => {
  it('an unknown field, at the key, with a spelling hint', async () => {
    expect(await withResources(configuration('  countingType: Core\n  licenceCount: 3'))).toEqual([
      'resources.yaml:6:3: error: unknown field "licenceCount"',
      '  hint: did you mean "licenseCount"?',
    ]);
  });

  it('an unknown field with no close spelling lists the allowed fields', async () => {
    expect(await withResources(configuration('  countingType: Core\n  productInformation: [{resourceType: RDS, filters: [], os: linux}]'))).toEqual([
      'resources.yaml:6:53: error: "filters" must not be empty',
      'resources.yaml:6:57: error: unknown field "os"',
      '  hint: allowed fields: resourceType, filters',
    ]);
  });

  it('through aliases: inside an aliased mapping at the anchor, an aliased value where the alias is', async () => {
    const license = yaml`
      apiVersion: licensectl/v1
      kind: License
      metadata: {name: l}
      spec:
        productName: p
        productSku: s
        issuer: &issuer {name: i, key: k}
        homeRegion: &region us-east-1
        validity: {begin: &begin "2026-01-01T00:00:00Z", end: *begin}
        entitlements: [{name: seats, unit: Count, maxCount: *region}]
        consumptionConfiguration: {renewType: Monthly}
        beneficiary: *issuer
    `;
    expect(await withResources(license)).toEqual([
      'resources.yaml:7:29: error: unknown field "key"',
      '  hint: allowed fields: name, signKey',
      'resources.yaml:9:57: error: "end" (2026-01-01T00:00:00Z) must be after "begin" (2026-01-01T00:00:00Z)',
      'resources.yaml:10:55: error: "maxCount" must be a whole number',
      'resources.yaml:12:16: error: "beneficiary" must be a string',
    ]);
  });

  it('a value outside an enum, with a spelling hint', async () => {
    expect(await withResources(configuration('  countingType: vcpu'))).toEqual([
      'resources.yaml:5:17: error: "countingType" must be one of vCPU, Instance, Core, Socket',
      '  hint: did you mean "vCPU"?',
    ]);
  });

  it('a missing required field, at the parent mapping', async () => {
    expect(await withResources(configuration('  licenseCount: 3'))).toEqual([
      'resources.yaml:5:3: error: missing required field "countingType"',
    ]);
  });

  it('rules out of range', async () => {
    expect(await withResources(configuration('  countingType: Core\n  rules: {licenseAffinityToHost: 181, minimumCores: 0, maximumCores: 10001}'))).toEqual([
      'resources.yaml:6:34: error: "licenseAffinityToHost" must be between 1 and 180',
      'resources.yaml:6:53: error: "minimumCores" must be between 1 and 10000',
      'resources.yaml:6:70: error: "maximumCores" must be between 1 and 10000',
    ]);
  });

  it('tenancies from the enum, each once', async () => {
    expect(await withResources(configuration('  countingType: vCPU\n  rules: {allowedTenancy: [EC2-Default, EC2-Shared, EC2-Default]}'))).toEqual([
      'resources.yaml:6:41: error: "allowedTenancy[1]" must be one of EC2-Default, EC2-DedicatedHost, EC2-DedicatedInstance',
      'resources.yaml:6:53: error: "allowedTenancy" lists "EC2-Default" more than once',
    ]);
  });

  it('a number where a string is expected, with the value quoted as written', async () => {
    expect(await problems({
      'licensectl.yaml': 'apiVersion: licensectl/v1\nkind: Project\nmetadata: {name: acme}\nspec: {account: 012345678901}\n',
    })).toEqual([
      'licensectl.yaml:4:17: error: "account" must be a 12-digit AWS account id',
      '  hint: quote the value: "012345678901"',
    ]);
  });

  it('expiry that is not a date-time, and other wrong types', async () => {
    expect(await withResources(configuration('  countingType: Core\n  expiry: 2027-06-30\n  hardLimit: "yes"\n  licenseCount: 2.5'))).toEqual([
      'resources.yaml:6:11: error: "expiry" must be an RFC 3339 date-time such as 2027-06-30T00:00:00Z',
      'resources.yaml:7:14: error: "hardLimit" must be true or false',
      'resources.yaml:8:17: error: "licenseCount" must be a whole number',
    ]);
  });

  it('a filter value that is neither a string nor a list of strings', async () => {
    const info = '  productInformation: [{resourceType: SSM_MANAGED, filters: [{name: Platform Name, comparator: LIKE, value: 5}]}]';
    expect(await withResources(configuration(`  countingType: Core\n${info}`))).toEqual([
      'resources.yaml:6:96: error: "comparator" must be one of EQUALS, NOT_EQUALS',
      'resources.yaml:6:109: error: "value" must be a string or a list of strings',
    ]);
  });

  it('apiVersion and kind', async () => {
    expect(await withResources('apiVersion: licensectl/v2\nkind: LicenceConfiguration\nmetadata: {name: x}\n')).toEqual([
      'resources.yaml:1:13: error: "apiVersion" must be licensectl/v1',
      'resources.yaml:2:7: error: "kind" must be one of Project, ServiceSettings, LicenseConfiguration, License, ResourceShare, Grant, Association, ReportGenerator',
      '  hint: did you mean "LicenseConfiguration"?',
    ]);
  });

  it('some other YAML file, with neither apiVersion nor kind', async () => {
    expect(await withResources('services:\n  web: {image: nginx}\n')).toEqual([
      'resources.yaml:1:1: error: not a licensectl document: it has neither apiVersion nor kind',
      '  hint: keep other YAML out of the project folder, or leave it out with spec.exclude in licensectl.yaml',
    ]);
  });

  it('a document that is not a mapping', async () => {
    expect(await withResources('- a\n- b\n')).toEqual([
      'resources.yaml:1:1: error: a document must be a mapping with apiVersion, kind, metadata and spec',
    ]);
  });

  it('metadata: name pattern, tag keys and values', async () => {
    const doc = 'apiVersion: licensectl/v1\nkind: ResourceShare\nmetadata: {name: Windows_Share, tags: {"": x, team: 5}}\nspec: {}\n';
    expect(await withResources(doc)).toEqual([
      'resources.yaml:3:18: error: "name" must be 1-63 lower-case letters, digits and hyphens, starting and ending with a letter or digit',
      'resources.yaml:3:40: error: key "" in "tags" must be 1 to 128 characters long',
      'resources.yaml:3:53: error: "team" must be a string',
      '  hint: quote the value: "5"',
    ]);
  });

  it('share principals', async () => {
    const doc = yaml`
      apiVersion: licensectl/v1
      kind: ResourceShare
      metadata: {name: s}
      spec:
        principals:
          - "12345"
          - arn:aws:iam::111122223333:root
          - arn:aws:iam::111122223333:role/Admin
          - arn:aws:organizations::111122223333:organization/o-abc123
          - license-manager.amazonaws.com
    `;
    const expected = 'must be a 12-digit account id, an organization or OU ARN, an IAM role or user ARN, or a service principal';
    expect(await withResources(doc)).toEqual([
      `resources.yaml:6:7: error: "principals[0]" ${expected}`,
      `resources.yaml:7:7: error: "principals[1]" ${expected}`,
      '  hint: a resource share names an account by its 12-digit id: write "111122223333" (grants take the root ARN)',
    ]);
  });

  it('a share principal that is an account root ARN in another partition gets the account id form', async () => {
    const doc = 'apiVersion: licensectl/v1\nkind: ResourceShare\nmetadata: {name: s}\nspec: {principals: ["arn:aws-us-gov:iam::111122223333:root"]}\n';
    expect(await withResources(doc)).toEqual([
      'resources.yaml:4:21: error: "principals[0]" must be a 12-digit account id, an organization or OU ARN, an IAM role or user ARN, or a service principal',
      '  hint: a resource share names an account by its 12-digit id: write "111122223333" (grants take the root ARN)',
    ]);
  });

  it('a grant principal written as an unquoted account id gets the root ARN form, not "quote the value"', async () => {
    const doc = 'apiVersion: licensectl/v1\nkind: Grant\nmetadata: {name: g}\nspec: {license: l, principal: 222233334444, homeRegion: us-east-1, allowedOperations: [CreateGrant]}\n';
    const license = 'apiVersion: licensectl/v1\nkind: License\nmetadata: {name: l}\nspec: {productName: p, productSku: s, issuer: {name: i}, homeRegion: us-east-1, validity: {begin: "2026-01-01T00:00:00Z"}, entitlements: [{name: e, unit: Count, maxCount: 1}]}\n';
    expect(await withResources(`${license}---\n${doc}`)).toEqual([
      'resources.yaml:9:31: error: "principal" must be an account root ARN such as arn:aws:iam::111122223333:root, or an organization or OU ARN',
      '  hint: a grant names an account by its root ARN: write "arn:aws:iam::222233334444:root" (resource shares take the bare id)',
    ]);
  });

  it('a grant names its license or its licenseArn, not both and not neither', async () => {
    const grant = (name: string, license: string) => yaml`
      apiVersion: licensectl/v1
      kind: Grant
      metadata: {name: ${name}}
      spec: {${license}principal: "arn:aws:iam::222233334444:root", homeRegion: us-east-1, allowedOperations: [CreateGrant]}
    `;
    const both = 'license: other, licenseArn: "arn:aws:license-manager::111122223333:license:l-0abc", ';
    expect(await withResources(`${grant('neither', '')}---\n${grant('both', both)}`)).toEqual([
      'resources.yaml:4:7: error: missing required field "license" or "licenseArn"',
      'resources.yaml:9:7: error: set only one of "license" and "licenseArn"',
      'resources.yaml:9:17: error: License "other" is not defined',
      '  hint: define a License document with that name, or use licenseArn for a license licensectl does not manage',
    ]);
  });

  it('grant principal, region and operations', async () => {
    const doc = yaml`
      apiVersion: licensectl/v1
      kind: Grant
      metadata: {name: g}
      spec:
        licenseArn: arn:aws:license-manager::111122223333:license:l-0abc
        principal: "222233334444"
        homeRegion: US-East-1
        allowedOperations: [CheckoutLicense, CheckoutLicence]
        status: PENDING_ACCEPT
    `;
    expect(await withResources(doc)).toEqual([
      'resources.yaml:6:14: error: "principal" must be an account root ARN such as arn:aws:iam::111122223333:root, or an organization or OU ARN',
      '  hint: a grant names an account by its root ARN: write "arn:aws:iam::222233334444:root" (resource shares take the bare id)',
      'resources.yaml:7:15: error: "homeRegion" must be an AWS region such as us-east-1',
      'resources.yaml:8:40: error: "allowedOperations[1]" must be one of CreateGrant, CheckoutLicense, CheckoutBorrowLicense, CheckInLicense, ExtendConsumptionLicense, ListPurchasedLicenses, CreateToken',
      '  hint: did you mean "CheckoutLicense"?',
      'resources.yaml:9:11: error: "status" must be one of ACTIVE, DISABLED',
    ]);
  });

  it('the project store: the fields of its type only', async () => {
    const project = yaml`
      apiVersion: licensectl/v1
      kind: Project
      metadata: {name: acme, tags: {a: b}}
      spec:
        store: {type: aws, path: state.json, regoin: us-east-1, endpoint: "ftp://localhost"}
        prune: yes
        include: "*.yaml"
    `;
    expect(await problems({ 'licensectl.yaml': project })).toEqual([
      'licensectl.yaml:3:24: error: unknown field "tags"',
      '  hint: allowed fields: name',
      'licensectl.yaml:5:22: error: unknown field "path"',
      '  hint: allowed fields: type, region, profile, endpoint, allowRegionOverride',
      'licensectl.yaml:5:40: error: unknown field "regoin"',
      '  hint: did you mean "region"?',
      'licensectl.yaml:5:69: error: "endpoint" must be an http(s) URL such as http://127.0.0.1:4566',
      'licensectl.yaml:6:10: error: "prune" must be true or false',
      'licensectl.yaml:7:12: error: "include" must be a list',
    ]);
  });

  it('the name pattern of the checks is the schema\'s', async () => {
    const common = JSON.parse(await readFile(new URL('../../schemas/common.schema.json', import.meta.url), 'utf8'));
    expect(NAME_PATTERN.source).toBe(common.$defs.name.pattern);
    expect(ADOPT_PATTERN.source).toBe(common.$defs.adopt.pattern);
  });

  it('the region pattern --region is checked with is the schema\'s', async () => {
    const common = JSON.parse(await readFile(new URL('../../schemas/common.schema.json', import.meta.url), 'utf8'));
    expect(REGION_NAME.source).toBe(common.$defs.region.pattern);
  });
});
