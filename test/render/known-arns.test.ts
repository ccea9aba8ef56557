// The plan JSON and apply --json carry the ARN of every managed resource they know: changes (null only for a
// create), no-ops, and, with prune off, the resources whose documents are gone (kept).
import { describe, expect, it } from 'vitest';
import { schemaProblems } from '../../src/app/schema.js';
import { computePlan } from '../../src/plan/compute-plan.js';
import { applyResultOf } from '../../src/plan/types.js';
import { applyToJson } from '../../src/render/apply-result.js';
import { planToJson } from '../../src/render/plan-json.js';
import { arnFor, desiredConfig, desiredShare, desiredState, liveConfig, liveShare, liveState, planContext } from '../helpers/builders.js';

function prunedOffPlan() {
  const desired = desiredState([desiredConfig('b'), desiredConfig('d', { licenseCount: 5 }), desiredConfig('new')], { prune: false });
  const live = liveState([liveConfig('a'), liveConfig('b'), liveConfig('d', { licenseCount: 4 }), liveShare('old')]);
  return computePlan(desired, live, planContext());
}

describe('ARNs of every resource a plan or an apply knows', () => {
  it('the plan lists what prune: false keeps, with ARNs; the JSON satisfies the schema', () => {
    const plan = prunedOffPlan();
    expect(plan.kept).toEqual([
      { address: 'LicenseConfiguration/a', arn: arnFor('LicenseConfiguration', 'a') },
      { address: 'ResourceShare/old', arn: arnFor('ResourceShare', 'old') },
    ]);
    const json = planToJson(plan);
    expect(schemaProblems('plan.schema.json', json)).toEqual([]);
    expect(json.changes.map((c) => [c.address, c.arn])).toEqual([
      ['LicenseConfiguration/b', arnFor('LicenseConfiguration', 'b')],
      ['LicenseConfiguration/d', arnFor('LicenseConfiguration', 'd')],
      ['LicenseConfiguration/new', null],
    ]);
    expect(schemaProblems('plan.schema.json', { ...json, kept: [{ address: 'ResourceShare/old' }] })).toContain("/kept/0 must have required property 'arn'");
  });

  it('a whole plan keeps nothing and has no kept member', () => {
    const desired = desiredState([desiredShare('s')]);
    expect('kept' in planToJson(computePlan(desired, liveState([liveShare('s'), liveShare('old')]), planContext()))).toBe(false);
  });

  it('apply lists, beside its results, the no-ops and the kept resources with their ARNs, by address', () => {
    const result = applyToJson(applyResultOf(prunedOffPlan(), []));
    expect(result.unchanged).toEqual([
      { address: 'LicenseConfiguration/a', arn: arnFor('LicenseConfiguration', 'a') },
      { address: 'LicenseConfiguration/b', arn: arnFor('LicenseConfiguration', 'b') },
      { address: 'ResourceShare/old', arn: arnFor('ResourceShare', 'old') },
    ]);
    expect(schemaProblems('apply-result.schema.json', result)).toEqual([]);
  });
});
