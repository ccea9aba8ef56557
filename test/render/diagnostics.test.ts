// Diagnostics as text: a file name or a message cannot forge a diagnostic line or reach the terminal as an
// escape sequence, and a mistake repeated in thousands of documents prints a bounded list and a count.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/errors/index.js';
import { diagnosticsToJson, MAX_SHOWN, renderDiagnostics } from '../../src/render/diagnostics.js';
import { stripAnsi } from '../../src/render/symbols.js';

/**
 * What a CI annotation parser takes for a located error: a line that starts with `file:line:col: error:` (hints
 * are indented, and quote file names).
 */
const ANNOTATION = /^\S.*?:\d+:\d+: error: /;
const EVIL_FILE = 'evil\nc.yaml:1:1: error: forged annotation\u001b[31m\u001b[2J\u009b1m.yaml';

const syntaxError = (file: string): Diagnostic => ({
  severity: 'error', code: 'YAML_SYNTAX', message: `YAML syntax error in "${file}"`, file, line: 2, column: 1, hint: `rename\n${file}`,
});

describe('a hostile file name in diagnostics', () => {
  it('stays on its diagnostic line: every line shaped like an error annotation is a real diagnostic', () => {
    const text = renderDiagnostics([syntaxError(EVIL_FILE)], { color: false });
    const annotations = text.split('\n').filter((line) => ANNOTATION.test(line));
    expect(annotations).toEqual(['evil\\nc.yaml:1:1: error: forged annotation\\u001b[31m\\u001b[2J\\u009b1m.yaml:2:1: error: YAML syntax error in "evil\\nc.yaml:1:1: error: forged annotation\\u001b[31m\\u001b[2J\\u009b1m.yaml"']);
    expect(text.split('\n')).toHaveLength(3);
  });

  it('sends no escape or control character to the terminal, without colour or with it', () => {
    expect(renderDiagnostics([syntaxError(EVIL_FILE)], { color: false })).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    // With colour, the only escape sequences are the ones licensectl paints.
    expect(stripAnsi(renderDiagnostics([syntaxError(EVIL_FILE)], { color: true }))).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  it('keeps the name exactly as it is in --json', () => {
    expect(diagnosticsToJson([syntaxError(EVIL_FILE)]).diagnostics[0]!.file).toBe(EVIL_FILE);
  });
});

describe('a long list of diagnostics', () => {
  const many = (count: number, severity: Diagnostic['severity'] = 'error', from = 0): Diagnostic[] =>
    Array.from({ length: count }, (_, i) => ({ severity, code: 'UNKNOWN_FIELD', message: 'unknown field "licenceCount"', file: `d${from + i}.yaml`, line: 6, column: 3 }));

  it(`shows the first ${MAX_SHOWN}, then counts the rest, then the total`, () => {
    const lines = renderDiagnostics(many(10_000), { color: false }).split('\n');
    expect(lines).toHaveLength(MAX_SHOWN + 2);
    expect(lines[0]).toBe('d0.yaml:6:3: error: unknown field "licenceCount"');
    expect(lines[MAX_SHOWN - 1]).toBe(`d${MAX_SHOWN - 1}.yaml:6:3: error: unknown field "licenceCount"`);
    expect(lines.slice(-2)).toEqual(['… and 9,900 more errors (--json lists every one)', '10,000 errors']);
  });

  it('counts errors and warnings left out apart, in the singular too', () => {
    const lines = renderDiagnostics([...many(MAX_SHOWN + 1), ...many(1, 'warning', 500)], { color: false }).split('\n');
    expect(lines.slice(-2)).toEqual(['… and 1 more error and 1 more warning (--json lists every one)', '101 errors, 1 warning']);
  });

  it(`shows all of exactly ${MAX_SHOWN}, with no line for the rest`, () => {
    const lines = renderDiagnostics(many(MAX_SHOWN), { color: false }).split('\n');
    expect(lines).toHaveLength(MAX_SHOWN + 1);
    expect(lines.at(-1)).toBe(`${MAX_SHOWN} errors`);
  });

  it('keeps every one in --json', () => {
    const json = diagnosticsToJson(many(10_000));
    expect([json.errorCount, json.diagnostics.length]).toEqual([10_000, 10_000]);
  });
});
