// The whole watcher in this process (embedded emulator, no git): triggers, coalescing, status and the
// log line of each pass, quickly and without a build.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_YAML, PROJECT_YAML, projectDir, removeDir } from '../helpers/cli.js';
import type { GitOps } from '../../src/watch/git-tracker.js';
import { createLogger } from '../../src/watch/log.js';
import { startWatcher, type RunningWatcher } from '../../src/watch/watcher.js';
import type { WatchOptions } from '../../src/watch/watch-options.js';
import type { LogLine } from './watcher-process.js';
import { waitUntil } from './watcher-process.js';

const config = (name: string, count: number) => CONFIG_YAML(name, `countingType: Core\nlicenseCount: ${count}`);
const NO_GIT: GitOps & { sourceRevision(dir: string): Promise<{ revision: string | null; dirty: boolean | null }> } = {
  ensureClone: () => Promise.reject(new Error('no git in this test')),
  fetchBranch: () => Promise.reject(new Error('no git in this test')),
  gitSource: () => { throw new Error('no git in this test'); },
  sourceRevision: async () => ({ revision: 'rev-1', dirty: false }),
};

function memoryLogger() {
  const lines: LogLine[] = [];
  const stream = new Writable({ write(chunk: Buffer, _enc, done) { lines.push(JSON.parse(chunk.toString()) as LogLine); done(); } });
  return { lines, logger: createLogger(stream) };
}

describe('the watcher in-process', () => {
  let watcher: RunningWatcher | undefined;
  let dir: string | undefined;
  beforeAll(() => { process.env.LICENSECTL_MAX_ATTEMPTS = '1'; });
  afterEach(async () => {
    await watcher?.stop();
    if (dir) await removeDir(dir);
    watcher = dir = undefined;
  });

  async function start(files: Record<string, string>, overrides: Partial<WatchOptions> = {}) {
    dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('inproc'), ...files });
    const { lines, logger } = memoryLogger();
    const options: WatchOptions = {
      source: { type: 'directory', dir }, intervalMs: 3_600_000, mode: 'correct', listen: { host: '127.0.0.1', port: 0 }, storeFlags: { concurrency: 4 }, ...overrides,
    };
    watcher = await startWatcher(options, { git: NO_GIT, logger });
    const reconciles = () => lines.filter((l) => l.event === 'reconcile');
    return { lines, reconciles, url: watcher.url, write: (file: string, content: string) => writeFile(path.join(dir!, file), content) };
  }

  it('reconciles at start and logs one line with the revision, counts and duration', async () => {
    const { reconciles, lines } = await start({ 'a.yaml': config('a', 1) });
    await waitUntil(async () => reconciles()[0], 5_000, 'the first pass');
    expect(lines[0]).toMatchObject({ event: 'start', mode: 'correct', source: { type: 'directory' } });
    expect(reconciles()[0]).toMatchObject({
      msg: 'reconcile drift-corrected', triggers: ['start'], revision: 'rev-1', outcome: 'drift-corrected',
      counts: { create: 1, update: 0, replace: 0, delete: 0, noop: 0 }, drift: 1, changes: ['create LicenseConfiguration/a'],
      applied: { applied: 1, failed: 0, skipped: 0 }, managed: 1, errorCode: null,
    });
    expect(reconciles()[0]!.durationMs).toEqual(expect.any(Number));
  });

  it('turns a burst of saves into one pass triggered by the files', async () => {
    const { reconciles, write } = await start({ 'a.yaml': config('a', 1) });
    await waitUntil(async () => reconciles()[0], 5_000, 'the first pass');
    for (let i = 2; i <= 6; i += 1) await write('a.yaml', config('a', i));
    await write('.a.yaml.swp', 'junk');
    await waitUntil(async () => reconciles()[1], 5_000, 'the pass after the saves');
    await new Promise((r) => setTimeout(r, 600));
    expect(reconciles()).toHaveLength(2);
    expect(reconciles()[1]).toMatchObject({ triggers: ['file'], outcome: 'drift-corrected', changes: ['update LicenseConfiguration/a'] });
  });

  it('schedules the next pass one interval (±10 %) after a success, and shows it in /status', async () => {
    const { reconciles, url } = await start({ 'a.yaml': config('a', 1) }, { intervalMs: 60_000 });
    await waitUntil(async () => reconciles()[0], 5_000, 'the first pass');
    const status = await (await fetch(`${url}/status`)).json() as { nextRunAt: string; lastResult: { startedAt: string } };
    const delay = Date.parse(status.nextRunAt) - Date.parse(status.lastResult.startedAt);
    expect(delay).toBeGreaterThanOrEqual(54_000);
    expect(delay).toBeLessThanOrEqual(66_000 + 2_000);
  });

  it('retries a failing store after the backoff delay, not at the (shorter) interval', async () => {
    const { reconciles, url } = await start({ 'a.yaml': config('a', 1) }, { intervalMs: 200, storeFlags: { concurrency: 1, endpoint: 'http://127.0.0.1:9' } });
    await waitUntil(async () => reconciles()[1], 5_000, 'two passes');
    const [first, second] = reconciles();
    expect([first!.outcome, second!.outcome]).toEqual(['store-error', 'store-error']);
    expect(second!.triggers).toEqual(['retry']);
    expect(Date.parse(second!.time as string) - Date.parse(first!.time as string)).toBeGreaterThanOrEqual(750);
    const status = await (await fetch(`${url}/status`)).json() as { nextRunAt: string; lastError: { code: string } };
    expect(status.lastError.code).toBe('ECONNREFUSED');
    // The second failure doubles the delay: about 2 s, far beyond the 200 ms interval.
    expect(Date.parse(status.nextRunAt) - Date.parse(second!.time as string)).toBeGreaterThanOrEqual(1_500);
    expect((await fetch(`${url}/readyz`)).status).toBe(503);
  });
});
