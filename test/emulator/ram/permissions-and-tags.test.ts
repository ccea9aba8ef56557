import { beforeEach, describe, expect, it } from 'vitest';
import { PEER, RamWorld, shareArnOf, STRANGER, type Json } from './harness.js';

const PERMISSION_ARN = 'arn:aws:ram::aws:permission/AWSRAMDefaultPermissionLicenseConfiguration';

describe('ListResourceSharePermissions', () => {
  let world: RamWorld;
  let lc: string;
  beforeEach(() => {
    world = new RamWorld();
    lc = world.addLicenseConfiguration();
  });

  it('returns the default license-configuration permission for a share that holds a configuration', () => {
    const arn = shareArnOf(world.call('CreateResourceShare', { name: 's', resourceArns: [lc], principals: [PEER] }));
    const expected = {
      permissions: [
        {
          arn: PERMISSION_ARN,
          version: '1',
          defaultVersion: true,
          name: 'AWSRAMDefaultPermissionLicenseConfiguration',
          resourceType: 'license-manager:LicenseConfiguration',
          status: 'ASSOCIATED',
          creationTime: 1706718973.664,
          lastUpdatedTime: 1706718973.664,
          isResourceTypeDefault: true,
          permissionType: 'AWS_MANAGED',
          featureSet: 'STANDARD',
        },
      ],
    };
    expect(world.call('ListResourceSharePermissions', { resourceShareArn: arn })).toEqual(expected);
    expect(world.call('ListResourceSharePermissions', { resourceShareArn: arn }, { account: PEER })).toEqual(expected);
  });

  it('returns no permission for a share without configurations', () => {
    const arn = shareArnOf(world.call('CreateResourceShare', { name: 's', resourceArns: [lc] }));
    world.call('DisassociateResourceShare', { resourceShareArn: arn, resourceArns: [lc] });
    expect(world.call('ListResourceSharePermissions', { resourceShareArn: arn })).toEqual({ permissions: [] });
  });

  it('rejects a missing, malformed or invisible share', () => {
    const arn = shareArnOf(world.call('CreateResourceShare', { name: 's' }));
    expect(world.fail('ListResourceSharePermissions', {}).type).toBe('MissingRequiredParameterException');
    expect(world.fail('ListResourceSharePermissions', { resourceShareArn: 'x' }).type).toBe('MalformedArnException');
    expect(world.fail('ListResourceSharePermissions', { resourceShareArn: arn }, { account: STRANGER }).type).toBe('UnknownResourceException');
  });
});

describe('TagResource and UntagResource', () => {
  let world: RamWorld;
  let arn: string;
  const tags = (): unknown => (world.call('GetResourceShares', { resourceOwner: 'SELF' })['resourceShares'] as Json[])[0]!['tags'];
  beforeEach(() => {
    world = new RamWorld();
    arn = shareArnOf(world.call('CreateResourceShare', { name: 's', tags: [{ key: 'team', value: 'a' }] }));
  });

  it('adds, overwrites and removes tags, which come back sorted in ResourceShare.tags', () => {
    expect(world.call('TagResource', { resourceShareArn: arn, tags: [{ key: 'team', value: 'b' }, { key: 'env', value: '' }] })).toEqual({});
    expect(tags()).toEqual([{ key: 'env', value: '' }, { key: 'team', value: 'b' }]);
    expect(world.call('UntagResource', { resourceShareArn: arn, tagKeys: ['team', 'absent'] })).toEqual({});
    expect(tags()).toEqual([{ key: 'env', value: '' }]);
  });

  it.each<[string, string, Json, string]>([
    ['TagResource', 'no tags', { tags: undefined }, 'MissingRequiredParameterException'],
    ['TagResource', 'an empty tag list', { tags: [] }, 'InvalidParameterException'],
    ['TagResource', 'a reserved key', { tags: [{ key: 'aws:x', value: '' }] }, 'TagPolicyViolationException'],
    ['TagResource', 'a key over 128 characters', { tags: [{ key: 'k'.repeat(129), value: '' }] }, 'InvalidParameterException'],
    ['TagResource', 'a value over 256 characters', { tags: [{ key: 'k', value: 'v'.repeat(257) }] }, 'InvalidParameterException'],
    ['TagResource', 'more than 50 tags in all', { tags: Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: '' })) }, 'TagLimitExceededException'],
    ['TagResource', 'both ARNs', { resourceArn: 'arn:aws:ram:us-east-1:111122223333:permission/p' }, 'InvalidParameterException'],
    ['TagResource', 'neither ARN', { resourceShareArn: undefined }, 'InvalidParameterException'],
    ['TagResource', 'a permission ARN', { resourceShareArn: undefined, resourceArn: 'arn:aws:ram:us-east-1:111122223333:permission/p' }, 'ResourceArnNotFoundException'],
    ['TagResource', 'a malformed permission ARN', { resourceShareArn: undefined, resourceArn: 'p' }, 'MalformedArnException'],
    ['UntagResource', 'no tag keys', { tagKeys: undefined }, 'MissingRequiredParameterException'],
    ['UntagResource', 'an empty key list', { tagKeys: [] }, 'InvalidParameterException'],
    ['UntagResource', 'a permission ARN', { resourceShareArn: undefined, resourceArn: 'arn:aws:ram:us-east-1:111122223333:permission/p' }, 'UnknownResourceException'],
  ])('%s rejects %s', (operation, _label, input, type) => {
    const base = { resourceShareArn: arn, tags: [{ key: 'k', value: 'v' }], tagKeys: ['k'] };
    expect(world.fail(operation, { ...base, ...input }).type).toBe(type);
  });

  it('cannot tag a deleted share or another account’s share', () => {
    expect(world.fail('UntagResource', { resourceShareArn: arn, tagKeys: ['team'] }, { account: STRANGER }).type).toBe('UnknownResourceException');
    world.call('DeleteResourceShare', { resourceShareArn: arn });
    expect(world.fail('TagResource', { resourceShareArn: arn, tags: [{ key: 'k', value: 'v' }] }).type).toBe('UnknownResourceException');
  });
});
