// A plan as a pull-request comment: the verdict and what is destructive first, details collapsed, always under a cap.
import type { Plan } from '../plan/types.js';
import { formatCount } from './markdown-escape.js';
import { fitSections, SEPARATOR, type FittedSection } from './markdown-fit.js';
import { markerLine, summaryTable, targetLine, verdictLine } from './markdown-head.js';
import {
  desiredSections, destructiveSection, detailsSection, duplicatesSection, unmanagedSection, warningsSection,
} from './markdown-sections.js';

export interface MarkdownOptions {
  /** The comment never has more characters than this. GitHub's limit is 65,536. */
  readonly maxChars?: number;
}

export const DEFAULT_MAX_CHARS = 60_000;
/** The head (marker, verdict, target, summary table) and the shortest deletes section take about 1,500 characters. */
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
    ...destructiveSection(plan), ...desiredSections(plan.desiredChanges), ...detailsSection(plan),
    ...unmanagedSection(plan), ...duplicatesSection(plan), ...warningsSection(plan),
  ];
  const reserve = closingLine(sections.map((s) => ({ section: s, text: '', left: s.items.length })), maxChars).length + SEPARATOR.length;
  const room = maxChars - '\n'.length - head.reduce((n, b) => n + b.length + SEPARATOR.length, 0) - reserve;
  const fitted = fitSections(sections, room);
  const blocks = [...head, ...fitted.map((f) => f.text), closingLine(fitted, maxChars)].filter((b) => b !== '');
  return blocks.join(SEPARATOR) + '\n';
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

