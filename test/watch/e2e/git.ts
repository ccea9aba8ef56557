// `licensectl watch --repo` following a branch of a local bare repository: commits pushed are applied after
// the next fetch, an invalid commit changes nothing, and a signed webhook fetches at once.
import { ListLicenseConfigurationsCommand, type LicenseManagerClient } from '@aws-sdk/client-license-manager';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleGit } from 'simple-git';
import { afterAll, beforeAll, it, type TestContext } from 'vitest';
import { signatureOf } from '../../../src/watch/server.js';
import { PROJECT_YAML, removeDir } from '../../helpers/cli.js';
import { lmClient } from '../../helpers/emulator.js';
import { serveEmulator, type ServedEmulator } from '../../helpers/served.js';
import { config, fixtures } from './fixtures.js';
import { waitUntil } from './watcher-process.js';

const SECRET = 'e2e-webhook-secret';

export function gitTests(): void {
  let emulator: ServedEmulator;
  let client: LicenseManagerClient;
  let cacheDir: string;

  beforeAll(async () => {
    emulator = await serveEmulator();
    client = lmClient(emulator.url);
    cacheDir = await mkdtemp(path.join(tmpdir(), 'licensectl-cache-'));
  });
  afterAll(async () => {
    client.destroy();
    await emulator.stop();
    await removeDir(cacheDir);
  });

  async function watchRepo(ctx: TestContext, project: string, files: Record<string, string>, args: string[], env: Record<string, string> = {}) {
    const repo = await pushingRepo({ 'licensectl.yaml': PROJECT_YAML(project), ...files });
    ctx.onTestFinished(() => repo.remove());
    const watcher = await fixtures(ctx.onTestFinished).watching(['--repo', repo.bare, '--branch', 'main', '--cache-dir', cacheDir, '--endpoint', emulator.url, '--interval', '1h', ...args], env);
    const first = await watcher.waitForLine((l) => l.event === 'reconcile');
    return { repo, watcher, first };
  }

  it('shows no credential of a --repo URL in /status or in any log line, even when fetching fails', async (ctx) => {
    const { expect } = ctx;
    const token = 'ghp_e2eS3cretT0ken';
    const repo = await pushingRepo({ 'licensectl.yaml': PROJECT_YAML('git-secret'), 'win.yaml': config('win-secret', 10) });
    ctx.onTestFinished(() => repo.remove());
    // git takes credentials in a file:// URL as it does in https://, so the token travels the same way without a server.
    const url = `file://ci-bot:${token}@localhost${repo.bare}`;
    const watcher = await fixtures(ctx.onTestFinished).watching(['--repo', url, '--branch', 'main', '--cache-dir', cacheDir, '--endpoint', emulator.url, '--interval', '1h', '--git-interval', '1s']);
    expect(await watcher.waitForLine((l) => l.event === 'reconcile')).toMatchObject({ outcome: 'applied' });
    await repo.remove();
    await watcher.waitForLine((l) => l.event === 'fetch' && l.errorCode !== undefined, 5_000);
    const { body } = await watcher.json('/status');
    expect(body).toMatchObject({ source: { type: 'git', repo: `file://***@localhost${repo.bare}` }, git: { error: { code: 'GIT_FETCH_FAILED' } } });
    expect(JSON.stringify(body)).not.toContain(token);
    for (const line of watcher.lines) expect(JSON.stringify(line)).not.toContain(token);
    expect(watcher.stderr).not.toContain(token);
  });

  const liveCount = async (name: string) =>
    (await client.send(new ListLicenseConfigurationsCommand({}))).LicenseConfigurations?.find((c) => c.Name === name)?.LicenseCount;

  it('applies the branch at start, then each pushed commit after the next fetch', async (ctx) => {
    const { expect } = ctx;
    const { repo, watcher, first } = await watchRepo(ctx, 'git-push', { 'win.yaml': config('win-git', 10) }, ['--git-interval', '1s']);
    expect(first).toMatchObject({ outcome: 'applied', triggers: ['start'] });
    const sha = await repo.push({ 'win.yaml': config('win-git', 30) }, 'raise the count');
    const pass = await watcher.waitForLine((l) => l.event === 'reconcile' && l.revision === sha, 5_000);
    expect(pass).toMatchObject({
      outcome: 'applied', triggers: ['git'], changes: [{ address: 'LicenseConfiguration/win-git', action: 'update', cause: 'desired', document: 'changed', fields: ['licenseCount'] }],
    });
    expect(await liveCount('win-git')).toBe(30);
    expect((await watcher.json('/status')).body).toMatchObject({ revision: sha, source: { type: 'git', branch: 'main' }, git: { sha, error: null } });
  });

  it('leaves everything in place after a commit with invalid YAML, with the error in /status', async (ctx) => {
    const { expect } = ctx;
    const { repo, watcher, first } = await watchRepo(ctx, 'git-invalid', { 'win.yaml': config('win-bad', 10), 'other.yaml': config('other-bad', 5) }, ['--git-interval', '1s']);
    const good = first.revision;
    const bad = await repo.push({ 'other.yaml': 'apiVersion: licensectl/v1\nkind: LicenseConfiguration\nmetadata: {name: other-bad\n' }, 'break it');
    const pass = await watcher.waitForLine((l) => l.event === 'reconcile' && l.desiredRevision === bad, 5_000);
    expect(pass).toMatchObject({ outcome: 'invalid-config', errorCode: 'INVALID_CONFIG', revision: good, counts: { delete: 0, noop: 2 } });
    const { body } = await watcher.json('/status');
    expect(body).toMatchObject({ revision: good, desired: { revision: bad, valid: false }, lastError: { code: 'INVALID_CONFIG' } });
    expect((body.lastError as { diagnostics: { file: string }[] }).diagnostics[0]!.file).toMatch(/other\.yaml$/);
    expect([await liveCount('win-bad'), await liveCount('other-bad')]).toEqual([10, 5]);
  });

  it('answers a webhook with a wrong signature 401, and fetches at once on a valid one', async (ctx) => {
    const { expect } = ctx;
    const { repo, watcher } = await watchRepo(ctx, 'git-hook', { 'win.yaml': config('win-hook', 10) }, ['--git-interval', '1h'], { LICENSECTL_WEBHOOK_SECRET: SECRET });
    const sha = await repo.push({ 'win.yaml': config('win-hook', 40) }, 'via webhook');
    const body = JSON.stringify({ ref: 'refs/heads/main', after: sha });
    const deliver = (signature: string) => fetch(`${watcher.url}/webhook`, {
      method: 'POST', body, headers: { 'content-type': 'application/json', 'x-github-event': 'push', 'x-hub-signature-256': signature },
    });
    expect((await deliver(signatureOf('not-the-secret', Buffer.from(body)))).status).toBe(401);
    // The refusal is the whole answer: nothing was fetched or reconciled before it was sent.
    expect((await watcher.json('/status')).body).toMatchObject({ reconciles: 1, git: null });
    expect(await liveCount('win-hook')).toBe(10);
    const accepted = await deliver(signatureOf(SECRET, Buffer.from(body)));
    expect(accepted.status).toBe(202);
    expect(await accepted.json()).toEqual({ accepted: true, reason: 'fetching' });
    const pass = await watcher.waitForLine((l) => l.event === 'reconcile' && l.revision === sha, 5_000);
    expect(pass).toMatchObject({ outcome: 'applied', triggers: ['webhook'] });
    await waitUntil(async () => (await liveCount('win-hook')) === 40, 5_000, 'the pushed count');
  });
}

