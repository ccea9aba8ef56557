// Escaping for text we do not control (names, descriptions, tag values, warnings) in a pull-request comment, so a
// hostile value can neither break out of a table, a <details> block or a code fence, nor ping anyone.

// Line breaks would end a table row or an HTML block; other control characters have no business in a comment.
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/g;
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
  return text
    .replace(CONTROL, ' ')
    .replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!)
    .replace(/\|/g, '&#124;')
    .replace(/[\\`*_[\]~$]/g, (c) => `\\${c}`);
}

/** For text inside raw HTML (a `<summary>`), where Markdown is not parsed and backslashes would show. */
export function escapeHtml(text: string): string {
  return text.replace(CONTROL, ' ').replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!).replace(/@/g, MENTION_BREAK);
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
  const body = lines.map((line) => line.replace(CONTROL, ' '));
  const longest = Math.max(0, ...body.map((line) => Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length))));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [fence + info, ...body, fence].join('\n');
}

/** The hidden marker's project name: only characters that cannot end an HTML comment or confuse a search. */
export function markerName(project: string): string {
  return project.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** 2000 → "2,000", the same on every machine and locale. */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** At most `max` characters, ending in "…" when shortened. */
export function ellipsize(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
