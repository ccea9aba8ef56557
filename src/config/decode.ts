// Bytes to text: only UTF-8 text files of a sane size are YAML we read.
import { positionInText, type Position, type Problem } from './document.js';
import { MAX_FILE_BYTES } from './limits.js';
import { fileTooLarge } from './source.js';

export type Decoded =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly problem: Problem; readonly position?: Position };

// Whole-file problems still point somewhere, so every diagnostic reads file:line:column.
const FILE_START: Position = { line: 1, column: 1 };

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_FILE_BYTES) {
    const error = fileTooLarge(bytes.length);
    return { ok: false, problem: { code: error.code, message: error.message, hint: error.hint }, position: FILE_START };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const before = lenient.decode(bytes.subarray(0, nul));
    return {
      ok: false,
      position: positionInText(before, before.length),
      problem: {
        code: 'BINARY_FILE',
        message: 'file contains NUL bytes: it is binary or not UTF-8 (UTF-16?)',
        hint: 'desired-state files must be UTF-8 text; move binary files out or exclude them with spec.exclude',
      },
    };
  }
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    return { ok: false, problem: notUtf8, position: firstInvalid(bytes) };
  }
}

const notUtf8: Problem = {
  code: 'NOT_UTF8',
  message: 'file is not valid UTF-8',
  hint: 'save the file as UTF-8 (Latin-1 and Windows-1252 are not read)',
};

/** Where decoding first went wrong: the first replacement character of a lenient decode. */
function firstInvalid(bytes: Uint8Array): Position {
  const text = lenient.decode(bytes);
  return positionInText(text, Math.max(0, text.indexOf('\uFFFD')));
}
