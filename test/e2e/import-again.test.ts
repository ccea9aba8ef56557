// Importing in steps, through the CLI against an emulator served in this process: a second import refers to what an
// earlier one's documents adopt (spec.adopt, not applied yet) by their names, wherever those documents were moved; the
// plan adopts both without a diff, and once applied has no changes. A hand-written ARN reference to a managed resource
// is no diff either. A saved plan with adopts is stale once applied.
import { CreateLicenseConfigurationCommand, UntagResourceCommand as LmUntag } from '@aws-sdk/client-license-manager';
import { UntagResourceCommand as RamUntag } from '@aws-sdk/client-ram';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaProblems } from '../../src/app/schema.js';
import { type RunningServer, startServer, Emulator } from '../../src/emulator/index.js';
import type { ImportResult } from '../../src/render/import-result.js';
import { LICENSE_YAML, PROJECT_YAML, projectDir, removeDir, runCli } from '../helpers/cli.js';
import { lmClient, ramClient } from '../helpers/emulator.js';

const doc = (kind: string, name: string, spec: string) => `apiVersion: licensectl/v1\nkind: ${kind}\nmetadata: {name: ${name}}\nspec:\n${spec.trim().split('\n').map((l) => `  ${l}`).join('\n')}\n`;

interface PlanJson {
  summary: Record<string, number>;
  changes: { address: string; action: string; diff: { path: string; before: unknown; after: unknown }[] }[];
}

