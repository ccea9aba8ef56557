// Rendering live resources as documents: what is written reads back (validated and normalised) as exactly the
// canonical spec it came from, with every default left out and fields in the order of the kind's schema.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRANT_OPERATIONS, type Kind, type SpecByKind } from '../../src/model/index.js';
import { assignNames, baseName } from '../../src/render/document-names.js';
import { type DocumentInput, documentValue, renderDocuments } from '../../src/render/documents.js';
import { load, PROJECT, yaml } from '../config/helpers.js';
import { configuration, license, optionalText, sortedSet, tags, text } from '../helpers/spec-arbitraries.js';

const CONFIG_ARN = 'arn:aws:license-manager:us-east-1:111122223333:license-configuration:lic-0123456789abcdef';
const LICENSE_ARN = 'arn:aws:license-manager::111122223333:license:l-0123456789abcdef';
const configurationRefs = sortedSet(fc.constantFrom('cfg', CONFIG_ARN));
const share: fc.Arbitrary<SpecByKind['ResourceShare']> = fc.record({
  displayName: text, allowExternalPrincipals: fc.boolean(), principals: sortedSet(fc.constantFrom('222233334444', '012345678901', 'arn:aws:organizations::111122223333:ou/o-abc/ou-dev')), licenseConfigurations: configurationRefs,
});
const grant: fc.Arbitrary<SpecByKind['Grant']> = fc.record({
  displayName: text, license: fc.constantFrom('lic', LICENSE_ARN), principal: fc.constantFrom('arn:aws:iam::222233334444:root', 'arn:aws:organizations::111122223333:organization/o-abc'),
  homeRegion: fc.constantFrom('us-east-1', 'eu-west-1'), allowedOperations: sortedSet(fc.constantFrom(...GRANT_OPERATIONS), 1), status: fc.constantFrom('ACTIVE', 'DISABLED' as const),
});
const association: fc.Arbitrary<SpecByKind['Association']> = fc.oneof(
  fc.record({ resourceArn: fc.constant('arn:aws:ec2:us-east-1::image/ami-0abc'), licenseConfigurations: fc.constant(['cfg']), amiAssociationScope: fc.constantFrom(null, 'cross-account' as const) }),
  fc.record({ resourceArn: fc.constant('arn:aws:ec2:us-east-1:111122223333:instance/i-0abc'), licenseConfigurations: fc.constant(['cfg']), amiAssociationScope: fc.constant(null) }),
);
const generator: fc.Arbitrary<SpecByKind['ReportGenerator']> = fc.record({
  displayName: fc.string({ minLength: 1, maxLength: 40 }), reportTypes: sortedSet(fc.constantFrom('LicenseConfigurationSummaryReport', 'LicenseConfigurationUsageReport' as const), 1),
  licenseConfigurations: sortedSet(fc.constantFrom('cfg', CONFIG_ARN), 1), frequency: fc.record({ value: fc.constant(1), period: fc.constantFrom('DAY', 'WEEK', 'MONTH' as const) }), description: optionalText,
});
const settings: fc.Arbitrary<SpecByKind['ServiceSettings']> = fc.record({
  s3BucketArn: fc.constant('arn:aws:s3:::acme-reports'), snsTopicArn: fc.constant('arn:aws:sns:us-east-1:111122223333:alerts'), organizationIntegration: fc.boolean(), crossAccountDiscovery: fc.boolean(),
  discoverySourceRegions: fc.subarray(['eu-west-1', 'us-west-2']),
});

/** One resource of every kind, the references among them by name or ARN. */
const estate = fc.record({
  cfg: configuration, lic: license, share, grant, association, generator, settings,
  tags: fc.array(tags, { minLength: 7, maxLength: 7 }), adopt: fc.boolean(),
}).map((e): DocumentInput[] => {
  const adopt = (arn: string) => (e.adopt ? { adopt: arn, comment: arn } : {});
  return [
    { kind: 'LicenseConfiguration', name: 'cfg', tags: e.tags[0]!, spec: e.cfg, ...adopt(CONFIG_ARN.replace('0123', '9999')) },
    { kind: 'License', name: 'lic', tags: e.tags[1]!, spec: e.lic, ...adopt(LICENSE_ARN.replace('0123', '9999')) },
    { kind: 'ResourceShare', name: 'share', tags: e.tags[2]!, spec: e.share, ...adopt('arn:aws:ram:us-east-1:000000000000:resource-share/0f1e2d3c') },
    { kind: 'Grant', name: 'grant', tags: e.tags[3]!, spec: e.grant, ...adopt('arn:aws:license-manager::000000000000:grant:g-0abc') },
    { kind: 'Association', name: 'ami', tags: {}, spec: e.association },
    { kind: 'ReportGenerator', name: 'report', tags: e.tags[5]!, spec: e.generator, ...adopt('arn:aws:license-manager:us-east-1:000000000000:report-generator:r-0abc') },
    { kind: 'ServiceSettings', name: 'settings', tags: {}, spec: e.settings },
  ];
});

