// License entitlements: unit None takes a value and no count, every other unit a count and no value;
// entitlement and metadata names are unique because the canonical spec is keyed and sorted by name.
import type { Diagnostic } from '../../errors/index.js';
import { errorAtField, isRecord, type DocumentView } from './view.js';

export function checkEntitlements(views: readonly DocumentView[]): Diagnostic[] {
  return views.flatMap((view) => {
    if (view.kind !== 'License') return [];
    const entitlements = Array.isArray(view.spec.entitlements) ? view.spec.entitlements : [];
    return [
      ...entitlements.flatMap((e, i) => (isRecord(e) ? unitFields(view, e, i) : [])),
      ...duplicateNames(view, 'entitlements', 'entitlement'),
      ...duplicateNames(view, 'licenseMetadata', 'metadata entry'),
    ];
  });
}

function unitFields(view: DocumentView, entitlement: Record<string, unknown>, index: number): Diagnostic[] {
  const path = ['spec', 'entitlements', String(index)];
  const field = `spec.entitlements[${index}]`;
  if (entitlement.unit === 'None') {
    if (entitlement.maxCount !== undefined) {
      return [errorAtField(view, [...path, 'maxCount'], {
        code: 'INVALID_FIELD', message: '"maxCount" is not allowed with unit None', hint: 'use "value" instead', field: `${field}.maxCount`,
      }, true)];
    }
    if (entitlement.value !== undefined) return [];
    return [errorAtField(view, path, { code: 'MISSING_FIELD', message: 'missing required field "value" (unit None)', field: `${field}.value` })];
  }
  if (entitlement.value === undefined || typeof entitlement.unit !== 'string') return [];
  return [errorAtField(view, [...path, 'value'], {
    code: 'INVALID_FIELD', message: '"value" is only allowed with unit None', hint: 'use "maxCount" for a counted unit', field: `${field}.value`,
  }, true)];
}

function duplicateNames(view: DocumentView, list: string, what: string): Diagnostic[] {
  const items = Array.isArray(view.spec[list]) ? (view.spec[list] as unknown[]) : [];
  const seen = new Set<string>();
  return items.flatMap((item, index) => {
    const name = isRecord(item) && typeof item.name === 'string' ? item.name : undefined;
    if (name === undefined) return [];
    if (!seen.has(name)) return (seen.add(name), []);
    return [errorAtField(view, ['spec', list, String(index), 'name'], {
      code: 'DUPLICATE_NAME', message: `duplicate ${what} "${name}"`, field: `spec.${list}[${index}].name`,
    })];
  });
}
