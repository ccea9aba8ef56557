// Ignored fields and spec.tags: merge through the CLI, the account changed behind licensectl's back by another
// client of the same account through the SDK (a cost tool tagging, a colleague raising a count).
import path from 'node:path';
import {
  CreateLicenseConfigurationCommand, GetLicenseConfigurationCommand, GetServiceSettingsCommand, ListLicenseConfigurationsCommand, ListTagsForResourceCommand, TagResourceCommand,
  UpdateLicenseConfigurationCommand, UpdateServiceSettingsCommand,
} from '@aws-sdk/client-license-manager';
import { CreateResourceShareCommand, GetResourceSharesCommand, RAMClient, TagResourceCommand as RamTagResourceCommand } from '@aws-sdk/client-ram';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { readFile, writeFile } from 'node:fs/promises';
import { createInProcessHandler, Emulator } from '../../src/emulator/index.js';
import { afterEach, describe, expect, it } from 'vitest';
import { CONFIG_YAML, PROJECT_YAML, projectDir, removeDir, runCli, statePathOf } from '../helpers/cli.js';
import { otherClient } from '../helpers/live.js';

let dir: string;
afterEach(async () => removeDir(dir));

const cli = (...args: string[]) => runCli([...args, '--dir', dir]);

async function arnOf(name: string): Promise<string> {
  const out = await otherClient(statePathOf(dir)).send(new ListLicenseConfigurationsCommand({}));
  return out.LicenseConfigurations!.find((c) => c.Name === name)!.LicenseConfigurationArn!;
}

async function tagsOf(name: string): Promise<Record<string, string>> {
  const out = await otherClient(statePathOf(dir)).send(new ListTagsForResourceCommand({ ResourceArn: await arnOf(name) }));
  return Object.fromEntries(out.Tags!.filter((t) => !t.Key!.startsWith('licensectl:') || t.Key === 'licensectl:tags').map((t) => [t.Key!, t.Value!]));
}

/** A RAM client of the same account, on the project's emulator state (as otherClient is for License Manager). */
function ramOf(project: string): RAMClient {
  return new RAMClient({
    region: 'us-east-1', endpoint: 'http://emulator.invalid', credentials: { accessKeyId: 'AKID000000000000', secretAccessKey: 'x' },
    retryStrategy: new ConfiguredRetryStrategy(3, 0), requestHandler: createInProcessHandler(new Emulator({ statePath: statePathOf(project) })) as never,
  });
}

async function applied(): Promise<void> {
  const r = await cli('apply', '--auto-approve');
  expect(r.status, r.stderr).toBe(0);
}

