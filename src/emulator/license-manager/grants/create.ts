// CreateGrant: idempotent on ClientToken; grants one principal (an account root, an organization or an OU)
// the given operations on one of the caller's licenses. A new grant waits for the grantee (PENDING_ACCEPT).
import { grantArn } from '../../../model/arn.js';
import type { CallContext } from '../../core/types.js';
import { withClientToken } from '../client-token.js';
import { invalidParameter, validation } from '../errors.js';
import { copy, list, str, type Input, type Tag } from '../input.js';
import { ownLicense } from '../licenses/record.js';
import { applyTags } from '../tags.js';
import { grants, type GrantRecord } from './record.js';

const PRINCIPAL = /^arn:aws:(iam::\d{12}:root|organizations::\d{12}:(organization\/o-[a-z0-9]+|ou\/o-[a-z0-9]+\/ou-[a-z0-9-]+))$/;

export function createGrant(ctx: CallContext, input: Input): Record<string, unknown> {
  return withClientToken(ctx, 'CreateGrant', input, () => {
    const license = ownLicense(ctx, str(input, 'LicenseArn'));
    if (license.Status === 'DELETED') throw validation(`License ${license.LicenseArn} is deleted`);
    const principal = list(input, 'Principals')![0]!;
    if (!PRINCIPAL.test(principal))
      throw invalidParameter(`Invalid principal ${principal}: expected arn:aws:iam::<account>:root or an organization or OU ARN`);
    const record: GrantRecord = {
      GrantArn: grantArn(ctx.account, `g-${ctx.ids.hex32()}`),
      GrantName: str(input, 'GrantName'),
      ParentArn: license.LicenseArn,
      LicenseArn: license.LicenseArn,
      GranteePrincipalArn: principal,
      HomeRegion: str(input, 'HomeRegion'),
      GrantStatus: 'PENDING_ACCEPT',
      GrantedOperations: copy(list(input, 'AllowedOperations')!),
      Version: '1',
      _previousVersions: {},
    };
    applyTags(ctx.state, record.GrantArn, list<Tag>(input, 'Tags') ?? []);
    grants(ctx.state)[record.GrantArn] = record;
    return { GrantArn: record.GrantArn, Status: record.GrantStatus, Version: record.Version };
  });
}
