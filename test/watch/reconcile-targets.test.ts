// A watch pass of a project with spec.targets against the embedded emulator (one state, an account per target): every
// target corrected in one pass, as apply does it (the receiving steps of a grant included); a target that fails does
// not stop the others; /status, the metrics and the notifications group by target.
import { ListLicenseConfigurationsCommand, ListReceivedGrantsCommand, RejectGrantCommand, UpdateLicenseConfigurationCommand } from '@aws-sdk/client-license-manager';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { lockApply } from '../../src/app/apply-lock.js';
import { SyncedDocuments } from '../../src/watch/change-causes.js';
import { directoryDesired } from '../../src/watch/directory-source.js';
import { EventTracker } from '../../src/watch/notify-events.js';
import type { ReconcileOutcome, ReconcileRecord } from '../../src/watch/outcome.js';
import { PruneGrace } from '../../src/watch/prune-grace.js';
import { DesiredMemory, reconcileOnce, type ReconcileContext } from '../../src/watch/reconcile.js';
import { StoreHolder } from '../../src/watch/store-holder.js';
import { WatchMetrics } from '../../src/watch/watch-metrics.js';
import { LICENSE_YAML, projectDir, removeDir, statePathOf } from '../helpers/cli.js';
import { otherClient } from '../helpers/live.js';
import { statusWithClock, T0 } from './builders.js';

const A = '111122223333';
const B = '222233334444';
const PROJECT = (targets: string) => `apiVersion: licensectl/v1
kind: Project
metadata: {name: org}
spec:
  targets:
${targets}
  defaultTargets: ["*"]
`;
const TWO = PROJECT(`    - {name: a, account: "${A}", regions: [us-east-1]}\n    - {name: b, account: "${B}", regions: [us-east-1]}`);
const CONFIG = (count: number) => `apiVersion: licensectl/v1\nkind: LicenseConfiguration\nmetadata: {name: windows}\nspec: {countingType: vCPU, licenseCount: ${count}}\n`;
const GRANT = `apiVersion: licensectl/v1
kind: Grant
metadata: {name: seats-to-b, targets: [a]}
spec: {license: seats, principal: "arn:aws:iam::${B}:root", homeRegion: us-east-1, allowedOperations: [CheckoutLicense], status: ACTIVE}
`;
const NO_GIT = async () => ({ revision: null, dirty: null });
const record = (outcome: ReconcileOutcome, at = T0): ReconcileRecord => ({ ...outcome, triggers: ['interval'], startedAt: at, durationMs: 5 });

