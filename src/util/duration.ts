// The one duration grammar of every flag that takes a time (`--interval`, `--max-plan-age`, …), written as Go and
// Prometheus write durations: `500ms`, `30s`, `1.5m`, `1h30m`, `2d`.
import { LicensectlError } from '../errors/index.js';

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const WHOLE = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;

/**
 * Milliseconds in `text`, rounded to a whole millisecond; throws BAD_DURATION naming `--flag` unless it is positive
 * (or zero, written `0` or with a unit, where `allowZero` says a zero means "do not wait").
 */
export function parseDuration(text: string, flag: string, allowZero = false): number {
  const trimmed = text.trim();
  if (allowZero && /^0+(?:\.0+)?(?:ms|s|m|h|d)?$/.test(trimmed)) return 0;
  if (!WHOLE.test(trimmed)) throw badDuration(text, flag, allowZero);
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(PART)) total += Number(amount) * UNIT_MS[unit!]!;
  const ms = Math.round(total);
  if (ms <= 0 || !Number.isSafeInteger(ms)) throw badDuration(text, flag, allowZero);
  return ms;
}

/** The shortest exact spelling: 60000 → `1m`, 1500 → `1500ms`, 86400000 → `1d`. */
export function formatDuration(ms: number): string {
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1_000]] as const) {
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}

function badDuration(text: string, flag: string, allowZero: boolean): LicensectlError {
  const what = allowZero ? 'a duration such as 0s, 30s, 5m, 24h or 2d' : 'a positive duration such as 30s, 5m, 24h or 2d';
  return new LicensectlError('BAD_DURATION', `--${flag} must be ${what}, got ${JSON.stringify(text)}`, {
    hint: 'write a number followed by a unit: ms, s, m, h or d (e.g. 1m30s)',
  });
}

/** Time taken, for progress lines: `0.4s`, `1.5s`, `20s`, `2m05s`, `1h02m`. */
export function formatElapsed(ms: number): string {
  if (ms < 10_000) return `${(Math.max(0, ms) / 1000).toFixed(1)}s`;
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}
