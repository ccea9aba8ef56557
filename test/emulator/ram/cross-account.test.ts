// Accounts are isolated except through sharing: OTHER-ACCOUNTS views of ListResources, ListPrincipals
// and GetResourceShares show what other accounts shared with the caller.
import { beforeEach, describe, expect, it } from 'vitest';
import { OWNER, PEER, RamWorld, REGION, shareArnOf, START_S, STRANGER, type Json } from './harness.js';

const LC_TYPE = 'license-manager:LicenseConfiguration';

describe('sharing across accounts', () => {
  let world: RamWorld;
  let lc: string;
  let arn: string;
  const list = (operation: string, member: string, input: Json, account: string): Json[] =>
    world.call(operation, input, { account })[member] as Json[];

  beforeEach(() => {
    world = new RamWorld();
    lc = world.addLicenseConfiguration();
    arn = shareArnOf(world.call('CreateResourceShare', { name: 'windows', resourceArns: [lc], principals: [PEER] }));
  });

  it('ListResources: the owner sees it as SELF, the principal as OTHER-ACCOUNTS, a stranger not at all', () => {
    const resource = { arn: lc, type: LC_TYPE, resourceShareArn: arn, status: 'AVAILABLE', creationTime: START_S, lastUpdatedTime: START_S, resourceRegionScope: 'REGIONAL' };
    expect(list('ListResources', 'resources', { resourceOwner: 'SELF' }, OWNER)).toEqual([resource]);
    expect(list('ListResources', 'resources', { resourceOwner: 'OTHER-ACCOUNTS' }, PEER)).toEqual([resource]);
    expect(list('ListResources', 'resources', { resourceOwner: 'OTHER-ACCOUNTS' }, STRANGER)).toEqual([]);
    expect(list('ListResources', 'resources', { resourceOwner: 'OTHER-ACCOUNTS' }, OWNER)).toEqual([]);
    expect(list('ListResources', 'resources', { resourceOwner: 'SELF' }, PEER)).toEqual([]);
  });

  it('ListPrincipals: SELF lists the share’s principals, OTHER-ACCOUNTS the accounts sharing with the caller', () => {
    const entry = (id: string): Json => ({ id, resourceShareArn: arn, creationTime: START_S, lastUpdatedTime: START_S, external: false });
    expect(list('ListPrincipals', 'principals', { resourceOwner: 'SELF' }, OWNER)).toEqual([entry(PEER)]);
    expect(list('ListPrincipals', 'principals', { resourceOwner: 'OTHER-ACCOUNTS' }, PEER)).toEqual([entry(OWNER)]);
    expect(list('ListPrincipals', 'principals', { resourceOwner: 'OTHER-ACCOUNTS' }, STRANGER)).toEqual([]);
  });

  it('GetResourceShares OTHER-ACCOUNTS shows the share to its principal, who may read but not change it', () => {
    const shares = list('GetResourceShares', 'resourceShares', { resourceOwner: 'OTHER-ACCOUNTS' }, PEER);
    expect(shares.map((share) => [share['resourceShareArn'], share['owningAccountId']])).toEqual([[arn, OWNER]]);
    expect(world.fail('TagResource', { resourceShareArn: arn, tags: [{ key: 'a', value: 'b' }] }, { account: PEER }).type).toBe(
      'OperationNotPermittedException',
    );
  });

  it('an IAM role principal gives its account access; OU and organization principals give no emulated account access', () => {
    const role = shareArnOf(world.call('CreateResourceShare', { name: 'role', resourceArns: [lc], principals: [`arn:aws:iam::${STRANGER}:role/r`] }));
    world.call('CreateResourceShare', {
      name: 'org',
      resourceArns: [lc],
      principals: ['arn:aws:organizations::111122223333:organization/o-abc', 'arn:aws:organizations::111122223333:ou/o-abc/ou-dev'],
    });
    const seen = list('ListResources', 'resources', { resourceOwner: 'OTHER-ACCOUNTS' }, STRANGER);
    expect(seen.map((resource) => resource['resourceShareArn'])).toEqual([role]);
  });

  it('access ends when the principal is disassociated or the share deleted', () => {
    const other = shareArnOf(world.call('CreateResourceShare', { name: 'other', resourceArns: [lc], principals: [PEER] }));
    world.call('DisassociateResourceShare', { resourceShareArn: arn, principals: [PEER] });
    const arnsSeen = (): unknown[] => list('ListResources', 'resources', { resourceOwner: 'OTHER-ACCOUNTS' }, PEER).map((r) => r['resourceShareArn']);
    expect(arnsSeen()).toEqual([other]);
    world.call('DeleteResourceShare', { resourceShareArn: other });
    expect(arnsSeen()).toEqual([]);
    expect(list('GetResourceShares', 'resourceShares', { resourceOwner: 'OTHER-ACCOUNTS' }, PEER)).toEqual([]);
  });

  it('shares are regional', () => {
    expect(list('ListResources', 'resources', { resourceOwner: 'OTHER-ACCOUNTS' }, PEER)).toHaveLength(1);
    expect(world.call('ListResources', { resourceOwner: 'OTHER-ACCOUNTS' }, { account: PEER, region: 'eu-west-1' })).toEqual({ resources: [] });
  });
});

