// GetLicense (any version) and ListLicenses (the caller's licenses, deleted ones included with their status).
import type { CallContext } from '../../core/types.js';
import { ownedBy } from '../arns.js';
import { resourceNotFound } from '../errors.js';
import { filterMatcher, type FilterFields } from '../filters.js';
import { list, optNum, optStr, str, type Filter, type Input } from '../input.js';
import { paginate } from '../pagination.js';
import { latestView, viewOfVersion } from '../versions.js';
import { licenses, ownLicense, type LicenseRecord } from './record.js';

const FILTERS: FilterFields<LicenseRecord> = {
  Beneficiary: (l) => l.Beneficiary,
  ProductSKU: (l) => l.ProductSKU,
  Fingerprint: (l) => l.Issuer.KeyFingerprint,
  Status: (l) => l.Status,
};

export function getLicense(ctx: CallContext, input: Input): Record<string, unknown> {
  const arn = str(input, 'LicenseArn');
  const version = optStr(input, 'Version');
  const view = viewOfVersion(ownLicense(ctx, arn), version);
  if (!view) throw resourceNotFound(`License ${arn} has no version ${version}`);
  return { License: view };
}

export function listLicenses(ctx: CallContext, input: Input): Record<string, unknown> {
  const matches = filterMatcher(list<Filter>(input, 'Filters'), FILTERS);
  const arns = list(input, 'LicenseArns');
  const wanted = arns && new Set(arns);
  const own = Object.values(licenses(ctx.state))
    .filter((l) => ownedBy(ctx, l.LicenseArn) && (!wanted || wanted.has(l.LicenseArn)) && matches(l))
    .sort((a, b) => (a.LicenseArn < b.LicenseArn ? -1 : 1));
  const page = paginate(own, (l) => l.LicenseArn, optNum(input, 'MaxResults'), optStr(input, 'NextToken'));
  return { Licenses: page.items.map(latestView), ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
}
