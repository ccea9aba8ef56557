// Issue 15, point 2: adopting resources made by hand. An estate of every kind is made through the SDK against an
// emulator served in this process (a project applies it, then its ownership tags are removed by hand: what is left is
// exactly what a person would have made), then documents naming them with spec.adopt are planned and applied with
// the CLI: the plan adopts, apply tags (and updates what differs), and the next plan has no changes.
import {
  CreateLicenseConfigurationCommand, TagResourceCommand as LmTag, UntagResourceCommand as LmUntag, UpdateLicenseConfigurationCommand,
} from '@aws-sdk/client-license-manager';
import { UntagResourceCommand as RamUntag } from '@aws-sdk/client-ram';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaProblems } from '../../src/app/schema.js';
import { Emulator, type EmulatorRequest, type RunningServer, startServer } from '../../src/emulator/index.js';
import { LICENSE_YAML, PROJECT_YAML, projectDir, removeDir, runCli } from '../helpers/cli.js';
import { lmClient, ramClient } from '../helpers/emulator.js';

const AMI = 'arn:aws:ec2:us-east-1::image/ami-0adopt';
const doc = (kind: string, name: string, spec: string) => `apiVersion: licensectl/v1\nkind: ${kind}\nmetadata: {name: ${name}}\nspec:\n${spec.trim().split('\n').map((l) => `  ${l}`).join('\n')}\n`;

/** The estate; `adopt(address)` is the spec.adopt line of a document (empty when seeding), `count` the configuration's licenseCount. */
function estate(adopt: (address: string) => string, count = 64, operations = 'CheckoutLicense'): Record<string, string> {
  return {
    'config.yaml': doc('LicenseConfiguration', 'windows', `countingType: vCPU\nlicenseCount: ${count}\n${adopt('LicenseConfiguration/windows')}`),
    'license.yaml': LICENSE_YAML('analytics').replace(/\n$/, `\n${adopt('License/analytics').replace(/^/, '  ')}\n`).replace(/\n {2}\n$/, '\n'),
    'share.yaml': doc('ResourceShare', 'to-dev', `principals: ["222233334444"]\nlicenseConfigurations: [windows]\n${adopt('ResourceShare/to-dev')}`),
    'grant.yaml': doc('Grant', 'analytics-dev', `license: analytics\nprincipal: "arn:aws:iam::222233334444:root"\nhomeRegion: us-east-1\nallowedOperations: [${operations}]\n${adopt('Grant/analytics-dev')}`),
    'settings.yaml': doc('ServiceSettings', 'settings', 's3BucketArn: arn:aws:s3:::acme-license-reports\nsnsTopicArn: arn:aws:sns:us-east-1:000000000000:license-alerts'),
    'reports.yaml': doc('ReportGenerator', 'weekly', `reportTypes: [LicenseConfigurationUsageReport]\nlicenseConfigurations: [windows]\nfrequency: {period: WEEK}\n${adopt('ReportGenerator/weekly')}`),
    'association.yaml': doc('Association', 'ami', `resourceArn: ${AMI}\nlicenseConfigurations: [windows]`),
  };
}

interface PlanJson {
  summary: Record<string, number>;
  changes: { address: string; action: string; arn: string | null; observed?: string; unmanaged?: true; warnings: string[]; diff: { path: string; before: unknown; after: unknown }[] }[];
  unmanaged: unknown[];
}

