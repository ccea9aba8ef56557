// The sections of a pull-request comment after its head, each as a list of whole items that the cap may shorten.
import type { OtherResource } from '../model/index.js';
import type { DesiredChanges, DesiredDocumentChange } from '../plan/desired-diff.js';
import { planMessages } from '../plan/messages.js';
import type { Plan, ResourceChange } from '../plan/types.js';
import { documentLook } from './desired-text.js';
import { changeDetails, documentDetails, projectDetails } from './markdown-details.js';
import { code, escapeMarkdown, formatCount } from './markdown-escape.js';
import { SEPARATOR, type Section } from './markdown-fit.js';

// What the cap keeps first: deletes and replaces, then short lists, then details, then what is never touched.
const TIER = { destructive: 1, lists: 2, details: 3, untouched: 4 } as const;

type Noun = readonly [one: string, many: string];
const counted = (n: number, [one, many]: Noun) => `${formatCount(n)} ${n === 1 ? one : many}`;
const more = (left: number, noun: Noun) => `…and ${formatCount(left)} more ${left === 1 ? noun[0] : noun[1]}`;
const listMore = (noun: Noun) => (left: number) => `\n- _${more(left, noun)}_`;
const tableMore = (noun: Noun) => (left: number) => `\n\n_${more(left, noun)}_`;
const count = (noun: Noun) => (left: number) => counted(left, noun);
const ofTotal = (what: string, noun: Noun) => (left: number, total: number) => `${what} ${formatCount(left)} of ${counted(total, noun)}`;

const DESTRUCTIVE: Noun = ['delete or replace', 'deletes and replaces'];
const DOCUMENTS: Noun = ['changed document', 'changed documents'];
const UNMANAGED: Noun = ['unmanaged resource', 'unmanaged resources'];
const DUPLICATES: Noun = ['duplicate', 'duplicates'];
const WARNINGS: Noun = ['warning', 'warnings'];

/** Deletes first, then replaces, each in plan order, with why. */
export function destructiveSection(plan: Plan): Section[] {
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

export function desiredSections(changes: DesiredChanges | undefined): Section[] {
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
  return `| ${documentLook(change.status).word} | ${code(change.address)} | ${file} |`;
}

function fileCell(file: string | null): string {
  return file === null ? 'unknown' : code(file);
}

export function detailsSection(plan: Plan): Section[] {
  const changed = plan.changes.filter((c) => c.action !== 'no-op');
  if (changed.length === 0) return [];
  return [{
    tier: TIER.details, lead: '### Details', join: SEPARATOR, items: changed.map(changeDetails),
    lost: ofTotal('the details of', ['changed resource', 'changed resources']),
  }];
}

export function unmanagedSection(plan: Plan): Section[] {
  if (plan.unmanaged.length === 0) return [];
  return [{
    tier: TIER.untouched, lead: '### Not managed by this project (never changed)\n\n| Kind | Name | ARN | Owner |\n| --- | --- | --- | --- |',
    join: '\n', items: plan.unmanaged.map(otherRow), more: tableMore(UNMANAGED), lost: count(UNMANAGED),
  }];
}

function otherRow(other: OtherResource): string {
  const owner = other.owner === 'foreign' ? `foreign (project ${escapeMarkdown(other.project ?? 'unknown')})` : 'unmanaged';
  return `| ${other.kind} | ${escapeMarkdown(other.displayName)} | ${code(other.arn)} | ${owner} |`;
}

export function duplicatesSection(plan: Plan): Section[] {
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
export function warningsSection(plan: Plan): Section[] {
  const said = new Set(plan.duplicates.map((d) => planMessages.duplicate(d.address, d.arns)));
  const ofChanges = plan.changes.flatMap((c) => c.warnings.map((w) => `${c.address}: ${w}`));
  const all = [...plan.warnings.filter((w) => !said.has(w)), ...ofChanges];
  if (all.length === 0) return [];
  return [{
    tier: TIER.lists, lead: '### Warnings\n', join: '\n', items: all.map((w) => `- ⚠️ ${escapeMarkdown(w)}`),
    more: listMore(WARNINGS), lost: count(WARNINGS),
  }];
}
