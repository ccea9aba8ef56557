// report and repair of a project with spec.targets on the embedded emulator (one state, an account per target): the
// usage of every target grouped by target in text, CSV, JSON (schema-checked) and HTML; --only-targets honoured; a
// target that cannot be read reported without stopping the others; duplicates repaired in their own target only.
import { CreateLicenseConfigurationCommand, ListLicenseConfigurationsCommand } from '@aws-sdk/client-license-manager';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaProblems } from '../../src/app/schema.js';
import { projectDir, removeDir, runCli, statePathOf } from '../helpers/cli.js';
import { otherClient } from '../helpers/live.js';

const A = '111122223333';
const B = '222233334444';
const PROJECT = (extra = '') => `apiVersion: licensectl/v1
kind: Project
metadata: {name: org}
spec:
  targets:
    - {name: a, account: "${A}", regions: [us-east-1]}
    - {name: b, account: "${B}", regions: [us-east-1, eu-west-1]}
${extra}  defaultTargets: ["*"]
`;
const DOCS = `apiVersion: licensectl/v1
kind: LicenseConfiguration
metadata: {name: windows}
spec: {countingType: vCPU, licenseCount: 10}
---
apiVersion: licensectl/v1
kind: LicenseConfiguration
metadata: {name: sql, targets: [a]}
spec: {countingType: Core, licenseCount: 4}
`;

interface ReportSetJson {
  summary: { configurations: number };
  targets: { label: string; target: { account: string; region: string }; configurations: { name: string }[] }[];
  failures: { label: string; error: { code: string } }[];
}

describe('report and repair of a project with targets', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await projectDir({ 'licensectl.yaml': PROJECT(), 'docs.yaml': DOCS });
    const applied = await runCli(['apply', '--auto-approve', '--dir', dir]);
    expect(applied.status, applied.stderr).toBe(0);
  }, 60_000); // each test runs the built CLI a few times, on a loaded 2-core machine
  afterAll(async () => removeDir(dir));
  const cli = (args: string[]) => runCli([...args, '--dir', dir]);

  it('reports every target, grouped by target in text, CSV, JSON and HTML', async () => {
    const text = await cli(['report']);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain(`Usage report of project org, target a\naccount ${A}, us-east-1 (emulator)`);
    expect(text.stdout).toContain(`Usage report of project org, target b@eu-west-1\naccount ${B}, eu-west-1 (emulator)`);
    expect(text.stdout).toContain('Targets: 3 read. 4 license configurations (0 over the count, 0 near it), 0 licenses');
    const json = JSON.parse((await cli(['report', '--json'])).stdout) as ReportSetJson;
    expect(schemaProblems('report.schema.json', json)).toEqual([]);
    expect(json.targets.map((t) => [t.label, t.target.account, t.target.region, t.configurations.map((c) => c.name)])).toEqual([
      ['a', A, 'us-east-1', ['sql', 'windows']],
      ['b@us-east-1', B, 'us-east-1', ['windows']],
      ['b@eu-west-1', B, 'eu-west-1', ['windows']],
    ]);
    expect(json).toMatchObject({ summary: { configurations: 4 }, failures: [] });
    // A single target's report without `targets`, or a set without them, is not a report.
    expect(schemaProblems('report.schema.json', { ...json, targets: undefined, failures: undefined })).not.toEqual([]);
    const csv = (await cli(['report', '--csv'])).stdout.split('\r\n');
    expect(csv[0]).toMatch(/^target,name,arn,managed,/);
    expect(csv.slice(1, -1).map((row) => row.split(',').slice(0, 2).join(','))).toEqual(['a,sql', 'a,windows', 'b@us-east-1,windows', 'b@eu-west-1,windows']);
    const html = path.join(dir, 'report.html');
    expect((await cli(['report', '--html', html])).status).toBe(0);
    const page = await readFile(html, 'utf8');
    expect(page).toContain('<section class="target" id="target-b@eu-west-1">\n<h2>Target b@eu-west-1</h2>');
    expect(page).toContain('<section id="a-configurations">');
  }, 90_000);

  it('--only-targets reports the targets it selects', async () => {
    const json = JSON.parse((await cli(['report', '--json', '--only-targets', 'b@eu-*'])).stdout) as ReportSetJson;
    expect(json.targets.map((t) => t.label)).toEqual(['b@eu-west-1']);
    const none = await cli(['report', '--only-targets', 'prod-*']);
    expect([none.status, none.stderr]).toEqual([1, expect.stringContaining('--only-targets "prod-*" selects no target')]);
  }, 90_000);

  it('a target that cannot be read is listed and makes the exit status 1; the others are reported', async () => {
    const other = await projectDir({
      'licensectl.yaml': PROJECT('    - {name: c, account: "333344445555", regions: [us-east-1], roleArn: "arn:aws:iam::444455556666:role/x"}\n'),
      'docs.yaml': DOCS,
    });
    try {
      const r = await runCli(['report', '--json', '--dir', other]);
      expect(r.status).toBe(1);
      const json = JSON.parse(r.stdout) as ReportSetJson;
      expect(schemaProblems('report.schema.json', json)).toEqual([]);
      expect(json.targets.map((t) => t.label)).toEqual(['a', 'b@us-east-1', 'b@eu-west-1']);
      expect(json.failures).toMatchObject([{ label: 'c', error: { code: 'ACCOUNT_MISMATCH' } }]);
      const text = await runCli(['report', '--dir', other]);
      expect(text.stdout).toContain('✗ target c (account 333344445555, us-east-1) was not read: ACCOUNT_MISMATCH: target c is account 333344445555');
      expect(text.stdout).toContain('Targets: 3 read, 1 failed.');
    } finally {
      await removeDir(other);
    }
  }, 90_000);

  it('repair deletes a duplicate in the target that holds it, and only there', async () => {
    const client = otherClient(statePathOf(dir), B);
    await client.send(new CreateLicenseConfigurationCommand({
      Name: 'windows', LicenseCountingType: 'vCPU', LicenseCount: 10,
      Tags: [{ Key: 'licensectl:project', Value: 'org' }, { Key: 'licensectl:name', Value: 'windows' }],
    }));
    const names = async (account: string) => {
      const c = otherClient(statePathOf(dir), account);
      const out = (await c.send(new ListLicenseConfigurationsCommand({}))).LicenseConfigurations ?? [];
      c.destroy();
      return out.map((l) => l.Name).sort();
    };
    expect(await names(B)).toEqual(['windows', 'windows']);
    const plan = await cli(['plan', '--detailed-exitcode']);
    expect(plan.status).toBe(1);
    const r = await cli(['repair', '--auto-approve']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^- b@us-east-1\/LicenseConfiguration\/windows: keep arn:aws:license-manager:us-east-1:222233334444:license-configuration:lic-\w+, delete arn:aws:license-manager:us-east-1:222233334444:license-configuration:lic-\w+\nDeleted 1 copy\.\n$/);
    expect([await names(A), await names(B)]).toEqual([['sql', 'windows'], ['windows']]);
    const again = JSON.parse((await cli(['repair', '--json', '--only-targets', 'b'])).stdout) as { repairs: unknown[]; failures: unknown[] };
    expect(again).toMatchObject({ repairs: [], failures: [] });
    client.destroy();
  }, 90_000);
});
