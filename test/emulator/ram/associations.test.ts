import { beforeEach, describe, expect, it } from 'vitest';
import { OWNER, PEER, RamWorld, shareArnOf, START_S, STRANGER, type Json } from './harness.js';

const ROLE = `arn:aws:iam::${STRANGER}:role/licensing`;

describe('AssociateResourceShare and DisassociateResourceShare', () => {
  let world: RamWorld;
  let lc: string;
  let arn: string;
  beforeEach(() => {
    world = new RamWorld();
    lc = world.addLicenseConfiguration();
    arn = shareArnOf(world.call('CreateResourceShare', { name: 'windows' }));
  });

  it('returns one association per resource and principal', () => {
    const output = world.call('AssociateResourceShare', { resourceShareArn: arn, resourceArns: [lc], principals: [PEER, ROLE] });
    const association = (associatedEntity: string, associationType: string): Json => ({
      resourceShareArn: arn,
      resourceShareName: 'windows',
      associatedEntity,
      associationType,
      status: 'ASSOCIATED',
      creationTime: START_S,
      lastUpdatedTime: START_S,
      external: false,
    });
    expect(output['resourceShareAssociations']).toEqual([
      association(lc, 'RESOURCE'),
      association(PEER, 'PRINCIPAL'),
      association(ROLE, 'PRINCIPAL'),
    ]);
  });

  it('returns an existing association unchanged when it is associated again', () => {
    world.call('AssociateResourceShare', { resourceShareArn: arn, principals: [PEER] });
    world.advance(10_000);
    const again = world.call('AssociateResourceShare', { resourceShareArn: arn, principals: [PEER, PEER] });
    expect(again['resourceShareAssociations']).toMatchObject([{ associatedEntity: PEER, creationTime: START_S, lastUpdatedTime: START_S }]);
  });

  it.each<[string, Json, string]>([
    ['nothing to associate', {}, 'InvalidParameterException'],
    ['empty lists', { resourceArns: [], principals: [] }, 'InvalidParameterException'],
    ['a missing share ARN', { resourceShareArn: undefined, principals: [PEER] }, 'MissingRequiredParameterException'],
    ['an unknown resource', { resourceArns: ['arn:aws:license-manager:us-east-1:111122223333:license-configuration:lic-9'] }, 'UnknownResourceException'],
    ['a malformed resource ARN', { resourceArns: ['lic-1'] }, 'MalformedArnException'],
    ['an invalid principal', { principals: ['everyone'] }, 'InvalidParameterException'],
    ['source constraints', { sources: [PEER] }, 'InvalidParameterException'],
  ])('rejects %s', (_label, input, type) => {
    expect(world.fail('AssociateResourceShare', { resourceShareArn: arn, ...input }).type).toBe(type);
  });

  it('allows at most 100 resources per call, counting each ARN once', () => {
    const arns = Array.from({ length: 101 }, () => world.addLicenseConfiguration());
    expect(world.fail('AssociateResourceShare', { resourceShareArn: arn, resourceArns: arns }).type).toBe('ResourceShareLimitExceededException');
    expect(world.fail('DisassociateResourceShare', { resourceShareArn: arn, resourceArns: arns }).type).toBe('ResourceShareLimitExceededException');
    const repeated = [...arns.slice(0, 100), arns[0]!];
    expect(() => world.call('AssociateResourceShare', { resourceShareArn: arn, resourceArns: repeated })).not.toThrow();
  });

  it('cannot change a deleted share', () => {
    world.call('DeleteResourceShare', { resourceShareArn: arn });
    expect(world.fail('AssociateResourceShare', { resourceShareArn: arn, principals: [PEER] }).type).toBe('InvalidStateTransitionException');
    expect(world.fail('DisassociateResourceShare', { resourceShareArn: arn, principals: [PEER] }).type).toBe('InvalidStateTransitionException');
  });

  it('only the owner can associate or disassociate', () => {
    world.call('AssociateResourceShare', { resourceShareArn: arn, principals: [PEER] });
    const input = { resourceShareArn: arn, principals: [STRANGER] };
    expect(world.fail('AssociateResourceShare', input, { account: PEER }).type).toBe('OperationNotPermittedException');
    expect(world.fail('AssociateResourceShare', input, { account: STRANGER }).type).toBe('UnknownResourceException');
  });

  it('disassociates a resource even after its license configuration is gone', () => {
    world.call('AssociateResourceShare', { resourceShareArn: arn, resourceArns: [lc] });
    delete world.state.licenseManager.licenseConfigurations[lc];
    const output = world.call('DisassociateResourceShare', { resourceShareArn: arn, resourceArns: [lc] });
    expect(output['resourceShareAssociations']).toMatchObject([{ associatedEntity: lc, status: 'DISASSOCIATED' }]);
  });

  it('rejects disassociating an entity that is not in the share, and does nothing at all then', () => {
    world.call('AssociateResourceShare', { resourceShareArn: arn, principals: [PEER] });
    expect(world.failure('DisassociateResourceShare', { resourceShareArn: arn, principals: [PEER, STRANGER] })).toEqual({
      type: 'UnknownResourceException',
      status: 400,
      message: `${STRANGER} is not associated with the resource share ${arn}.`,
    });
    world.call('DisassociateResourceShare', { resourceShareArn: arn, principals: [PEER] });
    expect(world.fail('DisassociateResourceShare', { resourceShareArn: arn, principals: [PEER] }).type).toBe('UnknownResourceException');
  });
});

