// Problems that make watching pointless from the start (no directory, no licensectl.yaml) end the command
// with exit 1. Anything else wrong with the desired state is reported by the running watcher instead,
// which waits for a fix: a bad commit must not stop a controller that has to run for weeks.
import { isErrorCode, LicensectlError } from '../errors/index.js';
import type { DesiredSource } from './desired-source.js';

const FATAL_AT_START = new Set<string>(['DIRECTORY_NOT_FOUND', 'NOT_A_DIRECTORY', 'PROJECT_FILE_MISSING', 'LIST_FAILED']);

export async function preflight(source: DesiredSource): Promise<void> {
  const { result } = await source.read();
  const fatal = result.diagnostics.find((d) => d.severity === 'error' && FATAL_AT_START.has(d.code));
  if (fatal && isErrorCode(fatal.code)) throw new LicensectlError(fatal.code, fatal.message, { ...(fatal.hint ? { hint: fatal.hint } : {}) });
}
