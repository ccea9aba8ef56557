// How grants are stored and who sees which grant with which status. A grant is one record, keyed by its ARN, in
// the issuer's account. Its status is partly derived, never written by a read:
// - PENDING_WORKFLOW while it is being distributed: from CreateGrant until `_distributedAtMs` (CreateGrant's time
//   plus the emulator's propagation delay, `delays.shareMs`, as RAM's transitions are modelled; no delay means the
//   next read already sees it distributed).
// - A grant to one account (arn:aws:iam::ACCOUNT:root) has one grantee, whose status is the grant's: PENDING_ACCEPT,
//   then DISABLED once accepted (AWS: "Grants that are accepted but not yet activated have a status of Disabled"),
//   ACTIVE once activated, or REJECTED.
// - A grant to an organization or an OU is distributed as one child grant per account it reaches (AWS's
//   WORKFLOW_COMPLETED: "The grant has been distributed or recalled to an organization. The grant details show the
//   status of child grants for each account"). The parent's status is WORKFLOW_COMPLETED (DISABLED while its issuer
//   disables it); each member account sees, accepts and activates its own child grant, whose ARN is derived from
//   the parent's and the account (so it needs no record until the member acts: `_receipts`). Who is reached is read
//   from the organization at each call, so an account that joins later receives it too.
import { createHash } from 'node:crypto';
import { accountOfArn, grantArn } from '../../model/arn.js';
import { copy, type EmulatorState } from '../core/service-contract.js';
import { accountsReachedBy } from '../organizations/organization.js';
import { accountOfPrincipal } from './conventions.js';
import type { Versioned } from './licenses.js';

/** Who disabled an accepted grant; the issuer may enable again only what it disabled itself (see grants.ts). */
export type DisabledBy = 'issuer' | 'grantee';

/** One account's side of a grant: the grant itself for an account principal, a child grant for an organization or OU. */
export interface Receipt extends Versioned {
  GrantStatus: string;
  StatusReason?: string;
  Options?: Record<string, unknown>;
  _disabledBy?: DisabledBy;
}

export interface GrantRecord extends Receipt {
  GrantArn: string;
  GrantName: string;
  ParentArn: string;
  LicenseArn: string;
  GranteePrincipalArn: string;
  HomeRegion: string;
  GrantedOperations: string[];
  /** Epoch milliseconds when distribution completes; absent in states written before it existed (distributed). */
  _distributedAtMs?: number;
  /** Organization and OU grants: the child grants of the member accounts that acted on theirs. */
  _receipts?: Record<string, Receipt>;
}

/** The `Grant` shape as AWS returns it. */
export interface GrantView {
  GrantArn: string;
  GrantName: string;
  ParentArn: string;
  LicenseArn: string;
  GranteePrincipalArn: string;
  HomeRegion: string;
  GrantStatus: string;
  StatusReason?: string;
  Version: string;
  GrantedOperations: string[];
  Options?: Record<string, unknown>;
}

export function grantRecords(state: EmulatorState): Record<string, GrantRecord> {
  return state.licenseManager.grants as unknown as Record<string, GrantRecord>;
}

/** Whether a grant names an organization or an OU (so each member has a child grant). */
export const isOrganizationGrant = (grant: GrantRecord) => accountOfPrincipal(grant.GranteePrincipalArn) === undefined;

export const issuerOf = (grant: GrantRecord) => accountOfArn(grant.GrantArn);

const distributing = (grant: GrantRecord, nowMs: number) => grant.GrantStatus !== 'DELETED' && nowMs < (grant._distributedAtMs ?? 0);

/** The accounts a grant reaches now; never its issuer, whose license is its own. */
export function reachedAccounts(state: EmulatorState, grant: GrantRecord): string[] {
  const issuer = issuerOf(grant);
  return accountsReachedBy(state, grant.GranteePrincipalArn).filter((a) => a !== issuer);
}

/** The child grant ARN of an account: the issuer's, with an id derived from the parent grant and the account. */
export function childArn(grant: GrantRecord, account: string): string {
  return grantArn(issuerOf(grant) ?? '', `g-${createHash('sha256').update(`${grant.GrantArn}|${account}`).digest('hex').slice(0, 32)}`);
}

/** The receipt of `account`: the grant for an account principal; the member's child (fresh until it acts) otherwise. */
export function receiptOf(grant: GrantRecord, account: string): Receipt {
  if (!isOrganizationGrant(grant)) return grant;
  return grant._receipts?.[account] ?? { GrantStatus: 'PENDING_ACCEPT', Version: '1', _previousVersions: {} };
}

/** The receipt to change: stored from now on for a child grant. */
export function writableReceipt(grant: GrantRecord, account: string): Receipt {
  if (!isOrganizationGrant(grant)) return grant;
  grant._receipts ??= {};
  return (grant._receipts[account] ??= receiptOf(grant, account));
}

/** The grant as its issuer sees it (GetGrant, ListDistributedGrants). */
export function issuerView(grant: GrantRecord, nowMs: number): GrantView {
  return viewOf(grant, grant, {}, distributing(grant, nowMs) ? 'PENDING_WORKFLOW' : grant.GrantStatus);
}

