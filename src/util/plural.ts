// A count and its noun: "1 change", "3 changes", "2 copies".

/**
 * `n` and the noun for it: `singular` for exactly one, else `pluralForm` (the singular and an "s" unless given).
 * `digits` writes the number: markdown and diagnostics group its thousands ("1,234 errors"), a table pads it.
 */
export function plural(n: number, singular: string, pluralForm = `${singular}s`, digits: (n: number) => string = String): string {
  return `${digits(n)} ${n === 1 ? singular : pluralForm}`;
}
