// Fitting a comment under a size cap: sections are given room by priority (tier), and a section that does not fit
// keeps whole items from its start and drops the rest, never cutting an item (a table row, a <details> block) apart.

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
