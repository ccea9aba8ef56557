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

/** The Node.js major versions the file's jobs run on: setup-node's `node-version`, GitLab's `node:NN` image. */
function nodeMajorsIn(doc: unknown): number[] {
  const found: number[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'node-version') found.push(Number(inner));
        else if (key === 'image' && typeof inner === 'string' && inner.startsWith('node:')) found.push(Number(/^node:(\d+)/.exec(inner)?.[1]));
        else walk(inner);
      }
    }
  };
  walk(doc);
  return found;
}

/**
 * Each job that runs `npx licensectl`, with its commands in order (GitLab's `extends` and `before_script`
 * resolved): where licensectl comes from is `npm ci` of the repository's own package.json and lockfile.
 */
function jobsOf(doc: Record<string, unknown>): Map<string, string[]> {
  type Job = { steps?: { run?: string }[]; extends?: string; before_script?: string[]; script?: string[] };
  const jobs = new Map<string, string[]>();
  const githubJobs = (doc.jobs ?? {}) as Record<string, Job>;
  for (const [name, job] of Object.entries(githubJobs)) jobs.set(name, (job.steps ?? []).flatMap((step) => (step.run ? [step.run] : [])));
  for (const [name, job] of Object.entries(doc as Record<string, Job>)) {
    if (name === 'jobs' || name.startsWith('.') || !Array.isArray(job?.script)) continue;
    const template = job.extends ? (doc[job.extends] as Job | undefined) : undefined;
    jobs.set(name, [...(job.before_script ?? template?.before_script ?? []), ...job.script]);
  }
  return new Map([...jobs].filter(([, commands]) => commands.some((c) => c.includes('npx licensectl '))));
}

describe.each(['github-actions.yml', 'gitlab-ci.yml'])('examples/ci/%s', (file) => {
  const example = async () => parse(await readFile(path.join(ROOT, 'examples/ci', file), 'utf8')) as Record<string, unknown>;

  it('runs its jobs on Node 22 or 24, the LTS versions licensectl is tested on besides the 20.12 floor', async () => {
    const majors = nodeMajorsIn(await example());
    expect(majors.length).toBeGreaterThan(0);
    for (const major of majors) expect([22, 24]).toContain(major);
  });

  it('installs licensectl with `npm ci` (a devDependency of the repository) before any job runs it', async () => {
    const jobs = jobsOf(await example());
    expect(jobs.size).toBeGreaterThanOrEqual(2);
    for (const [name, commands] of jobs) {
      const install = commands.findIndex((c) => /^npm ci\b/.test(c));
      expect(install, `${name} runs npm ci`).toBeGreaterThanOrEqual(0);
      expect(install, `${name} runs npm ci first`).toBeLessThan(commands.findIndex((c) => c.includes('npx licensectl ')));
    }
  });

  it('posts the pull-request comment also when the plan fails (an invalid state), and only what licensectl wrote', async () => {
    const doc = await example();
    type Step = { run?: string; if?: string; uses?: string; with?: { script?: string } };
    if (file === 'github-actions.yml') {
      const steps = ((doc.jobs as Record<string, { steps: Step[] }>).plan!.steps);
      expect(steps.some((s) => s.run?.includes('licensectl validate')), 'no validate step stops the job before the comment').toBe(false);
      const post = steps.find((s) => s.uses?.startsWith('actions/github-script'))!;
      expect(post.if).toMatch(/!cancelled\(\)|always\(\)/);
      expect(post.with?.script).toContain("startsWith('<!-- licensectl-plan: ')");
    } else {
      const plan = doc.plan as { after_script?: string[]; script: string[]; artifacts: { when?: string } };
      expect((doc.validate as { rules: { if: string }[] }).rules.some((r) => r.if.includes('merge_request_event'))).toBe(false);
      expect(plan.script.join('\n')).not.toContain('curl');
      expect(plan.after_script?.join('\n')).toContain('<!-- licensectl-plan: ');
      expect(plan.artifacts.when).toBe('always');
    }
  });

  const dirs: string[] = [];
  afterAll(async () => { for (const d of dirs) await removeDir(d); });

  it('parses as YAML, and every licensectl command in it runs against the emulator', async () => {
    const commands = commandsIn(await example());
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
