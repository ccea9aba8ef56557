// Issue 11, point 8: `licensectl emulator serve` sent a 1 GiB request body. It answers 413 with an AWS-shaped
// error, never holds more than its bound of the body (its peak memory stays far below the body's size), closes
// the connection of a client that keeps sending, and goes on serving.
import { ListLicenseConfigurationsCommand } from '@aws-sdk/client-license-manager';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { lmClient } from '../helpers/emulator.js';
import { type ServedEmulator, serveEmulator } from '../helpers/served.js';
import { streamBody } from '../emulator/core/raw-requests.js';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/** Peak and current resident memory of a process, from /proc (Linux). */
function memoryOf(pid: number): { peak: number; now: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)![1]) * 1024;
  return { peak: kib('VmHWM'), now: kib('VmRSS') };
}

let served: ServedEmulator;
beforeAll(async () => {
  served = await serveEmulator();
});
afterAll(async () => {
  expect(await served.stop()).toBe(0);
});

it.skipIf(process.platform !== 'linux')('answers a 1 GiB body 413 without buffering it, and goes on serving', async () => {
  const pid = served.process.pid!;
  const before = memoryOf(pid);
  const target = { 'x-amz-target': 'AWSLicenseManager.CreateLicenseConfiguration', 'content-type': 'application/x-amz-json-1.1' };
  const outcome = await streamBody(served.url, '/', target, GiB);

  expect(outcome.status).toBe(413);
  expect(outcome.headers).toMatchObject({ 'x-amzn-errortype': 'RequestEntityTooLargeException', 'x-amzn-requestid': expect.stringMatching(/^[0-9a-f-]{36}$/) });
  expect(JSON.parse(outcome.body!)).toEqual({ __type: 'RequestEntityTooLargeException', Message: 'Request body exceeds the limit of 16777216 bytes' });
  // The server stopped reading: it closed the connection long before the client had sent everything.
  expect(outcome.cut).toBe(true);
  expect(outcome.sent).toBeLessThan(GiB / 4);

  const after = memoryOf(pid);
  expect(after.peak - before.now).toBeLessThan(100 * MiB);
  expect(after.peak).toBeLessThan(250 * MiB);

  const listed = await lmClient(served.url).send(new ListLicenseConfigurationsCommand({}));
  expect(listed.LicenseConfigurations).toEqual([]);
  expect(served.process.exitCode).toBeNull();
});
