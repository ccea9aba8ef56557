// Saved plans: written by `plan --out` (signed when LICENSECTL_PLAN_KEY is set), read back by `apply FILE`
// only if well-formed, signed when a key is set, and young enough.
import { readFile, writeFile } from 'node:fs/promises';
import { LicensectlError } from '../errors/index.js';
import type { Plan } from '../plan/types.js';
import { planToJson } from '../render/json.js';
import { assertPlanSigned, checkPlanAge, PLAN_KEY_ENV, signPlanDocument, UNSIGNED_PLAN_MESSAGE } from './plan-signature.js';
import { schemaProblems } from './schema.js';

const HINT = 'pass the file written by `licensectl plan --out FILE`';

/** Writes the plan and says how: signed, or unsigned with how to sign it. */
export async function writePlanFile(file: string, plan: Plan, key = process.env[PLAN_KEY_ENV]): Promise<string> {
  const doc = key ? signPlanDocument(planToJson(plan), key) : planToJson(plan);
  await writeFile(file, `${JSON.stringify(doc, null, 2)}\n`);
  return key ? `Saved the signed plan to ${file}; apply it with: licensectl apply ${file}` : `Saved the plan to ${file}; apply it with: licensectl apply ${file} (${UNSIGNED_PLAN_MESSAGE})`;
}

export interface ReadPlanOptions {
  readonly key?: string;
  readonly maxAgeMs: number;
  readonly now: Date;
}

export async function readPlanFile(file: string, options: ReadPlanOptions): Promise<Plan> {
  const doc = parse(file, await readText(file));
  const problems = schemaProblems('plan.schema.json', doc);
  if (problems.length) {
    throw new LicensectlError('PLAN_FILE_INVALID', `${file} is not a licensectl plan: ${problems.slice(0, 3).join('; ')}`, { hint: `${HINT} with this version of licensectl` });
  }
  const signed = (doc as { signature?: unknown }).signature !== undefined;
  if (options.key) assertPlanSigned(doc as object, options.key, file);
  else if (signed) {
    throw new LicensectlError('PLAN_KEY_MISSING', `${file} is signed, but ${PLAN_KEY_ENV} is not set to check it`, { hint: `set ${PLAN_KEY_ENV} to the key the plan was signed with` });
  }
  checkPlanAge((doc as Plan).createdAt, options.maxAgeMs, options.now);
  return doc as Plan;
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (cause) {
    throw new LicensectlError('PLAN_FILE_UNREADABLE', `cannot read plan file ${file}: ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}`, { cause, hint: HINT });
  }
}

function parse(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new LicensectlError('PLAN_FILE_INVALID', `${file} is not JSON: ${(cause as Error).message}`, { cause, hint: HINT });
  }
}