describe('spec.tags: merge', () => {
  it('keeps the tags another tool adds: plan is No changes, an update keeps them, a key leaving the document goes', async () => {
    dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('merging', '  tags: merge\n'), 'a.yaml': CONFIG_YAML('a', 'countingType: Core\nlicenseCount: 4', '{team: platform, env: prod}') });
    await applied();
    expect(await tagsOf('a')).toEqual({ team: 'platform', env: 'prod', 'licensectl:tags': 'env team' });
    await otherClient(statePathOf(dir)).send(new TagResourceCommand({ ResourceArn: await arnOf('a'), Tags: [{ Key: 'finops:owner', Value: 'cost-tool' }] }));

    const plan = await cli('plan', '--detailed-exitcode');
    expect(plan.status, plan.stdout).toBe(0);
    expect(plan.stdout).toContain('No changes.');

    await writeFile(path.join(dir, 'a.yaml'), CONFIG_YAML('a', 'countingType: Core\nlicenseCount: 8', '{team: security}'));
    const planned = await cli('plan');
    expect(planned.stdout).toContain('- tags.env: "prod"');
    expect(planned.stdout).not.toContain('finops');
    await applied();
    expect(await tagsOf('a')).toEqual({ team: 'security', 'finops:owner': 'cost-tool', 'licensectl:tags': 'team' });
    expect((await cli('plan', '--detailed-exitcode')).status).toBe(0);
  });

  it('a resource share (RAM tags) keeps them too', async () => {
    const share = (tags: string) => `apiVersion: licensectl/v1\nkind: ResourceShare\nmetadata: {name: s, tags: ${tags}}\nspec: {principals: ["222233334444"]}\n`;
    dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('merging', '  tags: merge\n'), 's.yaml': share('{team: platform}') });
    await applied();
    const ram = ramOf(dir);
    const read = async () => (await ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF' }))).resourceShares![0]!;
    await ram.send(new RamTagResourceCommand({ resourceShareArn: (await read()).resourceShareArn!, tags: [{ key: 'finops:owner', value: 'cost-tool' }] }));
    expect((await cli('plan', '--detailed-exitcode')).status).toBe(0);
    await writeFile(path.join(dir, 's.yaml'), share('{team: security}'));
    await applied();
    const tags = Object.fromEntries((await read()).tags!.filter((t) => !t.key!.startsWith('licensectl:') || t.key === 'licensectl:tags').map((t) => [t.key, t.value]));
    expect(tags).toEqual({ team: 'security', 'finops:owner': 'cost-tool', 'licensectl:tags': 'team' });
  });

  it('adopting an imported resource remembers the document\'s keys: a key then removed from the document is removed, other tools\' kept', async () => {
    dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('merging', '  tags: merge\n') });
    const lm = otherClient(statePathOf(dir));
    await lm.send(new CreateLicenseConfigurationCommand({ Name: 'a', LicenseCountingType: 'Core', Tags: [{ Key: 'team', Value: 'platform' }, { Key: 'env', Value: 'prod' }] }));
    const ram = ramOf(dir);
    await ram.send(new CreateResourceShareCommand({ name: 's', principals: ['222233334444'], tags: [{ key: 'team', value: 'platform' }, { key: 'env', value: 'prod' }] }));
    const imported = await cli('import');
    expect(imported.status, imported.stderr).toBe(0);
    // The imported documents copy every live tag: the adopt changes no tag, yet must remember the document's keys.
    const adopt = await cli('apply', '--auto-approve');
    expect(adopt.status, adopt.stderr).toBe(0);
    expect(await tagsOf('a')).toEqual({ team: 'platform', env: 'prod', 'licensectl:tags': 'env team' });
    const share = async () => (await ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF' }))).resourceShares![0]!;
    const shareTags = async () => Object.fromEntries((await share()).tags!.filter((t) => !t.key!.startsWith('licensectl:') || t.key === 'licensectl:tags').map((t) => [t.key, t.value]));
    expect(await shareTags()).toEqual({ team: 'platform', env: 'prod', 'licensectl:tags': 'env team' });
    // Another tool tags both afterwards; the documents stop setting env.
    await lm.send(new TagResourceCommand({ ResourceArn: await arnOf('a'), Tags: [{ Key: 'finops:owner', Value: 'cost-tool' }] }));
    await ram.send(new RamTagResourceCommand({ resourceShareArn: (await share()).resourceShareArn!, tags: [{ key: 'finops:owner', value: 'cost-tool' }] }));
    for (const file of ['imported-license-configurations.yaml', 'imported-resource-shares.yaml']) {
      const text = await readFile(path.join(dir, file), 'utf8');
      expect(text).toContain('    env: prod\n');
      await writeFile(path.join(dir, file), text.replace('    env: prod\n', ''));
    }
    const planned = await cli('plan');
    expect(planned.stdout).toContain('~ LicenseConfiguration/a');
    expect(planned.stdout).toContain('~ ResourceShare/s');
    expect(planned.stdout.match(/- tags\.env: "prod"/g)).toHaveLength(2);
    expect(planned.stdout).not.toContain('finops');
    await applied();
    expect(await tagsOf('a')).toEqual({ team: 'platform', 'finops:owner': 'cost-tool', 'licensectl:tags': 'team' });
    expect(await shareTags()).toEqual({ team: 'platform', 'finops:owner': 'cost-tool', 'licensectl:tags': 'team' });
    expect((await cli('plan', '--detailed-exitcode')).status).toBe(0);
  });

  it('replace (the default) removes them', async () => {
    dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('replacing'), 'a.yaml': CONFIG_YAML('a', 'countingType: Core', '{team: platform}') });
    await applied();
    await otherClient(statePathOf(dir)).send(new TagResourceCommand({ ResourceArn: await arnOf('a'), Tags: [{ Key: 'finops:owner', Value: 'cost-tool' }] }));
    const plan = await cli('plan', '--detailed-exitcode');
    expect(plan.status).toBe(2);
    expect(plan.stdout).toContain('- tags.finops:owner: "cost-tool"');
    await applied();
    expect(await tagsOf('a')).toEqual({ team: 'platform' });
  });
});

