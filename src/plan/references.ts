// References between managed resources: a share lists configurations by name, a grant names its license.
import { addressOf, type Address, type Kind } from '../model/index.js';
import type { ResourceBody } from './types.js';

/** A reference is either a managed resource's name or the ARN of a resource licensectl does not manage. */
export function isArn(reference: string): boolean {
  return reference.startsWith('arn:');
}

/** The managed addresses a body refers to by name, sorted and without repeats. ARNs are not addresses. */
export function referencesOf(kind: Kind, body: ResourceBody | null): Address[] {
  if (body === null) return [];
  const spec = body.spec as unknown as Readonly<Record<string, unknown>>;
  switch (kind) {
    case 'ResourceShare':
      return namesIn(spec.licenseConfigurations).map((name) => addressOf('LicenseConfiguration', name));
    case 'Grant':
      return namesIn([spec.license]).map((name) => addressOf('License', name));
    case 'LicenseConfiguration':
    case 'License':
      return [];
  }
}

// Totality: a malformed spec (not a list, not strings) refers to nothing rather than throwing.
function namesIn(values: unknown): string[] {
  if (!Array.isArray(values)) return [];
  const names = values.filter((v): v is string => typeof v === 'string' && v !== '' && !isArn(v));
  return [...new Set(names)].sort();
}
