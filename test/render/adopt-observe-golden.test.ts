// Golden outputs of adoption (spec.adopt) and observe-only resources: plan text, JSON and markdown, and the apply result;
// and which of their resources count as managed (apply's `unchanged`, the watcher's managed count).
import { describe, expect, it } from 'vitest';
import { schemaProblems } from '../../src/app/schema.js';
import type { DesiredResource, LiveResource, OtherResource } from '../../src/model/index.js';
import { computePlan } from '../../src/plan/compute-plan.js';
import { type ApplyResult, applyResultOf, type Plan } from '../../src/plan/types.js';
import { applyToJson, renderApplyResult } from '../../src/render/apply-result.js';
import { planToJson, renderPlanJson } from '../../src/render/plan-json.js';
import { renderPlanMarkdown } from '../../src/render/plan-markdown.js';
import { planSetToJson, renderPlanSetText, totalOf } from '../../src/render/plan-set.js';
import { renderPlanText } from '../../src/render/plan-text.js';
import { managedAfter, managedBefore } from '../../src/watch/outcome.js';
import {
  desired, desiredConfig, desiredGrant, desiredLicense, desiredShare, desiredState, live, liveConfig, liveLicense, liveState, planContext, TARGET,
} from '../helpers/builders.js';
import { expectGolden } from './golden.js';

const handMade = (resource: LiveResource): OtherResource => ({ kind: resource.kind, arn: resource.arn, displayName: 'by hand', owner: 'unmanaged', live: { ...resource, name: '' } });
const adopting = <R extends DesiredResource>(resource: R, arn: string): R => ({ ...resource, adopt: arn });
const observing = <R extends DesiredResource>(resource: R): R => ({ ...resource, observe: true });

/** A configuration, its share and a grant made by hand, adopted (one with fields to update), beside a managed license. */
function adoptPlan(): Plan {
  const config = liveConfig('windows-server', { licenseCount: 100 }, { tags: { team: 'ops' } });
  const share = live('ResourceShare', 'windows-to-dev', { licenseConfigurations: [config.arn], principals: ['222233334444'] });
  const license = liveLicense('analytics-pro');
  const grant = live('Grant', 'analytics-to-dev', { license: license.arn }, { meta: { version: '2', status: 'ACTIVE' } });
  const docs = desiredState([
    adopting(desiredConfig('windows-server', { licenseCount: 256 }, { tags: { team: 'platform' }, source: { file: 'licenses.yaml', line: 1, column: 1 } }), config.arn),
    adopting(desiredShare('windows-to-dev', { licenseConfigurations: ['windows-server'], principals: ['222233334444'] }), share.arn),
    desiredLicense('analytics-pro'),
    adopting(desiredGrant('analytics-to-dev', { license: 'analytics-pro' }), grant.arn),
    desired('Association', 'windows-ami', { licenseConfigurations: ['windows-server'] }),
  ]);
  const pair = live('Association', 'windows-ami', { licenseConfigurations: [config.arn] });
  return computePlan(docs, liveState([license], { others: [handMade(config), handMade(share), handMade(grant), { ...handMade(pair), arn: config.arn }] }), planContext());
}

/** A managed configuration that drifted and is observed, one in sync, one missing, and a hand-made one observed through spec.adopt. */
function observePlan(): Plan {
  const handMadeConfig = liveConfig('sql-by-hand', { licenseCount: 10 });
  const docs = desiredState([
    observing(desiredConfig('oracle-ee', { licenseCount: 64 }, { source: { file: 'observed.yaml', line: 1, column: 1 } })),
    observing(desiredConfig('windows-server')),
    observing(desiredConfig('retired')),
    observing(adopting(desiredConfig('sql-server', { licenseCount: 20, displayName: 'sql-by-hand' }), handMadeConfig.arn)),
    desiredConfig('managed', { licenseCount: 5 }),
  ], { observe: ['LicenseConfiguration/legacy-*'] });
  const liveNow = liveState(
    [liveConfig('oracle-ee', { licenseCount: 80 }), liveConfig('windows-server'), liveConfig('legacy-a'), liveConfig('managed', { licenseCount: 4 })],
    { others: [handMade(handMadeConfig)] },
  );
  return computePlan(docs, liveNow, planContext());
}

function adoptApplyResult(): ApplyResult {
  const plan = adoptPlan();
  const results = plan.changes.filter((c) => c.action !== 'no-op').map((c) => ({ address: c.address, action: c.action as 'adopt', outcome: 'applied' as const, arn: c.arn }));
  return { project: plan.project, target: TARGET, results, summary: { applied: results.length, failed: 0, skipped: 0 } };
}

