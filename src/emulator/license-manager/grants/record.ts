// A grant as stored: the members of License Manager's `Grant` shape for the latest version, plus the
// earlier versions. The issuer is the account in the grant ARN; the grantee the account of its principal.
import { accountOfArn } from '../../../model/arn.js';
import type { CallContext, EmulatorState } from '../../core/types.js';
import { accountOfPrincipal } from '../arns.js';
import { authorization, resourceNotFound } from '../errors.js';
import type { Versioned } from '../versions.js';

export interface GrantRecord extends Versioned {
  GrantArn: string;
  GrantName: string;
  ParentArn: string;
  LicenseArn: string;
  GranteePrincipalArn: string;
  HomeRegion: string;
  GrantStatus: string;
  StatusReason?: string;
  GrantedOperations: string[];
  Options?: Record<string, unknown>;
}

export function grants(state: EmulatorState): Record<string, GrantRecord> {
  return state.licenseManager.grants as unknown as Record<string, GrantRecord>;
}

export const isIssuer = (ctx: CallContext, grant: GrantRecord) => accountOfArn(grant.GrantArn) === ctx.account;
export const isGrantee = (ctx: CallContext, grant: GrantRecord) => accountOfPrincipal(grant.GranteePrincipalArn) === ctx.account;

/** A grant the caller issued or received; any other ARN is not found. */
export function visibleGrant(ctx: CallContext, arn: string): GrantRecord {
  const record = grants(ctx.state)[arn];
  if (!record || !(isIssuer(ctx, record) || isGrantee(ctx, record))) throw resourceNotFound(`Grant ${arn} not found`);
  return record;
}

export function issuedGrant(ctx: CallContext, arn: string): GrantRecord {
  const record = visibleGrant(ctx, arn);
  if (!isIssuer(ctx, record)) throw authorization(`Only the issuer of grant ${arn} can do this`);
  return record;
}

export function receivedGrant(ctx: CallContext, arn: string): GrantRecord {
  const record = visibleGrant(ctx, arn);
  if (!isGrantee(ctx, record)) throw authorization(`Only the grantee of grant ${arn} can do this`);
  return record;
}
