// Numbers AWS can store: every count within the API's range (long or integer), and never a number the YAML
// parser rounded (JavaScript keeps whole numbers exactly only up to 2^53 - 1).
import { describe, expect, it } from 'vitest';
import { writtenExactly } from '../../src/config/numbers.js';
import { load, PROJECT, withResources, yaml } from './helpers.js';

const configuration = (licenseCount: string) => yaml`
  apiVersion: licensectl/v1
  kind: LicenseConfiguration
  metadata: {name: c}
  spec: {countingType: Core, licenseCount: ${licenseCount}}
`;

const license = (maxCount: string, minutes = '60') => yaml`
  apiVersion: licensectl/v1
  kind: License
  metadata: {name: l}
  spec:
    productName: p
    productSku: s
    issuer: {name: i}
    homeRegion: us-east-1
    validity: {begin: "2026-01-01T00:00:00Z"}
    entitlements: [{name: seats, unit: Count, maxCount: ${maxCount}}]
    consumptionConfiguration: {provisionalConfiguration: {maxTimeToLiveInMinutes: ${minutes}}}
`;

describe('numbers past what JavaScript keeps exactly are errors where they are written', () => {
  it('a licenseCount one past 2^53 is rejected, not rounded', async () => {
    expect(await withResources(configuration('9007199254740993'))).toEqual([
      'resources.yaml:4:42: error: "licenseCount" is 9007199254740993, which cannot be kept exactly: it would be read as 9007199254740992',
      '  hint: whole numbers are kept exactly only up to 9007199254740991; write a smaller number',
    ]);
  });

  it('an entitlement maxCount, with its field', async () => {
    const result = await load({ 'licensectl.yaml': PROJECT, 'resources.yaml': license('12345678901234567890') });
    expect(result.state).toBeNull();
    expect(result.diagnostics).toEqual([expect.objectContaining({
      code: 'INEXACT_NUMBER', file: 'resources.yaml', line: 10, column: 55, field: 'spec.entitlements[0].maxCount',
    })]);
  });

  it('a fraction so close to a whole number that it was read as one', async () => {
    expect(await withResources(configuration('1.0000000000000001'))).toEqual([
      'resources.yaml:4:42: error: "licenseCount" is 1.0000000000000001, which cannot be kept exactly: it would be read as 1',
      '  hint: write the whole number it stands for',
    ]);
  });

  it('a number where a string belongs keeps the schema\'s hint to quote it', async () => {
    const doc = 'apiVersion: licensectl/v1\nkind: LicenseConfiguration\nmetadata: {name: c, tags: {id: 9007199254740993}}\nspec: {countingType: Core}\n';
    expect(await withResources(doc)).toEqual([
      'resources.yaml:3:32: error: "id" must be a string',
      '  hint: quote the value: "9007199254740993"',
    ]);
  });
});

describe('numbers are bounded to what the API accepts', () => {
  it('licenseCount and maxCount are AWS longs, kept exactly up to 2^53 - 1', async () => {
    expect(await withResources(configuration('9007199254740992'))).toEqual([
      'resources.yaml:4:42: error: "licenseCount" must be between 0 and 9007199254740991',
    ]);
    expect(await withResources(license('9007199254740992'))).toEqual([
      'resources.yaml:10:55: error: "maxCount" must be between 0 and 9007199254740991',
    ]);
  });

  it('maxTimeToLiveInMinutes is an AWS integer (32-bit)', async () => {
    expect(await withResources(license('50', '2147483648'))).toEqual([
      'resources.yaml:11:81: error: "maxTimeToLiveInMinutes" must be between 1 and 2147483647',
    ]);
  });

  it('the largest values are accepted exactly, as are other ways of writing whole numbers', async () => {
    const largest = await load({ 'licensectl.yaml': PROJECT, 'a.yaml': configuration('9007199254740991'), 'b.yaml': license('1e3', '2147483647') });
    expect(largest.diagnostics).toEqual([]);
    const spec = (kind: string) => largest.state!.resources.find((r) => r.kind === kind)!.spec;
    expect(spec('LicenseConfiguration')).toMatchObject({ licenseCount: 9007199254740991 });
    expect(spec('License')).toMatchObject({ entitlements: [expect.objectContaining({ maxCount: 1000 })] });
  });
});

describe('writtenExactly', () => {
  it.each([
    ['42', 42], ['+42', 42], ['-7', -7], ['0x1F', 31], ['0o17', 15], ['1e3', 1000], ['100.0', 100], ['2.5e1', 25],
    ['0.0', 0], ['-0', -0], ['9007199254740991', 9007199254740991], ['9007199254740992', 9007199254740992],
  ])('%s is exactly %d', (source, value) => {
    expect(writtenExactly(source, value)).toBe(true);
  });

  it.each([
    ['9007199254740993', 9007199254740992], ['1.0000000000000001', 1], ['12345678901234567890', 12345678901234567000],
    ['0.99999999999999999', 1], ['1e-400', 0], ['.inf', 1],
  ])('%s is not exactly %d', (source, value) => {
    expect(writtenExactly(source, value)).toBe(false);
  });
});
