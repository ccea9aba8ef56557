import { CreateLicenseConfigurationCommand, GetLicenseConfigurationCommand, ListLicenseConfigurationsCommand, type LicenseConfiguration } from '@aws-sdk/client-license-manager';
import { CreateResourceShareCommand, RAMClient } from '@aws-sdk/client-ram';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInProcessHandler, Emulator } from '../../src/emulator/index.js';
import { schemaProblems } from '../../src/app/schema.js';
import { CONFIG_YAML, PROJECT_YAML, projectDir, removeDir, runCli, statePathOf } from '../helpers/cli.js';
import { otherClient } from '../helpers/live.js';
import { runInTerminal } from '../helpers/terminal.js';

const SHARE_YAML = `apiVersion: licensectl/v1\nkind: ResourceShare\nmetadata: {name: s}\nspec: {principals: ["222233334444"], licenseConfigurations: [a]}\n`;

describe('licensectl repair', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('fix'), 'a.yaml': CONFIG_YAML('a', 'countingType: Core\nlicenseCount: 4'), 's.yaml': SHARE_YAML });
    expect((await runCli(['apply', '--dir', dir, '--auto-approve'])).status).toBe(0);
  });
  afterEach(async () => { await removeDir(dir); });

  const configurations = async () => (await otherClient(statePathOf(dir)).send(new ListLicenseConfigurationsCommand({}))).LicenseConfigurations!;

  /** A second configuration carrying the ownership tags of `a`: what a killed apply's late create leaves. */
  async function copyOfA(change: Partial<{ LicenseCount: number }> = {}): Promise<string> {
    const client = otherClient(statePathOf(dir));
    const [original] = await configurations();
    const got = (await client.send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn: original!.LicenseConfigurationArn }))) as LicenseConfiguration & { Tags?: { Key: string; Value: string }[] };
    const out = await client.send(new CreateLicenseConfigurationCommand({
      Name: got.Name, Description: got.Description, LicenseCountingType: got.LicenseCountingType, LicenseCount: change.LicenseCount ?? got.LicenseCount,
      LicenseCountHardLimit: got.LicenseCountHardLimit, LicenseRules: got.LicenseRules, DisassociateWhenNotFound: got.DisassociateWhenNotFound,
      ProductInformationList: got.ProductInformationList, Tags: got.Tags,
    }));
    return out.LicenseConfigurationArn!;
  }

  it('answering no at the prompt deletes nothing, says Repair cancelled. and exits 1', async () => {
    await copyOfA();
    const { status, output } = await runInTerminal(['repair', '--dir', dir], 'no\n');
    expect(output).toContain('Repair cancelled.');
    expect(status).toBe(1);
    expect(await configurations()).toHaveLength(2);
  });

  it('with nothing duplicated says so and exits 0', async () => {
    const r = await runCli(['repair', '--dir', dir, '--auto-approve']);
    expect([r.status, r.stdout.trim()]).toEqual([0, 'No duplicates: every managed resource exists once.']);
  });

  it('deletes copies that cannot be told apart and that nothing uses, keeping the one the share uses', async () => {
    const [original] = await configurations();
    // Several copies, so that some sort before the original: the one in use is kept, not the first ARN.
    const copies = [await copyOfA(), await copyOfA(), await copyOfA()].sort();
    expect((await runCli(['plan', '--dir', dir, '--detailed-exitcode'])).status).toBe(1);
    const r = await runCli(['repair', '--dir', dir, '--auto-approve', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      formatVersion: '1', project: 'fix', failed: [],
      repairs: [{ address: 'LicenseConfiguration/a', kept: original!.LicenseConfigurationArn, deleted: copies }],
    });
    expect((await configurations()).map((c) => c.LicenseConfigurationArn)).toEqual([original!.LicenseConfigurationArn]);
    expect((await runCli(['plan', '--dir', dir, '--detailed-exitcode'])).status).toBe(0);
  });

  it('refuses copies that differ, saying how, and deletes nothing', async () => {
    const copy = await copyOfA({ LicenseCount: 9 });
    const r = await runCli(['repair', '--dir', dir, '--auto-approve']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^! LicenseConfiguration\/a: left for you to resolve: the copies differ: .*licenseCount (4 → 9|9 → 4)/m);
    expect(r.stdout).toContain(copy);
    expect(await configurations()).toHaveLength(2);
  });

  it('refuses when more than one copy is in use, naming who uses each', async () => {
    const copy = await copyOfA();
    const ram = new RAMClient({
      region: 'us-east-1', endpoint: 'http://emulator.invalid', credentials: { accessKeyId: 'AKID000000000000', secretAccessKey: 'x' },
      requestHandler: createInProcessHandler(new Emulator({ statePath: statePathOf(dir) })) as never,
    });
    await ram.send(new CreateResourceShareCommand({ name: 'by-hand', resourceArns: [copy], principals: ['333344445555'] }));
    const r = await runCli(['repair', '--dir', dir, '--auto-approve']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^! LicenseConfiguration\/a: left for you to resolve: more than one copy is in use: .*\(ResourceShare\/s\).*\(a resource share\)|^! LicenseConfiguration\/a: left for you to resolve: more than one copy is in use: .*\(a resource share\).*\(ResourceShare\/s\)/m);
    expect(await configurations()).toHaveLength(2);
  });

  it('asks before deleting, and refuses without a terminal', async () => {
    await copyOfA();
    const r = await runCli(['repair', '--dir', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Error [APPROVAL_REQUIRED]: repair needs approval, and there is no terminal to ask on');
    expect(await configurations()).toHaveLength(2);
    expect(schemaProblems('error.schema.json', JSON.parse((await runCli(['repair', '--dir', dir, '--json'])).stdout))).toEqual([]);
  });
});
