// The rules an organization declaration (the `emulator org apply` file, the body of POST /_licensectl/org, the
// argument of Emulator.applyOrganization) must follow before it becomes the emulated organization, checked in
// one place for all three. Every problem is collected with the path of the field it is about (sequence items
// by index, as strings), so the CLI can point at the file's line and the admin path can name the field.
//
// What AWS itself enforces and a declaration could break: account ids are 12 digits; an account belongs to one
// organization and sits in exactly one place of it (the root or one OU); OU names are 1–128 characters and
// unique among the OUs of one parent; a delegated administrator is a member account. The management account
// sits under the root in the emulator, so it is not listed again elsewhere.
import { ServiceError } from '../core/service-contract.js';
import type { OrganizationDeclaration, UnitDeclaration } from './organization.js';

export interface DeclarationProblem {
  /** Field names and sequence indexes from the top of the declaration, e.g. ['units', '0', 'accounts', '1']. */
  readonly path: readonly string[];
  readonly message: string;
  /** The problem is the key itself (an unknown field), not its value. */
  readonly atKey?: boolean;
}

/** A declaration refused, with every problem found in it. */
export class InvalidDeclaration extends ServiceError {
  constructor(readonly problems: readonly DeclarationProblem[]) {
    super('InvalidParameterValue', problems.map((p) => p.message).join('; '));
  }
}

const FIELDS = ['managementAccount', 'sharingWithOrganization', 'licenseManagerAdministrator', 'units', 'accounts'];
const UNIT_FIELDS = ['name', 'accounts', 'units'];
const ACCOUNT = /^\d{12}$/;
/** AWS's limit on OU nesting: five levels below the root. */
const MAX_DEPTH = 5;

/** `a.b[0].c`, for messages. */
export function fieldName(path: readonly string[]): string {
  return path.map((segment, i) => (/^\d+$/.test(segment) ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join('');
}

/** The declaration `value` holds, or every problem found in it. */
export function checkDeclaration(value: unknown): { declaration?: OrganizationDeclaration; problems: DeclarationProblem[] } {
  const problems: DeclarationProblem[] = [];
  const fail = (path: readonly string[], message: string, atKey = false) =>
    problems.push({ path, message: path.length ? `${fieldName(path)}: ${message}` : message, ...(atKey ? { atKey } : {}) });
  if (!isRecord(value)) {
    fail([], 'an organization is a mapping with managementAccount, and optionally sharingWithOrganization, licenseManagerAdministrator, units and accounts');
    return { problems };
  }
  unknownFields(value, [], FIELDS, fail);
  const management = value['managementAccount'];
  if (typeof management !== 'string' || !ACCOUNT.test(management)) fail(['managementAccount'], `must be a 12-digit account id (quoted in YAML), got ${show(management)}`);
  const sharing = value['sharingWithOrganization'];
  if (sharing !== undefined && typeof sharing !== 'boolean') fail(['sharingWithOrganization'], `must be true or false, got ${show(sharing)}`);

  // Where each account was first seen, to refuse it anywhere else.
  const placed = new Map<string, string>();
  if (typeof management === 'string') placed.set(management, 'managementAccount');
  const accounts = (path: readonly string[], list: unknown) => {
    if (list === undefined || list === null) return;
    if (!Array.isArray(list)) return fail(path, `must be a list of 12-digit account ids, got ${show(list)}`);
    list.forEach((account: unknown, i) => {
      const at = [...path, String(i)];
      if (typeof account !== 'string' || !ACCOUNT.test(account)) return fail(at, `must be a 12-digit account id (quoted in YAML), got ${show(account)}`);
      const first = placed.get(account);
      if (first !== undefined)
        return fail(at, `account ${account} is already in the organization at ${first}: an account sits in one place (the root or one OU)`);
      placed.set(account, fieldName(at));
    });
  };
  accounts(['accounts'], value['accounts']);
  const units = (path: readonly string[], list: unknown, depth: number) => {
    if (list === undefined || list === null) return;
    if (!Array.isArray(list)) return fail(path, `must be a list of units ({name, accounts, units}), got ${show(list)}`);
    if (depth > MAX_DEPTH) return fail(path, `OUs nest at most ${MAX_DEPTH} levels below the root`);
    const names = new Set<string>();
    list.forEach((unit: unknown, i) => {
      const at = [...path, String(i)];
      if (!isRecord(unit)) return fail(at, `a unit is a mapping of name, accounts and units, got ${show(unit)}`);
      unknownFields(unit, at, UNIT_FIELDS, fail);
      const name = unit['name'];
      if (typeof name !== 'string' || name.length < 1 || name.length > 128) fail([...at, 'name'], `must be an OU name of 1 to 128 characters, got ${show(name)}`);
      else if (names.has(name)) fail([...at, 'name'], `another OU under the same parent is already named ${name}: OU names are unique within their parent`);
      else names.add(name);
      accounts([...at, 'accounts'], unit['accounts']);
      units([...at, 'units'], unit['units'], depth + 1);
    });
  };
  units(['units'], value['units'], 1);
  const administrator = value['licenseManagerAdministrator'];
  if (administrator !== undefined && administrator !== null) {
    if (typeof administrator !== 'string' || !ACCOUNT.test(administrator)) fail(['licenseManagerAdministrator'], `must be a 12-digit account id (quoted in YAML), got ${show(administrator)}`);
    else if (!placed.has(administrator)) fail(['licenseManagerAdministrator'], `account ${administrator} is not a member of the organization: a delegated administrator is a member account`);
  }
  if (problems.length > 0) return { problems };
  return { declaration: normalised(value), problems };
}

/** Only the declared members, in a fixed shape, so that equal declarations compare equal. */
function normalised(value: Record<string, unknown>): OrganizationDeclaration {
  const unit = (u: Record<string, unknown>): UnitDeclaration => ({
    name: u['name'] as string,
    accounts: [...((u['accounts'] as string[] | undefined) ?? [])],
    units: ((u['units'] as Record<string, unknown>[] | undefined) ?? []).map(unit),
  });
  const administrator = value['licenseManagerAdministrator'] as string | undefined | null;
  return {
    managementAccount: value['managementAccount'] as string,
    sharingWithOrganization: (value['sharingWithOrganization'] as boolean | undefined) ?? false,
    ...(administrator ? { licenseManagerAdministrator: administrator } : {}),
    units: ((value['units'] as Record<string, unknown>[] | undefined) ?? []).map(unit),
    accounts: [...((value['accounts'] as string[] | undefined) ?? [])],
  };
}

function unknownFields(value: Record<string, unknown>, path: readonly string[], known: readonly string[], fail: (path: readonly string[], message: string, atKey?: boolean) => void): void {
  for (const key of Object.keys(value)) if (!known.includes(key)) fail([...path, key], `unknown field ${key} (known: ${known.join(', ')})`, true);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const show = (value: unknown): string => JSON.stringify(value ?? null);
