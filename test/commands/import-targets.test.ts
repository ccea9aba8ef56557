// import and state in a project with spec.targets (embedded emulator): import reads one target at a time, chosen by
// --only-targets, and its documents say metadata.targets; state lists every unit, grouped, addresses labelled.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CreateLicenseConfigurationCommand } from '@aws-sdk/client-license-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaProblems } from '../../src/app/schema.js';
import type { StateView } from '../../src/render/state.js';
import { projectDir, removeDir, runCli, statePathOf, TARGETS_PROJECT_YAML } from '../helpers/cli.js';
import { otherClient } from '../helpers/live.js';

const PROJECT = TARGETS_PROJECT_YAML;
const DOCS = `apiVersion: licensectl/v1
kind: LicenseConfiguration
metadata: {name: windows, targets: ["*"]}
spec: {countingType: vCPU, licenseCount: 10}
`;

describe('import and state with spec.targets', () => {
  let dir: string;
  let handMade: string;
  beforeAll(async () => {
    dir = await projectDir({ 'licensectl.yaml': PROJECT, 'docs.yaml': DOCS });
    const applied = await runCli(['apply', '--dir', dir, '--auto-approve']);
    expect(applied.status, applied.stderr).toBe(0);
    const created = await otherClient(statePathOf(dir), '222233334444').send(new CreateLicenseConfigurationCommand({ Name: 'Made in dev', LicenseCountingType: 'Core', LicenseCount: 4 }));
    handMade = created.LicenseConfigurationArn!;
  });
  afterAll(async () => removeDir(dir));

  it('refuses to import without --only-targets selecting exactly one target, writing nothing', async () => {
    const none = await runCli(['import', '--dir', dir]);
    expect(none.status).toBe(1);
    expect(none.stderr).toBe('Error [USAGE]: project org has spec.targets: import reads one target at a time\n  hint: pass --only-targets with one of mgmt@us-east-1, mgmt@eu-west-1, dev (a target of several regions: NAME@REGION); its documents get metadata.targets\n');
    const two = await runCli(['import', '--dir', dir, '--only-targets', 'mgmt']);
    expect(two.status).toBe(1);
    expect(two.stderr).toContain('--only-targets mgmt selects 2 targets of project org; import reads one at a time');
    expect((await readdir(dir)).filter((f) => f.startsWith('imported-'))).toEqual([]);
  });

  it('imports one target: its documents select it with metadata.targets, and the project validates', async () => {
    const r = await runCli(['import', '--dir', dir, '--only-targets', 'dev', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as { target: unknown; files: { path: string; documents: unknown[] }[] };
    expect(schemaProblems('import-result.schema.json', result)).toEqual([]);
    expect(result.target).toEqual({ account: '222233334444', region: 'us-east-1', label: 'dev' });
    expect(result.files.map((f) => [path.basename(f.path), f.documents])).toEqual([['imported-license-configurations.yaml', [{ address: 'LicenseConfiguration/made-in-dev', arn: handMade }]]]);
    expect(await readFile(path.join(dir, 'imported-license-configurations.yaml'), 'utf8')).toBe(`# ${handMade}
apiVersion: licensectl/v1
kind: LicenseConfiguration
metadata:
  name: made-in-dev
  targets: [dev]
spec:
  displayName: Made in dev
  countingType: Core
  licenseCount: 4
  adopt: ${handMade}
`);
    const valid = await runCli(['validate', '--dir', dir]);
    expect(valid.status, valid.stderr).toBe(0);
  });

  it('state lists every unit, grouped by target, addresses labelled as plan labels them', async () => {
    const r = await runCli(['state', '--dir', dir, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const view = JSON.parse(r.stdout) as StateView;
    expect(schemaProblems('state.schema.json', view)).toEqual([]);
    expect(view.targets.map((t) => [t.label, t.account, t.region, t.resources.map((row) => row.address ?? `${row.owner} ${row.arn}`)])).toEqual([
      ['mgmt@us-east-1', '111122223333', 'us-east-1', ['mgmt@us-east-1/LicenseConfiguration/windows']],
      ['mgmt@eu-west-1', '111122223333', 'eu-west-1', ['mgmt@eu-west-1/LicenseConfiguration/windows']],
      ['dev', '222233334444', 'us-east-1', ['dev/LicenseConfiguration/windows', `unmanaged ${handMade}`]],
    ]);
    const text = await runCli(['state', '--dir', dir, '--only-targets', 'dev', '--stats']);
    expect(text.stderr).toMatch(/^dev:\nSDK calls \(\d+ calls,/);
    expect(text.stdout).toMatch(/^dev \(account 222233334444, us-east-1\):\n {2}OWNER +ADDRESS \/ KIND +NAME +STATUS +VERSION +ARN\n {2}managed +dev\/LicenseConfiguration\/windows +windows +AVAILABLE +- +arn:/);
    expect(text.stdout).not.toContain('mgmt');
    const show = await runCli(['state', 'show', 'dev/LicenseConfiguration/windows', '--dir', dir]);
    expect(show.status, show.stderr).toBe(0);
    expect(show.stdout).toContain('kind: LicenseConfiguration\nmetadata:\n  name: windows\n  targets: [dev]\nspec:\n  countingType: vCPU\n  licenseCount: 10\n');
    const regional = await runCli(['state', 'show', 'mgmt@eu-west-1/LicenseConfiguration/windows', '--dir', dir]);
    expect(regional.stdout).toContain('  name: windows\n  targets: [mgmt@eu-west-1]\nspec:\n');
  });
});
