// Markdown for a pull-request comment that no value can break and no size cap can cut in the middle of an item.
//
// Escaping covers text we do not control (names, descriptions, tag values, warnings), so that a hostile value can
// neither break out of a table, a <details> block or a code fence, nor ping anyone. Fitting gives sections room by
// priority (tier); a section that does not fit keeps whole items from its start and drops the rest, never cutting
// an item (a table row, a <details> block) apart.

import { printable } from '../util/safe-text.js';

// Line breaks would end a table row or an HTML block, and other control characters have no business in a comment:
// every one is escaped by printable() (`\n`, `\u001b`), as in the text views, before the Markdown escaping.

// A zero-width space after `@` keeps GitHub from turning "@org/team" into a mention.
const MENTION_BREAK = '@&#8203;';

const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * For Markdown inline content (paragraphs, list items, table cells). HTML specials and `|` become entities (a
 * literal `|` splits a table cell), emphasis, link, code, strike-through and math markers are backslash-escaped,
 * and mentions are broken.
 */
export function escapeMarkdown(text: string): string {
  return escapeInline(text).replace(/@/g, MENTION_BREAK);
}

function escapeInline(text: string): string {
  return printable(text)
    .replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!)
    .replace(/\|/g, '&#124;')
    .replace(/[\\`*_[\]~$]/g, (c) => `\\${c}`);
}

/** For text inside raw HTML (a `<summary>`), where Markdown is not parsed and backslashes would show. */
export function escapeHtml(text: string): string {
  return printable(text).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!).replace(/@/g, MENTION_BREAK);
}

/**
 * Inline code in Markdown, where GitHub finds no mentions (so the text is copied as it is written) and a `|`
 * cannot split a table cell.
 */
export function code(text: string): string {
  return `<code>${escapeInline(text)}</code>`;
}

/**
 * A fenced code block. The fence is longer than any run of backticks inside, so no content line can close it;
 * each line is kept on one line.
 */
export function fencedBlock(info: string, lines: readonly string[]): string {
  const body = lines.map(printable);
  const longest = Math.max(0, ...body.map((line) => Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length))));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [fence + info, ...body, fence].join('\n');
}

/** 2000 → "2,000", the same on every machine and locale. */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** At most `max` characters, ending in "…" when shortened. */
export function ellipsize(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * A collapsed block. The summary sits on the `<details>` line, an HTML block where Markdown is not parsed (so it
 * must be escaped with escapeHtml); the blank lines around the body let GitHub render its Markdown.
 */
export function detailsBlock(summary: string, body: readonly string[]): string {
  const parts = body.filter((part) => part !== '');
  return [`<details><summary>${summary}</summary>`, ...parts, '</details>'].join('\n\n');
}

// Fitting under a cap.

/** Every block is separated from the next by a blank line. */
export const SEPARATOR = '\n\n';

export interface Section {
  /** Lower tiers get room first; sections of one tier in document order. */
  readonly tier: number;
  /** The heading and whatever precedes the first item (a table header). */
  readonly lead: string;
  readonly items: readonly string[];
  /** Put before every item. */
  readonly join: string;
  /** Ends a shortened section, saying how many items it lost; without it the section is cut silently (see `lost`). */
  readonly more?: (left: number) => string;
  /** Names what is lost for the closing line, e.g. "the details of 3 of 5 changed resources". */
  readonly lost: (left: number, total: number) => string;
  /** Kept (shortened to its lead and `more`) even past the cap: the comment is useless without it. */
  readonly required?: boolean;
}

export interface FittedSection {
  readonly section: Section;
  /** Empty when the section is left out entirely. */
  readonly text: string;
  /** Items not shown. */
  readonly left: number;
}

/** Fits the sections into `room` characters (each costing its text and one separator); returns them in input order. */
export function fitSections(sections: readonly Section[], room: number): FittedSection[] {
  const fitted = new Map<Section, FittedSection>();
  let remaining = room;
  const tiers = [...new Set(sections.map((s) => s.tier))].sort((a, b) => a - b);
  for (const tier of tiers) {
    for (const section of sections.filter((s) => s.tier === tier)) {
      const result = fitSection(section, remaining);
      fitted.set(section, result);
      if (result.text !== '') remaining -= result.text.length + SEPARATOR.length;
    }
  }
  return sections.map((s) => fitted.get(s)!);
}

function fitSection(section: Section, room: number): FittedSection {
  const total = section.items.length;
  const kept = itemsThatFit(section, room);
  if (kept === 0 && section.more === undefined && total > 0) return { section, text: '', left: total };
  if (kept === 0 && !section.required && cost(section, 0, section.lead.length) > room) return { section, text: '', left: total };
  return { section, text: textOf(section, kept), left: total - kept };
}

/** The longest prefix of items that fits, with the closing `more` line when items are left out. */
function itemsThatFit(section: Section, room: number): number {
  const { items } = section;
  let length = section.lead.length;
  let kept = 0;
  while (kept < items.length) {
    const next = length + section.join.length + items[kept]!.length;
    if (cost(section, kept + 1, next) > room) break;
    length = next;
    kept += 1;
  }
  return kept;
}

function cost(section: Section, kept: number, length: number): number {
  const left = section.items.length - kept;
  const more = left > 0 && section.more ? section.more(left).length : 0;
  return length + more + SEPARATOR.length;
}

function textOf(section: Section, kept: number): string {
  const left = section.items.length - kept;
  const items = section.items.slice(0, kept).map((item) => section.join + item).join('');
  return section.lead + items + (left > 0 && section.more ? section.more(left) : '');
}
