// What `licensectl import` did: for people, the files written, what was skipped and why, and the foreign resources
// it never imports; for machines (`import --json`, schemas/import-result.schema.json) the same as data.
import type { Kind } from '../model/index.js';
import { printable } from '../util/safe-text.js';
import { plural } from '../util/words.js';

export interface ImportResult {
  readonly formatVersion: '1';
  readonly project: string;
  readonly target: { readonly account: string; readonly region: string; readonly label?: string };
  /** `path` as given (--out or the project directory) joined with the file's name. */
  readonly files: readonly { readonly path: string; readonly kind: Kind; readonly documents: readonly { readonly address: string; readonly arn: string }[] }[];
  readonly skipped: readonly { readonly kind: Kind; readonly arn: string; readonly name: string; readonly reason: string }[];
  /** Another project's resources (its licensectl:project tag): listed, never imported. */
  readonly foreign: readonly { readonly kind: Kind; readonly arn: string; readonly name: string; readonly project: string }[];
  /** With spec.tags: merge, the tag keys (holding a space) left out of each document; absent when none. */
  readonly tagsLeftOut?: readonly { readonly address: string; readonly arn: string; readonly keys: readonly string[] }[];
}

export function renderImportText(result: ImportResult): string {
  const count = result.files.reduce((n, f) => n + f.documents.length, 0);
  const where = `${result.target.label ? `${result.target.label}: ` : ''}account ${result.target.account}, ${result.target.region}`;
  const lines: string[] = [];
  if (count === 0) lines.push(`Nothing to import from ${where}: every resource is managed, adopted by a document, or left out below.`);
  else {
    lines.push(`Imported ${plural(count, 'resource')} from ${where} into ${plural(result.files.length, 'file')}:`);
    for (const f of result.files) lines.push(`  ${printable(f.path)}  (${plural(f.documents.length, f.kind)})`);
  }
  if (result.skipped.length) {
    lines.push('', `Skipped ${plural(result.skipped.length, 'resource')}:`);
    for (const s of result.skipped) lines.push(`  ${s.kind} ${printable(s.arn)}${s.name ? ` (${printable(s.name)})` : ''}: ${printable(s.reason)}`);
  }
  if (result.tagsLeftOut?.length) {
    lines.push('', 'Tags left out of the documents (a key with a space, which spec.tags: merge cannot remember; merge keeps them on the resource):');
    for (const t of result.tagsLeftOut) lines.push(`  ${printable(t.address)}: ${t.keys.map((k) => JSON.stringify(printable(k))).join(', ')}`);
  }
  if (result.foreign.length) {
    lines.push('', `Another project's (never imported): ${plural(result.foreign.length, 'resource')}:`);
    for (const f of result.foreign) lines.push(`  ${f.kind} ${printable(f.arn)} (${printable(f.name)}): project ${printable(f.project)}`);
  }
  if (count > 0) lines.push('', 'Review the files, then run licensectl plan: each document adopts its resource (spec.adopt) instead of creating another.');
  return `${lines.join('\n')}\n`;
}
