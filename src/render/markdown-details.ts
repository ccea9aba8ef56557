// One collapsed block per changed resource or document: a one-line summary, then a ```diff block of its fields.
import type { DesiredDocumentChange } from '../plan/desired-diff.js';
import type { FieldDiff, ResourceChange } from '../plan/types.js';
import { painter } from './ansi.js';
import { describeLocation, documentLook, fieldLine } from './desired-text.js';
import { code, escapeHtml, fencedBlock } from './markdown-escape.js';
import { actionLook } from './symbols.js';
import { fieldsOf } from './values.js';

const plain = painter(false);

export function changeDetails(change: ResourceChange): string {
  const look = actionLook(change.action);
  const why = change.reasons.length > 0 ? ` — ${escapeHtml(change.reasons.join('; '))}` : '';
  const summary = `<code>${escapeHtml(look.symbol)}</code> <b>${escapeHtml(change.address)}</b> ${look.future}${why}`;
  return detailsBlock(summary, [whereLine(change), diffFence(fieldDiffsOf(change))]);
}

export function documentDetails(change: DesiredDocumentChange): string {
  const look = documentLook(change.status);
  const summary = `<b>${escapeHtml(change.address)}</b> ${look.word} ${escapeHtml(describeLocation(change))}`;
  return detailsBlock(summary, [diffFence(change.diff)]);
}

export function projectDetails(diff: readonly FieldDiff[]): string {
  return detailsBlock('<b>Project settings</b> changed', [diffFence(diff)]);
}

/**
 * The summary sits on the `<details>` line, an HTML block where Markdown is not parsed (hence escapeHtml); the
 * blank lines around the body let GitHub render its Markdown.
 */
function detailsBlock(summary: string, body: readonly string[]): string {
  const parts = body.filter((part) => part !== '');
  return [`<details><summary>${summary}</summary>`, ...parts, '</details>'].join('\n\n');
}

/** Creates list every field they set and deletes every field they remove, as the text plan's creates do. */
function fieldDiffsOf(change: ResourceChange): readonly FieldDiff[] {
  switch (change.action) {
    case 'create':
      return change.after ? fieldsOf(change.after).map((f) => ({ path: f.path, before: null, after: f.value })) : [];
    case 'delete':
      return change.before ? fieldsOf(change.before).map((f) => ({ path: f.path, before: f.value, after: null })) : [];
    case 'update':
    case 'replace':
      return change.diff;
    case 'no-op':
      return [];
  }
}

function diffFence(diff: readonly FieldDiff[]): string {
  return diff.length === 0 ? '' : fencedBlock('diff', diff.map((d) => fieldLine(d, plain)));
}

function whereLine(change: ResourceChange): string {
  const parts = [
    change.arn ? `ARN ${code(change.arn)}` : '',
    change.source ? `defined in ${code(`${change.source.file}:${change.source.line}`)}` : '',
  ].filter((p) => p !== '');
  return parts.join(' · ');
}
