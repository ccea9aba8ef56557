import { ListLicenseConfigurationsCommand, ListLicensesCommand } from '@aws-sdk/client-license-manager';
import { GetResourceSharesCommand } from '@aws-sdk/client-ram';
import { describe, expect, it } from 'vitest';
import { Emulator, type CallContext } from '../../../src/emulator/index.js';
import { lmClient, ramClient } from '../../helpers/emulator.js';
import { lmRequest } from './raw-requests.js';

describe('the Emulator object', () => {
  it('counts calls per operation, sorted by name, until reset', async () => {
    const emulator = new Emulator();
    const lm = lmClient(emulator);
    await lm.send(new ListLicensesCommand({}));
    await lm.send(new ListLicenseConfigurationsCommand({}));
    await lm.send(new ListLicenseConfigurationsCommand({}));
    await ramClient(emulator).send(new GetResourceSharesCommand({ resourceOwner: 'SELF' }));
    expect(emulator.callCounts()).toEqual({ GetResourceShares: 1, ListLicenseConfigurations: 2, ListLicenses: 1 });
    expect(Object.keys(emulator.callCounts())).toEqual(['GetResourceShares', 'ListLicenseConfigurations', 'ListLicenses']);
    emulator.resetCallCounts();
    expect(emulator.callCounts()).toEqual({});
  });

  it('commits direct state changes as one mutation, and discards a change that throws', async () => {
    const emulator = new Emulator();
    await emulator.mutate((state) => void (state.licenseManager.tags['arn:x'] = { a: '1' }));
    expect(emulator.snapshot()).toMatchObject({ revision: 1, licenseManager: { tags: { 'arn:x': { a: '1' } } } });
    const failing = emulator.mutate((state) => {
      state.licenseManager.tags['arn:x'] = { a: '2' };
      throw new Error('half done');
    });
    await expect(failing).rejects.toThrow('half done');
    expect(emulator.snapshot()).toMatchObject({ revision: 1, licenseManager: { tags: { 'arn:x': { a: '1' } } } });
  });

  it('hands handlers the clock, the share delay and seeded ids', async () => {
    const seen: Array<Pick<CallContext, 'now' | 'delays'> & { id: string; uuid: string }> = [];
    const now = new Date('2026-03-01T12:00:00Z');
    const emulator = new Emulator({
      seed: 3,
      now: () => now,
      shareDelayMs: 250,
      operations: [{ service: 'license-manager', name: 'GetServiceSettings', readOnly: true, handler: (ctx) => (seen.push({ now: ctx.now, delays: ctx.delays, id: ctx.ids.hex32(), uuid: ctx.ids.uuid() }), {}) }],
    });
    await emulator.handle(lmRequest('GetServiceSettings', {}));
    expect(seen).toEqual([{ now, delays: { shareMs: 250 }, id: expect.stringMatching(/^[0-9a-f]{32}$/), uuid: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/) }]);
  });
});
