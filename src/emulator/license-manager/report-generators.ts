// Report generators (the console's "usage reports"): the five *LicenseManagerReportGenerator operations. A generator
// reports on configurations of its own account and region, once a DAY, WEEK or MONTH ("the only supported value is
// 1"), into the S3 bucket of the service settings; its S3Location is read from them, so it follows a changed bucket.
// What a run writes and records is report-runs.ts.
import { copy, list, optStr, str, type CallContext, type EmulatorState, type Input } from '../core/service-contract.js';
import { ownConfiguration } from './configuration-records.js';
import { type Filter, invalidParameter, ownedBy, pages, resourceNotFound, type Tag, validation, withClientToken } from './conventions.js';
import { bucketOf, settingsOf } from './service-settings.js';
import { applyTags, tagList } from './tags.js';

export interface ReportContextRecord {
  licenseConfigurationArns?: string[];
  licenseAssetGroupArns?: string[];
  reportStartDate?: number;
  reportEndDate?: number;
}

export interface ReportGeneratorRecord {
  LicenseManagerReportGeneratorArn: string;
  ReportGeneratorName: string;
  ReportType: string[];
  ReportContext: ReportContextRecord;
  ReportFrequency: { value: number; period: string };
  Description?: string;
  ReportCreatorAccount: string;
  /** ISO 8601, as a plain string (the model's ReportGenerator.CreateTime is a String). */
  CreateTime: string;
  LastRunStatus?: string;
  LastRunFailureReason?: string;
  LastReportGenerationTime?: string;
}

const CONFIGURATION_REPORTS = new Set(['LicenseConfigurationSummaryReport', 'LicenseConfigurationUsageReport']);

export function reportGenerators(state: EmulatorState): Record<string, ReportGeneratorRecord> {
  return (state.licenseManager.reportGenerators ??= {}) as unknown as Record<string, ReportGeneratorRecord>;
}

/** The caller's report generator, or ResourceNotFoundException as the report-generator operations answer. */
export function ownReportGenerator(ctx: CallContext, arn: string): ReportGeneratorRecord {
  const record = reportGenerators(ctx.state)[arn];
  if (!record || !ownedBy(ctx, arn)) throw resourceNotFound(`Report generator ${arn} not found`);
  return record;
}

/** Where a generator's reports go: the settings' bucket, under a prefix of its own; none while no bucket is set. */
export function s3LocationOf(state: EmulatorState, record: ReportGeneratorRecord): { bucket: string; keyPrefix: string } | undefined {
  const [, , , region, account, , id] = record.LicenseManagerReportGeneratorArn.split(':');
  const bucket = bucketOf(settingsOf(state, account!, region!).S3BucketArn ?? '');
  return bucket ? { bucket, keyPrefix: `license-manager/report-generators/${id!}` } : undefined;
}

function view(state: EmulatorState, record: ReportGeneratorRecord): Record<string, unknown> {
  const location = s3LocationOf(state, record);
  return { ...copy(record), ...(location ? { S3Location: location } : {}), Tags: tagList(state, record.LicenseManagerReportGeneratorArn) };
}

/** The members Create and Update both take, checked as License Manager checks them. */
function definitionOf(ctx: CallContext, input: Input): Pick<ReportGeneratorRecord, 'ReportGeneratorName' | 'ReportType' | 'ReportContext' | 'ReportFrequency'> {
  const types = [...new Set(list(input, 'Type') ?? [])];
  if (types.length === 0) throw validation('Type must name at least one report type');
  const context = copy(input['ReportContext'] as ReportContextRecord);
  const frequency = input['ReportFrequency'] as { value?: number; period?: string };
  if (frequency.period === undefined) throw validation('ReportFrequency.period is required (DAY, WEEK or MONTH)');
  if (frequency.value !== 1) throw validation(`ReportFrequency.value must be 1 (the only supported value), got ${frequency.value ?? 'none'}`);
  const configurations = context.licenseConfigurationArns ?? [];
  if (types.some((t) => CONFIGURATION_REPORTS.has(t))) {
    if (configurations.length === 0) throw validation(`ReportContext.licenseConfigurationArns must name a license configuration for ${types.filter((t) => CONFIGURATION_REPORTS.has(t)).join(' and ')}`);
    for (const arn of configurations) ownConfiguration(ctx, arn);
  }
  if (types.includes('LicenseAssetGroupUsageReport')) {
    const groups = context.licenseAssetGroupArns ?? [];
    if (groups.length === 0) throw validation('ReportContext.licenseAssetGroupArns must name a license asset group for LicenseAssetGroupUsageReport');
    throw resourceNotFound(`License asset group ${groups[0]} not found`);
  }
  return { ReportGeneratorName: str(input, 'ReportGeneratorName'), ReportType: types, ReportContext: context, ReportFrequency: { value: 1, period: frequency.period } };
}

