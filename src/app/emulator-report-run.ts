// A report generator run through the emulator's admin surface, as `emulator report-generator run` reaches it: a
// served emulator's admin path (`--endpoint URL`, POST /_licensectl/report-generators/run) or a state file opened in
// this process (`--state FILE`). Either way the CSV files land in `s3/<bucket>/…` beside the emulator's state file.
import path from 'node:path';
import { Emulator, type ReportRun } from '../emulator/index.js';
import { adminCall, refused, refusing } from './emulator-fleet.js';

export interface ReportRunTarget {
  readonly endpoint?: string;
  readonly state?: string;
}

/** Runs the generator; an unknown ARN is EMULATOR_REPORT_REFUSED. A run that failed (no bucket set) is returned, not thrown. */
export async function runReportGenerator(target: ReportRunTarget, arn: string): Promise<ReportRun> {
  if (!target.endpoint) return refusing(new Emulator({ statePath: path.resolve(target.state!) }).runReportGenerator(arn), 'EMULATOR_REPORT_REFUSED');
  const { status, answer } = await adminCall(target.endpoint, 'POST', '/_licensectl/report-generators/run', { arn });
  if (status === 200) return answer as unknown as ReportRun;
  const error = answer['error'] as { type?: string; message?: string } | undefined;
  throw refused(error?.type ?? 'Error', error?.message ?? 'the emulator refused the run', 'EMULATOR_REPORT_REFUSED');
}
