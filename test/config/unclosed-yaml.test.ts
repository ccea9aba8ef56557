// An unclosed quote or flow bracket is reported where it opens (and where parsing stopped), and a file that
// failed to parse does not make the references into it missing.
import { describe, expect, it } from 'vitest';
import { renderDiagnostics } from '../../src/render/diagnostics.js';
import { expectGolden } from '../render/golden.js';
import { load, problems, PROJECT, yaml } from './helpers.js';

function withFile(content: string): Promise<string[]> {
  return problems({ 'licensectl.yaml': PROJECT, 'resources.yaml': content });
}

const LICENSES = yaml`
  apiVersion: licensectl/v1
  kind: LicenseConfiguration
  metadata: {name: windows-server, tags: {team: "platform}}
  spec:
    countingType: Core
  ---
  apiVersion: licensectl/v1
  kind: License
  metadata: {name: analytics-pro}
  spec:
    productName: Acme Analytics
`;

const GRANTS = yaml`
  apiVersion: licensectl/v1
  kind: Grant
  metadata: {name: analytics-to-dev}
  spec:
    license: analytics-pro
    principal: arn:aws:iam::222233334444:root
    homeRegion: us-east-1
    allowedOperations: [CheckoutLicense]
  ---
  apiVersion: licensectl/v1
  kind: ResourceShare
  metadata: {name: windows-to-dev}
  spec:
    principals: ["222233334444"]
    licenseConfigurations: [windows-server, sql-server]
`;

describe('an unclosed quote or bracket is reported where it opens', () => {
  it('a double quote, with where parsing stopped (the end of the file, two documents later)', async () => {
    expect(await withFile(LICENSES)).toEqual([
      'resources.yaml:3:47: error: unclosed double quote: the string opened here never ends',
      '  hint: parsing stopped at line 12, column 1 (the end of the file); end the string with "',
    ]);
  });

  it('a single quote; an escaped quote inside does not close it', async () => {
    expect(await withFile(yaml`
      apiVersion: licensectl/v1
      kind: ResourceShare
      metadata: {name: x}
      spec:
        principals: ['it''s]
        licenseConfigurations: []
    `)).toEqual([
      'resources.yaml:5:16: error: unclosed single quote: the string opened here never ends',
      '  hint: parsing stopped at line 7, column 1 (the end of the file); end the string with \'',
    ]);
  });

  it('a double quote whose last quote is escaped', async () => {
    expect(await withFile('apiVersion: licensectl/v1\nkind: ResourceShare\nmetadata: {name: "x\\"}\nspec: {}\n')).toEqual([
      'resources.yaml:3:18: error: unclosed double quote: the string opened here never ends',
      '  hint: parsing stopped at line 5, column 1 (the end of the file); end the string with "',
    ]);
  });

  it('a bracket, where parsing stopped at the next key', async () => {
    expect(await withFile(yaml`
      apiVersion: licensectl/v1
      kind: ResourceShare
      metadata: {name: x}
      spec:
        principals: ["222233334444", "333344445555"
        licenseConfigurations: []
    `)).toEqual([
      'resources.yaml:5:15: error: unclosed bracket: the list opened here is not closed with ]',
      '  hint: parsing stopped at line 6, column 3; close it with ], or write it as a block list',
    ]);
  });

  it('the innermost brace, closed by a bracket', async () => {
    expect(await withFile(yaml`
      apiVersion: licensectl/v1
      kind: License
      metadata: {name: x}
      spec:
        entitlements: [{name: seats, unit: Count]
        productName: x
    `)).toEqual([
      'resources.yaml:5:18: error: unclosed brace: the mapping opened here is not closed with }',
      '  hint: parsing stopped at line 5, column 43; close it with }, or write it as a block mapping',
    ]);
  });

  it('golden: the diagnostic as the CLI prints it', async () => {
    const result = await load({ 'licensectl.yaml': PROJECT, 'licenses.yaml': LICENSES, 'grants.yaml': GRANTS });
    expectGolden('diagnostics-unclosed-quote.txt', `${renderDiagnostics(result.diagnostics, { color: false })}\n`);
  });
});

describe('a file that failed to parse', () => {
  it('does not make references to the names it mentions missing: only the parse error is reported', async () => {
    const result = await load({ 'licensectl.yaml': PROJECT, 'licenses.yaml': LICENSES, 'grants.yaml': GRANTS });
    expect(result.state).toBeNull();
    expect(result.diagnostics.map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`)).toEqual([
      'grants.yaml:15 MISSING_REFERENCE LicenseConfiguration "sql-server" is not defined',
      'licenses.yaml:3 UNCLOSED_QUOTE unclosed double quote: the string opened here never ends',
    ]);
  });

  it('nor does a file that is not UTF-8', async () => {
    const latin1 = new Uint8Array([...Buffer.from(LICENSES.replace('"platform}', 'caf')), 0xe9, 0x0a]);
    const result = await load({ 'licensectl.yaml': PROJECT, 'licenses.yaml': latin1, 'grants.yaml': GRANTS });
    expect(result.diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual(['grants.yaml MISSING_REFERENCE', 'licenses.yaml NOT_UTF8']);
  });

  it('a name that is only part of a longer word in the broken file is still missing', async () => {
    const result = await load({ 'licensectl.yaml': PROJECT, 'licenses.yaml': LICENSES, 'grants.yaml': GRANTS.replace('analytics-pro', 'analytics') });
    expect(result.diagnostics.map((d) => d.message)).toContain('License "analytics" is not defined');
  });
});