describe('adopting resources made by hand (spec.adopt)', () => {
  let server: RunningServer;
  let seedDir: string;
  let dir: string;
  const arns = new Map<string, string>();
  const calls: string[] = [];
  const failing = new Set<string>();
  const cli = (args: string[], d = dir) => runCli([...args, '--dir', d, '--endpoint', server.url]);
  const plan = async (d = dir): Promise<PlanJson> => {
    const r = await cli(['plan', '--json'], d);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const parsed = JSON.parse(r.stdout) as PlanJson;
    expect(schemaProblems('plan.schema.json', parsed)).toEqual([]);
    return parsed;
  };

  beforeAll(async () => {
    const emulator = new Emulator();
    const handle = emulator.handle.bind(emulator);
    emulator.handle = async (request: EmulatorRequest, signal?: AbortSignal) => {
      const target = request.headers['x-amz-target']?.replace('AWSLicenseManager.', '') ?? '';
      if (failing.has(target)) {
        return { status: 400, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify({ __type: 'ValidationException', message: 'injected failure' }) };
      }
      const response = await handle(request, signal);
      if (response.operation) calls.push(response.operation.replace(/^(license-manager|ram):/, ''));
      return response;
    };
    server = await startServer(emulator, { port: 0 });
    // Made by a "seed" project, then its tags removed by hand: resources nobody owns.
    seedDir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('seed'), ...estate(() => '') });
    const applied = await cli(['apply', '--auto-approve', '--json'], seedDir);
    expect(applied.status, applied.stdout + applied.stderr).toBe(0);
    for (const r of (JSON.parse(applied.stdout) as { results: { address: string; arn: string }[] }).results) arns.set(r.address, r.arn);
    const lm = lmClient(server.url);
    const keys = ['licensectl:project', 'licensectl:name'];
    for (const address of ['LicenseConfiguration/windows', 'License/analytics', 'Grant/analytics-dev', 'ReportGenerator/weekly']) {
      await lm.send(new LmUntag({ ResourceArn: arns.get(address)!, TagKeys: [...keys, ...(address.startsWith('LicenseConfiguration') ? ['licensectl:association:ami'] : [])] }));
    }
    await ramClient(server.url).send(new RamUntag({ resourceShareArn: arns.get('ResourceShare/to-dev')!, tagKeys: keys }));
    // A tag another tool added by hand: the adopting documents do not have it, so the adopt removes it.
    await lm.send(new LmTag({ ResourceArn: arns.get('LicenseConfiguration/windows')!, Tags: [{ Key: 'cost', Value: 'x' }] }));
    const adopt = (address: string) => (arns.has(address) ? `adopt: ${arns.get(address)!}` : '');
    dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('estate'), ...estate(adopt, 128, 'CheckoutLicense, CheckInLicense') });
  });
  afterAll(async () => {
    await server?.close();
    if (seedDir) await removeDir(seedDir);
    if (dir) await removeDir(dir);
  });

  it('plans only adopts (with the update diffs where fields differ), applies tags and those updates, then has no changes', async () => {
    const first = await plan();
    expect(first.summary).toEqual({ adopt: 6, create: 0, update: 0, replace: 0, delete: 0, noop: 1 });
    expect(first.changes.map((c) => [c.address, c.action, c.arn])).toEqual([
      ['ServiceSettings/settings', 'no-op', expect.any(String)],
      ['LicenseConfiguration/windows', 'adopt', arns.get('LicenseConfiguration/windows')],
      ['License/analytics', 'adopt', arns.get('License/analytics')],
      ['ResourceShare/to-dev', 'adopt', arns.get('ResourceShare/to-dev')],
      ['Grant/analytics-dev', 'adopt', arns.get('Grant/analytics-dev')],
      ['Association/ami', 'adopt', AMI],
      ['ReportGenerator/weekly', 'adopt', arns.get('ReportGenerator/weekly')],
    ]);
    const diffOf = (address: string) => first.changes.find((c) => c.address === address)!.diff.map((d) => [d.path, d.before, d.after]);
    expect(diffOf('LicenseConfiguration/windows')).toEqual([['licenseCount', 64, 128], ['tags.cost', 'x', null]]);
    expect(diffOf('Grant/analytics-dev')).toEqual([['allowedOperations', ['CheckoutLicense'], ['CheckInLicense', 'CheckoutLicense']]]);
    expect(diffOf('ResourceShare/to-dev')).toEqual([]);
    expect(first.unmanaged).toEqual([]);
    const text = await cli(['plan']);
    expect(text.stdout).toContain('\n <~ LicenseConfiguration/windows (');
    expect(text.stdout).toContain('# Association/ami will be adopted');
    expect(text.stdout).toContain('Plan: 6 to adopt, 0 to create, 0 to update, 0 to replace, 0 to delete.');
    expect((await cli(['plan', '--detailed-exitcode'])).status).toBe(2);

    calls.length = 0;
    const applied = await cli(['apply', '--auto-approve']);
    expect(applied.status, applied.stdout + applied.stderr).toBe(0);
    expect(applied.stdout).toContain('Apply complete! Resources: 6 adopted, 0 created, 0 updated, 0 replaced, 0 deleted.');
    const changing = calls.filter((op) => !/^(List|Get)/.test(op)).sort();
    // Five ownership tags (one of them RAM's) and one claim; then the updates of the fields that differ, and the tag the document drops.
    expect(changing).toEqual([
      'CreateGrantVersion', 'TagResource', 'TagResource', 'TagResource', 'TagResource', 'TagResource', 'TagResource',
      'UntagResource', 'UpdateLicenseConfiguration',
    ]);

    const again = await plan();
    expect(again.summary).toEqual({ create: 0, update: 0, replace: 0, delete: 0, noop: 7 });
    const warned = again.changes.filter((c) => c.warnings.some((w) => w.startsWith('spec.adopt is no longer needed'))).map((c) => c.address);
    expect(warned).toEqual(['LicenseConfiguration/windows', 'License/analytics', 'ResourceShare/to-dev', 'Grant/analytics-dev', 'ReportGenerator/weekly']);
    const noChanges = await cli(['plan', '--detailed-exitcode']);
    expect(noChanges.status).toBe(0);
    expect(noChanges.stdout).toContain('No changes.');
    expect(noChanges.stdout).toContain('! LicenseConfiguration/windows: spec.adopt is no longer needed');
  });

  it('tags before it updates: a failed update leaves a managed resource whose next plan is the update', async () => {
    const lm = lmClient(server.url);
    const configuration = arns.get('LicenseConfiguration/windows')!;
    await lm.send(new LmUntag({ ResourceArn: configuration, TagKeys: ['licensectl:project', 'licensectl:name'] }));
    await writeFile(path.join(dir, 'config.yaml'), doc('LicenseConfiguration', 'windows', `countingType: vCPU\nlicenseCount: 200\nadopt: ${configuration}`));
    expect((await plan()).changes.find((c) => c.address === 'LicenseConfiguration/windows')).toMatchObject({ action: 'adopt', diff: [{ path: 'licenseCount', before: 128, after: 200 }] });
    failing.add('UpdateLicenseConfiguration');
    const failed = await cli(['apply', '--auto-approve']);
    failing.clear();
    expect(failed.status).toBe(1);
    const next = await plan();
    expect(next.changes.find((c) => c.address === 'LicenseConfiguration/windows')).toMatchObject({ action: 'update', diff: [{ path: 'licenseCount', before: 128, after: 200 }] });
    expect(next.summary.adopt).toBeUndefined();
  });

  it('saves an adopt in a plan file and applies it; refuses the file once the resource changed since', async () => {
    const lm = lmClient(server.url);
    const make = async (name: string) => (await lm.send(new CreateLicenseConfigurationCommand({ Name: name, LicenseCountingType: 'Core', LicenseCount: 8 }))).LicenseConfigurationArn!;
    const [fresh, changing] = [await make('saved'), await make('changing')];
    await writeFile(path.join(dir, 'saved.yaml'), doc('LicenseConfiguration', 'saved', `countingType: Core\nlicenseCount: 8\nadopt: ${fresh}`));
    const out = path.join(dir, 'adopt.plan.json');
    expect((await cli(['plan', '--out', out])).status).toBe(0);
    const applied = await runCli(['apply', out, '--auto-approve', '--endpoint', server.url]);
    expect(applied.status, applied.stdout + applied.stderr).toBe(0);
    expect(applied.stdout).toContain('adopted LicenseConfiguration/saved');

    await writeFile(path.join(dir, 'changing.yaml'), doc('LicenseConfiguration', 'changing', `countingType: Core\nlicenseCount: 8\nadopt: ${changing}`));
    expect((await cli(['plan', '--out', out])).status).toBe(0);
    await lm.send(new UpdateLicenseConfigurationCommand({ LicenseConfigurationArn: changing, LicenseCount: 9 }));
    const stale = await runCli(['apply', out, '--auto-approve', '--endpoint', server.url]);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('STALE_PLAN');
    expect(stale.stderr).toContain('LicenseConfiguration/changing');
  });

  it('observes without adopting: drift shown, not a change for --detailed-exitcode, and apply leaves it alone', async () => {
    const lm = lmClient(server.url);
    const arn = (await lm.send(new CreateLicenseConfigurationCommand({ Name: 'watched', LicenseCountingType: 'Core', LicenseCount: 3 }))).LicenseConfigurationArn!;
    await writeFile(path.join(dir, 'watched.yaml'), doc('LicenseConfiguration', 'watched', `countingType: Core\nlicenseCount: 5\nadopt: ${arn}\nmanagement: observe`));
    await rm(path.join(dir, 'changing.yaml'));
    const settle = await cli(['apply', '--auto-approve']);
    expect(settle.status, settle.stdout + settle.stderr).toBe(0);
    const observed = (await plan()).changes.find((c) => c.address === 'LicenseConfiguration/watched');
    expect(observed).toMatchObject({ action: 'no-op', observed: 'drift', unmanaged: true, arn, diff: [{ path: 'licenseCount', before: 3, after: 5 }] });
    const exit = await cli(['plan', '--detailed-exitcode']);
    expect(exit.status).toBe(0);
    expect(exit.stdout).toContain('Observed only (drift from live to document is reported, never corrected):');
    calls.length = 0;
    const applied = await cli(['apply', '--auto-approve', '--json']);
    expect(applied.status, applied.stdout + applied.stderr).toBe(0);
    expect(calls.filter((op) => !/^(List|Get)/.test(op))).toEqual([]);
    // `unchanged` lists managed resources only: not the one observed, never tagged; a saved plan reads the same.
    const unchanged = (out: string) => (JSON.parse(out) as { unchanged: { address: string }[] }).unchanged.map((u) => u.address);
    expect(unchanged(applied.stdout)).toContain('LicenseConfiguration/windows');
    expect(unchanged(applied.stdout)).not.toContain('LicenseConfiguration/watched');
    const planFile = path.join(dir, 'observe.plan.json');
    expect((await cli(['plan', '--out', planFile])).status).toBe(0);
    const fromFile = await runCli(['apply', planFile, '--json', '--endpoint', server.url]);
    expect(fromFile.status, fromFile.stdout + fromFile.stderr).toBe(0);
    expect(unchanged(fromFile.stdout)).toEqual(unchanged(applied.stdout));
    await rm(planFile);
  });

  it('refuses a resource of another project, naming the file, line and field, and changes nothing', async () => {
    const foreignArn = arns.get('License/analytics')!;
    const other = await projectDir({ 'licensectl.yaml': PROJECT_YAML('other'), 'license.yaml': LICENSE_YAML('theirs').replace(/\n$/, `\n  adopt: ${foreignArn}\n`) });
    try {
      calls.length = 0;
      const r = await cli(['plan'], other);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('ADOPT_REFUSED');
      expect(r.stderr).toContain(`License/theirs: spec.adopt names ${foreignArn}, which belongs to project estate; it is never modified`);
      expect(r.stderr).toMatch(/license\.yaml:\d+:\d+/);
      expect(calls.filter((op) => !/^(List|Get)/.test(op))).toEqual([]);
    } finally {
      await removeDir(other);
    }
  });
});
