// GetLicenseConfiguration (the record plus its tags) and DeleteLicenseConfiguration (refused while in use).
import type { CallContext } from '../../core/types.js';
import { invalidParameter } from '../errors.js';
import { str, type Input } from '../input.js';
import { tagList } from '../tags.js';
import { configurations, ownConfiguration } from './record.js';

export function getLicenseConfiguration(ctx: CallContext, input: Input): Record<string, unknown> {
  const arn = str(input, 'LicenseConfigurationArn');
  return { ...ownConfiguration(ctx, arn), Tags: tagList(ctx.state, arn) };
}

export function deleteLicenseConfiguration(ctx: CallContext, input: Input): Record<string, unknown> {
  const arn = str(input, 'LicenseConfigurationArn');
  const record = ownConfiguration(ctx, arn);
  if (record.ConsumedLicenses > 0)
    throw invalidParameter(`License configuration ${arn} is in use (${record.ConsumedLicenses} licenses consumed); disassociate its resources before deleting it`);
  delete configurations(ctx.state)[arn];
  delete ctx.state.licenseManager.tags[arn];
  return {};
}
