// Problems of the environment are named by their cause, at once, with what to check: an endpoint nothing listens on,
// a host name that does not resolve, a TLS handshake that fails, a port `emulator serve` cannot have. None of them is
// INTERNAL ("a bug in licensectl"), and none is retried like throttling: a connection that failed never carried the
// request. Each runs the real CLI; speed is asserted by the attempts made, never by the wall clock.
import { ListLicenseConfigurationsCommand } from '@aws-sdk/client-license-manager';
import { Agent as HttpAgent, createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaProblems } from '../../src/app/schema.js';
import { connectionFailure, createClients, outcomeUnknown } from '../../src/store/index.js';
import { CONFIG_YAML, PROJECT_YAML, projectDir, removeDir, runCli } from '../helpers/cli.js';

// A self-signed certificate for localhost and 127.0.0.1, valid until 2126: trusted by nobody.
const SELF_SIGNED = {
  key: `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgE8znPpJAyw1A5eaV
OgY5M31mjuMCQP72xbAqlQ+MrvuhRANCAAS5TWrJtv+fiAUb7RSWQotWyD5+1gMX
PT9leqY98K8rZmi8c+lZOdAIpE9vS9VDx1ZeZSZlVVXjqAJX9NI7TPkL
-----END PRIVATE KEY-----
`,
  cert: `-----BEGIN CERTIFICATE-----
MIIBmjCCAUGgAwIBAgIUAhDAHFlQI/FtnDv5cheaEKeZySMwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTIwNjA4NDMyMFoYDzIxMjYxMTEy
MDg0MzIwWjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAAS5TWrJtv+fiAUb7RSWQotWyD5+1gMXPT9leqY98K8rZmi8c+lZOdAI
pE9vS9VDx1ZeZSZlVVXjqAJX9NI7TPkLo28wbTAdBgNVHQ4EFgQUpmdOMvlgiZcJ
Pph8LeaW7ao7OV8wHwYDVR0jBBgwFoAUpmdOMvlgiZcJPph8LeaW7ao7OV8wDwYD
VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARgglsb2NhbGhvc3SHBH8AAAEwCgYIKoZI
zj0EAwIDRwAwRAIgA2T9GCVogvnrdfSD66ARxzXJKdrQQfKEuZsXVC3Uf+UCIHV7
JwcyAdRZ2wLxZKIf/Z8IM7TKCsIQ8e1tGhT3cPoC
-----END CERTIFICATE-----
`,
};

// Retries as the CLI makes them by default (8 attempts), but without waiting between them: a regression that
// retries shows up as a count of attempts, not as a slow test.
const FAST_RETRIES = { LICENSECTL_RETRY_BASE_MS: '1' };

async function listening<T extends Server>(server: T): Promise<{ server: T; port: number }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port };
}

async function closedPort(): Promise<number> {
  const { server, port } = await listening(createTcpServer());
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('environment errors, through the CLI', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('environment'), 'a.yaml': CONFIG_YAML('a', 'countingType: Core\nlicenseCount: 4') });
  });
  afterAll(async () => { await removeDir(dir); });

  const plan = (endpoint: string, ...more: string[]) => runCli(['plan', '--dir', dir, '--endpoint', endpoint, ...more], { env: FAST_RETRIES });

  it('an endpoint nothing listens on: ENDPOINT_UNREACHABLE naming it, after one attempt', async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    const r = await plan(endpoint, '--json');
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout) as { error: { code: string; message: string; hint: string } };
    expect(schemaProblems('error.schema.json', doc)).toEqual([]);
    expect(doc.error).toMatchObject({ code: 'ENDPOINT_UNREACHABLE' });
    expect(doc.error.message).toBe(`cannot connect to ${endpoint}: connection refused by ${endpoint.slice(7)}, nothing listens there (1 attempt)`);
    expect(doc.error.hint).toMatch(/--endpoint, AWS_ENDPOINT_URL or spec\.store\.endpoint/);
    const text = await plan(endpoint);
    expect(text.status).toBe(1);
    expect(text.stderr).toMatch(new RegExp(`^Error \\[ENDPOINT_UNREACHABLE\\]: cannot connect to ${endpoint}: .*\\n  hint: check the endpoint`, 'm'));
  });

  it('a host name that does not resolve: ENDPOINT_UNREACHABLE naming the host, after one attempt', async () => {
    // .invalid never resolves (RFC 6761): resolvers refuse it at once, with no DNS server needed.
    const r = await plan('http://licensectl-test.invalid:4566', '--json');
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({
      error: { code: 'ENDPOINT_UNREACHABLE', message: 'cannot connect to http://licensectl-test.invalid:4566: unknown host licensectl-test.invalid (ENOTFOUND, 1 attempt)' },
    });
  });

  it('a certificate nobody trusts: TLS_FAILED, the request never sent', async () => {
    let requests = 0;
    const { server, port } = await listening(createHttpsServer(SELF_SIGNED, (_req, res) => { requests += 1; res.end('{}'); }));
    try {
      const r = await plan(`https://localhost:${port}`, '--json');
      expect(r.status).toBe(1);
      expect(JSON.parse(r.stdout)).toMatchObject({
        error: { code: 'TLS_FAILED', message: `TLS handshake with https://localhost:${port} failed: self-signed certificate (DEPTH_ZERO_SELF_SIGNED_CERT, 1 attempt)`, hint: expect.stringMatching(/certificate/) },
      });
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });

  it('https:// to a plain-HTTP port (a served emulator): TLS_FAILED, with a hint at the scheme', async () => {
    let requests = 0;
    const { server, port } = await listening(createHttpServer((_req, res) => { requests += 1; res.end('{}'); }));
    try {
      const r = await plan(`https://127.0.0.1:${port}`);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^Error \\[TLS_FAILED\\]: TLS handshake with https://127\\.0\\.0\\.1:${port} failed: .*\\(EPROTO, 1 attempt\\)\\n  hint: .*http://`, 'm'));
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });

  it('emulator serve on a busy port: LISTEN_FAILED naming the port and --port, at once', async () => {
    const { server, port } = await listening(createTcpServer());
    try {
      const r = await runCli(['emulator', 'serve', '--port', String(port), '--quiet']);
      expect(r.status).toBe(1);
      expect(r.stderr.trim()).toBe([
        `Error [LISTEN_FAILED]: cannot listen on 127.0.0.1:${port} (--port): port ${port} is already in use`,
        `  hint: stop the process that holds port ${port}, or choose another port with --port (--port 0 picks a free one)`,
      ].join('\n'));
      expect(r.stdout).toBe('');
    } finally {
      server.close();
    }
  });
});

