// Automated discovery: a configuration's ProductInformationList names the software it licenses, and License
// Manager associates the resources whose inventory shows it — SSM_MANAGED entries match Systems Manager managed
// instances (their platform and installed applications), RDS entries match RDS DB instances (their engine
// edition and license packs) — so they consume its licenses by its counting type. With DisassociateWhenNotFound
// ("disassociates a resource when software is uninstalled") a resource that no longer matches is disassociated.
// AWS runs discovery on its own schedule; the emulator runs it at once: after a configuration is created or
// updated, and after every change to the fleet's managed instances and DB instances (registration, inventory,
// removal). Each run sets AutomatedDiscoveryInformation.LastRunTime. A resource that would take a configuration
// with a hard limit past its count is not associated, and the refusal is listed by
// ListFailuresForLicenseConfigurationOperations (failures.ts), requested by "License Manager Automated Discovery".
// Only resources of the configuration's own account and region are discovered (cross-account discovery, an
// Organizations setting, is not emulated); EC2 instances carry no inventory here and are never discovered.
import type { EmulatorState } from '../core/service-contract.js';
import { managedResources, type ManagedResourceRecord } from '../fleet/records.js';
import { configurations, type ConfigurationRecord } from './configuration-records.js';
import { recordFailure } from './failures.js';
import type { ProductInformationRecord } from './license-configuration-checks.js';
import { licensesNeeded, liveCounts, recount } from './usage.js';

export const DISCOVERY_REQUESTER = 'License Manager Automated Discovery';

type ProductFilter = ProductInformationRecord['ProductInformationFilterList'][number];

const APPLICATION_FILTERS: Readonly<Record<string, 'Name' | 'Version' | 'Publisher'>> = {
  'Application Name': 'Name',
  'Application Version': 'Version',
  'Application Publisher': 'Publisher',
};

/** Whether a resource matches one product information entry: its type, and every filter (the application filters by one application). */
function matchesProduct(product: ProductInformationRecord, resource: ManagedResourceRecord): boolean {
  const type = product.ResourceType === 'RDS' ? 'RDS' : 'SYSTEMS_MANAGER_MANAGED_INSTANCE';
  if (resource.ResourceType !== type) return false;
  const filters = product.ProductInformationFilterList;
  const applicationFilters = filters.filter((f) => APPLICATION_FILTERS[f.ProductInformationFilterName]);
  const application = applicationFilters.length === 0 || resource.Applications.some((app) => applicationFilters.every((f) => holds(f, app[APPLICATION_FILTERS[f.ProductInformationFilterName]!])));
  return application && filters.filter((f) => !APPLICATION_FILTERS[f.ProductInformationFilterName]).every((f) => holds(f, ...valuesOf(f.ProductInformationFilterName, resource)));
}

/** The resource's values a filter compares; a filter on what the emulator does not model (tags, License Included) sees none. */
function valuesOf(name: string, resource: ManagedResourceRecord): Array<string | undefined> {
  switch (name) {
    case 'Platform Name':
    case 'Engine Edition':
      return [resource.Platform];
    case 'Platform Type':
      return [resource.PlatformType];
    case 'AccountId':
      return [resource.Account];
    case 'License Pack':
      return resource.LicensePacks;
    default:
      return [];
  }
}

/** EQUALS: one of the resource's values is one of the filter's; NOT_EQUALS: none is. */
function holds(filter: ProductFilter, ...values: Array<string | undefined>): boolean {
  const wanted = filter.ProductInformationFilterValue ?? [];
  const any = values.some((v) => v !== undefined && wanted.includes(v));
  return filter.ProductInformationFilterComparator === 'NOT_EQUALS' ? !any : any;
}

/** Runs discovery for the given configurations (all when none are named) at `now` (epoch seconds). */
export function discover(state: EmulatorState, now: number, arns?: Iterable<string>): void {
  const table = configurations(state);
  for (const arn of arns ?? Object.keys(table)) {
    const record = table[arn];
    if (!record || record.ProductInformationList.length === 0) continue;
    if (record.Status === 'AVAILABLE') discoverFor(state, record, now);
    record.AutomatedDiscoveryInformation = { LastRunTime: now };
  }
}

/** Lets go of the resources that no longer match (when the configuration says so), then takes the new matches, so that a run can give the licenses of one to another. */
function discoverFor(state: EmulatorState, record: ConfigurationRecord, now: number): void {
  const arn = record.LicenseConfigurationArn;
  const [, , , region, account] = arn.split(':');
  const candidates = Object.entries(managedResources(state))
    .filter(([, r]) => r.Account === account && r.Region === region)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([resourceArn, resource]) => ({
      resourceArn, resource,
      matches: record.ProductInformationList.some((p) => matchesProduct(p, resource)),
      associated: resource.LicenseSpecifications.some((s) => s.LicenseConfigurationArn === arn),
    }));
  for (const { resource } of candidates.filter((c) => !c.matches && c.associated && record.DisassociateWhenNotFound))
    resource.LicenseSpecifications = resource.LicenseSpecifications.filter((s) => s.LicenseConfigurationArn !== arn);
  recount(state, now, [arn]);
  for (const { resourceArn, resource } of candidates.filter((c) => c.matches && !c.associated)) {
    const need = licensesNeeded(record, resource);
    const inUse = liveCounts(state, record, now).ConsumedLicenses;
    if (record.LicenseCountHardLimit && record.LicenseCount !== undefined && inUse + need > record.LicenseCount) {
      recordFailure(state, arn, {
        ResourceArn: resourceArn, ResourceType: resource.ResourceType, ResourceOwnerId: resource.Account, OperationName: 'AutomatedDiscovery',
        OperationRequestedBy: DISCOVERY_REQUESTER, FailureTime: now,
        ErrorMessage: `${resource.ResourceId} needs ${need} ${record.LicenseCountingType} licenses of license configuration ${record.Name}, which has ${inUse} of ${record.LicenseCount} in use and a hard limit`,
      });
      continue;
    }
    resource.LicenseSpecifications.push({ LicenseConfigurationArn: arn, AssociationTime: now });
    recount(state, now, [arn]);
  }
}
