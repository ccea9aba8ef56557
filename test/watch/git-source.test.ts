// The branch follower on fake timers: a fake git whose branch the test moves.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GitPoller, GitTracker, type FetchReport, type FetchTrigger, type GitOps } from '../../src/watch/git-source.js';
import { T0 } from './builders.js';

function fakeGit() {
  const remote = { sha: 'c1', fail: false };
  let fetches = 0;
  const git: GitOps = {
    ensureClone: async (url, cacheDir) => `${cacheDir}/clone-of-${url}`,
    fetchBranch: async () => {
      fetches += 1;
      if (remote.fail) throw new Error('could not resolve host');
      return remote.sha;
    },
    gitSource: () => { throw new Error('not read in this test'); },
  };
  return { git, remote, fetches: () => fetches };
}

describe('following a branch', () => {
  beforeEach(() => { vi.useFakeTimers({ now: T0 }); });
  afterEach(() => { vi.useRealTimers(); });

  async function poller() {
    const { git, remote, fetches } = fakeGit();
    const tracker = await GitTracker.open('/srv/licenses.git', 'main', '/cache', git);
    const moves: (readonly FetchTrigger[])[] = [];
    const reports: FetchReport[] = [];
    const gitPoller = new GitPoller(tracker, { intervalMs: 30_000, onMoved: (t) => moves.push(t), onFetched: (r) => reports.push(r), clock: () => Date.now() });
    return { tracker, gitPoller, remote, fetches, moves, reports };
  }

  it('clones and fetches once on open', async () => {
    const { tracker, fetches } = await poller();
    expect([tracker.clonePath, tracker.sha, fetches()]).toEqual(['/cache/clone-of-/srv/licenses.git', 'c1', 1]);
    expect(tracker.desired('/work').description).toEqual({ type: 'git', repo: '/srv/licenses.git', branch: 'main', clone: '/cache/clone-of-/srv/licenses.git' });
  });

  it('describes a repository without the credentials in its URL', async () => {
    const { git } = fakeGit();
    const tracker = await GitTracker.open('https://x-access-token:ghs_T0KEN@github.com/acme/licenses.git', 'main', '/cache', git);
    expect(tracker.desired('/work').description).toMatchObject({ repo: 'https://***@github.com/acme/licenses.git' });
  });

  it('fetches every interval and asks for a pass only when the branch moved', async () => {
    const { gitPoller, remote, moves, reports } = await poller();
    gitPoller.start();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(moves).toEqual([]);
    remote.sha = 'c2';
    await vi.advanceTimersByTimeAsync(30_000);
    expect(moves).toEqual([['git']]);
    expect(reports.map((r) => [r.at - T0, r.sha, r.moved])).toEqual([[30_000, 'c1', false], [60_000, 'c2', true]]);
    await gitPoller.stop();
  });

  it('fetches at once on a webhook, naming it as the trigger', async () => {
    const { gitPoller, remote, moves } = await poller();
    remote.sha = 'c2';
    gitPoller.fetchNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(moves).toEqual([['webhook']]);
    await gitPoller.stop();
  });

  it('reports a failed fetch and keeps the last fetched commit', async () => {
    const { gitPoller, tracker, remote, reports, moves } = await poller();
    remote.fail = true;
    gitPoller.fetchNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(reports).toMatchObject([{ sha: 'c1', moved: false, error: { message: 'could not resolve host' } }]);
    expect([tracker.sha, moves]).toEqual(['c1', []]);
    await gitPoller.stop();
  });

  it('fetches nothing after stop', async () => {
    const { gitPoller, fetches } = await poller();
    gitPoller.start();
    await gitPoller.stop();
    gitPoller.fetchNow();
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(fetches()).toBe(1);
  });
});
