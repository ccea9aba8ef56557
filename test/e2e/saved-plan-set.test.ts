// Saved plans of a project with targets: `plan --out FILE` writes the plan set (every unit's plan and the grantee
// steps), `apply FILE` — in another process, as a CI job would — re-opens every target, refuses a set of which any
// unit is stale or whose signature does not match without writing anything anywhere, and applies just the units a
// plan saved with --only-targets holds.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ListLicenseConfigurationsCommand, ListReceivedGrantsCommand, UpdateLicenseConfigurationCommand } from '@aws-sdk/client-license-manager';
import { LICENSE_YAML, projectDir, readBytes, removeDir, runCli, statePathOf, TARGETS_PROJECT_YAML } from '../helpers/cli.js';
import { otherClient } from '../helpers/live.js';
import { schemaProblems } from '../../src/app/schema.js';

const PROJECT = TARGETS_PROJECT_YAML;
const DOCS = (count: number) => `apiVersion: licensectl/v1
kind: LicenseConfiguration
metadata: {name: windows, targets: ["*"]}
spec: {countingType: vCPU, licenseCount: ${count}}
---
${LICENSE_YAML('analytics', 'targets: ["mgmt@us-east-1"]')}---
apiVersion: licensectl/v1
kind: Grant
metadata: {name: analytics-to-dev, targets: ["mgmt@us-east-1"]}
spec:
  license: analytics
  principal: "arn:aws:iam::222233334444:root"
  homeRegion: us-east-1
  allowedOperations: [CheckoutLicense, CheckInLicense]
`;
const KEY = { LICENSECTL_PLAN_KEY: 'k'.repeat(40) };

