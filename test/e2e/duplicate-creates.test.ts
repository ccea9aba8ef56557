// Issue 14's duplicate creates under load: many targets applied at --concurrency 16 against a served emulator whose
// writes land after the client has given up (a create times out client-side but succeeds server-side). A
// configuration (CreateLicenseConfiguration takes no client token) must never be created twice: after a create
// whose outcome is unknown, licensectl waits until that request can no longer land before it looks for it and
// tries again. The next plan then has nothing to do; when no round got an answer, the next plan says what apply will do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LicenseManagerClient, ListLicenseConfigurationsCommand } from '@aws-sdk/client-license-manager';
import { loadDesired, planAgainst } from '../../src/app/planning.js';
import { openStore } from '../../src/app/open-store.js';
import { executePlan } from '../../src/apply/execute-plan.js';
import { Emulator, type RunningServer, startServer } from '../../src/emulator/index.js';
import { CONFIG_YAML, PROJECT_YAML, projectDir, removeDir, runCli } from '../helpers/cli.js';
import { type ServedEmulator, serveEmulator } from '../helpers/served.js';

const accountsOf = (count: number) => Array.from({ length: count }, (_, i) => String(100000000000 + i));
const PROJECT = (ACCOUNTS: readonly string[]) => `apiVersion: licensectl/v1
kind: Project
metadata: {name: org}
spec:
  targets:
${ACCOUNTS.map((a, i) => `    - {name: t${i}, account: "${a}", regions: [us-east-1]}`).join('\n')}
  defaultTargets: ["*"]
`;
const DOCS = ['windows', 'oracle', 'sql'].map((name) => `apiVersion: licensectl/v1
kind: LicenseConfiguration
metadata: {name: ${name}}
spec: {countingType: vCPU, licenseCount: 10}
`).join('---\n');

describe.each([
  { load: 'every write late', accounts: 12, serve: [], env: {} },
  // Throttled attempts first (refused, retried after a backoff): the attempt that times out leaves well after the
  // create began, so the wait runs from when it left.
  { load: 'every write late, 30% of calls throttled', accounts: 3, serve: ['--throttle-rate', '0.3'], env: { LICENSECTL_RETRY_BASE_MS: '300', LICENSECTL_MAX_ATTEMPTS: '20' } },
])('creates that time out client-side but land server-side, across many targets at --concurrency 16: $load', ({ accounts, serve, env: extraEnv }) => {
  const ACCOUNTS = accountsOf(accounts);
  let emulator: ServedEmulator;
  let dir: string;
  beforeAll(async () => {
    // Every write lands 1 s after it arrives; licensectl gives up on a request after 400 ms.
    emulator = await serveEmulator(['--write-delay-ms', '1000', ...serve]);
    dir = await projectDir({ 'licensectl.yaml': PROJECT(ACCOUNTS), 'docs.yaml': DOCS });
  });
  afterAll(async () => { expect(await emulator.stop()).toBe(0); await removeDir(dir); });

  async function namesIn(account: string): Promise<string[]> {
    const client = new LicenseManagerClient({ region: 'us-east-1', endpoint: emulator.url, credentials: { accessKeyId: `AKID${account}`, secretAccessKey: 'x' }, maxAttempts: 30 });
    try {
      return ((await client.send(new ListLicenseConfigurationsCommand({}))).LicenseConfigurations ?? []).map((c) => c.Name!).sort();
    } finally {
      client.destroy();
    }
  }

  it('creates each configuration once in every target; the next plan has no changes', async () => {
    const env = { LICENSECTL_TIMEOUT_MS: '400', ...extraEnv };
    const r = await runCli(['apply', '--auto-approve', '--concurrency', '16', '--dir', dir, '--endpoint', emulator.url], { env });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(`Across ${ACCOUNTS.length} targets: ${ACCOUNTS.length * 3} applied, 0 failed, 0 skipped.`);
    for (const account of ACCOUNTS) expect(await namesIn(account), account).toEqual(['oracle', 'sql', 'windows']);
    const again = await runCli(['plan', '--detailed-exitcode', '--dir', dir, '--endpoint', emulator.url], { env: extraEnv });
    expect(again.status, again.stdout + again.stderr).toBe(0);
  }, 120_000);
});

describe('a create that never got an answer', () => {
  it('leaves a note after its last round, and the next plan says apply will wait for it and look before creating', async () => {
    const emulator = new Emulator({});
    const server: RunningServer = await startServer(emulator, { port: 0 });
    const dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('unanswered'), 'a.yaml': CONFIG_YAML('windows', 'countingType: Core') });
    try {
      // Every round answered 500 (outcome unknown: the service may have acted); nothing lands.
      emulator.faults.failNext('CreateLicenseConfiguration', 3);
      const loaded = await loadDesired(dir);
      const open = () => openStore({ dir, project: loaded.state.project, flags: { endpoint: server.url, concurrency: 4 }, retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 }, timeoutMs: 100 });
      const ctx = { source: { revision: null, dirty: null }, createdAt: new Date().toISOString() };
      const store = await open();
      const plan = await planAgainst(store, loaded.state, { ...ctx, target: store.target });
      const result = await executePlan(plan, store, { concurrency: 4 });
      store.close();
      expect(result.results).toEqual([expect.objectContaining({ address: 'LicenseConfiguration/windows', outcome: 'failed' })]);
      expect(emulator.callCounts()['CreateLicenseConfiguration']).toBe(3);
      const next = await open();
      const again = await planAgainst(next, loaded.state, { ...ctx, target: next.target });
      next.close();
      expect(again.changes).toEqual([expect.objectContaining({ action: 'create', warnings: [expect.stringMatching(/^an earlier create of LicenseConfiguration\/windows \(.+\) ended without an answer and may still land: apply waits until .+ and takes it if it is there, instead of creating a second one$/)] })]);
    } finally {
      await server.close();
      await removeDir(dir);
    }
  });
});
