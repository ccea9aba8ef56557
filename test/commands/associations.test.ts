// The Association kind through the CLI against the embedded emulator: license configurations associated with an AMI
// and an instance of the simulated fleet, changed as sets, removed, and never a pair this project does not own.
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  CreateLicenseConfigurationCommand, GetLicenseConfigurationCommand, type LicenseManagerClient, ListTagsForResourceCommand, TagResourceCommand, ListLicenseSpecificationsForResourceCommand, UntagResourceCommand, UpdateLicenseSpecificationsForResourceCommand,
} from '@aws-sdk/client-license-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaProblems } from '../../src/app/schema.js';
import { CONFIG_YAML, PROJECT_YAML, projectDir, removeDir, runCli, statePathOf } from '../helpers/cli.js';
import { otherClient } from '../helpers/live.js';

const AMI = 'arn:aws:ec2:us-east-1::image/ami-0windows';
const OTHER_AMI = 'arn:aws:ec2:us-east-1::image/ami-0other';
const association = (name: string, resourceArn: string, configurations: string) => `apiVersion: licensectl/v1
kind: Association
metadata: {name: ${name}}
spec:
  resourceArn: ${resourceArn}
  licenseConfigurations: [${configurations}]
`;

interface PlanJson {
  summary: Record<string, number>;
  changes: { address: string; action: string; arn: string | null; before?: unknown; diff: { path: string; before?: unknown; after?: unknown; added?: string[]; removed?: string[]; forcesReplacement?: boolean }[] }[];
  unmanaged: { kind: string; arn: string; displayName: string; owner: string }[];
}

