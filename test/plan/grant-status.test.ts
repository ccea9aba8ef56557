import { describe, expect, it } from 'vitest';
import { computePlan } from '../../src/plan/compute-plan.js';
import { ABSENT_FINGERPRINT, fingerprintOf } from '../../src/plan/plan-change.js';
import { arnFor, desiredGrant, desiredState, liveGrant, liveState, planContext } from '../helpers/builders.js';

const grantArn = arnFor('Grant', 'to-dev');

describe('grant status', () => {
  it.each(['PENDING_ACCEPT', 'PENDING_WORKFLOW'])('is not drift while the grantee has not acted (%s)', (status) => {
    const plan = computePlan(
      desiredState([desiredGrant('to-dev', { status: 'ACTIVE' })]),
      liveState([liveGrant('to-dev', { status: 'DISABLED' }, { meta: { status, version: '1' } })]),
      planContext(),
    );
    expect(plan.changes[0]).toMatchObject({ action: 'no-op', diff: [], warnings: [`awaiting acceptance by the grantee (status ${status})`] });
  });

  it('still plans the other fields of a pending grant', () => {
    const plan = computePlan(
      desiredState([desiredGrant('to-dev', { status: 'ACTIVE', displayName: 'renamed' })]),
      liveState([liveGrant('to-dev', { status: 'DISABLED' }, { meta: { status: 'PENDING_ACCEPT', version: '1' } })]),
      planContext(),
    );
    expect(plan.changes[0]).toMatchObject({
      action: 'update',
      diff: [{ path: 'displayName', before: 'to-dev', after: 'renamed' }],
      warnings: ['awaiting acceptance by the grantee (status PENDING_ACCEPT)'],
    });
  });

  it('is not drift while an accepted grant waits for the grantee to activate it (DISABLED at version 1)', () => {
    const plan = computePlan(
      desiredState([desiredGrant('to-dev', { status: 'ACTIVE' })]),
      liveState([liveGrant('to-dev', { status: 'DISABLED' }, { meta: { status: 'DISABLED', version: '1' } })]),
      planContext(),
    );
    expect(plan.changes[0]).toMatchObject({ action: 'no-op', diff: [], warnings: ['accepted, awaiting activation by the grantee (status DISABLED)'] });
  });

  it('compares a grant disabled since (a later version), and an organization grant distributed (WORKFLOW_COMPLETED)', () => {
    const disabled = computePlan(
      desiredState([desiredGrant('to-dev', { status: 'ACTIVE' })]),
      liveState([liveGrant('to-dev', { status: 'DISABLED' }, { meta: { status: 'DISABLED', version: '3' } })]),
      planContext(),
    );
    expect(disabled.changes[0]).toMatchObject({ action: 'update', diff: [{ path: 'status', before: 'DISABLED', after: 'ACTIVE' }], warnings: [] });
    const distributed = computePlan(
      desiredState([desiredGrant('to-dev', { status: 'ACTIVE' })]),
      liveState([liveGrant('to-dev', { status: 'ACTIVE' }, { meta: { status: 'WORKFLOW_COMPLETED', version: '1' } })]),
      planContext(),
    );
    expect(distributed.changes[0]).toMatchObject({ action: 'no-op', diff: [], warnings: [] });
  });

  it('is compared once the grant is ACTIVE or DISABLED', () => {
    const plan = computePlan(desiredState([desiredGrant('to-dev', { status: 'DISABLED' })]), liveState([liveGrant('to-dev')]), planContext());
    expect(plan.changes[0]).toMatchObject({ action: 'update', diff: [{ path: 'status', before: 'ACTIVE', after: 'DISABLED' }], warnings: [] });
  });

  it.each(['REJECTED', 'FAILED_WORKFLOW'])('replaces a grant that can never become active (%s)', (status) => {
    const plan = computePlan(desiredState([desiredGrant('to-dev')]), liveState([liveGrant('to-dev', {}, { meta: { status, version: '2' } })]), planContext());
    expect(plan.changes[0]).toMatchObject({
      action: 'replace', arn: grantArn, diff: [],
      reasons: [`the live grant is ${status} and can never become active again; it is replaced by a new grant`],
    });
  });

  it('creates a desired grant anew when the live one is DELETED, keeping the fingerprint of what was read', () => {
    const deleted = liveGrant('to-dev', {}, { meta: { status: 'DELETED', version: '3' } });
    const plan = computePlan(desiredState([desiredGrant('to-dev')]), liveState([deleted]), planContext());
    expect(plan.changes[0]).toMatchObject({
      action: 'create', arn: null, before: null, fingerprint: fingerprintOf(deleted),
      reasons: [`the live grant ${grantArn} is DELETED; a new grant is created`],
    });
    expect(plan.changes[0]!.fingerprint).not.toBe(ABSENT_FINGERPRINT);
  });

  it('plans nothing for a DELETED grant that is no longer desired', () => {
    const plan = computePlan(desiredState([]), liveState([liveGrant('to-dev', {}, { meta: { status: 'DELETED' } })]), planContext());
    expect([plan.changes, plan.warnings]).toEqual([[], []]);
  });
});
