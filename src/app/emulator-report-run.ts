// A report generator run through the emulator's admin surface, as `emulator report-generator run` reaches it: a
// served emulator's admin path (`--endpoint URL`, POST /_licensectl/report-generators/run) or a state file opened in
// this process (`--state FILE`). Either way the CSV files land in `s3/<bucket>/…` beside the emulator's state file.
import path from 'node:path';
import { Emulator, type ReportRun, ServiceError } from '../emulator/index.js';
import { LicensectlError } from '../errors/index.js';
import { redactUrls } from '../util/safe-text.js';

export interface ReportRunTarget {
  readonly endpoint?: string;
  readonly state?: string;
}

/** Runs the generator; an unknown ARN is EMULATOR_REPORT_REFUSED. A run that failed (no bucket set) is returned, not thrown. */
export async function runReportGenerator(target: ReportRunTarget, arn: string): Promise<ReportRun> {
  if (!target.endpoint) return refusing(new Emulator({ statePath: path.resolve(target.state!) }).runReportGenerator(arn));
  const url = `${target.endpoint.replace(/\/+$/, '')}/_licensectl/report-generators/run`;
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', body: JSON.stringify({ arn }) });
  } catch (error) {
    throw new LicensectlError('ENDPOINT_UNREACHABLE', `cannot reach the emulator at ${redactUrls(target.endpoint)} (${((error as Error).cause as Error | undefined)?.message ?? (error as Error).message})`, {
      hint: 'start it with licensectl emulator serve, or check --endpoint',
      cause: error,
    });
  }
  const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.status === 200) return answer as unknown as ReportRun;
  const error = answer['error'] as { type?: string; message?: string } | undefined;
  throw refused(error?.type ?? 'Error', error?.message ?? 'the emulator refused the run');
}

async function refusing<T>(run: Promise<T>): Promise<T> {
  try {
    return await run;
  } catch (error) {
    throw error instanceof ServiceError ? refused(error.type, error.message) : error;
  }
}

function refused(type: string, message: string): LicensectlError {
  return new LicensectlError('EMULATOR_REPORT_REFUSED', `${type}: ${message}`);
}
