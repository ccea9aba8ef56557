// What every License Manager operation shares: its modelled errors, who owns an ARN, the `Filters` of the
// list operations, ClientToken idempotency and NextToken paging.
import { idempotent } from '../core/call-context.js';
import { Paginator } from '../core/pagination.js';
import { ServiceError, str, type CallContext, type Input } from '../core/service-contract.js';

export const invalidParameter = (message: string) => new ServiceError('InvalidParameterValueException', message);
export const validation = (message: string) => new ServiceError('ValidationException', message);
export const resourceNotFound = (message: string) => new ServiceError('ResourceNotFoundException', message);
export const conflict = (message: string) => new ServiceError('ConflictException', message, 409);
export const authorization = (message: string) => new ServiceError('AuthorizationException', message, 403);
export const filterLimitExceeded = (message: string) => new ServiceError('FilterLimitExceededException', message);

export interface Tag {
  Key?: string;
  Value?: string;
}

export interface Filter {
  Name?: string;
  Values?: string[];
}

export type LmKind = 'license-configuration' | 'license' | 'grant' | 'report-generator';

export interface LmArn {
  readonly kind: LmKind;
  readonly region: string;
  readonly account: string;
  readonly id: string;
}

const LM_ARN = /^arn:aws:license-manager:([a-z0-9-]*):(\d{12}):(license-configuration|license|grant|report-generator):([A-Za-z0-9-]+)$/;

export function parseLmArn(arn: string): LmArn | undefined {
  const match = LM_ARN.exec(arn);
  if (!match) return undefined;
  return { region: match[1]!, account: match[2]!, kind: match[3] as LmKind, id: match[4]! };
}

/** Whether the caller owns the resource an ARN names: its account, and its region for regional kinds. */
export function ownedBy(ctx: CallContext, arn: string): boolean {
  const parsed = parseLmArn(arn);
  if (!parsed || parsed.account !== ctx.account) return false;
  return (parsed.kind !== 'license-configuration' && parsed.kind !== 'report-generator') || parsed.region === ctx.region;
}

const ACCOUNT_ROOT = /^arn:aws:iam::(\d{12}):root$/;

/** The account an `arn:aws:iam::<account>:root` principal names, or undefined for organisation principals. */
export function accountOfPrincipal(principal: string): string | undefined {
  return ACCOUNT_ROOT.exec(principal)?.[1];
}

export type FilterFields<T> = Readonly<Record<string, (item: T) => string | undefined>>;

/**
 * The `Filters` of the license and grant list operations: each named filter matches when the item's value
 * is one of the filter's values; filters combine with AND. Unknown names are refused.
 */
export function filterMatcher<T>(filters: readonly Filter[] | undefined, fields: FilterFields<T>): (item: T) => boolean {
  const checks = (filters ?? []).map((filter) => {
    const field = fields[filter.Name ?? ''];
    if (!field) throw invalidParameter(`Invalid filter name ${JSON.stringify(filter.Name ?? '')}; supported filters: ${Object.keys(fields).join(', ')}`);
    const values = new Set(filter.Values ?? []);
    if (values.size === 0) throw invalidParameter(`Filter ${filter.Name} needs at least one value`);
    return (item: T) => values.has(field(item) ?? '');
  });
  return (item) => checks.every((check) => check(item));
}

/**
 * ClientToken idempotency of CreateLicense, CreateLicenseVersion, CreateGrant and CreateGrantVersion. The
 * License Manager model has no IdempotentParameterMismatchException; a reused token with different members
 * is a ValidationException.
 */
export function withClientToken(ctx: CallContext, operation: string, input: Input, run: () => Record<string, unknown>): Record<string, unknown> {
  const token = str(input, 'ClientToken');
  const mismatch = () => validation(`The client token ${token} was already used with different request parameters`);
  return idempotent(ctx, { service: 'license-manager', operation, token, input, mismatch }, run);
}

/** License Manager's list operations: 100 items a page unless MaxResults says otherwise. */
export const pages = new Paginator({
  maxResultsMember: 'MaxResults',
  nextTokenMember: 'NextToken',
  defaultMaxResults: 100,
  emptyPages: false,
  invalidToken: () => invalidParameter('Invalid NextToken'),
  invalidParameter,
});
