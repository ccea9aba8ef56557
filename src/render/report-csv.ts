// `licensectl report --csv`: one row per license configuration, for a spreadsheet or a script. RFC 4180: a header
// row, CRLF line ends, a field quoted (quotes doubled) when it holds a comma, a quote, CR or LF. Several values in one
// field (counts by type, by account; rules) are joined with `;` and written `key=value`.
import { countsText, rulesText, type ConfigurationReport, type UsageReport, type UsageReportSet } from './usage-report.js';

/** The columns in order, with how each is written; the README lists them. */
export const REPORT_CSV_COLUMNS: readonly (readonly [name: string, value: (c: ConfigurationReport) => string | number | boolean | null])[] = [
  ['name', (c) => c.name],
  ['arn', (c) => c.arn],
  ['managed', (c) => c.managed],
  ['owner_account', (c) => c.ownerAccount],
  ['counting_type', (c) => c.countingType],
  ['license_count', (c) => c.licenseCount],
  ['consumed', (c) => c.consumed],
  ['headroom', (c) => c.headroom],
  ['used_percent', (c) => c.usedPercent],
  ['level', (c) => c.level],
  ['hard_limit', (c) => c.hardLimit],
  ['status', (c) => c.status],
  ['expiry', (c) => c.expiry],
  ['days_to_expiry', (c) => c.daysToExpiry],
  ['rules', (c) => rulesText(c.rules).replace(/ /g, ';')],
  ['tracked_resources', (c) => c.trackedResources],
  ['consumed_by_type', (c) => countsText(c.consumedByType.map((r) => ({ key: r.resourceType, count: r.count })))],
  ['associated_by_type', (c) => countsText(c.associatedByType.map((r) => ({ key: r.resourceType, count: r.count })))],
  ['consumed_by_account', (c) => countsText(c.byAccount.map((a) => ({ key: a.account, count: a.consumed })))],
];

export function renderReportCsv(report: UsageReport): string {
  return csv([
    REPORT_CSV_COLUMNS.map(([name]) => name),
    ...report.configurations.map((c) => REPORT_CSV_COLUMNS.map(([, value]) => cell(value(c)))),
  ]);
}

/** A project with targets: the same rows, each target's in turn, with the target's label in a first column, `target`. */
export function renderReportSetCsv(set: UsageReportSet): string {
  return csv([
    ['target', ...REPORT_CSV_COLUMNS.map(([name]) => name)],
    ...set.targets.flatMap((t) => t.configurations.map((c) => [cell(t.label), ...REPORT_CSV_COLUMNS.map(([, value]) => cell(value(c)))])),
  ]);
}

function csv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

/**
 * Empty for null; true/false; numbers as JavaScript writes them. Text that a spreadsheet would take for a formula
 * (a name starting with =, +, -, @, a tab or CR) gets a leading apostrophe, as OWASP advises for CSV exports.
 */
function cell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(value)) return `'${value}`;
  return String(value);
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
