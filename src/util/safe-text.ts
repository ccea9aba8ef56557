// Text we do not control, made safe to show: credentials in URLs never reach a log, a status page or an
// error message, and no file name, value or message can end a line, move the cursor or colour a terminal.
//
// Redaction: the user-information part of every `scheme://user:secret@host` becomes `***@`, whether in a
// sentence, a JSON document (the pattern never crosses a `"`, so redacting JSON text keeps it JSON) or a
// value of any shape. Escaping: control characters are written as a JSON string would write them (`\n`,
// `\u001b`), so one printed item always stays on one line and a terminal only ever sees printable text.

/**
 * The authority part up to its last `@`: a password with a raw `@` in it (`https://u:p@ss@host`) is hidden
 * whole. It stops at whitespace, `/`, `?`, `#` (the authority ends there) and `"` (a JSON string ends there).
 */
const URL_CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/)[^\s/?#"]*@/gi;

/** Replaces `user:secret@` in every URL of `text` with `***@`, so that a token in a URL never reaches a log. */
export function redactUrls(text: string): string {
  return text.replace(URL_CREDENTIALS, '$1***@');
}

/**
 * `value` with redactUrls applied to every string in it, at any depth of arrays and plain objects (keys
 * included); other values are returned as they are. Never mutates `value`.
 */
export function redactUrlsDeep<T>(value: T): T {
  return redactValue(value) as T;
}

function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return redactUrls(value);
  if (Array.isArray(value)) return value.map(redactValue);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, member]) => [redactUrls(key), redactValue(member)]));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/**
 * What no printed text may contain raw: C0 controls (line feed, carriage return, escape, …), DEL, C1 controls
 * (0x9b is a one-byte CSI to some terminals), the Unicode line and paragraph separators, and the bidirectional
 * embedding, override and isolate controls that make a terminal show text in another order than it is read.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** JSON's short escapes; everything else unsafe is written `\uXXXX`. */
const SHORT: Readonly<Record<string, string>> = { '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r' };

/**
 * `text` with every unsafe character escaped as JSON escapes it (`\n`, `\t`, `\u001b`, `\u009b`, `\u2028`):
 * for a file name, a value or a message printed in text output (diagnostics, plans, apply results, errors),
 * where a newline could forge a `file:line:col: error:` line for a CI annotation parser and an escape
 * sequence could drive the terminal even under NO_COLOR. Backslashes are left alone (Windows paths stay
 * readable); printable text, including any script or emoji, is unchanged.
 */
export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