describe('import in steps (spec.adopt of an earlier import, not applied yet)', () => {
  let server: RunningServer;
  const dirs: string[] = [];
  const arns = new Map<string, string>();
  const cli = (dir: string, args: string[]) => runCli([...args, '--dir', dir, '--endpoint', server.url]);
  const plan = async (dir: string): Promise<PlanJson> => {
    const r = await cli(dir, ['plan', '--json']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    return JSON.parse(r.stdout) as PlanJson;
  };
  const newDir = async (files: Record<string, string>) => {
    const dir = await projectDir(files);
    dirs.push(dir);
    return dir;
  };
  /** Imports --kind `first`, moves its file into a folder, imports --kind `second`; the second file's text. */
  const importTwice = async (dir: string, first: string, second: string, files: [string, string]) => {
    expect((await cli(dir, ['import', '--kind', first])).status).toBe(0);
    await mkdir(path.join(dir, 'moved'));
    await rename(path.join(dir, files[0]), path.join(dir, 'moved', files[0]));
    const r = await cli(dir, ['import', '--kind', second]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    return readFile(path.join(dir, files[1]), 'utf8');
  };

  beforeAll(async () => {
    server = await startServer(new Emulator(), { port: 0 });
    // Made by a "seed" project, then its tags removed by hand: resources nobody owns.
    const seed = await newDir({
      'licensectl.yaml': PROJECT_YAML('seed'),
      'license.yaml': LICENSE_YAML('analytics'),
      'grant.yaml': doc('Grant', 'analytics-dev', 'license: analytics\nprincipal: "arn:aws:iam::222233334444:root"\nhomeRegion: us-east-1\nallowedOperations: [CheckoutLicense]'),
      'config.yaml': doc('LicenseConfiguration', 'shared-cfg', 'countingType: vCPU\nlicenseCount: 8'),
      'share.yaml': doc('ResourceShare', 'to-dev', 'principals: ["222233334444"]\nlicenseConfigurations: [shared-cfg]'),
    });
    const applied = await cli(seed, ['apply', '--auto-approve', '--json']);
    expect(applied.status, applied.stdout + applied.stderr).toBe(0);
    for (const r of (JSON.parse(applied.stdout) as { results: { address: string; arn: string }[] }).results) arns.set(r.address, r.arn);
    const keys = ['licensectl:project', 'licensectl:name'];
    for (const address of ['LicenseConfiguration/shared-cfg', 'License/analytics', 'Grant/analytics-dev']) {
      await lmClient(server.url).send(new LmUntag({ ResourceArn: arns.get(address)!, TagKeys: keys }));
    }
    await ramClient(server.url).send(new RamUntag({ resourceShareArn: arns.get('ResourceShare/to-dev')!, tagKeys: keys }));
  });
  afterAll(async () => {
    await server?.close();
    await Promise.all(dirs.map(removeDir));
  });

  it('a grant imported after its license refers to the license by name, adopts, applies, and then has no changes', async () => {
    const dir = await newDir({ 'licensectl.yaml': PROJECT_YAML('grants') });
    const grants = await importTwice(dir, 'License', 'Grant', ['imported-licenses.yaml', 'imported-grants.yaml']);
    expect(grants).toContain('license: analytics');
    expect(grants).not.toContain('license: arn:');
    const first = await plan(dir);
    expect(first.changes.map((c) => [c.address, c.action, c.diff])).toEqual([
      ['License/analytics', 'adopt', []], ['Grant/analytics-dev', 'adopt', []],
    ]);
    const out = path.join(dir, 't2.plan');
    expect((await cli(dir, ['plan', '--out', out])).status).toBe(0);
    const applied = await runCli(['apply', out, '--auto-approve', '--endpoint', server.url]);
    expect(applied.status, applied.stdout + applied.stderr).toBe(0);
    expect(applied.stdout).toContain('2 adopted');
    // Applied: the saved plan's adopts are of resources now managed.
    const again = await runCli(['apply', out, '--auto-approve', '--endpoint', server.url]);
    expect(again.status, again.stdout).toBe(1);
    expect(again.stderr).toContain('STALE_PLAN');
    expect(again.stderr).toContain('License/analytics');
    expect((await plan(dir)).summary).toEqual({ create: 0, update: 0, replace: 0, delete: 0, noop: 2 });
  });

  it('a grant written with its managed license\'s ARN compares equal to the license named', async () => {
    const dir = dirs.at(-1)!;
    const grants = path.join(dir, 'imported-grants.yaml');
    await writeFile(grants, (await readFile(grants, 'utf8')).replace('license: analytics', `licenseArn: ${arns.get('License/analytics')!}`));
    expect((await plan(dir)).summary).toEqual({ create: 0, update: 0, replace: 0, delete: 0, noop: 2 });
  });

  it('a share imported after its configuration refers to it by name, adopts without a diff, and then has no changes', async () => {
    const dir = await newDir({ 'licensectl.yaml': PROJECT_YAML('shares') });
    const shares = await importTwice(dir, 'LicenseConfiguration', 'ResourceShare', ['imported-license-configurations.yaml', 'imported-resource-shares.yaml']);
    expect(shares).toContain('licenseConfigurations: [shared-cfg]');
    // Written by hand with the ARN the configuration's document adopts: the same reference.
    const file = path.join(dir, 'imported-resource-shares.yaml');
    await writeFile(file, shares.replace('[shared-cfg]', `["${arns.get('LicenseConfiguration/shared-cfg')!}"]`));
    const first = await plan(dir);
    expect(first.changes.map((c) => [c.address, c.action, c.diff])).toEqual([
      ['LicenseConfiguration/shared-cfg', 'adopt', []], ['ResourceShare/to-dev', 'adopt', []],
    ]);
    expect((await cli(dir, ['apply', '--auto-approve'])).status).toBe(0);
    expect((await plan(dir)).summary).toEqual({ create: 0, update: 0, replace: 0, delete: 0, noop: 2 });
  });

  it('with spec.tags: merge, leaves a tag key holding a space out of the document, says so, and imports the resource', async () => {
    const dir = await newDir({ 'licensectl.yaml': PROJECT_YAML('merging', '  tags: merge\n') });
    const made = await lmClient(server.url).send(new CreateLicenseConfigurationCommand({
      Name: 'Spaced', LicenseCountingType: 'Core', LicenseCount: 2, Tags: [{ Key: 'cost center', Value: 'x' }, { Key: 'team', Value: 'a' }],
    }));
    const arn = made.LicenseConfigurationArn!;
    const json = await cli(dir, ['import', '--kind', 'LicenseConfiguration', '--name', 'Spaced', '--json']);
    expect(json.status, json.stdout + json.stderr).toBe(0);
    const result = JSON.parse(json.stdout) as ImportResult;
    expect(schemaProblems('import-result.schema.json', result)).toEqual([]);
    expect(result.skipped).toEqual([]);
    expect(result.tagsLeftOut).toEqual([{ address: 'LicenseConfiguration/spaced', arn, keys: ['cost center'] }]);
    const written = await readFile(path.join(dir, 'imported-license-configurations.yaml'), 'utf8');
    expect(written).toContain('team: a');
    expect(written).not.toContain('cost center');
    // Merge keeps the tag other tools set: the adopt changes nothing.
    expect((await plan(dir)).changes.map((c) => [c.address, c.action, c.diff])).toEqual([['LicenseConfiguration/spaced', 'adopt', []]]);
    const again = await newDir({ 'licensectl.yaml': PROJECT_YAML('merging-text', '  tags: merge\n') });
    const text = await cli(again, ['import', '--kind', 'LicenseConfiguration', '--name', 'Spaced']);
    expect(text.stdout).toContain('Tags left out of the documents (a key with a space, which spec.tags: merge cannot remember; merge keeps them on the resource):\n  LicenseConfiguration/spaced: "cost center"\n');
  });
});