describe('documents rendered from live resources', () => {
  it('validate, and normalise back to the canonical spec, tags and spec.adopt they were rendered from', async () => {
    await fc.assert(fc.asyncProperty(estate, async (inputs) => {
      const result = await load({ 'licensectl.yaml': PROJECT, 'imported.yaml': renderDocuments(inputs) });
      expect(result.diagnostics).toEqual([]);
      const back = result.state!.resources.map((r) => ({ kind: r.kind, name: r.name, spec: r.spec, tags: r.tags, adopt: r.adopt }));
      const expected = inputs.map((i) => ({ kind: i.kind, name: i.name, spec: i.spec, tags: i.tags, adopt: i.adopt }));
      expect(sortByAddress(back)).toEqual(sortByAddress(expected));
    }), { numRuns: 60 });
  }, 120_000);

  it('leaves out every default and writes fields in the order of the kind\'s schema', () => {
    fc.assert(fc.property(estate, (inputs) => {
      for (const input of inputs) {
        const value = documentValue(input) as { spec: Record<string, unknown> };
        const order = Object.keys(schemaOf(input.kind).properties.spec.properties);
        const keys = Object.keys(value.spec);
        expect(keys).toEqual(order.filter((k) => keys.includes(k)));
      }
    }), { numRuns: 100 });
    const minimal = renderDocuments([{ kind: 'LicenseConfiguration', name: 'windows', tags: {}, spec: { displayName: 'windows', description: '', countingType: 'Core', licenseCount: null, hardLimit: false, rules: {}, productInformation: [], disassociateWhenNotFound: false, expiry: null, status: 'AVAILABLE' } }]);
    expect(minimal).toBe(yaml`
      apiVersion: licensectl/v1
      kind: LicenseConfiguration
      metadata:
        name: windows
      spec:
        countingType: Core
    `);
  });

  it('writes the ARN in a comment above the document, quotes what YAML would misread, and lists short sets on one line', () => {
    const text = renderDocuments([{
      kind: 'ResourceShare', name: 'to-dev', tags: { team: 'platform', 'cost center': '0042' }, adopt: 'arn:aws:ram:us-east-1:000000000000:resource-share/0f1e2d3c', comment: 'arn:aws:ram:us-east-1:000000000000:resource-share/0f1e2d3c',
      spec: { displayName: 'To dev', allowExternalPrincipals: true, principals: ['012345678901', '222233334444'], licenseConfigurations: ['windows', CONFIG_ARN] },
    }]);
    expect(text).toBe(yaml`
      # arn:aws:ram:us-east-1:000000000000:resource-share/0f1e2d3c
      apiVersion: licensectl/v1
      kind: ResourceShare
      metadata:
        name: to-dev
        tags:
          cost center: "0042"
          team: platform
      spec:
        displayName: To dev
        allowExternalPrincipals: true
        principals: ["012345678901", "222233334444"]
        licenseConfigurations:
          - ${CONFIG_ARN}
          - windows
        adopt: arn:aws:ram:us-east-1:000000000000:resource-share/0f1e2d3c
    `);
  });
});

describe('document names from AWS names', () => {
  it('are valid names: lower-case, hyphens for the rest, at most 63 characters; the ARN\'s id when nothing is left', () => {
    expect(baseName('Windows Server 2022 (Datacenter)', CONFIG_ARN, 'LicenseConfiguration')).toBe('windows-server-2022-datacenter');
    expect(baseName('Café_Ünicode', CONFIG_ARN, 'LicenseConfiguration')).toBe('cafe-unicode');
    expect(baseName('!!!', CONFIG_ARN, 'LicenseConfiguration')).toBe('lic-0123456789abcdef');
    expect(baseName('a'.repeat(70), CONFIG_ARN, 'LicenseConfiguration')).toBe('a'.repeat(63));
    fc.assert(fc.property(fc.string({ maxLength: 100, unit: 'binary' }), (name) => {
      expect(baseName(name, CONFIG_ARN, 'LicenseConfiguration')).toMatch(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/);
    }));
  });

  it('resolve collisions, with each other and with names taken, by -2, -3 in ARN order, whatever the input order', () => {
    const arn = (n: number) => `${CONFIG_ARN}${n}`;
    const resources = [3, 1, 2].map((n) => ({ kind: 'LicenseConfiguration' as const, arn: arn(n), awsName: 'Windows Server' }));
    const taken = new Map([['LicenseConfiguration' as Kind, new Set(['windows-server-2'])]]);
    const names = assignNames(resources, taken);
    expect([1, 2, 3].map((n) => names.get(arn(n)))).toEqual(['windows-server', 'windows-server-3', 'windows-server-4']);
    expect(assignNames([...resources].reverse(), taken)).toEqual(names);
    expect(assignNames([{ kind: 'Grant', arn: 'g', awsName: 'x'.repeat(63) }, { kind: 'Grant', arn: 'h', awsName: 'x'.repeat(63) }], new Map()).get('h')).toBe(`${'x'.repeat(61)}-2`);
  });
});

function schemaOf(kind: Kind): { properties: { spec: { properties: Record<string, unknown> } } } {
  const file = kind.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
  return JSON.parse(readFileSync(new URL(`../../schemas/${file}.schema.json`, import.meta.url), 'utf8')) as never;
}

function sortByAddress<T extends { kind: string; name: string }>(list: T[]): T[] {
  return [...list].sort((a, b) => `${a.kind}/${a.name}`.localeCompare(`${b.kind}/${b.name}`));
}
