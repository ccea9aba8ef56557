import { CreateLicenseConfigurationCommand, GetLicenseConfigurationCommand, ListLicenseConfigurationsCommand } from '@aws-sdk/client-license-manager';
import { DeleteResourceShareCommand, GetResourceSharesCommand } from '@aws-sdk/client-ram';
import { HttpRequest } from '@smithy/protocol-http';
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessHandler, Emulator, startServer, type RunningServer } from '../../../src/emulator/index.js';
import { runCli } from '../../helpers/cli.js';
import { lmClient, ramClient } from '../../helpers/emulator.js';
import { authorization, streamBody } from './raw-requests.js';
import { tempDir } from './temp-dir.js';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

function corruptStateFile(): string {
  const path = `${tempDir()}/emulator.json`;
  writeFileSync(path, '{"formatVersion": 1, "revis');
  return path;
}

describe('in-process transport', () => {
  it('serves the SDK without a socket and passes the request id through', async () => {
    const emulator = new Emulator();
    const lm = lmClient(createInProcessHandler(emulator));
    const { LicenseConfigurationArn } = await lm.send(new CreateLicenseConfigurationCommand({ Name: 'windows', LicenseCountingType: 'Socket' }));
    const out = await lm.send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn }));
    expect(out.Name).toBe('windows');
    expect(out.$metadata).toMatchObject({ httpStatusCode: 200, requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it('sends query-string members of RAM’s DELETE operations', async () => {
    const ram = ramClient(new Emulator());
    const arn = 'arn:aws:ram:us-east-1:000000000000:resource-share/6b9e1c0a-0000-4000-8000-000000000000';
    const error = await ram.send(new DeleteResourceShareCommand({ resourceShareArn: arn })).catch((e: Error) => e);
    expect(error).toMatchObject({ name: 'UnknownResourceException', $metadata: { httpStatusCode: 400 } });
  });

  it('honours an aborted signal', async () => {
    const handler = createInProcessHandler(new Emulator({ faults: { latencyMs: 1_000 } }));
    const controller = new AbortController();
    const request = new HttpRequest({ method: 'POST', path: '/', headers: { 'x-amz-target': 'AWSLicenseManager.ListLicenseConfigurations' }, body: '{}' });
    const pending = handler.handle(request, { abortSignal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('lets the emulator’s own failures reach the caller as typed errors', async () => {
    const emulator = new Emulator({ statePath: corruptStateFile() });
    const error = await lmClient(emulator).send(new ListLicenseConfigurationsCommand({})).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'LicensectlError', code: 'EMULATOR_STATE_CORRUPT' });
  });
});

describe('HTTP server', () => {
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('serves both services on an ephemeral port and logs one line per request', async () => {
    const lines: string[] = [];
    server = await startServer(new Emulator(), { port: 0, log: (line) => lines.push(line) });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    await lmClient(server.url).send(new CreateLicenseConfigurationCommand({ Name: 'windows', LicenseCountingType: 'vCPU' }));
    const shares = await ramClient(server.url).send(new GetResourceSharesCommand({ resourceOwner: 'SELF' }));
    expect(shares.resourceShares).toEqual([]);
    expect(lines).toEqual([
      expect.stringMatching(/^POST \/ CreateLicenseConfiguration 200 \d+\.\dms$/),
      expect.stringMatching(/^POST \/getresourceshares GetResourceShares 200 \d+\.\dms$/),
    ]);
  });

  it('answers an unknown operation with JSON, never HTML', async () => {
    server = await startServer(new Emulator(), { port: 0 });
    const response = await fetch(`${server.url}/`, {
      method: 'POST',
      headers: { 'x-amz-target': 'AWSLicenseManager.Nope', 'content-type': 'application/x-amz-json-1.1', authorization: authorization() },
      body: '{}',
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toEqual({ __type: 'UnknownOperationException', Message: 'The emulator does not implement the operation at x-amz-target AWSLicenseManager.Nope' });
  });

  it('turns the emulator’s own failures into a 500 with the reason', async () => {
    const statePath = corruptStateFile();
    server = await startServer(new Emulator({ statePath }), { port: 0 });
    const response = await fetch(`${server.url}/`, {
      method: 'POST',
      headers: { 'x-amz-target': 'AWSLicenseManager.ListLicenseConfigurations', authorization: authorization() },
      body: '{}',
    });
    expect(response.status).toBe(500);
    // Node 22 and later add "(line 1 column 28)" to JSON.parse's message.
    expect(((await response.json()) as { Message: string }).Message).toMatch(
      new RegExp(`^EMULATOR_STATE_CORRUPT: emulator state file ${statePath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not valid JSON \\(Unterminated string in JSON at position 27( \\(line 1 column 28\\))?\\)$`),
    );
  });

  it('answers a License Manager body past 16 MiB with a 413 in its shape, and then serves the next request', async () => {
    server = await startServer(new Emulator(), { port: 0 });
    const target = { 'x-amz-target': 'AWSLicenseManager.ListLicenseConfigurations', 'content-type': 'application/x-amz-json-1.1' };
    const outcome = await streamBody(server.url, '/', target, 24 * MiB);
    expect(outcome.status).toBe(413);
    expect(outcome.headers).toMatchObject({ 'x-amzn-errortype': 'RequestEntityTooLargeException', 'x-amzn-requestid': expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(JSON.parse(outcome.body!)).toEqual({ __type: 'RequestEntityTooLargeException', Message: 'Request body exceeds the limit of 16777216 bytes' });
    expect(outcome.cut).toBe(false); // the rest was read and discarded, so the client saw the answer and finished
    const listed = await lmClient(server.url).send(new ListLicenseConfigurationsCommand({}));
    expect(listed.LicenseConfigurations).toEqual([]);
  });

  it('refuses a RAM body declared larger than 16 MiB before reading it, in RAM\'s shape', async () => {
    server = await startServer(new Emulator(), { port: 0 });
    const outcome = await streamBody(server.url, '/createresourceshare', { 'content-type': 'application/json', 'content-length': String(GiB) }, MiB);
    expect(outcome.status).toBe(413);
    expect(outcome.sentBeforeAnswer).toBeLessThanOrEqual(MiB);
    expect(JSON.parse(outcome.body!)).toEqual({ __type: 'RequestEntityTooLargeException', message: 'Request body exceeds the limit of 16777216 bytes' });
  });

  it('closes the connection of a client that goes on sending long after the answer', async () => {
    server = await startServer(new Emulator(), { port: 0 });
    const outcome = await streamBody(server.url, '/', { 'x-amz-target': 'AWSLicenseManager.ListLicenseConfigurations' }, GiB);
    expect(outcome.status).toBe(413);
    expect(outcome.cut).toBe(true);
    expect(outcome.sent).toBeLessThan(GiB);
  });

  it('reports a port in use as LISTEN_FAILED, naming the port', async () => {
    server = await startServer(new Emulator(), { port: 0 });
    await expect(startServer(new Emulator(), { port: server.port })).rejects.toMatchObject({
      code: 'LISTEN_FAILED',
      message: `cannot listen on 127.0.0.1:${server.port} (--port): port ${server.port} is already in use`,
    });
  });
});

describe('licensectl emulator serve (built CLI)', () => {
  it('refuses a rate outside 0..1 as a usage error', async () => {
    const result = await runCli(['emulator', 'serve', '--port', '0', '--throttle-rate', '2']);
    expect([result.status, result.stderr.trim()]).toEqual([1, 'Error [USAGE]: --throttle-rate must be a number from 0 to 1, got "2"\n  hint: see --help']);
  });

  it('reports a port in use as LISTEN_FAILED', async () => {
    const busy = await startServer(new Emulator(), { port: 0 });
    try {
      const result = await runCli(['emulator', 'serve', '--port', String(busy.port)]);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`^Error \\[LISTEN_FAILED\\]: cannot listen on 127\\.0\\.0\\.1:${busy.port} \\(--port\\): port ${busy.port} is already in use`, 'm'));
    } finally {
      await busy.close();
    }
  });
});