describe('the store retries what may succeed, and only that', () => {
  const retry = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 };
  const clientsFor = (endpoint: string) => createClients({ region: 'us-east-1', endpoint, credentials: { accessKeyId: 'AKID000000000000', secretAccessKey: 'x' }, retry, timeoutMs: 5_000 });

  it('a refused connection: one attempt, and known not to have executed', async () => {
    const clients = clientsFor(`http://127.0.0.1:${await closedPort()}`);
    try {
      const error = await clients.lm.send(new ListLicenseConfigurationsCommand({})).catch((e: unknown) => e);
      expect(connectionFailure(error)).toMatchObject({ kind: 'refused', code: 'ECONNREFUSED', attempts: 1 });
      expect(outcomeUnknown(error)).toBe(false);
      expect(clients.stats.total()).toEqual({ calls: 1, attempts: 1, errors: 1 });
    } finally {
      clients.destroy();
    }
  });

  it.each([['EAI_AGAIN', 3], ['ENOTFOUND', 1]])('a host name the resolver answers with %s: %i attempt(s), never sent', async (code, attempts) => {
    let lookups = 0;
    const lookup = (_host: string, _options: unknown, callback: (error: Error) => void) => {
      lookups += 1;
      callback(Object.assign(new Error(`getaddrinfo ${code} licensectl.test`), { code, hostname: 'licensectl.test' }));
    };
    const clients = createClients({
      region: 'us-east-1', endpoint: 'http://licensectl.test:4566', credentials: { accessKeyId: 'AKID000000000000', secretAccessKey: 'x' }, retry, timeoutMs: 5_000,
      requestHandler: { httpAgent: new HttpAgent({ lookup: lookup as never }) },
    });
    try {
      const error = await clients.lm.send(new ListLicenseConfigurationsCommand({})).catch((e: unknown) => e);
      expect(connectionFailure(error)).toMatchObject({ kind: 'unknown-host', code, attempts });
      expect(outcomeUnknown(error)).toBe(false);
      expect(lookups).toBe(attempts);
    } finally {
      clients.destroy();
    }
  });

  it('a connection reset after the request was sent: retried, and its outcome unknown', async () => {
    let connections = 0;
    const { server, port } = await listening(createTcpServer((socket) => { connections += 1; socket.once('data', () => socket.resetAndDestroy()); }));
    const clients = clientsFor(`http://127.0.0.1:${port}`);
    try {
      const error = await clients.lm.send(new ListLicenseConfigurationsCommand({})).catch((e: unknown) => e);
      expect((error as { code?: string }).code).toBe('ECONNRESET');
      expect(connectionFailure(error)).toBeUndefined();
      expect(outcomeUnknown(error)).toBe(true);
      expect([clients.stats.total().attempts, connections]).toEqual([3, 3]);
    } finally {
      clients.destroy();
      server.close();
    }
  });
});
