// GetGrant (any version), ListDistributedGrants (grants the caller issued) and ListReceivedGrants (grants
// whose principal is the caller's account). Deleted and rejected grants stay listed with their status.
import { accountOfArn } from '../../../model/arn.js';
import type { CallContext, EmulatorState } from '../../core/types.js';
import { resourceNotFound } from '../errors.js';
import { filterMatcher, type FilterFields } from '../filters.js';
import { list, optNum, optStr, str, type Filter, type Input } from '../input.js';
import { licenses } from '../licenses/record.js';
import { paginate } from '../pagination.js';
import { latestView, viewOfVersion } from '../versions.js';
import { grants, isGrantee, isIssuer, visibleGrant, type GrantRecord } from './record.js';

function licenseFields(state: EmulatorState): FilterFields<GrantRecord> {
  return {
    LicenseArn: (g) => g.LicenseArn,
    GrantStatus: (g) => g.GrantStatus,
    ProductSKU: (g) => licenses(state)[g.LicenseArn]?.ProductSKU,
    LicenseIssuerName: (g) => licenses(state)[g.LicenseArn]?.Issuer.Name,
  };
}

export function getGrant(ctx: CallContext, input: Input): Record<string, unknown> {
  const arn = str(input, 'GrantArn');
  const version = optStr(input, 'Version');
  const view = viewOfVersion(visibleGrant(ctx, arn), version);
  if (!view) throw resourceNotFound(`Grant ${arn} has no version ${version}`);
  return { Grant: view };
}

export function listDistributedGrants(ctx: CallContext, input: Input): Record<string, unknown> {
  const fields = { ...licenseFields(ctx.state), GranteePrincipalARN: (g: GrantRecord) => g.GranteePrincipalArn };
  return listGrants(ctx, input, (g) => isIssuer(ctx, g), fields);
}

export function listReceivedGrants(ctx: CallContext, input: Input): Record<string, unknown> {
  const fields = { ...licenseFields(ctx.state), GranterAccountId: (g: GrantRecord) => accountOfArn(g.GrantArn) };
  return listGrants(ctx, input, (g) => isGrantee(ctx, g), fields);
}

function listGrants(ctx: CallContext, input: Input, side: (g: GrantRecord) => boolean, fields: FilterFields<GrantRecord>): Record<string, unknown> {
  const matches = filterMatcher(list<Filter>(input, 'Filters'), fields);
  const arns = list(input, 'GrantArns');
  const wanted = arns && new Set(arns);
  const selected = Object.values(grants(ctx.state))
    .filter((g) => side(g) && (!wanted || wanted.has(g.GrantArn)) && matches(g))
    .sort((a, b) => (a.GrantArn < b.GrantArn ? -1 : 1));
  const page = paginate(selected, (g) => g.GrantArn, optNum(input, 'MaxResults'), optStr(input, 'NextToken'));
  return { Grants: page.items.map(latestView), ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
}
