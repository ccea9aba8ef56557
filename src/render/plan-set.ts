// The plan and the apply of a project with targets: one plan (one apply result) per unit (a target in a region),
// grouped by its label, with the units that could not be planned or applied and the totals. Each unit's part is
// rendered as a single-target plan or result is, its addresses read `label/Kind/name`.
import { type ApplyResult, hasChanges, type Plan, type PlanSummary, sumSummaries } from '../plan/types.js';
import { applyToJson, type JsonApplyDocument, renderApplyResult } from './apply-result.js';
import type { Diagnostic } from '../errors/index.js';
import { plural } from '../util/words.js';
import { printable } from '../util/safe-text.js';
import { diagnosticLines } from './diagnostics.js';
import { escapeMarkdown } from './markdown.js';
import { desiredChangesToJson, planToJson, type JsonPlanDocument } from './plan-json.js';
import type { DesiredChanges } from '../plan/desired-diff.js';
import { MARKER_PREFIX, markerName, renderDesiredChangesMarkdown, renderPlanMarkdown } from './plan-markdown.js';
import { renderDesiredChangesText, renderPlanText, summaryLine } from './plan-text.js';
import { type ColorOptions, painter } from './symbols.js';

export interface PlanSetUnit {
  readonly label: string;
  readonly account: string;
  readonly region: string;
}

/** An error's code and message, and where in the documents it lies (an adopt refused: its file, line and field). */
export interface UnitErrorDetail {
  readonly code: string;
  readonly message: string;
  readonly diagnostics?: readonly Diagnostic[];
}

/** A unit that could not be planned (or applied), with the error's code and message. */
export interface UnitError extends PlanSetUnit {
  readonly error: UnitErrorDetail;
}

/** A grantee's step, run in its own target during apply: see app/grantee-steps.ts. */
export interface GranteeStepView {
  readonly grant: string;
  readonly granteeLabel: string;
  readonly actions: readonly string[];
  /** An organization or OU grant this apply creates: done only in the accounts it turns out to reach. */
  readonly ifReached?: true;
}

export interface PlanSet {
  readonly project: string;
  readonly plans: readonly (PlanSetUnit & { readonly plan: Plan })[];
  readonly failures: readonly UnitError[];
  readonly granteeSteps: readonly GranteeStepView[];
  /** Only with `plan --base`: what the reviewed change does to the documents, shared by every target. */
  readonly desiredChanges?: DesiredChanges;
}

/**
 * `accept and activate`, `accept any invitation to`: a receiving step's actions in words, before its grant or share
 * (a new share sends no invitation to an account of an organization that shares: then there is nothing to accept).
 */
export function stepWords(actions: readonly string[]): string {
  return actions.map((a) => (a === 'accept-invitation' ? 'accept any invitation to' : a)).join(' and ');
}

export function totalOf(set: PlanSet): PlanSummary {
  return sumSummaries(set.plans.map((p) => p.plan.summary));
}

export function renderPlanSetText(set: PlanSet, options: ColorOptions): string {
  const paint = painter(options.color);
  const plans = set.plans.map(({ label, plan }) => renderPlanText(plan, { ...options, label }));
  const failures = set.failures.map((f) => [paint('red', `✗ target ${printable(f.label)} (account ${f.account}, ${f.region}) was not planned: ${f.error.code}: ${printable(f.error.message)}`), ...located(f.error, options)].join('\n'));
  const total = totalOf(set);
  // Grantee steps left with no resource to change (a member's grant to activate): not "every account matches".
  const verdict = !hasChanges(total) && set.granteeSteps.length
    ? `No resource changes; ${plural(set.granteeSteps.length, 'grantee step')} to run.`
    : summaryLine(total).replace('No changes. The account matches the desired state.', set.failures.length
      ? 'No changes in the targets planned; the others could not be compared.'
      : 'No changes. Every account matches the desired state.');
  const closing = [paint('bold', `Targets: ${set.plans.length} planned${set.failures.length ? `, ${set.failures.length} failed` : ''}. ${verdict}`)];
  const steps = set.granteeSteps.map((g) => `  ${printable(g.granteeLabel)}: ${stepWords(g.actions)} ${printable(g.grant)}${g.ifReached ? ' (if it reaches this account)' : ''}`);
  const stepsBlock = steps.length ? [`${paint('bold', 'Grantee steps (run in the grantee\'s target during apply):')}\n${steps.join('\n')}\n`] : [];
  const desired = set.desiredChanges ? [renderDesiredChangesText(set.desiredChanges, options)] : [];
  return [...desired, ...plans, ...stepsBlock, ...(failures.length ? [`${failures.join('\n')}\n`] : []), `${closing.join('\n')}\n`].join('\n');
}

