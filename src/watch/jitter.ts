// Randomised delays, so that many watchers started together do not call the store in lockstep.
export type Random = () => number;

/** `ms` spread evenly over ±`fraction` of itself: 60 s at 0.1 lies in [54 s, 66 s]. */
export function withJitter(ms: number, fraction: number, random: Random = Math.random): number {
  return Math.round(ms * (1 - fraction + 2 * fraction * random()));
}
