import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Trigger } from '../../src/watch/outcome.js';
import { Backoff, backoffCeiling, CoalescingQueue, DEFAULT_BACKOFF, intervalDelay, PassTimer, withJitter } from '../../src/watch/schedule.js';
import { T0 } from './builders.js';

describe('backoff after store errors', () => {
  it('doubles from 1 s and stays at 5 min', () => {
    const ceilings = Array.from({ length: 12 }, (_, i) => backoffCeiling(i + 1));
    expect(ceilings).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000, 300_000, 300_000]);
    expect(backoffCeiling(10_000)).toBe(300_000);
  });

  it('follows the schedule without jitter, and starts again after a success', () => {
    const backoff = new Backoff(DEFAULT_BACKOFF, () => 0);
    expect([backoff.fail(), backoff.fail(), backoff.fail()]).toEqual([1_000, 2_000, 4_000]);
    expect(backoff.failures).toBe(3);
    backoff.succeed();
    expect(backoff.failures).toBe(0);
    expect(backoff.fail()).toBe(1_000);
  });

  it('jitter only shortens a delay, by at most 20 %, so it never passes the cap', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (failures, r) => {
      const backoff = new Backoff(DEFAULT_BACKOFF, () => r);
      let delay = 0;
      for (let i = 0; i < failures; i += 1) delay = backoff.fail();
      const ceiling = backoffCeiling(failures);
      return delay <= ceiling && delay >= Math.floor(ceiling * 0.8) && delay <= 300_000;
    }));
  });
});

describe('interval jitter', () => {
  it('spreads a 60 s interval over 54 s to 66 s', () => {
    expect(intervalDelay(60_000, () => 0)).toBe(54_000);
    expect(intervalDelay(60_000, () => 0.5)).toBe(60_000);
    expect(intervalDelay(60_000, () => 0.999_999)).toBe(66_000);
  });

  it('stays within ±fraction for any random value', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 3_600_000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (ms, r) => {
      const d = withJitter(ms, 0.1, () => r);
      return d >= Math.floor(ms * 0.9) && d <= Math.ceil(ms * 1.1);
    }));
  });

  it('varies with Math.random by default', () => {
    const delays = new Set(Array.from({ length: 50 }, () => intervalDelay(60_000)));
    expect(delays.size).toBeGreaterThan(10);
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(54_000);
    for (const d of delays) expect(d).toBeLessThanOrEqual(66_000);
  });
});

describe('PassTimer', () => {
  beforeEach(() => { vi.useFakeTimers({ now: T0 }); });
  afterEach(() => { vi.useRealTimers(); });

  function timer() {
    const fired: Trigger[] = [];
    const scheduled: (number | null)[] = [];
    const passTimer = new PassTimer((t) => fired.push(t), (at) => scheduled.push(at), () => Date.now());
    return { passTimer, fired, scheduled };
  }

  it('fires once the delay has passed, announcing when it is due and then that nothing is', () => {
    const { passTimer, fired, scheduled } = timer();
    passTimer.schedule(60_000, 'interval');
    expect(scheduled).toEqual([T0 + 60_000]);
    vi.advanceTimersByTime(59_999);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual(['interval']);
    expect(scheduled).toEqual([T0 + 60_000, null]);
  });

  it('keeps only the latest schedule', () => {
    const { passTimer, fired, scheduled } = timer();
    passTimer.schedule(1_000, 'retry');
    vi.advanceTimersByTime(500);
    passTimer.schedule(5_000, 'interval');
    expect(scheduled).toEqual([T0 + 1_000, T0 + 5_500]);
    vi.advanceTimersByTime(10_000);
    expect(fired).toEqual(['interval']);
  });

  it('fires nothing after stop, and ignores later schedules', () => {
    const { passTimer, fired, scheduled } = timer();
    passTimer.schedule(1_000, 'retry');
    passTimer.stop();
    passTimer.schedule(1_000, 'interval');
    vi.advanceTimersByTime(10_000);
    expect(fired).toEqual([]);
    expect(scheduled).toEqual([T0 + 1_000, null]);
  });
});

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
    vi.useFakeTimers();
    try {
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
        await vi.advanceTimersByTimeAsync(1);
      }
      await vi.runAllTimersAsync();
      await queue.idle();
      expect(most).toBe(1);
    } finally {
      vi.useRealTimers();
    }
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
