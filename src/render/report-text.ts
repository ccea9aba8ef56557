// `licensectl report` as text for a terminal: a table of every license configuration (count, consumed, headroom),
// each configuration in use in detail (consumption by type and account, the top resources), licenses with their
// entitlements and grants, what expires soon, and the findings. Names AWS gives are printed escaped (printable).
import { printable } from '../util/safe-text.js';
import { plural } from '../util/words.js';
import { painter, type ColorOptions, type Paint, type Style, WARNING_MARK } from './symbols.js';
import { type ConfigurationReport, countsText, type LicenseReport, reportOfTarget, rulesText, type UsageLevel, type UsageReport, type UsageReportSet } from './usage-report.js';

const LEVEL: Readonly<Record<UsageLevel, { readonly mark: string; readonly style: Style | null }>> = {
  over: { mark: WARNING_MARK, style: 'red' },
  near: { mark: '~', style: 'yellow' },
  ok: { mark: ' ', style: null },
  unlimited: { mark: ' ', style: null },
};

/** `label`: with spec.targets, the target the report is of (renderReportSetText). */
export function renderReportText(report: UsageReport, options: ColorOptions & { readonly label?: string }): string {
  const paint = painter(options.color);
  const { target, summary } = report;
  const head = [
    paint('bold', `Usage report of project ${printable(report.project)}${options.label ? `, target ${printable(options.label)}` : ''}`),
    `account ${target.account}, ${target.region} (${target.store}), read ${report.readAt}`,
  ];
  return [
    head.join('\n'),
    configurationsSection(report, paint),
    ...report.configurations.filter((c) => c.trackedResources > 0 || c.consumed > 0).map((c) => configurationDetail(c)),
    licensesSection(report.licenses, summary.grants),
    expiringSection(report),
    findingsSection(report, paint),
  ].filter((s) => s !== '').join('\n\n') + '\n';
}

/** A project with targets: each target's report as a single target's, then the targets not read and the totals. */
export function renderReportSetText(set: UsageReportSet, options: ColorOptions): string {
  const paint = painter(options.color);
  const reports = set.targets.map((t) => renderReportText(reportOfTarget(set, t), { ...options, label: t.label }));
  const failures = set.failures.map((f) => paint('red', `✗ target ${printable(f.label)} (account ${f.account}, ${f.region}) was not read: ${f.error.code}: ${printable(f.error.message)}`));
  const { summary } = set;
  const closing = paint('bold', `Targets: ${set.targets.length} read${set.failures.length ? `, ${set.failures.length} failed` : ''}. `
    + `${plural(summary.configurations, 'license configuration')} (${summary.overLimit} over the count, ${summary.nearLimit} near it), ${plural(summary.licenses, 'license')}, `
    + `${summary.expiring} expiring, ${plural(summary.errors, 'error finding')}, ${plural(summary.warnings, 'warning finding')}.`);
  return [...reports, ...(failures.length ? [`${failures.join('\n')}\n`] : []), `${closing}\n`].join('\n');
}

function configurationsSection(report: UsageReport, paint: Paint): string {
  const { summary } = report;
  const title = `License configurations (${summary.configurations}; ${summary.overLimit} over the count, ${summary.nearLimit} near it)`;
  if (report.configurations.length === 0) return `${title}\n  none`;
  const rows = report.configurations.map((c) => [
    LEVEL[c.level].mark, nameOf(c.name, c.managed), c.countingType, num(c.licenseCount), String(c.consumed), num(c.headroom),
    c.usedPercent === null ? '—' : `${c.usedPercent}%`, c.hardLimit ? 'yes' : 'no', c.status, c.expiry?.slice(0, 10) ?? '—',
  ]);
  const lines = table(['', 'NAME', 'COUNTING', 'COUNT', 'CONSUMED', 'HEADROOM', 'USED', 'HARD', 'STATUS', 'EXPIRES'], rows, [3, 4, 5, 6]);
  const styled = lines.map((line, i) => {
    const style = i === 0 ? 'bold' : LEVEL[report.configurations[i - 1]!.level].style;
    return style ? paint(style, line) : line;
  });
  return [title, ...styled, `  ${WARNING_MARK} over its count, ~ ${NEAR_WORDS(report)}`].join('\n');
}

