// An apply's result: for people, one line per change then one summary line; for machines (`apply --json`), the
// ApplyResult with a format version and a fixed key order. Addresses, ARNs and the store's error messages are
// printable() in the text view: one result is one line, and no escape sequence in them reaches the terminal.
import type { ApplyResult, ChangeResult } from '../plan/types.js';
import { printable } from '../util/safe-text.js';
import { actionLook, type ColorOptions, outcomeLook, type Paint, painter } from './symbols.js';
import { plural } from '../util/words.js';

export interface ApplyResultOptions extends ColorOptions {
  /**
   * Only the changes that did not apply, for the end of an apply that reported each change as it went (its progress
   * lines): what went wrong, gathered below the interleaved lines, then the summary.
   */
  readonly problemsOnly?: boolean;
}

export function renderApplyResult(result: ApplyResult, options: ApplyResultOptions): string {
  const paint = painter(options.color);
  const shown = options.problemsOnly ? result.results.filter((r) => r.outcome !== 'applied') : result.results;
  const lines = shown.map((r) => resultLine(r, result, paint));
  return [...lines, ...(lines.length > 0 ? [''] : []), paint('bold', applySummaryLine(result))].join('\n') + '\n';
}

function resultLine(r: ChangeResult, result: ApplyResult, paint: Paint): string {
  const look = outcomeLook(r.outcome, r.action);
  return `${paint(look.style, look.symbol)} ${printable(`${r.address}: ${describeOutcome(r, result)}`)}`;
}

function describeOutcome(r: ChangeResult, result: ApplyResult): string {
  const verb = actionLook(r.action).verb;
  switch (r.outcome) {
    case 'applied':
      return actionLook(r.action).past + (r.arn ? ` (${r.arn})` : '');
    case 'failed':
      return `${verb} failed: ${r.error ? `${r.error.code} ${r.error.message}` : 'no error was reported'}`;
    case 'skipped':
      return `${verb} skipped: ${whySkipped(r, result)}`;
  }
}

function whySkipped(r: ChangeResult, result: ApplyResult): string {
  if (r.blockedBy !== undefined) {
    const blocker = result.results.find((other) => other.address === r.blockedBy);
    return `depends on ${r.blockedBy}, which ${blocker?.outcome === 'skipped' ? 'was skipped' : 'failed'}`;
  }
  return r.error ? r.error.message : 'apply stopped before it started';
}

/**
 * `Apply complete!` only when every change was applied; `Apply failed:` when any failed; `Apply stopped:` when
 * none failed but some never ran (an interrupted apply).
 */
export function applySummaryLine(result: ApplyResult): string {
  const { failed, skipped } = result.summary;
  const total = result.results.length;
  const changes = plural(total, 'change');
  const leftOut = result.leftOut ? ` ${plural(result.leftOut, 'other change')} left out by --target.` : '';
  if (failed > 0) return `Apply failed: ${failed} of ${changes} failed, ${skipped} skipped.${leftOut}`;
  if (skipped > 0) return `Apply stopped: ${skipped} of ${changes} skipped.${leftOut}`;
  const count = (action: ChangeResult['action']) => result.results.filter((r) => r.action === action).length;
  const adopted = count('adopt') > 0 ? `${count('adopt')} adopted, ` : '';
  return `Apply complete! Resources: ${adopted}${count('create')} created, ${count('update')} updated, ${count('replace')} replaced, ${count('delete')} deleted.${leftOut}`;
}

export interface JsonApplyDocument extends ApplyResult {
  readonly formatVersion: '1';
}

export function applyToJson(result: ApplyResult): JsonApplyDocument {
  const { store, account, region, endpoint } = result.target;
  const { applied, failed, skipped } = result.summary;
  return {
    formatVersion: '1',
    project: result.project,
    target: { store, account, region, endpoint },
    summary: { applied, failed, skipped },
    results: result.results.map(resultToJson),
    ...(result.unchanged ? { unchanged: result.unchanged.map(({ address, arn }) => ({ address, arn })) } : {}),
    ...(result.leftOut === undefined ? {} : { leftOut: result.leftOut }),
  };
}

function resultToJson(r: ChangeResult): ChangeResult {
  return {
    address: r.address,
    action: r.action,
    outcome: r.outcome,
    arn: r.arn,
    ...(r.error ? { error: { code: r.error.code, message: r.error.message } } : {}),
    ...(r.blockedBy ? { blockedBy: r.blockedBy } : {}),
  };
}
