// CreateLicense: idempotent on ClientToken; a new license is AVAILABLE at version "1".
import { licenseArn } from '../../../model/arn.js';
import { isoSeconds } from '../../../util/time.js';
import type { CallContext } from '../../core/types.js';
import { withClientToken } from '../client-token.js';
import { list, str, type Input, type Tag } from '../input.js';
import { applyTags } from '../tags.js';
import { licenseContent, licenses, type LicenseRecord } from './record.js';

export function createLicense(ctx: CallContext, input: Input): Record<string, unknown> {
  return withClientToken(ctx, 'CreateLicense', input, () => {
    const arn = licenseArn(ctx.account, `l-${ctx.ids.hex32()}`);
    const record: LicenseRecord = {
      LicenseArn: arn,
      ...licenseContent(ctx, input),
      ProductSKU: str(input, 'ProductSKU'),
      Beneficiary: str(input, 'Beneficiary'),
      Status: 'AVAILABLE',
      CreateTime: isoSeconds(ctx.now),
      Version: '1',
      _previousVersions: {},
    };
    applyTags(ctx.state, arn, list<Tag>(input, 'Tags') ?? []);
    licenses(ctx.state)[arn] = record;
    return { LicenseArn: arn, Status: record.Status, Version: record.Version };
  });
}
