// apply --target: the meaning of plan --target (the addresses and the changes they depend on), the rest left for
// a later apply and counted; a saved plan made with --target applies as it was made.
import path from 'node:path';
import { ListLicenseConfigurationsCommand } from '@aws-sdk/client-license-manager';
import { RAMClient, GetResourceSharesCommand } from '@aws-sdk/client-ram';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInProcessHandler, Emulator } from '../../src/emulator/index.js';
import { CONFIG_YAML, PROJECT_YAML, projectDir, removeDir, runCli, statePathOf } from '../helpers/cli.js';
import { otherClient } from '../helpers/live.js';

const SHARE = `apiVersion: licensectl/v1
kind: ResourceShare
metadata: {name: to-dev}
spec: {principals: ["222233334444"], licenseConfigurations: [a]}
`;

let dir: string;
beforeEach(async () => {
  dir = await projectDir({
    'licensectl.yaml': PROJECT_YAML('targeted'),
    'configs.yaml': `${CONFIG_YAML('a', 'countingType: Core')}---\n${CONFIG_YAML('b', 'countingType: Core')}---\n${CONFIG_YAML('c', 'countingType: Core')}`,
    'share.yaml': SHARE,
  });
});
afterEach(async () => removeDir(dir));

async function configurations(): Promise<string[]> {
  const out = await otherClient(statePathOf(dir)).send(new ListLicenseConfigurationsCommand({}));
  return out.LicenseConfigurations!.map((c) => c.Name!).sort();
}

async function shares(): Promise<string[]> {
  const ram = new RAMClient({
    region: 'us-east-1', endpoint: 'http://emulator.invalid', credentials: { accessKeyId: 'AKID000000000000', secretAccessKey: 'x' },
    retryStrategy: new ConfiguredRetryStrategy(3, 0), requestHandler: createInProcessHandler(new Emulator({ statePath: statePathOf(dir) })) as never,
  });
  return (await ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF' }))).resourceShares!.map((s) => s.name!).sort();
}

describe('apply --target', () => {
  it('makes only the targeted changes and what they depend on, and says how many were left out', async () => {
    const r = await runCli(['apply', '--dir', dir, '--auto-approve', '--target', 'ResourceShare/to-dev', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as { results: { address: string; outcome: string }[]; leftOut: number };
    expect(result.results.map((x) => [x.address, x.outcome])).toEqual([['LicenseConfiguration/a', 'applied'], ['ResourceShare/to-dev', 'applied']]);
    expect(result.leftOut).toBe(2);
    expect(await configurations()).toEqual(['a']);
    expect(await shares()).toEqual(['to-dev']);

    const text = await runCli(['apply', '--dir', dir, '--auto-approve', '--target', 'LicenseConfiguration/b']);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('Apply complete! Resources: 1 created, 0 updated, 0 replaced, 0 deleted. 1 other change left out by --target.');
    expect(await configurations()).toEqual(['a', 'b']);
  });

  it('a saved plan made with --target applies as it was made; --target beside a plan file is refused', async () => {
    const planFile = path.join(dir, 'plan.json');
    expect((await runCli(['plan', '--dir', dir, '--target', 'LicenseConfiguration/c', '--out', planFile])).status).toBe(0);
    const refused = await runCli(['apply', planFile, '--target', 'LicenseConfiguration/b']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('--target cannot be combined with a saved plan');
    expect(await configurations()).toEqual([]);
    const r = await runCli(['apply', planFile]);
    expect(r.status, r.stderr).toBe(0);
    expect(await configurations()).toEqual(['c']);
  });

  it('a bad address is refused before anything is read', async () => {
    const r = await runCli(['apply', '--dir', dir, '--auto-approve', '--target', 'licenseconfiguration/a']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('did you mean LicenseConfiguration/a?');
    expect(await configurations()).toEqual([]);
  });
});
