// Validates documents against the published schemas in schemas/ (the plan file's, for one).
import { readFile } from 'node:fs/promises';

const SCHEMA_DIR = new URL('../../schemas/', import.meta.url);

export async function loadSchemaValidator(name: string): Promise<(doc: unknown) => string[]> {
  const [{ Ajv2020 }, formats] = await Promise.all([import('ajv/dist/2020.js'), import('ajv-formats')]);
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  // ajv-formats is CommonJS: its module object is itself the plugin function.
  (formats.default as unknown as (a: unknown) => void)(ajv);
  const validate = ajv.compile(JSON.parse(await readFile(new URL(name, SCHEMA_DIR), 'utf8')));
  return (doc) => (validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`));
}
