// Issue 14's targets end to end: one project across accounts and regions, each unit with its own credentials (the
// emulator's own key, a profile file, a role assumed through STS), its account checked before anything is read,
// planned and applied together, grouped by target in text and JSON; a unit that fails does not stop the others.
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListReceivedGrantsCommand, RejectGrantCommand } from '@aws-sdk/client-license-manager';
import { LICENSE_YAML, projectDir, removeDir, runCli, statePathOf } from '../helpers/cli.js';
import { otherClient } from '../helpers/live.js';
import { schemaProblems } from '../../src/app/schema.js';
import { type ServedEmulator, serveEmulator } from '../helpers/served.js';

const PROJECT = (targets: string, defaults = '[mgmt]') => `apiVersion: licensectl/v1
kind: Project
metadata: {name: org}
spec:
  targets:
${targets}
  defaultTargets: ${defaults}
`;
const DOCS = `apiVersion: licensectl/v1
kind: LicenseConfiguration
metadata: {name: windows, targets: ["*"]}
spec: {countingType: vCPU, licenseCount: 10}
---
apiVersion: licensectl/v1
kind: LicenseConfiguration
metadata: {name: oracle}
spec: {countingType: Core, licenseCount: 4}
---
apiVersion: licensectl/v1
kind: ResourceShare
metadata: {name: to-dev}
spec: {principals: ["222233334444"], licenseConfigurations: [oracle]}
`;

interface PlanSetJson {
  summary: Record<string, number>;
  targets: { label: string; account: string; region: string; plan: { target: { account: string; region: string }; changes: { address: string; action: string }[] } }[];
  failures: { label: string; error: { code: string; message: string } }[];
}

describe('a project with targets on the embedded emulator', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await projectDir({
      'licensectl.yaml': PROJECT('    - {name: mgmt, account: "111122223333", regions: [us-east-1, eu-west-1]}\n    - {name: dev, account: "222233334444", regions: [us-east-1]}'),
      'docs.yaml': DOCS,
    });
  });
  afterAll(async () => removeDir(dir));
  const cli = (args: string[]) => runCli([...args, '--dir', dir]);

  it('plans every unit, grouped by target with labelled addresses; JSON is a plan set', async () => {
    const text = await cli(['plan']);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('Plan for project org, target mgmt@eu-west-1\n  target: emulator, account 111122223333, region eu-west-1');
    expect(text.stdout).toContain('  + dev/LicenseConfiguration/windows');
    expect(text.stdout).toContain('  + mgmt@us-east-1/ResourceShare/to-dev');
    expect(text.stdout).toContain('Targets: 3 planned. Plan: 7 to create, 0 to update, 0 to replace, 0 to delete.');
    const json = JSON.parse((await cli(['plan', '--json'])).stdout) as PlanSetJson;
    expect(schemaProblems('plan-set.schema.json', json)).toEqual([]);
    expect(schemaProblems('plan-set.schema.json', { ...json, targets: [{ ...json.targets[0], label: 'Bad Label' }] })).toEqual(['/targets/0/label must match pattern "^[a-z0-9-]+(@[a-z0-9-]+)?$"']);
    expect(json.summary).toMatchObject({ create: 7 });
    expect(json.targets.map((t) => [t.label, t.plan.target.account, t.plan.target.region, t.plan.changes.map((c) => c.address)])).toEqual([
      ['mgmt@us-east-1', '111122223333', 'us-east-1', ['LicenseConfiguration/oracle', 'LicenseConfiguration/windows', 'ResourceShare/to-dev']],
      ['mgmt@eu-west-1', '111122223333', 'eu-west-1', ['LicenseConfiguration/oracle', 'LicenseConfiguration/windows', 'ResourceShare/to-dev']],
      ['dev', '222233334444', 'us-east-1', ['LicenseConfiguration/windows']],
    ]);
  });

  it('--target LABEL/Kind/name plans only that unit\'s resource', async () => {
    const json = JSON.parse((await cli(['plan', '--json', '--target', 'dev/LicenseConfiguration/windows'])).stdout) as PlanSetJson;
    expect(json.targets.map((t) => [t.label, t.plan.changes.map((c) => c.address)])).toEqual([['dev', ['LicenseConfiguration/windows']]]);
  });

  it('applies every unit at once; the next plan has no changes', async () => {
    const r = await cli(['apply', '--auto-approve']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^created dev\/LicenseConfiguration\/windows in /m);
    expect(r.stdout).toContain('Across 3 targets: 7 applied, 0 failed, 0 skipped.');
    const again = await cli(['plan', '--detailed-exitcode']);
    expect(again.status, again.stdout).toBe(0);
    expect(again.stdout).toContain('Targets: 3 planned. No changes. Every account matches the desired state.');
  });
});

