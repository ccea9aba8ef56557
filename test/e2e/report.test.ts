// `licensectl report` end to end: a project applied to the embedded emulator, a fleet launched from its associated
// AMIs (`emulator fleet launch --state`), a configuration of another project on the same state; then the report in
// every format — text, --json (against schemas/report.schema.json), --csv (read back by an RFC 4180 reader),
// --snapshot, and --html opened in headless Chromium, whose DOM must show the numbers and whose screenshot is kept.
import { CheckoutLicenseCommand } from '@aws-sdk/client-license-manager';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaProblems } from '../../src/app/schema.js';
import type { UsageReport } from '../../src/render/usage-report.js';
import { CONFIG_YAML, PROJECT_YAML, projectDir, removeDir, ROOT, runCli, statePathOf } from '../helpers/cli.js';
import { csvObjects } from '../helpers/csv.js';
import { lmClient } from '../helpers/emulator.js';
import { Emulator } from '../../src/emulator/index.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const SCREENSHOT = path.join(ROOT, 'test-results', 'report-dashboard.png');
const ODD_NAME = 'Oracle EE, "legacy"';
const SKIP_BROWSER = !CHROMIUM && !process.env.LICENSECTL_REQUIRE_CHROMIUM;
if (SKIP_BROWSER) console.warn('skipping the headless Chromium test of report --html: no chromium in /usr/bin (Debian package chromium; with LICENSECTL_REQUIRE_CHROMIUM=1 this fails instead)');

/** Midnight UTC `days` from now, as the documents write dates. */
function daysFromNow(days: number): string {
  return `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T00:00:00Z`;
}

const association = (name: string, ami: string, configuration: string) => `apiVersion: licensectl/v1
kind: Association
metadata: {name: ${name}}
spec: {resourceArn: "arn:aws:ec2:us-east-1::image/${ami}", licenseConfigurations: [${configuration}]}
`;

const LICENSE = `apiVersion: licensectl/v1
kind: License
metadata: {name: analytics-pro}
spec:
  productName: Acme Analytics
  productSku: acme-analytics-pro
  issuer: {name: Acme Corp}
  homeRegion: us-east-1
  validity: {begin: "2026-01-01T00:00:00Z", end: "${daysFromNow(400)}"}
  entitlements: [{name: seats, unit: Count, maxCount: 50, allowCheckIn: true}]
  consumptionConfiguration: {renewType: Monthly, provisionalConfiguration: {maxTimeToLiveInMinutes: 60}}
---
apiVersion: licensectl/v1
kind: Grant
metadata: {name: analytics-to-dev}
spec: {license: analytics-pro, principal: "arn:aws:iam::222233334444:root", homeRegion: us-east-1, allowedOperations: [CheckoutLicense, CheckInLicense]}
`;

