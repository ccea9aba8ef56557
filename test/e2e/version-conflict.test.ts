// A new license or grant version names the version it was planned from. When another version lands between plan and
// apply (by hand, another tool, or a killed apply's request), apply reads the resource again and plans its change
// again once, as the document asks it: ignored fields and, with spec.tags: merge, other tools' tags are taken from
// the version that is there now. Real SDK against a served emulator; the other writer is another SDK client.
import {
  CreateGrantVersionCommand, CreateLicenseVersionCommand, GetGrantCommand, GetLicenseCommand, ListTagsForResourceCommand, TagResourceCommand,
} from '@aws-sdk/client-license-manager';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { executePlan } from '../../src/apply/execute-plan.js';
import { openStore } from '../../src/app/open-store.js';
import { loadDesired, planAgainst } from '../../src/app/planning.js';
import { schemaProblems } from '../../src/app/schema.js';
import { Emulator, startServer, type RunningServer } from '../../src/emulator/index.js';
import type { Plan } from '../../src/plan/types.js';
import { renderPlanJson } from '../../src/render/plan-json.js';
import { LICENSE_YAML, PROJECT_YAML, projectDir, removeDir } from '../helpers/cli.js';
import { lmClient } from '../helpers/emulator.js';
import { mixedState } from './mixed-state.js';

const SOURCE = { revision: null, dirty: null };
const GRANT_YAML = (tags: string, operations: string) => `apiVersion: licensectl/v1
kind: Grant
metadata: {name: to-dev, tags: ${tags}}
spec: {license: analytics, principal: "arn:aws:iam::222233334444:root", homeRegion: us-east-1, allowedOperations: [${operations}]}
`;

