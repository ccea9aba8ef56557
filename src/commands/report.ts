import { Flags } from '@oclif/core';
import { BaseCommand, dirFlag, renderStats, storeFlags, writeOutput } from '../app/base-command.js';
import { reportDirectory, writeSnapshot } from '../app/report.js';
import { renderReportCsv } from '../render/report-csv.js';
import { renderReportHtml } from '../render/report-html.js';
import { renderReportText } from '../render/report-text.js';
import type { UsageReport } from '../render/usage-report.js';

export default class Report extends BaseCommand {
  static override summary = 'Report license usage in the account: consumption against counts, licenses and grants, what expires soon, findings.';
  static override description = [
    'Reads every license configuration (managed or not) with the resources that track it, and every license with its consumption.',
    'Prints a table (default), --json (schemas/report.schema.json) or --csv (one row per configuration); --html FILE writes a self-contained dashboard page.',
    '--snapshot DIR also writes the JSON document to DIR/report-<time>.json, to keep the usage history AWS does not.',
  ].join(' ');

  static override flags = {
    ...dirFlag,
    ...storeFlags,
    csv: Flags.boolean({ description: 'print one CSV row per license configuration (RFC 4180)', exclusive: ['json'] }),
    html: Flags.file({ description: 'also write the report as one self-contained HTML page to FILE' }),
    snapshot: Flags.directory({ description: 'also write the JSON report to DIR/report-<ISO time, colons as dashes>.json' }),
  };

  async run(): Promise<UsageReport> {
    const { flags } = await this.parse(Report);
    const started = performance.now();
    const { report, stats } = await reportDirectory(flags.dir, flags);
    if (flags.html) {
      await writeOutput('--html', flags.html, renderReportHtml(report));
      this.printErr(`Wrote ${flags.html}`);
    }
    if (flags.snapshot) this.printErr(`Wrote ${await writeSnapshot(flags.snapshot, JSON.stringify(report, null, 2), report.readAt)}`);
    if (flags.stats) this.printErr(renderStats(stats, performance.now() - started));
    if (!this.jsonEnabled()) this.printOut(flags.csv ? renderReportCsv(report) : renderReportText(report, { color: this.useColor() }));
    return report;
  }
}