describe('ignored fields', () => {
  it('drift on an ignored field is not planned, and an update sends the live value, never the document\'s', async () => {
    const doc = (description: string) => `${CONFIG_YAML('a', `countingType: Core\nlicenseCount: 4\ndescription: ${description}`, '{team: platform}')}`.replace('metadata: {name: a, tags: {team: platform}}', 'metadata: {name: a, tags: {team: platform}, ignore: [spec.licenseCount]}');
    dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('ignoring'), 'a.yaml': doc('first') });
    await applied();
    const client = otherClient(statePathOf(dir));
    const arn = await arnOf('a');
    expect((await client.send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn: arn }))).LicenseCount).toBe(4);
    await client.send(new UpdateLicenseConfigurationCommand({ LicenseConfigurationArn: arn, LicenseCount: 99 }));

    const plan = await cli('plan', '--detailed-exitcode', '--json');
    expect(plan.status).toBe(0);
    const change = (JSON.parse(plan.stdout) as { changes: { action: string; ignored?: unknown }[] }).changes[0]!;
    expect(change).toMatchObject({ action: 'no-op', ignored: [{ path: 'licenseCount', before: 99, after: 4 }] });

    await writeFile(path.join(dir, 'a.yaml'), doc('second'));
    const planned = await cli('plan');
    expect(planned.stdout).toContain('~ description: "first" → "second"');
    expect(planned.stdout).toContain('(1 ignored difference: licenseCount)');
    await applied();
    const read = await client.send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn: arn }));
    expect(read).toMatchObject({ Description: 'second', LicenseCount: 99 });
  });

  it('the service settings take metadata.ignore too: the field another tool sets is neither planned nor reverted', async () => {
    const settings = (topic: string) => `apiVersion: licensectl/v1\nkind: ServiceSettings\nmetadata: {name: settings, ignore: [spec.discoverySourceRegions]}\nspec: {s3BucketArn: "arn:aws:s3:::acme-reports", snsTopicArn: "arn:aws:sns:us-east-1:000000000000:${topic}"}\n`;
    dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('ignoring'), 's.yaml': settings('alerts') });
    await applied();
    const client = otherClient(statePathOf(dir));
    await client.send(new UpdateServiceSettingsCommand({ EnabledDiscoverySourceRegions: ['eu-west-1'] }));
    const plan = await cli('plan', '--detailed-exitcode');
    expect(plan.status, plan.stdout + plan.stderr).toBe(0);
    expect(plan.stdout).toContain('No changes.');

    await writeFile(path.join(dir, 's.yaml'), settings('license-alerts'));
    const planned = await cli('plan');
    expect(planned.stdout).toContain('(1 ignored difference: discoverySourceRegions)');
    await applied();
    expect(await client.send(new GetServiceSettingsCommand({}))).toMatchObject({
      SnsTopicArn: 'arn:aws:sns:us-east-1:000000000000:license-alerts', CrossRegionDiscoverySourceRegions: ['eu-west-1'],
    });
  });

  it('a project rule by kind and name glob ignores the field for the documents it matches only', async () => {
    const project = PROJECT_YAML('ruled', '  ignore:\n    - {kind: LicenseConfiguration, name: "legacy-*", fields: [spec.licenseCount]}\n');
    dir = await projectDir({ 'licensectl.yaml': project, 'a.yaml': `${CONFIG_YAML('legacy-a', 'countingType: Core\nlicenseCount: 4')}---\n${CONFIG_YAML('b', 'countingType: Core\nlicenseCount: 4')}` });
    await applied();
    const client = otherClient(statePathOf(dir));
    for (const name of ['legacy-a', 'b']) await client.send(new UpdateLicenseConfigurationCommand({ LicenseConfigurationArn: await arnOf(name), LicenseCount: 99 }));
    const plan = await cli('plan');
    expect(plan.stdout).toContain('~ LicenseConfiguration/b');
    expect(plan.stdout).not.toContain('LicenseConfiguration/legacy-a');
    expect(plan.stdout).toContain('Plan: 0 to create, 1 to update, 0 to replace, 0 to delete.');
  });
});
