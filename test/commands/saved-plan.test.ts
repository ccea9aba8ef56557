import path from 'node:path';
import { ListLicenseConfigurationsCommand, UpdateLicenseConfigurationCommand } from '@aws-sdk/client-license-manager';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONFIG_YAML, PROJECT_YAML, projectDir, readBytes, removeDir, runCli, statePathOf } from '../helpers/cli.js';
import { serveEmulator } from '../helpers/served.js';
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

  it('finds the project from the plan file, wherever it is run from', async () => {
    expect(JSON.parse(await readFile(planFile, 'utf8')).source.dir).toBe('.');
    const r = await runCli(['apply', planFile], { cwd: tmpdir() });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('1 updated');
  });

  it('names the project relative to the plan file, so a copy of the checkout elsewhere applies too', async () => {
    const outside = await mkdtemp(path.join(tmpdir(), 'licensectl-plans-'));
    try {
      const file = path.join(outside, 'nested', 'plan.json');
      await mkdir(path.dirname(file));
      expect((await runCli(['plan', '--dir', dir, '--out', file])).status).toBe(0);
      expect(JSON.parse(await readFile(file, 'utf8')).source.dir).toBe(path.relative(path.dirname(file), dir));
      const r = await runCli(['apply', file], { cwd: outside });
      expect(r.status, r.stderr).toBe(0);
    } finally {
      await removeDir(outside);
    }
  });

  it('--dir given with a plan file wins over the directory the plan names', async () => {
    const elsewhere = await projectDir({ 'licensectl.yaml': PROJECT_YAML('other-project') });
    try {
      const r = await runCli(['apply', planFile, '--dir', elsewhere]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('PLAN_TARGET_MISMATCH');
    } finally {
      await removeDir(elsewhere);
    }
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

  it('a plan made against one embedded state is refused by another, even of the same project', async () => {
    const other = await projectDir({
      'licensectl.yaml': PROJECT_YAML(),
      'a.yaml': CONFIG_YAML('alpha', 'countingType: Core\nlicenseCount: 1'),
      'b.yaml': CONFIG_YAML('beta', 'countingType: Core\nlicenseCount: 1'),
    });
    try {
      expect((await runCli(['apply', '--dir', other, '--auto-approve'])).status).toBe(0);
      const r = await runCli(['apply', planFile, '--dir', other]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`Error [PLAN_TARGET_MISMATCH]: the saved plan was made for another target (stateFile ${statePathOf(dir)} ≠ ${statePathOf(other)})`);
    } finally {
      await removeDir(other);
    }
  });

  it('an unsigned plan dated in the future is refused, whatever --max-plan-age says', async () => {
    const doc = JSON.parse(await readFile(planFile, 'utf8')) as { createdAt: string };
    await writeFile(planFile, JSON.stringify({ ...doc, createdAt: '2099-01-01T00:00:00.000Z' }));
    const r = await runCli(['apply', planFile, '--dir', dir, '--max-plan-age', '1000000d']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^Error \[PLAN_FILE_INVALID\]: the saved plan is dated 2099-01-01T00:00:00.000Z, .* in the future$/m);
  });
});

describe('signed plans (LICENSECTL_PLAN_KEY)', () => {
  const KEY = { LICENSECTL_PLAN_KEY: 'test-signing-key' };
  let dir: string;
  let planFile: string;
  beforeEach(async () => {
    dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML(), 'a.yaml': CONFIG_YAML('alpha', 'countingType: Core\nlicenseCount: 1') });
    planFile = path.join(dir, 'plan.json');
  });
  afterEach(async () => { await removeDir(dir); });

  const plan = async (env: Record<string, string> = KEY, extra: string[] = []) => {
    const r = await runCli(['plan', '--dir', dir, '--out', planFile, ...extra], { env });
    expect(r.status, r.stderr).toBe(0);
    return r;
  };

  it('a signed plan applies', async () => {
    expect((await plan()).stderr).toContain(`Saved the signed plan to ${planFile}`);
    const r = await runCli(['apply', planFile, '--dir', dir], { env: KEY });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('1 created');
  });

  it('an unsigned plan says so, and is refused where a key is set', async () => {
    expect((await plan({})).stderr).toContain('plan is unsigned: set LICENSECTL_PLAN_KEY to sign it');
    const r = await runCli(['apply', planFile, '--dir', dir], { env: KEY });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^Error \[PLAN_UNSIGNED\]/m);
  });

  it('a plan with one byte changed is refused', async () => {
    await plan();
    const text = await readFile(planFile, 'utf8');
    await writeFile(planFile, text.replace('"licenseCount": 1', '"licenseCount": 9'));
    const r = await runCli(['apply', planFile, '--dir', dir], { env: KEY });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^Error \[PLAN_ALTERED\]/m);
    expect(await readBytes(statePathOf(dir))).toBeNull();
  });

  it('a plan signed for another account is refused', async () => {
    await plan({ ...KEY, AWS_ACCESS_KEY_ID: 'AKID222233334444' });
    const r = await runCli(['apply', planFile, '--dir', dir], { env: KEY });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Error [PLAN_TARGET_MISMATCH]: the saved plan was made for another target (account 222233334444 ≠ 000000000000)');
  });

  it('a plan signed for another endpoint is refused', async () => {
    const served = await serveEmulator();
    try {
      await plan(KEY, ['--endpoint', served.url]);
      const r = await runCli(['apply', planFile, '--dir', dir], { env: KEY });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`Error [PLAN_TARGET_MISMATCH]: the saved plan was made for another target (endpoint ${served.url} ≠ null, stateFile none ≠ ${statePathOf(dir)})`);
    } finally {
      await served.stop();
    }
  });

  it('a plan older than --max-plan-age is refused', async () => {
    await plan();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const r = await runCli(['apply', planFile, '--dir', dir, '--max-plan-age', '10ms'], { env: KEY });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^Error \[PLAN_TOO_OLD\]: the saved plan is .* old, older than the limit of less than a second \(--max-plan-age\)$/m);
  });
});
