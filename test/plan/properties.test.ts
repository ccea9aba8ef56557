// Properties of the planner: X against X is empty, it never throws nor mutates, and input order never shows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DesiredState, LiveState } from '../../src/model/index.js';
import { computePlan } from '../../src/plan/compute-plan.js';
import { actionOf, compareChange } from '../../src/plan/plan-change.js';
import { dependenciesOf } from '../../src/plan/dependencies.js';
import { executionOrder } from './waves.js';
import { liveFrom, planContext } from '../helpers/builders.js';
import { desiredStates, liveStates, targetLists } from './arbitraries.js';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    Object.values(value).forEach(deepFreeze);
  }
  return value;
}

/** A deterministic permutation, so that a failing case can be replayed from its seed. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0;
  for (let i = out.length - 1; i > 0; i -= 1) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('computePlan properties', () => {
  it('plans only no-ops, without warnings, for a desired state against its own live image', () => {
    fc.assert(fc.property(desiredStates, (desired) => {
      const plan = computePlan(desired, liveFrom(desired), planContext());
      expect(plan.changes.every((c) => c.action === 'no-op' && c.warnings.length === 0)).toBe(true);
      expect(plan.changes).toHaveLength(desired.resources.length);
      expect(plan.warnings).toEqual([]);
    }));
  });

  it('never throws nor mutates its inputs, and yields a well-formed, orderable plan', () => {
    fc.assert(fc.property(desiredStates, liveStates, targetLists, fc.option(fc.boolean(), { nil: undefined }), (desired, live, targets, prune) => {
      const plan = computePlan(deepFreeze(desired), deepFreeze(live), planContext({ targets, prune }));
      const { create, update, replace, delete: del, noop } = plan.summary;
      expect(create + update + replace + del + noop).toBe(plan.changes.length);
      expect(new Set(plan.changes.map((c) => c.address)).size).toBe(plan.changes.length);
      const order = executionOrder(plan).map((c) => c.address);
      expect(order).toHaveLength(plan.changes.length - noop);
      for (const change of executionOrder(plan)) {
        for (const dep of dependenciesOf(change, plan)) expect(order.indexOf(dep)).toBeLessThan(order.indexOf(change.address));
      }
    }));
  });

  it('does not depend on the order of its input arrays', () => {
    fc.assert(fc.property(desiredStates, liveStates, fc.integer(), (desired, live, seed) => {
      const shuffledDesired: DesiredState = { ...desired, resources: shuffle(desired.resources, seed) };
      const shuffledLive: LiveState = {
        managed: shuffle(live.managed, seed + 1),
        others: shuffle(live.others, seed + 2),
        duplicates: shuffle(live.duplicates.map((d) => ({ ...d, arns: shuffle(d.arns, seed + 3) })), seed + 4),
      };
      expect(computePlan(shuffledDesired, shuffledLive, planContext())).toEqual(computePlan(desired, live, planContext()));
    }));
  });

  it('actionOf answers the action compareChange plans, for any desired and live resource at one address', () => {
    fc.assert(fc.property(desiredStates, liveStates, (desired, live) => {
      for (const d of desired.resources) {
        for (const l of live.managed.filter((r) => r.kind === d.kind && r.name === d.name)) {
          expect(actionOf(d, l)).toBe(compareChange(d, l).action);
        }
      }
    }), { numRuns: 300 });
  });
});

