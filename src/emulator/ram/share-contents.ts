// What a share currently holds, derived from its associations at the time of the call.
import { isInShare } from './association-changes.js';
import type { AssociationRecord } from './records.js';

export function resourceTypesInShare(associations: readonly AssociationRecord[], now: Date): Set<string> {
  const types = new Set<string>();
  for (const association of associations) {
    if (association.associationType === 'RESOURCE' && association._resourceType && isInShare(association, now)) {
      types.add(association._resourceType);
    }
  }
  return types;
}

export function entitiesInShare(associations: readonly AssociationRecord[], type: AssociationRecord['associationType'], now: Date): AssociationRecord[] {
  return associations.filter((association) => association.associationType === type && isInShare(association, now));
}
