import path from 'node:path';
import { ListLicenseConfigurationsCommand, UpdateLicenseConfigurationCommand } from '@aws-sdk/client-license-manager';
import { writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONFIG_YAML, PROJECT_YAML, projectDir, removeDir, runCli, statePathOf } from '../helpers/cli.js';
import { otherClient } from '../helpers/live.js';

async function arnOf(dir: string, name: string): Promise<string> {
  const out = await otherClient(statePathOf(dir)).send(new ListLicenseConfigurationsCommand({}));
  return out.LicenseConfigurations!.find((c) => c.Name === name)!.LicenseConfigurationArn!;
}

describe('apply PLANFILE', () => {
  let dir: string;
  let planFile: string;
  beforeEach(async () => {
    dir = await projectDir({
      'licensectl.yaml': PROJECT_YAML(),
      'a.yaml': CONFIG_YAML('alpha', 'countingType: Core\nlicenseCount: 1'),
      'b.yaml': CONFIG_YAML('beta', 'countingType: Core\nlicenseCount: 1'),
    });
    expect((await runCli(['apply', '--dir', dir, '--auto-approve'])).status).toBe(0);
    await writeFile(path.join(dir, 'a.yaml'), CONFIG_YAML('alpha', 'countingType: Core\nlicenseCount: 2'));
    planFile = path.join(dir, 'plan.json');
    const planned = await runCli(['plan', '--dir', dir, '--out', planFile]);
    expect(planned.status).toBe(0);
    expect(planned.stderr).toContain(`Saved the plan to ${planFile}`);
  });
  afterEach(async () => { await removeDir(dir); });

  it('applies exactly the saved plan, with no prompt', async () => {
    const r = await runCli(['apply', planFile, '--dir', dir]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Apply complete! Resources: 0 created, 1 updated, 0 replaced, 0 deleted.');
  });

  it('refuses when a resource it touches changed since, naming it', async () => {
    await otherClient(statePathOf(dir)).send(new UpdateLicenseConfigurationCommand({ LicenseConfigurationArn: await arnOf(dir, 'alpha'), LicenseCount: 7 }));
    const r = await runCli(['apply', planFile, '--dir', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Error [STALE_PLAN]: the saved plan is stale: LicenseConfiguration/alpha changed since it was made');
  });

  it('applies when only an untouched resource changed', async () => {
    await otherClient(statePathOf(dir)).send(new UpdateLicenseConfigurationCommand({ LicenseConfigurationArn: await arnOf(dir, 'beta'), LicenseCount: 9 }));
    const r = await runCli(['apply', planFile, '--dir', dir]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('1 updated');
  });

  it('refuses a file that is not a plan', async () => {
    await writeFile(planFile, '{"formatVersion": "1"}');
    const r = await runCli(['apply', planFile, '--dir', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^Error \[PLAN_FILE_INVALID\]: .*plan\.json is not a licensectl plan/m);
  });
});
