// A plan as a pull-request comment: the hidden marker, the verdict, the target and a summary table always; then the
// usage and policy findings, what is destructive, the desired-state changes, details collapsed, and what is never
// touched, always under a cap.
import { type Kind, KINDS, type OtherResource } from '../model/index.js';
import type { DesiredChanges, DesiredDocumentChange } from '../plan/desired-diff.js';
import { planMessages } from '../plan/change-rules.js';
import { type Action, type FieldDiff, hasChanges, observedDrift, type Plan, type PlanSummary, type ResourceChange } from '../plan/types.js';
import {
  code, detailsBlock, ellipsize, escapeHtml, escapeMarkdown, fencedBlock, fitSections, formatCount, SEPARATOR,
  type FittedSection, type Section,
} from './markdown.js';
import { diffBlockLines } from './field-lines.js';
import { actionLook, documentLook } from './symbols.js';
import { describeUsage, findingsMarkdownSection } from './findings.js';
import { changedFields, describeIgnored, othersForPeople, describeLocation, describeSource, describeTarget, leftOutSentence } from './values.js';
import { plural } from '../util/words.js';

export interface MarkdownOptions {
  /** The comment never has more characters than this. GitHub's limit is 65,536. */
  readonly maxChars?: number;
}

export const DEFAULT_MAX_CHARS = 60_000;
/** The head (marker, verdict, target, summary table) and the shortest findings and deletes sections fit in this (test/render/findings.test.ts). */
export const MIN_MAX_CHARS = 2_000;

/**
 * Marker, verdict, target and summary table are always shown; past the cap, the other sections are shortened in
 * reverse order of importance (deletes and replaces last) and a closing line says what was left out.
 */
export function renderPlanMarkdown(plan: Plan, options: MarkdownOptions = {}): string {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  if (!(maxChars >= MIN_MAX_CHARS)) throw new RangeError(`maxChars must be at least ${MIN_MAX_CHARS}, got ${maxChars}`);
  const head = [markerLine(plan), verdictLine(plan), targetLine(plan), summaryTable(plan)].filter((b) => b !== '');
  const sections = [
    ...findingsMarkdownSection(plan), ...destructiveSection(plan), ...desiredSections(plan.desiredChanges), ...detailsSection(plan),
    ...observedSection(plan), ...unmanagedSection(plan), ...duplicatesSection(plan), ...warningsSection(plan),
  ];
  const reserve = closingLine(sections.map((s) => ({ section: s, text: '', left: s.items.length })), maxChars).length + SEPARATOR.length;
  const room = maxChars - '\n'.length - head.reduce((n, b) => n + b.length + SEPARATOR.length, 0) - reserve;
  const fitted = fitSections(sections, room);
  const blocks = [...head, ...fitted.map((f) => f.text), closingLine(fitted, maxChars)].filter((b) => b !== '');
  return blocks.join(SEPARATOR) + '\n';
}

/** The desired-state changes alone (a plan set's, shown once for all targets), fitted into `maxChars`. */
export function renderDesiredChangesMarkdown(changes: DesiredChanges, maxChars: number): string {
  return fitSections(desiredSections(changes), maxChars).map((f) => f.text).filter((t) => t !== '').join(SEPARATOR);
}

/** Names everything left out without a note of its own (details, whole sections); empty when nothing was. */
function closingLine(fitted: readonly FittedSection[], maxChars: number): string {
  const lost = fitted.filter((f) => f.left > 0 && (f.text === '' || f.section.more === undefined)).map((f) => f.section.lost(f.left, f.section.items.length));
  if (lost.length === 0) return '';
  return `_Left out to keep this comment under ${formatCount(maxChars)} characters: ${inWords(lost)}. ` +
    'Run `licensectl plan --format text` to see the full plan._';
}

function inWords(parts: readonly string[]): string {
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
}

// The head, always shown.

/** How a CI step finds the comment it wrote before: the first line of every comment starts with it. */
export const MARKER_PREFIX = '<!-- licensectl-plan: ';

