// Everything a target holds, read whole (import and state): unlike a plan's read, which reads a grant's tags only when
// it cannot pair it or will act on it, every grant's tags are read (so each is known managed, unmanaged or foreign),
// the service settings are read whether or not a document manages them, and the associations of every configuration
// that is not foreign are listed (a plan lists only those of configurations that carry an Association's claim).
import type { DesiredState, LiveState, OtherResource, ServiceSettingsSpec } from '../model/index.js';
import { liveState, pairServiceSettings, type Store } from '../store/index.js';

export interface Inventory {
  /** Managed resources by address (references as names), and every other resource with its `live` mapping. */
  readonly live: LiveState;
  /** The target's service settings as AWS holds them (managed or not). */
  readonly settings: ServiceSettingsSpec;
}

/** Service settings never set: what AWS holds before anyone sets them. */
export const DEFAULT_SERVICE_SETTINGS: ServiceSettingsSpec = { s3BucketArn: '', snsTopicArn: '', organizationIntegration: false, crossAccountDiscovery: false, discoverySourceRegions: [] };

export async function readInventory(store: Store, desired: DesiredState): Promise<Inventory> {
  const [listing, settings] = await Promise.all([store.list(), store.readServiceSettings()]);
  const grants = await store.readGrantTags(listing.grants);
  const configurations = [...listing.managed, ...listing.others.filter((o) => o.owner === 'unmanaged')].filter((r) => r.kind === 'LicenseConfiguration').map((r) => r.arn);
  const pairs = await store.readAssociationPairs(configurations);
  // A pair is an Association's when that Association (its ARNs as read, before names replace them) holds it.
  const claimed = new Set(listing.managed.flatMap((r) => (r.kind === 'Association' ? r.spec.licenseConfigurations.map((c) => `${c}|${r.spec.resourceArn}`) : [])));
  const unclaimed: OtherResource[] = pairs.filter((p) => !claimed.has(`${p.configurationArn}|${p.resourceArn}`)).map((p) => ({
    kind: 'Association', arn: p.configurationArn, displayName: p.resourceArn, owner: 'unmanaged',
    live: { kind: 'Association', name: '', arn: p.resourceArn, tags: {}, meta: {}, spec: { resourceArn: p.resourceArn, licenseConfigurations: [p.configurationArn], amiAssociationScope: p.amiAssociationScope } },
  }));
  const managed = [...listing.managed, ...grants.managed, ...pairServiceSettings(settings, desired.resources, store.target)];
  const others = [...listing.others.filter((o) => o.kind !== 'Association'), ...grants.others, ...unclaimed];
  return { live: { ...liveState(managed, others), usage: listing.usage }, settings };
}
