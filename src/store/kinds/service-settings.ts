// License Manager's service settings: one set per account and region, always there, without an ARN or tags. So
// they are not found by ownership tags like the other kinds: the store reads them (GetServiceSettings, one call)
// and the target's ServiceSettings document, if there is one, is paired with them by its name. Without a document
// they are not managed: nothing is planned for them, and nothing is ever deleted (README, ServiceSettings).
import { GetServiceSettingsCommand, UpdateServiceSettingsCommand } from '@aws-sdk/client-license-manager';
import type { DesiredResource, LiveResource, ServiceSettingsSpec, Target } from '../../model/index.js';
import { afterOf, type KindAdapter, type StoreChange, type StoreContext } from '../kind-adapter.js';

const KIND = 'ServiceSettings';

/** What stands for an ARN in plans: the settings have none in AWS. */
export function serviceSettingsId(target: Pick<Target, 'account' | 'region'>): string {
  return `arn:aws:license-manager:${target.region}:${target.account}:service-settings`;
}

/** The settings as a spec; a bucket or topic never set reads as empty. */
export async function readServiceSettings(ctx: StoreContext): Promise<ServiceSettingsSpec> {
  const out = await ctx.clients.lm.send(new GetServiceSettingsCommand({}));
  return {
    s3BucketArn: out.S3BucketArn ?? '',
    snsTopicArn: out.SnsTopicArn ?? '',
    organizationIntegration: out.OrganizationConfiguration?.EnableIntegration ?? false,
    crossAccountDiscovery: out.EnableCrossAccountsDiscovery ?? false,
    discoverySourceRegions: [...(out.CrossRegionDiscoverySourceRegions ?? [])].sort(),
  };
}

/** The live settings under the name of the target's ServiceSettings document; none without one. */
export function pairServiceSettings(settings: ServiceSettingsSpec | undefined, desired: readonly DesiredResource[], target: Target): LiveResource[] {
  const document = desired.find((d) => d.kind === KIND);
  if (!document || !settings) return [];
  return [{ kind: KIND, name: document.name, arn: serviceSettingsId(target), tags: {}, spec: settings, meta: {} }];
}

async function update(ctx: StoreContext, change: StoreChange): Promise<void> {
  const { spec } = afterOf(change, KIND);
  await ctx.clients.lm.send(new UpdateServiceSettingsCommand({
    S3BucketArn: spec.s3BucketArn,
    SnsTopicArn: spec.snsTopicArn,
    OrganizationConfiguration: { EnableIntegration: spec.organizationIntegration },
    EnableCrossAccountsDiscovery: spec.crossAccountDiscovery,
    EnabledDiscoverySourceRegions: [...spec.discoverySourceRegions],
  }));
}

/**
 * The settings always exist, so a document is always paired and never created; should a plan still say create (a
 * hand-made plan), setting them is what it means.
 */
async function create(ctx: StoreContext, change: StoreChange): Promise<string> {
  await update(ctx, change);
  return serviceSettingsId(ctx.target);
}

/** Never planned (unpaired settings are not managed); there is nothing to delete in AWS. */
async function remove(): Promise<void> {}

export const serviceSettingsAdapter: KindAdapter = { kind: KIND, create, update, delete: remove };
