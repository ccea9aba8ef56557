// Usage as AWS reports it. A configuration's totals come with the listing at no cost (ListLicenseConfigurations
// carries ConsumedLicenses and both summary lists); the resources behind them (ListUsageForLicenseConfiguration,
// paginated) and a license's consumption (GetLicenseUsage) cost one read each, made only for what is asked for.
import {
  GetLicenseUsageCommand, ListUsageForLicenseConfigurationCommand, type LicenseConfiguration,
} from '@aws-sdk/client-license-manager';
import type {
  ConfigurationUsage, CountByType, EntitlementUsage, LicenseConfigurationSpec, LicenseUsage, TrackedResource, Usage,
} from '../model/index.js';
import { compareText, isoSeconds } from '../util/canonical.js';
import { collectPages } from './clients.js';
import type { StoreContext } from './kind-adapter.js';

/** What a listed configuration says about its usage. */
export function configurationUsage(item: LicenseConfiguration, spec: LicenseConfigurationSpec): ConfigurationUsage {
  const rows = (list: readonly { ResourceType?: string; count?: number }[]): CountByType[] =>
    list.filter((r) => (r.count ?? 0) > 0).map((r) => ({ resourceType: r.ResourceType ?? '', count: r.count ?? 0 })).sort((a, b) => compareText(a.resourceType, b.resourceType));
  return {
    arn: item.LicenseConfigurationArn ?? '',
    spec,
    ownerAccount: item.OwnerAccountId ?? '',
    consumed: item.ConsumedLicenses ?? 0,
    consumedByType: rows((item.ConsumedLicenseSummaryList ?? []).map((r) => ({ ResourceType: r.ResourceType, count: r.ConsumedLicenses }))),
    associatedByType: rows((item.ManagedResourceSummaryList ?? []).map((r) => ({ ResourceType: r.ResourceType, count: r.AssociationCount }))),
  };
}

/** The totals of every configuration the last listing saw. */
export function listedUsage(ctx: StoreContext): Usage {
  return { configurations: Object.fromEntries(ctx.listed.configurations), licenses: {} };
}

export interface UsageRequest {
  /** Configurations whose tracked resources to read (one paginated ListUsageForLicenseConfiguration each). */
  readonly configurations: readonly string[];
  /** Licenses whose consumption to read (one GetLicenseUsage each). */
  readonly licenses: readonly string[];
}

/** Reads what `request` names, at the store's read concurrency; ARNs the last listing did not see are skipped. */
export async function readUsage(ctx: StoreContext, request: UsageRequest): Promise<Usage> {
  const configurations = await Promise.all([...new Set(request.configurations)].map(async (arn) => {
    const listed = ctx.listed.configurations.get(arn);
    return listed ? { ...listed, resources: await ctx.readLimit(() => trackedResources(ctx, arn)) } : undefined;
  }));
  const licenses = await Promise.all([...new Set(request.licenses)].map(async (arn) => {
    const spec = ctx.listed.licenses.get(arn);
    return spec ? ctx.readLimit(async (): Promise<LicenseUsage> => ({ arn, spec, entitlements: await entitlementUsage(ctx, arn, spec.entitlements) })) : undefined;
  }));
  return {
    configurations: Object.fromEntries(configurations.filter((c) => c !== undefined).map((c) => [c.arn, c])),
    licenses: Object.fromEntries(licenses.filter((l) => l !== undefined).map((l) => [l.arn, l])),
  };
}

async function trackedResources(ctx: StoreContext, arn: string): Promise<TrackedResource[]> {
  const rows = await collectPages('ListUsageForLicenseConfiguration', async (NextToken) => {
    const out = await ctx.clients.lm.send(new ListUsageForLicenseConfigurationCommand({ LicenseConfigurationArn: arn, MaxResults: 100, NextToken }));
    return { items: out.LicenseConfigurationUsageList, nextToken: out.NextToken };
  });
  return rows.map((r) => ({
    arn: r.ResourceArn ?? '',
    resourceType: r.ResourceType ?? '',
    status: r.ResourceStatus ?? '',
    account: r.ResourceOwnerId ?? '',
    consumed: r.ConsumedLicenses ?? 0,
    associatedAt: r.AssociationTime ? isoSeconds(r.AssociationTime.getTime()) : null,
  })).sort((a, b) => compareText(a.arn, b.arn));
}

/** Every entitlement of the license; one GetLicenseUsage leaves out counts as unused. */
async function entitlementUsage(ctx: StoreContext, arn: string, entitlements: readonly { name: string; unit: string; maxCount: number | null }[]): Promise<EntitlementUsage[]> {
  const out = await ctx.clients.lm.send(new GetLicenseUsageCommand({ LicenseArn: arn }));
  const used = new Map((out.LicenseUsage?.EntitlementUsages ?? []).map((u) => [u.Name ?? '', Number(u.ConsumedValue ?? 0)]));
  return entitlements.map((e) => ({ name: e.name, unit: e.unit, maxCount: e.maxCount, consumed: used.get(e.name) ?? 0 }));
}
