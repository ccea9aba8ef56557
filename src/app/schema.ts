// Checks licensectl's JSON outputs against their published schemas (schemas/*.schema.json), with validators
// generated at build time (scripts/generate-validators.mjs): a saved plan before it is applied; every output in tests.
import type { ErrorObject } from 'ajv';
import * as generated from './output-validators.generated.js';

type GeneratedValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

export type OutputSchema = 'plan.schema.json' | 'apply-result.schema.json' | 'validate-result.schema.json' | 'error.schema.json' | 'fleet-list.schema.json' | 'report.schema.json' | 'plan-set.schema.json' | 'import-result.schema.json' | 'state.schema.json';

const VALIDATORS: Record<OutputSchema, unknown> = {
  'plan.schema.json': generated.validatePlan,
  'apply-result.schema.json': generated.validateApplyResult,
  'validate-result.schema.json': generated.validateValidateResult,
  'error.schema.json': generated.validateError,
  'fleet-list.schema.json': generated.validateFleetList,
  'report.schema.json': generated.validateReport,
  'plan-set.schema.json': generated.validatePlanSet,
  'import-result.schema.json': generated.validateImportResult,
  'state.schema.json': generated.validateState,
};

/** Every schema problem of `doc` as `/json/pointer message`; empty when it conforms. */
export function schemaProblems(name: OutputSchema, doc: unknown): string[] {
  const validate = VALIDATORS[name] as GeneratedValidator | undefined;
  if (!validate) throw new Error(`internal: no generated validator for ${name}`);
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}
