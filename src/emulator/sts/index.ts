// The STS operations the emulator answers (awsQuery, read-only: sessions live in the credentials they issue,
// not in the state): GetCallerIdentity, which is how licensectl learns the account of any credentials, and
// AssumeRole, which is how the SDK's credential chain turns a profile with `role_arn` into credentials.
// The model checks lengths, patterns and the DurationSeconds range before a handler runs (ValidationError);
// what the model cannot say is checked here.
import { createHash } from 'node:crypto';
import { type CallContext, type Input, type OperationSpec, optNum, optStr, ServiceError, str } from '../core/service-contract.js';
import { isSessionKey, issueCredentials } from './credentials.js';

// The model only bounds RoleArn's length (20..2048); STS also wants the ARN of an IAM role.
const ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b):iam::(\d{12}):role\/(?:[\x21-\x7e]*\/)?([\w+=,.@-]{1,64})$/;

// Where the AWS documentation and the model disagree, the documentation wins. The model allows DurationSeconds
// up to 43200 for every call; the documentation says "By default, the value is set to 3600 seconds" (the model
// has no default), caps it at the role's maximum session duration (the emulator has no IAM roles, so every role
// allows the largest setting, 12 hours = the model's 43200), and refuses more than one hour when a role's
// temporary credentials assume another role ("role chaining").
const DEFAULT_DURATION_SECONDS = 3600;
const ROLE_CHAINING_MAX_SECONDS = 3600;

function operation(name: string, handler: (ctx: CallContext, input: Input) => Record<string, unknown>): OperationSpec {
  return { service: 'sts', name, readOnly: true, handler };
}

export const stsOperations: OperationSpec[] = [operation('GetCallerIdentity', getCallerIdentity), operation('AssumeRole', assumeRole)];

/**
 * Long-term keys act as their account's root user (the emulator has no IAM users); temporary credentials the
 * emulator issued are the assumed-role session they were issued for, in the role's account.
 */
function getCallerIdentity(ctx: CallContext): Record<string, unknown> {
  checkToken(ctx);
  const session = ctx.caller?.session;
  if (session) {
    const role = parseRoleArn(session.roleArn)!;
    return { UserId: `${roleId(session.roleArn)}:${session.sessionName}`, Account: role.account, Arn: assumedRoleArn(role, session.sessionName) };
  }
  return { UserId: ctx.account, Account: ctx.account, Arn: `arn:${partitionOf(ctx.region)}:iam::${ctx.account}:root` };
}

function assumeRole(ctx: CallContext, input: Input): Record<string, unknown> {
  checkToken(ctx);
  const roleArn = str(input, 'RoleArn');
  const sessionName = str(input, 'RoleSessionName');
  const role = parseRoleArn(roleArn);
  if (!role) throw new ServiceError('ValidationError', `${roleArn} is invalid: RoleArn must be the ARN of an IAM role, arn:aws:iam::ACCOUNT:role/NAME`);
  const duration = optNum(input, 'DurationSeconds') ?? DEFAULT_DURATION_SECONDS;
  if (ctx.caller?.session && duration > ROLE_CHAINING_MAX_SECONDS)
    throw new ServiceError('ValidationError', 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
  const expiration = Math.floor(ctx.now.getTime() / 1000) + duration;
  const sourceIdentity = optStr(input, 'SourceIdentity');
  return {
    Credentials: issueCredentials(role.account, roleArn, sessionName, expiration, () => ctx.ids.hex32()),
    AssumedRoleUser: { AssumedRoleId: `${roleId(roleArn)}:${sessionName}`, Arn: assumedRoleArn(role, sessionName) },
    ...(sourceIdentity ? { SourceIdentity: sourceIdentity } : {}),
  };
}

/** A key of the form the emulator issues, sent without its session token (or with another), is not a valid token. */
function checkToken(ctx: CallContext): void {
  if (isSessionKey(ctx.caller?.accessKeyId) && !ctx.caller?.session)
    throw new ServiceError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
}

interface RoleArn {
  readonly partition: string;
  readonly account: string;
  readonly name: string;
}

function parseRoleArn(arn: string): RoleArn | undefined {
  const match = ROLE_ARN.exec(arn);
  return match ? { partition: match[1]!, account: match[2]!, name: match[3]! } : undefined;
}

/** The session's ARN names the role without its path, as AWS's does. */
function assumedRoleArn(role: RoleArn, sessionName: string): string {
  return `arn:${role.partition}:sts::${role.account}:assumed-role/${role.name}/${sessionName}`;
}

/** A role's unique id (`AROA…`), stable for its ARN as AWS's is for the role. */
function roleId(roleArn: string): string {
  return `AROA${createHash('sha256').update(roleArn).digest('hex').slice(0, 17).toUpperCase()}`;
}

function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  return region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
}
