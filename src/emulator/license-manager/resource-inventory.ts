// ListResourceInventory: "Lists resources managed using Systems Manager inventory" — the caller's EC2 instances
// (not terminated) and Systems Manager managed instances in its region (cross-account discovery, an
// Organizations setting, is not emulated). RDS DB instances are not in a Systems Manager inventory and are not
// listed. Filters, as the model documents them, all of which must hold:
//   account_id       EQUALS | NOT_EQUALS    the owning account
//   application_name EQUALS | BEGINS_WITH   an installed application's name (EC2 instances have none here)
//   license_included EQUALS | NOT_EQUALS    sql-server-enterprise | sql-server-standard | sql-server-web |
//                                           windows-server-datacenter; nothing in the emulator's fleet is
//                                           license-included, so EQUALS matches nothing and NOT_EQUALS all
//   platform         EQUALS | BEGINS_WITH   the platform (an instance's AMI platform, a managed instance's name)
//   resource_id      EQUALS | NOT_EQUALS    i-… or mi-…
//   tag:<key>        EQUALS                 the Name tag is the one tag the fleet keeps (`emulator fleet apply` names);
//                                           NOT_EQUALS, documented for cross-account discovery only, is refused
// Any other name, condition or value is InvalidParameterValueException; a filter without a value too.
import { compareText } from '../../util/canonical.js';
import { list, type CallContext, type Input } from '../core/service-contract.js';
import { instanceArn, instances, managedResources } from '../fleet/records.js';
import { invalidParameter, pages } from './conventions.js';

interface InventoryItem {
  ResourceId: string;
  ResourceType: 'EC2_INSTANCE' | 'SYSTEMS_MANAGER_MANAGED_INSTANCE';
  ResourceArn: string;
  Platform: string;
  PlatformVersion?: string;
  ResourceOwningAccountId: string;
  AmiId?: string;
  HostId?: string;
  Region: string;
  /** Not output: what the filters read. */
  applications: string[];
  name?: string;
}

interface InventoryFilter {
  Name: string;
  Condition: 'EQUALS' | 'NOT_EQUALS' | 'BEGINS_WITH' | 'CONTAINS';
  Value?: string;
}

const LICENSE_INCLUDED = ['sql-server-enterprise', 'sql-server-standard', 'sql-server-web', 'windows-server-datacenter'];

const FILTERS: Readonly<Record<string, { conditions: readonly string[]; values: (item: InventoryItem) => string[] }>> = {
  account_id: { conditions: ['EQUALS', 'NOT_EQUALS'], values: (i) => [i.ResourceOwningAccountId] },
  application_name: { conditions: ['EQUALS', 'BEGINS_WITH'], values: (i) => i.applications },
  license_included: { conditions: ['EQUALS', 'NOT_EQUALS'], values: () => [] },
  platform: { conditions: ['EQUALS', 'BEGINS_WITH'], values: (i) => [i.Platform] },
  resource_id: { conditions: ['EQUALS', 'NOT_EQUALS'], values: (i) => [i.ResourceId] },
};
const TAG_FILTER = { conditions: ['EQUALS'], values: (i: InventoryItem) => (i.name === undefined ? [] : [i.name]) };

function predicate(filter: InventoryFilter): (item: InventoryItem) => boolean {
  const isTag = filter.Name.startsWith('tag:');
  const definition = isTag ? TAG_FILTER : FILTERS[filter.Name];
  if (!definition) throw invalidParameter(`Invalid filter name ${JSON.stringify(filter.Name)}; supported filters: ${[...Object.keys(FILTERS), 'tag:<key>'].join(', ')}`);
  if (!definition.conditions.includes(filter.Condition))
    throw invalidParameter(`Filter ${filter.Name} takes the condition ${definition.conditions.join(' or ')}, not ${filter.Condition}`);
  const value = filter.Value;
  if (value === undefined || value === '') throw invalidParameter(`Filter ${filter.Name} needs a value`);
  if (filter.Name === 'license_included' && !LICENSE_INCLUDED.includes(value))
    throw invalidParameter(`Invalid value ${value} for filter license_included (allowed: ${LICENSE_INCLUDED.join(', ')})`);
  const tagKey = filter.Name.slice('tag:'.length);
  const values = (item: InventoryItem) => (isTag && tagKey !== 'Name' ? [] : definition.values(item));
  switch (filter.Condition) {
    case 'EQUALS':
      return (item) => values(item).includes(value);
    case 'NOT_EQUALS':
      return (item) => !values(item).includes(value);
    case 'BEGINS_WITH':
      return (item) => values(item).some((v) => v.startsWith(value));
    case 'CONTAINS':
      return (item) => values(item).some((v) => v.includes(value));
  }
}

/** The caller's inventoried resources, instances then managed instances, each by ARN. */
function inventory(ctx: CallContext): InventoryItem[] {
  const here = (r: { Account: string; Region: string }) => r.Account === ctx.account && r.Region === ctx.region;
  const ec2 = Object.values(instances(ctx.state)).filter((i) => here(i) && i.State !== 'terminated').map((i): InventoryItem => ({
    ResourceId: i.InstanceId, ResourceType: 'EC2_INSTANCE', ResourceArn: instanceArn(i.Region, i.Account, i.InstanceId), Platform: i.Platform,
    ResourceOwningAccountId: i.Account, AmiId: i.ImageId, ...(i.HostId === undefined ? {} : { HostId: i.HostId }), Region: i.Region,
    applications: [], ...(i.Name === undefined ? {} : { name: i.Name }),
  }));
  const managed = Object.entries(managedResources(ctx.state)).filter(([, m]) => here(m) && m.ResourceType === 'SYSTEMS_MANAGER_MANAGED_INSTANCE').map(([arn, m]): InventoryItem => ({
    ResourceId: m.ResourceId, ResourceType: 'SYSTEMS_MANAGER_MANAGED_INSTANCE', ResourceArn: arn, Platform: m.Platform,
    ...(m.PlatformVersion === undefined ? {} : { PlatformVersion: m.PlatformVersion }), ResourceOwningAccountId: m.Account, Region: m.Region,
    applications: m.Applications.map((a) => a.Name), ...(m.Name === undefined ? {} : { name: m.Name }),
  }));
  return [...ec2, ...managed].sort((a, b) => compareText(a.ResourceArn, b.ResourceArn));
}

export function listResourceInventory(ctx: CallContext, input: Input): Record<string, unknown> {
  const predicates = (list<InventoryFilter>(input, 'Filters') ?? []).map(predicate);
  const matching = inventory(ctx).filter((item) => predicates.every((p) => p(item)));
  const page = pages.page('ListResourceInventory', input, matching, (i) => i.ResourceArn);
  return pages.output('ResourceInventoryList', page, ({ applications: _applications, name: _name, ...item }) => item);
}
