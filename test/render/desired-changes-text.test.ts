import { describe, expect, it } from 'vitest';
import type { DesiredResource } from '../../src/model/index.js';
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

  it('shows a document turned observe-only, ignoring fields or adopting a resource, under its document paths', () => {
    const arn = 'arn:aws:license-manager:us-east-1:000000000000:license-configuration:lic-1';
    const base = desiredState([{ ...desiredConfig('a'), ignore: ['spec.description'] } as DesiredResource, desiredConfig('b')]);
    const head = desiredState([{ ...desiredConfig('a'), observe: true, ignore: ['metadata.tags', 'spec.licenseCount'] } as DesiredResource, { ...desiredConfig('b'), adopt: arn } as DesiredResource]);
    expect(renderDesiredChangesText(diffDesired(base, head), { color: false })).toBe([
      'Changes to the desired state:',
      '  ~ LicenseConfiguration/a changed in an unknown file',
      '      ~ metadata.ignore:',
      '          - "spec.description"',
      '          + "metadata.tags"',
      '          + "spec.licenseCount"',
      '      ~ spec.management: "manage" → "observe"',
      '  ~ LicenseConfiguration/b changed in an unknown file',
      `      + spec.adopt: "${arn}"`,
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
