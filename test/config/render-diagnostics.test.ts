import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/errors/index.js';
import { stripAnsi } from '../../src/render/symbols.js';
import { diagnosticsToJson, renderDiagnostics } from '../../src/render/diagnostics.js';

const located: Diagnostic = {
  severity: 'error', code: 'UNKNOWN_FIELD', message: 'unknown field "licenceCount"', file: 'a.yaml', line: 6, column: 3,
  field: 'spec.licenceCount', hint: 'did you mean "licenseCount"?',
};
const fileOnly: Diagnostic = { severity: 'error', code: 'EMPTY_FILE', message: 'file is empty', file: 'b.yaml' };
const unlocated: Diagnostic = { severity: 'error', code: 'DIRECTORY_NOT_FOUND', message: 'directory x does not exist' };
const warning: Diagnostic = { severity: 'warning', code: 'YAML_SYNTAX', message: 'something odd', file: 'c.yaml', line: 1, column: 1 };

describe('renderDiagnostics', () => {
  it('one compiler-style line each, hints indented, then the count', () => {
    expect(renderDiagnostics([located, fileOnly, unlocated, warning], { color: false })).toBe([
      'a.yaml:6:3: error: unknown field "licenceCount"',
      '  hint: did you mean "licenseCount"?',
      'b.yaml: error: file is empty',
      'error: directory x does not exist',
      'c.yaml:1:1: warning: something odd',
      '3 errors, 1 warning',
    ].join('\n'));
  });

  it('counts in the singular', () => {
    expect(renderDiagnostics([fileOnly], { color: false }).split('\n').at(-1)).toBe('1 error');
    expect(renderDiagnostics([warning, warning], { color: false }).split('\n').at(-1)).toBe('2 warnings');
  });

  it('nothing for no diagnostics', () => {
    expect(renderDiagnostics([], { color: true })).toBe('');
  });

  it('colours location, severity and hint when asked, and only then', () => {
    const text = renderDiagnostics([located, warning], { color: true });
    expect(text).toBe([
      '\u001b[1ma.yaml:6:3\u001b[22m: \u001b[31m\u001b[1merror\u001b[22m\u001b[39m: unknown field "licenceCount"',
      '  \u001b[36mhint:\u001b[39m did you mean "licenseCount"?',
      '\u001b[1mc.yaml:1:1\u001b[22m: \u001b[33m\u001b[1mwarning\u001b[22m\u001b[39m: something odd',
      '1 error, 1 warning',
    ].join('\n'));
    expect(stripAnsi(text)).toBe(renderDiagnostics([located, warning], { color: false }));
  });
});

describe('diagnosticsToJson', () => {
  it('counts, validity, and every diagnostic with its members in a fixed order', () => {
    const json = diagnosticsToJson([warning, located]);
    expect(json).toEqual({ valid: false, errorCount: 1, warningCount: 1, diagnostics: [warning, located] });
    expect(Object.keys(json.diagnostics[1]!)).toEqual(['severity', 'code', 'message', 'file', 'line', 'column', 'field', 'hint']);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('warnings alone are valid', () => {
    expect(diagnosticsToJson([warning])).toMatchObject({ valid: true, errorCount: 0, warningCount: 1 });
  });
});
