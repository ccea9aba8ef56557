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
  const parts = arn.split(':');
  return parts.length >= 6 && parts[0] === 'arn' && ACCOUNT_ID.test(parts[4]!) ? parts[4] : undefined;
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

export function accessKeyForAccount(account: string): string {
  return `AKID${account}`;
}
