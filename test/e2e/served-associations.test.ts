// Issue 13's Association story end to end: `emulator serve` in one process, licensectl and the AWS SDK in others.
// An AMI's configurations are created, changed and removed through documents; instances launched from the AMI
// consume them (up to the hard limit); a saved plan goes stale when the pairs change behind it.
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  GetLicenseConfigurationCommand, LicenseManagerClient, ListLicenseSpecificationsForResourceCommand, UpdateLicenseSpecificationsForResourceCommand,
} from '@aws-sdk/client-license-manager';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_YAML, PROJECT_YAML, projectDir, removeDir, runCli } from '../helpers/cli.js';
import { type ServedEmulator, serveEmulator } from '../helpers/served.js';

const AMI = 'arn:aws:ec2:us-east-1::image/ami-0win';
const association = (configurations: string) => `apiVersion: licensectl/v1
kind: Association
metadata: {name: windows-ami}
spec:
  resourceArn: ${AMI}
  licenseConfigurations: [${configurations}]
`;

interface PlanJson {
  summary: Record<string, number>;
  changes: { address: string; action: string; arn: string | null; diff: { path: string; added?: string[]; removed?: string[] }[] }[];
}

describe('Association against a served emulator', () => {
  let emulator: ServedEmulator;
  let dir: string;
  let lm: LicenseManagerClient;
  const cli = (args: string[]) => runCli([...args, '--dir', dir, '--endpoint', emulator.url]);
  const plan = async (): Promise<PlanJson> => {
    const r = await cli(['plan', '--json']);
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as PlanJson;
  };
  const configArn = async (name: string) => (await plan()).changes.find((c) => c.address === `LicenseConfiguration/${name}`)!.arn!;
  const specsOfAmi = async () => ((await lm.send(new ListLicenseSpecificationsForResourceCommand({ ResourceArn: AMI }))).LicenseSpecifications ?? []).map((s) => s.LicenseConfigurationArn).sort();
  const apply = async (...extra: string[]) => {
    const r = await cli(['apply', '--auto-approve', ...extra]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    return r;
  };

  beforeAll(async () => {
    emulator = await serveEmulator();
    lm = new LicenseManagerClient({
      region: 'us-east-1', endpoint: emulator.url, credentials: { accessKeyId: 'AKID000000000000', secretAccessKey: 'x' }, retryStrategy: new ConfiguredRetryStrategy(3, 0),
    });
    dir = await projectDir({
      'licensectl.yaml': PROJECT_YAML('e2e-assoc'),
      'configs.yaml': `${CONFIG_YAML('windows', 'countingType: Instance\nlicenseCount: 2\nhardLimit: true')}---\n${CONFIG_YAML('sql', 'countingType: Instance\nlicenseCount: 10')}`,
      'association.yaml': association('windows'),
    });
  });
  afterAll(async () => { lm.destroy(); expect(await emulator.stop()).toBe(0); await removeDir(dir); });

  it('creates the association with the configurations; instances launched from the AMI then consume them', async () => {
    const r = await apply('--stats');
    expect(r.stdout).toContain('Plan: 3 to create, 0 to update, 0 to replace, 0 to delete.');
    expect(r.stderr).toMatch(/^ {2}UpdateLicenseSpecificationsForResource +1 call\b/m);
    expect(await specsOfAmi()).toEqual([await configArn('windows')]);
    const launch = await runCli(['emulator', 'fleet', 'launch', '--endpoint', emulator.url, '--ami', 'ami-0win', '--count', '3']);
    expect(launch.status).toBe(1);
    expect(launch.stdout.trim().split('\n')).toHaveLength(2);
    expect(launch.stderr).toContain('LicenseUsageException');
    expect((await plan()).summary).toEqual({ create: 0, update: 0, replace: 0, delete: 0, noop: 3 });
  });

  it('adds a configuration with one update; the next plan has no changes', async () => {
    await writeFile(path.join(dir, 'association.yaml'), association('windows, sql'));
    const p = await plan();
    expect(p.changes.find((c) => c.address === 'Association/windows-ami')).toMatchObject({
      action: 'update', arn: AMI, diff: [expect.objectContaining({ path: 'licenseConfigurations', added: ['sql'], removed: [] })],
    });
    await apply();
    expect(await specsOfAmi()).toEqual([await configArn('sql'), await configArn('windows')].sort());
    expect((await plan()).summary).toEqual({ create: 0, update: 0, replace: 0, delete: 0, noop: 3 });
  });

  it('a saved plan whose pairs changed since is refused as stale, naming the Association', async () => {
    await writeFile(path.join(dir, 'association.yaml'), association('windows'));
    const planFile = path.join(dir, 'plan.json');
    expect((await cli(['plan', '--out', planFile])).status).toBe(0);
    await lm.send(new UpdateLicenseSpecificationsForResourceCommand({ ResourceArn: AMI, RemoveLicenseSpecifications: [{ LicenseConfigurationArn: await configArn('windows') }] }));
    const r = await runCli(['apply', planFile, '--endpoint', emulator.url]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Error [STALE_PLAN]: the saved plan is stale: Association/windows-ami changed since it was made');
    // The drift is planned back: windows re-added, sql removed.
    expect((await plan()).changes.find((c) => c.address === 'Association/windows-ami')!.diff[0]).toMatchObject({ added: ['windows'], removed: ['sql'] });
    await apply();
    expect(await specsOfAmi()).toEqual([await configArn('windows')]);
  });

  it('removing the document removes the AMI\'s pairs and nothing else', async () => {
    await rm(path.join(dir, 'association.yaml'));
    const r = await apply();
    expect(r.stdout).toContain('Plan: 0 to create, 0 to update, 0 to replace, 1 to delete.');
    expect(await specsOfAmi()).toEqual([]);
    expect((await plan()).summary).toEqual({ create: 0, update: 0, replace: 0, delete: 0, noop: 2 });
    // The instances launched from the AMI were associated at launch: they are not the AMI's pairs, and keep consuming.
    expect((await lm.send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn: await configArn('windows') }))).ConsumedLicenses).toBe(2);
  });
});
