// Timestamps as AWS and our outputs print them.

/** ISO 8601 UTC with whole seconds (`2026-01-01T00:00:00Z`), as License Manager prints its dates. */
export function isoSeconds(date: Date | number): string {
  return new Date(date).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