describe('a project with targets against a served emulator: credentials per target', () => {
  let emulator: ServedEmulator;
  let dir: string;
  beforeAll(async () => {
    emulator = await serveEmulator();
    dir = await projectDir({
      'licensectl.yaml': PROJECT([
        '    - {name: mgmt, account: "111122223333", regions: [us-east-1]}',
        '    - {name: dev, account: "222233334444", regions: [us-east-1], profile: dev}',
        '    - {name: qa, account: "333344445555", regions: [us-east-1], roleArn: "arn:aws:iam::333344445555:role/licensectl"}',
        '    - {name: wrong, account: "444455556666", regions: [us-east-1], profile: dev}',
      ].join('\n'), '["*"]'),
      'docs.yaml': 'apiVersion: licensectl/v1\nkind: LicenseConfiguration\nmetadata: {name: windows}\nspec: {countingType: vCPU}\n',
      'aws-credentials': '[dev]\naws_access_key_id = AKID222233334444\naws_secret_access_key = x\n',
    });
  });
  afterAll(async () => { expect(await emulator.stop()).toBe(0); await removeDir(dir); });

  it('keys in the environment, a profile file, an assumed role: each account resolved by STS; a mismatch refused before any read', async () => {
    const env = {
      AWS_ACCESS_KEY_ID: 'AKID111122223333', AWS_SECRET_ACCESS_KEY: 'x', AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'aws-credentials'),
      AWS_CONFIG_FILE: path.join(dir, 'aws-none'),
    };
    const r = await runCli(['plan', '--json', '--dir', dir, '--endpoint', emulator.url, '--stats'], { env });
    expect(r.status, r.stderr).toBe(1);
    const json = JSON.parse(r.stdout) as PlanSetJson;
    expect(json.targets.map((t) => [t.label, t.plan.target.account])).toEqual([['mgmt', '111122223333'], ['dev', '222233334444'], ['qa', '333344445555']]);
    expect(json.failures).toEqual([{
      label: 'wrong', account: '444455556666', region: 'us-east-1',
      error: { code: 'ACCOUNT_MISMATCH', message: 'target wrong is account 444455556666, but its credentials are for account 222233334444' },
    }]);
    // The stats of the three planned units only: the refused one read nothing.
    expect(r.stderr.match(/ListLicenseConfigurations/g)).toHaveLength(3);
    const applied = await runCli(['apply', '--auto-approve', '--dir', dir, '--endpoint', emulator.url], { env });
    expect(applied.status).toBe(1);
    expect(applied.stdout).toContain('Across 4 targets: 3 applied, 0 failed, 0 skipped; 1 target failed.');
    await writeFile(path.join(dir, 'licensectl.yaml'), PROJECT('    - {name: qa, account: "333344445555", regions: [us-east-1], roleArn: "arn:aws:iam::333344445555:role/licensectl"}', '["*"]'));
    const qa = await runCli(['plan', '--dir', dir, '--endpoint', emulator.url], { env });
    expect(qa.stdout).toContain('No changes. The account matches the desired state.');
  });
});

