// A transaction's changes are found from what it wrote, record by record: what a handler touched deep inside a
// record, a record added or deleted, a collection replaced whole; a handler that throws leaves everything as it was;
// and the committed state holds plain copies, never the draft's proxies or objects a caller still holds.
import { types } from 'node:util';
import { describe, expect, it } from 'vitest';
import { emptyState, type EmulatorState } from '../../../src/emulator/core/service-contract.js';
import { applyChanges, runTracked } from '../../../src/emulator/core/state-changes.js';

function withTwo(): EmulatorState {
  const state = emptyState();
  state.licenseManager.licenseConfigurations = { a: { Name: 'a', Rules: ['x'] }, b: { Name: 'b' } };
  state.clientTokens = { t: { requestHash: 'h', response: {} } };
  return state;
}

describe('a tracked transaction', () => {
  it('reports each record it changed once, whatever it touched inside it, and bumps the revision', () => {
    const state = withTwo();
    const { result, commit } = runTracked(state, (draft) => {
      (draft.licenseManager.licenseConfigurations.a!.Rules as string[]).push('y');
      draft.licenseManager.licenseConfigurations.a!.Name = 'A';
      delete draft.licenseManager.licenseConfigurations.b;
      draft.clientTokens.u = { requestHash: 'k', response: { ok: true } };
      return Object.keys(draft.licenseManager.licenseConfigurations).length;
    });
    expect(result).toBe(1);
    expect(commit.revision).toBe(1);
    expect(commit.changes).toEqual([
      { path: ['licenseManager', 'licenseConfigurations', 'a'], value: { Name: 'A', Rules: ['x', 'y'] } },
      { path: ['licenseManager', 'licenseConfigurations', 'b'] },
      { path: ['clientTokens', 'u'], value: { requestHash: 'k', response: { ok: true } } },
    ]);
    expect(JSON.parse(commit.json)).toEqual({ revision: commit.revision, changes: JSON.parse(JSON.stringify(commit.changes)) });
  });

  it('reports nothing for records it only read', () => {
    const state = withTwo();
    const { commit } = runTracked(state, (draft) => Object.values(draft.licenseManager.licenseConfigurations).map((c) => c.Name));
    expect(commit.changes).toEqual([]);
  });

  it('reports a collection replaced whole as one change, records written inside it included', () => {
    const state = withTwo();
    const { commit } = runTracked(state, (draft) => {
      draft.licenseManager.licenseConfigurations.a!.Name = 'A';
      draft.licenseManager.licenseConfigurations = { c: { Name: 'c' } };
      draft.licenseManager.licenseConfigurations.d = { Name: 'd' };
    });
    expect(commit.changes).toEqual([{ path: ['licenseManager', 'licenseConfigurations'], value: { c: { Name: 'c' }, d: { Name: 'd' } } }]);
  });

  it('puts everything back when the mutation throws', () => {
    const state = withTwo();
    const before = JSON.stringify(state);
    expect(() =>
      runTracked(state, (draft) => {
        (draft.licenseManager.licenseConfigurations.a!.Rules as string[]).push('y');
        delete draft.licenseManager.licenseConfigurations.b;
        draft.licenseManager.licenseConfigurations = {};
        draft.licenseManager.licenseConfigurations.z = { Name: 'z' };
        draft.ram.resourceShares.s = { name: 's' };
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(JSON.stringify(state)).toBe(before);
  });

  it('stores plain copies: no proxy, nothing shared with the caller or between records', () => {
    const state = withTwo();
    const tags = { team: 'data' };
    runTracked(state, (draft) => {
      draft.licenseManager.tags.a = tags;
      draft.licenseManager.licenseConfigurations.c = draft.licenseManager.licenseConfigurations.a!;
    });
    tags.team = 'changed';
    const configurations = state.licenseManager.licenseConfigurations;
    expect(state.licenseManager.tags.a).toEqual({ team: 'data' });
    expect([types.isProxy(configurations.c), types.isProxy(configurations.c!.Rules)]).toEqual([false, false]);
    expect(configurations.c).not.toBe(configurations.a);
  });

  it('replays on another copy of the state to the same state', () => {
    const state = withTwo();
    const replica = withTwo();
    const { commit } = runTracked(state, (draft) => {
      draft.licenseManager.licenseConfigurations.a!.Name = 'A';
      delete draft.licenseManager.licenseConfigurations.b;
      draft.fleet.hosts.h = { HostId: 'h-1' };
    });
    applyChanges(replica, JSON.parse(commit.json) as typeof commit);
    expect(replica).toEqual(state);
  });
});
