// --only-targets: one shard of a project with targets (names or globs), for splitting an organization across CI
// jobs; the other targets are neither read nor changed; a pattern that selects nothing, or a project without
// targets, is a usage error before anything is read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaProblems } from '../../src/app/schema.js';
import { projectDir, removeDir, runCli } from '../helpers/cli.js';

const PROJECT = `apiVersion: licensectl/v1
kind: Project
metadata: {name: org}
spec:
  targets:
    - {name: prod-eu, account: "111122223333", regions: [eu-west-1]}
    - {name: prod-us, account: "222233334444", regions: [us-east-1]}
    - {name: dev, account: "333344445555", regions: [us-east-1]}
  defaultTargets: ["*"]
---
apiVersion: licensectl/v1
kind: LicenseConfiguration
metadata: {name: windows}
spec: {countingType: vCPU, licenseCount: 10}
`;

interface PlanSetJson {
  targets: { label: string; plan: { changes: { address: string; action: string }[] } }[];
}

describe('--only-targets', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await projectDir({ 'licensectl.yaml': PROJECT });
  });
  afterAll(async () => removeDir(dir));
  const cli = (args: string[]) => runCli([...args, '--dir', dir]);

  it('plans and applies only the targets a glob selects; the others are left for their own shard', async () => {
    const shard = JSON.parse((await cli(['plan', '--json', '--only-targets', 'prod-*'])).stdout) as PlanSetJson;
    expect(shard.targets.map((t) => t.label)).toEqual(['prod-eu', 'prod-us']);
    const applied = await cli(['apply', '--auto-approve', '--only-targets', 'dev']);
    expect(applied.status, applied.stderr).toBe(0);
    expect(applied.stdout).toMatch(/^created dev\/LicenseConfiguration\/windows in /m);
    expect(applied.stdout).not.toContain('prod-');
    const all = JSON.parse((await cli(['plan', '--json'])).stdout) as PlanSetJson;
    expect(all.targets.map((t) => [t.label, t.plan.changes.map((c) => c.action)])).toEqual([['prod-eu', ['create']], ['prod-us', ['create']], ['dev', ['no-op']]]);
  });

  it('refuses a pattern that selects no target, and a project without targets', async () => {
    const none = await cli(['plan', '--only-targets', 'qa-*']);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('--only-targets "qa-*" selects no target');
    // Every pattern must select a target, in state as in plan: one that selects nothing is a typo.
    const state = await cli(['state', '--only-targets', 'dev', '--only-targets', 'zzz']);
    expect([state.status, state.stdout]).toEqual([1, '']);
    expect(state.stderr).toContain('--only-targets "zzz" selects no target');
    const single = await projectDir({ 'licensectl.yaml': 'apiVersion: licensectl/v1\nkind: Project\nmetadata: {name: one}\nspec: {}\n' });
    try {
      const r = await runCli(['plan', '--dir', single, '--only-targets', 'dev']);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('--only-targets needs spec.targets');
    } finally {
      await removeDir(single);
    }
  });

  it('refuses --region with spec.targets, a saved plan set too (each target names its regions)', async () => {
    const out = `${dir}/set.plan`;
    expect((await cli(['plan', '--out', out])).status).toBe(0);
    for (const args of [['plan'], ['apply', out, '--auto-approve']]) {
      const r = await cli([...args, '--region', 'eu-west-1']);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('--region cannot be used with spec.targets: each target names its regions');
      expect(r.stderr).toContain('choose targets with --only-targets');
    }
  });

  it('a target whose adoption is refused is reported at its spec.adopt (file, line, field), in text and JSON', async () => {
    const arn = 'arn:aws:license-manager:eu-west-1:111122223333:license-configuration:lic-0missing';
    const adopting = await projectDir({
      'licensectl.yaml': PROJECT,
      'adopt.yaml': `apiVersion: licensectl/v1\nkind: LicenseConfiguration\nmetadata: {name: made-by-hand, targets: [prod-eu]}\nspec: {countingType: vCPU, adopt: "${arn}"}\n`,
    });
    try {
      const text = await runCli(['plan', '--dir', adopting]);
      expect(text.status).toBe(1);
      expect(text.stdout).toContain(`✗ target prod-eu (account 111122223333, eu-west-1) was not planned: ADOPT_REFUSED: 1 adoption refused: LicenseConfiguration/made-by-hand: spec.adopt names ${arn}, which is not an existing LicenseConfiguration of this account and region\n`
        + `  adopt.yaml:4:35: error: LicenseConfiguration/made-by-hand: spec.adopt names ${arn}, which is not an existing LicenseConfiguration of this account and region\n`);
      const json = await runCli(['plan', '--dir', adopting, '--json']);
      const set = JSON.parse(json.stdout) as { failures: { label: string; error: { code: string; diagnostics?: unknown[] } }[] };
      expect(schemaProblems('plan-set.schema.json', set)).toEqual([]);
      expect(set.failures).toEqual([{ label: 'prod-eu', account: '111122223333', region: 'eu-west-1', error: {
        code: 'ADOPT_REFUSED', message: expect.any(String),
        diagnostics: [{ severity: 'error', code: 'ADOPT_REFUSED', message: expect.stringContaining('made-by-hand'), file: 'adopt.yaml', line: 4, column: 35, field: 'spec.adopt' }],
      } }]);
    } finally {
      await removeDir(adopting);
    }
  });
});
