// Resources and the license configurations they are associated with: UpdateLicenseSpecificationsForResource
// and ListLicenseSpecificationsForResource (per resource), ListAssociationsForLicenseConfiguration and
// ListUsageForLicenseConfiguration (per configuration). The resources are the simulated fleet's instances
// AMIs and dedicated hosts of the caller's account and region; an AMI named here for the first time is registered, as a
// launch naming it would. Associating a running instance is checked as its launch would be (usage.ts).
import { copy, list, ServiceError, str, type CallContext, type Input } from '../core/service-contract.js';
import { bindHost } from '../fleet/fleet.js';
import { hosts, instances, parseFleetArn, registerImage, wholeSeconds, type FleetResource, type HostRecord, type LicenseSpecificationRecord } from '../fleet/records.js';
import { filterMatcher, invalidParameter, pages, type Filter } from './conventions.js';
import { ownConfiguration, usableConfiguration } from './configuration-records.js';
import { recordingFailure } from './failures.js';
import { checkMayConsume, consumes, countsHosts, recount, usageOf } from './usage.js';

interface LicenseSpecificationInput {
  LicenseConfigurationArn: string;
  AmiAssociationScope?: string;
}

const invalidResourceState = (message: string) => new ServiceError('InvalidResourceStateException', message);

/** The caller's fleet resource an ARN names (an AMI is registered on first mention); instances must exist. */
function resourceOf(ctx: CallContext, arn: string, register: boolean): FleetResource | undefined {
  const parsed = parseFleetArn(arn);
  const foreign = !parsed || parsed.region !== ctx.region || (parsed.account !== undefined && parsed.account !== ctx.account);
  if (foreign) throw invalidParameter(`Invalid resource ARN: ${arn} (License Manager tracks the instances, hosts and AMIs of account ${ctx.account} in ${ctx.region} here)`);
  if (parsed.type === 'EC2_AMI') return register ? registerImage(ctx.state, ctx.account, ctx.region, parsed.id) : findImage(ctx, parsed.id);
  if (parsed.type === 'EC2_HOST') {
    const host = hosts(ctx.state)[arn];
    if (!host) throw invalidParameter(`Invalid resource ARN: ${arn}: the host ${parsed.id} does not exist`);
    return host;
  }
  const instance = instances(ctx.state)[arn];
  if (!instance) throw invalidParameter(`Invalid resource ARN: ${arn}: the instance ${parsed.id} does not exist`);
  return instance;
}

function findImage(ctx: CallContext, id: string): FleetResource | undefined {
  return Object.values(ctx.state.fleet.images).find((i) => i['ImageId'] === id && i['Account'] === ctx.account && i['Region'] === ctx.region) as FleetResource | undefined;
}

export function updateLicenseSpecificationsForResource(ctx: CallContext, input: Input): Record<string, unknown> {
  const arn = str(input, 'ResourceArn');
  const add = list<LicenseSpecificationInput>(input, 'AddLicenseSpecifications') ?? [];
  const remove = list<LicenseSpecificationInput>(input, 'RemoveLicenseSpecifications') ?? [];
  const resource = resourceOf(ctx, arn, add.length > 0);
  if (!resource) {
    for (const spec of remove) usableConfiguration(ctx, spec.LicenseConfigurationArn);
    return {}; // an AMI never named has nothing to remove
  }
  const instance = instances(ctx.state)[arn];
  if (hosts(ctx.state)[arn]?.State === 'released') throw invalidResourceState(`Host ${parseFleetArn(arn)!.id} is released; License Manager cannot associate it`);
  if (instance?.State === 'terminated') throw invalidResourceState(`Instance ${instance.InstanceId} is terminated; License Manager cannot allocate a license to it`);
  const touched = new Set<string>();
  for (const spec of remove) {
    usableConfiguration(ctx, spec.LicenseConfigurationArn);
    resource.LicenseSpecifications = resource.LicenseSpecifications.filter((s) => s.LicenseConfigurationArn !== spec.LicenseConfigurationArn);
    touched.add(spec.LicenseConfigurationArn);
  }
  recount(ctx.state, wholeSeconds(ctx.now), touched);
  const now = wholeSeconds(ctx.now);
  for (const spec of add) {
    const record = usableConfiguration(ctx, spec.LicenseConfigurationArn);
    if (resource.LicenseSpecifications.some((s) => s.LicenseConfigurationArn === spec.LicenseConfigurationArn)) continue;
    const host = hosts(ctx.state)[arn];
    const failure = {
      ResourceArn: arn, ResourceType: parseFleetArn(arn)!.type, ResourceOwnerId: resource.Account,
      OperationName: 'UpdateLicenseSpecificationsForResource', OperationRequestedBy: ctx.account, FailureTime: now,
    };
    recordingFailure(record.LicenseConfigurationArn, failure, () => {
      if (instance && consumes(instance)) checkMayConsume(ctx.state, now, record, instance);
      if (host && countsHosts(record)) checkHostMayConsume(ctx, record, host);
    });
    resource.LicenseSpecifications.push(specificationOf(ctx, spec));
    if (instance) bindHost(ctx.state, instance, wholeSeconds(ctx.now));
    recount(ctx.state, wholeSeconds(ctx.now), [spec.LicenseConfigurationArn]);
  }
  return {};
}

