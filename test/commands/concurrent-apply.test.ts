import { mkdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONFIG_YAML, PROJECT_YAML, projectDir, removeDir, runCli, spawnCli, statePathOf } from '../helpers/cli.js';

function finished(child: ReturnType<typeof spawnCli>): Promise<number> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

describe('two applies of different projects at once on one state file', () => {
  let dirA: string;
  let dirB: string;
  beforeEach(async () => {
    const configs = (prefix: string) => Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`${prefix}${i}.yaml`, CONFIG_YAML(`${prefix}${i}`, `countingType: vCPU\nlicenseCount: ${i + 1}`)]));
    dirA = await projectDir({ 'licensectl.yaml': PROJECT_YAML('project-a'), ...configs('a') });
    dirB = await projectDir({ 'licensectl.yaml': PROJECT_YAML('project-b'), ...configs('b') });
  });
  afterEach(async () => { await removeDir(dirA); await removeDir(dirB); });

  it('both finish, and the state file holds every resource of both as valid JSON', async () => {
    const state = statePathOf(dirA);
    const a = spawnCli(['apply', '--dir', dirA, '--auto-approve', '--state', state]);
    const b = spawnCli(['apply', '--dir', dirB, '--auto-approve', '--state', state]);
    expect(await Promise.all([finished(a), finished(b)])).toEqual([0, 0]);
    const parsed = JSON.parse(await readFile(state, 'utf8')) as { licenseManager: { licenseConfigurations: Record<string, unknown> } };
    expect(Object.keys(parsed.licenseManager.licenseConfigurations)).toHaveLength(30);
    for (const dir of [dirA, dirB]) {
      const r = await runCli(['plan', '--dir', dir, '--state', state, '--detailed-exitcode']);
      expect(r.stdout).toMatch(/^No changes\./m);
      expect(r.status).toBe(0);
    }
  });
});

describe('two applies of one project at once', () => {
  let dir: string;
  beforeEach(async () => {
    const configs = Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`c${i}.yaml`, CONFIG_YAML(`c${i}`, `countingType: vCPU\nlicenseCount: ${i + 1}`)]));
    dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('same'), ...configs });
  });
  afterEach(async () => { await removeDir(dir); });

  it('with --lock-timeout the second waits for the first, reading nothing until then', async () => {
    const state = statePathOf(dir);
    await mkdir(path.dirname(state), { recursive: true });
    const release = await lockfile.lock(`${state}.apply-same`, { realpath: false, stale: 10_000 });
    const waiting = spawnCli(['apply', '--dir', dir, '--auto-approve', '--lock-timeout', '2m']);
    const exited = finished(waiting);
    try {
      // Long enough for the second apply to start and reach the lock; it must neither finish nor touch the state.
      const early = await Promise.race([exited, new Promise<'waiting'>((resolve) => setTimeout(() => resolve('waiting'), 3_000))]);
      expect(early).toBe('waiting');
      expect(await readFile(state, 'utf8').catch(() => null)).toBeNull();
    } finally {
      await release();
    }
    expect(await exited).toBe(0);
    const parsed = JSON.parse(await readFile(state, 'utf8')) as { licenseManager: { licenseConfigurations: Record<string, unknown> } };
    expect(Object.keys(parsed.licenseManager.licenseConfigurations)).toHaveLength(15);
  });

  it('without --lock-timeout the second refuses, naming the holder and since when', async () => {
    const state = statePathOf(dir);
    await mkdir(path.dirname(state), { recursive: true });
    const release = await lockfile.lock(`${state}.apply-same`, { realpath: false, stale: 10_000 });
    await writeFile(`${state}.apply-same.json`, JSON.stringify({ pid: 4242, host: 'ci-runner', command: 'licensectl apply', since: '2026-12-06T07:00:00.000Z' }));
    try {
      const r = await runCli(['apply', '--dir', dir, '--auto-approve']);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`Error [APPLY_LOCKED]: another apply of same holds the lock of ${state}: licensectl apply (pid 4242 on ci-runner) since 2026-12-06T07:00:00.000Z`);
      expect(await readFile(state, 'utf8').catch(() => null)).toBeNull();
    } finally {
      await release();
    }
    expect((await runCli(['apply', '--dir', dir, '--auto-approve'])).status).toBe(0);
  });

  it('a --lock-timeout that is not a duration is refused before anything is read or written', async () => {
    const r = await runCli(['apply', '--dir', dir, '--auto-approve', '--lock-timeout', 'soon']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Error [BAD_DURATION]: --lock-timeout must be a duration such as 0s, 30s, 5m, 24h or 2d, got "soon"');
    expect(await readFile(statePathOf(dir), 'utf8').catch(() => null)).toBeNull();
  });

  it('takes over the lock of an apply that died', async () => {
    const state = statePathOf(dir);
    await mkdir(`${state}.apply-same.lock`, { recursive: true });
    const longAgo = new Date(Date.now() - 60_000);
    await utimes(`${state}.apply-same.lock`, longAgo, longAgo);
    const r = await runCli(['apply', '--dir', dir, '--auto-approve']);
    expect(r.status, r.stderr).toBe(0);
    await expect(stat(`${state}.apply-same.lock`)).rejects.toThrow();
  });
});
