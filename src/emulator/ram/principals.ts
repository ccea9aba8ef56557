// Principals a share can name: an account id, an organization or OU ARN, an IAM role or user ARN.
// The emulator models no AWS Organizations: every emulated account counts as a member of the owner's
// organization, so principals are never `external` and no invitation has to be accepted. Access
// through a share reaches an account named by id or through one of its IAM roles/users; OU and
// organization principals are recorded and listed, but grant no emulated account access because their
// membership is unknown.
import { ACCOUNT_ID } from '../../model/arn.js';
import { parseArn } from './arns.js';
import { invalidParameter } from './errors.js';

export type PrincipalKind = 'account' | 'organization' | 'organizational-unit' | 'iam';

export interface Principal {
  id: string;
  kind: PrincipalKind;
}

const ORGANIZATION = /^arn:aws[a-zA-Z-]*:organizations::\d{12}:organization\/o-[a-z0-9]+$/;
const ORGANIZATIONAL_UNIT = /^arn:aws[a-zA-Z-]*:organizations::\d{12}:ou\/o-[a-z0-9]+\/ou-[a-z0-9-]+$/;
const IAM_ROLE_OR_USER = /^arn:aws[a-zA-Z-]*:iam::\d{12}:(role|user)\/[\w+=,.@/-]+$/;

export function parsePrincipal(id: string, owner: string): Principal {
  if (ACCOUNT_ID.test(id)) {
    if (id === owner) throw invalidParameter(`The principal ${id} is the owner of the resource share.`);
    return { id, kind: 'account' };
  }
  if (!id.startsWith('arn:')) {
    throw invalidParameter(`The principal ${id} is not an account id, an organization or OU ARN, or an IAM role or user ARN.`);
  }
  parseArn(id);
  if (ORGANIZATION.test(id)) return { id, kind: 'organization' };
  if (ORGANIZATIONAL_UNIT.test(id)) return { id, kind: 'organizational-unit' };
  if (IAM_ROLE_OR_USER.test(id)) return { id, kind: 'iam' };
  throw invalidParameter(`The principal ${id} is not an organization, OU, IAM role or IAM user ARN.`);
}

/** The emulated account a principal gives access to, if any. */
export function accountReachedBy(principal: string): string | undefined {
  if (ACCOUNT_ID.test(principal)) return principal;
  return IAM_ROLE_OR_USER.test(principal) ? principal.split(':')[4] : undefined;
}