describe('Association documents against the embedded emulator', () => {
  let dir: string;
  let lm: LicenseManagerClient;
  let handMade: string;
  let instanceArn: string;
  const cli = (args: string[]) => runCli([...args, '--dir', dir]);
  const plan = async (): Promise<PlanJson> => {
    const r = await cli(['plan', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const parsed = JSON.parse(r.stdout) as PlanJson;
    expect(schemaProblems('plan.schema.json', parsed)).toEqual([]);
    return parsed;
  };
  const active = (p: PlanJson) => p.changes.filter((c) => c.action !== 'no-op');
  const apply = async () => {
    const r = await cli(['apply', '--auto-approve', '--stats']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    return r;
  };
  const specsOf = async (resourceArn: string) => {
    const out = await lm.send(new ListLicenseSpecificationsForResourceCommand({ ResourceArn: resourceArn }));
    return (out.LicenseSpecifications ?? []).map((s) => s.LicenseConfigurationArn!).sort();
  };
  const arnOfConfig = async (name: string) => (await plan()).changes.find((c) => c.address === `LicenseConfiguration/${name}`)!.arn!;

  beforeAll(async () => {
    dir = await projectDir({
      'licensectl.yaml': PROJECT_YAML('assoc'),
      'configs.yaml': ['a-lic', 'b-lic', 'c-lic'].map((n) => CONFIG_YAML(n, 'countingType: Instance\nlicenseCount: 10')).join('---\n'),
    });
    await apply();
    lm = otherClient(statePathOf(dir));
    const launched = await runCli(['emulator', 'fleet', 'launch', '--state', statePathOf(dir), '--ami', 'ami-0linux']);
    expect(launched.status, launched.stderr).toBe(0);
    instanceArn = `arn:aws:ec2:us-east-1:000000000000:instance/${launched.stdout.trim()}`;
    // A configuration this project does not manage, associated with the AMI by someone else.
    handMade = (await lm.send(new CreateLicenseConfigurationCommand({ Name: 'hand-made', LicenseCountingType: 'Instance' }))).LicenseConfigurationArn!;
    await lm.send(new UpdateLicenseSpecificationsForResourceCommand({ ResourceArn: AMI, AddLicenseSpecifications: [{ LicenseConfigurationArn: handMade }] }));
  });
  afterAll(async () => { lm.destroy(); await removeDir(dir); });

  it('creates the pairs it names with one UpdateLicenseSpecificationsForResource; the next plan has no changes', async () => {
    await writeFile(path.join(dir, 'ami.yaml'), association('ami-windows', AMI, 'a-lic, b-lic'));
    const p = await plan();
    expect(active(p)).toEqual([expect.objectContaining({ address: 'Association/ami-windows', action: 'create' })]);
    const r = await apply();
    expect(r.stderr).toMatch(/^ {2}UpdateLicenseSpecificationsForResource +1 call\b/m);
    expect(await specsOf(AMI)).toEqual([await arnOfConfig('a-lic'), await arnOfConfig('b-lic'), handMade].sort());
    const again = await plan();
    expect(active(again)).toEqual([]);
    expect(again.changes).toContainEqual(expect.objectContaining({ address: 'Association/ami-windows', action: 'no-op', arn: AMI }));
  });

  it('adds and removes configurations as a set diff, element by element, in one call', async () => {
    await writeFile(path.join(dir, 'ami.yaml'), association('ami-windows', AMI, 'c-lic, b-lic'));
    const p = await plan();
    expect(active(p)).toEqual([expect.objectContaining({
      address: 'Association/ami-windows', action: 'update',
      diff: [expect.objectContaining({ path: 'licenseConfigurations', added: ['c-lic'], removed: ['a-lic'] })],
    })]);
    const text = await cli(['plan']);
    expect(text.stdout).toContain('~ Association/ami-windows');
    expect(text.stdout).toMatch(/\+ "c-lic"/);
    expect(text.stdout).toMatch(/- "a-lic"/);
    const r = await apply();
    expect(r.stderr).toMatch(/^ {2}UpdateLicenseSpecificationsForResource +1 call\b/m);
    expect(await specsOf(AMI)).toEqual([await arnOfConfig('b-lic'), await arnOfConfig('c-lic'), handMade].sort());
    expect(active(await plan())).toEqual([]);
  });

  it('reads with one ListAssociationsForLicenseConfiguration per managed configuration it claims and no call per resource', async () => {
    const r = await cli(['plan', '--stats']);
    expect(r.status, r.stderr).toBe(0);
    // b-lic and c-lic carry the claims of Association/ami-windows; a-lic carries none and is not read.
    expect(r.stderr).toMatch(/^ {2}ListAssociationsForLicenseConfiguration +2 calls\b/m);
    expect(r.stderr).not.toMatch(/ListLicenseSpecificationsForResource|ListUsageForLicenseConfiguration/);
  });

  it('lists a pair of a managed configuration that no document names as unmanaged, and never removes it', async () => {
    const bLic = await arnOfConfig('b-lic');
    await lm.send(new UpdateLicenseSpecificationsForResourceCommand({ ResourceArn: OTHER_AMI, AddLicenseSpecifications: [{ LicenseConfigurationArn: bLic }] }));
    const p = await plan();
    expect(active(p)).toEqual([]);
    expect(p.unmanaged).toContainEqual({ kind: 'Association', arn: bLic, displayName: OTHER_AMI, owner: 'unmanaged' });
    expect((await cli(['plan'])).stdout).toContain(`Association "${OTHER_AMI}" ${bLic} (unmanaged)`);
  });

  it('replaces an association whose resource changes: the pairs move from the AMI to the instance', async () => {
    await writeFile(path.join(dir, 'ami.yaml'), association('ami-windows', instanceArn, 'b-lic, c-lic'));
    const p = await plan();
    expect(active(p)).toEqual([expect.objectContaining({
      address: 'Association/ami-windows', action: 'replace', diff: [expect.objectContaining({ path: 'resourceArn', forcesReplacement: true })],
    })]);
    await apply();
    expect(await specsOf(AMI)).toEqual([handMade]);
    expect(await specsOf(instanceArn)).toEqual([await arnOfConfig('b-lic'), await arnOfConfig('c-lic')].sort());
    expect(active(await plan())).toEqual([]);
  });

  it('a removed document removes exactly its pairs (prune on); the unmanaged pair and the foreign configuration stay', async () => {
    await rm(path.join(dir, 'ami.yaml'));
    await writeFile(path.join(dir, 'licensectl.yaml'), PROJECT_YAML('assoc', '  prune: false\n'));
    expect(active(await plan())).toEqual([]);
    await writeFile(path.join(dir, 'licensectl.yaml'), PROJECT_YAML('assoc'));
    expect(active(await plan())).toEqual([expect.objectContaining({ address: 'Association/ami-windows', action: 'delete', arn: instanceArn })]);
    const r = await apply();
    expect(r.stdout).toContain('Plan: 0 to create, 0 to update, 0 to replace, 1 to delete.');
    expect(await specsOf(instanceArn)).toEqual([]);
    expect(await specsOf(AMI)).toEqual([handMade]);
    expect(await specsOf(OTHER_AMI)).toEqual([await arnOfConfig('b-lic')]);
    expect(active(await plan())).toEqual([]);
  });

  it('a claim tag whose pair is gone (an apply killed between its calls) is planned away; a pair made by hand later is not taken over', async () => {
    const [bLic, cLic] = [await arnOfConfig('b-lic'), await arnOfConfig('c-lic')];
    await lm.send(new TagResourceCommand({ ResourceArn: cLic, Tags: [{ Key: 'licensectl:association:ghost', Value: OTHER_AMI }] }));
    const p = await plan();
    expect(active(p)).toEqual([expect.objectContaining({ address: 'Association/ghost', action: 'delete', arn: OTHER_AMI })]);
    expect(p.changes.find((c) => c.address === 'Association/ghost')).toMatchObject({ before: { spec: { licenseConfigurations: [], unpairedClaims: ['c-lic'] } } });
    await apply();
    expect(active(await plan())).toEqual([]);
    // Someone associates the AMI with c-lic by hand: not ours, kept.
    await lm.send(new UpdateLicenseSpecificationsForResourceCommand({ ResourceArn: OTHER_AMI, AddLicenseSpecifications: [{ LicenseConfigurationArn: cLic }] }));
    expect(active(await plan())).toEqual([]);
    await apply();
    expect(await specsOf(OTHER_AMI)).toEqual([bLic, cLic].sort());
  });

  it('a configuration replaced under an Association: its pair is released before the delete, the new one associated after', async () => {
    await writeFile(path.join(dir, 'ami.yaml'), association('ami-windows', AMI, 'a-lic'));
    await apply();
    const before = await arnOfConfig('a-lic');
    expect(await specsOf(AMI)).toEqual([before, handMade].sort());
    await writeFile(path.join(dir, 'configs.yaml'), ['a-lic', 'b-lic', 'c-lic'].map((n) => CONFIG_YAML(n, `countingType: ${n === 'a-lic' ? 'Core' : 'Instance'}\nlicenseCount: 10`)).join('---\n'));
    expect(active(await plan()).map((c) => `${c.action} ${c.address}`)).toEqual(['replace LicenseConfiguration/a-lic', 'update Association/ami-windows']);
    await apply();
    const after = await arnOfConfig('a-lic');
    expect(after).not.toBe(before);
    expect(await specsOf(AMI)).toEqual([after, handMade].sort());
    expect(active(await plan())).toEqual([]);
  });
});

describe('validate of Association documents', () => {
  it('names the file, line, column and field of a missing configuration and of a resource that is no AMI, instance or host', async () => {
    const dir = await projectDir({
      'licensectl.yaml': PROJECT_YAML('assoc'),
      'a.yaml': association('ami', 'arn:aws:ec2:us-east-1::image/ami-0abc', 'nope'),
      'b.yaml': association('bucket', 'arn:aws:s3:::bucket', 'nope'),
    });
    try {
      const r = await runCli(['validate', '--dir', dir, '--json']);
      expect(r.status).toBe(1);
      const { error } = JSON.parse(r.stdout) as { error: { code: string; diagnostics: Record<string, unknown>[] } };
      expect(error.code).toBe('INVALID_CONFIG');
      expect(error.diagnostics).toEqual([
        expect.objectContaining({ code: 'MISSING_REFERENCE', file: 'a.yaml', line: 6, column: 27, field: 'spec.licenseConfigurations[0]', message: 'LicenseConfiguration "nope" is not defined' }),
        expect.objectContaining({ file: 'b.yaml', line: 5, column: 16, field: 'spec.resourceArn' }),
        expect.objectContaining({ code: 'MISSING_REFERENCE', file: 'b.yaml', line: 6, column: 27 }),
      ]);
    } finally {
      await removeDir(dir);
    }
  });
});

describe('an Association and the configurations it names changing in one apply', () => {
  let dir: string;
  let lm: LicenseManagerClient;
  const cli = (args: string[]) => runCli([...args, '--dir', dir]);
  const configs = (names: string[]) => names.map((n) => CONFIG_YAML(n, 'countingType: Instance\nlicenseCount: 10')).join('---\n');
  const planned = async () => {
    const r = await cli(['plan', '--json']);
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as PlanJson;
  };
  const specsOf = async (resourceArn: string) => {
    const out = await lm.send(new ListLicenseSpecificationsForResourceCommand({ ResourceArn: resourceArn }));
    return (out.LicenseSpecifications ?? []).map((s) => s.LicenseConfigurationArn!).sort();
  };
  beforeAll(async () => {
    dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('assoc-drop'), 'configs.yaml': configs(['a-lic', 'b-lic']), 'x.yaml': association('x', AMI, 'a-lic, b-lic') });
    const r = await cli(['apply', '--auto-approve']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    lm = otherClient(statePathOf(dir));
  });
  afterAll(async () => { lm.destroy(); await removeDir(dir); });

  it('a configuration deleted while its Association drops it: the pair is removed first, then the configuration', async () => {
    const bLic = (await planned()).changes.find((c) => c.address === 'LicenseConfiguration/b-lic')!.arn!;
    await writeFile(path.join(dir, 'configs.yaml'), configs(['b-lic']));
    await writeFile(path.join(dir, 'x.yaml'), association('x', AMI, 'b-lic'));
    const r = await cli(['apply', '--auto-approve', '--concurrency', '1']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(await specsOf(AMI)).toEqual([bLic]);
    expect((await planned()).changes.filter((c) => c.action !== 'no-op')).toEqual([]);
  });

  it('a configuration dropped whose pair was removed by hand: the update removes its claim, and a later hand-made pair stays', async () => {
    await writeFile(path.join(dir, 'configs.yaml'), configs(['b-lic', 'd-lic']));
    await writeFile(path.join(dir, 'x.yaml'), association('x', AMI, 'b-lic, d-lic'));
    expect((await cli(['apply', '--auto-approve'])).status).toBe(0);
    const p0 = await planned();
    const [bLic, dLic] = ['b-lic', 'd-lic'].map((n) => p0.changes.find((c) => c.address === `LicenseConfiguration/${n}`)!.arn!);
    await lm.send(new UpdateLicenseSpecificationsForResourceCommand({ ResourceArn: AMI, RemoveLicenseSpecifications: [{ LicenseConfigurationArn: dLic }] }));
    await writeFile(path.join(dir, 'x.yaml'), association('x', AMI, 'b-lic'));
    const p = await planned();
    expect(p.changes.filter((c) => c.action !== 'no-op')).toEqual([expect.objectContaining({
      address: 'Association/x', action: 'update', diff: [expect.objectContaining({ path: 'unpairedClaims', before: ['d-lic'], after: null })],
    })]);
    const r = await cli(['apply', '--auto-approve']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const tags = (await lm.send(new ListTagsForResourceCommand({ ResourceArn: dLic }))).Tags ?? [];
    expect(tags.map((t) => t.Key)).not.toContain('licensectl:association:x');
    await lm.send(new UpdateLicenseSpecificationsForResourceCommand({ ResourceArn: AMI, AddLicenseSpecifications: [{ LicenseConfigurationArn: dLic }] }));
    expect((await planned()).changes.filter((c) => c.action !== 'no-op')).toEqual([]);
    expect((await cli(['apply', '--auto-approve'])).status).toBe(0);
    expect(await specsOf(AMI)).toEqual([bLic, dLic].sort());
  });

  it('a configuration replaced while a pair nobody claims holds it: refused before our pairs are released', async () => {
    const bLic = (await planned()).changes.find((c) => c.address === 'LicenseConfiguration/b-lic')!.arn!;
    await lm.send(new UpdateLicenseSpecificationsForResourceCommand({ ResourceArn: OTHER_AMI, AddLicenseSpecifications: [{ LicenseConfigurationArn: bLic }] }));
    await writeFile(path.join(dir, 'configs.yaml'), ['b-lic', 'd-lic'].map((n) => CONFIG_YAML(n, `countingType: ${n === 'b-lic' ? 'Core' : 'Instance'}\nlicenseCount: 10`)).join('---\n'));
    const r = await cli(['apply', '--auto-approve']);
    expect(r.status).toBe(1);
    // The plan's finding refuses it before anything is changed; without it, the store's own check would.
    expect(r.stderr, r.stdout + r.stderr).toContain('CONFIGURATION_IN_USE: LicenseConfiguration/b-lic is replaced (deleted and created again) while it tracks 1 resource (1 EC2_AMI; 0 licenses consumed) in account');
    expect(r.stderr).toContain('--allow-in-use');
    const forced = await cli(['apply', '--auto-approve', '--allow-in-use']);
    expect(forced.status).toBe(1);
    expect(forced.stdout).toContain(`License configuration ${bLic} is in use by 1 associated resource this project does not manage: ${OTHER_AMI}`);
    expect(await specsOf(AMI)).toContain(bLic);
    expect(await specsOf(OTHER_AMI)).toEqual([bLic]);
    // Its owner removes the pair: the next apply replaces the configuration and associates the new one.
    await lm.send(new UpdateLicenseSpecificationsForResourceCommand({ ResourceArn: OTHER_AMI, RemoveLicenseSpecifications: [{ LicenseConfigurationArn: bLic }] }));
    const again = await cli(['apply', '--auto-approve']);
    expect(again.status, again.stdout + again.stderr).toBe(0);
    const newB = (await planned()).changes.find((c) => c.address === 'LicenseConfiguration/b-lic')!.arn!;
    expect(newB).not.toBe(bLic);
    expect(await specsOf(AMI)).toContain(newB);
    expect((await planned()).changes.filter((c) => c.action !== 'no-op')).toEqual([]);
  });
});

describe('repair of a configuration an Association uses', () => {
  let dir: string;
  let lm: LicenseManagerClient;
  const cli = (args: string[]) => runCli([...args, '--dir', dir]);
  beforeAll(async () => {
    dir = await projectDir({
      'licensectl.yaml': PROJECT_YAML('assoc-repair'), 'configs.yaml': CONFIG_YAML('a-lic', 'countingType: Instance\nlicenseCount: 10'), 'x.yaml': association('x', AMI, 'a-lic'),
    });
    const r = await cli(['apply', '--auto-approve']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    lm = otherClient(statePathOf(dir));
  });
  afterAll(async () => { lm.destroy(); await removeDir(dir); });

  it('keeps the copy holding the pairs (an AMI\'s consume nothing) and deletes the other', async () => {
    const p = JSON.parse((await cli(['plan', '--json'])).stdout) as PlanJson;
    const original = p.changes.find((c) => c.address === 'LicenseConfiguration/a-lic')!.arn!;
    const g = await lm.send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn: original }));
    const copy = (await lm.send(new CreateLicenseConfigurationCommand({
      Name: g.Name, Description: g.Description, LicenseCountingType: g.LicenseCountingType, LicenseCount: g.LicenseCount, LicenseCountHardLimit: g.LicenseCountHardLimit,
      LicenseRules: g.LicenseRules, Tags: (g.Tags ?? []).filter((t) => !t.Key!.startsWith('licensectl:association:')),
    }))).LicenseConfigurationArn!;
    // The pair is on the copy repair would otherwise delete: the one whose ARN sorts last.
    const [kept, other] = [original, copy].sort().reverse() as [string, string];
    if (kept === copy) {
      await lm.send(new TagResourceCommand({ ResourceArn: copy, Tags: [{ Key: 'licensectl:association:x', Value: AMI }] }));
      await lm.send(new UpdateLicenseSpecificationsForResourceCommand({ ResourceArn: AMI, AddLicenseSpecifications: [{ LicenseConfigurationArn: copy }], RemoveLicenseSpecifications: [{ LicenseConfigurationArn: original }] }));
      await lm.send(new UntagResourceCommand({ ResourceArn: original, TagKeys: ['licensectl:association:x'] }));
    }
    const r = await cli(['repair', '--auto-approve']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const specs = (await lm.send(new ListLicenseSpecificationsForResourceCommand({ ResourceArn: AMI }))).LicenseSpecifications ?? [];
    expect(specs.map((s) => s.LicenseConfigurationArn)).toEqual([kept]);
    await expect(lm.send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn: other }))).rejects.toThrow();
    const after = JSON.parse((await cli(['plan', '--json'])).stdout) as PlanJson;
    expect(after.changes.filter((c) => c.action !== 'no-op')).toEqual([]);
  });
});
