// A seeded pseudo-random source (mulberry32): the generated states and mutations are the same on every run,
// so figures from two runs compare like with like.

/** The emulator's seeded PRNG (mulberry32): uniform in [0, 1). */
export { seededRandom } from '../../dist/emulator/core/faults.js';

/** An integer in [min, max]. */
export function intIn(random, min, max) {
  return min + Math.floor(random() * (max - min + 1));
}

export function pick(random, items) {
  return items[Math.floor(random() * items.length)];
}

/** `count` distinct items, in the order drawn. */
export function sample(random, items, count) {
  return shuffle(random, items).slice(0, count);
}

/** A shuffled copy (Fisher–Yates). */
export function shuffle(random, items) {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** A 12-digit AWS account id (never one of the emulator's own). */
export function accountId(random) {
  return String(intIn(random, 100000000000, 999999999999));
}