describe('a grant to an account that is a target: accepted and activated in the same apply', () => {
  let dir: string;
  const LICENSE = `${LICENSE_YAML('analytics')}---
apiVersion: licensectl/v1
kind: Grant
metadata: {name: analytics-to-dev}
spec:
  license: analytics
  principal: "arn:aws:iam::222233334444:root"
  homeRegion: us-east-1
  allowedOperations: [CheckoutLicense, CheckInLicense]
`;
  beforeAll(async () => {
    dir = await projectDir({
      'licensectl.yaml': PROJECT('    - {name: mgmt, account: "111122223333", regions: [us-east-1]}\n    - {name: dev, account: "222233334444", regions: [us-east-1]}'),
      'license.yaml': LICENSE,
    });
  });
  afterAll(async () => removeDir(dir));
  const cli = (args: string[]) => runCli([...args, '--dir', dir]);

  it('the plan lists the grantee\'s steps; apply runs them; the next plan has nothing left', async () => {
    const plan = await cli(['plan']);
    expect(plan.stdout).toContain("Grantee steps (run in the grantee's target during apply):\n  dev: accept and activate mgmt/Grant/analytics-to-dev");
    const json = JSON.parse((await cli(['plan', '--json'])).stdout) as { granteeSteps: unknown[] };
    expect(schemaProblems('plan-set.schema.json', json)).toEqual([]);
    expect(json.granteeSteps).toEqual([{ grant: 'mgmt/Grant/analytics-to-dev', granteeLabel: 'dev', actions: ['accept', 'activate'] }]);
    const r = await cli(['apply', '--auto-approve']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('accepted and activated mgmt/Grant/analytics-to-dev in dev');
    const again = await cli(['plan', '--json']);
    const after = JSON.parse(again.stdout) as { summary: Record<string, number>; granteeSteps: unknown[]; targets: { plan: { changes: { address: string; meta: { status?: string } | null; warnings: string[] }[] } }[] };
    expect(after.summary).toMatchObject({ create: 0, update: 0, replace: 0, delete: 0 });
    expect(after.granteeSteps).toEqual([]);
    expect(after.targets[0]!.plan.changes.find((c) => c.address === 'Grant/analytics-to-dev')).toMatchObject({ meta: { status: 'ACTIVE' }, warnings: [] });
  });

  it('a grantee\'s rejection is drift: the grant is replaced, and the new one accepted and activated in the same apply', async () => {
    const dev = otherClient(statePathOf(dir), '222233334444');
    const [received] = (await dev.send(new ListReceivedGrantsCommand({}))).Grants ?? [];
    await dev.send(new RejectGrantCommand({ GrantArn: received!.GrantArn! }));
    dev.destroy();
    const plan = await cli(['plan']);
    expect(plan.stdout).toContain('-/+ mgmt/Grant/analytics-to-dev');
    expect(plan.stdout).toContain('  dev: accept and activate mgmt/Grant/analytics-to-dev');
    const r = await cli(['apply', '--auto-approve']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('accepted and activated mgmt/Grant/analytics-to-dev in dev');
    const again = await cli(['plan', '--detailed-exitcode']);
    expect(again.status, again.stdout).toBe(0);
  });
});

describe('a share to a target outside the organization: its invitation accepted in the same apply', () => {
  let emulator: ServedEmulator;
  let dir: string;
  const SHARE = `apiVersion: licensectl/v1
kind: LicenseConfiguration
metadata: {name: windows}
spec: {countingType: vCPU}
---
apiVersion: licensectl/v1
kind: ResourceShare
metadata: {name: to-all}
spec: {principals: ["222233334444", "444455556666"], licenseConfigurations: [windows], allowExternalPrincipals: true}
`;
  beforeAll(async () => {
    dir = await projectDir({
      'licensectl.yaml': PROJECT([
        '    - {name: mgmt, account: "111122223333", regions: [us-east-1]}',
        '    - {name: dev, account: "222233334444", regions: [us-east-1]}',
        '    - {name: outside, account: "444455556666", regions: [us-east-1]}',
      ].join('\n')),
      'share.yaml': SHARE,
    });
    // Beside the project, not in it: the project folder holds licensectl documents only.
    await writeFile(`${dir}.org.yaml`, 'managementAccount: "111122223333"\nsharingWithOrganization: true\naccounts: ["222233334444"]\n');
    emulator = await serveEmulator(['--org', `${dir}.org.yaml`]);
  });
  afterAll(async () => { expect(await emulator.stop()).toBe(0); await removeDir(dir); await rm(`${dir}.org.yaml`, { force: true }); });
  const cli = (args: string[]) => runCli([...args, '--dir', dir, '--endpoint', emulator.url]);

  it('the member receives the share at once, the outside account by invitation, accepted by its target; the next plan has nothing left', async () => {
    const plan = await cli(['plan']);
    expect(plan.stdout).toContain('  outside: accept any invitation to mgmt/ResourceShare/to-all');
    const r = await cli(['apply', '--auto-approve']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('accepted the invitation to mgmt/ResourceShare/to-all in outside');
    expect(r.stdout).toContain('mgmt/ResourceShare/to-all: nothing left to do in dev');
    const again = JSON.parse((await cli(['plan', '--json'])).stdout) as { summary: Record<string, number>; granteeSteps: unknown[] };
    expect(again.granteeSteps).toEqual([]);
    expect(again.summary).toMatchObject({ create: 0, update: 0, replace: 0, delete: 0 });
  });
});
