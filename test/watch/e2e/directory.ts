// `licensectl watch --dir` in its own process against an emulator served by another, driven by file edits
// and by another SDK client changing the account behind its back.
import { ListLicenseConfigurationsCommand, UpdateLicenseConfigurationCommand, type LicenseManagerClient } from '@aws-sdk/client-license-manager';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, it, type TestContext } from 'vitest';
import { lmClient } from '../../helpers/emulator.js';
import { serveEmulator, type ServedEmulator } from '../../helpers/served.js';
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
    return { watcher, first, write: (file: string, content: string) => writeFile(path.join(dir, file), content) };
  };
  const live = async (name: string) =>
    (await client.send(new ListLicenseConfigurationsCommand({}))).LicenseConfigurations?.find((c) => c.Name === name);
  return { watch, live, client: () => client };
}

export function directoryTests(): void {
  const { watch, live, client } = sharedEmulator();
  it('applies at start, then applies a saved file', async (ctx) => {
    const { expect } = ctx;
    const { watcher, first, write } = await watch(ctx, 'files', { 'win.yaml': config('win-files', 10) }, ['--interval', '1h']);
    expect(first).toMatchObject({ triggers: ['start'], outcome: 'drift-corrected', counts: { create: 1 }, drift: 1, errorCode: null });
    await write('win.yaml', config('win-files', 20));
    await waitUntil(async () => (await live('win-files'))?.LicenseCount === 20, 10_000, 'the saved count to reach the emulator');
    const pass = await watcher.waitForLine((l) => l.event === 'reconcile' && l.triggers?.includes('file') === true);
    expect(pass).toMatchObject({ outcome: 'drift-corrected', counts: { update: 1 }, changes: ['update LicenseConfiguration/win-files'] });
  });

  it('corrects a count changed by another client on the next interval, and the metrics follow', async (ctx) => {
    const { expect } = ctx;
    const { watcher } = await watch(ctx, 'drift', { 'win.yaml': config('win-drift', 10) }, ['--interval', '1s']);
    await watcher.nextReconcile((l) => l.outcome === 'synced');
    const before = await watcher.metrics();
    const arn = (await live('win-drift'))!.LicenseConfigurationArn!;
    await client().send(new UpdateLicenseConfigurationCommand({ LicenseConfigurationArn: arn, LicenseCount: 99 }));
    const pass = await watcher.nextReconcile((l) => l.outcome === 'drift-corrected', 5_000);
    expect(pass).toMatchObject({ triggers: ['interval'], changes: ['update LicenseConfiguration/win-drift'] });
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
    expect(first).toMatchObject({ outcome: 'drift-detected', changes: ['create LicenseConfiguration/win-warn'] });
    await watcher.nextReconcile((l) => l.triggers?.includes('interval') === true && l.outcome === 'drift-detected', 5_000);
    expect(await live('win-warn')).toBeUndefined();
    const status = await watcher.json('/status');
    expect(status.body).toMatchObject({ mode: 'warn', ready: true, drift: [{ address: 'LicenseConfiguration/win-warn', action: 'create' }] });
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
    await watcher.nextReconcile((l) => l.outcome === 'drift-corrected');
    expect((await watcher.json('/readyz')).status).toBe(200);
  });
}
