// Saved plans: written by `plan --out`, read back by `apply FILE` after checking they are well-formed.
import { readFile } from 'node:fs/promises';
import { LicensectlError } from '../errors/index.js';
import type { Plan } from '../plan/types.js';
import { loadSchemaValidator } from './schema.js';

export async function readPlanFile(file: string): Promise<Plan> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new LicensectlError('PLAN_FILE_UNREADABLE', `cannot read plan file ${file}: ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}`, { cause, hint: 'pass the file written by `licensectl plan --out FILE`' });
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (cause) {
    throw new LicensectlError('PLAN_FILE_INVALID', `${file} is not JSON: ${(cause as Error).message}`, { cause, hint: 'pass the file written by `licensectl plan --out FILE`' });
  }
  const problems = (await loadSchemaValidator('plan.schema.json'))(doc);
  if (problems.length) {
    throw new LicensectlError('PLAN_FILE_INVALID', `${file} is not a licensectl plan: ${problems.slice(0, 3).join('; ')}`, { hint: 'pass the file written by `licensectl plan --out FILE` with this version of licensectl' });
  }
  return doc as Plan;
}