/** The grant as `account`, which it reaches, sees it: the grant itself, or the account's child grant. */
export function receivedView(grant: GrantRecord, account: string, nowMs: number): GrantView {
  if (!isOrganizationGrant(grant)) return issuerView(grant, nowMs);
  const receipt = receiptOf(grant, account);
  const child = { GrantArn: childArn(grant, account), ParentArn: grant.GrantArn, GranteePrincipalArn: `arn:aws:iam::${account}:root` };
  return viewOf(grant, receipt, child, childStatus(grant, receipt, nowMs));
}

function childStatus(grant: GrantRecord, receipt: Receipt, nowMs: number): string {
  if (grant.GrantStatus === 'DELETED') return 'DELETED';
  if (distributing(grant, nowMs)) return 'PENDING_WORKFLOW';
  // A parent its issuer disabled disables every child that was active.
  if (grant.GrantStatus === 'DISABLED' && receipt.GrantStatus === 'ACTIVE') return 'DISABLED';
  return receipt.GrantStatus;
}

function viewOf(grant: GrantRecord, receipt: Receipt, child: Partial<GrantView>, status: string): GrantView {
  return {
    GrantArn: grant.GrantArn,
    GrantName: grant.GrantName,
    ParentArn: grant.ParentArn,
    LicenseArn: grant.LicenseArn,
    GranteePrincipalArn: grant.GranteePrincipalArn,
    HomeRegion: grant.HomeRegion,
    ...child,
    GrantStatus: status,
    ...(receipt.StatusReason === undefined ? {} : { StatusReason: receipt.StatusReason }),
    Version: receipt.Version,
    GrantedOperations: [...grant.GrantedOperations],
    ...(receipt.Options === undefined ? {} : { Options: copy(receipt.Options) }),
  };
}

/** A grant `account` received, and how it sees it. */
export interface Received {
  readonly grant: GrantRecord;
  readonly account: string;
  readonly view: GrantView;
}

/** Every grant `account` received: those naming it, and the child grants of organization and OU grants reaching it. */
export function receivedGrants(state: EmulatorState, account: string, nowMs: number): Received[] {
  return Object.values(grantRecords(state))
    .filter((g) => (isOrganizationGrant(g) ? reachedAccounts(state, g).includes(account) : accountOfPrincipal(g.GranteePrincipalArn) === account))
    .map((grant) => ({ grant, account, view: receivedView(grant, account, nowMs) }));
}

/**
 * The received grant `arn` names for `account`: the grant (an organization or OU grant's ARN stands for the
 * account's child grant) or a child grant's own ARN. Undefined when the account did not receive it.
 */
export function findReceived(state: EmulatorState, account: string, arn: string, nowMs: number): Received | undefined {
  return receivedGrants(state, account, nowMs).find((r) => r.grant.GrantArn === arn || r.view.GrantArn === arn);
}

/** A child grant by its ARN, for its issuer: the parent and the account. */
export function findChild(state: EmulatorState, arn: string): { grant: GrantRecord; account: string } | undefined {
  for (const grant of Object.values(grantRecords(state)).filter(isOrganizationGrant)) {
    const account = reachedAccounts(state, grant).find((a) => childArn(grant, a) === arn);
    if (account !== undefined) return { grant, account };
  }
  return undefined;
}

/** Archives the receipt's latest version (as `view` shows it) and returns the next version number. */
export function nextVersion(receipt: Receipt, view: GrantView): string {
  receipt._previousVersions[receipt.Version] = copy(view) as unknown as Record<string, unknown>;
  return String(Number(receipt.Version) + 1);
}

// Which status a license's received metadata shows when several grants of it were received: the most usable.
const RECEIVED_ORDER = ['ACTIVE', 'DISABLED', 'PENDING_ACCEPT', 'PENDING_WORKFLOW', 'WORKFLOW_COMPLETED', 'REJECTED', 'FAILED_WORKFLOW'];

/** A received license's `ReceivedMetadata` over the grants of it that `received` lists (none DELETED). */
export function receivedMetadata(received: readonly Received[]): Record<string, unknown> {
  const rank = (r: Received) => RECEIVED_ORDER.indexOf(r.view.GrantStatus);
  const best = [...received].sort((a, b) => rank(a) - rank(b))[0]!;
  const active = received.filter((r) => r.view.GrantStatus === 'ACTIVE');
  const allowed = [...new Set(active.flatMap((r) => r.view.GrantedOperations))].sort();
  return {
    ReceivedStatus: best.view.GrantStatus,
    ...(best.view.StatusReason === undefined ? {} : { ReceivedStatusReason: best.view.StatusReason }),
    ...(allowed.length > 0 ? { AllowedOperations: allowed } : {}),
  };
}

/** The grants of `licenseArn` that `account` received and that are not deleted. */
export function receivedOfLicense(state: EmulatorState, account: string, licenseArn: string, nowMs: number): Received[] {
  return receivedGrants(state, account, nowMs).filter((r) => r.grant.LicenseArn === licenseArn && r.view.GrantStatus !== 'DELETED');
}
