import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CreateLicenseConfigurationCommand, ListLicenseConfigurationsCommand } from '@aws-sdk/client-license-manager';
import { schemaProblems } from '../../src/app/schema.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONFIG_YAML, PROJECT_YAML, projectDir, removeDir, runCli, statePathOf } from '../helpers/cli.js';
import { otherClient } from '../helpers/live.js';

const CORE = 'countingType: Core\nlicenseCount: 100\nrules: {minimumCores: 4}';
const VCPU = 'countingType: vCPU\nlicenseCount: 10';

async function planJson(dir: string) {
  const r = await runCli(['plan', '--dir', dir, '--json']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as { summary: Record<string, number>; changes: { address: string; action: string; diff: { path: string; forcesReplacement?: boolean }[]; reasons: string[] }[]; unmanaged: { arn: string; displayName: string }[] };
}

const active = (plan: Awaited<ReturnType<typeof planJson>>) => plan.changes.filter((c) => c.action !== 'no-op');

describe('planning and applying license configurations', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await projectDir({
      'licensectl.yaml': PROJECT_YAML(),
      'core.yaml': CONFIG_YAML('core-lic', CORE),
      'vcpu.yaml': CONFIG_YAML('vcpu-lic', VCPU),
    });
    const r = await runCli(['apply', '--dir', dir, '--auto-approve']);
    expect(r.status).toBe(0);
  });
  afterEach(async () => { await removeDir(dir); });

  it('editing licenseCount gives one update of that field', async () => {
    await writeFile(path.join(dir, 'core.yaml'), CONFIG_YAML('core-lic', CORE.replace('100', '200')));
    const plan = await planJson(dir);
    expect(active(plan)).toEqual([expect.objectContaining({ address: 'LicenseConfiguration/core-lic', action: 'update', diff: [{ path: 'licenseCount', before: 100, after: 200 }] })]);
    expect((await runCli(['apply', '--dir', dir, '--auto-approve'])).status).toBe(0);
    expect(active(await planJson(dir))).toEqual([]);
  });

  it('changing countingType gives one replace naming countingType', async () => {
    await writeFile(path.join(dir, 'vcpu.yaml'), CONFIG_YAML('vcpu-lic', VCPU.replace('vCPU', 'Instance')));
    const plan = await planJson(dir);
    const changes = active(plan);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ address: 'LicenseConfiguration/vcpu-lic', action: 'replace' });
    expect(changes[0]!.diff).toContainEqual(expect.objectContaining({ path: 'countingType', forcesReplacement: true }));
    const text = await runCli(['plan', '--dir', dir]);
    expect(text.stdout).toContain('countingType');
    expect(text.stdout).toContain('Plan: 0 to create, 0 to update, 1 to replace, 0 to delete.');
    expect((await runCli(['apply', '--dir', dir, '--auto-approve'])).status).toBe(0);
    expect(active(await planJson(dir))).toEqual([]);
  });

  it('deleting a document deletes the configuration, unless prune is off', async () => {
    await rm(path.join(dir, 'vcpu.yaml'));
    await writeFile(path.join(dir, 'licensectl.yaml'), PROJECT_YAML('test-project', '  prune: false\n'));
    expect(active(await planJson(dir))).toEqual([]);
    await writeFile(path.join(dir, 'licensectl.yaml'), PROJECT_YAML());
    expect(active(await planJson(dir))).toEqual([expect.objectContaining({ address: 'LicenseConfiguration/vcpu-lic', action: 'delete' })]);
    expect((await runCli(['apply', '--dir', dir, '--auto-approve'])).status).toBe(0);
    expect(active(await planJson(dir))).toEqual([]);
  });

  it('lists a configuration made by another client as unmanaged and never touches it', async () => {
    const lm = otherClient(statePathOf(dir));
    const made = await lm.send(new CreateLicenseConfigurationCommand({ Name: 'hand-made', LicenseCountingType: 'Socket', LicenseCount: 3 }));
    const plan = await planJson(dir);
    expect(plan.unmanaged).toEqual([expect.objectContaining({ arn: made.LicenseConfigurationArn, displayName: 'hand-made', owner: 'unmanaged' })]);
    expect(active(plan)).toEqual([]);
    await rm(path.join(dir, 'vcpu.yaml'));
    await rm(path.join(dir, 'core.yaml'));
    expect((await runCli(['apply', '--dir', dir, '--auto-approve', '--allow-empty'])).status).toBe(0);
    const left = await lm.send(new ListLicenseConfigurationsCommand({}));
    expect(left.LicenseConfigurations?.map((c) => c.Name)).toEqual(['hand-made']);
  });

  it('plan --json validates against schemas/plan.schema.json', async () => {
    await writeFile(path.join(dir, 'core.yaml'), CONFIG_YAML('core-lic', CORE.replace('100', '300'), '{team: x}'));
    const problems = schemaProblems('plan.schema.json', await planJson(dir));
    expect(problems).toEqual([]);
  });
});
