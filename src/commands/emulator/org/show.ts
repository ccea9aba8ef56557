import { BaseCommand } from '../../../app/base-command.js';
import { describeOrganization, openOrganization, orgFlags } from '../../../app/emulator-org.js';
import type { OrganizationRecord } from '../../../emulator/index.js';

/** `emulator org show --json`: the organization as the emulator keeps it, or null when none is declared. */
export interface OrgShowResult {
  readonly formatVersion: '1';
  readonly organization: OrganizationRecord | null;
}

export default class OrgShow extends BaseCommand {
  static override summary = 'Show the emulator\'s AWS Organization: its ids, management account, OUs and accounts.';
  static override description = 'The organization\'s id and ARN, its management account, whether sharing with it is enabled in RAM, License Manager\'s administrator, then the tree from the root: one line per OU (name and id) and account. --json prints the organization as the emulator keeps it ({formatVersion, organization}, null when none is declared).';
  static override flags = { ...orgFlags };

  async run(): Promise<OrgShowResult> {
    const { flags } = await this.parse(OrgShow);
    const organization = await openOrganization(flags).show();
    if (!this.jsonEnabled()) {
      if (organization) for (const line of describeOrganization(organization)) this.printOut(line);
      else this.printOut('no organization: every account is outside any organization (declare one with licensectl emulator org apply FILE)');
    }
    return { formatVersion: '1', organization: organization ?? null };
  }
}
