// Watch with spec.targets meets observe-only resources (spec.management: observe): a target whose only difference is
// observed drift still receives the grants of the others (accepted and activated in its account), and its observed
// drift reaches the pass, /status (the pass's list and the target's own), the log, the metrics and the notifications
// of that target alone. (From a review: such a target was left out of the correction, and its drift out of /status.)
import { ListReceivedGrantsCommand, RejectGrantCommand } from '@aws-sdk/client-license-manager';
import { Writable } from 'node:stream';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SyncedDocuments } from '../../src/watch/change-causes.js';
import { directoryDesired } from '../../src/watch/directory-source.js';
import { createLogger, logReconcile } from '../../src/watch/log.js';
import { EventTracker } from '../../src/watch/notify-events.js';
import { passOfTargets, type ReconcileOutcome, type ReconcileRecord, type TargetOutcome } from '../../src/watch/outcome.js';
import { PruneGrace } from '../../src/watch/prune-grace.js';
import { DesiredMemory, reconcileOnce, type ReconcileContext } from '../../src/watch/reconcile.js';
import { StoreHolder } from '../../src/watch/store-holder.js';
import { WatchMetrics } from '../../src/watch/watch-metrics.js';
import { LICENSE_YAML, projectDir, removeDir, runCli, statePathOf } from '../helpers/cli.js';
import { otherClient } from '../helpers/live.js';
import { statusWithClock, T0 } from './builders.js';

const A = '111122223333';
const B = '222233334444';
const TWO = `apiVersion: licensectl/v1
kind: Project
metadata: {name: org}
spec:
  targets:
    - {name: a, account: "${A}", regions: [us-east-1]}
    - {name: b, account: "${B}", regions: [us-east-1]}
  defaultTargets: ["*"]
`;
const GRANT = `apiVersion: licensectl/v1
kind: Grant
metadata: {name: seats-to-b, targets: [a]}
spec: {license: seats, principal: "arn:aws:iam::${B}:root", homeRegion: us-east-1, allowedOperations: [CheckoutLicense], status: ACTIVE}
`;
/** Observed in b and made nowhere: b's only difference, reported missing every pass. */
const OBSERVED = `apiVersion: licensectl/v1
kind: LicenseConfiguration
metadata: {name: watched, targets: [b]}
spec: {management: observe, countingType: vCPU}
`;
const MISSING = { address: 'LicenseConfiguration/watched', fields: [], missing: true };
const NO_GIT = async () => ({ revision: null, dirty: null });
const record = (outcome: ReconcileOutcome): ReconcileRecord => ({ ...outcome, triggers: ['interval'], startedAt: T0, durationMs: 5 });

