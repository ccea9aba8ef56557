// License Manager's `ISO8601DateTime` members travel as strings (its `timestamp` members, like RAM's, are
// epoch-seconds numbers, which handlers store and return as such).

/** ISO 8601 UTC with second precision, as License Manager prints `CreateTime` and `DeletionDate`. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
