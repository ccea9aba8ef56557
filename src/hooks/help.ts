// oclif's help, except for a subject that is no command (`licensectl help plna`, `licensectl plna -h`): oclif says
// "Command plna not found." and exits 2 — under --detailed-exitcode, "changes present". That is the same usage error
// as `licensectl plna`, so it goes to the same command_not_found hook: licensectl's style, a suggestion, exit 1.
import { Help } from '@oclif/core';

export default class LicensectlHelp extends Help {
  override async showHelp(argv: string[]): Promise<void> {
    try {
      await super.showHelp(argv);
    } catch (error) {
      const subject = /^Command (.+) not found\.$/.exec((error as Error).message)?.[1];
      if (subject === undefined) throw error;
      await this.config.runHook('command_not_found', { id: subject, argv: argv.filter((a) => a.startsWith('-')) });
    }
  }
}