describe('plan --out and apply FILE with spec.targets', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await projectDir({ 'licensectl.yaml': PROJECT, 'docs.yaml': DOCS(10) });
    file = path.join(dir, 'plan.json');
  });
  afterEach(async () => removeDir(dir));
  const cli = (args: string[], env: Record<string, string> = {}) => runCli([...args, '--dir', dir], { env });

  async function countsOf(account: string): Promise<number[]> {
    const client = otherClient(statePathOf(dir), account);
    try {
      const out = await client.send(new ListLicenseConfigurationsCommand({}));
      return (out.LicenseConfigurations ?? []).map((c) => c.LicenseCount ?? 0);
    } finally {
      client.destroy();
    }
  }

  it('round trip: the saved set holds every unit and the grantee steps, signed as a whole; apply FILE in another process applies it all, then nothing is left', async () => {
    const planned = await cli(['plan', '--out', file], KEY);
    expect(planned.status, planned.stderr).toBe(0);
    expect(planned.stderr).toContain(`Saved the signed plan to ${file}; apply it with: licensectl apply ${file}`);
    const saved = JSON.parse(await readFile(file, 'utf8')) as { targets: { label: string }[]; granteeSteps: unknown[]; source: { dir: string }; signature: { algorithm: string } };
    expect(schemaProblems('plan-set.schema.json', saved)).toEqual([]);
    expect(saved.targets.map((t) => t.label)).toEqual(['mgmt@us-east-1', 'mgmt@eu-west-1', 'dev']);
    expect(saved.granteeSteps).toEqual([{ grant: 'mgmt@us-east-1/Grant/analytics-to-dev', granteeLabel: 'dev', actions: ['accept', 'activate'] }]);
    expect(saved.source.dir).toBe('.');
    expect(saved.signature.algorithm).toBe('HMAC-SHA256');
    // Another process, from another directory: the project is found from the plan file.
    const applied = await runCli(['apply', file], { env: KEY, cwd: path.dirname(dir) });
    expect(applied.status, applied.stdout + applied.stderr).toBe(0);
    expect(applied.stdout).toContain('Across 3 targets: 5 applied, 0 failed, 0 skipped.');
    expect(applied.stdout).toContain('accepted and activated mgmt@us-east-1/Grant/analytics-to-dev in dev');
    const dev = otherClient(statePathOf(dir), '222233334444');
    expect((await dev.send(new ListReceivedGrantsCommand({}))).Grants?.map((g) => g.GrantStatus)).toEqual(['ACTIVE']);
    dev.destroy();
    const again = await cli(['plan', '--detailed-exitcode']);
    expect(again.status, again.stdout).toBe(0);
  });

  it('a stale unit refuses the whole set, naming it; nothing is written in any target', async () => {
    expect((await cli(['apply', '--auto-approve'])).status).toBe(0);
    await writeFile(path.join(dir, 'docs.yaml'), DOCS(20));
    expect((await cli(['plan', '--out', file])).status).toBe(0);
    // Someone changes dev's configuration after the plan was made.
    const dev = otherClient(statePathOf(dir), '222233334444');
    const [config] = (await dev.send(new ListLicenseConfigurationsCommand({}))).LicenseConfigurations ?? [];
    await dev.send(new UpdateLicenseConfigurationCommand({ LicenseConfigurationArn: config!.LicenseConfigurationArn!, LicenseCount: 15 }));
    dev.destroy();
    const before = await readBytes(statePathOf(dir));
    const r = await cli(['apply', file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Error [STALE_PLAN]: the saved plan is stale: dev/LicenseConfiguration/windows changed since it was made; nothing was applied in any target');
    expect(await readBytes(statePathOf(dir))).toEqual(before);
    expect(await countsOf('111122223333')).toEqual([10]);
  });

  it('a set altered after it was signed, or signed and applied without the key, is refused', async () => {
    expect((await cli(['plan', '--out', file], KEY)).status).toBe(0);
    const doc = JSON.parse(await readFile(file, 'utf8')) as { targets: { plan: { changes: { after: { spec: { licenseCount?: number } } | null }[] } }[] };
    doc.targets[2]!.plan.changes[0]!.after!.spec.licenseCount = 999;
    await writeFile(file, JSON.stringify(doc));
    const before = await readBytes(statePathOf(dir));
    const altered = await cli(['apply', file], KEY);
    expect(altered.status).toBe(1);
    expect(altered.stderr).toContain(`Error [PLAN_ALTERED]: ${file} was changed after it was signed, or signed with another key`);
    const missing = await cli(['apply', file]);
    expect(missing.stderr).toContain('Error [PLAN_KEY_MISSING]');
    expect(await readBytes(statePathOf(dir))).toEqual(before);
  });

  it('a plan saved with --only-targets applies just those targets; apply FILE --only-targets narrows it further', async () => {
    expect((await cli(['plan', '--out', file, '--only-targets', 'mgmt'])).status).toBe(0);
    const saved = JSON.parse(await readFile(file, 'utf8')) as { targets: { label: string }[]; onlyTargets: string[]; granteeSteps: unknown[] };
    expect(saved.targets.map((t) => t.label)).toEqual(['mgmt@us-east-1', 'mgmt@eu-west-1']);
    expect(saved.onlyTargets).toEqual(['mgmt']);
    // dev is not in this shard: its steps are left to a plan that holds it.
    expect(saved.granteeSteps).toEqual([]);
    const narrowed = await cli(['apply', file, '--only-targets', 'mgmt@eu-west-1']);
    expect(narrowed.status, narrowed.stderr).toBe(0);
    expect(narrowed.stdout).toContain('Across 1 target: 1 applied, 0 failed, 0 skipped.');
    const none = await cli(['apply', file, '--only-targets', 'dev']);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain("Error [USAGE]: --only-targets dev selects none of the saved plan's targets (mgmt@us-east-1, mgmt@eu-west-1)");
    expect(await countsOf('222233334444')).toEqual([]);
  });

  it('one unit\'s plan taken out of the set is not a plan of this project', async () => {
    expect((await cli(['plan', '--out', file])).status).toBe(0);
    const set = JSON.parse(await readFile(file, 'utf8')) as { targets: { plan: { source: object } }[] };
    const plan = set.targets[0]!.plan;
    await writeFile(file, JSON.stringify({ ...plan, source: { ...plan.source, dir: '.' } }));
    const r = await cli(['apply', file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`Error [PLAN_TARGET_MISMATCH]: ${file} is the plan of one target, and project org has spec.targets`);
  });

  it('the output of plan --json is not a saved plan', async () => {
    const json = await cli(['plan', '--json']);
    await writeFile(file, json.stdout);
    const r = await cli(['apply', file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`Error [PLAN_FILE_INVALID]: ${file} is the output of \`plan --json\`, not a saved plan`);
  });
});
