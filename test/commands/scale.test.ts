import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CreateLicenseConfigurationCommand, LicenseManagerClient } from '@aws-sdk/client-license-manager';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessHandler, Emulator } from '../../src/emulator/index.js';
import { CONFIG_YAML, PROJECT_YAML, projectDir, removeDir, runCli, statePathOf } from '../helpers/cli.js';

const COUNT = 1000;

describe(`plan of ${COUNT} license configurations against the embedded emulator`, () => {
  let dir: string;
  beforeAll(async () => {
    const docs = Array.from({ length: COUNT }, (_, i) => CONFIG_YAML(`lic-${i}`, `countingType: vCPU\nlicenseCount: ${i}`)).join('---\n');
    dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('scale'), 'configs.yaml': docs });
    // Seed the account in memory through the SDK (fast), then hand the state to the CLI as its state file.
    const emulator = new Emulator({});
    const lm = new LicenseManagerClient({
      region: 'us-east-1', endpoint: 'http://emulator.invalid', credentials: { accessKeyId: 'AKID000000000000', secretAccessKey: 'x' },
      retryStrategy: new ConfiguredRetryStrategy(3, 0), requestHandler: createInProcessHandler(emulator) as never,
    });
    for (let i = 0; i < COUNT; i += 1) {
      await lm.send(new CreateLicenseConfigurationCommand({
        Name: `lic-${i}`, LicenseCountingType: 'vCPU', LicenseCount: i, LicenseCountHardLimit: false, Description: '', LicenseRules: [],
        DisassociateWhenNotFound: false, ProductInformationList: [],
        Tags: [{ Key: 'licensectl:project', Value: 'scale' }, { Key: 'licensectl:name', Value: `lic-${i}` }],
      }));
    }
    await mkdir(path.dirname(statePathOf(dir)), { recursive: true });
    await writeFile(statePathOf(dir), JSON.stringify(emulator.snapshot()));
  }, 120_000);
  afterAll(async () => { await removeDir(dir); });

  it('finds no changes, reading configurations with 10 list calls and one tag read each, and every other kind with one list call', async () => {
    const started = performance.now();
    const r = await runCli(['plan', '--dir', dir, '--stats', '--detailed-exitcode']);
    const wallMs = performance.now() - started;
    expect(r.stdout).toMatch(/^No changes\./m);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^SDK calls \(1016 calls, 1016 attempts, 0 errors\)/);
    expect(r.stderr).toMatch(/ListLicenseConfigurations\s+10 calls/);
    expect(r.stderr).toMatch(/ListTagsForResource\s+1000 calls/);
    console.log(`[scale] plan of ${COUNT} configurations: ${Math.round(wallMs)} ms wall (whole CLI process)\n${r.stderr}`);
  }, 120_000);
});
