import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { signatureOf, startWatchServer, verifySignature, type RunningWatchServer } from '../../src/watch/server.js';
import { WatchMetrics } from '../../src/watch/watch-metrics.js';
import { record, statusWithClock, T0 } from './builders.js';

const SECRET = 'webhook-secret';

describe('the watcher\'s HTTP server', () => {
  let server: RunningWatchServer | undefined;
  afterEach(async () => { await server?.close(); server = undefined; });

  async function start(secret: string | undefined = SECRET) {
    const { status, setNow } = statusWithClock();
    const metrics = new WatchMetrics();
    const pushes: (string | undefined)[] = [];
    server = await startWatchServer({ host: '127.0.0.1', port: 0 }, {
      status, metrics, webhookSecret: secret, onPush: (ref) => { pushes.push(ref); return { accepted: true, reason: 'fetching' }; },
    });
    const url = server.url;
    const get = async (path: string) => {
      const res = await fetch(url + path);
      return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
    };
    const post = async (path: string, body: string, headers: Record<string, string>) => {
      const res = await fetch(url + path, { method: 'POST', body, headers });
      return { status: res.status, json: await res.json() as Record<string, unknown> };
    };
    return { status, setNow, metrics, pushes, get, post };
  }

  it('answers /healthz while alive, and /readyz 503 until a pass succeeds', async () => {
    const { status, setNow, get } = await start();
    setNow(T0 + 1_000);
    expect(await get('/healthz')).toMatchObject({ status: 200 });
    expect(JSON.parse((await get('/readyz')).text)).toEqual({ ready: false, lastSuccessAt: null, lastOutcome: null });
    expect((await get('/readyz')).status).toBe(503);
    status.record(record());
    expect(await get('/readyz')).toMatchObject({ status: 200 });
  });

  it('serves /status as JSON', async () => {
    const { status, get } = await start();
    const changes = [{ address: 'LicenseConfiguration/a', action: 'update', cause: 'drift', fields: ['licenseCount'] }] as const;
    status.record(record({ outcome: 'drift-detected', changes }));
    const res = await get('/status?pretty');
    expect(res.type).toBe('application/json; charset=utf-8');
    expect(JSON.parse(res.text)).toMatchObject({ mode: 'correct', revision: 'abc123', changes });
  });

  it('serves Prometheus metrics from its own registry', async () => {
    const { metrics, get } = await start();
    metrics.observe(record({
      outcome: 'drift-corrected', changes: [{ address: 'LicenseConfiguration/a', action: 'update', cause: 'drift', fields: ['licenseCount'] }],
      deferred: [{ address: 'Grant/g', absentSince: T0, deleteAt: T0 + 60_000 }], applied: { applied: 1, failed: 0, skipped: 0 },
    }));
    metrics.countCall('ListLicenseConfigurations', 'ok');
    metrics.countCall('ListLicenseConfigurations', 'ok');
    metrics.countCall('UpdateLicenseConfiguration', 'error');
    const res = await get('/metrics');
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/plain; version=0\.0\.4/);
    for (const line of [
      'licensectl_reconciles_total{outcome="drift-corrected"} 1',
      'licensectl_reconciles_total{outcome="store-error"} 0',
      'licensectl_reconcile_duration_seconds_count 1',
      // The delete held back still differs.
      'licensectl_drifted_resources 1',
      'licensectl_managed_resources 3',
      'licensectl_last_success_timestamp_seconds 1772366400.12',
      'licensectl_api_calls_total{operation="ListLicenseConfigurations",outcome="ok"} 2',
      'licensectl_api_calls_total{operation="UpdateLicenseConfiguration",outcome="error"} 1',
    ]) expect(res.text.split('\n')).toContain(line);
    expect(res.text).not.toMatch(/process_cpu|nodejs_/);
  });

  it('answers 404 (JSON) for unknown paths and 405 for the wrong method', async () => {
    const { get, post } = await start();
    const missing = await get('/nope');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.text)).toMatchObject({ error: 'no such endpoint: /nope' });
    expect((await get('/webhook')).status).toBe(405);
    expect((await post('/status', '{}', {})).status).toBe(405);
  });

  describe('POST /webhook', () => {
    const body = JSON.stringify({ ref: 'refs/heads/main', after: 'f00' });
    const headers = (signature: string, event = 'push') => ({ 'content-type': 'application/json', 'x-github-event': event, 'x-hub-signature-256': signature });

    it('refuses a missing or wrong signature with 401 and does nothing', async () => {
      const { post, pushes } = await start();
      expect(await post('/webhook', body, { 'x-github-event': 'push' })).toMatchObject({ status: 401, json: { error: 'missing or invalid X-Hub-Signature-256' } });
      expect((await post('/webhook', body, headers(signatureOf('wrong', Buffer.from(body))))).status).toBe(401);
      expect((await post('/webhook', `${body} `, headers(signatureOf(SECRET, Buffer.from(body))))).status).toBe(401);
      expect(pushes).toEqual([]);
    });

    it('accepts a signed push and hands its ref on', async () => {
      const { post, pushes } = await start();
      expect(await post('/webhook', body, headers(signatureOf(SECRET, Buffer.from(body))))).toEqual({ status: 202, json: { accepted: true, reason: 'fetching' } });
      expect(pushes).toEqual(['refs/heads/main']);
    });

    it('answers a signed ping, and ignores other signed events', async () => {
      const { post, pushes } = await start();
      const sig = signatureOf(SECRET, Buffer.from(body));
      expect(await post('/webhook', body, headers(sig, 'ping'))).toMatchObject({ status: 200, json: { reason: 'pong' } });
      expect(await post('/webhook', body, headers(sig, 'issues'))).toMatchObject({ status: 202, json: { accepted: false, reason: 'ignored issues event' } });
      expect(pushes).toEqual([]);
    });

    it('is disabled without a secret', async () => {
      const { post } = await start(undefined);
      expect(await post('/webhook', body, headers(signatureOf('', Buffer.from(body))))).toMatchObject({ status: 401, json: { error: /LICENSECTL_WEBHOOK_SECRET is not set/ } });
    });

    it('refuses bodies over 1 MiB with 413', async () => {
      const { post } = await start();
      const huge = 'x'.repeat(1024 * 1024 + 1);
      expect((await post('/webhook', huge, headers(signatureOf(SECRET, Buffer.from(huge))))).status).toBe(413);
    });
  });

  it('reports a port in use as LISTEN_FAILED, naming the port and --listen', async () => {
    await start();
    const port = Number(new URL(server!.url).port);
    await expect(startWatchServer({ host: '127.0.0.1', port })).rejects.toMatchObject({
      code: 'LISTEN_FAILED', message: `cannot listen on 127.0.0.1:${port} (--listen): port ${port} is already in use`, hint: expect.stringContaining('--listen'),
    });
  });

  it('takes its port before it has anything to serve: alive, and 503 for the rest until it does', async () => {
    server = await startWatchServer({ host: '127.0.0.1', port: 0 });
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'starting' });
    expect((await fetch(`${server.url}/status`)).status).toBe(503);
    const { status } = statusWithClock();
    server.serve({ status, metrics: new WatchMetrics(), webhookSecret: undefined, onPush: () => ({ accepted: false, reason: '' }) });
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'alive' });
    expect((await fetch(`${server.url}/status`)).status).toBe(200);
  });
});

