import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDirectory } from './helpers.js';

const VALID = fileURLToPath(new URL('../fixtures/config/valid/', import.meta.url));

describe('test/fixtures/config/valid', () => {
  it('loads without a diagnostic, skipping .github and the excluded drafts', async () => {
    const result = await loadDirectory(VALID);
    expect(result.diagnostics).toEqual([]);
    expect(result.files).toEqual(['licensectl.yaml', 'licenses/analytics.yaml', 'licenses/windows.yaml']);
    expect(result.state?.project).toMatchObject({ name: 'fixture-project', account: '000000000000', exclude: ['**/drafts/**'] });
    expect(result.state?.resources.map((r) => `${r.kind}/${r.name}`)).toEqual([
      'LicenseConfiguration/sql-server',
      'LicenseConfiguration/windows-server',
      'License/analytics-pro',
      'ResourceShare/windows-to-dev',
      'Grant/analytics-to-dev',
    ]);
  });
});
