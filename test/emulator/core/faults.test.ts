import {
  CreateLicenseConfigurationCommand, ListLicenseConfigurationsCommand, type LicenseManagerServiceException,
  UpdateLicenseConfigurationCommand,
} from '@aws-sdk/client-license-manager';
import { GetResourceSharesCommand } from '@aws-sdk/client-ram';
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { Emulator, startServer } from '../../../src/emulator/index.js';
import { lmClient, ramClient } from '../../helpers/emulator.js';
import { lmRequest } from './raw-requests.js';

const create = new CreateLicenseConfigurationCommand({ Name: 'windows', LicenseCountingType: 'Core' });
const list = new ListLicenseConfigurationsCommand({});

async function rejection(promise: Promise<unknown>): Promise<LicenseManagerServiceException> {
  return (await promise.then(() => undefined, (e: unknown) => e)) as LicenseManagerServiceException;
}

describe('failNext', () => {
  it('fails exactly the next N calls of one operation; the SDK retries the 500s and then succeeds', async () => {
    const emulator = new Emulator();
    emulator.faults.failNext('CreateLicenseConfiguration', 2);
    const out = await lmClient(emulator).send(create);
    expect(out.$metadata.attempts).toBe(3);
    expect(emulator.callCounts()).toEqual({ CreateLicenseConfiguration: 3 });
    expect(Object.keys(emulator.snapshot().licenseManager.licenseConfigurations)).toHaveLength(1);
  });

  it('injects the given error, before the handler runs, so the state does not change', async () => {
    const emulator = new Emulator();
    emulator.faults.failNext('CreateLicenseConfiguration', 1, { type: 'AccessDeniedException', status: 401, message: 'nope' });
    const error = await rejection(lmClient(emulator).send(create));
    expect([error.name, error.$metadata.httpStatusCode, error.message]).toEqual(['AccessDeniedException', 401, 'nope']);
    expect(emulator.snapshot().licenseManager.licenseConfigurations).toEqual({});
    expect(emulator.snapshot().revision).toBe(0);
  });

  it('leaves other operations alone', async () => {
    const emulator = new Emulator();
    emulator.faults.failNext('CreateLicenseConfiguration', 5);
    expect((await lmClient(emulator).send(list)).$metadata.attempts).toBe(1);
  });

  it('refuses an operation the emulator does not serve, naming the valid keys', () => {
    expect(() => new Emulator().faults.failNext('CreateLicenseConfigurations', 1)).toThrow(/no operation CreateLicenseConfigurations/);
  });

  it('keys operations that both services have by service', async () => {
    const emulator = new Emulator();
    expect(() => emulator.faults.failNext('TagResource', 1)).toThrow(
      expect.objectContaining({ code: 'EMULATOR_UNKNOWN_OPERATION', hint: expect.stringMatching(/license-manager:TagResource, .*ram:TagResource/) }),
    );
    expect(() => emulator.faults.failNext('ram:TagResource', 1)).not.toThrow();
  });
});

describe('random faults', () => {
  it('throttles License Manager with a 429 RateLimitExceededException, which the SDK retries', async () => {
    const emulator = new Emulator({ faults: { throttleRate: 1 } });
    const error = await rejection(lmClient(emulator).send(list));
    expect([error.name, error.$metadata.httpStatusCode, error.$metadata.attempts]).toEqual(['RateLimitExceededException', 429, 3]);
  });

  it('throttles RAM with a 429 ThrottlingException', async () => {
    const emulator = new Emulator({ faults: { throttleRate: 1 } });
    const error = await rejection(ramClient(emulator).send(new GetResourceSharesCommand({ resourceOwner: 'SELF' })));
    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['ThrottlingException', 429]);
    expect(emulator.callCounts()).toEqual({ GetResourceShares: 3 });
  });

  it('answers errorRate failures with 500 ServerInternalException', async () => {
    const emulator = new Emulator({ faults: { errorRate: 1 } });
    const error = await rejection(lmClient(emulator).send(list));
    expect([error.name, error.$metadata.httpStatusCode, error.$fault]).toEqual(['ServerInternalException', 500, 'server']);
  });

  it('draws from the given random source, so a scripted sequence gives a known outcome', async () => {
    const draws = [0.1, 0.9];
    const emulator = new Emulator({ faults: { throttleRate: 0.5, random: () => draws.shift() ?? 1 } });
    const out = await lmClient(emulator).send(list);
    expect(out.$metadata.attempts).toBe(2);
  });

  it('can be changed and cleared at run time', async () => {
    const emulator = new Emulator();
    emulator.faults.set({ errorRate: 1 });
    expect((await rejection(lmClient(emulator).send(list))).name).toBe('ServerInternalException');
    emulator.faults.clear();
    expect((await lmClient(emulator).send(list)).$metadata.attempts).toBe(1);
  });

  it('adds latency to every call', async () => {
    const emulator = new Emulator({ faults: { latencyMs: 40 } });
    const started = performance.now();
    await lmClient(emulator).send(list);
    expect(performance.now() - started).toBeGreaterThanOrEqual(39);
  });
});

