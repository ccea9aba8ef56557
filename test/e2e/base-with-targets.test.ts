// `plan --base REF` in a project with spec.targets: the documents are shared by every target, so the changes to the
// desired state are listed once, before the plans of the targets, each document naming the targets it selects; a
// document whose selection alone changed (metadata.targets) is changed, with a `targets` field diff. Text, JSON and
// the pull-request comment (markdown) show them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, runCli, TARGETS_PROJECT_YAML } from '../helpers/cli.js';
import { schemaProblems } from '../../src/app/schema.js';
import { testRepo, type TestRepo } from '../git/repo-helpers.js';

const PROJECT = TARGETS_PROJECT_YAML;
const CONFIG = (name: string, count: number, targets = '') => `apiVersion: licensectl/v1
kind: LicenseConfiguration
metadata: {name: ${name}${targets ? `, targets: ${targets}` : ''}}
spec: {countingType: vCPU, licenseCount: ${count}}
`;

interface Documents { desiredChanges: { documents: { address: string; status: string; targets: string[]; diff: { path: string; before: unknown; after: unknown }[] }[] } }

describe('plan --base with spec.targets', () => {
  let repo: TestRepo;
  beforeAll(async () => {
    repo = await testRepo({ 'licensectl.yaml': PROJECT, 'windows.yaml': CONFIG('windows', 10), 'oracle.yaml': CONFIG('oracle', 4), 'sql.yaml': CONFIG('sql', 2) });
    await repo.commit('base');
    await repo.git.checkout(['-b', 'feature']);
    await repo.remove('sql.yaml');
    await repo.write({ 'windows.yaml': CONFIG('windows', 20), 'oracle.yaml': CONFIG('oracle', 4, '["*"]'), 'db2.yaml': CONFIG('db2', 1, '[dev]') });
    await repo.commit('change');
  });
  afterAll(async () => removeDir(repo.dir));

  it('lists each changed document once, with the targets it selects; a new selection alone is a change', async () => {
    const r = await runCli(['plan', '--json', '--dir', repo.dir, '--base', 'main']);
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as Documents;
    expect(schemaProblems('plan-set.schema.json', json)).toEqual([]);
    expect(json.desiredChanges.documents.map((d) => [d.address, d.status, d.targets])).toEqual([
      ['LicenseConfiguration/db2', 'added', ['dev']],
      ['LicenseConfiguration/oracle', 'changed', ['mgmt@us-east-1', 'mgmt@eu-west-1', 'dev']],
      ['LicenseConfiguration/sql', 'removed', ['mgmt@us-east-1', 'mgmt@eu-west-1']],
      ['LicenseConfiguration/windows', 'changed', ['mgmt@us-east-1', 'mgmt@eu-west-1']],
    ]);
    expect(json.desiredChanges.documents[1]!.diff).toEqual([{ path: 'targets', before: ['mgmt@us-east-1', 'mgmt@eu-west-1'], after: ['mgmt@us-east-1', 'mgmt@eu-west-1', 'dev'] }]);
    const text = await runCli(['plan', '--dir', repo.dir, '--base', 'main']);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout.startsWith('Changes to the desired state:\n')).toBe(true);
    expect(text.stdout).toContain('LicenseConfiguration/db2 added in db2.yaml (selects dev)');
    expect(text.stdout).toContain('LicenseConfiguration/sql removed from sql.yaml (selected mgmt@us-east-1, mgmt@eu-west-1)');
    expect(text.stdout).toContain('Targets: 3 planned.');
    const markdown = await runCli(['plan', '--format', 'markdown', '--dir', repo.dir, '--base', 'main']);
    expect(markdown.status, markdown.stderr).toBe(0);
    expect(markdown.stdout).toContain('### Changes to the desired state');
    expect(markdown.stdout).toContain('| added | <code>LicenseConfiguration/db2</code> (targets: dev) | <code>db2.yaml</code> |');
    expect(markdown.stdout.indexOf('### Changes to the desired state')).toBeLessThan(markdown.stdout.indexOf('## Target mgmt@&#8203;us-east-1'));
  });
});
