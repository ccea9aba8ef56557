// A report generator's run, which AWS schedules and the emulator runs on request (its admin surface): one CSV file
// per report type into the generator's S3 location, and the run recorded on the generator (LastRunStatus,
// LastReportGenerationTime, LastRunFailureReason) as Get and List return it. The bucket is a folder: `s3/<bucket>/`
// beside the state file, so a report lands at `s3/<bucket>/<keyPrefix>/<time>/<ReportType>.csv`.
//
// AWS documents what each report holds, not its header row: the summary report lists each configuration "with
// details such as the license count, license rules, and the distribution of licenses across different resource
// types"; the resource usage report lists each tracked resource "with details such as the license ID, the status
// of the resource, and the AWS account ID that owns the resource". The columns below carry those, named after the
// API's members (LicenseConfiguration, LicenseConfigurationUsage).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { idSource } from '../core/call-context.js';
import type { CallContext, EmulatorState } from '../core/service-contract.js';
import { wholeSeconds } from '../fleet/records.js';
import { configurations, CONSUMED_SUMMARY_TYPES } from './configuration-records.js';
import { resourceNotFound } from './conventions.js';
import { listUsageForLicenseConfiguration } from './license-specifications.js';
import { type ReportGeneratorRecord, reportGenerators, s3LocationOf } from './report-generators.js';
import { liveCounts } from './usage.js';

export const SUMMARY_COLUMNS = [
  'LicenseConfigurationId', 'LicenseConfigurationArn', 'LicenseConfigurationName', 'LicenseCountingType', 'LicenseCount',
  'LicenseCountHardLimit', 'LicenseRules', 'Status', 'ConsumedLicenses',
  ...CONSUMED_SUMMARY_TYPES.map((type) => `ConsumedLicenses_${type}`), 'OwnerAccountId', 'ReportTime',
] as const;

export const USAGE_COLUMNS = [
  'LicenseConfigurationId', 'LicenseConfigurationArn', 'LicenseConfigurationName', 'ResourceArn', 'ResourceType',
  'ResourceStatus', 'ResourceOwnerId', 'AssociationTime', 'ConsumedLicenses', 'ReportTime',
] as const;

export interface ReportFile {
  readonly reportType: string;
  readonly bucket: string;
  /** The object key in the bucket. */
  readonly key: string;
  readonly csv: string;
  /** Where the file was written; absent for an emulator without a state file. */
  readonly path?: string;
}

export interface ReportRun {
  readonly status: 'SUCCESS' | 'FAILED';
  readonly failureReason?: string;
  readonly reports: readonly ReportFile[];
}

/** Runs a generator against the state (a mutation: the run is recorded on it). Unknown ARNs: ResourceNotFoundException. */
export function runReportGenerator(state: EmulatorState, arn: string, now: Date): ReportRun {
  const record = reportGenerators(state)[arn];
  if (!record) throw resourceNotFound(`Report generator ${arn} not found`);
  const [, , , region, account] = arn.split(':');
  const ctx: CallContext = { account: account!, region: region!, now, state, ids: idSource(undefined, state.revision) };
  record.LastReportGenerationTime = now.toISOString();
  const location = s3LocationOf(state, record);
  const missing = (record.ReportContext.licenseConfigurationArns ?? []).filter((c) => !configurations(state)[c]);
  const failure = !location
    ? `No S3 bucket is set in the service settings of ${account} in ${region}`
    : missing.length > 0 ? `License configuration ${missing[0]} no longer exists` : undefined;
  if (failure) {
    Object.assign(record, { LastRunStatus: 'FAILED', LastRunFailureReason: failure });
    return { status: 'FAILED', failureReason: failure, reports: [] };
  }
  record.LastRunStatus = 'SUCCESS';
  delete record.LastRunFailureReason;
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-');
  const reports = record.ReportType.map((reportType) => ({
    reportType,
    bucket: location!.bucket,
    key: `${location!.keyPrefix}/${stamp}/${reportType}.csv`,
    csv: reportType === 'LicenseConfigurationSummaryReport' ? summaryReport(ctx, record) : usageReport(ctx, record),
  }));
  return { status: 'SUCCESS', reports };
}

/** Writes each report to `<s3Root>/<bucket>/<key>`. */
export async function writeReports(run: ReportRun, s3Root: string): Promise<ReportRun> {
  const reports = await Promise.all(run.reports.map(async (report) => {
    const path = join(s3Root, report.bucket, ...report.key.split('/'));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, report.csv);
    return { ...report, path };
  }));
  return { ...run, reports };
}

function summaryReport(ctx: CallContext, generator: ReportGeneratorRecord): string {
  const rows = (generator.ReportContext.licenseConfigurationArns ?? []).map((arn) => {
    const stored = configurations(ctx.state)[arn]!;
    const record = { ...stored, ...liveCounts(ctx.state, stored, wholeSeconds(ctx.now)) };
    const byType = new Map(record.ConsumedLicenseSummaryList.map((row) => [row.ResourceType, row.ConsumedLicenses]));
    return [
      record.LicenseConfigurationId, arn, record.Name, record.LicenseCountingType, record.LicenseCount ?? '', record.LicenseCountHardLimit,
      record.LicenseRules.join(' '), record.Status, record.ConsumedLicenses, ...CONSUMED_SUMMARY_TYPES.map((type) => byType.get(type) ?? 0),
      record.OwnerAccountId, ctx.now.toISOString(),
    ];
  });
  return csvOf(SUMMARY_COLUMNS, rows);
}

function usageReport(ctx: CallContext, generator: ReportGeneratorRecord): string {
  const rows = (generator.ReportContext.licenseConfigurationArns ?? []).flatMap((arn) => {
    const record = configurations(ctx.state)[arn]!;
    return usageRows(ctx, arn).map((u) => [
      record.LicenseConfigurationId, arn, record.Name, u['ResourceArn'], u['ResourceType'], u['ResourceStatus'], u['ResourceOwnerId'],
      new Date((u['AssociationTime'] as number) * 1000).toISOString(), u['ConsumedLicenses'], ctx.now.toISOString(),
    ]);
  });
  return csvOf(USAGE_COLUMNS, rows);
}

/** Every row ListUsageForLicenseConfiguration gives, page after page: the report and the API agree. */
function usageRows(ctx: CallContext, arn: string): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  let token: string | undefined;
  do {
    const out = listUsageForLicenseConfiguration(ctx, { LicenseConfigurationArn: arn, ...(token ? { NextToken: token } : {}) });
    rows.push(...(out['LicenseConfigurationUsageList'] as Record<string, unknown>[]));
    token = out['NextToken'] as string | undefined;
  } while (token);
  return rows;
}

/** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; lines end with CRLF. */
function csvOf(columns: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const field = (value: unknown) => {
    const text = String(value ?? '');
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
