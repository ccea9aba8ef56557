// The outcome of applying a plan, change by change. Produced by apply/, read by render/.
import type { Address, Target } from '../model/index.js';
import type { Action } from './types.js';

/** applied: done; failed: the store refused or errored; skipped: a change it depends on failed or apply stopped. */
export type ChangeOutcome = 'applied' | 'failed' | 'skipped';

export interface ChangeResult {
  readonly address: Address;
  readonly action: Exclude<Action, 'no-op'>;
  readonly outcome: ChangeOutcome;
  /** The ARN after the change (the new one for creates and replaces; the old one for deletes). */
  readonly arn: string | null;
  readonly error?: { readonly code: string; readonly message: string };
  /** For skipped changes: the failed change that caused the skip. */
  readonly blockedBy?: Address;
}

export interface ApplyResult {
  readonly project: string;
  readonly target: Target;
  /** Sorted by address; no-ops are not listed. */
  readonly results: readonly ChangeResult[];
  readonly summary: { readonly applied: number; readonly failed: number; readonly skipped: number };
}
