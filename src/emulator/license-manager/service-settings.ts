// License Manager's service settings: one set per account and region, never created or deleted, only read
// (GetServiceSettings) and changed (UpdateServiceSettings). A member given to UpdateServiceSettings replaces the
// stored one; a member left out keeps its value. Linking Organizations (OrganizationConfiguration.EnableIntegration)
// is the management account's to do, as the user guide's settings page says, and it comes with the resource share
// License Manager creates in that account, whose ARN GetServiceSettings then reports (the emulator reports the ARN;
// it does not list a RAM share for it). Cross-account discovery needs that integration.
import { copy, optBool, optStr, type CallContext, type EmulatorState, type Input } from '../core/service-contract.js';
import { organizationOf } from '../organizations/organization.js';
import { invalidParameter } from './conventions.js';

export interface SettingsRecord {
  S3BucketArn?: string;
  SnsTopicArn?: string;
  OrganizationConfiguration: { EnableIntegration: boolean };
  EnableCrossAccountsDiscovery: boolean;
  LicenseManagerResourceShareArn?: string;
  EnabledDiscoverySourceRegions?: string[];
}

const S3_BUCKET_ARN = /^arn:aws[a-z-]*:s3:::([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])$/;
const SNS_TOPIC_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/;

function settingsTable(state: EmulatorState): Record<string, SettingsRecord> {
  return (state.licenseManager.serviceSettings ??= {}) as unknown as Record<string, SettingsRecord>;
}

/** The settings of an account in a region: what was last set there, or the defaults of an account that never set any. */
export function settingsOf(state: EmulatorState, account: string, region: string): SettingsRecord {
  return settingsTable(state)[`${account}:${region}`] ?? { OrganizationConfiguration: { EnableIntegration: false }, EnableCrossAccountsDiscovery: false };
}

/** The bucket name an `arn:aws:s3:::bucket` ARN names. */
export function bucketOf(s3BucketArn: string): string | undefined {
  return S3_BUCKET_ARN.exec(s3BucketArn)?.[1];
}

export function getServiceSettings(ctx: CallContext): Record<string, unknown> {
  const settings = settingsOf(ctx.state, ctx.account, ctx.region);
  const { EnabledDiscoverySourceRegions: regions, ...shown } = settings;
  return {
    ...shown,
    ...(regions ? { CrossRegionDiscoveryHomeRegion: ctx.region, CrossRegionDiscoverySourceRegions: [...regions] } : {}),
  };
}

export function updateServiceSettings(ctx: CallContext, input: Input): Record<string, unknown> {
  const next: SettingsRecord = copy(settingsOf(ctx.state, ctx.account, ctx.region));
  const bucket = optStr(input, 'S3BucketArn');
  if (bucket !== undefined) {
    if (!bucketOf(bucket)) throw invalidParameter(`Invalid S3 bucket ARN: ${bucket} (expected arn:aws:s3:::bucket-name)`);
    next.S3BucketArn = bucket;
  }
  const topic = optStr(input, 'SnsTopicArn');
  if (topic !== undefined) {
    if (!SNS_TOPIC_ARN.test(topic)) throw invalidParameter(`Invalid SNS topic ARN: ${topic}`);
    next.SnsTopicArn = topic;
  }
  const integration = (input['OrganizationConfiguration'] ?? undefined) as { EnableIntegration: boolean } | undefined;
  if (integration) setIntegration(ctx, next, integration.EnableIntegration);
  const discovery = optBool(input, 'EnableCrossAccountsDiscovery');
  if (discovery !== undefined) next.EnableCrossAccountsDiscovery = discovery;
  if (next.EnableCrossAccountsDiscovery && !next.OrganizationConfiguration.EnableIntegration)
    throw invalidParameter('Cross-account discovery needs the integration with AWS Organizations (OrganizationConfiguration.EnableIntegration)');
  const regions = input['EnabledDiscoverySourceRegions'] as string[] | undefined;
  if (regions !== undefined && regions !== null) next.EnabledDiscoverySourceRegions = [...new Set(regions)].sort();
  settingsTable(ctx.state)[`${ctx.account}:${ctx.region}`] = next;
  return {};
}

function setIntegration(ctx: CallContext, next: SettingsRecord, enable: boolean): void {
  next.OrganizationConfiguration = { EnableIntegration: enable };
  if (!enable) {
    delete next.LicenseManagerResourceShareArn;
    return;
  }
  const org = organizationOf(ctx.state);
  if (!org || org.managementAccount !== ctx.account)
    throw invalidParameter(`Account ${ctx.account} is not the management account of an organization; only the management account can link AWS Organizations to License Manager`);
  next.LicenseManagerResourceShareArn ??= `arn:aws:ram:${ctx.region}:${ctx.account}:resource-share/${ctx.ids.uuid()}`;
}
