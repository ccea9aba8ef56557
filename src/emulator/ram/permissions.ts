// RAM managed permissions. License configurations have exactly one: the AWS-managed default, which RAM
// attaches to a share as soon as it holds a license configuration.
import { parseArn } from './arns.js';
import { unknownResource } from './errors.js';
import { LICENSE_CONFIGURATION_TYPE } from './resources.js';

export const LICENSE_CONFIGURATION_PERMISSION_NAME = 'AWSRAMDefaultPermissionLicenseConfiguration';
export const LICENSE_CONFIGURATION_PERMISSION_ARN = `arn:aws:ram::aws:permission/${LICENSE_CONFIGURATION_PERMISSION_NAME}`;
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
