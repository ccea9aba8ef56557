// Repetition and summary statistics shared by every measurement.

export function median(values) {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `fn` `times` times one after the other; resolves with every result in order. */
/**
 * Runs inside the bench process (the in-process plans, the baseline) are measured warm: the first few in a
 * process are slower while V8 optimises the code (250, 175, 160… ms for a plan, levelling out from about the
 * fifth), so five are run untimed first; the median of nine then, as one run in ten pays for an old-generation
 * collection or a stalled page.
 */
export const WARM_UP_RUNS = 5;
export const WARM_RUNS = 9;

export async function repeat(times, fn) {
  const results = [];
  for (let i = 0; i < times; i += 1) results.push(await fn(i));
  return results;
}

/** The run whose `key` is the median (the lower middle for an even count): its other figures stay consistent with it. */
export function medianRun(runs, key) {
  const sorted = [...runs].sort((a, b) => key(a) - key(b));
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

export const round = (value, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
