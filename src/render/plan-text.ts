// The human view of a plan, Terraform-like: where, what changes and how, what is left alone, then one summary line.
// Also the desired-state changes of a reviewed change (`plan --base`), printed before the plan itself.
// Text that comes from the documents or the account (addresses, ARNs, names, reasons, warnings) is printable():
// one item stays on its line and no escape sequence of anyone's but ours reaches the terminal.
import type { OtherResource } from '../model/index.js';
import { planMessages } from '../plan/change-rules.js';
import { type Action, type FieldDiff, type Finding, hasChanges, observedDrift, type Plan, type PlanSummary, type ResourceChange, type Targeted } from '../plan/types.js';
import { actionLook, type ColorOptions, documentLook, type Look, type Paint, painter, WARNING_MARK } from './symbols.js';
import { textFieldLines } from './field-lines.js';
import { describeUsage, findingsTextSection, findingTextLine } from './findings.js';
import { changedFields, describeIgnored, othersForPeople, describeLocation, describeSource, describeTarget, leftOutSentence } from './values.js';
import type { DesiredChanges, DesiredDocumentChange } from '../plan/desired-diff.js';
import { printable } from '../util/safe-text.js';

const INDENT = '  ';
const FIELD_INDENT = '      ';
/** Symbols are right-aligned in this width, so that addresses line up under `-/+` (as Terraform does). */
const SYMBOL_WIDTH = 3;
const LEGEND_ORDER: readonly Action[] = ['adopt', 'create', 'update', 'replace', 'delete'];

/**
 * Changes are listed by address (kind in dependency order, then name), the order of `plan.changes`, so that the
 * same plan always reads the same; the summary line counts them by action. No-ops are not listed.
 */
export function renderPlanText(plan: Plan, options: ColorOptions & { readonly label?: string }): string {
  const paint = painter(options.color);
  const prefix = options.label === undefined ? '' : `${options.label}/`;
  const blocks = [
    header(plan, paint, options.label),
    legendSection(plan, paint),
    changesSection(plan, paint, prefix),
    observedSection(plan, paint, prefix),
    unmanagedSection(plan, paint),
    duplicatesSection(plan, paint),
    warningsSection(plan, paint),
    findingsTextSection(plan, paint),
    [paint('bold', summaryLine(plan.summary, plan.targeted))],
  ].filter((block) => block.length > 0);
  return blocks.map((block) => block.join('\n')).join('\n\n') + '\n';
}

/**
 * `Plan: …` or `No changes. …`. Under --target, "the account matches" is said only when nothing outside the
 * targets differs either; otherwise the line says how many other resources differ.
 */
export function summaryLine(summary: PlanSummary, targeted?: Targeted): string {
  const leftOut = leftOutSentence(targeted);
  if (hasChanges(summary)) {
    const adopt = summary.adopt ? `${summary.adopt} to adopt, ` : '';
    const counts = `Plan: ${adopt}${summary.create} to create, ${summary.update} to update, ${summary.replace} to replace, ${summary.delete} to delete.`;
    return leftOut === '' ? counts : `${counts} ${leftOut}`;
  }
  if (targeted === undefined) return 'No changes. The account matches the desired state.';
  if (leftOut === '') return 'No changes. The targeted resources match the desired state, and so does the rest of the account.';
  return `No changes to the targeted resources. ${leftOut}`;
}

function header(plan: Plan, paint: Paint, label: string | undefined): string[] {
  return [
    paint('bold', `Plan for project ${printable(plan.project)}${label === undefined ? '' : `, target ${printable(label)}`}`),
    `  target: ${describeTarget(plan.target)}`,
    `  desired state: ${describeSource(plan.source)}`,
  ];
}

function alignedSymbol(look: Look, paint: Paint): string {
  return ' '.repeat(Math.max(0, SYMBOL_WIDTH - look.symbol.length)) + paint(look.style, look.symbol);
}

/** The symbols the plan uses, explained, as Terraform does before its list of changes. */
function legendSection(plan: Plan, paint: Paint): string[] {
  const used = LEGEND_ORDER.filter((a) => plan.changes.some((c) => c.action === a));
  if (used.length === 0) return [];
  return [
    'Resource actions are indicated with the following symbols:',
    ...used.map((a) => `${alignedSymbol(actionLook(a), paint)} ${actionLook(a).legend}`),
  ];
}

function changesSection(plan: Plan, paint: Paint, prefix: string): string[] {
  const shown = plan.changes.filter((c) => c.action !== 'no-op');
  if (shown.length === 0) return [];
  const blocks = shown.map((c) => changeLines(c, plan.findings.filter((f) => f.address === c.address), paint, prefix).join('\n'));
  return ['licensectl will perform the following actions:', '', blocks.join('\n\n')];
}