/** A host associated with a configuration while an instance runs on it is checked as if that instance started now. */
function checkHostMayConsume(ctx: CallContext, record: ReturnType<typeof ownConfiguration>, host: HostRecord): void {
  const running = Object.values(instances(ctx.state)).find((i) => consumes(i) && i.HostId === host.HostId && i.Account === host.Account && i.Region === host.Region);
  if (running) checkMayConsume(ctx.state, wholeSeconds(ctx.now), record, running, true);
}

function specificationOf(ctx: CallContext, spec: LicenseSpecificationInput): LicenseSpecificationRecord {
  return {
    LicenseConfigurationArn: spec.LicenseConfigurationArn,
    ...(spec.AmiAssociationScope === undefined ? {} : { AmiAssociationScope: spec.AmiAssociationScope }),
    AssociationTime: wholeSeconds(ctx.now),
  };
}

export function listLicenseSpecificationsForResource(ctx: CallContext, input: Input): Record<string, unknown> {
  const specs = resourceOf(ctx, str(input, 'ResourceArn'), false)?.LicenseSpecifications ?? [];
  const page = pages.page('ListLicenseSpecificationsForResource', input, specs, (s) => s.LicenseConfigurationArn);
  return pages.output('LicenseSpecifications', page, (s) => copy({
    LicenseConfigurationArn: s.LicenseConfigurationArn,
    ...(s.AmiAssociationScope === undefined ? {} : { AmiAssociationScope: s.AmiAssociationScope }),
  }));
}

type Usage = ReturnType<typeof usageOf>[number];
const usageKey = (u: Usage) => `${u.entry.type}|${u.entry.arn}|${u.entry.record.Account}`;

export function listAssociationsForLicenseConfiguration(ctx: CallContext, input: Input): Record<string, unknown> {
  const record = ownConfiguration(ctx, str(input, 'LicenseConfigurationArn'));
  const page = pages.page('ListAssociationsForLicenseConfiguration', input, usageOf(ctx.state, record, wholeSeconds(ctx.now)), usageKey);
  return pages.output('LicenseConfigurationAssociations', page, (u) => ({
    ResourceArn: u.entry.arn,
    ResourceType: u.entry.type,
    ResourceOwnerId: u.entry.record.Account,
    AssociationTime: u.associationTime,
    ...(u.scope === undefined ? {} : { AmiAssociationScope: u.scope }),
  }));
}

// ListUsageForLicenseConfiguration's filters (its model documentation): each matches one of its values.
const USAGE_FILTERS = {
  resourceArn: (u: Usage) => u.entry.arn,
  resourceType: (u: Usage) => u.entry.type,
  resourceAccount: (u: Usage) => u.entry.record.Account,
};

export function listUsageForLicenseConfiguration(ctx: CallContext, input: Input): Record<string, unknown> {
  const record = ownConfiguration(ctx, str(input, 'LicenseConfigurationArn'));
  const matches = filterMatcher(list<Filter>(input, 'Filters'), USAGE_FILTERS);
  const page = pages.page('ListUsageForLicenseConfiguration', input, usageOf(ctx.state, record, wholeSeconds(ctx.now)).filter(matches), usageKey);
  return pages.output('LicenseConfigurationUsageList', page, (u) => ({
    ResourceArn: u.entry.arn,
    ResourceType: u.entry.type,
    ResourceStatus: u.entry.instance?.State ?? u.entry.host?.State ?? (u.entry.type === 'SYSTEMS_MANAGER_MANAGED_INSTANCE' ? 'Online' : 'available'),
    ResourceOwnerId: u.entry.record.Account,
    AssociationTime: u.associationTime,
    ConsumedLicenses: u.consumed,
  }));
}