export function createLicenseManagerReportGenerator(ctx: CallContext, input: Input): Record<string, unknown> {
  return withClientToken(ctx, 'CreateLicenseManagerReportGenerator', input, () => {
    const definition = definitionOf(ctx, input);
    const arn = `arn:aws:license-manager:${ctx.region}:${ctx.account}:report-generator:r-${ctx.ids.hex32()}`;
    const description = optStr(input, 'Description');
    applyTags(ctx.state, arn, list<Tag>(input, 'Tags') ?? []);
    reportGenerators(ctx.state)[arn] = {
      LicenseManagerReportGeneratorArn: arn,
      ...definition,
      ...(description === undefined ? {} : { Description: description }),
      ReportCreatorAccount: ctx.account,
      CreateTime: ctx.now.toISOString(),
    };
    return { LicenseManagerReportGeneratorArn: arn };
  });
}

/** Replaces the definition; a Description left out is kept. */
export function updateLicenseManagerReportGenerator(ctx: CallContext, input: Input): Record<string, unknown> {
  return withClientToken(ctx, 'UpdateLicenseManagerReportGenerator', input, () => {
    const record = ownReportGenerator(ctx, str(input, 'LicenseManagerReportGeneratorArn'));
    Object.assign(record, definitionOf(ctx, input));
    const description = optStr(input, 'Description');
    if (description !== undefined) record.Description = description;
    return {};
  });
}

export function getLicenseManagerReportGenerator(ctx: CallContext, input: Input): Record<string, unknown> {
  return { ReportGenerator: view(ctx.state, ownReportGenerator(ctx, str(input, 'LicenseManagerReportGeneratorArn'))) };
}

export function deleteLicenseManagerReportGenerator(ctx: CallContext, input: Input): Record<string, unknown> {
  const arn = ownReportGenerator(ctx, str(input, 'LicenseManagerReportGeneratorArn')).LicenseManagerReportGeneratorArn;
  delete reportGenerators(ctx.state)[arn];
  delete ctx.state.licenseManager.tags[arn];
  return {};
}

/** The one documented filter, LicenseConfigurationArn (one value): the generators reporting on that configuration. */
export function listLicenseManagerReportGenerators(ctx: CallContext, input: Input): Record<string, unknown> {
  const filters = list<Filter>(input, 'Filters') ?? [];
  for (const f of filters) {
    if (f.Name !== 'LicenseConfigurationArn') throw invalidParameter(`Invalid filter name ${JSON.stringify(f.Name ?? '')}; supported filters: LicenseConfigurationArn`);
    if ((f.Values ?? []).length !== 1) throw invalidParameter('Filter LicenseConfigurationArn takes exactly one value');
  }
  const matching = Object.values(reportGenerators(ctx.state)).filter(
    (r) => ownedBy(ctx, r.LicenseManagerReportGeneratorArn) && filters.every((f) => (r.ReportContext.licenseConfigurationArns ?? []).includes(f.Values![0]!)),
  );
  const page = pages.page('ListLicenseManagerReportGenerators', input, matching, (r) => r.LicenseManagerReportGeneratorArn);
  return pages.output('ReportGenerators', page, (r) => view(ctx.state, r));
}