export interface JsonPlanSet {
  readonly formatVersion: '1';
  readonly project: string;
  readonly summary: PlanSummary;
  readonly targets: readonly (PlanSetUnit & { readonly plan: JsonPlanDocument })[];
  readonly granteeSteps: readonly GranteeStepView[];
  readonly failures: readonly UnitError[];
  readonly desiredChanges?: DesiredChanges;
}

export function planSetToJson(set: PlanSet): JsonPlanSet {
  return {
    formatVersion: '1',
    project: set.project,
    summary: totalOf(set),
    ...(set.desiredChanges ? { desiredChanges: desiredChangesToJson(set.desiredChanges) } : {}),
    targets: set.plans.map(({ label, account, region, plan }) => ({ label, account, region, plan: planToJson(plan) })),
    granteeSteps: set.granteeSteps.map(({ grant, granteeLabel, actions, ifReached }) => ({ grant, granteeLabel, actions: [...actions], ...(ifReached ? { ifReached } : {}) })),
    failures: set.failures.map(({ label, account, region, error }) => ({ label, account, region, error: errorJson(error) })),
  };
}

/** One comment for all targets: one marker, then each target's plan under its heading, sharing the length cap. */
export function renderPlanSetMarkdown(set: PlanSet, maxChars = 60_000): string {
  const marker = `${MARKER_PREFIX}${markerName(set.project)} -->`;
  const failures = set.failures.map((f) => `- ❌ target **${escapeMarkdown(f.label)}** (account ${f.account}, ${f.region}) was not planned: \`${f.error.code}\` ${escapeMarkdown(f.error.message)}`);
  // The desired-state changes, shared by every target, come first and take at most a quarter of the comment.
  const desired = set.desiredChanges ? renderDesiredChangesMarkdown(set.desiredChanges, Math.floor(maxChars / 4)) : '';
  const share = Math.max(2_000, Math.floor((maxChars - marker.length - desired.length - failures.join('\n').length - 200) / Math.max(1, set.plans.length)));
  const sections = set.plans.map(({ label, account, region, plan }) => {
    const body = renderPlanMarkdown(plan, { maxChars: share }).split('\n').slice(2).join('\n').trimEnd();
    return `## Target ${escapeMarkdown(label)} (account ${account}, ${region})\n\n${body}`;
  });
  return [marker, ...(desired ? [desired] : []), ...sections, ...(failures.length ? [failures.join('\n')] : [])].join('\n\n') + '\n';
}

export interface UnitResult extends PlanSetUnit {
  readonly result: ApplyResult;
}

/** What did not apply, by target, then one line of totals. */
export function renderApplySetText(results: readonly UnitResult[], failures: readonly UnitError[], options: ColorOptions): string {
  const paint = painter(options.color);
  const parts = results.map(({ label, result }) => `${paint('bold', `Target ${printable(label)}:`)}\n${renderApplyResult(result, { ...options, problemsOnly: true })}`);
  const failed = failures.map((f) => [paint('red', `✗ target ${printable(f.label)} (account ${f.account}, ${f.region}): ${f.error.code}: ${printable(f.error.message)}`), ...located(f.error, options)].join('\n'));
  const sum = (key: 'applied' | 'failed' | 'skipped') => results.reduce((n, r) => n + r.result.summary[key], 0);
  const total = `Across ${plural(results.length + failures.length, 'target')}: ${sum('applied')} applied, ${sum('failed')} failed, ${sum('skipped')} skipped${failures.length ? `; ${failures.length} ${failures.length === 1 ? 'target' : 'targets'} failed` : ''}.`;
  return [...parts, ...(failed.length ? [failed.join('\n')] : []), paint('bold', total)].join('\n') + '\n';
}

export interface JsonApplySet {
  readonly project: string;
  readonly targets: readonly (PlanSetUnit & { readonly result: JsonApplyDocument })[];
  readonly failures: readonly UnitError[];
}

export function applySetToJson(project: string, results: readonly UnitResult[], failures: readonly UnitError[]): JsonApplySet {
  return {
    project,
    targets: results.map(({ label, account, region, result }) => ({ label, account, region, result: applyToJson(result) })),
    failures: failures.map(({ label, account, region, error }) => ({ label, account, region, error: errorJson(error) })),
  };
}

/** A failed target's diagnostics, indented under it. */
function located(error: UnitErrorDetail, options: ColorOptions): string[] {
  return error.diagnostics?.length ? diagnosticLines(error.diagnostics, options).map((line) => `  ${line}`) : [];
}

function errorJson({ code, message, diagnostics }: UnitErrorDetail): UnitErrorDetail {
  return { code, message, ...(diagnostics?.length ? { diagnostics } : {}) };
}
