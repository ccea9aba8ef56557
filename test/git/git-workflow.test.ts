// Reading the desired state from git: any ref without touching the working tree, the revision a plan came
// from, a pull request's desired-state changes, and refs that must never reach git.
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CreateLicenseConfigurationCommand } from '@aws-sdk/client-license-manager';
import { schemaProblems } from '../../src/app/schema.js';
import { CONFIG_YAML, PROJECT_YAML, projectDir, removeDir, runCli, statePathOf } from '../helpers/cli.js';
import { otherClient } from '../helpers/live.js';
import { testRepo, type TestRepo } from './repo-helpers.js';

interface JsonPlan {
  source: { revision: string | null; dirty: boolean | null };
  summary: Record<string, number>;
  desiredChanges?: { documents: { address: string; status: string; file: string; diff: { path: string; before: unknown; after: unknown }[] }[] };
  changes: { address: string; action: string }[];
}

async function planJson(dir: string, extra: string[] = []): Promise<JsonPlan> {
  const r = await runCli(['plan', '--dir', dir, '--json', ...extra]);
  expect(r.status, r.stdout + r.stderr).toBe(0);
  return JSON.parse(r.stdout) as JsonPlan;
}

describe('desired state from git', () => {
  const dirs: string[] = [];
  afterEach(async () => { while (dirs.length) await removeDir(dirs.pop()!); });
  const repoWith = async (files: Record<string, string>): Promise<TestRepo> => {
    const repo = await testRepo(files);
    dirs.push(repo.dir);
    return repo;
  };

  it('plans an older commit while the working tree has uncommitted edits', async () => {
    const repo = await repoWith({ 'licensectl.yaml': PROJECT_YAML('git'), 'a.yaml': CONFIG_YAML('a', 'countingType: Core\nlicenseCount: 1') });
    const first = await repo.commit('first');
    await repo.write({ 'a.yaml': CONFIG_YAML('a', 'countingType: Core\nlicenseCount: 2'), 'b.yaml': CONFIG_YAML('b', 'countingType: vCPU') });
    await repo.commit('second');
    await repo.write({ 'a.yaml': 'not: [valid', 'c.yaml': CONFIG_YAML('c', 'countingType: Socket') });
    const plan = await planJson(repo.dir, ['--git-ref', first.slice(0, 10)]);
    expect(plan.changes.map((c) => [c.address, c.action])).toEqual([['LicenseConfiguration/a', 'create']]);
    expect(plan.source).toEqual({ revision: first, dirty: false });
    const validate = await runCli(['validate', '--dir', repo.dir, '--git-ref', 'HEAD~1']);
    expect(validate.status).toBe(0);
  });

  it('diagnostics from a ref name REF:path:line:column', async () => {
    const repo = await repoWith({ 'licensectl.yaml': PROJECT_YAML('git'), 'a.yaml': CONFIG_YAML('a', 'countingType: Core\nlicenceCount: 1') });
    await repo.commit('typo');
    const r = await runCli(['validate', '--dir', repo.dir, '--git-ref', 'main']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^main:a\.yaml:6:3: error: unknown field "licenceCount"/m);
  });

  it('records the revision and whether the tree is dirty: clean, dirty, and outside git', async () => {
    const repo = await repoWith({ 'licensectl.yaml': PROJECT_YAML('git'), 'a.yaml': CONFIG_YAML('a', 'countingType: Core') });
    const head = await repo.commit('first');
    expect((await planJson(repo.dir)).source).toEqual({ revision: head, dirty: false });
    await repo.write({ 'notes.txt': 'not desired state' });
    expect((await planJson(repo.dir)).source).toEqual({ revision: head, dirty: false });
    await repo.write({ 'a.yaml': CONFIG_YAML('a', 'countingType: vCPU') });
    expect((await planJson(repo.dir)).source).toEqual({ revision: head, dirty: true });
    const plain = await projectDir({ 'licensectl.yaml': PROJECT_YAML('plain') });
    dirs.push(plain);
    expect((await planJson(plain)).source).toEqual({ revision: null, dirty: null });
  });

  it('plan --base lists added, removed and changed documents with their files and fields', async () => {
    const repo = await repoWith({
      'licensectl.yaml': PROJECT_YAML('review'),
      'keep.yaml': CONFIG_YAML('keep', 'countingType: Core\nlicenseCount: 10'),
      'gone.yaml': CONFIG_YAML('gone', 'countingType: vCPU'),
    });
    await repo.commit('base');
    await repo.git.checkout(['-b', 'feature']);
    await repo.remove('gone.yaml');
    await repo.write({ 'keep.yaml': CONFIG_YAML('keep', 'countingType: Core\nlicenseCount: 20'), 'new/added.yaml': CONFIG_YAML('added', 'countingType: Socket') });
    await repo.commit('change');
    const plan = await planJson(repo.dir, ['--base', 'main']);
    expect(plan.desiredChanges!.documents.map((d) => ({ address: d.address, status: d.status, file: d.file }))).toEqual([
      { address: 'LicenseConfiguration/added', status: 'added', file: 'new/added.yaml' },
      { address: 'LicenseConfiguration/gone', status: 'removed', file: 'gone.yaml' },
      { address: 'LicenseConfiguration/keep', status: 'changed', file: 'keep.yaml' },
    ]);
    expect(plan.desiredChanges!.documents[2]!.diff).toEqual([{ path: 'licenseCount', before: 10, after: 20 }]);
    const text = await runCli(['plan', '--dir', repo.dir, '--base', 'main']);
    expect(text.stdout.indexOf('LicenseConfiguration/gone')).toBeLessThan(text.stdout.indexOf('Plan: '));
  });

  it('plan --base lists a document made observe-only, ignoring a field and adopting a resource', async () => {
    const repo = await repoWith({
      'licensectl.yaml': PROJECT_YAML('review'),
      'a.yaml': CONFIG_YAML('watched', 'countingType: Core\nlicenseCount: 10'),
      'b.yaml': CONFIG_YAML('by-hand', 'countingType: vCPU'),
    });
    await repo.commit('base');
    const made = await otherClient(statePathOf(repo.dir)).send(new CreateLicenseConfigurationCommand({ Name: 'by-hand', LicenseCountingType: 'vCPU' }));
    const arn = made.LicenseConfigurationArn!;
    await repo.git.checkout(['-b', 'feature']);
    await repo.write({
      'a.yaml': CONFIG_YAML('watched', 'countingType: Core\nlicenseCount: 10\nmanagement: observe').replace('name: watched', 'name: watched, ignore: [spec.licenseCount]'),
      'b.yaml': CONFIG_YAML('by-hand', `countingType: vCPU\nadopt: "${arn}"`),
    });
    await repo.commit('observe, ignore, adopt');
    const plan = await planJson(repo.dir, ['--base', 'main']);
    expect(plan.desiredChanges!.documents.map((d) => [d.address, d.status, d.diff.map((f) => [f.path, f.before, f.after])])).toEqual([
      ['LicenseConfiguration/by-hand', 'changed', [['spec.adopt', null, arn]]],
      ['LicenseConfiguration/watched', 'changed', [['metadata.ignore', null, ['spec.licenseCount']], ['spec.management', 'manage', 'observe']]],
    ]);
    expect(schemaProblems('plan.schema.json', plan)).toEqual([]);
    const text = await runCli(['plan', '--dir', repo.dir, '--base', 'main']);
    expect(text.stdout).toContain([
      'Changes to the desired state:',
      '  ~ LicenseConfiguration/by-hand changed in b.yaml',
      `      + spec.adopt: "${arn}"`,
      '  ~ LicenseConfiguration/watched changed in a.yaml',
      '      + metadata.ignore: ["spec.licenseCount"]',
      '      ~ spec.management: "manage" → "observe"',
    ].join('\n'));
  });

  it('refuses a malicious ref without running git with it, and names an unknown one', async () => {
    const repo = await repoWith({ 'licensectl.yaml': PROJECT_YAML('git') });
    await repo.commit('first');
    const marker = path.join(await mkdtemp(path.join(tmpdir(), 'pwned-')), 'pwned');
    for (const ref of [`--upload-pack=touch ${marker}`, 'main..HEAD']) {
      const r = await runCli(['plan', '--dir', repo.dir, `--git-ref=${ref}`]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^Error \[BAD_GIT_REF\]: git ref .* is not allowed/m);
    }
    expect(existsSync(marker)).toBe(false);
    const unknown = await runCli(['plan', '--dir', repo.dir, '--git-ref', 'nope']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("Error [UNKNOWN_GIT_REF]: unknown git ref 'nope'");
  });
});
