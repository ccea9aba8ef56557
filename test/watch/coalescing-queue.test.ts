import { describe, expect, it } from 'vitest';
import { CoalescingQueue } from '../../src/watch/coalescing-queue.js';

/** A run that stays open until released, recording the triggers of each run. */
function gatedRuns() {
  const runs: string[][] = [];
  const gates: (() => void)[] = [];
  const run = (triggers: readonly string[]) => {
    runs.push([...triggers]);
    return new Promise<void>((resolve) => gates.push(resolve));
  };
  const release = async () => {
    gates.shift()?.();
    await new Promise((r) => setImmediate(r));
  };
  return { runs, run, release };
}

describe('CoalescingQueue', () => {
  it('runs a request at once when idle', async () => {
    const { runs, run, release } = gatedRuns();
    const queue = new CoalescingQueue(run);
    queue.request('start');
    expect(runs).toEqual([['start']]);
    expect(queue.busy).toBe(true);
    await release();
    await queue.idle();
    expect(queue.busy).toBe(false);
  });

  it('folds every request made during a run into one more run that names all their triggers', async () => {
    const { runs, run, release } = gatedRuns();
    const queue = new CoalescingQueue(run);
    queue.request('start');
    for (const t of ['file', 'interval', 'file', 'webhook', 'file']) queue.request(t);
    expect(queue.pending).toEqual(['file', 'interval', 'webhook']);
    await release();
    expect(runs).toEqual([['start'], ['file', 'interval', 'webhook']]);
    await release();
    await queue.idle();
    expect(runs).toHaveLength(2);
  });

  it('never runs two at once', async () => {
    let active = 0;
    let most = 0;
    const queue = new CoalescingQueue(async () => {
      active += 1;
      most = Math.max(most, active);
      await new Promise((r) => setTimeout(r, 5));
      active -= 1;
    });
    for (let i = 0; i < 20; i += 1) {
      queue.request(i % 2 ? 'file' : 'interval');
      await new Promise((r) => setTimeout(r, 1));
    }
    await queue.idle();
    expect(most).toBe(1);
  });

  it('keeps going after a run throws', async () => {
    const seen: string[][] = [];
    const queue = new CoalescingQueue(async (triggers: readonly string[]) => {
      seen.push([...triggers]);
      if (seen.length === 1) throw new Error('boom');
    });
    queue.request('start');
    queue.request('file');
    await queue.idle();
    queue.request('interval');
    await queue.idle();
    expect(seen).toEqual([['start'], ['file'], ['interval']]);
  });

  it('stop drops what waits, waits for the run in flight, and ignores later requests', async () => {
    const { runs, run, release } = gatedRuns();
    const queue = new CoalescingQueue(run);
    queue.request('start');
    queue.request('file');
    const stopped = queue.stop();
    await release();
    await stopped;
    queue.request('interval');
    expect(runs).toEqual([['start']]);
    expect(queue.busy).toBe(false);
  });
});