describe('ListResources and ListPrincipals filters', () => {
  let world: RamWorld;
  let lcA: string;
  let lcB: string;
  let shareA: string;
  let shareB: string;
  const resources = (input: Json, account = OWNER): string[] =>
    (world.call('ListResources', { resourceOwner: 'SELF', ...input }, { account })['resources'] as Json[]).map(
      (resource) => `${resource['resourceShareArn'] === shareA ? 'A' : 'B'}:${resource['arn'] === lcA ? 'lcA' : 'lcB'}`,
    );
  const principals = (input: Json): string[] =>
    (world.call('ListPrincipals', { resourceOwner: 'SELF', ...input })['principals'] as Json[]).map((p) => p['id'] as string);

  beforeEach(() => {
    world = new RamWorld();
    lcA = world.addLicenseConfiguration();
    lcB = world.addLicenseConfiguration();
    shareA = shareArnOf(world.call('CreateResourceShare', { name: 'a', resourceArns: [lcA, lcB], principals: [PEER] }));
    shareB = shareArnOf(world.call('CreateResourceShare', { name: 'b', resourceArns: [lcB], principals: [STRANGER] }));
  });

  it('ListResources filters by share, resource, principal, type and region scope', () => {
    expect(resources({}).sort()).toEqual(['A:lcA', 'A:lcB', 'B:lcB']);
    expect(resources({ resourceShareArns: [shareB] })).toEqual(['B:lcB']);
    expect(resources({ resourceArns: [lcA] })).toEqual(['A:lcA']);
    expect(resources({ principal: STRANGER })).toEqual(['B:lcB']);
    expect(resources({ resourceType: 'license-manager:licenseconfiguration' })).toHaveLength(3);
    expect(resources({ resourceType: 'ec2:Subnet' })).toEqual([]);
    expect(resources({ resourceRegionScope: 'GLOBAL' })).toEqual([]);
    expect(resources({ resourceRegionScope: 'REGIONAL' })).toHaveLength(3);
    expect(resources({ resourceOwner: 'OTHER-ACCOUNTS', principal: OWNER }, PEER)).toEqual(['A:lcA', 'A:lcB']);
  });

  it('ListPrincipals filters by share, resource, principal and type', () => {
    expect(principals({}).sort()).toEqual([PEER, STRANGER]);
    expect(principals({ resourceShareArns: [shareB] })).toEqual([STRANGER]);
    expect(principals({ resourceArn: lcA })).toEqual([PEER]);
    expect(principals({ principals: [STRANGER] })).toEqual([STRANGER]);
    expect(principals({ resourceType: 'ec2:Subnet' })).toEqual([]);
  });

  it.each<[string, string, Json, string]>([
    ['ListResources', 'no resourceOwner', { resourceOwner: undefined }, 'MissingRequiredParameterException'],
    ['ListResources', 'an unknown resourceOwner', { resourceOwner: 'ALL' }, 'InvalidParameterException'],
    ['ListResources', 'a malformed resource type', { resourceType: 'license configuration' }, 'InvalidResourceTypeException'],
    ['ListResources', 'a malformed resource ARN', { resourceArns: ['lic-1'] }, 'MalformedArnException'],
    ['ListResources', 'an unknown region scope', { resourceRegionScope: 'LOCAL' }, 'InvalidParameterException'],
    ['ListResources', 'an unknown share', { resourceShareArns: [`arn:aws:ram:${REGION}:${OWNER}:resource-share/x`] }, 'UnknownResourceException'],
    ['ListPrincipals', 'no resourceOwner', { resourceOwner: undefined }, 'MissingRequiredParameterException'],
    ['ListPrincipals', 'a malformed resource ARN', { resourceArn: 'lic-1' }, 'MalformedArnException'],
    ['ListPrincipals', 'an invalid principal', { principals: ['everyone'] }, 'InvalidParameterException'],
    ['ListPrincipals', 'a malformed resource type', { resourceType: 'x' }, 'InvalidResourceTypeException'],
    ['ListPrincipals', 'maxResults 0', { maxResults: 0 }, 'InvalidParameterException'],
  ])('%s rejects %s', (operation, _label, input, type) => {
    expect(world.fail(operation, { resourceOwner: 'SELF', ...input }).type).toBe(type);
  });

  it('ListResources pages with an empty second page', () => {
    const output1 = world.call('ListResources', { resourceOwner: 'SELF', maxResults: 1 });
    const output2 = world.call('ListResources', { resourceOwner: 'SELF', maxResults: 1, nextToken: output1['nextToken'] });
    expect([(output1['resources'] as Json[]).length, (output2['resources'] as Json[]).length]).toEqual([1, 0]);
    expect(output2['nextToken']).toEqual(expect.any(String));
    expect(output2['nextToken']).not.toBe(output1['nextToken']);
  });
});