describe('a new version that landed since the plan', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    while (cleanup.length) await cleanup.pop()!();
  });

  /** A project applied to a served emulator; `plan()` plans its documents as they are now. */
  async function applied(files: Record<string, string>) {
    const server: RunningServer = await startServer(new Emulator(), { port: 0 });
    cleanup.push(() => server.close());
    const dir = await projectDir(files);
    cleanup.push(() => removeDir(dir));
    const plan = async () => {
      const loaded = await loadDesired(dir);
      const store = await openStore({ dir, project: loaded.state.project, flags: { endpoint: server.url, concurrency: 4 } });
      cleanup.push(async () => store.close());
      return { store, plan: await planAgainst(store, loaded.state, { target: store.target, source: SOURCE, createdAt: '2026-12-06T07:00:00Z' }) };
    };
    const seed = await plan();
    await executePlan(seed.plan, seed.store, { concurrency: 4 });
    return { dir, lm: lmClient(server.url), plan };
  }

  it('is read again and planned again once: the update goes on from the version that is there', async () => {
    const files = mixedState({ configurations: 0, licenses: 1, shares: 0, grants: 0 });
    const { dir, lm, plan: planNow } = await applied({ 'licensectl.yaml': PROJECT_YAML('versions'), ...files });
    await writeFile(path.join(dir, 'license-0.yaml'), files['license-0.yaml']!.replace('maxCount: 5', 'maxCount: 9'));
    const { store, plan } = await planNow();
    expect(plan.changes.filter((c) => c.action !== 'no-op').map((c) => `${c.action} ${c.address} v${c.meta?.version}`)).toEqual(['update License/license-0 v1']);
    // Meanwhile another version lands (by hand, or a killed apply's request): the plan's source version is stale.
    const license = (await lm.send(new GetLicenseCommand({ LicenseArn: plan.changes[0]!.arn! }))).License!;
    await lm.send(new CreateLicenseVersionCommand({
      LicenseArn: license.LicenseArn, LicenseName: license.LicenseName, ProductName: 'Renamed by hand', Issuer: { Name: license.Issuer!.Name },
      HomeRegion: license.HomeRegion, Validity: license.Validity, Entitlements: license.Entitlements, ConsumptionConfiguration: license.ConsumptionConfiguration,
      Status: 'AVAILABLE', SourceVersion: license.Version, ClientToken: 'by-hand-1',
    }));
    const result = await executePlan(plan, store, { concurrency: 4 });

    expect(result.results).toEqual([expect.objectContaining({ address: 'License/license-0', outcome: 'applied' })]);
    const after = (await lm.send(new GetLicenseCommand({ LicenseArn: plan.changes[0]!.arn! }))).License!;
    expect([after.Version, after.ProductName, after.Entitlements![0]!.MaxCount]).toEqual(['3', 'Product 0', 9]);
  });

  it('keeps the other writer\'s value at an ignored field, also from a plan read back from its JSON (a saved plan)', async () => {
    const { dir, lm, plan: planNow } = await applied({ 'licensectl.yaml': PROJECT_YAML('conflict'), 'l.yaml': LICENSE_YAML('seats') });
    // The document now leaves the entitlements to another tool, and renames the product (an update in place).
    await writeFile(path.join(dir, 'l.yaml'), LICENSE_YAML('seats', 'ignore: [spec.entitlements]').replace('productName: Acme Analytics', 'productName: Acme Analytics 2'));
    const { store, plan } = await planNow();
    const json = JSON.parse(renderPlanJson(plan)) as Plan;
    expect(schemaProblems('plan.schema.json', json)).toEqual([]);
    expect(json.changes).toEqual([expect.objectContaining({ action: 'update', ignore: ['spec.entitlements'], meta: expect.objectContaining({ version: '1' }) })]);
    // The owner of the entitlements lands a version first, from the same source version.
    const license = (await lm.send(new GetLicenseCommand({ LicenseArn: plan.changes[0]!.arn! }))).License!;
    await lm.send(new CreateLicenseVersionCommand({
      LicenseArn: license.LicenseArn, LicenseName: license.LicenseName, ProductName: license.ProductName, Issuer: { Name: license.Issuer!.Name },
      HomeRegion: license.HomeRegion, Validity: license.Validity, Entitlements: license.Entitlements!.map((e) => ({ ...e, MaxCount: 99 })),
      ConsumptionConfiguration: license.ConsumptionConfiguration, Status: 'AVAILABLE', SourceVersion: license.Version, ClientToken: 'other-tool',
    }));
    const result = await executePlan(json, store, { concurrency: 4 });

    expect(result.results).toEqual([expect.objectContaining({ address: 'License/seats', outcome: 'applied' })]);
    const live = (await lm.send(new GetLicenseCommand({ LicenseArn: plan.changes[0]!.arn! }))).License!;
    expect([live.Version, live.ProductName, live.Entitlements![0]!.MaxCount]).toEqual(['3', 'Acme Analytics 2', 99]);
  });

  it('with spec.tags: merge, a grant keeps the tags another tool added meanwhile and remembers the document\'s keys', async () => {
    const files = { 'licensectl.yaml': PROJECT_YAML('conflict', '  tags: merge\n'), 'l.yaml': LICENSE_YAML('analytics'), 'g.yaml': GRANT_YAML('{team: platform}', 'CheckoutLicense') };
    const { dir, lm, plan: planNow } = await applied(files);
    await writeFile(path.join(dir, 'g.yaml'), GRANT_YAML('{owner: data}', 'CheckoutLicense, CheckInLicense'));
    const { store, plan } = await planNow();
    const change = plan.changes.find((c) => c.address === 'Grant/to-dev')!;
    expect(change).toMatchObject({ action: 'update', tagKeys: ['owner'], meta: { version: '1' } });
    // Another tool tags the grant and lands a version of its own from the same source version.
    await lm.send(new TagResourceCommand({ ResourceArn: change.arn!, Tags: [{ Key: 'finops:owner', Value: 'cost-tool' }] }));
    await lm.send(new CreateGrantVersionCommand({ GrantArn: change.arn!, AllowedOperations: ['CheckoutLicense', 'ListPurchasedLicenses'], SourceVersion: '1', ClientToken: 'other-tool' }));
    const result = await executePlan(plan, store, { concurrency: 4 });

    expect(result.results).toEqual([expect.objectContaining({ address: 'Grant/to-dev', outcome: 'applied' })]);
    const grant = (await lm.send(new GetGrantCommand({ GrantArn: change.arn! }))).Grant!;
    expect([grant.Version, [...grant.GrantedOperations!].sort()]).toEqual(['3', ['CheckInLicense', 'CheckoutLicense']]);
    const tags = (await lm.send(new ListTagsForResourceCommand({ ResourceArn: change.arn! }))).Tags!;
    expect(Object.fromEntries(tags.filter((t) => t.Key === 'licensectl:tags' || !t.Key!.startsWith('licensectl:')).map((t) => [t.Key, t.Value]))).toEqual({
      owner: 'data', 'finops:owner': 'cost-tool', 'licensectl:tags': 'owner',
    });
  });
});
