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

/**
 * The emulator's documented mapping from access key id to account: an access key `AKID` followed by
 * twelve digits acts as that account (`AKID222233334444` → `222233334444`); any other key is the
 * default account `000000000000`.
 */
export const DEFAULT_EMULATOR_ACCOUNT = '000000000000';
export const DEFAULT_REGION = 'us-east-1';

export function accountFromAccessKey(accessKeyId: string | undefined): string {
  const match = /^AKID(\d{12})$/.exec(accessKeyId ?? '');
  return match ? match[1]! : DEFAULT_EMULATOR_ACCOUNT;
}

