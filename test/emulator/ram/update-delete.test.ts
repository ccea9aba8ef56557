import { beforeEach, describe, expect, it } from 'vitest';
import { OWNER, PEER, RamWorld, REGION, shareArnOf, START_S, STRANGER, type Json } from './harness.js';

describe('UpdateResourceShare', () => {
  let world: RamWorld;
  let arn: string;
  beforeEach(() => {
    world = new RamWorld();
    arn = shareArnOf(world.call('CreateResourceShare', { name: 'before', principals: [PEER] }));
    world.advance(60_000);
  });

  it('changes the name and allowExternalPrincipals, and bumps lastUpdatedTime', () => {
    const output = world.call('UpdateResourceShare', { resourceShareArn: arn, name: 'after', allowExternalPrincipals: false });
    expect(output['resourceShare']).toMatchObject({
      name: 'after',
      allowExternalPrincipals: false,
      creationTime: START_S,
      lastUpdatedTime: START_S + 60,
    });
  });

  it('leaves lastUpdatedTime alone when nothing changes', () => {
    const output = world.call('UpdateResourceShare', { resourceShareArn: arn, name: 'before' });
    expect((output['resourceShare'] as Json)['lastUpdatedTime']).toBe(START_S);
  });

  it('names the association by its new share name', () => {
    world.call('UpdateResourceShare', { resourceShareArn: arn, name: 'renamed' });
    const listed = world.call('GetResourceShareAssociations', { associationType: 'PRINCIPAL' })['resourceShareAssociations'] as Json[];
    expect(listed[0]!['resourceShareName']).toBe('renamed');
  });

  it.each<[string, Json, string, string?]>([
    ['a missing ARN', { resourceShareArn: undefined }, 'MissingRequiredParameterException'],
    ['an empty name', { name: '' }, 'InvalidParameterException'],
    ['a malformed ARN', { resourceShareArn: 'rs-1' }, 'MalformedArnException'],
    ['an unknown share', { resourceShareArn: `arn:aws:ram:${REGION}:${OWNER}:resource-share/unknown` }, 'UnknownResourceException'],
    ['a share of another account not shared with the caller', {}, 'UnknownResourceException', STRANGER],
    ['a share shared with the caller', {}, 'OperationNotPermittedException', PEER],
  ])('rejects %s', (_label, input, type, account = OWNER) => {
    expect(world.fail('UpdateResourceShare', { resourceShareArn: arn, name: 'x', ...input }, { account }).type).toBe(type);
  });

  it('cannot change a deleted share', () => {
    world.call('DeleteResourceShare', { resourceShareArn: arn });
    expect(world.failure('UpdateResourceShare', { resourceShareArn: arn, name: 'x' })).toEqual({
      type: 'OperationNotPermittedException',
      status: 400,
      message: `The resource share ${arn} is DELETED and can no longer be changed.`,
    });
  });
});

describe('DeleteResourceShare', () => {
  let world: RamWorld;
  let arn: string;
  beforeEach(() => {
    world = new RamWorld();
    arn = shareArnOf(world.call('CreateResourceShare', { name: 's' }));
  });

  it('takes its members from the query string and returns returnValue: true', () => {
    expect(world.call('DeleteResourceShare', { resourceShareArn: arn, clientToken: 'ct-1' })).toEqual({ returnValue: true, clientToken: 'ct-1' });
  });

  it('refuses to delete a share twice', () => {
    world.call('DeleteResourceShare', { resourceShareArn: arn });
    expect(world.failure('DeleteResourceShare', { resourceShareArn: arn })).toEqual({
      type: 'InvalidStateTransitionException',
      status: 400,
      message: `The resource share ${arn} is DELETED and can no longer be changed.`,
    });
  });

  it.each<[string, Json, string, string?]>([
    ['a missing ARN', {}, 'MissingRequiredParameterException'],
    ['a malformed ARN', { resourceShareArn: 'arn:aws:ram:us-east-1:1:resource-share' }, 'MalformedArnException'],
    ['another account’s share', { resourceShareArn: 'SHARE' }, 'UnknownResourceException', STRANGER],
    ['an empty clientToken', { resourceShareArn: 'SHARE', clientToken: '' }, 'InvalidClientTokenException'],
  ])('rejects %s', (_label, input, type, account = OWNER) => {
    const query = Object.fromEntries(Object.entries(input).map(([key, value]) => [key, value === 'SHARE' ? arn : value]));
    expect(world.fail('DeleteResourceShare', query, { account }).type).toBe(type);
  });
});
