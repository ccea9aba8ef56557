// The organization model: ids stable across applies, ARNs in AWS's forms, and who a principal reaches.
import { describe, expect, it } from 'vitest';
import { emptyState } from '../../../src/emulator/core/service-contract.js';
import { accountsReachedBy, membersOf, organizationFrom, organizationOf, sameOrganization } from '../../../src/emulator/organizations/organization.js';

const DECLARED = {
  managementAccount: '111122223333', sharingWithOrganization: true,
  units: [{ name: 'prod', accounts: ['222233334444'], units: [{ name: 'prod-eu', accounts: ['333344445555'] }] }],
  accounts: ['444455556666'],
};

describe('the emulated organization', () => {
  it('derives ids and ARNs from the declaration, the same every time, and keeps join times', () => {
    const first = organizationFrom(DECLARED, 100);
    const again = organizationFrom(DECLARED, 200, first);
    expect(again).toEqual(first);
    expect(first.arn).toMatch(/^arn:aws:organizations::111122223333:organization\/o-[a-z0-9]{10}$/);
    expect(first.units.map((u) => u.arn)).toEqual([
      expect.stringMatching(new RegExp(`^arn:aws:organizations::111122223333:ou/${first.id}/ou-[a-z0-9]{4}-[a-z0-9]{8}$`)),
      expect.stringMatching(/ou-[a-z0-9]{4}-[a-z0-9]{8}$/),
    ]);
    expect(first.units[1]!.parentId).toBe(first.units[0]!.id);
    expect(membersOf(first)).toEqual(['111122223333', '222233334444', '333344445555', '444455556666']);
    const grown = organizationFrom({ ...DECLARED, accounts: ['444455556666', '555566667777'] }, 300, first);
    expect(grown.joined).toMatchObject({ '111122223333': 100, '555566667777': 300 });
  });

  it('a principal reaches: an account itself, an OU its subtree, the organization every member; outsiders share nothing', () => {
    const state = emptyState();
    expect(organizationOf(state)).toBeUndefined();
    const org = organizationFrom(DECLARED, 0);
    state.organizations.current = org as unknown as Record<string, unknown>;
    expect(accountsReachedBy(state, org.units[0]!.arn)).toEqual(['222233334444', '333344445555']);
    expect(accountsReachedBy(state, org.units[1]!.arn)).toEqual(['333344445555']);
    expect(accountsReachedBy(state, org.arn)).toEqual(membersOf(org));
    expect(accountsReachedBy(state, 'arn:aws:iam::999999999999:root')).toEqual(['999999999999']);
    expect(accountsReachedBy(state, 'arn:aws:organizations::111122223333:ou/o-other/ou-x-y')).toEqual([]);
    expect(sameOrganization(state, '111122223333', '333344445555')).toBe(true);
    expect(sameOrganization(state, '111122223333', '999999999999')).toBe(false);
  });
});
