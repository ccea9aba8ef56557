import { describe, expect, it } from 'vitest';
import { actedOn, computePlan } from '../../src/plan/compute-plan.js';
import { ABSENT_FINGERPRINT, fingerprintOf } from '../../src/plan/plan-change.js';
import {
  arnFor, desiredConfig, desiredGrant, desiredLicense, desiredShare, desiredState, foreign, liveConfig, liveFrom,
  liveGrant, liveLicense, liveShare, liveState, planContext, unmanaged,
} from '../helpers/builders.js';

describe('computePlan', () => {
  it('creates what is only desired, with the fingerprint of absence and the desired body', () => {
    const wanted = desiredConfig('windows-server', {}, { tags: { team: 'platform' }, source: { file: 'licenses.yaml', line: 3, column: 1 } });
    const plan = computePlan(desiredState([wanted]), liveState([]), planContext());
    expect(plan.changes).toEqual([{
      address: 'LicenseConfiguration/windows-server', kind: 'LicenseConfiguration', name: 'windows-server',
      action: 'create', arn: null, diff: [], fingerprint: ABSENT_FINGERPRINT, reasons: [], warnings: [],
      before: null, after: { tags: wanted.tags, spec: wanted.spec }, meta: null,
      source: { file: 'licenses.yaml', line: 3, column: 1 },
    }]);
    expect(plan.summary).toEqual({ create: 1, update: 0, replace: 0, delete: 0, noop: 0 });
  });

  it('is a no-op where desired and live agree, and an update where they differ', () => {
    const plan = computePlan(
      desiredState([desiredConfig('a'), desiredConfig('b', { licenseCount: 256 })]),
      liveState([liveConfig('a'), liveConfig('b', { licenseCount: 128 })]),
      planContext(),
    );
    expect(plan.changes.map((c) => [c.address, c.action, c.arn])).toEqual([
      ['LicenseConfiguration/a', 'no-op', arnFor('LicenseConfiguration', 'a')],
      ['LicenseConfiguration/b', 'update', arnFor('LicenseConfiguration', 'b')],
    ]);
    expect(plan.changes[1]!.diff).toEqual([{ path: 'licenseCount', before: 128, after: 256 }]);
    expect(plan.changes[1]!.fingerprint).toBe(fingerprintOf(liveConfig('b', { licenseCount: 128 })));
  });

  it('deletes what is only live when prune is on', () => {
    const plan = computePlan(desiredState([]), liveState([liveShare('old')]), planContext());
    expect(plan.changes[0]).toMatchObject({ action: 'delete', arn: arnFor('ResourceShare', 'old'), after: null, reasons: ['no longer in the desired state (prune is on)'] });
  });

  it('keeps what is only live when prune is off, and says so', () => {
    const plan = computePlan(desiredState([], { prune: false }), liveState([liveShare('old')]), planContext());
    expect(plan.changes).toEqual([]);
    expect(plan.warnings).toEqual(['ResourceShare/old is no longer in the desired state but prune is off; it is kept']);
    expect(plan.prune).toBe(false);
  });

  it('lets the caller override the project prune setting', () => {
    const off = computePlan(desiredState([], { prune: true }), liveState([liveShare('old')]), planContext({ prune: false }));
    const on = computePlan(desiredState([], { prune: false }), liveState([liveShare('old')]), planContext({ prune: true }));
    expect([off.summary.delete, on.summary.delete]).toEqual([0, 1]);
  });

  it('never plans to clear a licenseCount, which AWS cannot do', () => {
    const plan = computePlan(desiredState([desiredConfig('c', { licenseCount: null })]), liveState([liveConfig('c', { licenseCount: 128 })]), planContext());
    expect(plan.changes[0]).toMatchObject({ action: 'no-op', diff: [], warnings: ['licenseCount cannot be removed through the API; it stays 128'] });
  });

  it('does drop a licenseCount when the configuration is replaced anyway', () => {
    const plan = computePlan(
      desiredState([desiredConfig('c', { licenseCount: null, countingType: 'Socket' })]),
      liveState([liveConfig('c', { licenseCount: 128, countingType: 'Core' })]),
      planContext(),
    );
    expect(plan.changes[0]).toMatchObject({ action: 'replace', warnings: [] });
    expect(plan.changes[0]!.diff.map((d) => d.path)).toEqual(['countingType', 'licenseCount']);
  });

  it('plans nothing for an address held by several live resources', () => {
    const arns = ['arn:aws:license-manager:us-east-1:000000000000:license-configuration:lic-2', 'arn:aws:license-manager:us-east-1:000000000000:license-configuration:lic-1'];
    const plan = computePlan(
      desiredState([desiredConfig('c')]),
      liveState([liveConfig('c', {}, { arn: arns[0] }), liveConfig('c', {}, { arn: arns[1] })]),
      planContext(),
    );
    expect(plan.changes).toEqual([]);
    expect(plan.duplicates).toEqual([{ address: 'LicenseConfiguration/c', arns: [arns[1], arns[0]] }]);
    expect(plan.warnings).toEqual([
      `LicenseConfiguration/c matches 2 live resources with the same ownership tags (${arns[1]}, ${arns[0]}); nothing is planned for it until all but one are removed`,
    ]);
  });

  it('plans one declaration of an address declared twice, the same one whatever the order, and warns', () => {
    const [a, b] = [desiredConfig('c', { licenseCount: 1 }), desiredConfig('c', { licenseCount: 2 })];
    const plans = [[a, b], [b, a]].map((resources) => computePlan(desiredState(resources), liveState([]), planContext()));
    expect(plans[0]).toEqual(plans[1]);
    expect(plans[0]!.changes).toHaveLength(1);
    expect(plans[0]!.warnings).toEqual(['LicenseConfiguration/c is declared more than once in the desired state; only one declaration is planned']);
  });

  it('honours the duplicates the store reports', () => {
    const duplicate = { address: 'Grant/g' as const, arns: ['arn:b', 'arn:a'] };
    const plan = computePlan(desiredState([desiredGrant('g')]), liveState([], { duplicates: [duplicate] }), planContext());
    expect([plan.changes, plan.duplicates]).toEqual([[], [{ address: 'Grant/g', arns: ['arn:a', 'arn:b'] }]]);
  });

  it('lists foreign and unmanaged resources, sorted by kind then ARN, and never acts on them', () => {
    const others = [foreign('Grant', 'theirs', 'other-project'), unmanaged('LicenseConfiguration', 'by-hand', 'SQL Server')];
    const plan = computePlan(desiredState([]), liveState([], { others }), planContext());
    expect(plan.unmanaged).toEqual([others[1], others[0]]);
    expect(plan.changes).toEqual([]);
  });

  it('sorts changes by kind in dependency order, then name', () => {
    const resources = [desiredGrant('a'), desiredShare('b'), desiredLicense('c'), desiredConfig('d'), desiredConfig('a')];
    const plan = computePlan(desiredState(resources), liveState([]), planContext());
    expect(plan.changes.map((c) => c.address)).toEqual([
      'LicenseConfiguration/a', 'LicenseConfiguration/d', 'License/c', 'ResourceShare/b', 'Grant/a',
    ]);
  });

  it('carries the context into the plan', () => {
    const plan = computePlan(desiredState([]), liveState([]), planContext());
    expect(plan).toMatchObject({
      formatVersion: '1', project: 'acme-licenses', createdAt: '2026-03-01T12:00:00Z', prune: true,
      source: { revision: '3f2c1a9e', dirty: false }, target: { store: 'emulator', account: '000000000000' },
    });
  });

  it('plans a desired state against its own live image as no-ops only', () => {
    const desired = desiredState([desiredConfig('c'), desiredLicense('analytics-pro'), desiredShare('s', { licenseConfigurations: ['c'] }), desiredGrant('g')]);
    expect(computePlan(desired, liveFrom(desired), planContext()).changes.map((c) => c.action)).toEqual(['no-op', 'no-op', 'no-op', 'no-op']);
  });
});