describe('a watch pass of a project with targets', () => {
  let dir: string;
  let stores: StoreHolder;
  beforeAll(() => { process.env.LICENSECTL_MAX_ATTEMPTS = '1'; });
  afterEach(async () => {
    stores.close();
    await removeDir(dir);
  });

  async function setup(files: Record<string, string>) {
    dir = await projectDir(files);
    const memory = new DesiredMemory();
    const synced = new SyncedDocuments();
    const grace = new PruneGrace(0);
    stores = new StoreHolder();
    const ctx = (more: Partial<ReconcileContext> = {}): ReconcileContext => ({
      source: directoryDesired(dir, NO_GIT), mode: 'correct', storeFlags: { concurrency: 4 }, memory, synced, grace, stores, ...more,
    });
    const client = (account: string) => otherClient(statePathOf(dir), account);
    const counts = async (account: string) => {
      const other = client(account);
      const out = await other.send(new ListLicenseConfigurationsCommand({}));
      other.destroy();
      return Object.fromEntries((out.LicenseConfigurations ?? []).map((c) => [c.Name, c.LicenseCount]));
    };
    const setCount = async (account: string, count: number) => {
      const other = client(account);
      const live = (await other.send(new ListLicenseConfigurationsCommand({}))).LicenseConfigurations![0]!;
      await other.send(new UpdateLicenseConfigurationCommand({ LicenseConfigurationArn: live.LicenseConfigurationArn, LicenseCount: count }));
      other.destroy();
    };
    return { ctx, counts, setCount, client };
  }

  it('corrects drift in both targets in one pass, each change naming its target; status and metrics group by target', async () => {
    const { ctx, counts, setCount } = await setup({ 'licensectl.yaml': TWO, 'docs.yaml': CONFIG(10) });
    const first = await reconcileOnce(ctx());
    expect(first.targets?.map((t) => [t.target, t.account, t.outcome])).toEqual([['a', A, 'applied'], ['b', B, 'applied']]);
    expect(first).toMatchObject({ outcome: 'applied', counts: { create: 2 }, managed: 2, error: null });
    expect([await counts(A), await counts(B)]).toEqual([{ windows: 10 }, { windows: 10 }]);
    await setCount(A, 99);
    await setCount(B, 42);
    const second = await reconcileOnce(ctx());
    expect(second).toMatchObject({
      outcome: 'drift-corrected',
      changes: [
        { target: 'a', address: 'LicenseConfiguration/windows', action: 'update', cause: 'drift', fields: ['licenseCount'] },
        { target: 'b', address: 'LicenseConfiguration/windows', action: 'update', cause: 'drift', fields: ['licenseCount'] },
      ],
    });
    expect(second.targets?.map((t) => t.outcome)).toEqual(['drift-corrected', 'drift-corrected']);
    expect([await counts(A), await counts(B)]).toEqual([{ windows: 10 }, { windows: 10 }]);

    const { status } = statusWithClock();
    status.record(record(second));
    const snapshot = status.snapshot();
    expect(snapshot.targets?.map((t) => [t.target, t.account, t.region, t.lastResult.outcome, t.changes.map((c) => c.address)])).toEqual([
      ['a', A, 'us-east-1', 'drift-corrected', ['LicenseConfiguration/windows']],
      ['b', B, 'us-east-1', 'drift-corrected', ['LicenseConfiguration/windows']],
    ]);
    expect(snapshot.changes.map((c) => c.target)).toEqual(['a', 'b']);

    const metrics = new WatchMetrics(() => T0, true);
    metrics.observe(record(second));
    const text = await metrics.text();
    expect(text).toContain('licensectl_reconciles_total{target="a",outcome="drift-corrected"} 1');
    expect(text).toContain('licensectl_reconciles_total{target="b",outcome="drift-corrected"} 1');
    expect(text).toContain('licensectl_configuration_license_count{target="a",name="windows"} 10');
    expect(text).toContain('licensectl_configuration_consumed_licenses{target="b",name="windows"} 0');
    expect(text).toContain('licensectl_managed_resources{target="b"} 1');
    expect(text).toMatch(/^licensectl_reconcile_duration_seconds_count 1$/m);

    const events = new EventTracker().eventsOf(record(second));
    expect(events.map((e) => [e.event.type, e.event.target, e.text])).toEqual([
      ['drift-corrected', 'a', 'licensectl org (target a): drift corrected: update LicenseConfiguration/windows (drift: licenseCount)'],
      ['drift-corrected', 'b', 'licensectl org (target b): drift corrected: update LicenseConfiguration/windows (drift: licenseCount)'],
    ]);
  });

  it('a target whose credentials are another account\'s fails alone: the other is corrected, and the pass names the failed one', async () => {
    const wrong = `    - {name: c, account: "333344445555", regions: [us-east-1], roleArn: "arn:aws:iam::444455556666:role/licensectl"}`;
    const { ctx, counts } = await setup({ 'licensectl.yaml': PROJECT(`    - {name: a, account: "${A}", regions: [us-east-1]}\n${wrong}`), 'docs.yaml': CONFIG(5) });
    const pass = await reconcileOnce(ctx());
    expect(pass.targets?.map((t) => [t.target, t.outcome, t.error?.code ?? null])).toEqual([['a', 'applied', null], ['c', 'store-error', 'ACCOUNT_MISMATCH']]);
    expect(pass.outcome).toBe('store-error');
    expect(pass.error).toMatchObject({ code: 'ACCOUNT_MISMATCH' });
    expect(pass.error?.message).toMatch(/^1 of 2 targets failed: c \(store-error: \[ACCOUNT_MISMATCH\] target c is account 333344445555, but its credentials are for account 444455556666\)$/);
    expect(await counts(A)).toEqual({ windows: 5 });
    expect(await counts('444455556666')).toEqual({});

    const metrics = new WatchMetrics(() => T0, true);
    metrics.observe(record(pass));
    const text = await metrics.text();
    expect(text).toContain('licensectl_reconciles_total{target="c",outcome="store-error"} 1');
    expect(text).toContain('licensectl_reconciles_total{target="a",outcome="applied"} 1');
    expect(text).toContain('licensectl_last_success_timestamp_seconds{target="a"}');
    expect(text).not.toContain('licensectl_last_success_timestamp_seconds{target="c"}');
    const { status } = statusWithClock();
    status.record(record(pass));
    expect(status.snapshot().targets?.map((t) => [t.target, t.lastError?.code ?? null, t.lastSuccessAt !== null])).toEqual([['a', null, true], ['c', 'ACCOUNT_MISMATCH', false]]);
  });

  it('--only-targets: a watcher reconciles only its share, and a pattern that selects nothing fails the pass', async () => {
    const { ctx, counts } = await setup({ 'licensectl.yaml': TWO, 'docs.yaml': CONFIG(3) });
    const pass = await reconcileOnce(ctx({ onlyTargets: ['b'] }));
    expect(pass.targets?.map((t) => [t.target, t.outcome])).toEqual([['b', 'applied']]);
    expect([await counts(A), await counts(B)]).toEqual([{}, { windows: 3 }]);
    const none = await reconcileOnce(ctx({ onlyTargets: ['prod-*'] }));
    expect(none).toMatchObject({ outcome: 'store-error', targets: [], error: { code: 'USAGE', message: '--only-targets "prod-*" selects no target' } });
  });

  it('in --mode warn reports each target\'s drift and changes nothing; the apply lock held fails the whole pass', async () => {
    const { ctx, counts } = await setup({ 'licensectl.yaml': TWO, 'docs.yaml': CONFIG(7) });
    const warn = await reconcileOnce(ctx({ mode: 'warn' }));
    expect(warn.targets?.map((t) => t.outcome)).toEqual(['out-of-sync', 'out-of-sync']);
    expect([await counts(A), await counts(B)]).toEqual([{}, {}]);
    const release = await lockApply(statePathOf(dir), 'org', { timeoutMs: 0, command: 'licensectl apply' });
    try {
      expect(await reconcileOnce(ctx())).toMatchObject({ outcome: 'store-error', targets: [], error: { code: 'APPLY_LOCKED' } });
    } finally {
      await release();
    }
  });

  it('grants a license to the other target\'s account and accepts and activates it there; a grantee\'s rejection is corrected', async () => {
    const { ctx, client } = await setup({ 'licensectl.yaml': TWO, 'docs.yaml': `${LICENSE_YAML('seats', 'targets: [a]')}---\n${GRANT}` });
    const received = async () => {
      const other = client(B);
      const grants = (await other.send(new ListReceivedGrantsCommand({}))).Grants ?? [];
      other.destroy();
      // A rejected grant is replaced, as apply does it: the old one stays listed as DELETED.
      return grants.filter((g) => g.GrantStatus !== 'DELETED').map((g) => [g.GrantName, g.GrantStatus]);
    };
    const first = await reconcileOnce(ctx());
    expect(first.targets?.map((t) => [t.target, t.outcome])).toEqual([['a', 'applied'], ['b', 'applied']]);
    expect(await received()).toEqual([['seats-to-b', 'ACTIVE']]);
    const other = client(B);
    const arn = (await other.send(new ListReceivedGrantsCommand({}))).Grants![0]!.GrantArn!;
    await other.send(new RejectGrantCommand({ GrantArn: arn }));
    other.destroy();
    const second = await reconcileOnce(ctx());
    expect(second.targets?.map((t) => [t.target, t.outcome]), JSON.stringify(second.error)).toEqual([['a', 'drift-corrected'], ['b', 'drift-corrected']]);
    expect(await received()).toEqual([['seats-to-b', 'ACTIVE']]);
    expect((await reconcileOnce(ctx())).targets?.map((t) => t.outcome)).toEqual(['synced', 'synced']);
  });

  it('error findings refuse only the target whose plan has them; the other is corrected', async () => {
    const policy = TWO.replace('  defaultTargets', '  policies: {requireHardLimit: [oracle-*]}\n  defaultTargets');
    const oracle = 'apiVersion: licensectl/v1\nkind: LicenseConfiguration\nmetadata: {name: oracle-db, targets: [a]}\nspec: {countingType: Core, licenseCount: 8}\n';
    const { ctx, counts } = await setup({ 'licensectl.yaml': policy, 'docs.yaml': CONFIG(6), 'oracle.yaml': oracle });
    const pass = await reconcileOnce(ctx());
    expect(pass.targets?.map((t) => [t.target, t.outcome, t.error?.code ?? null])).toEqual([['a', 'refused', 'FINDINGS_REFUSED'], ['b', 'applied', null]]);
    expect(pass.outcome).toBe('refused');
    expect(pass.findings?.map((f) => [f.target, f.code])).toEqual([['a', 'POLICY_HARD_LIMIT_REQUIRED']]);
    expect([await counts(A), await counts(B)]).toEqual([{}, { windows: 6 }]);
    const events = new EventTracker().eventsOf(record(pass));
    expect(events.map((e) => [e.event.type, e.event.target])).toEqual([['findings', 'a'], ['apply-refused', 'a']]);
    expect(events[1]?.text).toMatch(/^licensectl org \(target a\): apply refused, nothing changed: /);
  });

  it('--max-deletes counts the deletes of every target together: over it, no target deletes', async () => {
    const pruning = TWO.replace('  defaultTargets', '  prune: true\n  defaultTargets');
    const sql = CONFIG(1).replace('name: windows', 'name: sql');
    const { ctx, counts } = await setup({ 'licensectl.yaml': pruning, 'docs.yaml': CONFIG(2), 'sql.yaml': sql });
    await reconcileOnce(ctx());
    await rm(path.join(dir, 'sql.yaml'));
    const refused = await reconcileOnce(ctx({ maxDeletes: 1 }));
    expect(refused.targets?.map((t) => [t.target, t.outcome, t.error?.code])).toEqual([['a', 'apply-failed', 'TOO_MANY_DELETES'], ['b', 'apply-failed', 'TOO_MANY_DELETES']]);
    expect(refused.targets?.[0]?.error?.message).toBe('the plan deletes or replaces 2 resources across its targets, more than --max-deletes 1');
    expect([await counts(A), await counts(B)]).toEqual([{ windows: 2, sql: 1 }, { windows: 2, sql: 1 }]);
    expect((await reconcileOnce(ctx({ maxDeletes: 2 }))).targets?.map((t) => t.outcome)).toEqual(['applied', 'applied']);
    expect([await counts(A), await counts(B)]).toEqual([{ windows: 2 }, { windows: 2 }]);
  });

  it('a single-target project\'s pass has no targets, and its metrics no target label', async () => {
    const { ctx } = await setup({ 'licensectl.yaml': 'apiVersion: licensectl/v1\nkind: Project\nmetadata: {name: p}\nspec: {}\n', 'docs.yaml': CONFIG(1) });
    const pass = await reconcileOnce(ctx());
    expect(pass.targets).toBeUndefined();
    const metrics = new WatchMetrics(() => T0);
    metrics.observe(record(pass));
    const text = await metrics.text();
    expect(text).toContain('licensectl_reconciles_total{outcome="applied"} 1');
    expect(text).not.toContain('target=');
    expect(await reconcileOnce(ctx({ onlyTargets: ['a'] }))).toMatchObject({ outcome: 'store-error', error: { code: 'USAGE', message: '--only-targets needs spec.targets in licensectl.yaml' } });
    await writeFile(path.join(dir, 'licensectl.yaml'), TWO);
    const targeted = await reconcileOnce(ctx());
    metrics.observe(record(targeted));
    // The project gained targets: the series start afresh, labelled.
    expect(await metrics.text()).toContain('licensectl_reconciles_total{target="a",outcome="applied"} 1');
  });
});
