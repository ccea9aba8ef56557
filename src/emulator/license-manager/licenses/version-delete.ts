// CreateLicenseVersion (the whole license re-specified as a new version) and DeleteLicense. Both act only
// on the latest version: a stale SourceVersion is a ConflictException. A deleted license stays readable.
import { isoSeconds } from '../../../util/time.js';
import type { CallContext } from '../../core/types.js';
import { withClientToken } from '../client-token.js';
import { conflict, validation } from '../errors.js';
import { optStr, str, type Input } from '../input.js';
import { startNextVersion } from '../versions.js';
import { licenseContent, ownLicense, type LicenseRecord } from './record.js';

export function createLicenseVersion(ctx: CallContext, input: Input): Record<string, unknown> {
  return withClientToken(ctx, 'CreateLicenseVersion', input, () => {
    const record = latestLive(ctx, str(input, 'LicenseArn'), optStr(input, 'SourceVersion'));
    const content = licenseContent(ctx, input);
    const version = startNextVersion(record);
    Object.assign(record, content, { Status: str(input, 'Status'), Version: version, CreateTime: isoSeconds(ctx.now) });
    return { LicenseArn: record.LicenseArn, Version: record.Version, Status: record.Status };
  });
}

export function deleteLicense(ctx: CallContext, input: Input): Record<string, unknown> {
  const record = latestLive(ctx, str(input, 'LicenseArn'), str(input, 'SourceVersion'));
  record.Status = 'DELETED';
  return { Status: 'DELETED', DeletionDate: isoSeconds(ctx.now) };
}

function latestLive(ctx: CallContext, arn: string, sourceVersion: string | undefined): LicenseRecord {
  const record = ownLicense(ctx, arn);
  if (record.Status === 'DELETED') throw validation(`License ${arn} is deleted`);
  if (sourceVersion !== undefined && sourceVersion !== record.Version)
    throw conflict(`The source version ${sourceVersion} does not match the latest version ${record.Version} of license ${arn}`);
  return record;
}
