// The resources a share can hold, and the two listings of what is shared: ListPrincipals and ListResources.
//
// The emulator holds License Manager's license configurations and nothing else, so a configuration must
// exist in the caller's account and region (AWS answers UnknownResourceException otherwise, including for
// another account's configuration); licenses and grants are not shareable through RAM; any other
// well-formed ARN names a resource the emulator cannot hold, which AWS would report as unknown.
import { list, optStr, str, type CallContext, type Input } from '../core/service-contract.js';
import { invalidParameter, invalidResourceType, pages, parseArn, unknownResource } from './conventions.js';
import { associationStatus, entitiesInShare, lastUpdatedAt, type AssociationRecord, type ShareRecord } from './records.js';
import { associationsByShare, parsePrincipal, reaches, requireVisibleShares, sharesOf, type ResourceOwner } from './share-access.js';

export const LICENSE_CONFIGURATION_TYPE = 'license-manager:LicenseConfiguration';
export const LICENSE_CONFIGURATION_SCOPE = 'REGIONAL';

export interface ShareableResource {
  arn: string;
  type: string;
}

export function resolveResource(ctx: CallContext, arn: string): ShareableResource {
  const parts = parseArn(arn);
  if (parts.service !== 'license-manager') {
    throw unknownResource(`The resource ${arn} does not exist (the emulator holds only license configurations).`);
  }
  if (!parts.resource.startsWith('license-configuration:')) {
    const kind = parts.resource.split(/[:/]/)[0];
    throw invalidParameter(`Resources of type license-manager:${kind} cannot be shared through RAM.`);
  }
  const owned = parts.account === ctx.account && parts.region === ctx.region;
  if (!owned || !ctx.state.licenseManager.licenseConfigurations[arn]) {
    throw unknownResource(`The license configuration ${arn} does not exist in account ${ctx.account}, region ${ctx.region}.`);
  }
  return { arn, type: LICENSE_CONFIGURATION_TYPE };
}

const RESOURCE_TYPE = /^[A-Za-z0-9-]+:[A-Za-z0-9-]+$/;

/** A resourceType filter: any `service:resource` name is valid; types compare case-insensitively. */
export function readResourceTypeFilter(resourceType: string | undefined): ((type: string | undefined) => boolean) | undefined {
  if (resourceType === undefined) return undefined;
  if (!RESOURCE_TYPE.test(resourceType)) throw invalidResourceType(resourceType);
  const wanted = resourceType.toLowerCase();
  return (type) => type?.toLowerCase() === wanted;
}

interface PrincipalEntry {
  id: string;
  share: ShareRecord;
  association: AssociationRecord;
}

/**
 * SELF lists the principals of the caller's shares; OTHER-ACCOUNTS lists the accounts sharing with the
 * caller, one entry per share, dated by the association that gave the caller access.
 */
export function listPrincipals(ctx: CallContext, input: Input): Record<string, unknown> {
  const owner = str(input, 'resourceOwner') as ResourceOwner;
  const keepShare = readShareFilter(ctx, input);
  const principals = list(input, 'principals');
  principals?.forEach((id) => parsePrincipal(id, ''));
  const byShare = associationsByShare(ctx);
  const entries = sharesOf(ctx, owner, byShare).flatMap((share) => {
    const associations = byShare.get(share.resourceShareArn) ?? [];
    return keepShare(share, associations) ? principalsSeen(ctx, owner, share, associations) : [];
  });
  const kept = entries.filter((entry) => principals === undefined || principals.includes(entry.id));
  const page = pages.page('ListPrincipals', input, kept, (entry) => `${entry.share.resourceShareArn}|${entry.id}`);
  return pages.output('principals', page, (entry) => principalView(ctx, entry));
}

function readShareFilter(ctx: CallContext, input: Input): (share: ShareRecord, associations: readonly AssociationRecord[]) => boolean {
  const resourceArn = optStr(input, 'resourceArn');
  if (resourceArn !== undefined) parseArn(resourceArn);
  const typeMatches = readResourceTypeFilter(optStr(input, 'resourceType'));
  const shareArns = requireVisibleShares(ctx, list(input, 'resourceShareArns'));
  return (share, associations) => {
    const resources = entitiesInShare(associations, 'RESOURCE', ctx.now);
    return (
      (shareArns === undefined || shareArns.has(share.resourceShareArn)) &&
      (resourceArn === undefined || resources.some((resource) => resource.associatedEntity === resourceArn)) &&
      (typeMatches === undefined || resources.some((resource) => typeMatches(resource._resourceType)))
    );
  };
}