function chromium(args: readonly string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(CHROMIUM!, ['--headless=new', '--no-sandbox', '--disable-gpu', ...args], { timeout: 60_000, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`chromium ${args.join(' ')} failed: ${error.message}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}

describe('licensectl report against a fleet in the embedded emulator', () => {
  let dir: string;
  let other: string;
  let out: string;
  const report = (...args: string[]) => runCli(['report', '--dir', dir, ...args]);

  beforeAll(async () => {
    dir = await projectDir({
      'licensectl.yaml': PROJECT_YAML('usage', '  policies: {minHeadroomPercent: 20, expiryWarningDays: 30}\n'),
      'sql.yaml': CONFIG_YAML('sql-server', `countingType: vCPU\nlicenseCount: 20\nexpiry: "${daysFromNow(10)}"`),
      'windows.yaml': CONFIG_YAML('windows', 'countingType: Instance\nlicenseCount: 10\nhardLimit: true'),
      'idle.yaml': CONFIG_YAML('idle', 'countingType: Core\nlicenseCount: 8'),
      'associations.yaml': `${association('sql-ami', 'ami-0sql', 'sql-server')}---\n${association('windows-ami', 'ami-0win', 'windows')}`,
      'license.yaml': LICENSE,
    });
    other = await projectDir({ 'licensectl.yaml': PROJECT_YAML('someone-else'), 'oracle.yaml': CONFIG_YAML('oracle', `displayName: '${ODD_NAME}'\ncountingType: Socket\nlicenseCount: 4`) });
    out = await mkdtemp(path.join(tmpdir(), 'licensectl-report-'));
    const state = statePathOf(dir);
    for (const [d, extra] of [[dir, []], [other, ['--state', state]]] as const) {
      const applied = await runCli(['apply', '--dir', d, '--auto-approve', ...extra]);
      expect(applied.status, applied.stderr).toBe(0);
    }
    const launch = (...args: string[]) => runCli(['emulator', 'fleet', 'launch', '--state', state, ...args]);
    // 6 × 4 vCPUs against a soft count of 20: over it; 9 instances of a hard count of 10: near it.
    expect((await launch('--ami', 'ami-0sql', '--count', '6', '--vcpus', '4')).stdout.trim().split('\n')).toHaveLength(6);
    expect((await launch('--ami', 'ami-0win', '--count', '9', '--vcpus', '2')).stdout.trim().split('\n')).toHaveLength(9);
    // The issuer checks out 12 of the license's 50 seats (perpetual: they stay out).
    const lm = lmClient(new Emulator({ statePath: state }));
    await lm.send(new CheckoutLicenseCommand({
      ProductSKU: 'acme-analytics-pro', KeyFingerprint: 'aws:000000000000:Acme Corp:issuer-fingerprint', CheckoutType: 'PERPETUAL',
      Entitlements: [{ Name: 'seats', Value: '12', Unit: 'Count' }], ClientToken: 'report-e2e',
    }));
    lm.destroy();
  });
  afterAll(async () => {
    await Promise.all([removeDir(dir), removeDir(other), rm(out, { recursive: true, force: true })]);
  });

  it('--json: every configuration, managed or not, with what consumes it; the license and its grant; expiries and findings', async () => {
    const r = await report('--json', '--stats');
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as UsageReport;
    expect(schemaProblems('report.schema.json', doc)).toEqual([]);
    const byName = Object.fromEntries(doc.configurations.map((c) => [c.name, c]));
    expect(Object.keys(byName)).toEqual(['Oracle EE, "legacy"', 'idle', 'sql-server', 'windows']);
    expect(byName['sql-server']).toMatchObject({ managed: true, licenseCount: 20, consumed: 24, headroom: 0, usedPercent: 120, level: 'over', trackedResources: 7 });
    expect(byName['sql-server']!.consumedByType).toEqual([{ resourceType: 'EC2_INSTANCE', count: 24 }]);
    expect(byName['sql-server']!.byAccount).toEqual([{ account: '000000000000', consumed: 24, resources: 7 }]);
    expect(byName['sql-server']!.topResources.slice(0, 6).map((t) => t.consumed)).toEqual([4, 4, 4, 4, 4, 4]);
    expect(byName.windows).toMatchObject({ consumed: 9, headroom: 1, usedPercent: 90, level: 'near', hardLimit: true });
    expect(byName.idle).toMatchObject({ consumed: 0, level: 'ok', trackedResources: 0 });
    expect(byName[ODD_NAME]).toMatchObject({ managed: false, countingType: 'Socket', licenseCount: 4 });
    expect(doc.licenses).toEqual([expect.objectContaining({
      name: 'analytics-pro', managed: true, entitlements: [{ name: 'seats', unit: 'Count', maxCount: 50, consumed: 12, usedPercent: 24, level: 'ok' }],
      grants: [expect.objectContaining({ name: 'analytics-to-dev', principal: 'arn:aws:iam::222233334444:root' })],
    })]);
    expect(doc.expiring.map((e) => [e.kind, e.name])).toEqual([['LicenseConfiguration', 'sql-server']]);
    expect(doc.findings.map((f) => `${f.code} ${f.address}`)).toEqual([
      'EXPIRING LicenseConfiguration/sql-server', 'HEADROOM_LOW LicenseConfiguration/sql-server', 'HEADROOM_LOW LicenseConfiguration/windows',
    ]);
    expect(doc.summary).toMatchObject({ configurations: 4, overLimit: 1, nearLimit: 1, licenses: 1, grants: 1, expiring: 1, errors: 0, warnings: 3 });
    // Tracked resources are read only for the configurations in use, and each license's usage once.
    expect(r.stderr).toMatch(/^\s+ListUsageForLicenseConfiguration\s+2 calls\b/m);
    expect(r.stderr).toMatch(/^\s+GetLicenseUsage\s+1 call\b/m);
  });

  it('text: the table with the numbers, marks for over and near, the findings', async () => {
    const r = await report();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^!\s+sql-server\s+vCPU\s+20\s+24\s+0\s+120%\s+no\s+AVAILABLE\s+\d{4}-\d\d-\d\d$/m);
    expect(r.stdout).toMatch(/^~\s+windows\s+Instance\s+10\s+9\s+1\s+90%\s+yes\s+AVAILABLE\s+—$/m);
    expect(r.stdout).toMatch(/^\s+Oracle EE, "legacy" \(unmanaged\)\s+Socket\s+4\s+0\s+4\s+0%/m);
    expect(r.stdout).toContain('by account: 000000000000 24 (7 resources)');
    expect(r.stdout).toContain('entitlement seats: 12 of 50 used (24%)');
    expect(r.stdout).toContain('grant to arn:aws:iam::222233334444:root');
    expect(r.stdout).toMatch(/warning HEADROOM_LOW: LicenseConfiguration\/windows: 10% of 10 licenses unused/);
  });

  it('--csv: one row per configuration that a CSV reader reads, the awkward name included', async () => {
    const r = await report('--csv');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.endsWith('\r\n')).toBe(true);
    const rows = csvObjects(r.stdout);
    expect(rows.map((row) => [row.name, row.managed, row.license_count, row.consumed, row.headroom, row.level])).toEqual([
      [ODD_NAME, 'false', '4', '0', '4', 'ok'], ['idle', 'true', '8', '0', '8', 'ok'],
      ['sql-server', 'true', '20', '24', '0', 'over'], ['windows', 'true', '10', '9', '1', 'near'],
    ]);
    expect(rows[2]).toMatchObject({ consumed_by_type: 'EC2_INSTANCE=24', associated_by_type: 'EC2_AMI=1;EC2_INSTANCE=6', consumed_by_account: '000000000000=24', tracked_resources: '7' });
  });

  it('--snapshot writes the JSON document under a dated name and says where', async () => {
    const snapshots = path.join(out, 'history');
    const r = await report('--snapshot', snapshots, '--json');
    expect(r.status, r.stderr).toBe(0);
    const [file, ...more] = await readdir(snapshots);
    expect(more).toEqual([]);
    expect(file).toMatch(/^report-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z\.json$/);
    expect(r.stderr).toContain(`Wrote ${path.join(snapshots, file!)}`);
    const snapshot = JSON.parse(await readFile(path.join(snapshots, file!), 'utf8')) as UsageReport;
    expect(schemaProblems('report.schema.json', snapshot)).toEqual([]);
    expect(snapshot).toEqual(JSON.parse(r.stdout));
    expect(file).toBe(`report-${snapshot.readAt.replace(/:/g, '-')}.json`);
  });

  it.skipIf(SKIP_BROWSER)('--html: headless Chromium shows the numbers, over and near in their classes; a screenshot is kept', async () => {
    expect(CHROMIUM, 'LICENSECTL_REQUIRE_CHROMIUM is set and there is no chromium: install Debian chromium (.ci/run does)').toBeDefined();
    const html = path.join(out, 'report.html');
    const r = await report('--html', html);
    expect(r.status, r.stderr).toBe(0);
    const profile = path.join(out, 'chromium-profile');
    const { stdout: dom } = await chromium([`--user-data-dir=${profile}`, '--dump-dom', `file://${html}`]);
    const row = (name: string) => new RegExp(`<tr class="(\\w+)" data-name="${name}"[^>]*>(.*?)</tr>`).exec(dom);
    const cell = (match: RegExpExecArray | null, kind: string) => new RegExp(`<td class="num ${kind}">([^<]*)</td>`).exec(match?.[2] ?? '')?.[1];
    const sql = row('sql-server');
    const windows = row('windows');
    expect([sql?.[1], cell(sql, 'consumed'), cell(sql, 'count'), cell(sql, 'used')]).toEqual(['over', '24', '20', '120%']);
    expect([windows?.[1], cell(windows, 'consumed'), cell(windows, 'count'), cell(windows, 'used')]).toEqual(['near', '9', '10', '90%']);
    expect(row('idle')?.[1]).toBe('ok');
    expect(dom).toContain('Oracle EE, "legacy"');
    expect(dom).toMatch(/aria-label="12 of 50 consumed"/);
    expect(dom).toMatch(/<svg class="bar"[^>]*aria-label="24 of 20 consumed"/);
    await mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await rm(SCREENSHOT, { force: true });
    await chromium([`--user-data-dir=${profile}`, `--screenshot=${SCREENSHOT}`, '--window-size=1280,3000', '--hide-scrollbars', `file://${html}`]);
    expect(existsSync(SCREENSHOT)).toBe(true);
    console.log(`report --html screenshot: ${SCREENSHOT}`);
  }, 120_000);
});
