// An ignore path must name a field of the document's kind (metadata.ignore), or of the rule's kind (the project's
// spec.ignore): a misspelt path would silently ignore nothing.
import { describe, expect, it } from 'vitest';
import { load, problems, PROJECT, withResources, yaml } from './helpers.js';

const grant = (ignore: string) => yaml`
  apiVersion: licensectl/v1
  kind: Grant
  metadata:
    name: to-dev
    ignore: ${ignore}
  spec: {licenseArn: "arn:aws:license-manager::111122223333:license:l-0123456789abcdef0123456789abcdef", principal: "arn:aws:iam::222233334444:root", homeRegion: us-east-1, allowedOperations: [CheckoutLicense]}
`;

describe('ignore paths', () => {
  it('a field of another kind is an error at its line, naming the kind', async () => {
    expect(await withResources(grant('[spec.status, spec.licenseCount]'))).toEqual([
      'resources.yaml:5:25: error: spec.licenseCount is not a field of a Grant',
      "  hint: a Grant's fields are spec.activationOverrideBehavior, spec.allowedOperations, spec.displayName, spec.homeRegion, spec.license, spec.licenseArn, spec.principal, spec.status (metadata.tags and metadata.tags.KEY are ignorable too)",
    ]);
  });

  it('a misspelt field suggests the right one; an element of a list is not a field', async () => {
    const found = await withResources(yaml`
      apiVersion: licensectl/v1
      kind: LicenseConfiguration
      metadata: {name: windows, ignore: [spec.licenceCount, spec.productInformation.filters, spec.rules.minimumCores, metadata.tags.CostCenter]}
      spec: {countingType: Core}
    `);
    expect(found).toEqual([
      'resources.yaml:3:36: error: spec.licenceCount is not a field of a LicenseConfiguration',
      '  hint: did you mean "spec.licenseCount"? (metadata.tags and metadata.tags.KEY are ignorable too)',
      expect.stringMatching(/^resources\.yaml:3:55: error: spec\.productInformation\.filters is not a field of a LicenseConfiguration$/),
      expect.any(String),
    ]);
  });

  it("the project's rules are checked against the kind they name; a rule for every kind is not", async () => {
    const project = `${PROJECT}spec:\n  ignore:\n    - {kind: ResourceShare, fields: [spec.nosuch]}\n    - {fields: [spec.licenseCount]}\n`;
    expect(await problems({ 'licensectl.yaml': project })).toEqual([
      'licensectl.yaml:6:38: error: spec.nosuch is not a field of a ResourceShare',
      "  hint: a ResourceShare's fields are spec.allowExternalPrincipals, spec.displayName, spec.licenseConfigurations, spec.principals (metadata.tags and metadata.tags.KEY are ignorable too)",
    ]);
  });

  it('valid paths load, and the document carries them with the matching project rules', async () => {
    const project = `${PROJECT}spec:\n  ignore:\n    - {kind: Grant, name: "to-*", fields: [metadata.tags.owner]}\n    - {kind: Grant, name: "other", fields: [spec.principal]}\n`;
    const result = await load({ 'licensectl.yaml': project, 'grants.yaml': grant('[spec.status]') });
    expect(result.diagnostics).toEqual([]);
    expect(result.state!.resources[0]!.ignore).toEqual(['metadata.tags.owner', 'spec.status']);
  });
});

