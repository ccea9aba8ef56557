// `plan --format markdown` with an invalid desired state still writes a pull-request comment (the plan comment's
// marker, the located errors linked to their lines) and exits 1, so CI replaces the previous comment.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONFIG_YAML, projectDir, PROJECT_YAML, removeDir, runCli } from '../helpers/cli.js';
import { testRepo } from '../git/repo-helpers.js';

const BROKEN = 'apiVersion: licensectl/v1\nkind: LicenseConfiguration\nmetadata: {name: "b}\nspec:\n  countingType: Core\n';
const GITHUB = { GITHUB_ACTIONS: 'true', GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/licenses', GITLAB_CI: undefined };
const NO_CI = { GITHUB_ACTIONS: undefined, GITLAB_CI: undefined };

describe('plan --format markdown with an invalid desired state', () => {
  const dirs: string[] = [];
  afterAll(async () => { for (const d of dirs) await removeDir(d); });

  async function pullRequest(head: Record<string, string>) {
    const repo = await testRepo({ 'licenses/licensectl.yaml': PROJECT_YAML('ci'), 'licenses/a.yaml': CONFIG_YAML('a', 'countingType: Core') });
    dirs.push(repo.dir);
    await repo.commit('base');
    await repo.git.checkout(['-b', 'change']);
    await repo.write(head);
    return { repo, sha: await repo.commit('break it') };
  }

  it('with --base in GitHub Actions: the comment, each error linked to its line at the head commit, exit 1', async () => {
    const { repo, sha } = await pullRequest({ 'licenses/b.yaml': BROKEN });
    const r = await runCli(['plan', '--dir', 'licenses', '--base', 'main', '--format', 'markdown'], { cwd: repo.dir, env: GITHUB });
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n', 1)[0]).toBe('<!-- licensectl-plan: ci -->');
    expect(r.stdout).toContain('**licensectl plan for ci:** ❌ the desired state is invalid (1 error), so no plan was made.');
    expect(r.stdout).toContain(`- ❌ [<code>b.yaml:3:18</code>](https://github.com/acme/licenses/blob/${sha}/licenses/b.yaml#L3): unclosed double quote`);
    expect(r.stderr).toContain('b.yaml:3:18: error: unclosed double quote');
    expect(r.stderr).toContain('Error [INVALID_CONFIG]');
    expect(existsSync(path.join(repo.dir, 'licenses/.licensectl'))).toBe(false);
  }, 60_000);

  it('a head whose Project cannot be read takes the project name for the marker from the base', async () => {
    const { repo } = await pullRequest({ 'licenses/licensectl.yaml': 'apiVersion: licensectl/v1\nkind: Project\nmetadata: {name: "ci}\n' });
    const r = await runCli(['plan', '--dir', 'licenses', '--base', 'main', '--format', 'markdown'], { cwd: repo.dir, env: NO_CI });
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n', 1)[0]).toBe('<!-- licensectl-plan: ci -->');
    expect(r.stdout).toContain('- ❌ <code>licensectl.yaml:3:18</code>: unclosed double quote');
  }, 60_000);

  it('without --base, outside git and CI: the comment without links', async () => {
    const dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('solo'), 'b.yaml': BROKEN });
    dirs.push(dir);
    const r = await runCli(['plan', '--dir', dir, '--format', 'markdown'], { env: GITHUB });
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n', 1)[0]).toBe('<!-- licensectl-plan: solo -->');
    expect(r.stdout).toContain('**Desired state:** files (no git revision)');
    expect(r.stdout).toContain('- ❌ <code>b.yaml:3:18</code>: unclosed double quote');
    const text = await runCli(['plan', '--dir', dir], { env: GITHUB });
    expect([text.status, text.stdout]).toEqual([1, '']);
  }, 60_000);
});