function markerLine(plan: Plan): string {
  return `${MARKER_PREFIX}${markerName(plan.project)} -->`;
}

/** The hidden marker's project name: only characters that cannot end an HTML comment or confuse a search. */
export function markerName(project: string): string {
  return project.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** `**licensectl plan for P:** 2 to create, 1 to delete — ⚠️ 1 delete`, or `… No changes.`; with --target, what is left out. */
function verdictLine(plan: Plan): string {
  const lead = `**licensectl plan for ${escapeMarkdown(plan.project)}:**`;
  const leftOut = leftOutSentence(plan.targeted);
  if (!hasChanges(plan.summary)) return `${lead} ${plan.targeted ? `No changes to the targeted resources. ${leftOut}`.trimEnd() : 'No changes.'}`;
  const errors = plan.findings.filter((f) => f.severity === 'error').length;
  const findingsNote = errors ? ` — ❌ ${plural(errors, 'error finding')}` : '';
  return `${lead} ${countsInWords(plan.summary)}${destructiveNote(plan.summary)}${findingsNote}${leftOut && `. ${leftOut}`}`;
}

function countsInWords(summary: PlanSummary): string {
  const counts: [number, string][] = [[summary.adopt ?? 0, 'adopt'], [summary.create, 'create'], [summary.update, 'update'], [summary.replace, 'replace'], [summary.delete, 'delete']];
  return counts.filter(([n]) => n > 0).map(([n, verb]) => `${n} to ${verb}`).join(', ');
}

function destructiveNote(summary: PlanSummary): string {
  const counts: [number, string][] = [[summary.delete, 'delete'], [summary.replace, 'replace']];
  const parts = counts.filter(([n]) => n > 0).map(([n, verb]) => plural(n, verb));
  return parts.length === 0 ? '' : ` — ⚠️ ${parts.join(', ')}`;
}

// An endpoint or revision is the only unbounded text in the head; the head must stay small for the cap to work.
const MAX_TARGET_LINE = 400;

function targetLine(plan: Plan): string {
  const text = `**Target:** ${escapeMarkdown(describeTarget(plan.target))} · **desired state:** ${escapeMarkdown(describeSource(plan.source))}`;
  return ellipsize(text, MAX_TARGET_LINE);
}

const COLUMNS: readonly [Action, string][] = [['create', 'Create'], ['update', 'Update'], ['replace', 'Replace'], ['delete', 'Delete'], ['no-op', 'Unchanged']];

/** One row per kind that has any resource, in dependency order, then the totals; empty for an empty plan. An Adopt column only when something is adopted. */
function summaryTable(plan: Plan): string {
  const kinds = KINDS.filter((kind) => plan.changes.some((c) => c.kind === kind));
  if (kinds.length === 0) return '';
  const columns: readonly [Action, string][] = plan.summary.adopt ? [['adopt', 'Adopt'], ...COLUMNS] : COLUMNS;
  const count = (kind: Kind | null, action: Action) => plan.changes.filter((c) => (kind === null || c.kind === kind) && c.action === action).length;
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    row(['Kind', ...columns.map(([, title]) => title)]),
    row(['---', ...columns.map(() => '---:')]),
    ...kinds.map((kind) => row([kind, ...columns.map(([action]) => String(count(kind, action)))])),
    row(['**Total**', ...columns.map(([action]) => `**${count(null, action)}**`)]),
  ].join('\n');
}

// The sections after the head, each a list of whole items that the cap may shorten.

// What the cap keeps first: deletes and replaces, then short lists, then details, then what is never touched.
const TIER = { destructive: 1, lists: 2, details: 3, untouched: 4 } as const;

type Noun = readonly [one: string, many: string];
const more = (left: number, [one, many]: Noun) => `…and ${plural(left, `more ${one}`, `more ${many}`, formatCount)}`;
const listMore = (noun: Noun) => (left: number) => `\n- _${more(left, noun)}_`;
const tableMore = (noun: Noun) => (left: number) => `\n\n_${more(left, noun)}_`;
const count = (noun: Noun) => (left: number) => plural(left, ...noun, formatCount);
const ofTotal = (what: string, noun: Noun) => (left: number, total: number) => `${what} ${formatCount(left)} of ${plural(total, ...noun, formatCount)}`;

