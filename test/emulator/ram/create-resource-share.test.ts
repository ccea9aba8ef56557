import { beforeEach, describe, expect, it } from 'vitest';
import { OWNER, PEER, RamWorld, REGION, shareArnOf, START_S, type Json } from './harness.js';

describe('CreateResourceShare', () => {
  let world: RamWorld;
  let lc: string;
  beforeEach(() => {
    world = new RamWorld();
    lc = world.addLicenseConfiguration();
  });

  it('creates an ACTIVE share (zero delay) with sorted tags and the API default allowExternalPrincipals: true', () => {
    const output = world.call('CreateResourceShare', {
      name: 'windows-to-dev',
      resourceArns: [lc],
      principals: [PEER],
      tags: [{ key: 'team', value: 'platform' }, { key: 'licensectl:name', value: 'windows-to-dev' }],
    });
    expect(output).toEqual({
      resourceShare: {
        resourceShareArn: `arn:aws:ram:${REGION}:${OWNER}:resource-share/00000000-0000-4000-8000-000000000002`,
        name: 'windows-to-dev',
        owningAccountId: OWNER,
        allowExternalPrincipals: true,
        status: 'ACTIVE',
        tags: [{ key: 'licensectl:name', value: 'windows-to-dev' }, { key: 'team', value: 'platform' }],
        creationTime: START_S,
        lastUpdatedTime: START_S,
        featureSet: 'STANDARD',
      },
      clientToken: '00000000-0000-4000-8000-000000000003',
    });
  });

  it('associates the given resources and principals', () => {
    const arn = shareArnOf(world.call('CreateResourceShare', { name: 's', resourceArns: [lc], principals: [PEER] }));
    const entities = (type: string): unknown[] =>
      (world.call('GetResourceShareAssociations', { associationType: type })['resourceShareAssociations'] as Json[]).map(
        (association) => [association['resourceShareArn'], association['associatedEntity'], association['status']],
      );
    expect(entities('RESOURCE')).toEqual([[arn, lc, 'ASSOCIATED']]);
    expect(entities('PRINCIPAL')).toEqual([[arn, PEER, 'ASSOCIATED']]);
  });

  it('keeps allowExternalPrincipals: false and resourceShareConfiguration as given', () => {
    const share = world.call('CreateResourceShare', {
      name: 's',
      allowExternalPrincipals: false,
      resourceShareConfiguration: { retainSharingOnAccountLeaveOrganization: true },
    })['resourceShare'] as Json;
    expect(share['allowExternalPrincipals']).toBe(false);
    expect(share['resourceShareConfiguration']).toEqual({ retainSharingOnAccountLeaveOrganization: true });
  });

  it.each([
    ['an account id', PEER],
    ['an organization ARN', 'arn:aws:organizations::111122223333:organization/o-abc123defg'],
    ['an OU ARN', 'arn:aws:organizations::111122223333:ou/o-abc/ou-dev'],
    ['an IAM role ARN', `arn:aws:iam::${PEER}:role/licensing`],
    ['an IAM user ARN', `arn:aws:iam::${PEER}:user/path/alice`],
  ])('accepts %s as a principal', (_label, principal) => {
    expect(() => world.call('CreateResourceShare', { name: 's', principals: [principal] })).not.toThrow();
  });

  it.each([
    ['a short number', '12345', 'InvalidParameterException'],
    ['a name', 'dev-team', 'InvalidParameterException'],
    ['a service principal', 'license-manager.amazonaws.com', 'InvalidParameterException'],
    ['the owner account', OWNER, 'InvalidParameterException'],
    ['an ARN of another kind', 'arn:aws:s3:::bucket-name', 'InvalidParameterException'],
    ['a malformed ARN', 'arn:aws:iam', 'MalformedArnException'],
  ])('rejects %s as a principal', (_label, principal, type) => {
    expect(world.fail('CreateResourceShare', { name: 's', principals: [principal] }).type).toBe(type);
  });

  it('rejects resources that do not exist, belong to another account or cannot be shared', () => {
    const foreign = world.addLicenseConfiguration(PEER);
    const cases: [string, string][] = [
      ['not-an-arn', 'MalformedArnException'],
      [`${lc}0`, 'UnknownResourceException'],
      [foreign, 'UnknownResourceException'],
      [`arn:aws:license-manager::${OWNER}:license:l-0123`, 'InvalidParameterException'],
      [`arn:aws:ec2:${REGION}:${OWNER}:subnet/subnet-0123`, 'UnknownResourceException'],
    ];
    const types = cases.map(([arn]) => world.fail('CreateResourceShare', { name: 's', resourceArns: [arn] }).type);
    expect(types).toEqual(cases.map(([, type]) => type));
  });

  it('rejects a license configuration of another region', () => {
    const elsewhere = world.addLicenseConfiguration(OWNER, 'eu-west-1');
    expect(world.failure('CreateResourceShare', { name: 's', resourceArns: [elsewhere] })).toEqual({
      type: 'UnknownResourceException',
      status: 400,
      message: `The license configuration ${elsewhere} does not exist in account ${OWNER}, region ${REGION}.`,
    });
  });

  it('allows at most 100 resources per call', () => {
    const arns = Array.from({ length: 101 }, () => world.addLicenseConfiguration());
    expect(world.failure('CreateResourceShare', { name: 's', resourceArns: arns })).toEqual({
      type: 'ResourceShareLimitExceededException',
      status: 400,
      message: 'You can associate up to 100 resources per call; got 101.',
    });
    expect(() => world.call('CreateResourceShare', { name: 's', resourceArns: arns.slice(0, 100) })).not.toThrow();
  });

  it.each<[string, Json, string]>([
    ['a missing name', {}, 'MissingRequiredParameterException'],
    ['an empty name', { name: '' }, 'MissingRequiredParameterException'],
    ['a name that is not a string', { name: 7 }, 'InvalidParameterException'],
    ['a non-boolean allowExternalPrincipals', { name: 's', allowExternalPrincipals: 'yes' }, 'InvalidParameterException'],
    ['principals that are not a list', { name: 's', principals: PEER }, 'InvalidParameterException'],
    ['a reserved tag key', { name: 's', tags: [{ key: 'aws:team', value: 'x' }] }, 'TagPolicyViolationException'],
    ['an empty tag key', { name: 's', tags: [{ key: '', value: 'x' }] }, 'InvalidParameterException'],
    ['a tag without value', { name: 's', tags: [{ key: 'team' }] }, 'InvalidParameterException'],
    ['a repeated tag key', { name: 's', tags: [{ key: 'a', value: '1' }, { key: 'a', value: '2' }] }, 'InvalidParameterException'],
    ['51 tags', { name: 's', tags: Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: '' })) }, 'TagLimitExceededException'],
    ['an unknown permission', { name: 's', permissionArns: ['arn:aws:ram::aws:permission/AWSRAMDefaultPermissionSubnet'] }, 'UnknownResourceException'],
    ['a malformed permission ARN', { name: 's', permissionArns: ['permission'] }, 'MalformedArnException'],
    ['source constraints', { name: 's', sources: [PEER] }, 'InvalidParameterException'],
  ])('rejects %s', (_label, input, type) => {
    expect(world.fail('CreateResourceShare', input).type).toBe(type);
    expect(world.state.ram.resourceShares).toEqual({});
  });

  it('accepts the default license-configuration permission', () => {
    const input = { name: 's', permissionArns: ['arn:aws:ram::aws:permission/AWSRAMDefaultPermissionLicenseConfiguration'] };
    expect(() => world.call('CreateResourceShare', input)).not.toThrow();
  });
});
