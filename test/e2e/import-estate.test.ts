// A team's existing estate, made by hand with the AWS CLI against `emulator serve`, imported: every unmanaged
// resource becomes a document with spec.adopt (an Association, which AWS gives no ARN, names its resource; the service
// settings are matched by their document), the documents validate, another project's resource is listed and never
// imported, and a second import writes nothing.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaProblems } from '../../src/app/schema.js';
import type { ImportResult } from '../../src/render/import-result.js';
import type { StateView } from '../../src/render/state.js';
import { CONFIG_YAML, PROJECT_YAML, projectDir, removeDir, runCli } from '../helpers/cli.js';
import { buildEstate, type Estate, estateSize, HAS_AWS_CLI } from '../helpers/estate.js';
import { type ServedEmulator, serveEmulator } from '../helpers/served.js';

describe.skipIf(!HAS_AWS_CLI)('licensectl import of an estate made with the AWS CLI', () => {
  let served: ServedEmulator;
  let dir: string;
  let estate: Estate;
  let imported: ImportResult;
  beforeAll(async () => {
    served = await serveEmulator();
    estate = await buildEstate(served.url);
    // One resource the project already manages: its name is taken, and state lists it by address.
    dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('adopters'), 'managed.yaml': CONFIG_YAML('windows-server-datacenter', 'countingType: vCPU\nlicenseCount: 8', '{team: platform}') });
    const applied = await runCli(['apply', '--dir', dir, '--endpoint', served.url, '--auto-approve']);
    expect(applied.status, applied.stderr).toBe(0);
    const r = await runCli(['import', '--dir', dir, '--endpoint', served.url, '--json']);
    expect(r.status, r.stderr + r.stdout).toBe(0);
    imported = JSON.parse(r.stdout) as ImportResult;
  }, 120_000);
  afterAll(async () => { await served?.stop(); if (dir) await removeDir(dir); });

  it('builds an estate of at least 20 resources of every kind', () => {
    expect(estateSize(estate)).toBeGreaterThanOrEqual(20);
  });

  it('writes one file per kind, and its --json output conforms to its schema', async () => {
    expect(schemaProblems('import-result.schema.json', imported)).toEqual([]);
    expect(imported.files.map((f) => path.basename(f.path))).toEqual([
      'imported-service-settings.yaml', 'imported-license-configurations.yaml', 'imported-licenses.yaml', 'imported-resource-shares.yaml',
      'imported-grants.yaml', 'imported-associations.yaml', 'imported-report-generators.yaml',
    ]);
    expect((await readdir(dir)).filter((f) => f.startsWith('imported-')).sort()).toEqual(imported.files.map((f) => path.basename(f.path)).sort());
    expect(imported.skipped).toEqual([]);
  });

  it('makes every unmanaged resource a document: spec.adopt for those with an ARN', () => {
    const arnsOf = (kind: string) => imported.files.filter((f) => f.kind === kind).flatMap((f) => f.documents.map((d) => d.arn)).sort();
    expect(arnsOf('LicenseConfiguration')).toEqual([...estate.configurations].sort());
    expect(arnsOf('License')).toEqual([...estate.licenses].sort());
    expect(arnsOf('Grant')).toEqual([...estate.grants].sort());
    expect(arnsOf('ResourceShare')).toEqual([...estate.shares].sort());
    expect(arnsOf('ReportGenerator')).toEqual([...estate.reportGenerators].sort());
    expect(arnsOf('Association')).toEqual([...estate.associations.keys()].sort());
    expect(arnsOf('ServiceSettings')).toHaveLength(1);
  });

  it('validates, and the desired state holds each ARN as spec.adopt and the references by name', async () => {
    const r = await runCli(['validate', '--dir', dir, '--json']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(schemaProblems('validate-result.schema.json', JSON.parse(r.stdout))).toEqual([]);
    expect(JSON.parse(r.stdout)).toMatchObject({ valid: true, resources: { LicenseConfiguration: 7, License: 2, Grant: 3, ResourceShare: 3, Association: 3, ReportGenerator: 2, ServiceSettings: 1 } });
    const files = await Promise.all(imported.files.map((f) => readFile(f.path, 'utf8')));
    const all = files.join('\n');
    for (const arn of [...estate.configurations, ...estate.licenses, ...estate.grants, ...estate.shares, ...estate.reportGenerators]) {
      expect(all).toContain(`# ${arn}\n`);
      expect(all).toContain(`adopt: ${arn}\n`);
    }
    // Names from AWS names, the collision of "RHEL" and "rhel" resolved in ARN order; references by those names.
    expect(all).toMatch(/name: rhel(-2)?\n/);
    expect(all).toContain('name: rhel-2\n');
    expect(all).toContain('license: analytics-pro\n');
    // The managed configuration holds the name the hand-made one would take.
    expect(all).toContain('name: windows-server-datacenter-2\n');
    expect(all).toContain('licenseConfigurations: [windows-server-datacenter-2]');
    expect(all).not.toContain('licensectl:');
  });

  it('lists the other project\'s configuration and never imports it', async () => {
    expect(imported.foreign).toEqual([{ kind: 'LicenseConfiguration', arn: estate.foreign[0], name: 'Other team', project: 'other' }]);
    const r = await runCli(['import', '--dir', dir, '--endpoint', served.url, '--stats']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Nothing to import');
    // Every grant's tags are read (one call each), and the associations of every configuration not another project's.
    expect(r.stderr).toMatch(/ListAssociationsForLicenseConfiguration +7 calls/);
    expect(r.stdout).toContain(`LicenseConfiguration ${estate.foreign[0]} (Other team): project other`);
  });

  it('state lists the managed resource by address, every unmanaged resource and the other project\'s; state show prints a document', async () => {
    const r = await runCli(['state', '--dir', dir, '--endpoint', served.url, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const view = JSON.parse(r.stdout) as StateView;
    expect(schemaProblems('state.schema.json', view)).toEqual([]);
    const rows = view.targets[0]!.resources;
    // The imported ServiceSettings document already manages the settings: they have no ARN to adopt, only a name.
    expect(rows.filter((row) => row.owner === 'managed').map((row) => row.address)).toEqual(['ServiceSettings/service-settings', 'LicenseConfiguration/windows-server-datacenter']);
    expect(rows.filter((row) => row.owner === 'foreign').map((row) => row.arn)).toEqual(estate.foreign);
    const unmanaged = rows.filter((row) => row.owner === 'unmanaged');
    for (const arn of [...estate.configurations, ...estate.licenses, ...estate.grants, ...estate.shares, ...estate.reportGenerators]) expect(unmanaged.map((row) => row.arn)).toContain(arn);
    expect(unmanaged.filter((row) => row.kind === 'Association').map((row) => row.name).sort()).toEqual([...estate.associations].flatMap(([resource, arns]) => arns.map(() => resource)).sort());
    expect(unmanaged.find((row) => row.kind === 'Grant')).toMatchObject({ version: '1', status: 'PENDING_ACCEPT' });
    const show = await runCli(['state', 'show', 'LicenseConfiguration/windows-server-datacenter', '--dir', dir, '--endpoint', served.url]);
    expect(show.status, show.stderr).toBe(0);
    expect(show.stdout).toMatch(/^# arn:aws:license-manager:us-east-1:000000000000:license-configuration:lic-\w+\napiVersion: licensectl\/v1\nkind: LicenseConfiguration\nmetadata:\n  name: windows-server-datacenter\n  tags:\n    team: platform\nspec:\n  countingType: vCPU\n  licenseCount: 8\n$/);
    const unknown = await runCli(['state', 'show', 'LicenseConfiguration/windows-server-datacentre', '--dir', dir, '--endpoint', served.url]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toBe('Error [UNKNOWN_ADDRESS]: no managed resource at LicenseConfiguration/windows-server-datacentre in project adopters\n  hint: did you mean LicenseConfiguration/windows-server-datacenter? (licensectl state lists the addresses)\n');
  });

  it('never replaces a file: an import that would write one that exists writes nothing', async () => {
    const other = await projectDir({ 'licensectl.yaml': PROJECT_YAML('adopters'), 'imported-licenses.yaml': CONFIG_YAML('mine', 'countingType: vCPU') });
    try {
      const r = await runCli(['import', '--dir', other, '--endpoint', served.url]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('IMPORT_FILE_EXISTS');
      expect(r.stderr).toContain(`import would replace ${path.join(other, 'imported-licenses.yaml')}; nothing was written`);
      expect((await readdir(other)).sort()).toEqual(['imported-licenses.yaml', 'licensectl.yaml']);
      const only = await runCli(['import', '--dir', other, '--endpoint', served.url, '--kind', 'Grant', '--name', 'pro*', '--out', path.join(other, 'grants'), '--json']);
      expect(only.status, only.stderr).toBe(0);
      const result = JSON.parse(only.stdout) as ImportResult;
      expect(result.files.flatMap((f) => f.documents.map((d) => d.address))).toEqual(['Grant/pro-to-dev', 'Grant/pro-to-test']);
      // The license is not managed, nor imported in this run: the grants name it by ARN.
      expect(await readFile(path.join(other, 'grants', 'imported-grants.yaml'), 'utf8')).toContain(`licenseArn: ${estate.licenses[0]}`);
    } finally {
      await removeDir(other);
    }
  });

  // Last: the import reviewed and applied adopts the whole estate, which the tests above read as unmanaged.
  it('plans only adopts for the imported documents; apply makes only tag calls; the next plan is No changes', async () => {
    const planned = await runCli(['plan', '--dir', dir, '--endpoint', served.url, '--json']);
    expect(planned.status, planned.stderr).toBe(0);
    const plan = JSON.parse(planned.stdout) as { summary: Record<string, number>; changes: { address: string; action: string; diff: unknown[] }[] };
    const acting = plan.changes.filter((c) => c.action !== 'no-op');
    expect(new Set(acting.map((c) => c.action))).toEqual(new Set(['adopt']));
    expect(acting.filter((c) => c.diff.length > 0)).toEqual([]);
    expect(plan.summary).toMatchObject({ adopt: estateSize(estate) - 1, create: 0, update: 0, replace: 0, delete: 0 });
    const applied = await runCli(['apply', '--dir', dir, '--endpoint', served.url, '--auto-approve', '--stats']);
    expect(applied.status, applied.stderr).toBe(0);
    const operations = [...applied.stderr.matchAll(/^ {2}(\w+) +\d+ calls?/gm)].map((m) => m[1]!);
    expect(operations.filter((op) => !/^(List|Get)/.test(op)).sort()).toEqual(['TagResource']);
    const again = await runCli(['plan', '--dir', dir, '--endpoint', served.url, '--detailed-exitcode']);
    expect(again.status, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^No changes\./m);
    expect(again.stdout).toContain('spec.adopt is no longer needed');
  });
});
