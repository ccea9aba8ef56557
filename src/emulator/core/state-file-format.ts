// What a state file must hold: a licensectl emulator state (formatVersion 1, a revision, and the sections of
// `emptyState`). Sections missing from an older file start empty. Anything else is reported as a clear, typed
// error naming the file, never as a stack trace; and only a file that was read and found wrong is called
// corrupt (a file that cannot be read is reported by the store as such).
import { LicensectlError } from '../../errors/index.js';
import { isRecord } from '../../util/canonical.js';
import { emptyState, type EmulatorState } from './service-contract.js';

export function parseState(text: string, path: string): EmulatorState {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw stateCorrupt(path, `is not valid JSON (${(error as Error).message})`, error);
  }
  if (!isRecord(document) || document.formatVersion !== 1 || typeof document.revision !== 'number')
    throw stateCorrupt(path, 'is not a licensectl emulator state (expected formatVersion 1 and a revision)');
  return withAllSections(document, path);
}

/** Sections missing from an older file start empty; sections of the wrong type mean the file is damaged. */
function withAllSections(document: Record<string, unknown>, path: string): EmulatorState {
  const empty = emptyState() as unknown as Record<string, Record<string, unknown>>;
  for (const [section, defaults] of Object.entries(empty)) {
    if (!isRecord(defaults)) continue;
    const present = document[section] ?? {};
    if (!isRecord(present)) throw stateCorrupt(path, `has a malformed "${section}" section`);
    for (const [key, value] of Object.entries(defaults)) {
      present[key] ??= value;
      if (!isRecord(present[key])) throw stateCorrupt(path, `has a malformed "${section}.${key}" section`);
    }
    document[section] = present;
  }
  return document as unknown as EmulatorState;
}

function stateCorrupt(path: string, problem: string, cause?: unknown): LicensectlError {
  return new LicensectlError('EMULATOR_STATE_CORRUPT', `emulator state file ${path} ${problem}`, {
    hint: `delete ${path} to start from an empty emulator (its resources are lost), or restore it from a backup`,
    ...(cause === undefined ? {} : { cause }),
  });
}