const NEAR_WORDS = (report: UsageReport) => report.policies.minHeadroomPercent === null
  ? 'at least 90% used'
  : `at least 90% used or under the policy's ${report.policies.minHeadroomPercent}% headroom`;

function configurationDetail(c: ConfigurationReport): string {
  const lines = [`${nameOf(c.name, c.managed)}  ${printable(c.arn)}`];
  const rules = rulesText(c.rules);
  if (rules) lines.push(`  rules: ${printable(rules)}`);
  const types = (rows: ConfigurationReport['consumedByType']) => countsText(rows.map((r) => ({ key: r.resourceType, count: r.count })), ', ').replace(/=/g, ' ');
  if (c.consumedByType.length) lines.push(`  consumed by type: ${types(c.consumedByType)}`);
  if (c.associatedByType.length) lines.push(`  associated: ${types(c.associatedByType)}`);
  if (c.byAccount.length) lines.push(`  by account: ${c.byAccount.map((a) => `${a.account} ${a.consumed} (${plural(a.resources, 'resource')})`).join(', ')}`);
  if (c.topResources.length) {
    const shown = c.topResources.length < c.trackedResources ? `top ${c.topResources.length} of ${c.trackedResources}` : `${c.trackedResources}`;
    lines.push(`  tracked resources (${shown}):`);
    const rows = c.topResources.map((r) => ['', printable(r.arn), r.resourceType, r.status, r.account, String(r.consumed)]);
    lines.push(...table(['', 'RESOURCE', 'TYPE', 'STATUS', 'ACCOUNT', 'CONSUMED'], rows, [5]).map((l) => `  ${l}`));
  }
  return lines.join('\n');
}

function licensesSection(licenses: readonly LicenseReport[], grants: number): string {
  if (licenses.length === 0) return '';
  const lines = [`Licenses (${licenses.length}; ${plural(grants, 'grant')}; AWS reports usage per license, not per grantee)`];
  for (const l of licenses) {
    lines.push(`  ${nameOf(l.name, l.managed)}  ${printable(l.productName)}  ${l.status}${l.validUntil ? `  valid until ${l.validUntil.slice(0, 10)}` : ''}`);
    for (const e of l.entitlements) {
      const of = e.maxCount === null ? `${e.consumed} ${printable(e.unit)} used (no maximum)` : `${e.consumed} of ${e.maxCount} used (${e.usedPercent ?? 0}%)`;
      lines.push(`    ${LEVEL[e.level].mark} entitlement ${printable(e.name)}: ${of}`);
    }
    for (const g of l.grants) lines.push(`    grant to ${printable(g.principal)}  ${g.status}  ${printable(g.name)}`);
  }
  return lines.join('\n');
}

function expiringSection(report: UsageReport): string {
  if (report.policies.expiryWarningDays === 0) return '';
  const title = `Expiring within ${plural(report.policies.expiryWarningDays, 'day')} (${report.expiring.length})`;
  if (report.expiring.length === 0) return `${title}\n  nothing`;
  const rows = report.expiring.map((e) => ['', e.kind, printable(e.name), e.expiry.slice(0, 10), e.days < 0 ? `expired ${plural(-e.days, 'day')} ago` : `in ${plural(e.days, 'day')}`]);
  return [title, ...table(['', 'KIND', 'NAME', 'DATE', 'WHEN'], rows, [])].join('\n');
}

function findingsSection(report: UsageReport, paint: Paint): string {
  const { errors, warnings } = report.summary;
  const title = `Findings (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  if (report.findings.length === 0) return `${title}\n  none`;
  return [title, ...report.findings.map((f) => {
    const line = `  ${f.severity === 'error' ? 'error' : 'warning'} ${f.code}: ${printable(f.message)}`;
    return paint(f.severity === 'error' ? 'red' : 'yellow', line);
  })].join('\n');
}

function nameOf(name: string, managed: boolean): string {
  return managed ? printable(name) : `${printable(name)} (unmanaged)`;
}

function num(n: number | null): string {
  return n === null ? '—' : String(n);
}

/** Columns padded to their widest cell (numbers in `right` right-aligned), two spaces apart, trailing blanks cut. */
function table(headers: readonly string[], rows: readonly (readonly string[])[], right: readonly number[]): string[] {
  const all = [headers, ...rows];
  const widths = headers.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  return all.map((r) => r.map((cell, i) => (right.includes(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd());
}
