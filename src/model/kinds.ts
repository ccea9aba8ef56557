// The resource kinds licensectl manages, in dependency order: a kind may only refer to kinds before it.
export const KINDS = ['LicenseConfiguration', 'License', 'ResourceShare', 'Grant'] as const;
export type Kind = (typeof KINDS)[number];

/** Position of a kind in dependency order; creates run in ascending rank, deletes in descending. */
export function kindRank(kind: Kind): number {
  return KINDS.indexOf(kind);
}

export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && (KINDS as readonly string[]).includes(value);
}
