// The emulated AWS Organization: which accounts belong to it and where, as declared by `licensectl emulator org
// apply FILE` (an emulator-only control). One organization per emulator; accounts it does not list are outside
// any organization. Ids are derived from the declaration (the management account and the unit names), so
// applying the same file again keeps every id, and ARNs follow AWS's forms:
//   organization  arn:aws:organizations::MGMT:organization/o-xxxxxxxxxx
//   root          arn:aws:organizations::MGMT:root/o-xxxxxxxxxx/r-xxxx
//   OU            arn:aws:organizations::MGMT:ou/o-xxxxxxxxxx/ou-xxxx-xxxxxxxx
//   account       arn:aws:organizations::MGMT:account/o-xxxxxxxxxx/ACCOUNT
// Services read membership through the functions below, never the record itself.
import { createHash } from 'node:crypto';
import { ACCOUNT_ID } from '../../model/arn.js';
import type { EmulatorState } from '../core/service-contract.js';

/** An organizational unit as declared: its accounts and the units below it. */
export interface UnitDeclaration {
  readonly name: string;
  readonly accounts?: readonly string[];
  readonly units?: readonly UnitDeclaration[];
}

/** The `emulator org apply` file. */
export interface OrganizationDeclaration {
  readonly managementAccount: string;
  /** RAM's EnableSharingWithAwsOrganization done: principals of the organization receive shares without invitations. */
  readonly sharingWithOrganization?: boolean;
  /** License Manager's delegated administrator (the management account when it administers itself). */
  readonly licenseManagerAdministrator?: string;
  readonly units?: readonly UnitDeclaration[];
  /** Members directly under the root. */
  readonly accounts?: readonly string[];
}

export interface UnitRecord {
  readonly id: string;
  readonly arn: string;
  readonly name: string;
  /** The root's or the parent unit's id. */
  readonly parentId: string;
  readonly accounts: readonly string[];
}

/** As stored in the state's `organizations.current` (absent: no organization). */
export interface OrganizationRecord {
  readonly id: string;
  readonly arn: string;
  readonly managementAccount: string;
  readonly rootId: string;
  readonly rootArn: string;
  sharingWithOrganization: boolean;
  licenseManagerAdministrator: string | null;
  /** Epoch seconds: when licenseManagerAdministrator became the delegated administrator (the apply that first named it). */
  readonly administratorSince?: number;
  /** Members directly under the root (the management account among them). */
  readonly rootAccounts: readonly string[];
  /** Every unit, parents before children. */
  readonly units: readonly UnitRecord[];
  /** Epoch seconds, per account: when it joined (the time of the apply that first listed it). */
  readonly joined: Readonly<Record<string, number>>;
}

export function organizationOf(state: EmulatorState): OrganizationRecord | undefined {
  const current = state.organizations.current;
  return current && 'id' in current ? (current as unknown as OrganizationRecord) : undefined;
}

/** Every member account, the management account included, sorted. */
export function membersOf(org: OrganizationRecord): string[] {
  return [...new Set([org.managementAccount, ...org.rootAccounts, ...org.units.flatMap((u) => u.accounts)])].sort();
}

/** The organization `account` belongs to, if any. */
export function organizationOfAccount(state: EmulatorState, account: string): OrganizationRecord | undefined {
  const org = organizationOf(state);
  return org && membersOf(org).includes(account) ? org : undefined;
}

/** The root's id or the unit's id an account sits directly under. */
export function parentOf(org: OrganizationRecord, account: string): string {
  return org.units.find((u) => u.accounts.includes(account))?.id ?? org.rootId;
}

/** Whether two accounts are members of the same organization. */
export function sameOrganization(state: EmulatorState, a: string, b: string): boolean {
  const org = organizationOfAccount(state, a);
  return org !== undefined && membersOf(org).includes(b);
}

/**
 * The accounts a principal stands for: an account id itself; the organization's ARN every member; an OU's ARN the
 * accounts in it and in the units below it; an IAM role or user its account. Unknown ARNs reach nobody.
 */
export function accountsReachedBy(state: EmulatorState, principal: string): string[] {
  if (ACCOUNT_ID.test(principal)) return [principal];
  const iam = /^arn:aws[a-zA-Z-]*:iam::(\d{12}):(root|role\/.+|user\/.+)$/.exec(principal);
  if (iam) return [iam[1]!];
  const org = organizationOf(state);
  if (!org) return [];
  if (principal === org.arn) return membersOf(org);
  const unit = org.units.find((u) => u.arn === principal);
  if (!unit) return [];
  const below = (id: string): string[] => org.units.filter((u) => u.parentId === id).flatMap((u) => [...u.accounts, ...below(u.id)]);
  return [...new Set([...unit.accounts, ...below(unit.id)])].sort();
}

/** The organization a declaration describes; `previous` keeps the join times of accounts already members (and the administrator's delegation time). */
export function organizationFrom(declaration: OrganizationDeclaration, nowSeconds: number, previous?: OrganizationRecord): OrganizationRecord {
  const mgmt = declaration.managementAccount;
  const id = `o-${digest(mgmt, 'organization').slice(0, 10)}`;
  const rootId = `r-${digest(mgmt, 'root').slice(0, 4)}`;
  const units: UnitRecord[] = [];
  const walk = (list: readonly UnitDeclaration[], parentId: string, path: string) => {
    for (const u of list) {
      const unitPath = `${path}/${u.name}`;
      const unitId = `ou-${rootId.slice(2)}-${digest(mgmt, unitPath).slice(0, 8)}`;
      units.push({ id: unitId, arn: `arn:aws:organizations::${mgmt}:ou/${id}/${unitId}`, name: u.name, parentId, accounts: [...(u.accounts ?? [])] });
      walk(u.units ?? [], unitId, unitPath);
    }
  };
  walk(declaration.units ?? [], rootId, '');
  const rootAccounts = [...new Set([mgmt, ...(declaration.accounts ?? [])])];
  const record: OrganizationRecord = {
    id, arn: `arn:aws:organizations::${mgmt}:organization/${id}`, managementAccount: mgmt, rootId,
    rootArn: `arn:aws:organizations::${mgmt}:root/${id}/${rootId}`,
    sharingWithOrganization: declaration.sharingWithOrganization ?? false,
    licenseManagerAdministrator: declaration.licenseManagerAdministrator ?? null,
    rootAccounts, units, joined: {},
  };
  const joined = Object.fromEntries(membersOf(record).map((a) => [a, previous?.joined[a] ?? nowSeconds]));
  const administrator = record.licenseManagerAdministrator;
  const since = administrator === null ? undefined : previous?.licenseManagerAdministrator === administrator ? (previous.administratorSince ?? nowSeconds) : nowSeconds;
  return { ...record, joined, ...(since === undefined ? {} : { administratorSince: since }) };
}

function digest(...parts: string[]): string {
  // Ids use lower-case letters and digits, as AWS's do.
  return BigInt(`0x${createHash('sha256').update(parts.join('\u0000')).digest('hex')}`).toString(36).padStart(40, '0');
}
