// Issue 13's compliance-aware plans end to end against `emulator serve`: instances in two accounts consume a shared
// configuration; a plan that lowers its hard-limited count below use exits 1 and apply refuses it without
// --allow-overage; a consuming account removed from the share is named with its count; a configuration in use is
// not deleted without --allow-in-use; and a protected one is never deleted, whatever the flags.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  GetLicenseConfigurationCommand, LicenseManagerClient, UpdateLicenseSpecificationsForResourceCommand,
} from '@aws-sdk/client-license-manager';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_YAML, PROJECT_YAML, projectDir, removeDir, runCli } from '../helpers/cli.js';
import { type ServedEmulator, serveEmulator } from '../helpers/served.js';

const DEV = '222233334444';
const POLICIES = 'policies:\n    protect: [keep-*]\n';
const share = (principals: string) => `apiVersion: licensectl/v1
kind: ResourceShare
metadata: {name: windows-to-dev}
spec:
  principals: [${principals}]
  licenseConfigurations: [windows]
`;
const windows = (count: number) => CONFIG_YAML('windows', `countingType: vCPU\nlicenseCount: ${count}\nhardLimit: true`);

interface Finding { code: string; severity: string; address: string; message: string; numbers: Record<string, number>; subjects: string[]; override: string | null }

describe('findings against a served emulator', () => {
  let emulator: ServedEmulator;
  let dir: string;
  const clients: LicenseManagerClient[] = [];
  const client = (account: string) => {
    const c = new LicenseManagerClient({
      region: 'us-east-1', endpoint: emulator.url, credentials: { accessKeyId: `AKID${account}`, secretAccessKey: 'x' }, retryStrategy: new ConfiguredRetryStrategy(3, 0),
    });
    clients.push(c);
    return c;
  };
  const cli = (args: string[]) => runCli([...args, '--dir', dir, '--endpoint', emulator.url]);
  const findings = async (): Promise<Finding[]> => {
    const r = await cli(['plan', '--json']);
    return (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
  };
  const arnOf = async (name: string) => {
    const r = await cli(['plan', '--json']);
    return (JSON.parse(r.stdout) as { changes: { address: string; arn: string }[] }).changes.find((c) => c.address === `LicenseConfiguration/${name}`)!.arn;
  };
  const launch = async (ami: string, count: number, account?: string) => {
    const r = await runCli(['emulator', 'fleet', 'launch', '--endpoint', emulator.url, '--ami', ami, '--count', String(count), '--vcpus', '8', ...(account ? ['--account', account] : [])]);
    expect(r.status, r.stderr).toBe(0);
    return r.stdout.trim().split('\n');
  };
  const consumed = async (name: string) => (await client('000000000000').send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn: await arnOf(name) }))).ConsumedLicenses;

  beforeAll(async () => {
    emulator = await serveEmulator();
    dir = await projectDir({
      'licensectl.yaml': PROJECT_YAML('e2e-findings', `  ${POLICIES}`),
      'windows.yaml': windows(64),
      'others.yaml': `${CONFIG_YAML('legacy', 'countingType: Instance\nlicenseCount: 10')}---\n${CONFIG_YAML('keep-me', 'countingType: Instance\nlicenseCount: 5')}`,
      'share.yaml': share(`"${DEV}"`),
      'association.yaml': 'apiVersion: licensectl/v1\nkind: Association\nmetadata: {name: windows-ami}\nspec:\n  resourceArn: arn:aws:ec2:us-east-1::image/ami-0win\n  licenseConfigurations: [windows]\n',
    });
    const r = await cli(['apply', '--auto-approve']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    // Two instances here; three in the account the configuration is shared with, from an AMI it associates itself.
    await launch('ami-0win', 2);
    await client(DEV).send(new UpdateLicenseSpecificationsForResourceCommand({
      ResourceArn: 'arn:aws:ec2:us-east-1::image/ami-0dev', AddLicenseSpecifications: [{ LicenseConfigurationArn: await arnOf('windows') }],
    }));
    await launch('ami-0dev', 3, DEV);
  });
  afterAll(async () => { for (const c of clients) c.destroy(); expect(await emulator.stop()).toBe(0); await removeDir(dir); });

  it('instances in both accounts consume by vCPU; a no-change plan has no findings and reads no usage', async () => {
    expect(await consumed('windows')).toBe(40);
    const r = await cli(['plan', '--stats']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('No changes.');
    expect(r.stdout).not.toContain('Findings:');
    expect(r.stderr).not.toContain('ListUsageForLicenseConfiguration');
  });

  it('a hard-limited count lowered below use: plan exits 1 with the numbers, apply refuses it until --allow-overage', async () => {
    await writeFile(path.join(dir, 'windows.yaml'), windows(32));
    const plan = await cli(['plan']);
    expect(plan.status).toBe(1);
    expect(plan.stdout).toContain('✗ COUNT_BELOW_USAGE: LicenseConfiguration/windows: licenseCount 32 is below the 40 licenses in use; with the hard limit, new launches would be refused [--allow-overage]');
    expect(await findings()).toEqual([expect.objectContaining({ code: 'COUNT_BELOW_USAGE', severity: 'error', numbers: { licenseCount: 32, consumed: 40 }, override: 'allow-overage' })]);
    expect((await cli(['plan', '--allow-overage'])).status).toBe(0);
    const refused = await cli(['apply', '--auto-approve']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('FINDINGS_REFUSED');
    expect(refused.stderr).toContain('pass --allow-overage if this is intended');
    const before = await client('000000000000').send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn: await arnOf('windows') }));
    expect(before.LicenseCount).toBe(64);
    // A saved plan carries its findings: applying it needs the flag too.
    const saved = path.join(dir, 'lower.plan.json');
    expect((await cli(['plan', '--out', saved])).status).toBe(1);
    const refusedSaved = await cli(['apply', saved]);
    expect(refusedSaved.stderr).toContain('FINDINGS_REFUSED');
    expect(refusedSaved.status).toBe(1);
    const applied = await cli(['apply', saved, '--allow-overage']);
    expect(applied.status, applied.stdout + applied.stderr).toBe(0);
    expect((await client('000000000000').send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn: await arnOf('windows') }))).LicenseCount).toBe(32);
    await writeFile(path.join(dir, 'windows.yaml'), windows(64));
    expect((await cli(['apply', '--auto-approve'])).status).toBe(0);
    // Ten CLI runs: more than the default 30 s on a loaded two-core machine.
  }, 120_000);

  it('an account removed from the share while it consumes: a warning naming it and its count, one usage read', async () => {
    await writeFile(path.join(dir, 'share.yaml'), share('"333344445555"'));
    const r = await cli(['plan', '--stats']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`! SHARE_REMOVES_CONSUMER: ResourceShare/windows-to-dev: account ${DEV} consumes 24 of the licenses of windows, and ${DEV} is removed from the share`);
    expect(r.stderr).toMatch(/^ {2}ListUsageForLicenseConfiguration +1 call\b/m);
    await writeFile(path.join(dir, 'share.yaml'), share(`"${DEV}"`));
  });

  it('a configuration in use is not deleted without --allow-in-use', async () => {
    const [instance] = await launch('ami-0other', 1);
    await client('000000000000').send(new UpdateLicenseSpecificationsForResourceCommand({
      ResourceArn: `arn:aws:ec2:us-east-1:000000000000:instance/${instance}`, AddLicenseSpecifications: [{ LicenseConfigurationArn: await arnOf('legacy') }],
    }));
    await writeFile(path.join(dir, 'others.yaml'), CONFIG_YAML('keep-me', 'countingType: Instance\nlicenseCount: 5'));
    const r = await cli(['apply', '--auto-approve']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('CONFIGURATION_IN_USE: LicenseConfiguration/legacy is deleted while it tracks 1 resource (1 EC2_INSTANCE; 1 license consumed) in account 000000000000 (--allow-in-use)');
    expect(await consumed('legacy')).toBe(1);
  });

  it('a protected configuration is never deleted, whatever the flags', async () => {
    await writeFile(path.join(dir, 'others.yaml'), CONFIG_YAML('legacy', 'countingType: Instance\nlicenseCount: 10'));
    const r = await cli(['apply', '--auto-approve', '--allow-in-use', '--allow-overage', '--max-deletes', '5']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('POLICY_PROTECTED: LicenseConfiguration/keep-me is protected by spec.policies.protect and would be deleted (policy)');
    expect(r.stderr).toContain('a policy finding is lifted only by changing the desired state or spec.policies in licensectl.yaml');
    expect(await arnOf('keep-me')).toMatch(/^arn:aws:license-manager:/);
  });
});

