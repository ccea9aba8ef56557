// Who is calling: the account (from the access key, see `accountFromAccessKey`) and region of the SigV4
// credential scope `Credential=<AKID>/<date>/<region>/<service>/aws4_request`. Signatures are not verified.
import { DEFAULT_REGION, accountFromAccessKey } from '../../model/arn.js';

export interface Identity {
  readonly account: string;
  readonly region: string;
}

const CREDENTIAL = /Credential=([^/,\s]+)\/\d{8}\/([^/,\s]+)\/[^/,\s]+\/aws4_request/;

export function identityOf(authorization: string | undefined): Identity {
  const match = CREDENTIAL.exec(authorization ?? '');
  return { account: accountFromAccessKey(match?.[1]), region: match?.[2] ?? DEFAULT_REGION };
}
