import { describe, expect, it } from 'vitest';
import type { DesiredResource, LiveResource } from '../../src/model/index.js';
import { computePlan } from '../../src/plan/compute-plan.js';
import type { Plan } from '../../src/plan/types.js';
import { renderPlanMarkdown } from '../../src/render/plan-markdown.js';
import { renderPlanText, summaryLine } from '../../src/render/plan-text.js';
import { stripAnsi } from '../../src/render/symbols.js';
import {
  arnFor, desiredConfig, desiredGrant, desiredShare, desiredState, liveConfig, liveGrant, liveShare, liveState, planContext,
} from '../helpers/builders.js';
import { everyActionPlan } from './scenarios.js';

const planOf = (desired: readonly DesiredResource[], live: readonly LiveResource[], prune = true): Plan =>
  computePlan(desiredState(desired, { prune }), liveState(live), planContext());
/** The text between the legend and the closing sections: the changes alone. */
const changesOf = (plan: Plan) => {
  const marker = 'licensectl will perform the following actions:\n\n';
  const text = renderPlanText(plan, { color: false });
  return text.slice(text.indexOf(marker) + marker.length, text.lastIndexOf('\n\n'));
};

describe('renderPlanText', () => {
  it('shows the fields that change, with + for added, - for removed and ~ for changed', () => {
    const plan = planOf([desiredConfig('c', { licenseCount: 256, expiry: null }, { tags: { team: 'platform' } })], [liveConfig('c', { licenseCount: 128, expiry: '2027-06-30T00:00:00Z' })]);
    expect(changesOf(plan)).toBe([
      '  # LicenseConfiguration/c will be updated in place',
      `  ~ LicenseConfiguration/c (${arnFor('LicenseConfiguration', 'c')})`,
      '      - expiry: "2027-06-30T00:00:00Z"',
      '      ~ licenseCount: 128 → 256',
      '      + tags.team: "platform"',
    ].join('\n'));
  });

  it('shows a create with every field it sets, and a delete with its ARN', () => {
    const plan = planOf([desiredShare('s', { licenseConfigurations: ['c'] })], [liveGrant('g')]);
    expect(changesOf(plan)).toBe([
      '  # ResourceShare/s will be created',
      '  + ResourceShare/s',
      '      + allowExternalPrincipals: false',
      '      + displayName: "s"',
      '      + licenseConfigurations: ["c"]',
      '      + principals: ["222233334444"]',
      '',
      '  # Grant/g will be deleted: no longer in the desired state (prune is on)',
      `  - Grant/g (${arnFor('Grant', 'g')})`,
    ].join('\n'));
  });

  it('says why a resource is replaced and marks the field that forces it', () => {
    const plan = planOf([desiredGrant('g', { principal: 'arn:aws:iam::555566667777:root', status: 'DISABLED' })], [liveGrant('g')]);
    expect(changesOf(plan)).toBe([
      '  # Grant/g must be replaced: principal cannot change in place',
      `-/+ Grant/g (${arnFor('Grant', 'g')})`,
      '      ~ principal: "arn:aws:iam::222233334444:root" → "arn:aws:iam::555566667777:root"  # forces replacement',
      '      ~ status: "ACTIVE" → "DISABLED"',
    ].join('\n'));
  });

  it('puts the warnings of a shown change under it, and those of unchanged resources in the warnings section', () => {
    const plan = planOf(
      [desiredConfig('c', { licenseCount: null, description: 'x' }), desiredGrant('g')],
      [liveConfig('c', { licenseCount: 5 }), liveGrant('g', {}, { meta: { status: 'PENDING_ACCEPT' } })],
    );
    const text = renderPlanText(plan, { color: false });
    expect(text).toContain('      ~ description: "" → "x"\n      ! licenseCount cannot be removed through the API; it stays 5\n');
    expect(text).toContain('Warnings:\n  ! Grant/g: awaiting acceptance by the grantee (status PENDING_ACCEPT)\n');
  });

  it('ends with "No changes." when nothing changes, even with warnings to show', () => {
    const text = renderPlanText(planOf([], [liveShare('s')], false), { color: false });
    expect(text).toBe([
      'Plan for project acme-licenses',
      '  target: emulator, account 000000000000, region us-east-1',
      '  desired state: revision 3f2c1a9e',
      '',
      'Warnings:',
      '  ! ResourceShare/s is no longer in the desired state but prune is off; it is kept',
      '',
      'No changes. The account matches the desired state.',
      '',
    ].join('\n'));
  });

  it('names the endpoint and an uncommitted working tree in the header', () => {
    const plan = computePlan(desiredState([]), liveState([]), planContext({
      target: { store: 'aws', account: '123456789012', region: 'eu-west-1', endpoint: 'http://127.0.0.1:4566' },
      source: { revision: 'abc123', dirty: true },
    }));
    expect(renderPlanText(plan, { color: false }).split('\n').slice(0, 3)).toEqual([
      'Plan for project acme-licenses',
      '  target: aws, account 123456789012, region eu-west-1, endpoint http://127.0.0.1:4566',
      '  desired state: revision abc123 with uncommitted changes',
    ]);
  });

  it('colours symbols when asked, and says the same thing without colour', () => {
    const plain = renderPlanText(everyActionPlan(), { color: false });
    const colored = renderPlanText(everyActionPlan(), { color: true });
    expect(plain).not.toContain('\u001b[');
    expect(colored).toContain('\u001b[32m+\u001b[39m LicenseConfiguration/oracle-ee');
    expect(colored).toContain('\u001b[35m-/+\u001b[39m LicenseConfiguration/sql-legacy');
    expect(stripAnsi(colored)).toBe(plain);
  });
});