describe('late writes (writeDelayMs)', () => {
  /** Resolves once the emulator has received `count` calls of `operation`. */
  async function arrived(emulator: Emulator, operation: string, count = 1): Promise<void> {
    while ((emulator.callCounts()[operation] ?? 0) < count) await new Promise((resolve) => setImmediate(resolve));
  }
  const configurations = (emulator: Emulator) => Object.keys(emulator.snapshot().licenseManager.licenseConfigurations);

  it('commits a write after the delay and answers it then; reads meanwhile are answered at once without it', async () => {
    const emulator = new Emulator({ faults: { writeDelayMs: 500 } });
    const client = lmClient(emulator);
    const created = client.send(create);
    await arrived(emulator, 'CreateLicenseConfiguration');
    expect(configurations(emulator)).toEqual([]);
    expect((await client.send(list)).LicenseConfigurations).toEqual([]);
    const { LicenseConfigurationArn } = await created;
    expect(configurations(emulator)).toEqual([LicenseConfigurationArn]);
    expect((await client.send(list)).LicenseConfigurations!.map((c) => c.LicenseConfigurationArn)).toEqual([LicenseConfigurationArn]);
  });

  it('commits the write of a client that gave up waiting: the client sees an abort, the state the write', async () => {
    const emulator = new Emulator({ faults: { writeDelayMs: 200 } });
    const controller = new AbortController();
    const created = lmClient(emulator).send(create, { abortSignal: controller.signal });
    await arrived(emulator, 'CreateLicenseConfiguration');
    controller.abort();
    expect((await rejection(created)).name).toBe('AbortError');
    expect(configurations(emulator)).toEqual([]);
    await emulator.faults.settled();
    expect(configurations(emulator)).toHaveLength(1);
  });

  it('commits the write of an HTTP client that disconnected from the served emulator', async () => {
    const emulator = new Emulator({ faults: { writeDelayMs: 200 } });
    const server = await startServer(emulator, { port: 0 });
    try {
      const raw = lmRequest('CreateLicenseConfiguration', { Name: 'gone', LicenseCountingType: 'vCPU' });
      const req = request(`${server.url}/`, { method: 'POST', headers: raw.headers });
      req.on('error', () => undefined);
      req.end(raw.body);
      await arrived(emulator, 'CreateLicenseConfiguration');
      req.destroy();
      expect(configurations(emulator)).toEqual([]);
      await emulator.faults.settled();
      const stored = Object.values(emulator.snapshot().licenseManager.licenseConfigurations);
      expect(stored.map((c) => c['Name'])).toEqual(['gone']);
    } finally {
      await server.close();
    }
  });

  it('lands writes in the order they arrived', async () => {
    const emulator = new Emulator({ faults: { writeDelayMs: 100 } });
    const client = lmClient(emulator);
    const { LicenseConfigurationArn } = await client.send(create);
    const update = (count: number) => new UpdateLicenseConfigurationCommand({ LicenseConfigurationArn, LicenseCount: count });
    const first = client.send(update(1));
    await arrived(emulator, 'UpdateLicenseConfiguration');
    const second = client.send(update(2));
    await arrived(emulator, 'UpdateLicenseConfiguration', 2);
    await Promise.all([first, second]);
    expect(emulator.snapshot().licenseManager.licenseConfigurations[LicenseConfigurationArn!]!['LicenseCount']).toBe(2);
  });

  it('answers injected failures without delay, and they never land', async () => {
    const emulator = new Emulator({ faults: { writeDelayMs: 60_000 } });
    emulator.faults.failNext('CreateLicenseConfiguration', 1, { type: 'AccessDeniedException', status: 401 });
    expect((await rejection(lmClient(emulator).send(create))).name).toBe('AccessDeniedException');
    await emulator.faults.settled();
    expect(emulator.snapshot().revision).toBe(0);
  });

  it('keeps writes already scheduled when the faults are cleared, and delays none after', async () => {
    const emulator = new Emulator({ faults: { writeDelayMs: 200 } });
    const client = lmClient(emulator);
    const late = client.send(create);
    await arrived(emulator, 'CreateLicenseConfiguration');
    emulator.faults.clear();
    await client.send(create);
    expect(configurations(emulator)).toHaveLength(1);
    await late;
    expect(configurations(emulator)).toHaveLength(2);
  });
});
