// Durations on the command line, written as Go and Prometheus write them: `60s`, `5m`, `1h30m`, `500ms`.
import { LicensectlError } from '../errors/index.js';

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };
const WHOLE = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;

/** Milliseconds in `text`; throws BAD_DURATION naming `flag` when it is not a positive duration with units. */
export function parseDuration(text: string, flag = 'duration'): number {
  const trimmed = text.trim();
  if (!WHOLE.test(trimmed)) throw badDuration(text, flag);
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(PART)) total += Number(amount) * UNIT_MS[unit!]!;
  const ms = Math.round(total);
  if (ms <= 0) throw badDuration(text, flag);
  return ms;
}

/** The shortest exact spelling: 60000 → `1m`, 1500 → `1500ms`. */
export function formatDuration(ms: number): string {
  for (const [unit, size] of [['h', 3_600_000], ['m', 60_000], ['s', 1_000]] as const) {
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}

function badDuration(text: string, flag: string): LicensectlError {
  return new LicensectlError('BAD_DURATION', `--${flag} must be a positive duration such as 30s, 5m or 1h, got ${JSON.stringify(text)}`, {
    hint: 'write a number followed by a unit: ms, s, m or h (e.g. 1m30s)',
  });
}
