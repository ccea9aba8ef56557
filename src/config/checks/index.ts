// Semantic checks: what the schemas cannot express. Each returns diagnostics and never throws.
import type { Diagnostic } from '../../errors/index.js';
import type { ParsedDocument } from '../document.js';
import { checkDates } from './dates.js';
import { checkDuplicateNames } from './duplicate-names.js';
import { checkEntitlements } from './entitlements.js';
import { checkProject } from './project.js';
import { checkReferences } from './references.js';
import { checkReservedTags } from './reserved-tags.js';
import { checkRules } from './rules.js';
import { viewOf } from './view.js';

/**
 * `documents` are every document read, broken ones included: their names count as defined (so that
 * references to them are not reported as missing too), but only well-formed YAML is checked further.
 */
export function semanticDiagnostics(documents: readonly ParsedDocument[], projectDisplay: string): Diagnostic[] {
  const all = documents.map(viewOf);
  const sound = all.filter((v) => v.pd.ok);
  return [
    ...checkProject(all, projectDisplay),
    ...checkDuplicateNames(sound),
    ...checkReferences(sound, all),
    ...checkRules(sound),
    ...checkReservedTags(sound),
    ...checkDates(sound),
    ...checkEntitlements(sound),
  ];
}
