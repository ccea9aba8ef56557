// `licensectl watch --dir` in its own process against an emulator served by another, driven by file edits
// and by another SDK client changing the account behind its back.
import {
  ListDistributedGrantsCommand, ListLicenseConfigurationsCommand, UpdateLicenseConfigurationCommand, type LicenseManagerClient,
} from '@aws-sdk/client-license-manager';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, it, type TestContext } from 'vitest';
import { lmClient } from '../../helpers/emulator.js';
import { serveEmulator, type ServedEmulator } from '../../helpers/served.js';
import { PROJECT_YAML, ROOT, spawnCli } from '../../helpers/cli.js';
import { config, fixtures } from './fixtures.js';
import { sample, waitUntil } from './watcher-process.js';

/**
 * One emulator for the suite that calls this, and helpers bound to it. Each test works on its own project
 * (and so its own resources) in it.
 */
function sharedEmulator() {
  let emulator: ServedEmulator;
  let client: LicenseManagerClient;
  beforeAll(async () => {
    emulator = await serveEmulator();
    client = lmClient(emulator.url);
  });
  afterAll(async () => {
    client.destroy();
    await emulator.stop();
  });
  const watch = async (ctx: TestContext, project: string, files: Record<string, string>, args: string[] = []) => {
    const { project: makeProject, watching } = fixtures(ctx.onTestFinished);
    const dir = await makeProject(project, files);
    const watcher = await watching(['--dir', dir, '--endpoint', emulator.url, ...args]);
    const first = await watcher.waitForLine((l) => l.event === 'reconcile');
    return { watcher, first, dir, write: (file: string, content: string) => writeFile(path.join(dir, file), content) };
  };
  const live = async (name: string) =>
    (await client.send(new ListLicenseConfigurationsCommand({}))).LicenseConfigurations?.find((c) => c.Name === name);
  return { watch, live, client: () => client, emulatorUrl: () => emulator.url };
}

