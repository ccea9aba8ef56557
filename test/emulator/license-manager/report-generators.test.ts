import {
  CreateLicenseConfigurationCommand, CreateLicenseManagerReportGeneratorCommand, DeleteLicenseManagerReportGeneratorCommand,
  GetLicenseManagerReportGeneratorCommand, ListLicenseManagerReportGeneratorsCommand, ListTagsForResourceCommand, TagResourceCommand,
  UpdateLicenseManagerReportGeneratorCommand, UpdateServiceSettingsCommand, type CreateLicenseManagerReportGeneratorCommandInput, type LicenseManagerClient,
} from '@aws-sdk/client-license-manager';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUMMARY_COLUMNS, USAGE_COLUMNS } from '../../../src/emulator/index.js';
import { failureOf, launchConsuming, lmClient, testEmulator } from '../../helpers/emulator.js';
import { tempDir } from '../core/temp-dir.js';
import { configurationInput, GRANTEE, ISSUER, NOW } from './fixtures.js';

const ARN = new RegExp(`^arn:aws:license-manager:us-east-1:${ISSUER}:report-generator:r-[0-9a-f]{32}$`);

async function world(statePath?: string) {
  const emulator = testEmulator({ now: () => NOW, ...(statePath ? { statePath } : {}) });
  const lm = lmClient(emulator, { account: ISSUER });
  const configuration = (await lm.send(new CreateLicenseConfigurationCommand(configurationInput({ Name: 'windows, "datacenter"', LicenseCountingType: 'vCPU', LicenseRules: [], LicenseCount: 100 })))).LicenseConfigurationArn!;
  return { emulator, lm, configuration };
}

const input = (configuration: string, overrides: Partial<CreateLicenseManagerReportGeneratorCommandInput> = {}): CreateLicenseManagerReportGeneratorCommandInput => ({
  ReportGeneratorName: 'weekly', Type: ['LicenseConfigurationSummaryReport', 'LicenseConfigurationUsageReport'],
  ReportContext: { licenseConfigurationArns: [configuration] }, ReportFrequency: { value: 1, period: 'WEEK' }, ClientToken: 'token-1', ...overrides,
});

const get = async (lm: LicenseManagerClient, arn: string) => (await lm.send(new GetLicenseManagerReportGeneratorCommand({ LicenseManagerReportGeneratorArn: arn }))).ReportGenerator!;

