import { Flags } from '@oclif/core';
import { BaseCommand, dirFlag, renderStats, storeFlags, writeOutput } from '../app/base-command.js';
import { reportDirectory, type ReportSetRun, writeSnapshot } from '../app/report.js';
import { renderReportCsv, renderReportSetCsv } from '../render/report-csv.js';
import { renderReportHtml, renderReportSetHtml } from '../render/report-html.js';
import { renderReportSetText, renderReportText } from '../render/report-text.js';
import type { UsageReport, UsageReportSet } from '../render/usage-report.js';

export default class Report extends BaseCommand {
  static override summary = 'Report license usage in the account: consumption against counts, licenses and grants, what expires soon, findings.';
  static override description = [
    'Reads every license configuration (managed or not) with the resources that track it, and every license with its consumption.',
    'Prints a table (default), --json (schemas/report.schema.json) or --csv (one row per configuration); --html FILE writes a self-contained dashboard page.',
    '--snapshot DIR also writes the JSON document to DIR/report-<time>.json, to keep the usage history AWS does not.',
    'With spec.targets, reports every target (or those --only-targets selects), grouped by target; exits 1 when a target could not be read.',
  ].join(' ');

  static override flags = {
    ...dirFlag,
    ...storeFlags,
    csv: Flags.boolean({ description: 'print one CSV row per license configuration (RFC 4180)', exclusive: ['json'] }),
    html: Flags.file({ description: 'also write the report as one self-contained HTML page to FILE' }),
    snapshot: Flags.directory({ description: 'also write the JSON report to DIR/report-<ISO time, colons as dashes>.json' }),
    'only-targets': Flags.string({ description: 'with spec.targets: only the targets these names or globs select (e.g. "prod-*"); repeatable', multiple: true }),
  };

  async run(): Promise<UsageReport | UsageReportSet> {
    const { flags } = await this.parse(Report);
    const started = performance.now();
    const run = await reportDirectory(flags.dir, flags);
    if ('set' in run) return this.reportSet(run, flags, started);
    const { report, stats } = run;
    if (flags.html) {
      await writeOutput('--html', flags.html, renderReportHtml(report));
      this.printErr(`Wrote ${flags.html}`);
    }
    if (flags.snapshot) this.printErr(`Wrote ${await writeSnapshot(flags.snapshot, JSON.stringify(report, null, 2), report.readAt)}`);
    if (flags.stats) this.printErr(renderStats(stats, performance.now() - started));
    if (!this.jsonEnabled()) this.printOut(flags.csv ? renderReportCsv(report) : renderReportText(report, { color: this.useColor() }));
    return report;
  }

  /** A project with targets: every target's report, grouped by target; exit 1 when a target could not be read. */
  private async reportSet({ set, stats }: ReportSetRun, flags: { csv: boolean; html?: string; snapshot?: string; stats: boolean }, started: number): Promise<UsageReportSet> {
    if (flags.html) {
      await writeOutput('--html', flags.html, renderReportSetHtml(set));
      this.printErr(`Wrote ${flags.html}`);
    }
    if (flags.snapshot) this.printErr(`Wrote ${await writeSnapshot(flags.snapshot, JSON.stringify(set, null, 2), set.readAt)}`);
    if (flags.stats) for (const s of stats) this.printErr(`${s.label}:\n${renderStats(s.stats, performance.now() - started)}`);
    if (!this.jsonEnabled()) this.printOut(flags.csv ? renderReportSetCsv(set) : renderReportSetText(set, { color: this.useColor() }));
    if (set.failures.length) process.exitCode = 1;
    return set;
  }
}
