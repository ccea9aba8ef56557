// RAM managed permissions, and ListResourceSharePermissions. License configurations have exactly one: the
// AWS-managed default, which RAM attaches to a share as soon as it holds a license configuration.
import type { CallContext, Input } from '../core/service-contract.js';
import { pages, parseArn, requiredText, unknownResource } from './conventions.js';
import { LICENSE_CONFIGURATION_TYPE } from './principals-and-resources.js';
import { associationRecords, resourceTypesInShare } from './records.js';
import { requireVisibleShare } from './share-access.js';

const LICENSE_CONFIGURATION_PERMISSION_NAME = 'AWSRAMDefaultPermissionLicenseConfiguration';
const LICENSE_CONFIGURATION_PERMISSION_ARN = `arn:aws:ram::aws:permission/${LICENSE_CONFIGURATION_PERMISSION_NAME}`;
// When AWS published version 1 of the permission (as recorded by moto's copy of the AWS catalogue).
const PERMISSION_CREATED = 1706718973.664;

/** permissionArns of CreateResourceShare: only the license-configuration permission applies here. */
export function checkPermissionArns(arns: readonly string[]): void {
  for (const arn of arns) {
    parseArn(arn);
    if (arn !== LICENSE_CONFIGURATION_PERMISSION_ARN) {
      throw unknownResource(`The permission ${arn} does not exist or does not apply to license configurations.`);
    }
  }
}

/** The permissions a share uses, given the resource types it currently holds. */
export function permissionsFor(resourceTypes: ReadonlySet<string>): Record<string, unknown>[] {
  if (!resourceTypes.has(LICENSE_CONFIGURATION_TYPE)) return [];
  return [
    {
      arn: LICENSE_CONFIGURATION_PERMISSION_ARN,
      version: '1',
      defaultVersion: true,
      name: LICENSE_CONFIGURATION_PERMISSION_NAME,
      resourceType: LICENSE_CONFIGURATION_TYPE,
      status: 'ASSOCIATED',
      creationTime: PERMISSION_CREATED,
      lastUpdatedTime: PERMISSION_CREATED,
      isResourceTypeDefault: true,
      permissionType: 'AWS_MANAGED',
      featureSet: 'STANDARD',
    },
  ];
}

/** The managed permissions a share uses: one per resource type it holds. */
export function listResourceSharePermissions(ctx: CallContext, input: Input): Record<string, unknown> {
  const share = requireVisibleShare(ctx, requiredText(input, 'resourceShareArn'));
  const associations = Object.values(associationRecords(ctx.state)).filter(
    (association) => association.resourceShareArn === share.resourceShareArn,
  );
  const permissions = permissionsFor(resourceTypesInShare(associations, ctx.now));
  const page = pages.page('ListResourceSharePermissions', input, permissions, (permission) => String(permission['arn']));
  return pages.output('permissions', page);
}
