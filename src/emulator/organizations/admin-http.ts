// The organization's admin surface over HTTP, on `emulator serve`, under `/_licensectl/org` (beside the fleet's
// `/_licensectl/fleet`; no AWS service uses these paths). JSON in, JSON out:
//   GET /_licensectl/org           → 200 {organization: {...} | null}   (the record as the state holds it)
//   PUT /_licensectl/org {declaration, as the `emulator org apply` file}
//                                  → 200 {changed: true|false, organization: {...}}
//                                  → 400 {error: {type: InvalidParameterValue, message, problems: [{field, path, message}]}}
// POST is accepted as PUT. The same declaration again answers `changed: false` and writes nothing.
import type { Emulator } from '../core/emulator.js';
import type { EmulatorResponse } from '../core/wire.js';
import { fieldName, InvalidDeclaration } from './declaration.js';

export const ORG_ADMIN_PATH = '/_licensectl/org';

/** The answer to a request under ORG_ADMIN_PATH. */
export async function orgAdminResponse(emulator: Emulator, method: string, path: string, body: string): Promise<EmulatorResponse> {
  const pathname = new URL(path, 'http://emulator').pathname.replace(/\/+$/, '');
  if (pathname !== ORG_ADMIN_PATH || !['GET', 'PUT', 'POST'].includes(method))
    return json(404, { error: { type: 'UnknownOperationException', message: `The emulator has no admin operation ${method} ${pathname}` } });
  if (method === 'GET') return json(200, { organization: emulator.organization() ?? null });
  let declaration: unknown;
  try {
    declaration = JSON.parse(body || 'null');
  } catch {
    return json(400, { error: { type: 'InvalidParameterValue', message: 'the request body is not JSON', problems: [] } });
  }
  try {
    return json(200, await emulator.applyOrganization(declaration));
  } catch (error) {
    if (!(error instanceof InvalidDeclaration)) throw error;
    const problems = error.problems.map((p) => ({ field: fieldName(p.path), path: p.path, message: p.message, ...(p.atKey ? { atKey: true } : {}) }));
    return json(400, { error: { type: error.type, message: error.message, problems } });
  }
}

function json(status: number, body: unknown): EmulatorResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
