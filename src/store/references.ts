// Live specs hold ARNs where desired specs hold names: a share lists configurations, a grant names its
// license. Swapping the ARNs of resources we manage for their names makes the two comparable.
import type { Kind, LiveResource } from '../model/index.js';

export function namesForArns(managed: readonly LiveResource[]): LiveResource[] {
  const nameOf = (kind: Kind) => new Map(managed.filter((r) => r.kind === kind).map((r) => [r.arn, r.name]));
  const configurations = nameOf('LicenseConfiguration');
  const licenses = nameOf('License');
  return managed.map((r) => {
    switch (r.kind) {
      case 'ResourceShare':
        return { ...r, spec: { ...r.spec, licenseConfigurations: r.spec.licenseConfigurations.map((arn) => configurations.get(arn) ?? arn).sort() } };
      case 'Grant':
        return { ...r, spec: { ...r.spec, license: licenses.get(r.spec.license) ?? r.spec.license } };
      case 'LicenseConfiguration':
      case 'License':
        return r;
    }
  });
}
