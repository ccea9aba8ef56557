// The usage report's value and its views: exact text and CSV (golden), the CSV read back by an RFC 4180 reader,
// and the HTML page self-contained and escaped. The findings come from the planner, as `report` takes them.
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES, type ConfigurationUsage, type LicenseConfigurationSpec, type Policies, type TrackedResource, type Usage } from '../../src/model/index.js';
import { computePlan } from '../../src/plan/compute-plan.js';
import { renderReportCsv, REPORT_CSV_COLUMNS } from '../../src/render/report-csv.js';
import { renderReportHtml } from '../../src/render/report-html.js';
import { renderReportText } from '../../src/render/report-text.js';
import { stripAnsi } from '../../src/render/symbols.js';
import { buildUsageReport, type UsageReport } from '../../src/render/usage-report.js';
import { arnFor, CREATED_AT, desiredConfig, desiredLicense, desiredState, liveConfig, liveLicense, liveState, planContext, specOf, TARGET } from '../helpers/builders.js';
import { csvObjects } from '../helpers/csv.js';
import { expectGolden } from './golden.js';

const POLICIES: Policies = { ...DEFAULT_POLICIES, minHeadroomPercent: 20, expiryWarningDays: 30 };
const ODD_NAME = 'Legacy, "Oracle" <EE>';
const ODD_ARN = arnFor('LicenseConfiguration', 'legacy', '999988887777');

function instance(n: number, account: string, consumed: number): TrackedResource {
  return { arn: `arn:aws:ec2:us-east-1:${account}:instance/i-${String(n).padStart(17, '0')}`, resourceType: 'EC2_INSTANCE', status: 'running', account, consumed, associatedAt: '2026-02-01T00:00:00Z' };
}

function configurationUsage(name: string, spec: Partial<LicenseConfigurationSpec>, resources: readonly TrackedResource[], arn = arnFor('LicenseConfiguration', name)): ConfigurationUsage {
  const consumed = resources.reduce((n, r) => n + r.consumed, 0);
  const instances = resources.filter((r) => r.resourceType === 'EC2_INSTANCE').length;
  return {
    arn, spec: specOf('LicenseConfiguration', name, spec), ownerAccount: '000000000000', consumed,
    consumedByType: consumed ? [{ resourceType: 'EC2_INSTANCE', count: consumed }] : [],
    associatedByType: instances ? [{ resourceType: 'EC2_INSTANCE', count: instances }] : [],
    resources,
  };
}

/** Two managed configurations (one over its count, one near it), an unmanaged one with an awkward name, a license with two grants. */
function reportScenario(): UsageReport {
  const sql = { countingType: 'vCPU' as const, licenseCount: 20, expiry: '2026-03-20T00:00:00Z', rules: { minimumVcpus: 2 } };
  const windows = { countingType: 'Instance' as const, licenseCount: 10, hardLimit: true, rules: { allowedTenancy: ['EC2-Default' as const] } };
  const sqlResources = [...Array.from({ length: 12 }, (_, i) => instance(i + 1, i < 8 ? '000000000000' : '222233334444', i < 2 ? 4 : 2))];
  const usage: Usage = {
    configurations: Object.fromEntries([
      configurationUsage('sql-server', sql, sqlResources),
      configurationUsage('windows', windows, Array.from({ length: 9 }, (_, i) => instance(100 + i, '000000000000', 1))),
      configurationUsage('legacy', { displayName: ODD_NAME, countingType: 'Core', licenseCount: null }, [], ODD_ARN),
    ].map((u) => [u.arn, u])),
    licenses: {
      [arnFor('License', 'analytics-pro')]: {
        arn: arnFor('License', 'analytics-pro'), spec: specOf('License', 'analytics-pro'),
        entitlements: [{ name: 'seats', unit: 'Count', consumed: 12, maxCount: 50 }],
      },
    },
  };
  const desired = desiredState([desiredConfig('sql-server', sql), desiredConfig('windows', windows), desiredLicense('analytics-pro')], { policies: POLICIES });
  const live = liveState([liveConfig('sql-server', sql), liveConfig('windows', windows), liveLicense('analytics-pro')]);
  const plan = computePlan(desired, { ...live, usage }, planContext());
  const licenseArn = arnFor('License', 'analytics-pro');
  return buildUsageReport({
    project: 'acme-licenses', target: TARGET, readAt: CREATED_AT, policies: POLICIES, usage,
    managedNames: new Map([
      [arnFor('LicenseConfiguration', 'sql-server'), 'sql-server'], [arnFor('LicenseConfiguration', 'windows'), 'windows'], [licenseArn, 'analytics-pro'],
    ]),
    grants: [
      { arn: arnFor('Grant', 'to-dev'), licenseArn, name: 'to-dev', principal: 'arn:aws:iam::222233334444:root', status: 'ACTIVE' },
      { arn: arnFor('Grant', 'to-data'), licenseArn, name: 'to-data', principal: 'arn:aws:iam::111122223333:root', status: 'PENDING_ACCEPT' },
    ],
    findings: plan.findings,
  });
}