describe('unmanaged instance pairs', () => {
  it('are one line per configuration in text and markdown; JSON keeps each pair', () => {
    const config = arnFor('LicenseConfiguration', 'win', '999988887777');
    const pair = (id: string) => ({ kind: 'Association' as const, arn: config, displayName: `arn:aws:ec2:us-east-1:999988887777:instance/${id}`, owner: 'unmanaged' as const });
    const ami = { kind: 'Association' as const, arn: config, displayName: 'arn:aws:ec2:us-east-1::image/ami-0win', owner: 'unmanaged' as const };
    const plan = computePlan(desiredState([]), { ...liveState([]), others: [ami, pair('i-01'), pair('i-02'), pair('i-03')] }, planContext());
    const text = renderPlanText(plan, { color: false });
    expect(text).toContain(`  Association "3 instances" ${config} (unmanaged)`);
    expect(text).toContain(`  Association "arn:aws:ec2:us-east-1::image/ami-0win" ${config} (unmanaged)`);
    expect(text).not.toContain('i-02');
    expect(renderPlanMarkdown(plan)).toContain('| Association | 3 instances |');
    expect(plan.unmanaged).toHaveLength(4);
  });
});

describe('summaryLine', () => {
  it('counts every action but no-ops', () => {
    expect(summaryLine({ create: 1, update: 2, replace: 3, delete: 4, noop: 5 })).toBe('Plan: 1 to create, 2 to update, 3 to replace, 4 to delete.');
    expect(summaryLine({ create: 0, update: 0, replace: 0, delete: 0, noop: 5 })).toBe('No changes. The account matches the desired state.');
  });

  it('under --target, says the account matches only when nothing outside the targets differs', () => {
    const none = { create: 0, update: 0, replace: 0, delete: 0, noop: 1 };
    const targeted = (otherChanges: number) => ({ addresses: ['Grant/g' as const], otherChanges });
    expect(summaryLine(none, targeted(3))).toBe('No changes to the targeted resources. 3 other resources differ from the desired state; plan without --target to see them.');
    expect(summaryLine(none, targeted(1))).toBe('No changes to the targeted resources. 1 other resource differs from the desired state; plan without --target to see them.');
    expect(summaryLine(none, targeted(0))).toBe('No changes. The targeted resources match the desired state, and so does the rest of the account.');
    expect(summaryLine({ ...none, create: 1 }, targeted(2))).toBe('Plan: 1 to create, 0 to update, 0 to replace, 0 to delete. 2 other resources differ from the desired state; plan without --target to see them.');
    expect(summaryLine({ ...none, create: 1 }, targeted(0))).toBe('Plan: 1 to create, 0 to update, 0 to replace, 0 to delete.');
  });

  it('ends a targeted plan with that line', () => {
    const plan = computePlan(
      desiredState([desiredConfig('a'), desiredConfig('b', { licenseCount: 5 })]),
      liveState([liveConfig('a'), liveConfig('b')]),
      planContext({ targets: ['LicenseConfiguration/a'] }),
    );
    expect(renderPlanText(plan, { color: false }).trimEnd().split('\n').at(-1)).toBe(
      'No changes to the targeted resources. 1 other resource differs from the desired state; plan without --target to see them.',
    );
  });
});
