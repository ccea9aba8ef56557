// YAML whose cost is not linear in its size is refused before any value is built, with located diagnostics.
// None of these tests measures time: each input below takes the yaml library seconds to minutes without
// the limits, so vitest's own timeout is what fails them if a limit is lost.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { parseFile } from '../../src/config/parse.js';
import { problems, PROJECT } from './helpers.js';

const SHARE_HEAD = 'apiVersion: licensectl/v1\nkind: ResourceShare\n';
const SHARE = `${SHARE_HEAD}metadata: {name: x}\n`;

function withFile(content: string): Promise<string[]> {
  return problems({ 'licensectl.yaml': PROJECT, 'shares.yaml': content });
}

const SHARE_FIELDS = 'displayName, allowExternalPrincipals, principals, licenseConfigurations, adopt, management';
const COMPLEX_HINT = '  hint: write the key as plain text; quote it if it starts with "[", "{" or "?"';
const NESTING_HINT =
  '  hint: desired state nests a few levels; check the lines above for YAML syntax errors, such as "a: b: c" or uneven indentation';

describe('complex keys are refused before values are built', () => {
  it('2 KB of nested explicit keys (n⁴ in yaml) fails at once, at the outermost key', async () => {
    const text = `${SHARE}spec:\n  ${'? '.repeat(1000)}x\n`;
    expect(text.length).toBeGreaterThan(2000);
    expect(await withFile(text)).toEqual([
      'shares.yaml:5:5: error: a mapping key must be a string, not a mapping',
      COMPLEX_HINT,
    ]);
  });

  it.each([
    ['[a]: b', 'list', 3],
    ['{a: 1}: b', 'mapping', 3],
    ['{principals: [], [a]: b}', 'list', 20],
    ['[{a: 1}: b]', 'mapping', 4],
    ['? - a\n  : b', 'list', 5],
  ])('a key written as a collection: %s', async (spec, what, column) => {
    expect(await withFile(`${SHARE}spec:\n  ${spec}\n`)).toEqual([
      `shares.yaml:5:${column}: error: a mapping key must be a string, not a ${what}`,
      COMPLEX_HINT,
    ]);
  });

  it('a key written as an alias', async () => {
    expect(await withFile(`${SHARE}spec:\n  a: &k [x]\n  *k : b\n`)).toEqual([
      'shares.yaml:6:3: error: a mapping key must be a string, not an alias ("*k")',
      '  hint: write the key out; aliases may stand for values only',
    ]);
  });

  it('every complex key of a document is reported, and other documents of the file are still checked', async () => {
    const text = `${SHARE}spec:\n  [a]: 1\n  [b]: 2\n---\n${SHARE_HEAD}metadata: {name: y}\nspec: {principal: []}\n`;
    expect(await withFile(text)).toEqual([
      'shares.yaml:5:3: error: a mapping key must be a string, not a list',
      COMPLEX_HINT,
      'shares.yaml:6:3: error: a mapping key must be a string, not a list',
      COMPLEX_HINT,
      'shares.yaml:11:8: error: unknown field "principal"',
      '  hint: did you mean "principals"?',
    ]);
  });

  it('a quoted or explicit scalar key is an ordinary key', async () => {
    expect(await withFile(`${SHARE}spec:\n  "[a]": 1\n  ? b\n  : 2\n`)).toEqual([
      'shares.yaml:5:3: error: unknown field "[a]"',
      `  hint: allowed fields: ${SHARE_FIELDS}`,
      'shares.yaml:6:5: error: unknown field "b"',
      `  hint: allowed fields: ${SHARE_FIELDS}`,
    ]);
  });
});

describe('other limits', () => {
  it('block collections nested more than 100 levels deep', async () => {
    expect(await withFile(`${SHARE}spec:\n  principals:\n    ${'- '.repeat(5000)}x\n`)).toEqual([
      'shares.yaml:6:201: error: collections nested more than 100 levels deep',
      NESTING_HINT,
    ]);
  });

  it('100 levels are read', async () => {
    // The document, spec and principals are three levels; 97 lists nested in principals make 100.
    expect(await withFile(`${SHARE}spec:\n  principals:\n    ${'- '.repeat(98)}x\n`)).toEqual([
      'shares.yaml:6:7: error: "principals[0]" must be a 12-digit account id, an organization or OU ARN, an IAM role or user ARN, or a service principal',
    ]);
  });

  it('more than 50 aliases in one document, even to different anchors', async () => {
    const anchors = Array.from({ length: 51 }, (_, i) => `    - &a${i} '12345678901${i % 10}'\n`).join('');
    const aliases = Array.from({ length: 51 }, (_, i) => `    - *a${i}\n`).join('');
    expect(await withFile(`${SHARE}spec:\n  principals:\n${anchors}${aliases}`)).toEqual([
      'shares.yaml:107:7: error: more than 50 aliases in one document',
      '  hint: write the values out, or share fewer of them through anchors',
    ]);
  });

  it('50 aliases are read', async () => {
    const anchors = Array.from({ length: 50 }, (_, i) => `    - &a${i} '12345678901${i % 10}'\n`).join('');
    const aliases = Array.from({ length: 50 }, (_, i) => `    - *a${i}\n`).join('');
    expect(await withFile(`${SHARE}spec:\n  principals:\n${anchors}${aliases}`)).toEqual([]);
  });
});

describe('ordinary documents are read as before', () => {
  const roots = ['../../examples/', '../fixtures/'].map((r) => fileURLToPath(new URL(r, import.meta.url)));
  const files = roots.flatMap((root) =>
    readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/.test(f)).map((f) => `${root}${f}`),
  );

  it('there are files to read', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files)('%s: the values yaml itself reads, and no diagnostic', (file) => {
    const bytes = readFileSync(file);
    const parsed = parseFile(file, file, bytes);
    expect(parsed.diagnostics).toEqual([]);
    const expected = parseAllDocuments(bytes.toString('utf8'), { uniqueKeys: true }).map((d) => d.toJS());
    expect(parsed.documents.map((d) => d.value)).toEqual(expected);
    expect(parsed.documents.every((d) => d.ok)).toBe(true);
  });
});