describe('buildUsageReport', () => {
  const report = reportScenario();

  it('gives each configuration its numbers, level and consumers, and sums them up', () => {
    const [legacy, sql, windows] = report.configurations;
    expect(legacy).toMatchObject({ name: ODD_NAME, managed: false, licenseCount: null, headroom: null, usedPercent: null, level: 'unlimited', trackedResources: 0 });
    expect(sql).toMatchObject({ name: 'sql-server', managed: true, licenseCount: 20, consumed: 28, headroom: 0, usedPercent: 140, level: 'over', daysToExpiry: 18, trackedResources: 12 });
    expect(sql!.byAccount).toEqual([{ account: '000000000000', consumed: 20, resources: 8 }, { account: '222233334444', consumed: 8, resources: 4 }]);
    expect(sql!.topResources).toHaveLength(10);
    expect(sql!.topResources.slice(0, 3).map((r) => r.consumed)).toEqual([4, 4, 2]);
    expect(windows).toMatchObject({ consumed: 9, headroom: 1, usedPercent: 90, level: 'near' });
    expect(report.summary).toEqual({ configurations: 3, overLimit: 1, nearLimit: 1, licenses: 1, grants: 2, expiring: 1, errors: 0, warnings: 3 });
    expect(report.licenses[0]!.grants.map((g) => g.principal)).toEqual(['arn:aws:iam::111122223333:root', 'arn:aws:iam::222233334444:root']);
    expect(report.expiring).toEqual([{ kind: 'LicenseConfiguration', name: 'sql-server', arn: arnFor('LicenseConfiguration', 'sql-server'), expiry: '2026-03-20T00:00:00Z', days: 18 }]);
    expect(report.findings.map((f) => `${f.code} ${f.address}`)).toEqual([
      'EXPIRING LicenseConfiguration/sql-server', 'HEADROOM_LOW LicenseConfiguration/sql-server', 'HEADROOM_LOW LicenseConfiguration/windows',
    ]);
  });
});

describe('report views', () => {
  const report = reportScenario();

  it('text: a table of configurations, each in use in detail, licenses, expiries and findings', () => {
    expectGolden('report.txt', renderReportText(report, { color: false }));
    const colored = renderReportText(report, { color: true });
    expect(colored).toContain('\u001b[31m!');
    expect(stripAnsi(colored)).toBe(renderReportText(report, { color: false }));
  });

  it('CSV: one RFC 4180 row per configuration that a CSV reader reads back', () => {
    const csv = renderReportCsv(report);
    expectGolden('report.csv', csv);
    const rows = csvObjects(csv);
    expect(Object.keys(rows[0]!)).toEqual(REPORT_CSV_COLUMNS.map(([name]) => name));
    expect(rows.map((r) => [r.name, r.license_count, r.consumed, r.headroom, r.level])).toEqual([
      [ODD_NAME, '', '0', '', 'unlimited'], ['sql-server', '20', '28', '0', 'over'], ['windows', '10', '9', '1', 'near'],
    ]);
    expect(rows[1]).toMatchObject({ consumed_by_account: '000000000000=20;222233334444=8', rules: 'minimumVcpus=2', tracked_resources: '12' });
  });

  it('CSV: a name a spreadsheet would run as a formula is written as text', () => {
    const risky = { ...report, configurations: report.configurations.map((c, i) => (i === 0 ? { ...c, name: '=HYPERLINK("http://x")' } : c)) };
    expect(csvObjects(renderReportCsv(risky))[0]!.name).toBe('\'=HYPERLINK("http://x")');
  });

  it('HTML: self-contained, every text escaped, levels as classes', () => {
    const html = renderReportHtml(report);
    expect(html).not.toMatch(/<script|<link|\bsrc=|\bhref=|url\(|@import/i);
    expect(html).not.toContain('<EE>');
    expect(html).toContain('Legacy, &#34;Oracle&#34; &#60;EE&#62;');
    expect(html).toMatch(/<tr class="over" data-name="sql-server"[^>]*>.*<td class="num consumed">28<\/td><td class="num count">20<\/td>/);
    expect(html).toMatch(/<tr class="near" data-name="windows"/);
    expect(html).toContain('@media print');
    expect(html).toContain('as a whole, not per grantee');
  });
});
