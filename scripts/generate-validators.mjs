#!/usr/bin/env node
// Compiles the JSON Schemas in schemas/ into standalone ajv validation code, so that no schema is compiled at run
// time (compiling the document schemas costs ~200 ms at start-up; loading the generated module ~10 ms). Run by
// `npm run build`; the output is not committed.
//
//   node scripts/generate-validators.mjs
//
// Writes src/config/schema/document-validator.generated.ts (validateDocument: one desired-state document; SPEC_FIELDS: the
// fields an ignore path may name, by kind) and
// src/app/output-validators.generated.ts (validatePlan, validateApplyResult, validateValidateResult, validateError,
// validateFleetList, validateReport: the JSON contracts of plan, apply, validate, errors, emulator fleet list and report; a saved plan is checked with validatePlan before it is applied).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schema = (file) => JSON.parse(readFileSync(join(root, 'schemas', file), 'utf8'));
const ID = 'https://licensectl.dev/schemas/v1/';

const DOCUMENT_FILES = ['common', 'project', 'license-configuration', 'license', 'resource-share', 'grant', 'association', 'service-settings', 'report-generator'];
// The JSON outputs of plan, apply, validate, emulator fleet list and report, and the error every command prints under --json.
const OUTPUTS = [
  { name: 'validatePlan', file: 'plan' },
  { name: 'validateApplyResult', file: 'apply-result' },
  { name: 'validateValidateResult', file: 'validate-result' },
  { name: 'validateError', file: 'error' },
  { name: 'validateFleetList', file: 'fleet-list' },
  { name: 'validateReport', file: 'report' },
  { name: 'validatePlanSet', file: 'plan-set' },
  { name: 'validateImportResult', file: 'import-result' },
  { name: 'validateState', file: 'state' },
];

function documentAjv() {
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
  addFormats.default(ajv, ['date-time', 'uri']);
  // Annotation only: the wording of "must be …" for patterns and unions.
  ajv.addVocabulary(['x-expected']);
  for (const file of DOCUMENT_FILES) ajv.addSchema(schema(`${file}.schema.json`));
  return ajv;
}

function outputAjv() {
  const ajv = new Ajv2020({ allErrors: true, strict: false, code: { source: true, esm: true } });
  addFormats.default(ajv);
  for (const { file } of OUTPUTS) ajv.addSchema(schema(`${file}.schema.json`));
  return ajv;
}

function write(relative, ajv, refs) {
  const header = [
    '/* eslint-disable */',
    '// @ts-nocheck',
    '// GENERATED from schemas/*.schema.json by scripts/generate-validators.mjs during `npm run build`; do not edit, not committed.',
    "import { createRequire } from 'node:module';",
    'const require = createRequire(import.meta.url);',
    '',
  ].join('\n');
  const code = standaloneCode.default(ajv, refs).replace(/^"use strict";/, '');
  writeFileSync(join(root, relative), `${header}${code}\n`);
}

/**
 * The fields an ignore path (metadata.ignore, the project's spec.ignore) may name, by kind: every member of spec and,
 * through $refs, the members of its objects (not of list elements), as `spec.a.b`. spec.adopt and spec.management say
 * how the resource is managed; they are not fields of it.
 */
function specFields() {
  const byId = Object.fromEntries(DOCUMENT_FILES.map((file) => [`${ID}${file}.schema.json`, schema(`${file}.schema.json`)]));
  const resolve = (node, doc) => {
    while (node.$ref) {
      const [file, pointer] = node.$ref.split('#');
      if (file) doc = byId[`${ID}${file}`];
      node = pointer.split('/').slice(1).reduce((n, key) => n[key], doc);
    }
    return [node, doc];
  };
  const walk = (node, doc, prefix, out) => {
    const [resolved, base] = resolve(node, doc);
    for (const [key, member] of Object.entries(resolved.properties ?? {})) {
      if (prefix === 'spec' && (key === 'adopt' || key === 'management')) continue;
      out.push(`${prefix}.${key}`);
      walk(member, base, `${prefix}.${key}`, out);
    }
    return out;
  };
  return Object.fromEntries(DOCUMENT_FILES.filter((f) => f !== 'common' && f !== 'project').map((file) => {
    const doc = byId[`${ID}${file}.schema.json`];
    return [doc.properties.kind.const, walk(doc.properties.spec, doc, 'spec', []).sort()];
  }));
}

write('src/config/schema/document-validator.generated.ts', documentAjv(), { validateDocument: `${ID}common.schema.json` });
writeFileSync(join(root, 'src/config/schema/document-validator.generated.ts'), `export const SPEC_FIELDS = ${JSON.stringify(specFields())};\n`, { flag: 'a' });
write('src/app/output-validators.generated.ts', outputAjv(), Object.fromEntries(OUTPUTS.map(({ name, file }) => [name, `${ID}${file}.schema.json`])));
