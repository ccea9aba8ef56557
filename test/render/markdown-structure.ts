// Checks that a Markdown comment is well-formed where a hostile value or a cut could break it.

/** Every problem found: unbalanced <details>, unclosed fences, table rows with the wrong number of cells. */
export function structuralProblems(markdown: string): string[] {
  const problems: string[] = [];
  let fence: string | null = null;
  let openDetails = 0;
  let tableColumns: number | null = null;
  markdown.split('\n').forEach((line, index) => {
    const at = `line ${index + 1}`;
    if (fence !== null) {
      if (line === fence) fence = null;
      else if (/^\s{0,3}`{3,}\s*$/.test(line)) problems.push(`${at}: a content line could close the fence`);
      return;
    }
    const opening = /^(`{3,})[^`]*$/.exec(line);
    if (opening) {
      fence = opening[1]!;
      return;
    }
    if (line.startsWith('<details>')) openDetails += 1;
    if (line === '</details>') openDetails -= 1;
    if (openDetails < 0 || openDetails > 1) problems.push(`${at}: <details> nesting is ${openDetails}`);
    const cells = line.startsWith('|') ? line.split('|').length - 2 : null;
    if (cells === null) tableColumns = null;
    else if (tableColumns === null) tableColumns = cells;
    else if (cells !== tableColumns) problems.push(`${at}: ${cells} cells in a table of ${tableColumns}`);
  });
  if (fence !== null) problems.push('a fence is never closed');
  if (openDetails !== 0) problems.push(`${openDetails} <details> never closed`);
  return problems;
}
