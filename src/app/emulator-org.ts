// `licensectl emulator org apply FILE` and `emulator org show`: the emulated AWS Organization, declared in YAML
// and reached like the fleet, through a served emulator's admin path (`--endpoint URL`, `/_licensectl/org`) or a
// state file opened in this process (`--state FILE`). The file's shape and rules are the emulator's own
// (src/emulator/organizations/declaration.ts), checked here first so that every problem is reported at its line:
//
//   managementAccount: "111122223333"
//   sharingWithOrganization: true          # RAM's EnableSharingWithAwsOrganization already done
//   licenseManagerAdministrator: "111122223333"
//   units:
//     - {name: prod, accounts: ["222233334444"], units: [{name: prod-eu, accounts: ["333344445555"]}]}
//   accounts: []                           # members directly under the root
import path from 'node:path';
import { Flags } from '@oclif/core';
import { errorAtPath } from '../config/document.js';
import { checkDeclaration, Emulator, InvalidDeclaration, membersOf, type OrganizationDeclaration, type OrganizationRecord } from '../emulator/index.js';
import { LicensectlError } from '../errors/index.js';
import { adminCall } from './emulator-fleet.js';
import { readControlFile } from './emulator-fleet-file.js';

export const orgFlags = {
  endpoint: Flags.string({ description: 'a served emulator (licensectl emulator serve), e.g. http://127.0.0.1:4566', exactlyOne: ['endpoint', 'state'] }),
  state: Flags.file({ description: 'an emulator state file, changed in this process', exactlyOne: ['endpoint', 'state'] }),
};

/** Reads and checks an organization file; every problem is a located diagnostic (ORG_FILE) of one INVALID_CONFIG error. */
export function readOrgFile(file: string): OrganizationDeclaration {
  return readControlFile(file, { kind: 'organization', code: 'ORG_FILE', unchanged: 'the organization' }, (pd, problems) => {
    const { declaration, problems: found } = checkDeclaration(pd.value);
    for (const p of found) problems.push(errorAtPath(pd, p.path, { code: 'ORG_FILE', message: p.message, field: p.path.join('.') }, p.atKey ?? false));
    return declaration;
  });
}

export interface OrganizationTarget {
  /** Makes the declaration the organization; `changed` is false when it already was. */
  apply(declaration: OrganizationDeclaration): Promise<{ changed: boolean; organization: OrganizationRecord }>;
  show(): Promise<OrganizationRecord | undefined>;
}

export function openOrganization(target: { endpoint?: string; state?: string }): OrganizationTarget {
  if (target.endpoint) return servedOrganization(target.endpoint);
  const emulator = new Emulator({ statePath: path.resolve(target.state!) });
  return {
    async apply(declaration) {
      try {
        return await emulator.applyOrganization(declaration);
      } catch (error) {
        throw error instanceof InvalidDeclaration ? refused(error.message) : error;
      }
    },
    show: async () => emulator.organization(),
  };
}

function servedOrganization(endpoint: string): OrganizationTarget {
  return {
    async apply(declaration) {
      const { status, answer } = await adminCall(endpoint, 'PUT', '/_licensectl/org', declaration);
      if (status !== 200) throw refused(((answer['error'] as { message?: string } | undefined)?.message) ?? `the emulator answered HTTP ${status}`);
      return answer as unknown as { changed: boolean; organization: OrganizationRecord };
    },
    async show() {
      const { status, answer } = await adminCall(endpoint, 'GET', '/_licensectl/org');
      if (status !== 200) throw refused(`the emulator answered HTTP ${status} to GET /_licensectl/org: is it a licensectl emulator of this version?`);
      return (answer['organization'] as OrganizationRecord | null) ?? undefined;
    },
  };
}

/** `emulator org show`'s text: the organization, then its tree from the root, one line per OU and account. */
export function describeOrganization(org: OrganizationRecord): string[] {
  const lines = [
    `organization ${org.id} (${org.arn})`,
    `management account ${org.managementAccount}`,
    `sharing with the organization (RAM): ${org.sharingWithOrganization ? 'enabled' : 'not enabled'}`,
    `License Manager administrator: ${org.licenseManagerAdministrator ?? 'none'}${org.licenseManagerAdministrator === org.managementAccount ? ' (the management account)' : ''}`,
    `${membersOf(org).length} accounts`,
    `root ${org.rootId}`,
  ];
  const tree = (parentId: string, depth: number, accounts: readonly string[]) => {
    const indent = '  '.repeat(depth);
    for (const account of [...accounts].sort()) lines.push(`${indent}account ${account}`);
    for (const unit of org.units.filter((u) => u.parentId === parentId)) {
      lines.push(`${indent}ou ${unit.name} ${unit.id}`);
      tree(unit.id, depth + 1, unit.accounts);
    }
  };
  tree(org.rootId, 1, org.rootAccounts);
  return lines;
}

function refused(message: string): LicensectlError {
  return new LicensectlError('EMULATOR_ORG_REFUSED', message);
}
