// Fresh resource ids. Unseeded: cryptographically random. Seeded: derived from (seed, state revision, n), so
// a scenario replays to the same ids, and two emulators sharing one state file never repeat an id (each
// mutation runs at a new revision).
import { createHash, randomBytes, randomUUID } from 'node:crypto';

export interface IdSource {
  hex32(): string;
  uuid(): string;
}

export function idSource(seed: number | undefined, revision: number): IdSource {
  if (seed === undefined) return { hex32: () => randomBytes(16).toString('hex'), uuid: () => randomUUID() };
  let n = 0;
  const next = () => createHash('sha256').update(`${seed}:${revision}:${n++}`).digest('hex');
  return { hex32: () => next().slice(0, 32), uuid: () => uuidFromHex(next()) };
}

function uuidFromHex(hex: string): string {
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A small seeded PRNG (mulberry32) for reproducible fault injection. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
