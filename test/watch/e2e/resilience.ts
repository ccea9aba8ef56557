// The watcher survives its store going away, stops cleanly in the middle of an apply, and refuses to start
// on configuration it can never use.
import { ListLicenseConfigurationsCommand } from '@aws-sdk/client-license-manager';
import { createServer } from 'node:net';
import path from 'node:path';
import { it } from 'vitest';
import { projectDir, removeDir, runCli } from '../../helpers/cli.js';
import { lmClient } from '../../helpers/emulator.js';
import { serveEmulator } from '../../helpers/served.js';
import { config, fixtures } from './fixtures.js';
import { waitUntil } from './watcher-process.js';

export function resilienceTests(): void {
  it('retries with backoff while the emulator is down, and recovers by itself when it comes back on the same port', async ({ expect, onTestFinished }) => {
    const { project, scratchDir, servedOnPort, watching } = fixtures(onTestFinished);
    const state = path.join(await scratchDir('licensectl-state-'), 'emulator.json');
    const first = await serveEmulator(['--state', state]);
    onTestFinished(async () => { await first.stop(); });
    const dir = await project('outage', { 'win.yaml': config('win-outage', 10) });
    const watcher = await watching(['--dir', dir, '--endpoint', first.url, '--interval', '1s']);
    await watcher.waitForLine((l) => l.outcome === 'applied');
    await first.stop();
    const failed = await watcher.nextReconcile((l) => l.outcome === 'store-error', 5_000);
    expect(failed.errorCode).toBe('ECONNREFUSED');
    expect((await watcher.json('/readyz')).status).toBe(503);
    expect((await watcher.json('/status')).body).toMatchObject({ lastError: { code: 'ECONNREFUSED', outcome: 'store-error' } });
    const failures = () => watcher.reconciles.filter((l) => l.outcome === 'store-error');
    const status = await waitUntil(async () => {
      const { body } = await watcher.json('/status');
      return failures().length >= 3 && !body.running && body.nextRunAt !== null && body;
    }, 20_000, 'three failed passes');
    expect(failures().slice(1).every((l) => l.triggers?.join() === 'retry')).toBe(true);
    // Backoff (1 s, 2 s, 4 s, …): after the third failure in a row the next retry is due 3.2 s to 4 s after
    // it, not at the 1 s interval.
    const lastError = status.lastError as { at: string };
    expect(Date.parse(status.nextRunAt as string) - Date.parse(lastError.at)).toBeGreaterThanOrEqual(3_200);
    await servedOnPort(Number(new URL(first.url).port), ['--state', state]);
    // On a busy machine a retry may come before the emulator is up; the one after that is due at most 16 s later.
    const back = await watcher.nextReconcile((l) => l.outcome === 'synced', 25_000);
    expect(back.triggers).toEqual(['retry']);
    expect((await watcher.json('/readyz')).status).toBe(200);
    expect(watcher.child.exitCode).toBeNull();
  }, 60_000);

  it('stops on SIGTERM in the middle of an apply, leaving a state the next plan explains', async ({ expect, onTestFinished }) => {
    const { project, served, watching } = fixtures(onTestFinished);
    const emulator = await served(['--latency-ms', '100']);
    const names = Array.from({ length: 10 }, (_, i) => `lic-${String(i).padStart(2, '0')}`);
    const dir = await project('sigterm', Object.fromEntries(names.map((n) => [`${n}.yaml`, config(n, 1)])));
    const watcher = await watching(['--dir', dir, '--endpoint', emulator.url, '--concurrency', '2', '--interval', '1h']);
    const client = lmClient(emulator.url);
    const count = async () => (await client.send(new ListLicenseConfigurationsCommand({}))).LicenseConfigurations?.length ?? 0;
    await waitUntil(async () => (await count()) >= 2, 10_000, 'the apply to be under way');
    expect(await watcher.stop('SIGTERM')).toBe(0);
    const pass = watcher.reconciles.at(-1)!;
    expect(pass).toMatchObject({ outcome: 'apply-failed', errorCode: 'INTERRUPTED' });
    expect(watcher.lines.at(-1)).toMatchObject({ event: 'stopped' });
    const created = await count();
    client.destroy();
    expect(created).toBeLessThan(names.length);
    expect(created).toBe((pass.applied as { applied: number }).applied);
    const plan = await runCli(['plan', '--json', '--dir', dir, '--endpoint', emulator.url]);
    expect(plan.status, plan.stderr).toBe(0);
    expect(JSON.parse(plan.stdout).summary).toEqual({ create: names.length - created, update: 0, replace: 0, delete: 0, noop: created });
  }, 60_000);

  it('exits 1 at start with a clear error on configuration it can never use', async ({ expect, onTestFinished }) => {
    const { project } = fixtures(onTestFinished);
    const dir = await project('start', {});
    const noProject = await projectDir({ 'a.yaml': config('x', 1) });
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const busyPort = (busy.address() as { port: number }).port;
    const cases: [string[], RegExp][] = [
      [['--dir', noProject], /^Error \[PROJECT_FILE_MISSING\]: no licensectl.yaml in /m],
      [['--dir', path.join(dir, 'missing')], /^Error \[DIRECTORY_NOT_FOUND\]: /m],
      [['--dir', dir, '--listen', `127.0.0.1:${busyPort}`], new RegExp(`^Error \\[LISTEN_FAILED\\]: cannot listen on 127\\.0\\.0\\.1:${busyPort} \\(--listen\\): port ${busyPort} is already in use`, 'm')],
      // The port is taken first: a busy one is reported before a clone is even tried.
      [['--repo', path.join(dir, 'no-such-repo'), '--listen', `127.0.0.1:${busyPort}`], /^Error \[LISTEN_FAILED\]: /m],
      [['--dir', dir, '--prune-grace', '1 minute'], /^Error \[BAD_DURATION\]: --prune-grace must be/m],
      [['--dir', dir, '--interval', '60'], /^Error \[BAD_DURATION\]: --interval must be a positive duration/m],
      [['--dir', dir, '--listen', '9464'], /^Error \[BAD_LISTEN\]: /m],
      [['--dir', dir, '--mode', 'fix'], /^Error \[USAGE\]: /m],
      [['--dir', dir, '--repo', dir], /^Error \[USAGE\]: /m],
    ];
    const withListen = (args: string[]) => (args.includes('--listen') ? args : ['--listen', '127.0.0.1:0', ...args]);
    const results = await Promise.all(cases.map(([args]) => runCli(['watch', ...withListen(args)])));
    busy.close();
    await removeDir(noProject);
    results.forEach((r, i) => {
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(cases[i]![1]);
      expect(r.stdout).not.toMatch(/"event":"reconcile"/);
    });
  }, 60_000);
}