const DESTRUCTIVE: Noun = ['delete or replace', 'deletes and replaces'];
const DOCUMENTS: Noun = ['changed document', 'changed documents'];
const UNMANAGED: Noun = ['unmanaged resource', 'unmanaged resources'];
const DUPLICATES: Noun = ['duplicate', 'duplicates'];
const WARNINGS: Noun = ['warning', 'warnings'];

/** Deletes first, then replaces, each in plan order, with why. */
function destructiveSection(plan: Plan): Section[] {
  const destructive = [...plan.changes.filter((c) => c.action === 'delete'), ...plan.changes.filter((c) => c.action === 'replace')];
  if (destructive.length === 0) return [];
  return [{
    tier: TIER.destructive, required: true, lead: '### ⚠️ Deletes and replaces\n', join: '\n', items: destructive.map(destructiveItem),
    more: listMore(DESTRUCTIVE), lost: count(DESTRUCTIVE),
  }];
}

function destructiveItem(change: ResourceChange): string {
  const why = change.reasons.length > 0 ? `: ${escapeMarkdown(change.reasons.join('; '))}` : '';
  return `- **${change.action}** ${code(change.address)}${why}`;
}

function desiredSections(changes: DesiredChanges | undefined): Section[] {
  if (changes === undefined) return [];
  const lead = '### Changes to the desired state\n';
  if (changes.documents.length === 0 && changes.project.length === 0) {
    return [{ tier: TIER.lists, lead: `${lead}\nNo documents changed.`, join: '', items: [], lost: count(DOCUMENTS) }];
  }
  const rows = [...(changes.project.length > 0 ? ['| changed | project settings | |'] : []), ...changes.documents.map(documentRow)];
  const details = [...(changes.project.length > 0 ? [projectDetails(changes.project)] : []), ...changes.documents.filter((d) => d.diff.length > 0).map(documentDetails)];
  const table: Section = {
    tier: TIER.lists, lead: `${lead}\n| Change | Document | File |\n| --- | --- | --- |`, join: '\n', items: rows,
    more: tableMore(DOCUMENTS), lost: count(DOCUMENTS),
  };
  const fields: Section = {
    tier: TIER.details, lead: '#### Field changes', join: SEPARATOR, items: details,
    lost: ofTotal('the field changes of', DOCUMENTS),
  };
  return details.length > 0 ? [table, fields] : [table];
}

function documentRow(change: DesiredDocumentChange): string {
  const file = change.previousFile === undefined ? fileCell(change.file) : `${code(change.previousFile)} → ${fileCell(change.file)}`;
  const targets = change.targets === undefined ? '' : ` (targets: ${change.targets.length ? change.targets.map(escapeMarkdown).join(', ') : 'none'})`;
  return `| ${documentLook(change.status).word} | ${code(change.address)}${targets} | ${file} |`;
}

function fileCell(file: string | null): string {
  return file === null ? 'unknown' : code(file);
}

function detailsSection(plan: Plan): Section[] {
  const changed = plan.changes.filter((c) => c.action !== 'no-op');
  if (changed.length === 0) return [];
  return [{
    tier: TIER.details, lead: '### Details', join: SEPARATOR, items: changed.map(changeDetails),
    lost: ofTotal('the details of', ['changed resource', 'changed resources']),
  }];
}

/** Observe-only resources that drifted (their drift, never corrected) or are missing (never created). */
function observedSection(plan: Plan): Section[] {
  const drifted = observedDrift(plan.changes);
  if (drifted.length === 0) return [];
  const item = (c: ResourceChange) => detailsBlock(
    `<b>${escapeHtml(c.address)}</b> ${c.observed === 'missing' ? 'is not found live; it is not created' : 'drifted'}`,
    [whereLine(c), diffFence(c.diff)],
  );
  return [{
    tier: TIER.details, lead: '### Observed only (drift from live to document is reported, never corrected)', join: SEPARATOR, items: drifted.map(item),
    lost: ofTotal('the drift of', ['observed resource', 'observed resources']),
  }];
}

