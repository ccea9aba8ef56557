// The faults' admin path (GET/POST /_licensectl/faults): options changed while the emulator runs, throttling
// scoped to some accounts, malformed options refused.
import { ListLicenseConfigurationsCommand } from '@aws-sdk/client-license-manager';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FaultController } from '../../../src/emulator/core/faults.js';
import { adminResponse } from '../../../src/emulator/fleet/admin-http.js';
import { failureOf, lmClient, testEmulator } from '../../helpers/emulator.js';

describe('/_licensectl/faults', () => {
  it('sets throttling for one account only, and removes it with null', async () => {
    const emulator = testEmulator();
    const set = await adminResponse(emulator, 'POST', '/_licensectl/faults', JSON.stringify({ throttleRate: 1, throttleAccounts: ['111122223333'] }));
    expect(set.status).toBe(200);
    expect(JSON.parse(set.body)).toMatchObject({ throttleRate: 1, throttleAccounts: ['111122223333'] });
    const throttled = lmClient(emulator, { account: '111122223333', attempts: 1 });
    const other = lmClient(emulator, { account: '222233334444', attempts: 1 });
    expect((await failureOf(throttled.send(new ListLicenseConfigurationsCommand({})))).name).toBe('RateLimitExceededException');
    await expect(other.send(new ListLicenseConfigurationsCommand({}))).resolves.toMatchObject({ LicenseConfigurations: [] });
    await adminResponse(emulator, 'POST', '/_licensectl/faults', JSON.stringify({ throttleRate: null }));
    await expect(throttled.send(new ListLicenseConfigurationsCommand({}))).resolves.toMatchObject({ LicenseConfigurations: [] });
    expect(JSON.parse((await adminResponse(emulator, 'GET', '/_licensectl/faults', '')).body)).toEqual({ throttleAccounts: ['111122223333'] });
  });

  it('refuses malformed options', async () => {
    const emulator = testEmulator();
    for (const body of [{ throttleRate: 2 }, { latencyMs: '5' }, { throttleAccounts: ['12'] }, { nope: 1 }]) {
      const answer = await adminResponse(emulator, 'POST', '/_licensectl/faults', JSON.stringify(body));
      expect(answer.status).toBe(400);
    }
  });
});

describe('throttleRps: a token bucket per account', () => {
  afterEach(() => vi.useRealTimers());

  it('throttles an account past its calls a second, refills with time, and leaves the other accounts alone', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(0);
    const faults = new FaultController({ throttleRps: 2, throttleAccounts: ['111122223333'] }, new Set(), () => 1);
    const call = async (account: string) => (await faults.inject('license-manager', 'ListLicenses', undefined, account))?.type ?? 'ok';
    expect([await call('111122223333'), await call('111122223333'), await call('111122223333')]).toEqual(['ok', 'ok', 'RateLimitExceededException']);
    expect([await call('222233334444'), await call('222233334444'), await call('222233334444')]).toEqual(['ok', 'ok', 'ok']);
    vi.setSystemTime(500); // half a second: one token back
    expect([await call('111122223333'), await call('111122223333')]).toEqual(['ok', 'RateLimitExceededException']);
  });
});
