// ARN checks. A string that is not shaped like an ARN at all is MalformedArnException; a well-formed
// ARN that names nothing the caller can see is UnknownResourceException (decided by the callers).
import { malformedArn } from './errors.js';

// The generic `Arn` pattern of the AWS models.
const ARN = /^arn:aws[a-zA-Z-]*:[A-Za-z0-9][A-Za-z0-9_/.-]{0,62}:[A-Za-z0-9_/.-]{0,63}:[A-Za-z0-9_/.-]{0,63}:[A-Za-z0-9][A-Za-z0-9:_/+=,@.-]{0,1023}$/;
const SHARE_ARN = /^arn:aws[a-zA-Z-]*:ram:([a-z0-9-]+):(\d{12}):resource-share\/[A-Za-z0-9-]+$/;

export interface ArnParts {
  service: string;
  region: string;
  account: string;
  /** Everything after the account, e.g. `license-configuration:lic-…` or `resource-share/<uuid>`. */
  resource: string;
}

export function parseArn(arn: string): ArnParts {
  if (arn.length > 2048 || !ARN.test(arn)) throw malformedArn(arn);
  const [, , service = '', region = '', account = '', ...rest] = arn.split(':');
  return { service, region, account, resource: rest.join(':') };
}

export function parseShareArn(arn: string): { region: string; account: string } {
  const match = SHARE_ARN.exec(arn);
  if (!match) throw malformedArn(arn);
  return { region: match[1]!, account: match[2]! };
}
