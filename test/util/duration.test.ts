import { describe, expect, it } from 'vitest';
import { LicensectlError } from '../../src/errors/index.js';
import { formatDuration, parseDuration } from '../../src/util/duration.js';

function errorOf(fn: () => unknown): LicensectlError {
  try {
    fn();
  } catch (error) {
    return error as LicensectlError;
  }
  throw new Error('expected a LicensectlError');
}

describe('the one duration grammar', () => {
  it.each([
    ['60s', 60_000], ['5m', 300_000], ['1s', 1_000], ['250ms', 250], ['1h', 3_600_000], ['1m30s', 90_000], ['1.5s', 1_500],
    [' 2m ', 120_000], ['90m', 5_400_000], ['24h', 86_400_000], ['2d', 172_800_000], ['1h30m', 5_400_000], ['1.5h', 5_400_000], ['0.5d', 43_200_000],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration(text, 'interval')).toBe(ms);
  });

  it.each(['60', '', 's', '0s', '-1s', '1 s', '1sx', 'abc', '24 h', '1w', '24H', '1h 30m', '0.0001ms', '99999999999999999d'])(
    'refuses %j with BAD_DURATION, naming the flag',
    (text) => {
      const error = errorOf(() => parseDuration(text, 'max-plan-age'));
      expect([error.code, error.message, error.hint]).toEqual([
        'BAD_DURATION',
        `--max-plan-age must be a positive duration such as 30s, 5m, 24h or 2d, got ${JSON.stringify(text)}`,
        'write a number followed by a unit: ms, s, m, h or d (e.g. 1m30s)',
      ]);
    },
  );

  it('where zero is allowed (--prune-grace, --lock-timeout), the message does not ask for a positive duration', () => {
    expect(errorOf(() => parseDuration('60', 'prune-grace', true)).message).toBe('--prune-grace must be a duration such as 0s, 30s, 5m, 24h or 2d, got "60"');
  });

  it('formats back to the shortest exact spelling', () => {
    expect([60_000, 1_000, 1_500, 3_600_000, 90_000, 86_400_000].map(formatDuration)).toEqual(['1m', '1s', '1500ms', '1h', '90s', '1d']);
  });
});
