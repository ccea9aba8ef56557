// A seeded pseudo-random source (mulberry32): the generated states and mutations are the same on every run,
// so figures from two runs compare like with like.

/** @returns {() => number} uniform in [0, 1) */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
