// The CI examples are documentation that must keep working: every licensectl command in them runs here,
// against the emulator instead of AWS, in a repository with a base branch on a remote.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleGit } from 'simple-git';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { CONFIG_YAML, PROJECT_YAML, removeDir, ROOT, runCli } from '../helpers/cli.js';
import { testRepo } from './repo-helpers.js';

function commandsIn(doc: unknown): string[] {
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') found.push(...value.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('npx licensectl ')));
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(doc);
  return found;
}

/** The command as a test can run it: emulator instead of AWS, the base branch named, no shell redirect. */
function argsOf(command: string): string[] {
  const text = command.replace(/^npx licensectl /, '').replace(/\s*>\s*\S+$/, '')
    .replace(/"origin\/\$(BASE_REF|CI_MERGE_REQUEST_TARGET_BRANCH_NAME)"/, 'origin/main');
  return text.split(/\s+/).map((arg) => (arg === 'aws' ? 'emulator' : arg));
}

describe.each(['github-actions.yml', 'gitlab-ci.yml'])('examples/ci/%s', (file) => {
  const dirs: string[] = [];
  afterAll(async () => { for (const d of dirs) await removeDir(d); });

  it('parses as YAML, and every licensectl command in it runs against the emulator', async () => {
    const commands = commandsIn(parse(await readFile(path.join(ROOT, 'examples/ci', file), 'utf8')));
    expect(commands.length).toBeGreaterThanOrEqual(4);
    const repo = await testRepo({ 'licensectl.yaml': PROJECT_YAML('ci'), 'a.yaml': CONFIG_YAML('a', 'countingType: Core') });
    const bare = await mkdtemp(path.join(tmpdir(), 'licensectl-ci-remote-'));
    dirs.push(repo.dir, bare);
    await repo.commit('base');
    await simpleGit(bare).init(true);
    await repo.git.addRemote('origin', bare).push('origin', 'main');
    await repo.git.fetch('origin');
    await repo.git.checkout(['-b', 'change']);
    await repo.write({ 'b.yaml': CONFIG_YAML('b', 'countingType: vCPU') });
    await repo.commit('add b');
    for (const command of commands) {
      const r = await runCli(argsOf(command), { cwd: repo.dir, env: { LICENSECTL_PLAN_KEY: 'ci-key' } });
      expect(r.status, `${command}\n${r.stdout}\n${r.stderr}`).toBe(0);
    }
  }, 90_000); // several CLI runs and a git repository: slow on a loaded 2-core machine
});
