// The credentials the emulator recognises and the temporary ones it issues. No signature is verified: the
// account of a request follows the access key of its SigV4 credential scope, and this file is the one place
// that maps access keys to accounts (licensectl itself asks STS GetCallerIdentity, as it would ask AWS).
//
// - A long-term key `AKID` followed by twelve digits acts as that account (`AKID222233334444` → 222233334444);
//   any other key acts as the default account 000000000000.
// - AssumeRole issues a key `ASIA` + the role's account + 16 characters, so the key alone names the account,
//   with a session token that carries the key, the role, the session name and the expiry. The token is not
//   a secret and not signed (nothing in an emulator is), but the key and the token must belong together.
import type { Caller, Session } from '../core/service-contract.js';

const DEFAULT_EMULATOR_ACCOUNT = '000000000000';

const LONG_TERM_KEY = /^AKID(\d{12})$/;
const SESSION_KEY = /^ASIA(\d{12})[0-9A-Z]{16}$/;
const TOKEN_PREFIX = 'licensectl-emulator-session.';

export function accountFromAccessKey(accessKeyId: string | undefined): string {
  const match = LONG_TERM_KEY.exec(accessKeyId ?? '') ?? SESSION_KEY.exec(accessKeyId ?? '');
  return match ? match[1]! : DEFAULT_EMULATOR_ACCOUNT;
}

/** Whether a key has the form of the temporary keys the emulator issues (which must come with their token). */
export function isSessionKey(accessKeyId: string | undefined): boolean {
  return SESSION_KEY.test(accessKeyId ?? '');
}

/** The caller of a request: its access key and, when the key and the session token are ones the emulator issued, the session. */
export function callerOf(accessKeyId: string | undefined, sessionToken: string | undefined): Caller {
  const session = isSessionKey(accessKeyId) ? sessionOf(accessKeyId!, sessionToken) : undefined;
  return session ? { accessKeyId, session } : { accessKeyId };
}

export interface IssuedCredentials {
  readonly AccessKeyId: string;
  readonly SecretAccessKey: string;
  readonly SessionToken: string;
  /** Epoch seconds (the wire layer writes timestamps as the protocol wants them). */
  readonly Expiration: number;
}

/** New temporary credentials for a session of `roleArn` in `account`; `hex32` supplies fresh randomness. */
export function issueCredentials(account: string, roleArn: string, sessionName: string, expiration: number, hex32: () => string): IssuedCredentials {
  const accessKeyId = `ASIA${account}${hex32().slice(0, 16).toUpperCase()}`;
  const session: Session = { accessKeyId, roleArn, sessionName, expiration };
  return {
    AccessKeyId: accessKeyId,
    SecretAccessKey: `${hex32()}${hex32()}`.slice(0, 40),
    SessionToken: TOKEN_PREFIX + Buffer.from(JSON.stringify(session)).toString('base64url'),
    Expiration: expiration,
  };
}

function sessionOf(accessKeyId: string, token: string | undefined): Session | undefined {
  if (!token?.startsWith(TOKEN_PREFIX)) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(token.slice(TOKEN_PREFIX.length), 'base64url').toString('utf8')) as Partial<Session>;
    const valid =
      claims.accessKeyId === accessKeyId &&
      typeof claims.roleArn === 'string' &&
      typeof claims.sessionName === 'string' &&
      typeof claims.expiration === 'number';
    return valid ? (claims as Session) : undefined;
  } catch {
    return undefined;
  }
}
