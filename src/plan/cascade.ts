// Replacing a resource gives it a new ARN; whatever refers to it by name must follow in the same plan.
import type { Address } from '../model/index.js';
import { planMessages } from './messages.js';
import type { Pair } from './pair-resources.js';
import { bodyOf, NOT_FORCED, type ForcedReasons } from './plan-change.js';
import { referencesOf } from './references.js';

/**
 * For a resource that stays (desired and live) and keeps referring to a replaced one:
 * - a grant is bound to its license's ARN and CreateGrantVersion cannot change it, so the grant is replaced too;
 * - a share keeps its name-level list but must associate the new configuration's ARN, so it is updated.
 */
export function forcedByReplacements(pair: Pair, replaced: ReadonlySet<Address>): ForcedReasons {
  if (!pair.desired || !pair.live) return NOT_FORCED;
  const before = new Set(referencesOf(pair.kind, bodyOf(pair.live)));
  const followed = referencesOf(pair.kind, bodyOf(pair.desired)).filter((a) => replaced.has(a) && before.has(a));
  if (followed.length === 0) return NOT_FORCED;
  switch (pair.kind) {
    case 'Grant':
      return { replace: followed.map(planMessages.licenseReplaced), update: [] };
    case 'ResourceShare':
      return { replace: [], update: followed.map(planMessages.configurationReplaced) };
    case 'LicenseConfiguration':
    case 'License':
      return NOT_FORCED;
  }
}