/** A throwaway bare repository and a working clone that pushes to it, as a team's git server would be. */
interface PushingRepo {
  /** The bare repository: what `watch --repo` follows. */
  readonly bare: string;
  /** Writes the files, commits and pushes to main; resolves with the new commit's SHA. */
  push(files: Record<string, string>, message: string): Promise<string>;
  remove(): Promise<void>;
}

async function pushingRepo(files: Record<string, string>): Promise<PushingRepo> {
  const root = await mkdtemp(path.join(tmpdir(), 'licensectl-git-'));
  const bare = path.join(root, 'origin.git');
  const work = path.join(root, 'work');
  await simpleGit().init(true, [bare, '--initial-branch=main']);
  await simpleGit().clone(bare, work);
  const git = simpleGit(work).addConfig('user.name', 'Test').addConfig('user.email', 'test@example.com');
  await git.checkout(['-B', 'main']);
  const push = async (changed: Record<string, string>, message: string) => {
    await Promise.all(Object.entries(changed).map(([name, content]) => writeFile(path.join(work, name), content)));
    await git.add('.');
    await git.commit(message);
    await git.push('origin', 'main');
    return (await git.revparse(['HEAD'])).trim();
  };
  await push(files, 'initial');
  return { bare, push, remove: () => removeDir(root) };
}
