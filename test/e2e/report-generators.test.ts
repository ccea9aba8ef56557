// Issue 14, point 5: ServiceSettings and ReportGenerator documents planned and applied against a served emulator,
// read back by licensectl and by the AWS CLI, and a generator run writing its CSV reports into the bucket's folder.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_YAML, projectDir, removeDir, runCli, statePathOf } from '../helpers/cli.js';
import { awsCli, type ServedEmulator, serveEmulator } from '../helpers/served.js';

const ACCOUNT = '000000000000';
const CONFIG = `apiVersion: licensectl/v1
kind: LicenseConfiguration
metadata: {name: windows}
spec: {countingType: vCPU, licenseCount: 64}
`;
const SETTINGS = `apiVersion: licensectl/v1
kind: ServiceSettings
metadata: {name: settings}
spec:
  s3BucketArn: arn:aws:s3:::acme-license-reports
  snsTopicArn: arn:aws:sns:us-east-1:${ACCOUNT}:license-alerts
`;
const generator = (period: string) => `apiVersion: licensectl/v1
kind: ReportGenerator
metadata: {name: weekly-usage, tags: {team: finance}}
spec:
  reportTypes: [LicenseConfigurationUsageReport, LicenseConfigurationSummaryReport]
  licenseConfigurations: [windows]
  frequency: {period: ${period}}
  description: Windows usage for finance
`;

// The columns of the two report types (src/emulator/license-manager/report-runs.ts, README "ReportGenerator").
const SUMMARY = 'LicenseConfigurationId,LicenseConfigurationArn,LicenseConfigurationName,LicenseCountingType,LicenseCount,LicenseCountHardLimit,LicenseRules,Status,ConsumedLicenses,ConsumedLicenses_EC2_INSTANCE,ConsumedLicenses_EC2_HOST,ConsumedLicenses_SYSTEMS_MANAGER_MANAGED_INSTANCE,OwnerAccountId,ReportTime';
const USAGE = 'LicenseConfigurationId,LicenseConfigurationArn,LicenseConfigurationName,ResourceArn,ResourceType,ResourceStatus,ResourceOwnerId,AssociationTime,ConsumedLicenses,ReportTime';

interface PlanJson { summary: Record<string, number>; changes: { address: string; action: string; arn: string | null; diff: { path: string }[] }[] }

