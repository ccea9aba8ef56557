// With a share delay, every RAM transition is observable: reads before the delay see the in-between
// status, reads after it the final one, and the completed transition counts as the last update.
import { beforeEach, describe, expect, it } from 'vitest';
import { PEER, RamWorld, shareArnOf, START_S, type Json } from './harness.js';

const DELAY_MS = 5_000;
const DELAY_S = DELAY_MS / 1000;

describe('status transitions with a share delay', () => {
  let world: RamWorld;
  let lc: string;
  beforeEach(() => {
    world = new RamWorld(DELAY_MS);
    lc = world.addLicenseConfiguration();
  });

  const share = (arn: string): Json =>
    (world.call('GetResourceShares', { resourceOwner: 'SELF', resourceShareArns: [arn] })['resourceShares'] as Json[])[0]!;
  const associations = (): [string, string, number][] =>
    (['RESOURCE', 'PRINCIPAL'] as const).flatMap((associationType) =>
      (world.call('GetResourceShareAssociations', { associationType })['resourceShareAssociations'] as Json[]).map(
        (a) => [a['associatedEntity'] as string, a['status'] as string, a['lastUpdatedTime'] as number] as [string, string, number],
      ),
    );

  it('a new share is PENDING and its associations ASSOCIATING until the delay has passed', () => {
    const created = world.call('CreateResourceShare', { name: 's', resourceArns: [lc], principals: [PEER] });
    expect((created['resourceShare'] as Json)['status']).toBe('PENDING');
    const arn = shareArnOf(created);
    world.advance(DELAY_MS - 1);
    expect(share(arn)['status']).toBe('PENDING');
    expect(associations()).toEqual([[lc, 'ASSOCIATING', START_S], [PEER, 'ASSOCIATING', START_S]]);
    world.advance(1);
    expect(share(arn)).toMatchObject({ status: 'ACTIVE', creationTime: START_S, lastUpdatedTime: START_S + DELAY_S });
    expect(associations()).toEqual([[lc, 'ASSOCIATED', START_S + DELAY_S], [PEER, 'ASSOCIATED', START_S + DELAY_S]]);
  });

  it('a disassociated entity goes DISASSOCIATING, then stays listed as DISASSOCIATED', () => {
    const arn = shareArnOf(world.call('CreateResourceShare', { name: 's', resourceArns: [lc], principals: [PEER] }));
    world.advance(DELAY_MS);
    const removed = world.call('DisassociateResourceShare', { resourceShareArn: arn, principals: [PEER] });
    expect((removed['resourceShareAssociations'] as Json[]).map((a) => a['status'])).toEqual(['DISASSOCIATING']);
    expect(associations()).toContainEqual([PEER, 'DISASSOCIATING', START_S + DELAY_S]);
    world.advance(DELAY_MS);
    expect(associations()).toEqual([[lc, 'ASSOCIATED', START_S + DELAY_S], [PEER, 'DISASSOCIATED', START_S + 2 * DELAY_S]]);
  });

  it('a deleted share goes DELETING → DELETED, taking its associations to DISASSOCIATED', () => {
    const arn = shareArnOf(world.call('CreateResourceShare', { name: 's', resourceArns: [lc], principals: [PEER] }));
    world.advance(DELAY_MS);
    world.call('DeleteResourceShare', { resourceShareArn: arn });
    expect(share(arn)['status']).toBe('DELETING');
    expect(associations().map(([, status]) => status)).toEqual(['DISASSOCIATING', 'DISASSOCIATING']);
    world.advance(DELAY_MS);
    expect(share(arn)).toMatchObject({ status: 'DELETED', lastUpdatedTime: START_S + 2 * DELAY_S });
    expect(associations().map(([, status]) => status)).toEqual(['DISASSOCIATED', 'DISASSOCIATED']);
  });

  it('an entity cannot be associated again while it is still disassociating, but can once it is DISASSOCIATED', () => {
    const arn = shareArnOf(world.call('CreateResourceShare', { name: 's', principals: [PEER] }));
    world.advance(DELAY_MS);
    world.call('DisassociateResourceShare', { resourceShareArn: arn, principals: [PEER] });
    expect(world.fail('AssociateResourceShare', { resourceShareArn: arn, principals: [PEER] }).type).toBe('InvalidStateTransitionException');
    world.advance(DELAY_MS);
    const again = world.call('AssociateResourceShare', { resourceShareArn: arn, principals: [PEER] });
    expect((again['resourceShareAssociations'] as Json[])[0]).toMatchObject({ status: 'ASSOCIATING', creationTime: START_S + 2 * DELAY_S });
  });

  it('a pending share can be changed and deleted before it is ACTIVE', () => {
    const arn = shareArnOf(world.call('CreateResourceShare', { name: 's' }));
    world.call('AssociateResourceShare', { resourceShareArn: arn, resourceArns: [lc] });
    world.call('DeleteResourceShare', { resourceShareArn: arn });
    expect(share(arn)['status']).toBe('DELETING');
    world.advance(DELAY_MS);
    expect(share(arn)['status']).toBe('DELETED');
  });

  it('the receiving account sees the share only once the share is ACTIVE and its principal ASSOCIATED', () => {
    world.call('CreateResourceShare', { name: 's', resourceArns: [lc], principals: [PEER] });
    const seenByPeer = (): number =>
      (world.call('GetResourceShares', { resourceOwner: 'OTHER-ACCOUNTS' }, { account: PEER })['resourceShares'] as Json[]).length;
    expect(seenByPeer()).toBe(0);
    world.advance(DELAY_MS);
    expect(seenByPeer()).toBe(1);
  });

  it('with zero delay every status is final at once', () => {
    const instant = new RamWorld(0);
    const resource = instant.addLicenseConfiguration();
    const arn = shareArnOf(instant.call('CreateResourceShare', { name: 's', resourceArns: [resource] }));
    instant.call('DeleteResourceShare', { resourceShareArn: arn });
    const shares = instant.call('GetResourceShares', { resourceOwner: 'SELF' })['resourceShares'] as Json[];
    const listed = instant.call('GetResourceShareAssociations', { associationType: 'RESOURCE' })['resourceShareAssociations'] as Json[];
    expect([shares[0]!['status'], listed[0]!['status']]).toEqual(['DELETED', 'DISASSOCIATED']);
  });
});
