import { Args } from '@oclif/core';
import { BaseCommand } from '../../../app/base-command.js';
import { openOrganization, orgFlags, readOrgFile } from '../../../app/emulator-org.js';

export default class OrgApply extends BaseCommand {
  static override enableJsonFlag = false;
  static override summary = 'Declare the emulator\'s AWS Organization from a YAML file: its management account, OUs and member accounts.';
  static override description = [
    'The file has managementAccount (required), sharingWithOrganization (RAM\'s EnableSharingWithAwsOrganization done),',
    'licenseManagerAdministrator (License Manager\'s delegated administrator, a member), units (a tree of {name, accounts, units})',
    'and accounts (members directly under the root). Accounts it does not list are outside the organization. Ids derive from',
    'the file, so applying it again keeps them and changes nothing. Every problem in the file is reported with its line and',
    'field (INVALID_CONFIG, exit 1) before anything changes.',
  ].join('\n');
  static override examples = ['<%= config.bin %> emulator org apply org.yaml --endpoint http://127.0.0.1:4566', '<%= config.bin %> emulator org apply org.yaml --state .licensectl/emulator.json'];
  static override args = { file: Args.string({ description: 'the organization file (YAML)', required: true }) };
  static override flags = { ...orgFlags };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(OrgApply);
    const declaration = readOrgFile(args.file);
    const { changed, organization } = await openOrganization(flags).apply(declaration);
    this.printOut(changed ? `organization ${organization.id} applied from ${args.file}` : `the organization matches ${args.file}: nothing to change`);
  }
}
