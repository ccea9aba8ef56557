import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '../../../app/base-command.js';
import { runReportGenerator } from '../../../app/emulator-report-run.js';
import type { ReportRun } from '../../../emulator/index.js';
import { LicensectlError } from '../../../errors/index.js';

export default class ReportGeneratorRun extends BaseCommand {
  static override enableJsonFlag = true;
  static override summary = 'Run a report generator in the emulator now, as AWS runs it on its schedule; print the CSV files written.';
  static override description = [
    'Each report type of the generator becomes one CSV file in the folder standing for the S3 bucket of the service',
    'settings: s3/<bucket>/<keyPrefix>/<time>/<ReportType>.csv beside the emulator\'s state file. The run is recorded on',
    'the generator (LastRunStatus, LastReportGenerationTime). With no bucket set the run fails (exit 1) and says why.',
  ].join('\n');
  static override args = { arn: Args.string({ description: 'the report generator\'s ARN (arn:aws:license-manager:REGION:ACCOUNT:report-generator:r-…)', required: true }) };
  static override flags = {
    endpoint: Flags.string({ description: 'a served emulator (licensectl emulator serve), e.g. http://127.0.0.1:4566', exactlyOne: ['endpoint', 'state'] }),
    state: Flags.file({ description: 'an emulator state file, changed in this process', exactlyOne: ['endpoint', 'state'] }),
  };

  async run(): Promise<ReportRun> {
    const { args, flags } = await this.parse(ReportGeneratorRun);
    const run = await runReportGenerator(flags, args.arn);
    if (run.status !== 'SUCCESS') throw new LicensectlError('EMULATOR_REPORT_REFUSED', `the run failed: ${run.failureReason ?? 'no reason given'}`, { hint: 'set an S3 bucket in the service settings (a ServiceSettings document, or aws license-manager update-service-settings)' });
    if (!this.jsonEnabled()) for (const report of run.reports) this.printOut(`${report.reportType}\t${report.path ?? `s3://${report.bucket}/${report.key}`}`);
    return run;
  }
}
