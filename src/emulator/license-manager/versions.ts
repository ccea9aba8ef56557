// Licenses and grants are versioned: each change makes a new immutable version numbered "1", "2", …
// A record holds its latest version's members plus the earlier versions under `_previousVersions`.

export interface Versioned {
  Version: string;
  _previousVersions: Record<string, Record<string, unknown>>;
}

/** The record's members without bookkeeping: what the API returns for the latest version. */
export function latestView<T extends Versioned>(record: T): Omit<T, '_previousVersions'> {
  const { _previousVersions: _ignored, ...view } = record;
  return view;
}

/** The view of `version`, or undefined if the record never had it. */
export function viewOfVersion<T extends Versioned>(record: T, version: string | undefined): Record<string, unknown> | undefined {
  if (version === undefined || version === record.Version) return latestView(record);
  return record._previousVersions[version];
}

/** Archives the latest version and returns the next version number; the caller then writes the new members. */
export function startNextVersion(record: Versioned): string {
  record._previousVersions[record.Version] = JSON.parse(JSON.stringify(latestView(record))) as Record<string, unknown>;
  return String(Number(record.Version) + 1);
}
