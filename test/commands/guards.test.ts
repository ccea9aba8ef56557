import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CreateLicenseConfigurationCommand } from '@aws-sdk/client-license-manager';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONFIG_YAML, PROJECT_YAML, projectDir, readBytes, removeDir, runCli, statePathOf } from '../helpers/cli.js';
import { otherClient } from '../helpers/live.js';

describe('apply refuses destructive or ambiguous plans', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await projectDir({
      'licensectl.yaml': PROJECT_YAML('guarded'),
      'a.yaml': CONFIG_YAML('a', 'countingType: Core'),
      'b.yaml': CONFIG_YAML('b', 'countingType: Core'),
    });
    expect((await runCli(['apply', '--dir', dir, '--auto-approve'])).status).toBe(0);
  });
  afterEach(async () => { await removeDir(dir); });

  it('more deletes than --max-deletes', async () => {
    await rm(path.join(dir, 'a.yaml'));
    await rm(path.join(dir, 'b.yaml'));
    await writeFile(path.join(dir, 'c.yaml'), CONFIG_YAML('c', 'countingType: vCPU'));
    const before = await readBytes(statePathOf(dir));
    const r = await runCli(['apply', '--dir', dir, '--auto-approve', '--max-deletes', '1']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Error [TOO_MANY_DELETES]: the plan deletes or replaces 2 resources, more than --max-deletes 1');
    expect(await readBytes(statePathOf(dir))).toEqual(before);
    expect((await runCli(['apply', '--dir', dir, '--auto-approve', '--max-deletes', '2'])).status).toBe(0);
  });

  it('an empty desired state while managed resources exist, unless --allow-empty', async () => {
    await rm(path.join(dir, 'a.yaml'));
    await rm(path.join(dir, 'b.yaml'));
    const r = await runCli(['apply', '--dir', dir, '--auto-approve']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Error [EMPTY_DESIRED_STATE]: the desired state has no resources, but 2 managed resources exist');
    const allowed = await runCli(['apply', '--dir', dir, '--auto-approve', '--allow-empty']);
    expect(allowed.status).toBe(0);
    expect(allowed.stdout).toContain('0 created, 0 updated, 0 replaced, 2 deleted');
  });

  it('two live resources with the same ownership tags: reported by plan, refused by apply', async () => {
    const copy = await otherClient(statePathOf(dir)).send(new CreateLicenseConfigurationCommand({
      Name: 'a', LicenseCountingType: 'Core', Tags: [{ Key: 'licensectl:project', Value: 'guarded' }, { Key: 'licensectl:name', Value: 'a' }],
    }));
    const plan = await runCli(['plan', '--dir', dir]);
    expect(plan.status).toBe(0);
    expect(plan.stdout).toContain(copy.LicenseConfigurationArn!);
    // Under --detailed-exitcode the account is not what the repository says, and no plan can fix it: exit 1, not 0.
    const detailed = await runCli(['plan', '--dir', dir, '--detailed-exitcode']);
    expect(detailed.status).toBe(1);
    expect(detailed.stdout).toContain(copy.LicenseConfigurationArn!);
    const r = await runCli(['apply', '--dir', dir, '--auto-approve']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^Error \[DUPLICATE_RESOURCES\]: several live resources carry the ownership tags of one document: LicenseConfiguration\/a \(arn:.*, arn:.*\)$/m);
  });
});
