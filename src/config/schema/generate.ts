// Build-time only: compiles schemas/*.schema.json into standalone validation code. Compiling the schemas
// with ajv at start-up costs ~200 ms; loading the generated module costs ~10 ms. A test keeps the generated
// file in step with the schemas (and rewrites it when LICENSECTL_REGENERATE=1).
import { readFile } from 'node:fs/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import standaloneModule from 'ajv/dist/standalone/index.js';

export const SCHEMA_DIR = new URL('../../../schemas/', import.meta.url);
export const SCHEMA_FILES = [
  'common', 'project', 'license-configuration', 'license', 'resource-share', 'grant',
].map((name) => `${name}.schema.json`);
export const DOCUMENT_SCHEMA_ID = 'https://licensectl.dev/schemas/v1/common.schema.json';
export const GENERATED_FILE = new URL('./document-validator.generated.ts', import.meta.url);

// Both packages are CommonJS whose module object is itself the function.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020, formats: string[]) => void;
const standaloneCode = standaloneModule as unknown as (ajv: Ajv2020, refs: Record<string, string>) => string;

/** The ajv setup the validator is generated with; also usable directly where start-up time does not matter. */
export async function createSchemaAjv(): Promise<Ajv2020> {
  const ajv = new Ajv2020({
    allErrors: true,
    // Error messages are built from the failing schema (allowed names, bounds, x-expected).
    verbose: true,
    allowUnionTypes: true,
    strictSchema: true,
    strictTypes: true,
    strictTuples: true,
    // A oneOf branch may require a property that only the parent schema declares.
    strictRequired: false,
    code: { source: true, esm: true, lines: true },
  });
  addFormats(ajv, ['date-time', 'uri']);
  // Annotation only: the wording of "must be …" for patterns and unions.
  ajv.addVocabulary(['x-expected']);
  for (const file of SCHEMA_FILES) ajv.addSchema(JSON.parse(await readFile(new URL(file, SCHEMA_DIR), 'utf8')));
  return ajv;
}

const HEADER = `/* eslint-disable */
// @ts-nocheck
// GENERATED from schemas/*.schema.json by src/config/schema/generate.ts; do not edit.
// Regenerate: LICENSECTL_REGENERATE=1 npx vitest run test/config/schema-generated.test.ts
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
`;

export async function generateValidatorModule(): Promise<string> {
  const code = standaloneCode(await createSchemaAjv(), { validateDocument: DOCUMENT_SCHEMA_ID });
  return `${HEADER}${code.replace(/^"use strict";/, '')}\n`;
}
