// What semantic checks see of a document: its kind, name and spec, read defensively, because checks
// also run on documents with schema errors so that every problem is reported in one run.
import type { Diagnostic } from '../../errors/index.js';
import { describePosition, errorAtNode, nodePosition, type ParsedDocument, type Problem } from '../document.js';
import { locatePath } from '../locate.js';

export interface DocumentView {
  readonly pd: ParsedDocument;
  readonly kind: string | undefined;
  readonly name: string | undefined;
  readonly spec: Readonly<Record<string, unknown>>;
  readonly metadata: Readonly<Record<string, unknown>>;
}

/** common.schema.json#/$defs/name (a test keeps the two equal). */
export const NAME_PATTERN = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function viewOf(pd: ParsedDocument): DocumentView {
  const value = isRecord(pd.value) ? pd.value : {};
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  return {
    pd,
    kind: typeof value.kind === 'string' ? value.kind : undefined,
    name: typeof metadata.name === 'string' ? metadata.name : undefined,
    spec: isRecord(value.spec) ? value.spec : {},
    metadata,
  };
}

export function stringsIn(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A diagnostic at a field of the document; `atKey` points at the key rather than the value. */
export function errorAtField(view: DocumentView, path: readonly string[], problem: Problem, atKey = false): Diagnostic {
  const located = locatePath(view.pd, path);
  return errorAtNode(view.pd, atKey ? located.key ?? located.node : located.node, problem);
}

/** `file:line:column` of a field, for hints that point at another place. */
export function whereIs(view: DocumentView, path: readonly string[]): string {
  return describePosition(view.pd.displayFile, nodePosition(view.pd, locatePath(view.pd, path).node));
}