describe('ignore paths of the service settings', () => {
  const settings = (ignore: string) => `apiVersion: licensectl/v1\nkind: ServiceSettings\nmetadata: {name: settings, ignore: ${ignore}}\nspec: {s3BucketArn: "arn:aws:s3:::acme-reports", snsTopicArn: "arn:aws:sns:us-east-1:111122223333:alerts"}\n`;

  it('metadata.ignore is taken as the project\'s spec.ignore rules are', async () => {
    const project = `${PROJECT}spec:\n  ignore:\n    - {kind: ServiceSettings, fields: [spec.crossAccountDiscovery]}\n`;
    const result = await load({ 'licensectl.yaml': project, 's.yaml': settings('[spec.discoverySourceRegions]') });
    expect(result.diagnostics).toEqual([]);
    expect(result.state!.resources[0]!.ignore).toEqual(['spec.crossAccountDiscovery', 'spec.discoverySourceRegions']);
  });

  it('a field the settings do not have, or tags (they have none), is an error in either place', async () => {
    expect(await withResources(settings('[spec.discoverySourceRegion, metadata.tags.team]'))).toEqual([
      'resources.yaml:3:37: error: spec.discoverySourceRegion is not a field of a ServiceSettings',
      '  hint: did you mean "spec.discoverySourceRegions"?',
      'resources.yaml:3:65: error: metadata.tags.team is not a field of a ServiceSettings: it has no tags',
      "  hint: a ServiceSettings's fields are spec.crossAccountDiscovery, spec.discoverySourceRegions, spec.organizationIntegration, spec.s3BucketArn, spec.snsTopicArn",
    ]);
    const project = `${PROJECT}spec:\n  ignore:\n    - {kind: ServiceSettings, fields: [metadata.tags]}\n`;
    expect(await problems({ 'licensectl.yaml': project })).toEqual([
      'licensectl.yaml:6:40: error: metadata.tags is not a field of a ServiceSettings: it has no tags',
      "  hint: a ServiceSettings's fields are spec.crossAccountDiscovery, spec.discoverySourceRegions, spec.organizationIntegration, spec.s3BucketArn, spec.snsTopicArn",
    ]);
  });
});

describe('spec.tags: merge', () => {
  const MERGING = `${PROJECT}spec: {tags: merge}\n`;
  const config = (tags: string) => `apiVersion: licensectl/v1\nkind: LicenseConfiguration\nmetadata: {name: a, tags: ${tags}}\nspec: {countingType: Core}\n`;

  it('a tag key with a space cannot be remembered in licensectl:tags', async () => {
    expect(await problems({ 'licensectl.yaml': MERGING, 'a.yaml': config('{"cost center": x, team: y}') })).toEqual([
      'a.yaml:3:28: error: tag key "cost center" holds a space, which spec.tags: merge cannot remember',
      '  hint: licensectl records the keys it sets in the licensectl:tags tag, separated by spaces: rename the key, or use spec.tags: replace',
    ]);
    expect(await problems({ 'licensectl.yaml': PROJECT, 'a.yaml': config('{"cost center": x}') })).toEqual([]);
  });

  it('puts mergeTags on every document of a kind with tags; an Association has none', async () => {
    const association = 'apiVersion: licensectl/v1\nkind: Association\nmetadata: {name: b}\nspec: {resourceArn: "arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0", licenseConfigurations: [a]}\n';
    const merged = await load({ 'licensectl.yaml': MERGING, 'a.yaml': `${config('{team: x}')}---\n${association}` });
    expect(merged.diagnostics).toEqual([]);
    expect(merged.state!.resources.map((r) => [r.kind, r.mergeTags])).toEqual([['LicenseConfiguration', true], ['Association', undefined]]);
    const replaced = await load({ 'licensectl.yaml': PROJECT, 'a.yaml': config('{team: x}') });
    expect(replaced.state!.resources[0]!.mergeTags).toBeUndefined();
  });

  it('the keys together must fit one tag value', async () => {
    const tags = `{${Array.from({ length: 3 }, (_, i) => `${String(i).padEnd(100, 'k')}: v`).join(', ')}}`;
    const found = await problems({ 'licensectl.yaml': MERGING, 'a.yaml': config(tags) });
    expect(found[0]).toMatch(/^a\.yaml:3:\d+: error: the tag keys of LicenseConfiguration "a" take 302 characters together; spec\.tags: merge remembers them in one tag value of at most 256$/);
  });
});
