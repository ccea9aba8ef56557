import { describe, expect, it } from 'vitest';
import { diffDesired } from '../../src/plan/desired-diff.js';
import { renderDesiredChangesText } from '../../src/render/plan-text.js';
import { stripAnsi } from '../../src/render/symbols.js';
import { desiredConfig, desiredState } from '../helpers/builders.js';
import { pullRequestChanges } from './scenarios.js';

describe('renderDesiredChangesText', () => {
  it('lists project settings, then documents by address, each with its file and changed fields', () => {
    expect(renderDesiredChangesText(pullRequestChanges(), { color: false })).toBe([
      'Changes to the desired state:',
      '  ~ project settings changed',
      '      ~ prune: false → true',
      '  + LicenseConfiguration/oracle-ee added in licenses/oracle.yaml',
      '  ~ LicenseConfiguration/sql-legacy changed in licenses/sql.yaml (moved from licenses.yaml)',
      '      ~ countingType: "Core" → "Socket"',
      '      - licenseCount: 40',
      '  ~ LicenseConfiguration/windows-server changed in licenses/windows.yaml',
      '      ~ licenseCount: 128 → 256',
      '      + tags.team: "platform"',
      '  → ResourceShare/legacy-to-qa moved from shares.yaml to shares/legacy.yaml',
      '  - ResourceShare/old-share removed from shares.yaml',
      '',
    ].join('\n'));
  });

  it('says so when nothing changed', () => {
    const state = desiredState([desiredConfig('c')]);
    expect(renderDesiredChangesText(diffDesired(state, state), { color: false })).toBe('No changes to the desired state.\n');
  });

  it('colours symbols only when asked, and reads the same without colour', () => {
    const coloured = renderDesiredChangesText(pullRequestChanges(), { color: true });
    expect(coloured).toContain('\u001b[32m+\u001b[39m LicenseConfiguration/oracle-ee');
    expect(stripAnsi(coloured)).toBe(renderDesiredChangesText(pullRequestChanges(), { color: false }));
  });

  it('says when a document came from no known file', () => {
    const changes = diffDesired(desiredState([]), desiredState([desiredConfig('c')]));
    expect(renderDesiredChangesText(changes, { color: false })).toContain('  + LicenseConfiguration/c added in an unknown file\n');
  });
});
