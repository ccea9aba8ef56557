// Schema validation of one document, with the validator generated from schemas/ (see generate.ts).
import type { ErrorObject } from 'ajv';
import { validateDocument } from './document-validator.generated.js';

type GeneratedValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** Every schema error of a document (ajv runs with allErrors and verbose); empty when valid. */
export function schemaErrors(value: unknown): ErrorObject[] {
  const validate = validateDocument as unknown as GeneratedValidator;
  return validate(value) ? [] : [...(validate.errors ?? [])];
}
