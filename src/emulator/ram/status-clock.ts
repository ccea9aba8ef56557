// RAM's asynchronous statuses (share PENDING → ACTIVE, DELETING → DELETED; association ASSOCIATING →
// ASSOCIATED, DISASSOCIATING → DISASSOCIATED). A mutation records when its transition completes; every
// read derives the status from `ctx.now`, so reads never write and a persisted state keeps ageing
// correctly between processes. With a zero delay the transition completes at once.
import type { CallContext } from '../core/types.js';
import type { Transition } from './records.js';

/** How long a transition takes (the emulator's `shareDelayMs` option); no delay when absent. */
export function shareDelayMs(ctx: CallContext): number {
  const delay = ctx.delays?.shareMs ?? 0;
  return Number.isFinite(delay) && delay > 0 ? delay : 0;
}

export function startTransition(ctx: CallContext, from: string, to: string): Transition {
  return { from, to, atMs: ctx.now.getTime() + shareDelayMs(ctx) };
}

export function statusAt(transition: Transition, now: Date): string {
  return now.getTime() >= transition.atMs ? transition.to : transition.from;
}

export function isSettled(transition: Transition, now: Date): boolean {
  return now.getTime() >= transition.atMs;
}

/** A completed transition counts as an update at the moment it completed. */
export function lastUpdatedAt(record: { lastUpdatedTime: number; _transition: Transition }, now: Date): number {
  const { _transition: transition } = record;
  return isSettled(transition, now) ? Math.max(record.lastUpdatedTime, transition.atMs / 1000) : record.lastUpdatedTime;
}