describe('GetResourceShareAssociations', () => {
  let world: RamWorld;
  let lc: string;
  let first: string;
  let second: string;
  const entities = (input: Json, account = OWNER): string[] =>
    (world.call('GetResourceShareAssociations', input, { account })['resourceShareAssociations'] as Json[]).map(
      (association) => `${association['resourceShareName']}:${association['associatedEntity']}:${association['status']}`,
    );
  beforeEach(() => {
    world = new RamWorld();
    lc = world.addLicenseConfiguration();
    first = shareArnOf(world.call('CreateResourceShare', { name: 'first', resourceArns: [lc], principals: [PEER] }));
    second = shareArnOf(world.call('CreateResourceShare', { name: 'second', resourceArns: [lc], principals: [ROLE] }));
  });

  it('lists the associations of the caller’s shares by type', () => {
    expect(entities({ associationType: 'RESOURCE' }).sort()).toEqual([`first:${lc}:ASSOCIATED`, `second:${lc}:ASSOCIATED`]);
    expect(entities({ associationType: 'PRINCIPAL' }).sort()).toEqual([`first:${PEER}:ASSOCIATED`, `second:${ROLE}:ASSOCIATED`]);
    expect(entities({ associationType: 'SOURCE' })).toEqual([]);
    expect(entities({ associationType: 'PRINCIPAL' }, PEER)).toEqual([]);
  });

  it('filters by share, resource, principal and status', () => {
    world.call('DisassociateResourceShare', { resourceShareArn: first, resourceArns: [lc] });
    expect(entities({ associationType: 'RESOURCE', resourceShareArns: [second] })).toEqual([`second:${lc}:ASSOCIATED`]);
    expect(entities({ associationType: 'RESOURCE', resourceArn: lc, associationStatus: 'DISASSOCIATED' })).toEqual([`first:${lc}:DISASSOCIATED`]);
    expect(entities({ associationType: 'PRINCIPAL', principal: ROLE })).toEqual([`second:${ROLE}:ASSOCIATED`]);
  });

  it.each<[string, Json, string]>([
    ['a missing associationType', {}, 'MissingRequiredParameterException'],
    ['an unknown associationType', { associationType: 'ACCOUNT' }, 'InvalidParameterException'],
    ['resourceArn with PRINCIPAL', { associationType: 'PRINCIPAL', resourceArn: 'LC' }, 'InvalidParameterException'],
    ['principal with RESOURCE', { associationType: 'RESOURCE', principal: PEER }, 'InvalidParameterException'],
    ['a malformed resourceArn', { associationType: 'RESOURCE', resourceArn: 'lic-1' }, 'MalformedArnException'],
    ['an unknown associationStatus', { associationType: 'RESOURCE', associationStatus: 'DONE' }, 'InvalidParameterException'],
    ['maxResults above 500', { associationType: 'RESOURCE', maxResults: 501 }, 'InvalidParameterException'],
  ])('rejects %s', (_label, input, type) => {
    const withLc = Object.fromEntries(Object.entries(input).map(([key, value]) => [key, value === 'LC' ? lc : value]));
    expect(world.fail('GetResourceShareAssociations', withLc).type).toBe(type);
  });

  it('accepts only the caller’s own shares in resourceShareArns', () => {
    const input = { associationType: 'PRINCIPAL', resourceShareArns: [first] };
    expect(world.fail('GetResourceShareAssociations', input, { account: PEER }).type).toBe('OperationNotPermittedException');
    expect(world.fail('GetResourceShareAssociations', input, { account: STRANGER }).type).toBe('UnknownResourceException');
  });

  it('pages through associations, with an empty second page', () => {
    const principals = ['444455556666', '555566667777', '666677778888'];
    world.call('AssociateResourceShare', { resourceShareArn: first, principals });
    const sizes: number[] = [];
    const seen: string[] = [];
    let nextToken: string | undefined;
    do {
      const output = world.call('GetResourceShareAssociations', { associationType: 'PRINCIPAL', maxResults: 2, ...(nextToken ? { nextToken } : {}) });
      const page = output['resourceShareAssociations'] as Json[];
      sizes.push(page.length);
      seen.push(...page.map((association) => association['associatedEntity'] as string));
      nextToken = output['nextToken'] as string | undefined;
    } while (nextToken);
    expect(sizes).toEqual([2, 0, 2, 1]);
    expect(seen.sort()).toEqual([PEER, ...principals, ROLE].sort());
  });
});
