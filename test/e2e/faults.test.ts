// Safe apply under faults: throttling and server errors, a connection reset after the service acted, and a
// failed change among successful ones.
import { ListDistributedGrantsCommand, ListLicenseConfigurationsCommand } from '@aws-sdk/client-license-manager';
import { GetResourceSharesCommand } from '@aws-sdk/client-ram';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDesired, planAgainst } from '../../src/app/planning.js';
import { openStore } from '../../src/app/open-store.js';
import { executePlan } from '../../src/apply/execute-plan.js';
import { Emulator, type RunningServer, startServer } from '../../src/emulator/index.js';
import { CONFIG_YAML, PROJECT_YAML, projectDir, removeDir, runCli } from '../helpers/cli.js';
import { lmClient, ramClient } from '../helpers/emulator.js';
import { type ServedEmulator, serveEmulator } from '../helpers/served.js';
import { mixedState } from './mixed-state.js';

const FAST_RETRY = { LICENSECTL_RETRY_BASE_MS: '5', LICENSECTL_MAX_ATTEMPTS: '10' };

describe('applying under faults', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    nock.cleanAll();
    nock.restore();
    while (cleanup.length) await cleanup.pop()!();
  });

  it('converges with 20% throttling and 5% server errors: no duplicates, then No changes.', async () => {
    const served: ServedEmulator = await serveEmulator(['--throttle-rate', '0.2', '--error-rate', '0.05']);
    cleanup.push(() => served.stop());
    const dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('faulty'), ...mixedState({ configurations: 15, licenses: 5, shares: 10, grants: 20 }) });
    cleanup.push(() => removeDir(dir));
    const apply = await runCli(['apply', '--dir', dir, '--endpoint', served.url, '--auto-approve', '--stats'], { env: FAST_RETRY });
    expect(apply.status, apply.stdout + apply.stderr).toBe(0);
    expect(apply.stdout).toContain('Apply complete! Resources: 50 created, 0 updated, 0 replaced, 0 deleted.');
    expect(apply.stderr).toMatch(/SDK calls \(\d+ calls, \d+ attempts/);
    const [calls, attempts] = /SDK calls \((\d+) calls?, (\d+) attempts?/.exec(apply.stderr)!.slice(1).map(Number);
    expect(attempts).toBeGreaterThan(calls!);

    // The read-back goes through the same faulty emulator, so it must outlast a run of faults as the CLI does.
    const lm = lmClient(served.url, { attempts: 20 });
    const ram = ramClient(served.url, { attempts: 20 });
    const configs = await lm.send(new ListLicenseConfigurationsCommand({ MaxResults: 100 }));
    expect(configs.LicenseConfigurations).toHaveLength(15);
    const grants = await lm.send(new ListDistributedGrantsCommand({ MaxResults: 100 }));
    expect(grants.Grants).toHaveLength(20);
    let shares = 0;
    let token: string | undefined;
    do {
      const page = await ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', nextToken: token }));
      shares += page.resourceShares?.length ?? 0;
      token = page.nextToken;
    } while (token);
    expect(shares).toBe(10);

    const plan = await runCli(['plan', '--dir', dir, '--endpoint', served.url, '--detailed-exitcode'], { env: FAST_RETRY });
    expect(plan.stdout).toMatch(/^No changes\./m);
    expect(plan.status).toBe(0);
  }, 120_000);

  it('a connection reset after the emulator created a configuration leaves exactly one', async () => {
    const emulator = new Emulator({});
    const server: RunningServer = await startServer(emulator, { port: 0 });
    cleanup.push(() => server.close());
    const dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('reset'), 'a.yaml': CONFIG_YAML('only-one', 'countingType: Core\nlicenseCount: 3') });
    cleanup.push(() => removeDir(dir));
    if (!nock.isActive()) nock.activate();
    // The first create reaches the emulator (it is executed) but the client sees the connection reset.
    nock(server.url, { allowUnmocked: true })
      .post('/')
      .matchHeader('x-amz-target', 'AWSLicenseManager.CreateLicenseConfiguration')
      .once()
      .reply(async function (this: { req: { headers: Record<string, string> } }, _uri: string, body: unknown) {
        const forwarded = await emulator.handle({ method: 'POST', path: '/', headers: this.req.headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
        expect(forwarded.status).toBe(200);
        throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      });

    const loaded = await loadDesired(dir);
    const store = await openStore({ dir, project: loaded.state.project, flags: { endpoint: server.url, concurrency: 4 }, retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5 } });
    cleanup.push(async () => store.close());
    const plan = await planAgainst(store, loaded.state, { target: store.target, source: { revision: null, dirty: null }, createdAt: new Date().toISOString() });
    const result = await executePlan(plan, store, { concurrency: 4 });
    expect(result.results).toEqual([expect.objectContaining({ address: 'LicenseConfiguration/only-one', outcome: 'applied' })]);
    expect(nock.isDone()).toBe(true);
    expect(emulator.callCounts()['CreateLicenseConfiguration']).toBe(1);
    const listed = await lmClient(emulator).send(new ListLicenseConfigurationsCommand({}));
    expect(listed.LicenseConfigurations?.map((c) => c.Name)).toEqual(['only-one']);
  });

  it('STS is retried like every other service: a throttled GetCallerIdentity does not end the command', async () => {
    const emulator = new Emulator({});
    const server = await startServer(emulator, { port: 0 });
    cleanup.push(() => server.close());
    const dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('sts-throttled'), 'a.yaml': CONFIG_YAML('a', 'countingType: Core') });
    cleanup.push(() => removeDir(dir));
    emulator.faults.failNext('GetCallerIdentity', 3, { type: 'Throttling', status: 400, message: 'Rate exceeded' });
    const plan = await runCli(['plan', '--dir', dir, '--endpoint', server.url, '--json'], { env: FAST_RETRY });
    expect(plan.status, plan.stdout + plan.stderr).toBe(0);
    expect(JSON.parse(plan.stdout).target.account).toBe('000000000000');
    expect(emulator.callCounts()['GetCallerIdentity']).toBe(4);
  });

  it('a failed grant create leaves the share applied, exits 1, and the next apply creates only the grant', async () => {
    const emulator = new Emulator({});
    const server = await startServer(emulator, { port: 0 });
    cleanup.push(() => server.close());
    const dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('partial'), ...mixedState({ configurations: 1, licenses: 1, shares: 1, grants: 1 }) });
    cleanup.push(() => removeDir(dir));
    emulator.faults.failNext('CreateGrant', 1, { type: 'ValidationException', status: 400, message: 'injected: grant refused' });

    const first = await runCli(['apply', '--dir', dir, '--endpoint', server.url, '--auto-approve'], { env: FAST_RETRY });
    expect(first.status).toBe(1);
    expect(first.stdout).toMatch(/created ResourceShare\/share-0 in /);
    expect(first.stdout).toMatch(/Grant\/grant-0.*failed.*ValidationException.*injected: grant refused/);
    expect(first.stdout).toMatch(/Apply failed: 1 of 4 changes failed/);

    const plan = await runCli(['plan', '--dir', dir, '--endpoint', server.url, '--json']);
    const doc = JSON.parse(plan.stdout) as { changes: { address: string; action: string }[] };
    expect(doc.changes.filter((c) => c.action !== 'no-op')).toEqual([expect.objectContaining({ address: 'Grant/grant-0', action: 'create' })]);

    const second = await runCli(['apply', '--dir', dir, '--endpoint', server.url, '--auto-approve']);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('Apply complete! Resources: 1 created, 0 updated, 0 replaced, 0 deleted.');
  });
});
