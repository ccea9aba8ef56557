// Every reason and warning the planner writes, in one place so that tests and docs can quote them.
import type { Address } from '../model/index.js';

export const planMessages = {
  cannotChangeInPlace: (path: string) => `${path} cannot change in place`,
  licenseCountStays: (count: number) => `licenseCount cannot be removed through the API; it stays ${count}`,
  awaitingAcceptance: (status: string) => `awaiting acceptance by the grantee (status ${status})`,
  grantUnusable: (status: string) =>
    `the live grant is ${status} and can never become active again; it is replaced by a new grant`,
  grantGone: (arn: string, status: string) => `the live grant ${arn} is ${status}; a new grant is created`,
  licenseReplaced: (license: Address) => `${license} is replaced and a grant cannot move to another license`,
  configurationReplaced: (configuration: Address) => `re-associates ${configuration}, which is replaced`,
  pruned: 'no longer in the desired state (prune is on)',
  pruneOff: (address: Address) => `${address} is no longer in the desired state but prune is off; it is kept`,
  duplicate: (address: Address, arns: readonly string[]) =>
    `${address} matches ${arns.length} live resources with the same ownership tags (${arns.join(', ')}); ` +
    'nothing is planned for it until all but one are removed',
  declaredTwice: (address: Address) => `${address} is declared more than once in the desired state; only one declaration is planned`,
  partial: (targets: readonly Address[]) =>
    `the plan is partial (--target ${targets.join(', ')}): only these and the changes they depend on are planned; ` +
    'other differences may be pending',
  targetMatchesNothing: (address: Address) => `--target ${address} matches no resource in the desired or live state`,
} as const;
