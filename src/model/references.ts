// References between resources: a document refers to a configuration or license by name, AWS by ARN. Swapping the
// ARNs of resources known under a name for that name makes live specs and documents comparable. The one place both
// reading live state (every managed resource) and planning (managed and adopted resources that have a document) do it.
import type { Kind } from './identity.js';
import type { DesiredResource, LiveResource } from './state.js';

/** ARN → name, of the configurations and licenses references may name. */
export interface ReferenceNames {
  readonly configurations: ReadonlyMap<string, string>;
  readonly licenses: ReadonlyMap<string, string>;
}

/** The names of `named` (a later entry for the same ARN wins). */
export function referenceNames(named: readonly { readonly kind: Kind; readonly arn: string; readonly name: string }[]): ReferenceNames {
  const of = (kind: Kind) => new Map(named.filter((r) => r.kind === kind).map((r) => [r.arn, r.name] as const));
  return { configurations: of('LicenseConfiguration'), licenses: of('License') };
}

/** The resource with each reference that is an ARN of `names` as its name; lists of configurations sorted. */
export function withReferenceNames<R extends DesiredResource | LiveResource>(resource: R, names: ReferenceNames): R {
  return { ...resource, spec: specWithNames(resource, names) };
}

function specWithNames(r: DesiredResource | LiveResource, names: ReferenceNames): (DesiredResource | LiveResource)['spec'] {
  const configurations = (refs: readonly string[]) => refs.map((ref) => names.configurations.get(ref) ?? ref).sort(compareRefs);
  switch (r.kind) {
    case 'ResourceShare':
    case 'ReportGenerator':
      return { ...r.spec, licenseConfigurations: configurations(r.spec.licenseConfigurations) };
    case 'Association': {
      const { unpairedClaims } = r.spec;
      return { ...r.spec, licenseConfigurations: configurations(r.spec.licenseConfigurations), ...(unpairedClaims ? { unpairedClaims: configurations(unpairedClaims) } : {}) };
    }
    case 'Grant':
      return { ...r.spec, license: names.licenses.get(r.spec.license) ?? r.spec.license };
    case 'LicenseConfiguration':
    case 'License':
    case 'ServiceSettings':
      return r.spec;
  }
}

// util/canonical's compareText, which model may not import: code-unit order, locale-independent.
function compareRefs(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