describe('computePlan: what follows a replace', () => {
  it('updates a share that keeps listing a replaced configuration, to associate the new one', () => {
    const plan = computePlan(
      desiredState([desiredConfig('c', { countingType: 'Socket' }), desiredShare('s', { licenseConfigurations: ['c'] })]),
      liveState([liveConfig('c', { countingType: 'Core' }), liveShare('s', { licenseConfigurations: ['c'] })]),
      planContext(),
    );
    expect(plan.changes[1]).toMatchObject({ address: 'ResourceShare/s', action: 'update', diff: [], reasons: ['re-associates LicenseConfiguration/c, which is replaced'] });
  });

  it('replaces a grant on a replaced license, since a grant cannot move to another license', () => {
    const plan = computePlan(
      desiredState([desiredLicense('l', { productSku: 'new' }), desiredGrant('g', { license: 'l', displayName: 'renamed' })]),
      liveState([liveLicense('l'), liveGrant('g', { license: 'l' })]),
      planContext(),
    );
    expect(plan.changes[1]).toMatchObject({
      address: 'Grant/g', action: 'replace', reasons: ['License/l is replaced and a grant cannot move to another license'],
      diff: [{ path: 'displayName', before: 'g', after: 'renamed' }],
    });
  });

  it('leaves alone what refers to the replaced resource by ARN', () => {
    const plan = computePlan(
      desiredState([desiredLicense('l', { productSku: 'new' }), desiredGrant('g', { license: 'arn:aws:license-manager::111122223333:license:l-1' })]),
      liveState([liveLicense('l'), liveGrant('g', { license: 'arn:aws:license-manager::111122223333:license:l-1' })]),
      planContext(),
    );
    expect(plan.changes[1]).toMatchObject({ address: 'Grant/g', action: 'no-op' });
  });
});

describe('actedOn: which of the candidates the plan would change', () => {
  const candidates = new Set(['Grant/a', 'Grant/b', 'Grant/c'] as const);

  it('agrees with computePlan: changed grants and grants whose license is replaced, not the ones left alone', () => {
    const desired = desiredState([
      desiredLicense('l1', { productSku: 'new-sku' }), desiredLicense('l2'),
      desiredGrant('a', { license: 'l1' }), desiredGrant('b', { license: 'l2', allowedOperations: ['CheckoutLicense'] }), desiredGrant('c', { license: 'l2' }),
    ]);
    const live = liveState([
      liveLicense('l1'), liveLicense('l2'),
      liveGrant('a', { license: 'l1' }), liveGrant('b', { license: 'l2', allowedOperations: ['CheckoutLicense', 'CheckInLicense'] }), liveGrant('c', { license: 'l2' }),
    ]);
    const acted = actedOn(desired, live, candidates);
    const planned = computePlan(desired, live, planContext()).changes.filter((c) => c.action !== 'no-op' && candidates.has(c.address as never)).map((c) => c.address);
    expect([...acted].sort()).toEqual(['Grant/a', 'Grant/b']);
    expect([...acted].sort()).toEqual(planned);
  });

  it('names only candidates', () => {
    const desired = desiredState([desiredConfig('x', { licenseCount: 2 }), desiredGrant('c')]);
    const live = liveState([liveConfig('x', { licenseCount: 1 }), liveGrant('c')]);
    expect([...actedOn(desired, live, candidates)]).toEqual([]);
  });
});
