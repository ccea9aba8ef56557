// References between documents: a share's license configurations and a grant's license must be defined.
// ARNs refer to resources licensectl does not manage and are not checked here.
import type { Diagnostic } from '../../errors/index.js';
import { didYouMean } from '../spelling.js';
import { errorAtField, NAME_PATTERN, type DocumentView } from './view.js';

/** `definitions` are the documents whose names count as defined; by default the checked ones. */
export function checkReferences(views: readonly DocumentView[], definitions = views): Diagnostic[] {
  const defined = namesByKind(definitions);
  return views.flatMap((view) => {
    if (view.kind === 'ResourceShare') return shareReferences(view, defined.get('LicenseConfiguration') ?? NONE);
    if (view.kind === 'Grant') return grantReference(view, defined.get('License') ?? NONE);
    return [];
  });
}

// Sets, filled in place: a state of thousands of grants looked each one up in (and copied) a list of all names.
function namesByKind(views: readonly DocumentView[]): Map<string, Set<string>> {
  const names = new Map<string, Set<string>>();
  for (const { kind, name } of views) {
    if (kind === undefined || name === undefined) continue;
    const ofKind = names.get(kind) ?? new Set<string>();
    names.set(kind, ofKind.add(name));
  }
  return names;
}

/** ARNs name resources licensectl does not manage; malformed entries are the schema's to report. */
function isName(value: unknown): value is string {
  return typeof value === 'string' && NAME_PATTERN.test(value);
}

const NONE: ReadonlySet<string> = new Set();

function shareReferences(view: DocumentView, configurations: ReadonlySet<string>): Diagnostic[] {
  const entries = Array.isArray(view.spec.licenseConfigurations) ? view.spec.licenseConfigurations : [];
  return entries.flatMap((entry, index) => {
    if (!isName(entry) || configurations.has(entry)) return [];
    const otherwise = 'define a LicenseConfiguration document with that name, or give the ARN of one licensectl does not manage';
    return [errorAtField(view, ['spec', 'licenseConfigurations', String(index)], {
      code: 'MISSING_REFERENCE',
      message: `LicenseConfiguration "${entry}" is not defined`,
      hint: didYouMean(entry, [...configurations]) ?? otherwise,
      field: `spec.licenseConfigurations[${index}]`,
    })];
  });
}

function grantReference(view: DocumentView, licenses: ReadonlySet<string>): Diagnostic[] {
  const license = view.spec.license;
  if (!isName(license) || licenses.has(license)) return [];
  const otherwise = 'define a License document with that name, or use licenseArn for a license licensectl does not manage';
  return [errorAtField(view, ['spec', 'license'], {
    code: 'MISSING_REFERENCE',
    message: `License "${license}" is not defined`,
    hint: didYouMean(license, [...licenses]) ?? otherwise,
    field: 'spec.license',
  })];
}