/** A comment saying what happens and why, the address, then its fields, warnings and findings. */
function changeLines(change: ResourceChange, findings: readonly Finding[], paint: Paint, prefix: string): string[] {
  const look = actionLook(change.action);
  const why = change.reasons.length > 0 ? `: ${printable(change.reasons.join('; '))}` : '';
  const arn = change.arn ? paint('dim', ` (${printable(change.arn)})`) : '';
  const address = printable(prefix + change.address);
  return [
    INDENT + paint('bold', `# ${address} ${look.future}`) + why,
    alignedSymbol(look, paint) + ` ${address}` + arn,
    ...fieldLinesOf(change, paint),
    ...(change.usage ? [FIELD_INDENT + paint('dim', `usage: ${describeUsage(change.usage)}`)] : []),
    ...(change.ignored ? [FIELD_INDENT + paint('dim', printable(`(${describeIgnored(change.ignored)})`))] : []),
    ...change.warnings.map((w) => FIELD_INDENT + paint('yellow', `${WARNING_MARK} ${printable(w)}`)),
    ...findings.map((f) => FIELD_INDENT + findingTextLine(f, paint)),
  ];
}

/** A delete lists no fields: its ARN says which resource goes. */
function fieldLinesOf(change: ResourceChange, paint: Paint): string[] {
  if (change.action === 'delete') return [];
  return fieldLinesOfDiff(changedFields(change), paint);
}

/** Observe-only resources that drifted or are missing: their drift, which apply never corrects. */
function observedSection(plan: Plan, paint: Paint, prefix: string): string[] {
  const drifted = observedDrift(plan.changes);
  if (drifted.length === 0) return [];
  const lines = drifted.flatMap((c) => {
    const address = printable(prefix + c.address);
    if (c.observed === 'missing') return [`${alignedSymbol({ symbol: '?', style: 'red' }, paint)} ${address}: not found live; it is not created`];
    const arn = c.arn ? paint('dim', ` (${printable(c.arn)})`) : '';
    return [`${alignedSymbol(actionLook('update'), paint)} ${address}${arn}`, ...fieldLinesOfDiff(c.diff, paint)];
  });
  return [paint('bold', 'Observed only (drift from live to document is reported, never corrected):'), ...lines];
}

function unmanagedSection(plan: Plan, paint: Paint): string[] {
  if (plan.unmanaged.length === 0) return [];
  return [paint('bold', 'Not managed by this project (never changed):'), ...othersForPeople(plan.unmanaged).map((o) => `  ${describeOther(o)}`)];
}

function describeOther(other: OtherResource): string {
  const owner = other.owner === 'foreign' ? `foreign, project ${other.project ?? 'unknown'}` : 'unmanaged';
  return printable(`${other.kind} ${JSON.stringify(other.displayName)} ${other.arn} (${owner})`);
}

function duplicatesSection(plan: Plan, paint: Paint): string[] {
  if (plan.duplicates.length === 0) return [];
  return [
    paint('bold', 'Duplicates (nothing is planned for them):'),
    ...plan.duplicates.map((d) => `  ${printable(`${d.address}: ${d.arns.join(', ')}`)}`),
  ];
}

/**
 * Plan-wide warnings, then the warnings of changes not shown above (no-ops), prefixed by address. The warnings
 * about duplicates are left out: the duplicates section already says it.
 */
function warningsSection(plan: Plan, paint: Paint): string[] {
  const said = new Set(plan.duplicates.map((d) => planMessages.duplicate(d.address, d.arns)));
  const hidden = plan.changes.filter((c) => c.action === 'no-op' && c.observed !== 'missing').flatMap((c) => c.warnings.map((w) => `${c.address}: ${w}`));
  const all = [...plan.warnings.filter((w) => !said.has(w)), ...hidden];
  if (all.length === 0) return [];
  return [paint('bold', 'Warnings:'), ...all.map((w) => '  ' + paint('yellow', `${WARNING_MARK} ${printable(w)}`))];
}

// The desired-state changes of a reviewed change (`plan --base`) as text: printed before the plan itself.
/** Project settings first (they affect every document), then documents by address; ends with a newline. */
export function renderDesiredChangesText(changes: DesiredChanges, options: ColorOptions): string {
  const paint = painter(options.color);
  if (changes.documents.length === 0 && changes.project.length === 0) return 'No changes to the desired state.\n';
  const lines = [
    paint('bold', 'Changes to the desired state:'),
    ...projectLines(changes.project, paint),
    ...changes.documents.flatMap((d) => documentLines(d, paint)),
  ];
  return lines.join('\n') + '\n';
}

function projectLines(diff: readonly FieldDiff[], paint: Paint): string[] {
  if (diff.length === 0) return [];
  return [INDENT + paint('yellow', '~') + ' project settings changed', ...fieldLinesOfDiff(diff, paint)];
}

function documentLines(change: DesiredDocumentChange, paint: Paint): string[] {
  const look = documentLook(change.status);
  const selects = change.targets === undefined ? '' : ` (${change.status === 'removed' ? 'selected' : 'selects'} ${change.targets.length ? change.targets.map(printable).join(', ') : 'no target'})`;
  const head = `${INDENT}${paint(look.style, look.symbol)} ${printable(change.address)} ${look.word} ${describeLocation(change)}${selects}`;
  return [head, ...fieldLinesOfDiff(change.diff, paint)];
}

function fieldLinesOfDiff(diff: readonly FieldDiff[], paint: Paint): string[] {
  return diff.flatMap((d) => textFieldLines(d, paint).map((line) => FIELD_INDENT + line));
}