function unmanagedSection(plan: Plan): Section[] {
  if (plan.unmanaged.length === 0) return [];
  return [{
    tier: TIER.untouched, lead: '### Not managed by this project (never changed)\n\n| Kind | Name | ARN | Owner |\n| --- | --- | --- | --- |',
    join: '\n', items: othersForPeople(plan.unmanaged).map(otherRow), more: tableMore(UNMANAGED), lost: count(UNMANAGED),
  }];
}

function otherRow(other: OtherResource): string {
  const owner = other.owner === 'foreign' ? `foreign (project ${escapeMarkdown(other.project ?? 'unknown')})` : 'unmanaged';
  return `| ${other.kind} | ${escapeMarkdown(other.displayName)} | ${code(other.arn)} | ${owner} |`;
}

function duplicatesSection(plan: Plan): Section[] {
  if (plan.duplicates.length === 0) return [];
  return [{
    tier: TIER.lists, lead: '### Duplicates (nothing is planned for them)\n', join: '\n',
    items: plan.duplicates.map((d) => `- ${code(d.address)}: ${d.arns.map(code).join(', ')}`),
    more: listMore(DUPLICATES), lost: count(DUPLICATES),
  }];
}

/**
 * Every warning, the plan's and each change's (prefixed by its address), so that none is lost with a dropped
 * details block. The duplicates' warnings are left out: their section says it.
 */
function warningsSection(plan: Plan): Section[] {
  const said = new Set(plan.duplicates.map((d) => planMessages.duplicate(d.address, d.arns)));
  const ofChanges = plan.changes.flatMap((c) => c.warnings.map((w) => `${c.address}: ${w}`));
  const all = [...plan.warnings.filter((w) => !said.has(w)), ...ofChanges];
  if (all.length === 0) return [];
  return [{
    tier: TIER.lists, lead: '### Warnings\n', join: '\n', items: all.map((w) => `- ⚠️ ${escapeMarkdown(w)}`),
    more: listMore(WARNINGS), lost: count(WARNINGS),
  }];
}

// One collapsed block per changed resource or document: a one-line summary, then a ```diff block of its fields.

function changeDetails(change: ResourceChange): string {
  const look = actionLook(change.action);
  const why = change.reasons.length > 0 ? ` — ${escapeHtml(change.reasons.join('; '))}` : '';
  const summary = `<code>${escapeHtml(look.symbol)}</code> <b>${escapeHtml(change.address)}</b> ${look.future}${why}`;
  return detailsBlock(summary, [whereLine(change), diffFence(changedFields(change))]);
}

function documentDetails(change: DesiredDocumentChange): string {
  const look = documentLook(change.status);
  const summary = `<b>${escapeHtml(change.address)}</b> ${look.word} ${escapeHtml(describeLocation(change))}`;
  return detailsBlock(summary, [diffFence(change.diff)]);
}

function projectDetails(diff: readonly FieldDiff[]): string {
  return detailsBlock('<b>Project settings</b> changed', [diffFence(diff)]);
}

function diffFence(diff: readonly FieldDiff[]): string {
  return diff.length === 0 ? '' : fencedBlock('diff', diff.flatMap(diffBlockLines));
}

function whereLine(change: ResourceChange): string {
  const parts = [
    change.arn ? `ARN ${code(change.arn)}` : '',
    change.source ? `defined in ${code(`${change.source.file}:${change.source.line}`)}` : '',
    change.usage ? `usage: ${escapeMarkdown(describeUsage(change.usage))}` : '',
    change.ignored ? escapeMarkdown(describeIgnored(change.ignored)) : '',
  ].filter((p) => p !== '');
  return parts.join(' · ');
}
