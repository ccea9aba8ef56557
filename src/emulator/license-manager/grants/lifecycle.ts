// How a grant moves (aws-api.md §2.2): the grantee accepts (PENDING_ACCEPT → ACTIVE) or rejects it; either
// side makes new versions (the issuer changes name, operations and status, the grantee only the status);
// the issuer deletes the latest version. Deleted grants stay readable with status DELETED.
import type { CallContext } from '../../core/types.js';
import { withClientToken } from '../client-token.js';
import { authorization, validation } from '../errors.js';
import { copy, list, optStr, str, type Input } from '../input.js';
import { startNextVersion } from '../versions.js';
import { isIssuer, issuedGrant, receivedGrant, visibleGrant, type GrantRecord } from './record.js';

const REJECTABLE = ['PENDING_ACCEPT', 'ACTIVE', 'DISABLED'];
const VERSIONABLE_STATUSES = ['ACTIVE', 'DISABLED'];

const answer = (grant: GrantRecord) => ({ GrantArn: grant.GrantArn, Status: grant.GrantStatus, Version: grant.Version });

export function acceptGrant(ctx: CallContext, input: Input): Record<string, unknown> {
  const grant = receivedGrant(ctx, str(input, 'GrantArn'));
  if (grant.GrantStatus !== 'PENDING_ACCEPT')
    throw validation(`Grant ${grant.GrantArn} is ${grant.GrantStatus}; only a grant in PENDING_ACCEPT can be accepted`);
  grant.GrantStatus = 'ACTIVE';
  return answer(grant);
}

export function rejectGrant(ctx: CallContext, input: Input): Record<string, unknown> {
  const grant = receivedGrant(ctx, str(input, 'GrantArn'));
  if (!REJECTABLE.includes(grant.GrantStatus)) throw validation(`Grant ${grant.GrantArn} is ${grant.GrantStatus} and cannot be rejected`);
  grant.GrantStatus = 'REJECTED';
  return answer(grant);
}

export function createGrantVersion(ctx: CallContext, input: Input): Record<string, unknown> {
  return withClientToken(ctx, 'CreateGrantVersion', input, () => {
    const grant = visibleGrant(ctx, str(input, 'GrantArn'));
    checkVersionable(ctx, grant, input);
    const version = startNextVersion(grant);
    const operations = list(input, 'AllowedOperations');
    const changes: Partial<GrantRecord> = {
      Version: version,
      ...(input['GrantName'] !== undefined ? { GrantName: str(input, 'GrantName') } : {}),
      ...(operations ? { GrantedOperations: copy(operations) } : {}),
      ...(input['Status'] !== undefined ? { GrantStatus: str(input, 'Status') } : {}),
      ...(input['StatusReason'] !== undefined ? { StatusReason: str(input, 'StatusReason') } : {}),
      ...(input['Options'] !== undefined ? { Options: copy(input['Options'] as Record<string, unknown>) } : {}),
    };
    Object.assign(grant, changes);
    return answer(grant);
  });
}

function checkVersionable(ctx: CallContext, grant: GrantRecord, input: Input): void {
  if (grant.GrantStatus === 'DELETED') throw validation(`Grant ${grant.GrantArn} is deleted`);
  const source = optStr(input, 'SourceVersion');
  if (source !== undefined && source !== grant.Version)
    throw validation(`A grant version cannot be created since the source version provided doesn't match the latest version ${grant.Version} in our records`);
  if (!isIssuer(ctx, grant) && (input['GrantName'] !== undefined || input['AllowedOperations'] !== undefined))
    throw authorization(`The grantee of grant ${grant.GrantArn} can change only its status`);
  const status = optStr(input, 'Status');
  if (status === undefined) return;
  if (!VERSIONABLE_STATUSES.includes(status)) throw validation(`A new grant version can set the status to ${VERSIONABLE_STATUSES.join(' or ')}, not ${status}`);
  if (grant.GrantStatus === 'REJECTED') throw validation(`Grant ${grant.GrantArn} was rejected and cannot be activated`);
}

export function deleteGrant(ctx: CallContext, input: Input): Record<string, unknown> {
  const grant = issuedGrant(ctx, str(input, 'GrantArn'));
  if (str(input, 'Version') !== grant.Version)
    throw validation(`A grant cannot be deleted since the version provided doesn't match the latest version ${grant.Version} in our records`);
  if (grant.GrantStatus === 'DELETED') throw validation(`Grant ${grant.GrantArn} is already deleted`);
  grant.GrantStatus = 'DELETED';
  const reason = optStr(input, 'StatusReason');
  if (reason !== undefined) grant.StatusReason = reason;
  return answer(grant);
}
