// metadata.name is unique per kind: it is the address a resource is planned and tracked by.
import type { Diagnostic } from '../../errors/index.js';
import { isKind } from '../../model/index.js';
import { errorAtField, whereIs, type DocumentView } from './view.js';

const NAME = ['metadata', 'name'];

export function checkDuplicateNames(views: readonly DocumentView[]): Diagnostic[] {
  const first = new Map<string, DocumentView>();
  const found: Diagnostic[] = [];
  for (const view of views) {
    if (!isKind(view.kind) || view.name === undefined) continue;
    const address = `${view.kind}/${view.name}`;
    const earlier = first.get(address);
    if (earlier === undefined) first.set(address, view);
    else found.push(errorAtField(view, NAME, {
      code: 'DUPLICATE_NAME',
      message: `duplicate ${view.kind} "${view.name}"`,
      hint: `first defined at ${whereIs(earlier, NAME)}; names are unique per kind`,
      field: 'metadata.name',
    }));
  }
  return found;
}
