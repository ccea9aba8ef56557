// Repetition and summary statistics shared by every measurement.

export function median(values) {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `fn` `times` times one after the other; resolves with every result in order. */
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
