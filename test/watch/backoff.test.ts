import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Backoff, backoffCeiling, DEFAULT_BACKOFF } from '../../src/watch/backoff.js';
import { withJitter } from '../../src/watch/jitter.js';
import { intervalDelay } from '../../src/watch/pass-timer.js';

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
