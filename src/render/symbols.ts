// The one table of symbols, words and colours every renderer reads, and the ANSI codes that paint them.
// Renderers take `color: boolean` and never look at the terminal themselves.
import type { Action, ChangeOutcome, FieldDiff } from '../plan/types.js';
import type { DesiredDocumentStatus } from '../plan/desired-diff.js';

/** What every text renderer takes: colour or not. */
export interface ColorOptions {
  readonly color: boolean;
}

export type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'magenta' | 'cyan';

const CODES: Readonly<Record<Style, readonly [open: number, close: number]>> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  magenta: [35, 39],
  cyan: [36, 39],
};

export type Paint = (style: Style, text: string) => string;

/** Wraps text in the style's escape codes, or returns it untouched when colour is off. */
export function painter(color: boolean): Paint {
  if (!color) return (_style, text) => text;
  return (style, text) => `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m`;
}

/** Removes every SGR escape sequence: what a reader without colour sees. */
export function stripAnsi(text: string): string {
  return text.replace(/\u001b\[\d+(;\d+)*m/g, '');
}

export interface Look {
  readonly symbol: string;
  readonly style: Style;
}

export interface ActionLook extends Look {
  /** Completes "<address> …" in a plan. */
  readonly future: string;
  /** Completes "<address>: …" after apply. */
  readonly past: string;
  /** The verb, for "create failed". */
  readonly verb: string;
  /** Explains the symbol in the legend. */
  readonly legend: string;
}

/** Terraform's symbols. */
export function actionLook(action: Action): ActionLook {
  switch (action) {
    case 'no-op':
      return { symbol: ' ', style: 'dim', future: 'is unchanged', past: 'unchanged', verb: 'keep', legend: 'no change' };
    case 'adopt':
      return { symbol: '<~', style: 'cyan', future: 'will be adopted', past: 'adopted', verb: 'adopt', legend: 'adopt (tag as managed, then update in place)' };
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
export function fieldLook(diff: Pick<FieldDiff, 'before' | 'after'>): Look {
  if (diff.before === null) return { symbol: '+', style: 'green' };
  if (diff.after === null) return { symbol: '-', style: 'red' };
  return { symbol: '~', style: 'yellow' };
}

/** Outcomes other than success have their own marks; an applied change shows its action's symbol. */
export function outcomeLook(outcome: ChangeOutcome, action: Action): Look {
  switch (outcome) {
    case 'applied':
      return actionLook(action);
    case 'failed':
      return { symbol: '✗', style: 'red' };
    case 'skipped':
      return { symbol: '○', style: 'dim' };
  }
}

export interface DocumentLook extends Look {
  /** The status in words, e.g. "added". */
  readonly word: string;
}

/** A document of the desired state that a reviewed change adds, removes, changes or moves. */
export function documentLook(status: DesiredDocumentStatus): DocumentLook {
  switch (status) {
    case 'added':
      return { symbol: '+', style: 'green', word: 'added' };
    case 'removed':
      return { symbol: '-', style: 'red', word: 'removed' };
    case 'changed':
      return { symbol: '~', style: 'yellow', word: 'changed' };
    case 'moved':
      return { symbol: ARROW, style: 'cyan', word: 'moved' };
  }
}

export const WARNING_MARK = '!';
export const ARROW = '→';
