// ARN and id formats of License Manager and RAM, shared by the store and the emulator.
export const ACCOUNT_ID = /^\d{12}$/;

export function licenseConfigurationArn(region: string, account: string, id: string): string {
  return `arn:aws:license-manager:${region}:${account}:license-configuration:${id}`;
}
export function licenseArn(account: string, id: string): string {
  return `arn:aws:license-manager::${account}:license:${id}`;
}
export function grantArn(account: string, id: string): string {
  return `arn:aws:license-manager::${account}:grant:${id}`;
}
export function resourceShareArn(region: string, account: string, id: string): string {
  return `arn:aws:ram:${region}:${account}:resource-share/${id}`;
}

/** The account a License Manager or RAM ARN belongs to, or undefined if it is not an ARN. */
export function accountOfArn(arn: string): string | undefined {
  // arn:partition:service:region:account:resource. Found by position, not split: the emulator asks it of
  // every grant on every page it lists.
  if (!arn.startsWith('arn:')) return undefined;
  let colon = 3;
  for (let field = 1; field <= 3 && colon >= 0; field += 1) colon = arn.indexOf(':', colon + 1);
  const end = colon < 0 ? -1 : arn.indexOf(':', colon + 1);
  if (end < 0) return undefined;
  const account = arn.slice(colon + 1, end);
  return ACCOUNT_ID.test(account) ? account : undefined;
}

/** The region of the embedded emulator when nothing names one, and of a request whose credential scope names none. */
export const DEFAULT_REGION = 'us-east-1';


/** An AWS region name (`us-east-1`, `us-gov-west-1`, `ap-southeast-2`); the project schema's `region` has the same pattern. */
export const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-[0-9]+$/;