export function directoryTests(): void {
  const { watch, live, client, emulatorUrl } = sharedEmulator();
  it('applies at start, then applies a saved file', async (ctx) => {
    const { expect } = ctx;
    const { watcher, first, write } = await watch(ctx, 'files', { 'win.yaml': config('win-files', 10) }, ['--interval', '1h']);
    expect(first).toMatchObject({ triggers: ['start'], outcome: 'applied', counts: { create: 1 }, changes: [{ action: 'create', cause: 'unknown' }], errorCode: null });
    await write('win.yaml', config('win-files', 20));
    await waitUntil(async () => (await live('win-files'))?.LicenseCount === 20, 10_000, 'the saved count to reach the emulator');
    const pass = await watcher.waitForLine((l) => l.event === 'reconcile' && l.triggers?.includes('file') === true);
    expect(pass).toMatchObject({
      outcome: 'applied', counts: { update: 1 }, msg: 'reconcile applied: update LicenseConfiguration/win-files (document changed: licenseCount)',
      changes: [{ address: 'LicenseConfiguration/win-files', action: 'update', cause: 'desired', document: 'changed', fields: ['licenseCount'] }],
    });
  });

  it('corrects a count changed by another client on the next interval, and the metrics follow', async (ctx) => {
    const { expect } = ctx;
    const { watcher } = await watch(ctx, 'drift', { 'win.yaml': config('win-drift', 10) }, ['--interval', '1s']);
    await watcher.nextReconcile((l) => l.outcome === 'synced');
    const before = await watcher.metrics();
    const arn = (await live('win-drift'))!.LicenseConfigurationArn!;
    await client().send(new UpdateLicenseConfigurationCommand({ LicenseConfigurationArn: arn, LicenseCount: 99 }));
    const pass = await watcher.nextReconcile((l) => l.outcome === 'drift-corrected', 5_000);
    expect(pass).toMatchObject({
      triggers: ['interval'], drift: 1, msg: 'reconcile drift-corrected: update LicenseConfiguration/win-drift (drift: licenseCount)',
      changes: [{ address: 'LicenseConfiguration/win-drift', action: 'update', cause: 'drift', fields: ['licenseCount'] }],
    });
    expect((await live('win-drift'))?.LicenseCount).toBe(10);
    await watcher.nextReconcile((l) => l.outcome === 'synced', 5_000);
    const after = await watcher.metrics();
    const moved = (series: string) => sample(after, series) - sample(before, series);
    expect(moved('licensectl_reconciles_total{outcome="drift-corrected"}')).toBe(1);
    expect(moved('licensectl_reconciles_total{outcome="synced"}')).toBeGreaterThanOrEqual(1);
    expect(moved('licensectl_reconcile_duration_seconds_count')).toBeGreaterThanOrEqual(2);
    expect(moved('licensectl_api_calls_total{operation="UpdateLicenseConfiguration",outcome="ok"}')).toBe(1);
    expect(moved('licensectl_api_calls_total{operation="ListLicenseConfigurations",outcome="ok"}')).toBeGreaterThanOrEqual(2);
    expect(sample(after, 'licensectl_managed_resources')).toBe(1);
    expect(sample(after, 'licensectl_drifted_resources')).toBe(0);
    expect(sample(after, 'licensectl_last_success_timestamp_seconds')).toBeGreaterThan(sample(before, 'licensectl_last_success_timestamp_seconds'));
  });

  it('in warn mode only reports the drift, in the log, /status and /metrics; SIGINT stops it with exit code 0', async (ctx) => {
    const { expect } = ctx;
    const { watcher, first } = await watch(ctx, 'warn', { 'win.yaml': config('win-warn', 10) }, ['--interval', '1s', '--mode', 'warn']);
    const changes = [{ address: 'LicenseConfiguration/win-warn', action: 'create', cause: 'unknown', fields: [] }];
    expect(first).toMatchObject({ outcome: 'out-of-sync', changes });
    await watcher.nextReconcile((l) => l.triggers?.includes('interval') === true && l.outcome === 'out-of-sync', 5_000);
    expect(await live('win-warn')).toBeUndefined();
    const status = await watcher.json('/status');
    expect(status.body).toMatchObject({ mode: 'warn', ready: true, changes });
    expect(sample(await watcher.metrics(), 'licensectl_drifted_resources')).toBe(1);
    expect(await watcher.stop('SIGINT')).toBe(0);
    expect(watcher.lines.at(-1)).toMatchObject({ event: 'stopped' });
  });

  it('keeps everything in place while a file is invalid, with the diagnostics in /status, and recovers when it is fixed', async (ctx) => {
    const { expect } = ctx;
    const { watcher, write } = await watch(ctx, 'invalid', { 'win.yaml': config('win-invalid', 10), 'other.yaml': config('other-invalid', 1) }, ['--interval', '1h']);
    await write('other.yaml', 'apiVersion: licensectl/v1\nkind: LicenseConfiguration\nmetadata: {name: other-invalid\n');
    const bad = await watcher.nextReconcile((l) => l.outcome === 'invalid-config');
    expect(bad).toMatchObject({ errorCode: 'INVALID_CONFIG', counts: { noop: 2, delete: 0 } });
    const { status, body } = await watcher.json('/status');
    expect(status).toBe(200);
    expect(body).toMatchObject({ ready: false, desired: { valid: false }, lastError: { code: 'INVALID_CONFIG', outcome: 'invalid-config' } });
    expect((body.lastError as { diagnostics: { file: string }[] }).diagnostics[0]).toMatchObject({ file: 'other.yaml', severity: 'error' });
    expect((await watcher.json('/readyz')).status).toBe(503);
    expect((await live('other-invalid'))?.LicenseCount).toBe(1);
    await write('other.yaml', config('other-invalid', 2));
    await watcher.nextReconcile((l) => l.outcome === 'applied');
    expect((await watcher.json('/readyz')).status).toBe(200);
  });

  it('holds back the delete of a grant whose document is removed, and keeps the same grant when the document comes back', async (ctx) => {
    const { expect } = ctx;
    const documents = await readFile(path.join(ROOT, 'test/fixtures/config/valid/licenses/analytics.yaml'), 'utf8');
    const [license, grant] = documents.split('\n---\n');
    const files = { 'licensectl.yaml': PROJECT_YAML('grace', '  prune: true\n'), 'license.yaml': license!, 'grant.yaml': grant! };
    const { watcher, first, dir, write } = await watch(ctx, 'grace', files, ['--interval', '1h', '--prune-grace', '1h']);
    expect(first).toMatchObject({ outcome: 'applied', counts: { create: 2 } });
    const grants = async () => (await client().send(new ListDistributedGrantsCommand({}))).Grants?.filter((g) => g.GrantStatus !== 'DELETED').map((g) => g.GrantArn);
    const before = await grants();
    expect(before).toHaveLength(1);
    await rm(path.join(dir, 'grant.yaml'));
    const held = await watcher.nextReconcile((l) => l.triggers?.includes('file') === true);
    expect(held).toMatchObject({
      outcome: 'synced', msg: 'reconcile synced: Grant/analytics-to-dev: document absent, deleting in 1h', pendingDeletes: [{ address: 'Grant/analytics-to-dev' }],
    });
    expect((await watcher.json('/status')).body).toMatchObject({ pendingDeletes: [{ address: 'Grant/analytics-to-dev', message: expect.stringMatching(/deleting in/) }] });
    await write('grant.yaml', grant!);
    expect(await watcher.nextReconcile((l) => l.triggers?.includes('file') === true)).toMatchObject({ outcome: 'synced', changes: [], pendingDeletes: [] });
    expect(await grants()).toEqual(before);
    expect(watcher.reconciles.map((l) => l.outcome)).toEqual(['applied', 'synced', 'synced']);
  });

  it('logs readable text lines with --log-format text', async (ctx) => {
    const { expect } = ctx;
    const dir = await fixtures(ctx.onTestFinished).project('text-log', { 'win.yaml': config('win-text', 10) });
    const child = spawnCli(['watch', '--dir', dir, '--endpoint', emulatorUrl(), '--listen', '127.0.0.1:0', '--interval', '1h', '--log-format', 'text']);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => { out += chunk.toString(); });
    await waitUntil(async () => out.includes('reconcile applied'), 20_000, 'the first pass');
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\S+Z INFO  watching \S+ \(--mode correct, --interval 1h, --prune-grace 1m\); serving on http:\/\/127\.0\.0\.1:\d+$/);
    expect(lines).toContainEqual(expect.stringMatching(/^\S+Z INFO  reconcile applied: create LicenseConfiguration\/win-text \(since start\)$/));
    expect(lines.at(-1)).toMatch(/^\S+Z INFO  stopped$/);
  });
}