describe('report generators', () => {
  it('creates, reads back with tags and the settings bucket, lists and deletes', async () => {
    const { emulator, lm, configuration } = await world();
    await lm.send(new UpdateServiceSettingsCommand({ S3BucketArn: 'arn:aws:s3:::acme-reports' }));
    const arn = (await lm.send(new CreateLicenseManagerReportGeneratorCommand(input(configuration, { Description: 'for finance', Tags: [{ Key: 'team', Value: 'fin' }] })))).LicenseManagerReportGeneratorArn!;
    expect(arn).toMatch(ARN);
    expect(await get(lm, arn)).toEqual({
      LicenseManagerReportGeneratorArn: arn, ReportGeneratorName: 'weekly', ReportType: ['LicenseConfigurationSummaryReport', 'LicenseConfigurationUsageReport'],
      ReportContext: { licenseConfigurationArns: [configuration] }, ReportFrequency: { value: 1, period: 'WEEK' }, Description: 'for finance',
      ReportCreatorAccount: ISSUER, CreateTime: NOW.toISOString(), S3Location: { bucket: 'acme-reports', keyPrefix: `license-manager/report-generators/${arn.split(':').at(-1)}` },
      Tags: [{ Key: 'team', Value: 'fin' }],
    });
    await lm.send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: 'cost', Value: '1' }] }));
    expect((await lm.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags).toHaveLength(2);
    const listed = await lm.send(new ListLicenseManagerReportGeneratorsCommand({ Filters: [{ Name: 'LicenseConfigurationArn', Values: [configuration] }] }));
    expect(listed.ReportGenerators!.map((g) => g.LicenseManagerReportGeneratorArn)).toEqual([arn]);
    expect((await lm.send(new ListLicenseManagerReportGeneratorsCommand({ Filters: [{ Name: 'LicenseConfigurationArn', Values: [`${configuration}0`] }] }))).ReportGenerators).toEqual([]);
    expect((await lmClient(emulator, { account: GRANTEE }).send(new ListLicenseManagerReportGeneratorsCommand({}))).ReportGenerators).toEqual([]);
    await lm.send(new DeleteLicenseManagerReportGeneratorCommand({ LicenseManagerReportGeneratorArn: arn }));
    expect(await failureOf(get(lm, arn))).toMatchObject({ name: 'ResourceNotFoundException', status: 400 });
  });

  it('is idempotent on its client token and refuses the token with other members', async () => {
    const { lm, configuration } = await world();
    const first = await lm.send(new CreateLicenseManagerReportGeneratorCommand(input(configuration)));
    const again = await lm.send(new CreateLicenseManagerReportGeneratorCommand(input(configuration)));
    expect(again.LicenseManagerReportGeneratorArn).toBe(first.LicenseManagerReportGeneratorArn);
    expect(await failureOf(lm.send(new CreateLicenseManagerReportGeneratorCommand(input(configuration, { ReportGeneratorName: 'other' }))))).toMatchObject({ name: 'ValidationException' });
  });

  it('validates like License Manager: frequency value 1, a period, configurations of the caller, a known filter', async () => {
    const { emulator, lm, configuration } = await world();
    const refuse = (overrides: Partial<CreateLicenseManagerReportGeneratorCommandInput>) => failureOf(lm.send(new CreateLicenseManagerReportGeneratorCommand(input(configuration, { ClientToken: `t-${Math.random()}`, ...overrides }))));
    expect(await refuse({ ReportFrequency: { value: 2, period: 'DAY' } })).toMatchObject({ name: 'ValidationException' });
    expect(await refuse({ ReportFrequency: { value: 1 } })).toMatchObject({ name: 'ValidationException' });
    expect(await refuse({ ReportContext: { licenseConfigurationArns: [] } })).toMatchObject({ name: 'ValidationException' });
    expect(await refuse({ Type: [] })).toMatchObject({ name: 'ValidationException' });
    expect(await refuse({ ReportGeneratorName: '' })).toMatchObject({ name: 'ValidationException' });
    expect(await refuse({ Type: ['Nope' as never] })).toMatchObject({ name: 'ValidationException' });
    const stranger = lmClient(emulator, { account: GRANTEE });
    expect(await failureOf(stranger.send(new CreateLicenseManagerReportGeneratorCommand(input(configuration))))).toMatchObject({ name: 'InvalidParameterValueException' });
    expect(await failureOf(lm.send(new ListLicenseManagerReportGeneratorsCommand({ Filters: [{ Name: 'Type', Values: ['x'] }] })))).toMatchObject({ name: 'InvalidParameterValueException' });
  });

  it('updates the whole definition, keeping a description left out', async () => {
    const { lm, configuration } = await world();
    const arn = (await lm.send(new CreateLicenseManagerReportGeneratorCommand(input(configuration, { Description: 'd' })))).LicenseManagerReportGeneratorArn!;
    await lm.send(new UpdateLicenseManagerReportGeneratorCommand({
      LicenseManagerReportGeneratorArn: arn, ReportGeneratorName: 'monthly', Type: ['LicenseConfigurationUsageReport'],
      ReportContext: { licenseConfigurationArns: [configuration] }, ReportFrequency: { value: 1, period: 'MONTH' }, ClientToken: 'update-1',
    }));
    expect(await get(lm, arn)).toMatchObject({ ReportGeneratorName: 'monthly', ReportType: ['LicenseConfigurationUsageReport'], ReportFrequency: { value: 1, period: 'MONTH' }, Description: 'd' });
    const missing = arn.replace(/r-[0-9a-f]+$/, `r-${'0'.repeat(32)}`);
    expect(await failureOf(lm.send(new UpdateLicenseManagerReportGeneratorCommand({
      LicenseManagerReportGeneratorArn: missing, ReportGeneratorName: 'x', Type: ['LicenseConfigurationUsageReport'],
      ReportContext: { licenseConfigurationArns: [configuration] }, ReportFrequency: { value: 1, period: 'DAY' }, ClientToken: 'update-2',
    })))).toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('a run writes one CSV per report type into the bucket folder beside the state file and records itself', async () => {
    const dir = tempDir();
    const { emulator, lm, configuration } = await world(join(dir, 'emulator.json'));
    const arn = (await lm.send(new CreateLicenseManagerReportGeneratorCommand(input(configuration)))).LicenseManagerReportGeneratorArn!;
    const failed = await emulator.runReportGenerator(arn);
    expect(failed).toMatchObject({ status: 'FAILED', reports: [] });
    expect(await get(lm, arn)).toMatchObject({ LastRunStatus: 'FAILED', LastRunFailureReason: expect.stringMatching(/S3 bucket/) });

    await lm.send(new UpdateServiceSettingsCommand({ S3BucketArn: 'arn:aws:s3:::acme-reports' }));
    await launchConsuming(emulator, configuration, { account: ISSUER, count: 2 });
    const run = await emulator.runReportGenerator(arn);
    expect(run.status).toBe('SUCCESS');
    expect(run.reports.map((r) => r.reportType)).toEqual(['LicenseConfigurationSummaryReport', 'LicenseConfigurationUsageReport']);
    const [summary, usage] = run.reports.map((r) => readFileSync(r.path!, 'utf8').trimEnd().split('\r\n'));
    expect(run.reports[0]!.path).toBe(join(dir, 's3', 'acme-reports', ...run.reports[0]!.key.split('/')));
    expect(summary![0]!.split(',')).toEqual([...SUMMARY_COLUMNS]);
    expect(summary).toHaveLength(2);
    expect(summary![1]).toContain('"windows, ""datacenter"""');
    expect(usage![0]!.split(',')).toEqual([...USAGE_COLUMNS]);
    expect(usage!.length).toBeGreaterThan(1);
    expect(await get(lm, arn)).toMatchObject({ LastRunStatus: 'SUCCESS', LastReportGenerationTime: NOW.toISOString() });
    expect((await get(lm, arn)).LastRunFailureReason).toBeUndefined();
    await expect(emulator.runReportGenerator(arn.replace(/r-[0-9a-f]+$/, 'r-00'))).rejects.toMatchObject({ type: 'ResourceNotFoundException' });
  });
});
