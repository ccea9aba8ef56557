// Tag keys licensectl and AWS keep for themselves; AWS rejects "aws:" keys, and "licensectl:" keys
// carry ownership, which a user tag must never forge or overwrite.
import type { Diagnostic } from '../../errors/index.js';
import { RESERVED_TAG_PREFIX } from '../../model/index.js';
import { errorAtField, isRecord, type DocumentView } from './view.js';

const RESERVED: readonly (readonly [string, string])[] = [
  [RESERVED_TAG_PREFIX, `keys starting with "${RESERVED_TAG_PREFIX}" are set by licensectl to track ownership`],
  ['aws:', 'keys starting with "aws:" are reserved by AWS'],
];

export function checkReservedTags(views: readonly DocumentView[]): Diagnostic[] {
  return views.flatMap((view) => {
    const tags = view.metadata.tags;
    if (!isRecord(tags)) return [];
    return Object.keys(tags).flatMap((key) => {
      const reserved = RESERVED.find(([prefix]) => key.toLowerCase().startsWith(prefix));
      if (reserved === undefined) return [];
      return [errorAtField(view, ['metadata', 'tags', key], {
        code: 'RESERVED_TAG',
        message: `tag "${key}" is reserved`,
        hint: reserved[1],
        field: `metadata.tags.${key}`,
      }, true)];
    });
  });
}