function principalsSeen(ctx: CallContext, owner: ResourceOwner, share: ShareRecord, associations: readonly AssociationRecord[]): PrincipalEntry[] {
  const principals = entitiesInShare(associations, 'PRINCIPAL', ctx.now);
  if (owner === 'SELF') return principals.map((association) => ({ id: association.associatedEntity, share, association }));
  const access = principals.find(
    (association) => associationStatus(association, ctx.now) === 'ASSOCIATED' && reaches(ctx, association.associatedEntity, ctx.account),
  );
  return access ? [{ id: share.owningAccountId, share, association: access }] : [];
}

function principalView(ctx: CallContext, entry: PrincipalEntry): Record<string, unknown> {
  return {
    id: entry.id,
    resourceShareArn: entry.share.resourceShareArn,
    creationTime: entry.association.creationTime,
    lastUpdatedTime: lastUpdatedAt(entry.association, ctx.now),
    external: entry.association.external,
  };
}

/**
 * SELF lists the resources in the caller's shares (being added: PENDING, added: AVAILABLE);
 * OTHER-ACCOUNTS lists the resources other accounts have shared with the caller. The `principal`
 * filter names the other side of the share: a principal of the caller's share for SELF, the owning
 * account for OTHER-ACCOUNTS (as in ListPrincipals).
 */
export function listResources(ctx: CallContext, input: Input): Record<string, unknown> {
  const owner = str(input, 'resourceOwner') as ResourceOwner;
  const principal = optStr(input, 'principal');
  const keep = readResourceFilter(ctx, input);
  const byShare = associationsByShare(ctx);
  const entries = sharesOf(ctx, owner, byShare).flatMap((share) => {
    const associations = byShare.get(share.resourceShareArn) ?? [];
    if (principal !== undefined && !hasOtherSide(owner, share, associations, principal, ctx.now)) return [];
    return resourcesSeen(owner, associations, ctx.now).filter(keep);
  });
  const page = pages.page('ListResources', input, entries, (a) => `${a.associatedEntity}|${a.resourceShareArn}`);
  return pages.output('resources', page, (association) => resourceView(ctx, association));
}

function readResourceFilter(ctx: CallContext, input: Input): (association: AssociationRecord) => boolean {
  const typeMatches = readResourceTypeFilter(optStr(input, 'resourceType'));
  const resourceArns = list(input, 'resourceArns');
  resourceArns?.forEach(parseArn);
  const shareArns = requireVisibleShares(ctx, list(input, 'resourceShareArns'));
  const scope = optStr(input, 'resourceRegionScope') ?? 'ALL';
  return (association) =>
    (typeMatches === undefined || typeMatches(association._resourceType)) &&
    (resourceArns === undefined || resourceArns.includes(association.associatedEntity)) &&
    (shareArns === undefined || shareArns.has(association.resourceShareArn)) &&
    (scope === 'ALL' || scope === LICENSE_CONFIGURATION_SCOPE);
}

function hasOtherSide(owner: ResourceOwner, share: ShareRecord, associations: readonly AssociationRecord[], principal: string, now: Date): boolean {
  if (owner === 'OTHER-ACCOUNTS') return share.owningAccountId === principal;
  return entitiesInShare(associations, 'PRINCIPAL', now).some((association) => association.associatedEntity === principal);
}

function resourcesSeen(owner: ResourceOwner, associations: readonly AssociationRecord[], now: Date): AssociationRecord[] {
  const inShare = entitiesInShare(associations, 'RESOURCE', now);
  return owner === 'SELF' ? inShare : inShare.filter((association) => associationStatus(association, now) === 'ASSOCIATED');
}

export function resourceView(ctx: CallContext, association: AssociationRecord): Record<string, unknown> {
  return {
    arn: association.associatedEntity,
    type: association._resourceType,
    resourceShareArn: association.resourceShareArn,
    status: associationStatus(association, ctx.now) === 'ASSOCIATED' ? 'AVAILABLE' : 'PENDING',
    creationTime: association.creationTime,
    lastUpdatedTime: lastUpdatedAt(association, ctx.now),
    resourceRegionScope: LICENSE_CONFIGURATION_SCOPE,
  };
}
