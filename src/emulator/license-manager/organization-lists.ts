// The organization-wide lists of License Manager, for the organization's management account (or License Manager's
// delegated administrator, `licenseManagerAdministrator` in the declaration): what every member account received
// (grants and licenses) and the license configurations of every member, in the caller's region. Any other caller —
// a member account, an account outside any organization — is refused with AuthorizationException ("does not have
// permission to perform the action"), AWS's documented error for a caller without the permission.
import { list, str, type CallContext, type Input } from '../core/service-contract.js';
import { membersOf, organizationOfAccount } from '../organizations/organization.js';
import { authorization, pages } from './conventions.js';
import { receivedGrants } from './grant-records.js';
import { listGrants } from './grants.js';
import { listLicenseConfigurations } from './license-configurations.js';
import { receivedLicensesPage, type LicenseRecord } from './licenses.js';
import type { FilterFields } from './conventions.js';

/** The members of the caller's organization, if the caller administers its License Manager. */
function administeredMembers(ctx: CallContext, operation: string): string[] {
  const org = organizationOfAccount(ctx.state, ctx.account);
  if (!org || (ctx.account !== org.managementAccount && ctx.account !== org.licenseManagerAdministrator))
    throw authorization(
      `Account ${ctx.account} is not the management account or License Manager's delegated administrator of an organization, ` +
        `so it cannot call ${operation}`,
    );
  return membersOf(org);
}

/** ListReceivedGrantsForOrganization: the grants of one license every member received (its child grant of an organization grant). */
export function listReceivedGrantsForOrganization(ctx: CallContext, input: Input): Record<string, unknown> {
  const members = administeredMembers(ctx, 'ListReceivedGrantsForOrganization');
  const licenseArn = str(input, 'LicenseArn');
  const nowMs = ctx.now.getTime();
  const views = members.flatMap((a) => receivedGrants(ctx.state, a, nowMs)).filter((r) => r.grant.LicenseArn === licenseArn).map((r) => r.view);
  return listGrants('ListReceivedGrantsForOrganization', input, views, {
    ParentArn: (g) => g.ParentArn,
    GranteePrincipalArn: (g) => g.GranteePrincipalArn,
  });
}

const ORGANIZATION_LICENSE_FILTERS: FilterFields<LicenseRecord> = {
  Beneficiary: (l) => l.Beneficiary,
  ProductSKU: (l) => l.ProductSKU,
};

/** ListReceivedLicensesForOrganization: each license some member received, once, with the metadata of all its grants there. */
export function listReceivedLicensesForOrganization(ctx: CallContext, input: Input): Record<string, unknown> {
  const members = administeredMembers(ctx, 'ListReceivedLicensesForOrganization');
  return receivedLicensesPage(ctx, 'ListReceivedLicensesForOrganization', input, ORGANIZATION_LICENSE_FILTERS, members);
}

/**
 * ListLicenseConfigurationsForOrganization: the configurations of every member account in the caller's region
 * (each with its OwnerAccountId), with ListLicenseConfigurations' ARNs and filters, paged over the whole set.
 */
export function listLicenseConfigurationsForOrganization(ctx: CallContext, input: Input): Record<string, unknown> {
  const members = administeredMembers(ctx, 'ListLicenseConfigurationsForOrganization');
  const query = { Filters: list(input, 'Filters'), LicenseConfigurationArns: list(input, 'LicenseConfigurationArns'), MaxResults: Number.MAX_SAFE_INTEGER };
  const all = members.flatMap((account) => {
    const out = listLicenseConfigurations({ ...ctx, account }, query) as { LicenseConfigurations: Array<{ LicenseConfigurationArn: string }> };
    return out.LicenseConfigurations;
  });
  const page = pages.page('ListLicenseConfigurationsForOrganization', input, all, (c) => c.LicenseConfigurationArn);
  return pages.output('LicenseConfigurations', page, (c) => c);
}