describe('ServiceSettings and ReportGenerator against a served emulator', () => {
  let emulator: ServedEmulator;
  let dir: string;
  const cli = (args: string[]) => runCli([...args, '--dir', dir, '--endpoint', emulator.url]);
  const plan = async (): Promise<PlanJson> => {
    const r = await cli(['plan', '--json']);
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as PlanJson;
  };
  const apply = async () => {
    const r = await cli(['apply', '--auto-approve']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
  };

  beforeAll(async () => {
    dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('e2e'), 'config.yaml': CONFIG, 'settings.yaml': SETTINGS, 'reports.yaml': generator('WEEK') });
    emulator = await serveEmulator(['--state', path.join(dir, 'served', 'emulator.json')]);
  });
  afterAll(async () => { expect(await emulator.stop()).toBe(0); await removeDir(dir); });

  it('plans the settings as an update (they always exist) and the generator as a create after its configuration', async () => {
    const first = await plan();
    expect(first.changes.map((c) => [c.address, c.action])).toEqual([
      ['ServiceSettings/settings', 'update'], ['LicenseConfiguration/windows', 'create'], ['ReportGenerator/weekly-usage', 'create'],
    ]);
    expect(first.changes[0]!.diff.map((d) => d.path).sort()).toEqual(['s3BucketArn', 'snsTopicArn']);
    await apply();
    expect((await plan()).summary).toEqual({ create: 0, update: 0, replace: 0, delete: 0, noop: 3 });
    const text = await cli(['plan']);
    expect(text.stdout).toMatch(/^No changes\./m);
  });

  it('reads back through the AWS CLI: the settings and the generator with its configuration, frequency, bucket and tags', async () => {
    const settings = await awsCli(emulator.url, ['license-manager', 'get-service-settings']);
    expect(settings.status, settings.stderr).toBe(0);
    expect(settings.json).toMatchObject({ S3BucketArn: 'arn:aws:s3:::acme-license-reports', SnsTopicArn: `arn:aws:sns:us-east-1:${ACCOUNT}:license-alerts`, OrganizationConfiguration: { EnableIntegration: false } });
    const listed = await awsCli(emulator.url, ['license-manager', 'list-license-manager-report-generators']);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.json['ReportGenerators']).toEqual([expect.objectContaining({
      ReportGeneratorName: 'weekly-usage', ReportFrequency: { value: 1, period: 'WEEK' }, Description: 'Windows usage for finance',
      ReportContext: { licenseConfigurationArns: [expect.stringMatching(/:license-configuration:lic-/)] },
      S3Location: expect.objectContaining({ bucket: 'acme-license-reports' }),
      Tags: expect.arrayContaining([{ Key: 'team', Value: 'finance' }, { Key: 'licensectl:name', Value: 'weekly-usage' }]),
    })]);
  });

  it('plans a changed frequency as an update of the generator, and applies it in place', async () => {
    const before = (await plan()).changes.find((c) => c.address === 'ReportGenerator/weekly-usage')!.arn;
    await writeFile(path.join(dir, 'reports.yaml'), generator('MONTH'));
    const changed = await plan();
    expect(changed.summary).toEqual({ create: 0, update: 1, replace: 0, delete: 0, noop: 2 });
    expect(changed.changes.find((c) => c.address === 'ReportGenerator/weekly-usage')).toMatchObject({ action: 'update', arn: before, diff: [{ path: 'frequency.period' }] });
    await apply();
    expect((await plan()).summary.update).toBe(0);
  });

  it('sets cross-region discovery (discoverySourceRegions) and reads it back, as licensectl and as the AWS CLI', async () => {
    await writeFile(path.join(dir, 'settings.yaml'), `${SETTINGS}  discoverySourceRegions: [us-west-2, eu-west-1]\n`);
    const changed = await plan();
    expect(changed.changes.filter((c) => c.action !== 'no-op').map((c) => [c.address, c.diff.map((d) => d.path)])).toEqual([['ServiceSettings/settings', ['discoverySourceRegions']]]);
    await apply();
    const settings = await awsCli(emulator.url, ['license-manager', 'get-service-settings']);
    expect(settings.json).toMatchObject({ CrossRegionDiscoveryHomeRegion: 'us-east-1', CrossRegionDiscoverySourceRegions: ['eu-west-1', 'us-west-2'] });
    expect((await plan()).summary).toMatchObject({ update: 0 });
    await writeFile(path.join(dir, 'settings.yaml'), SETTINGS);
    expect((await plan()).changes.find((c) => c.address === 'ServiceSettings/settings')!.action).toBe('update');
    await apply();
    expect((await plan()).summary).toMatchObject({ update: 0 });
  });

  it('runs the generator through `emulator report-generator run`, writing one CSV per report type with AWS\'s columns', async () => {
    const arn = (await plan()).changes.find((c) => c.address === 'ReportGenerator/weekly-usage')!.arn!;
    const r = await runCli(['emulator', 'report-generator', 'run', arn, '--endpoint', emulator.url, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const run = JSON.parse(r.stdout) as { status: string; reports: { reportType: string; path: string; key: string; bucket: string }[] };
    expect(run.status).toBe('SUCCESS');
    const byType = Object.fromEntries(run.reports.map((report) => [report.reportType, report]));
    for (const report of run.reports) {
      expect(report.path).toBe(path.join(dir, 'served', 's3', 'acme-license-reports', ...report.key.split('/')));
      expect(report.path.endsWith(`${report.reportType}.csv`)).toBe(true);
    }
    const lines = (file: string) => readFileSync(file, 'utf8').trimEnd().split('\r\n');
    expect(lines(byType['LicenseConfigurationSummaryReport']!.path)[0]).toBe(SUMMARY);
    expect(lines(byType['LicenseConfigurationSummaryReport']!.path)[1]).toContain(',windows,vCPU,64,');
    expect(lines(byType['LicenseConfigurationUsageReport']!.path)).toEqual([USAGE]);
    const got = await awsCli(emulator.url, ['license-manager', 'get-license-manager-report-generator', '--license-manager-report-generator-arn', arn]);
    expect(got.json['ReportGenerator']).toMatchObject({ LastRunStatus: 'SUCCESS', ReportCreatorAccount: ACCOUNT });
  });

  it('refuses an unknown generator with the emulator\'s reason', async () => {
    const r = await runCli(['emulator', 'report-generator', 'run', `arn:aws:license-manager:us-east-1:${ACCOUNT}:report-generator:r-0`, '--endpoint', emulator.url]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/ResourceNotFoundException/);
  });

  it('leaves the settings when their document is removed, and deletes the generator when its document is', async () => {
    await removeDir(path.join(dir, 'settings.yaml'));
    await removeDir(path.join(dir, 'reports.yaml'));
    const pruned = await plan();
    expect(pruned.changes.map((c) => [c.address, c.action])).toEqual([['LicenseConfiguration/windows', 'no-op'], ['ReportGenerator/weekly-usage', 'delete']]);
    await apply();
    expect((await awsCli(emulator.url, ['license-manager', 'list-license-manager-report-generators'])).json['ReportGenerators']).toEqual([]);
    expect((await awsCli(emulator.url, ['license-manager', 'get-service-settings'])).json['S3BucketArn']).toBe('arn:aws:s3:::acme-license-reports');
  });
});

describe('a report generator run against the embedded emulator\'s state file', () => {
  it('writes the CSV files beside the state file (emulator report-generator run --state)', async () => {
    const dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('embedded'), 'config.yaml': CONFIG, 'settings.yaml': SETTINGS, 'reports.yaml': generator('DAY') });
    try {
      const applied = await runCli(['apply', '--auto-approve', '--dir', dir]);
      expect(applied.status, applied.stdout + applied.stderr).toBe(0);
      const planned = JSON.parse((await runCli(['plan', '--json', '--dir', dir])).stdout) as PlanJson;
      const arn = planned.changes.find((c) => c.address === 'ReportGenerator/weekly-usage')!.arn!;
      const r = await runCli(['emulator', 'report-generator', 'run', arn, '--state', statePathOf(dir)]);
      expect(r.status, r.stderr).toBe(0);
      const files = r.stdout.trim().split('\n').map((line) => line.split('\t'));
      expect(files.map(([type]) => type)).toEqual(['LicenseConfigurationSummaryReport', 'LicenseConfigurationUsageReport']);
      for (const [, file] of files) expect(file!.startsWith(path.join(dir, '.licensectl', 's3', 'acme-license-reports', 'license-manager', 'report-generators'))).toBe(true);
      expect(readFileSync(files[1]![1]!, 'utf8').split('\r\n')[0]).toBe(USAGE);
    } finally {
      await removeDir(dir);
    }
  });
});
