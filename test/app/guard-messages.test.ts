import { describe, expect, it } from 'vitest';
import { checkGuards } from '../../src/app/planning.js';
import { computePlan } from '../../src/plan/compute-plan.js';
import { desiredState, liveConfig, liveState, planContext } from '../helpers/builders.js';

const planDeleting = (count: number) =>
  computePlan(desiredState([]), liveState(Array.from({ length: count }, (_, i) => liveConfig(`c${i}`))), planContext());
const messageOf = (run: () => void) => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
};

describe('guard messages', () => {
  it('say "1 resource", and "resources" for more', () => {
    expect(messageOf(() => checkGuards(planDeleting(1), { maxDeletes: 0, allowEmpty: true, desiredCount: 0 })))
      .toBe('the plan deletes or replaces 1 resource, more than --max-deletes 0');
    expect(messageOf(() => checkGuards(planDeleting(2), { maxDeletes: 1, allowEmpty: true, desiredCount: 0 })))
      .toBe('the plan deletes or replaces 2 resources, more than --max-deletes 1');
    expect(messageOf(() => checkGuards(planDeleting(1), { allowEmpty: false, desiredCount: 0 })))
      .toBe('the desired state has no resources, but 1 managed resource exists; applying would delete it');
    expect(messageOf(() => checkGuards(planDeleting(2), { allowEmpty: false, desiredCount: 0 })))
      .toBe('the desired state has no resources, but 2 managed resources exist; applying would delete them all');
  });
});