describe('watch with targets and observe-only resources', () => {
  let dir: string;
  let stores: StoreHolder;
  beforeAll(() => { process.env.LICENSECTL_MAX_ATTEMPTS = '1'; });
  afterEach(async () => {
    stores.close();
    await removeDir(dir);
  });

  async function setup(docs: string) {
    dir = await projectDir({ 'licensectl.yaml': TWO, 'docs.yaml': docs });
    stores = new StoreHolder();
    const ctx: ReconcileContext = {
      source: directoryDesired(dir, NO_GIT), mode: 'correct', storeFlags: { concurrency: 4 },
      memory: new DesiredMemory(), synced: new SyncedDocuments(), grace: new PruneGrace(0), stores,
    };
    return ctx;
  }

  it('accepts and activates a grant in the target whose only difference is observed drift, and corrects its rejection', async () => {
    const ctx = await setup(`${LICENSE_YAML('seats', 'targets: [a]')}---\n${GRANT}---\n${OBSERVED}`);
    const received = async () => {
      const other = otherClient(statePathOf(dir), B);
      try {
        // A rejected grant is replaced, as apply does it: the old one stays listed as DELETED.
        return ((await other.send(new ListReceivedGrantsCommand({}))).Grants ?? []).filter((g) => g.GrantStatus !== 'DELETED');
      } finally {
        other.destroy();
      }
    };
    const first = await reconcileOnce(ctx);
    // b's part is the grantor's new grant, received: applied, its observed drift still reported beside it.
    expect(first.targets?.map((t) => [t.target, t.outcome, t.observed ?? []])).toEqual([['a', 'applied', []], ['b', 'applied', [MISSING]]]);
    expect((await received()).map((g) => [g.GrantName, g.GrantStatus])).toEqual([['seats-to-b', 'ACTIVE']]);
    const plan = await runCli(['plan', '--dir', dir, '--detailed-exitcode']);
    expect(plan.stdout).not.toContain('Grantee steps');
    expect(plan.status, plan.stdout + plan.stderr).toBe(0);

    const other = otherClient(statePathOf(dir), B);
    await other.send(new RejectGrantCommand({ GrantArn: (await received())[0]!.GrantArn! }));
    other.destroy();
    const second = await reconcileOnce(ctx);
    expect(second.targets?.map((t) => [t.target, t.outcome, t.observed ?? []])).toEqual([['a', 'drift-corrected', []], ['b', 'drift-corrected', [MISSING]]]);
    expect((await received()).map((g) => [g.GrantName, g.GrantStatus])).toEqual([['seats-to-b', 'ACTIVE']]);
    expect((await reconcileOnce(ctx)).targets?.map((t) => [t.target, t.outcome])).toEqual([['a', 'synced'], ['b', 'drift-detected']]);
  });

  it('reports a target\'s observed drift in the pass, /status, the log, the metrics and that target\'s notifications', async () => {
    const ctx = await setup(`${LICENSE_YAML('seats', 'targets: [a]')}---\n${OBSERVED}`);
    const pass = record(await reconcileOnce(ctx));
    expect(pass.targets?.map((t) => [t.target, t.outcome])).toEqual([['a', 'applied'], ['b', 'drift-detected']]);
    expect(pass.observed).toEqual([{ ...MISSING, target: 'b' }]);

    const { status } = statusWithClock();
    status.record(pass);
    const snapshot = status.snapshot();
    expect(snapshot.observed).toEqual([{ ...MISSING, target: 'b' }]);
    expect(snapshot.targets?.map((t) => [t.target, t.observed])).toEqual([['a', []], ['b', [MISSING]]]);

    const lines: string[] = [];
    logReconcile(createLogger(new Writable({ write(chunk: Buffer, _enc, done) { lines.push(chunk.toString()); done(); } }), 'json'), pass);
    const line = JSON.parse(lines[0]!) as { msg: string; observed?: unknown };
    expect(line.observed).toEqual([{ ...MISSING, target: 'b' }]);
    expect(line.msg).toContain('observed b/LicenseConfiguration/watched (missing, not created)');

    const metrics = new WatchMetrics(() => T0, true);
    metrics.observe(pass);
    const text = await metrics.text();
    expect(text).toContain('licensectl_drifted_resources{target="a"} 0');
    expect(text).toContain('licensectl_drifted_resources{target="b"} 1');

    // Only b's: the pass's list (every target's) is not a's.
    expect(new EventTracker().eventsOf(pass).map((e) => [e.event.type, e.event.target, e.event.observed])).toEqual([['drift-detected', 'b', [MISSING]]]);
  });
});

describe('a pass of several targets, summed up', () => {
  const part = (target: string, counts: TargetOutcome['counts']): TargetOutcome => ({
    target, account: A, region: 'us-east-1', outcome: 'applied', counts, changes: [], deferred: [], managed: 1, applied: null, findings: [], usage: null, error: null,
  });

  it('adds up every count, adopts included (present only when a target adopts)', () => {
    const adopting = part('a', { adopt: 2, create: 1, update: 0, replace: 0, delete: 0, noop: 3 });
    const other = part('b', { create: 0, update: 1, replace: 0, delete: 0, noop: 1 });
    expect(passOfTargets([adopting, other, part('c', null)]).counts).toEqual({ adopt: 2, create: 1, update: 1, replace: 0, delete: 0, noop: 4 });
    expect(passOfTargets([other, other]).counts).toEqual({ create: 0, update: 2, replace: 0, delete: 0, noop: 2 });
    expect(passOfTargets([part('c', null)]).counts).toBeNull();
  });
});
