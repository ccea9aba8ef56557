// License Manager ARNs: which kind of resource an ARN names, and whether the caller owns it.
import type { CallContext } from '../core/types.js';

export type LmKind = 'license-configuration' | 'license' | 'grant';

export interface LmArn {
  readonly kind: LmKind;
  readonly region: string;
  readonly account: string;
  readonly id: string;
}

const LM_ARN = /^arn:aws:license-manager:([a-z0-9-]*):(\d{12}):(license-configuration|license|grant):([A-Za-z0-9-]+)$/;

export function parseLmArn(arn: string): LmArn | undefined {
  const match = LM_ARN.exec(arn);
  if (!match) return undefined;
  return { region: match[1]!, account: match[2]!, kind: match[3] as LmKind, id: match[4]! };
}

/** Whether the caller owns the resource an ARN names: its account, and its region for regional kinds. */
export function ownedBy(ctx: CallContext, arn: string): boolean {
  const parsed = parseLmArn(arn);
  if (!parsed || parsed.account !== ctx.account) return false;
  return parsed.kind !== 'license-configuration' || parsed.region === ctx.region;
}

const ACCOUNT_ROOT = /^arn:aws:iam::(\d{12}):root$/;

/** The account an `arn:aws:iam::<account>:root` principal names, or undefined for organisation principals. */
export function accountOfPrincipal(principal: string): string | undefined {
  return ACCOUNT_ROOT.exec(principal)?.[1];
}
