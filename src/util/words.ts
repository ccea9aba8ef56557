// Words for people: counted nouns ("1 change", "3 changes") and "did you mean …?" — the known names nearest to a
// misspelt word, by edit distance (adjacent letters swapped count as one edit: `plna` is one from `plan`). The
// command line suggests every name as near as the nearest, when near enough to be a slip; a document suggests the one
// closest valid name, within two edits.

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of adjacent characters. */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** A known name and the text compared with it: the name itself, or the part of it that was typed. */
export interface Candidate {
  readonly name: string;
  readonly typed: string;
  readonly compared: string;
}

/**
 * The names nearest to what was typed, case-insensitively, when near enough to be a slip: one edit in a short word,
 * one in three in a longer one (a flag's leading dashes not counted). At most three, in order.
 */
export function nearestOf(candidates: readonly Candidate[]): string[] {
  const scored = candidates
    .map(({ name, typed, compared }) => ({ name, typed, d: editDistance(typed.toLowerCase(), compared.toLowerCase()) }))
    .filter(({ typed, d }) => d <= Math.max(1, Math.floor(typed.replace(/^-+/, '').length / 3)));
  const best = Math.min(...scored.map((s) => s.d));
  return [...new Set(scored.filter((s) => s.d === best).map((s) => s.name))].sort().slice(0, 3);
}

/** The known names nearest to `typed` (see nearestOf). */
export function nearest(typed: string, known: readonly string[]): string[] {
  return nearestOf(known.map((name) => ({ name, typed, compared: name })));
}

/**
 * `did you mean "name"?` for the candidate closest to `word` (case-insensitively) within two edits, or undefined.
 * Ties go to the earlier candidate so that the suggestion is deterministic. Callers pass only candidates that are
 * themselves valid, so a suggestion can be taken as it is.
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance && candidate !== word) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best === undefined ? undefined : `did you mean "${best}"?`;
}

// ---- A count and its noun: "1 change", "3 changes", "2 copies".

/**
 * `n` and the noun for it: `singular` for exactly one, else `pluralForm` (the singular and an "s" unless given).
 * `digits` writes the number: markdown and diagnostics group its thousands ("1,234 errors"), a table pads it.
 */
export function plural(n: number, singular: string, pluralForm = `${singular}s`, digits: (n: number) => string = String): string {
  return `${digits(n)} ${n === 1 ? singular : pluralForm}`;
}
