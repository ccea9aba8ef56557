import { beforeEach, describe, expect, it } from 'vitest';
import { OWNER, PEER, RamWorld, shareArnOf, type Json } from './harness.js';

describe('GetResourceShares', () => {
  let world: RamWorld;
  const names = (input: Json, account = OWNER): string[] =>
    (world.call('GetResourceShares', input, { account })['resourceShares'] as Json[]).map((share) => share['name'] as string).sort();
  const create = (name: string, extra: Json = {}): string => shareArnOf(world.call('CreateResourceShare', { name, ...extra }));

  beforeEach(() => {
    world = new RamWorld();
  });

  it('requires a valid resourceOwner', () => {
    expect(world.failure('GetResourceShares', {})).toEqual({
      type: 'MissingRequiredParameterException',
      status: 400,
      message: 'The request must contain the parameter resourceOwner',
    });
    expect(world.failure('GetResourceShares', { resourceOwner: 'ME' })).toEqual({
      type: 'InvalidParameterException',
      status: 400,
      message: "The parameter resourceOwner is not valid: value 'ME': Member must satisfy enum value set: [SELF, OTHER-ACCOUNTS]",
    });
  });

  it('SELF lists only the caller’s shares in the calling region', () => {
    create('mine');
    world.call('CreateResourceShare', { name: 'theirs' }, { account: PEER });
    world.call('CreateResourceShare', { name: 'mine-in-eu' }, { region: 'eu-west-1' });
    expect(names({ resourceOwner: 'SELF' })).toEqual(['mine']);
    expect(names({ resourceOwner: 'SELF' }, PEER)).toEqual(['theirs']);
    expect(names({ resourceOwner: 'OTHER-ACCOUNTS' })).toEqual([]);
  });

  it('keeps deleted shares listed with status DELETED, and filters by status', () => {
    const gone = create('gone');
    create('kept');
    world.call('DeleteResourceShare', { resourceShareArn: gone });
    expect(names({ resourceOwner: 'SELF' })).toEqual(['gone', 'kept']);
    expect(names({ resourceOwner: 'SELF', resourceShareStatus: 'DELETED' })).toEqual(['gone']);
    expect(names({ resourceOwner: 'SELF', resourceShareStatus: 'ACTIVE' })).toEqual(['kept']);
    expect(world.fail('GetResourceShares', { resourceOwner: 'SELF', resourceShareStatus: 'GONE' }).type).toBe('InvalidParameterException');
  });

  it('filters by name and by ARN; unknown ARNs are UnknownResource, malformed ones MalformedArn', () => {
    const a = create('a');
    create('b');
    expect(names({ resourceOwner: 'SELF', name: 'b' })).toEqual(['b']);
    expect(names({ resourceOwner: 'SELF', resourceShareArns: [a] })).toEqual(['a']);
    const theirs = shareArnOf(world.call('CreateResourceShare', { name: 'theirs' }, { account: PEER }));
    expect(world.fail('GetResourceShares', { resourceOwner: 'SELF', resourceShareArns: [theirs] }).type).toBe('UnknownResourceException');
    expect(world.fail('GetResourceShares', { resourceOwner: 'SELF', resourceShareArns: ['share-1'] }).type).toBe('MalformedArnException');
  });

  it('ORs tag filters; a filter matches any of its values, or any value when it lists none', () => {
    create('prod', { tags: [{ key: 'env', value: 'prod' }] });
    create('dev', { tags: [{ key: 'env', value: 'dev' }] });
    create('owned', { tags: [{ key: 'owner', value: 'platform' }] });
    create('untagged');
    const filter = (tagFilters: Json[]): string[] => names({ resourceOwner: 'SELF', tagFilters });
    expect(filter([{ tagKey: 'env', tagValues: ['prod'] }])).toEqual(['prod']);
    expect(filter([{ tagKey: 'env', tagValues: ['prod', 'dev'] }])).toEqual(['dev', 'prod']);
    expect(filter([{ tagKey: 'env' }])).toEqual(['dev', 'prod']);
    expect(filter([{ tagKey: 'env', tagValues: ['dev'] }, { tagKey: 'owner', tagValues: ['platform'] }])).toEqual(['dev', 'owned']);
    expect(world.fail('GetResourceShares', { resourceOwner: 'SELF', tagFilters: [{ tagValues: ['x'] }] }).type).toBe('InvalidParameterException');
  });

  it('filters by the managed permission, which a share uses once it holds a license configuration', () => {
    const lc = world.addLicenseConfiguration();
    create('licensed', { resourceArns: [lc] });
    create('empty');
    const permissionArn = 'arn:aws:ram::aws:permission/AWSRAMDefaultPermissionLicenseConfiguration';
    expect(names({ resourceOwner: 'SELF', permissionArn })).toEqual(['licensed']);
    expect(names({ resourceOwner: 'SELF', permissionArn, permissionVersion: 2 })).toEqual([]);
    expect(world.fail('GetResourceShares', { resourceOwner: 'SELF', permissionArn: 'p' }).type).toBe('MalformedArnException');
  });

  it('validates maxResults (1 to 500)', () => {
    for (const maxResults of [0, 501, 2.5, 'ten']) {
      expect(world.fail('GetResourceShares', { resourceOwner: 'SELF', maxResults }).type).toBe('InvalidParameterException');
    }
  });

  it('pages with nextToken, returning an empty second page that still carries a token', () => {
    for (const name of ['a', 'b', 'c', 'd', 'e']) create(name);
    const pages: string[][] = [];
    let nextToken: string | undefined;
    do {
      const output = world.call('GetResourceShares', { resourceOwner: 'SELF', maxResults: 2, ...(nextToken ? { nextToken } : {}) });
      pages.push((output['resourceShares'] as Json[]).map((share) => share['name'] as string));
      nextToken = output['nextToken'] as string | undefined;
    } while (nextToken);
    expect(pages.map((page) => page.length)).toEqual([2, 0, 2, 1]);
    expect(pages.flat().sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('rejects a nextToken that is garbage or was issued for other parameters', () => {
    for (const name of ['a', 'b', 'c']) create(name);
    const first = world.call('GetResourceShares', { resourceOwner: 'SELF', maxResults: 1 });
    const nextToken = first['nextToken'] as string;
    expect(world.fail('GetResourceShares', { resourceOwner: 'SELF', nextToken: 'garbage' }).type).toBe('InvalidNextTokenException');
    expect(world.fail('GetResourceShares', { resourceOwner: 'SELF', name: 'a', nextToken }).type).toBe('InvalidNextTokenException');
    expect(world.call('GetResourceShares', { resourceOwner: 'SELF', maxResults: 5, nextToken })).toMatchObject({ resourceShares: [] });
  });
});