// GitHub's documented example: secret "It's a Secret to Everybody", payload "Hello, World!".
const GITHUB_SECRET = "It's a Secret to Everybody";
const GITHUB_BODY = Buffer.from('Hello, World!');
const GITHUB_SIGNATURE = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';

describe('X-Hub-Signature-256', () => {
  it('matches GitHub\'s documented example', () => {
    expect(signatureOf(GITHUB_SECRET, GITHUB_BODY)).toBe(GITHUB_SIGNATURE);
    expect(verifySignature(GITHUB_SECRET, GITHUB_BODY, GITHUB_SIGNATURE)).toBe(true);
  });

  it('rejects another body, another secret, a truncated or differently cased signature', () => {
    expect(verifySignature(GITHUB_SECRET, Buffer.from('Hello, World?'), GITHUB_SIGNATURE)).toBe(false);
    expect(verifySignature('another secret', GITHUB_BODY, GITHUB_SIGNATURE)).toBe(false);
    expect(verifySignature(GITHUB_SECRET, GITHUB_BODY, GITHUB_SIGNATURE.slice(0, -1))).toBe(false);
    expect(verifySignature(GITHUB_SECRET, GITHUB_BODY, GITHUB_SIGNATURE.toUpperCase())).toBe(false);
  });

  it('rejects a missing header, a SHA-1 signature and a missing secret', () => {
    const sha1 = `sha1=${createHmac('sha1', GITHUB_SECRET).update(GITHUB_BODY).digest('hex')}`;
    expect(verifySignature(GITHUB_SECRET, GITHUB_BODY, undefined)).toBe(false);
    expect(verifySignature(GITHUB_SECRET, GITHUB_BODY, sha1)).toBe(false);
    expect(verifySignature(undefined, GITHUB_BODY, GITHUB_SIGNATURE)).toBe(false);
    expect(verifySignature('', GITHUB_BODY, signatureOf('', GITHUB_BODY))).toBe(false);
  });
});