describe('golden output of adoption and observe-only resources', () => {
  it('adopt plan, as text', () => expectGolden('plan-adopt.txt', renderPlanText(adoptPlan(), { color: false })));
  it('adopt plan, as JSON', () => expectGolden('plan-adopt.json', renderPlanJson(adoptPlan())));
  it('adopt plan, as markdown', () => expectGolden('markdown-adopt.md', renderPlanMarkdown(adoptPlan())));
  it('adopt apply result, as text', () => expectGolden('apply-result-adopt.txt', renderApplyResult(adoptApplyResult(), { color: false })));
  it('observe plan, as text', () => expectGolden('plan-observe.txt', renderPlanText(observePlan(), { color: false })));
  it('observe plan, as JSON', () => expectGolden('plan-observe.json', renderPlanJson(observePlan())));
  it('observe plan, as markdown', () => expectGolden('markdown-observe.md', renderPlanMarkdown(observePlan())));

  it('a plan set sums adopts across targets, in text and in JSON', () => {
    const set = {
      project: 'acme-licenses', failures: [], granteeSteps: [],
      plans: [{ label: 'dev', account: '000000000000', region: 'us-east-1', plan: adoptPlan() }, { label: 'prod', account: '000000000000', region: 'us-east-1', plan: observePlan() }],
    };
    expect(totalOf(set)).toEqual({ adopt: 4, create: 0, update: 1, replace: 0, delete: 0, noop: 5 });
    expect(renderPlanSetText(set, { color: false })).toContain('Targets: 2 planned. Plan: 4 to adopt, 0 to create, 1 to update, 0 to replace, 0 to delete.');
    expect(schemaProblems('plan-set.schema.json', planSetToJson(set))).toEqual([]);
    expect(totalOf({ ...set, plans: [set.plans[1]!] })).not.toHaveProperty('adopt');
  });

  it('a plan set whose planned targets match while another failed does not say every account matches', () => {
    const failed = { label: 'prod', account: '111122223333', region: 'us-east-1', error: { code: 'ACCOUNT_MISMATCH', message: 'wrong account' } };
    const matching = { label: 'dev', account: '000000000000', region: 'us-east-1', plan: { ...observePlan(), changes: [], summary: { create: 0, update: 0, replace: 0, delete: 0, noop: 0 } } };
    const all = renderPlanSetText({ project: 'acme-licenses', failures: [], granteeSteps: [], plans: [matching] }, { color: false });
    expect(all).toContain('Targets: 1 planned. No changes. Every account matches the desired state.');
    const partial = renderPlanSetText({ project: 'acme-licenses', failures: [failed], granteeSteps: [], plans: [matching] }, { color: false });
    expect(partial).toContain('Targets: 1 planned, 1 failed. No changes in the targets planned; the others could not be compared.');
    expect(partial).not.toContain('Every account matches');
  });

  it('the JSON of both plans and of the apply result follow their schemas', () => {
    expect(schemaProblems('plan.schema.json', planToJson(adoptPlan()))).toEqual([]);
    expect(schemaProblems('plan.schema.json', planToJson(observePlan()))).toEqual([]);
    expect(schemaProblems('apply-result.schema.json', applyToJson(adoptApplyResult()))).toEqual([]);
  });
});

describe('what adoption and observe-only resources count as managed', () => {
  it('an observed resource through spec.adopt is marked unmanaged; managed observed ones and missing ones are not', () => {
    expect(observePlan().changes.map((c) => [c.address, c.observed ?? null, c.unmanaged ?? false])).toEqual([
      ['LicenseConfiguration/managed', null, false],
      ['LicenseConfiguration/oracle-ee', 'drift', false],
      ['LicenseConfiguration/retired', 'missing', false],
      ['LicenseConfiguration/sql-server', 'drift', true],
      ['LicenseConfiguration/windows-server', 'in-sync', false],
    ]);
  });

  it('apply\'s unchanged lists the observed resources this project manages, not the one observed through spec.adopt', () => {
    const plan = observePlan();
    const arnOf = (address: string) => plan.changes.find((c) => c.address === address)!.arn;
    expect(applyToJson(applyResultOf(plan, [])).unchanged).toEqual([
      { address: 'LicenseConfiguration/oracle-ee', arn: arnOf('LicenseConfiguration/oracle-ee') },
      { address: 'LicenseConfiguration/windows-server', arn: arnOf('LicenseConfiguration/windows-server') },
    ]);
  });

  it('the watcher counts as managed what is tagged: not adopts until applied, nor what is observed through spec.adopt or missing', () => {
    const observed = observePlan();
    // managed (to update), oracle-ee, windows-server.
    expect(managedBefore(observed)).toBe(3);
    expect(managedAfter(observed, applyResultOf(observed, [{ address: 'LicenseConfiguration/managed', action: 'update', outcome: 'applied', arn: null }]))).toBe(3);
    const adopting = adoptPlan();
    // Only the managed license: the configuration, share, grant and association are adopted by the apply.
    expect(managedBefore(adopting)).toBe(1);
    const applied = adoptApplyResult();
    expect(managedAfter(adopting, applied)).toBe(5);
    const grantFailed = { ...applied, results: applied.results.map((r) => (r.address.startsWith('Grant/') ? { ...r, outcome: 'failed' as const } : r)) };
    expect(managedAfter(adopting, grantFailed)).toBe(4);
  });
});
