// Every command's --json output is a documented contract: plan, apply (one shape, whatever happened), validate,
// and the error every command prints, each checked against its schema in schemas/.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { schemaProblems, type OutputSchema } from '../../src/app/schema.js';
import { CONFIG_YAML, PROJECT_YAML, projectDir, removeDir, runCli } from '../helpers/cli.js';

async function json(args: string[], schema: OutputSchema, status: number) {
  const r = await runCli([...args, '--json']);
  expect(r.status, r.stderr).toBe(status);
  const doc = JSON.parse(r.stdout) as Record<string, unknown>;
  expect(schemaProblems(schema, doc)).toEqual([]);
  return doc;
}

describe('JSON outputs', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await projectDir({ 'licensectl.yaml': PROJECT_YAML('contracts'), 'a.yaml': CONFIG_YAML('a', 'countingType: Core\nlicenseCount: 4') });
  });
  afterEach(async () => { await removeDir(dir); });

  it('apply --json has one shape with a formatVersion, with changes and without', async () => {
    const applied = await json(['apply', '--dir', dir, '--auto-approve'], 'apply-result.schema.json', 0);
    expect(applied).toMatchObject({ formatVersion: '1', project: 'contracts', summary: { applied: 1, failed: 0, skipped: 0 } });
    expect(applied.results).toEqual([expect.objectContaining({ address: 'LicenseConfiguration/a', action: 'create', outcome: 'applied' })]);
    const unchanged = await json(['apply', '--dir', dir, '--auto-approve'], 'apply-result.schema.json', 0);
    expect(unchanged).toMatchObject({ formatVersion: '1', project: 'contracts', summary: { applied: 0, failed: 0, skipped: 0 }, results: [] });
    // Every resource apply knows comes with its ARN: what it changed in results, what it left as it is in unchanged.
    expect(applied.unchanged).toEqual([]);
    const arn = (applied.results as { arn: string }[])[0]!.arn;
    expect(arn).toMatch(/^arn:aws:license-manager:/);
    expect(unchanged.unchanged).toEqual([{ address: 'LicenseConfiguration/a', arn }]);
    expect(schemaProblems('apply-result.schema.json', { ...unchanged, unchanged: [{ address: 'LicenseConfiguration/a' }] })).toContain("/unchanged/0 must have required property 'arn'");
  });

  it('validate --json: a valid state, and an invalid one as an error with every diagnostic', async () => {
    const valid = await json(['validate', '--dir', dir], 'validate-result.schema.json', 0);
    expect(valid).toMatchObject({ formatVersion: '1', valid: true, project: 'contracts', files: ['a.yaml', 'licensectl.yaml'], resources: { LicenseConfiguration: 1 } });
    const broken = await projectDir({ 'licensectl.yaml': PROJECT_YAML('contracts'), 'a.yaml': CONFIG_YAML('a', 'countingType: Cores') });
    try {
      const invalid = await json(['validate', '--dir', broken], 'validate-result.schema.json', 1);
      expect(invalid).toMatchObject({ error: { code: 'INVALID_CONFIG', diagnostics: [expect.objectContaining({ file: 'a.yaml', code: 'INVALID_VALUE' })] } });
    } finally {
      await removeDir(broken);
    }
  });

  it('a store that cannot be reached is ENDPOINT_UNREACHABLE, never INTERNAL', async () => {
    const r = await runCli(['plan', '--dir', dir, '--endpoint', 'http://127.0.0.1:1', '--json'], { env: { LICENSECTL_MAX_ATTEMPTS: '1' } });
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout) as { error: { code: string; message: string } };
    expect(schemaProblems('error.schema.json', doc)).toEqual([]);
    expect(doc.error.code).toBe('ENDPOINT_UNREACHABLE');
    expect(doc.error.message).toMatch(/connection refused/);
  });

  it('an error under --json names a registered code and its hint', async () => {
    const error = await json(['plan', '--dir', dir, '--target', 'nonsense'], 'error.schema.json', 1);
    expect(error).toMatchObject({ error: { code: 'BAD_TARGET' } });
    expect(typeof (error.error as { hint?: unknown }).hint).toBe('string');
    expect(schemaProblems('plan.schema.json', await json(['plan', '--dir', dir], 'plan.schema.json', 0))).toEqual([]);
  });
});
