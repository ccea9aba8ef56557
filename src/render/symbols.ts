// The one table of action symbols, words and colours; every renderer reads it.
import type { ChangeOutcome } from '../plan/apply-result.js';
import type { Action, FieldDiff } from '../plan/types.js';
import type { Style } from './ansi.js';

export interface ActionLook {
  /** Terraform's symbols. */
  readonly symbol: string;
  readonly style: Style;
  /** Completes "<address> …" in a plan. */
  readonly future: string;
  /** Completes "<address>: …" after apply. */
  readonly past: string;
  /** The verb, for "create failed". */
  readonly verb: string;
  /** Explains the symbol in the legend. */
  readonly legend: string;
}

export function actionLook(action: Action): ActionLook {
  switch (action) {
    case 'no-op':
      return { symbol: ' ', style: 'dim', future: 'is unchanged', past: 'unchanged', verb: 'keep', legend: 'no change' };
    case 'create':
      return { symbol: '+', style: 'green', future: 'will be created', past: 'created', verb: 'create', legend: 'create' };
    case 'update':
      return { symbol: '~', style: 'yellow', future: 'will be updated in place', past: 'updated', verb: 'update', legend: 'update in place' };
    case 'replace':
      return { symbol: '-/+', style: 'magenta', future: 'must be replaced', past: 'replaced', verb: 'replace', legend: 'replace (delete, then create)' };
    case 'delete':
      return { symbol: '-', style: 'red', future: 'will be deleted', past: 'deleted', verb: 'delete', legend: 'delete' };
  }
}

/** One field: added (`+`), removed (`-`) or changed (`~`). */
export function fieldLook(diff: Pick<FieldDiff, 'before' | 'after'>): { symbol: string; style: Style } {
  if (diff.before === null) return { symbol: '+', style: 'green' };
  if (diff.after === null) return { symbol: '-', style: 'red' };
  return { symbol: '~', style: 'yellow' };
}

/** Outcomes other than success have their own marks; an applied change shows its action's symbol. */
export function outcomeLook(outcome: ChangeOutcome, action: Action): { symbol: string; style: Style } {
  switch (outcome) {
    case 'applied':
      return actionLook(action);
    case 'failed':
      return { symbol: '✗', style: 'red' };
    case 'skipped':
      return { symbol: '○', style: 'dim' };
  }
}

export const WARNING_MARK = '!';
export const ARROW = '→';
