import { describe, expect, it } from 'vitest';
import type { ApplyResult, ChangeResult } from '../../src/plan/types.js';
import { applySummaryLine, renderApplyResult } from '../../src/render/apply-result.js';
import { stripAnsi } from '../../src/render/symbols.js';
import { TARGET } from '../helpers/builders.js';
import { mixedApplyResult } from './scenarios.js';

const resultOf = (results: ChangeResult[]): ApplyResult => ({
  project: 'acme-licenses', target: TARGET, results,
  summary: {
    applied: results.filter((r) => r.outcome === 'applied').length,
    failed: results.filter((r) => r.outcome === 'failed').length,
    skipped: results.filter((r) => r.outcome === 'skipped').length,
  },
});

describe('renderApplyResult', () => {
  it('reports a complete apply by action', () => {
    const result = resultOf([
      { address: 'LicenseConfiguration/a', action: 'create', outcome: 'applied', arn: 'arn:a' },
      { address: 'License/l', action: 'replace', outcome: 'applied', arn: 'arn:l2' },
      { address: 'Grant/g', action: 'delete', outcome: 'applied', arn: 'arn:g' },
    ]);
    expect(renderApplyResult(result, { color: false })).toBe([
      '+ LicenseConfiguration/a: created (arn:a)',
      '-/+ License/l: replaced (arn:l2)',
      '- Grant/g: deleted (arn:g)',
      '',
      'Apply complete! Resources: 1 created, 0 updated, 1 replaced, 1 deleted.',
      '',
    ].join('\n'));
  });

  it('says which dependency a skipped change waited for, and whether that one failed or was skipped itself', () => {
    const result = resultOf([
      { address: 'License/l', action: 'create', outcome: 'failed', arn: null, error: { code: 'ValidationException', message: 'bad sku' } },
      { address: 'ResourceShare/s', action: 'create', outcome: 'skipped', arn: null, blockedBy: 'Grant/g' },
      { address: 'Grant/g', action: 'create', outcome: 'skipped', arn: null, blockedBy: 'License/l' },
    ]);
    expect(renderApplyResult(result, { color: false }).split('\n')).toEqual([
      '✗ License/l: create failed: ValidationException bad sku',
      '○ ResourceShare/s: create skipped: depends on Grant/g, which was skipped',
      '○ Grant/g: create skipped: depends on License/l, which failed',
      '',
      'Apply failed: 1 of 3 changes failed, 2 skipped.',
      '',
    ]);
  });

  it('after progress lines (problemsOnly), lists only the changes that did not apply, and sums up all', () => {
    const result = resultOf([
      { address: 'LicenseConfiguration/a', action: 'create', outcome: 'applied', arn: 'arn:a' },
      { address: 'License/l', action: 'create', outcome: 'failed', arn: null, error: { code: 'ValidationException', message: 'bad sku' } },
    ]);
    expect(renderApplyResult(result, { color: false, problemsOnly: true }).split('\n')).toEqual([
      '✗ License/l: create failed: ValidationException bad sku',
      '',
      'Apply failed: 1 of 2 changes failed, 0 skipped.',
      '',
    ]);
    const clean = resultOf([{ address: 'LicenseConfiguration/a', action: 'create', outcome: 'applied', arn: 'arn:a' }]);
    expect(renderApplyResult(clean, { color: false, problemsOnly: true })).toBe('Apply complete! Resources: 1 created, 0 updated, 0 replaced, 0 deleted.\n');
  });

  it('calls an apply that stopped without failures stopped, not complete', () => {
    const result = resultOf([{ address: 'Grant/g', action: 'update', outcome: 'skipped', arn: 'arn:g' }]);
    expect(applySummaryLine(result)).toBe('Apply stopped: 1 of 1 change skipped.');
    expect(renderApplyResult(result, { color: false })).toContain('○ Grant/g: update skipped: apply stopped before it started\n');
  });

  it('says "change" for one change and "changes" for more', () => {
    const failed = resultOf([{ address: 'Grant/g', action: 'update', outcome: 'failed', arn: 'arn:g', error: { code: 'X', message: 'no' } }]);
    expect(applySummaryLine(failed)).toBe('Apply failed: 1 of 1 change failed, 0 skipped.');
    const two = resultOf([
      { address: 'Grant/g', action: 'update', outcome: 'skipped', arn: 'arn:g' },
      { address: 'Grant/h', action: 'update', outcome: 'skipped', arn: 'arn:h' },
    ]);
    expect(applySummaryLine(two)).toBe('Apply stopped: 2 of 2 changes skipped.');
  });

  it('reports an empty apply as complete', () => {
    expect(renderApplyResult(resultOf([]), { color: false })).toBe('Apply complete! Resources: 0 created, 0 updated, 0 replaced, 0 deleted.\n');
  });

  it('colours marks when asked and says the same without colour', () => {
    const colored = renderApplyResult(mixedApplyResult(), { color: true });
    expect(colored).toContain('\u001b[31m✗\u001b[39m LicenseConfiguration/sql-legacy');
    expect(stripAnsi(colored)).toBe(renderApplyResult(mixedApplyResult(), { color: false }));
  });
});
