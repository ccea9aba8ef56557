import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { GENERATED_FILE, generateValidatorModule } from '../../src/config/schema/generate.js';

describe('the generated document validator', () => {
  it('is up to date with schemas/*.schema.json', async () => {
    const expected = await generateValidatorModule();
    if (process.env.LICENSECTL_REGENERATE === '1') await writeFile(GENERATED_FILE, expected);
    const actual = await readFile(GENERATED_FILE, 'utf8').catch(() => '');
    // On failure: LICENSECTL_REGENERATE=1 npx vitest run test/config/schema-generated.test.ts
    expect(actual === expected, 'document-validator.generated.ts is stale: regenerate it').toBe(true);
  });
});
