// clientToken: the same token with the same parameters replays the first response; with different
// parameters it is IdempotentParameterMismatchException.
import { beforeEach, describe, expect, it } from 'vitest';
import { PEER, RamWorld, shareArnOf, type Json } from './harness.js';

describe('clientToken idempotency', () => {
  let world: RamWorld;
  let lc: string;
  beforeEach(() => {
    world = new RamWorld();
    lc = world.addLicenseConfiguration();
  });

  const shareCount = (): number => Object.keys(world.state.ram.resourceShares).length;

  it('CreateResourceShare: a retry returns the same share and creates nothing', () => {
    const input = { name: 's', resourceArns: [lc], clientToken: 'create-1' };
    const first = world.call('CreateResourceShare', input);
    world.advance(1_000);
    expect(world.call('CreateResourceShare', { clientToken: 'create-1', resourceArns: [lc], name: 's' })).toEqual(first);
    expect(first['clientToken']).toBe('create-1');
    expect(shareCount()).toBe(1);
  });

  it('CreateResourceShare: the same token with other parameters is a mismatch', () => {
    world.call('CreateResourceShare', { name: 's', clientToken: 'create-1' });
    expect(world.failure('CreateResourceShare', { name: 't', clientToken: 'create-1' })).toEqual({
      type: 'IdempotentParameterMismatchException',
      status: 400,
      message: 'The client token create-1 was already used with different parameters.',
    });
  });

  it('tokens belong to an account: another account may use the same token', () => {
    world.call('CreateResourceShare', { name: 's', clientToken: 'create-1' });
    world.call('CreateResourceShare', { name: 's', clientToken: 'create-1' }, { account: PEER });
    expect(shareCount()).toBe(2);
  });

  it('without a token every call acts and gets a fresh generated token', () => {
    const first = world.call('CreateResourceShare', { name: 's' });
    const second = world.call('CreateResourceShare', { name: 's' });
    expect(first['clientToken']).not.toBe(second['clientToken']);
    expect(shareCount()).toBe(2);
  });

  it.each<[string, (arn: string) => Json, (arn: string) => Json]>([
    ['UpdateResourceShare', (arn) => ({ resourceShareArn: arn, name: 'x' }), (arn) => ({ resourceShareArn: arn, name: 'y' })],
    ['AssociateResourceShare', (arn) => ({ resourceShareArn: arn, principals: [PEER] }), (arn) => ({ resourceShareArn: arn, principals: ['444455556666'] })],
    ['DisassociateResourceShare', (arn) => ({ resourceShareArn: arn, resourceArns: ['LC'] }), (arn) => ({ resourceShareArn: arn, principals: [PEER] })],
    ['DeleteResourceShare', (arn) => ({ resourceShareArn: arn }), () => ({ resourceShareArn: 'arn:aws:ram:us-east-1:111122223333:resource-share/other' })],
  ])('%s replays a retry and rejects a changed request', (operation, same, changed) => {
    const arn = shareArnOf(world.call('CreateResourceShare', { name: 's', resourceArns: [lc], principals: [PEER] }));
    const withLc = (input: Json): Json => JSON.parse(JSON.stringify(input).replace('"LC"', JSON.stringify(lc))) as Json;
    const first = world.call(operation, { ...withLc(same(arn)), clientToken: 'tok' });
    const stateAfterFirst = JSON.stringify(world.state);
    expect(world.call(operation, { ...withLc(same(arn)), clientToken: 'tok' })).toEqual(first);
    expect(JSON.stringify(world.state)).toBe(stateAfterFirst);
    expect(world.fail(operation, { ...changed(arn), clientToken: 'tok' }).type).toBe('IdempotentParameterMismatchException');
  });

  it('a failed call does not consume its token', () => {
    expect(world.fail('CreateResourceShare', { name: 's', principals: ['nobody'], clientToken: 'tok' }).type).toBe('InvalidParameterException');
    expect(() => world.call('CreateResourceShare', { name: 's', clientToken: 'tok' })).not.toThrow();
  });
});
