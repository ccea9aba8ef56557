// Which resources can be put in a share. The emulator holds License Manager's license configurations
// and nothing else, so a configuration must exist in the caller's account and region (AWS answers
// UnknownResourceException otherwise, including for another account's configuration); licenses and
// grants are not shareable through RAM; any other well-formed ARN names a resource the emulator cannot
// hold, which AWS would report as unknown.
import type { CallContext } from '../core/types.js';
import { parseArn } from './arns.js';
import { invalidParameter, invalidResourceType, unknownResource } from './errors.js';

export const LICENSE_CONFIGURATION_TYPE = 'license-manager:LicenseConfiguration';
export const LICENSE_CONFIGURATION_SCOPE = 'REGIONAL';

export interface ShareableResource {
  arn: string;
  type: string;
}

export function resolveResource(ctx: CallContext, arn: string): ShareableResource {
  const parts = parseArn(arn);
  if (parts.service !== 'license-manager') {
    throw unknownResource(`The resource ${arn} does not exist (the emulator holds only license configurations).`);
  }
  if (!parts.resource.startsWith('license-configuration:')) {
    const kind = parts.resource.split(/[:/]/)[0];
    throw invalidParameter(`Resources of type license-manager:${kind} cannot be shared through RAM.`);
  }
  const owned = parts.account === ctx.account && parts.region === ctx.region;
  if (!owned || !ctx.state.licenseManager.licenseConfigurations[arn]) {
    throw unknownResource(`The license configuration ${arn} does not exist in account ${ctx.account}, region ${ctx.region}.`);
  }
  return { arn, type: LICENSE_CONFIGURATION_TYPE };
}

const RESOURCE_TYPE = /^[A-Za-z0-9-]+:[A-Za-z0-9-]+$/;

/** A resourceType filter: any `service:resource` name is valid; types compare case-insensitively. */
export function readResourceTypeFilter(resourceType: string | undefined): ((type: string | undefined) => boolean) | undefined {
  if (resourceType === undefined) return undefined;
  if (!RESOURCE_TYPE.test(resourceType)) throw invalidResourceType(resourceType);
  const wanted = resourceType.toLowerCase();
  return (type) => type?.toLowerCase() === wanted;
}
