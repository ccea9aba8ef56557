// Semantic checks within one document, what the schemas cannot express: which rules a counting type allows,
// date-times that cannot be kept exactly, entitlement units, reserved tag keys. What checks see of a
// document is read defensively, because checks also run on documents with schema errors so that every
// problem is reported in one run. Each check returns diagnostics and never throws.
import type { Diagnostic } from '../errors/index.js';
import { AWS_TAG_PREFIX, COUNTING_TYPES, RESERVED_TAG_PREFIX, RULES_BY_COUNTING_TYPE, type CountingType, type RuleName } from '../model/index.js';
import { errorAtPath, type ParsedDocument } from './document.js';
import { canonicalDateTime, dateTimeProblem } from './normalize.js';
import { isRecord } from '../util/canonical.js';
import { didYouMean } from '../util/words.js';
import { SPEC_FIELDS } from './schema/document-validator.generated.js';

export interface DocumentView {
  readonly pd: ParsedDocument;
  readonly kind: string | undefined;
  readonly name: string | undefined;
  readonly spec: Readonly<Record<string, unknown>>;
  readonly metadata: Readonly<Record<string, unknown>>;
}

/** Every within-document check, in a fixed order. */
export function documentDiagnostics(views: readonly DocumentView[]): Diagnostic[] {
  return [...checkRules(views), ...checkReservedTags(views), ...checkDates(views), ...checkEntitlements(views), ...checkAmiScope(views), ...checkIgnorePaths(views), ...checkAdopt(views)];
}

// Ignored fields (metadata.ignore, the project's spec.ignore rules that name a kind) must be fields of that kind: a
// misspelt path would silently ignore nothing. Paths the schema's pattern refuses are reported there.

const FIELDS: Readonly<Record<string, readonly string[]>> = SPEC_FIELDS;

function checkIgnorePaths(views: readonly DocumentView[]): Diagnostic[] {
  return views.flatMap((view) => {
    if (view.kind === 'Project') {
      const rules = Array.isArray(view.spec.ignore) ? view.spec.ignore : [];
      return rules.flatMap((rule: unknown, i) => (isRecord(rule) && typeof rule.kind === 'string' ? unknownFields(view, rule.kind, rule.fields, ['spec', 'ignore', String(i), 'fields']) : []));
    }
    return view.kind === undefined ? [] : unknownFields(view, view.kind, view.metadata.ignore, ['metadata', 'ignore']);
  });
}

/** The kinds whose documents have no metadata.tags: AWS cannot tag the service settings. */
const UNTAGGED: ReadonlySet<string> = new Set(['ServiceSettings']);

function unknownFields(view: DocumentView, kind: string, paths: unknown, at: readonly string[]): Diagnostic[] {
  const fields = FIELDS[kind];
  if (fields === undefined || !Array.isArray(paths)) return [];
  const tagged = !UNTAGGED.has(kind);
  return paths.flatMap((path: unknown, i) => {
    if (typeof path !== 'string' || fields.includes(path)) return [];
    const tags = /^metadata\.tags(\.|$)/.test(path);
    if (tags ? tagged : !/^spec\./.test(path)) return [];
    return [errorAtPath(view.pd, [...at, String(i)], {
      code: 'UNKNOWN_FIELD',
      message: `${path} is not a field of a ${kind}${tags ? ': it has no tags' : ''}`,
      hint: `${(tags ? undefined : didYouMean(path, fields)) ?? `a ${kind}'s fields are ${fields.join(', ')}`}${tagged ? ' (metadata.tags and metadata.tags.KEY are ignorable too)' : ''}`,
      field: [...at, String(i)].join('.'),
    })];
  });
}

// spec.adopt names a resource of the document's own kind (the ARN's service and resource type say which) and, in a
// project without spec.targets, of the account (spec.account) and region (spec.store.region) the project names.

/** common.schema.json#/$defs/adopt (a test keeps the two equal): what fails it the schema reports, once. */
export const ADOPT_PATTERN = /^arn:aws[a-z-]*:(license-manager|ram):[a-z0-9-]*:[0-9]{12}:[a-z-]+[:/][0-9A-Za-z_/-]+$/;

const ADOPT_ARN: Readonly<Record<string, { readonly pattern: RegExp; readonly example: string }>> = {
  LicenseConfiguration: { pattern: /^arn:[^:]+:license-manager:[^:]+:\d{12}:license-configuration:/, example: 'arn:aws:license-manager:REGION:ACCOUNT:license-configuration:lic-…' },
  License: { pattern: /^arn:[^:]+:license-manager:[^:]*:\d{12}:license:/, example: 'arn:aws:license-manager::ACCOUNT:license:l-…' },
  Grant: { pattern: /^arn:[^:]+:license-manager:[^:]*:\d{12}:grant:/, example: 'arn:aws:license-manager::ACCOUNT:grant:g-…' },
  ResourceShare: { pattern: /^arn:[^:]+:ram:[^:]+:\d{12}:resource-share\//, example: 'arn:aws:ram:REGION:ACCOUNT:resource-share/…' },
  ReportGenerator: { pattern: /^arn:[^:]+:license-manager:[^:]+:\d{12}:report-generator:/, example: 'arn:aws:license-manager:REGION:ACCOUNT:report-generator:r-…' },
};

/** spec.adopt when it is an ARN of the document's kind (else checkAdopt or the schema report it), for the checks of targets. */
export function adoptedArn(view: DocumentView): string | undefined {
  const { adopt } = view.spec;
  const expected = view.kind === undefined ? undefined : ADOPT_ARN[view.kind];
  return typeof adopt === 'string' && ADOPT_PATTERN.test(adopt) && expected?.pattern.test(adopt) ? adopt : undefined;
}

function checkAdopt(views: readonly DocumentView[]): Diagnostic[] {
  const project = views.find((v) => v.kind === 'Project')?.spec ?? {};
  const store = isRecord(project.store) ? project.store : {};
  const single = project.targets === undefined;
  return views.flatMap((view) => {
    const { adopt } = view.spec;
    const expected = view.kind === undefined ? undefined : ADOPT_ARN[view.kind];
    if (typeof adopt !== 'string' || expected === undefined || !ADOPT_PATTERN.test(adopt)) return [];
    const [, , , region = '', account = ''] = adopt.split(':');
    const problem = !expected.pattern.test(adopt) ? { message: `spec.adopt names no ${view.kind}: ${adopt}`, hint: `a ${view.kind} ARN looks like ${expected.example}` }
      : single && typeof project.account === 'string' && account !== project.account ? { message: `spec.adopt names a resource of account ${account}, not the project's (${project.account})`, hint: 'adopt only resources of the account spec.account names' }
        : single && typeof store.region === 'string' && region !== '' && region !== store.region ? { message: `spec.adopt names a resource of region ${region}, not the project's (${store.region})`, hint: 'adopt only resources of the region spec.store.region names' }
          : undefined;
    return problem ? [errorAtPath(view.pd, ['spec', 'adopt'], { code: 'INVALID_VALUE', ...problem, field: 'spec.adopt' })] : [];
  });
}

// An Association's amiAssociationScope is an AMI's: AWS documents it for AMI associations only.

function checkAmiScope(views: readonly DocumentView[]): Diagnostic[] {
  return views.flatMap((view) => {
    const { resourceArn, amiAssociationScope } = view.spec;
    if (view.kind !== 'Association' || amiAssociationScope === undefined || typeof resourceArn !== 'string' || /:image\/ami-/.test(resourceArn)) return [];
    return [errorAtPath(view.pd, ['spec', 'amiAssociationScope'], {
      code: 'INVALID_VALUE',
      message: 'amiAssociationScope applies to AMIs only',
      hint: 'remove it, or name an AMI (arn:aws:ec2:REGION::image/ami-…) in resourceArn',
      field: 'spec.amiAssociationScope',
    })];
  });
}

export function viewOf(pd: ParsedDocument): DocumentView {
  const value = isRecord(pd.value) ? pd.value : {};
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  return {
    pd,
    kind: typeof value.kind === 'string' ? value.kind : undefined,
    name: typeof metadata.name === 'string' ? metadata.name : undefined,
    spec: isRecord(value.spec) ? value.spec : {},
    metadata,
  };
}


// License rules: which rules a counting type allows, and min ≤ max.

const ALL_RULES = new Set<string>(Object.values(RULES_BY_COUNTING_TYPE).flat());

const RANGES: readonly (readonly [RuleName, RuleName])[] = [
  ['minimumCores', 'maximumCores'],
  ['minimumSockets', 'maximumSockets'],
  ['minimumVcpus', 'maximumVcpus'],
];

function checkRules(views: readonly DocumentView[]): Diagnostic[] {
  return views.flatMap((view) => {
    const { countingType, rules } = view.spec;
    if (view.kind !== 'LicenseConfiguration' || !isRecord(rules)) return [];
    const allowed = isCountingType(countingType) ? disallowedRules(view, countingType, rules) : [];
    return [...allowed, ...inverted(view, rules)];
  });
}

function isCountingType(value: unknown): value is CountingType {
  return (COUNTING_TYPES as readonly unknown[]).includes(value);
}

function disallowedRules(view: DocumentView, countingType: CountingType, rules: Record<string, unknown>): Diagnostic[] {
  const allowed = RULES_BY_COUNTING_TYPE[countingType];
  return Object.keys(rules)
    .filter((rule) => ALL_RULES.has(rule) && !allowed.includes(rule as RuleName))
    .map((rule) => errorAtPath(view.pd, ['spec', 'rules', rule], {
      code: 'RULE_NOT_ALLOWED',
      message: `rule "${rule}" is not allowed with countingType ${countingType}`,
      hint: `${countingType} allows ${allowed.join(', ')}`,
      field: `spec.rules.${rule}`,
    }, true));
}

function inverted(view: DocumentView, rules: Record<string, unknown>): Diagnostic[] {
  return RANGES.flatMap(([min, max]) => {
    const low = rules[min];
    const high = rules[max];
    if (typeof low !== 'number' || typeof high !== 'number' || low <= high) return [];
    return [errorAtPath(view.pd, ['spec', 'rules', min], {
      code: 'RULE_RANGE',
      message: `"${min}" (${low}) is greater than "${max}" (${high})`,
      field: `spec.rules.${min}`,
    })];
  });
}

// Date-times that are RFC 3339 (the schema checks that) but cannot be kept exactly, and validity ranges.

function checkDates(views: readonly DocumentView[]): Diagnostic[] {
  return views.flatMap((view) => {
    if (view.kind === 'LicenseConfiguration') return checkDateTime(view, ['spec', 'expiry'], view.spec.expiry);
    if (view.kind === 'License' && isRecord(view.spec.validity)) return checkValidity(view, view.spec.validity);
    return [];
  });
}

function checkValidity(view: DocumentView, validity: Record<string, unknown>): Diagnostic[] {
  const found = [
    ...checkDateTime(view, ['spec', 'validity', 'begin'], validity.begin),
    ...checkDateTime(view, ['spec', 'validity', 'end'], validity.end),
  ];
  const { begin, end } = validity;
  if (found.length > 0 || !isUsable(begin) || !isUsable(end)) return found;
  if (canonicalDateTime(end) > canonicalDateTime(begin)) return [];
  return [errorAtPath(view.pd, ['spec', 'validity', 'end'], {
    code: 'INVALID_RANGE',
    message: `"end" (${end}) must be after "begin" (${begin})`,
    field: 'spec.validity.end',
  })];
}

function isUsable(value: unknown): value is string {
  return typeof value === 'string' && dateTimeProblem(value) === undefined;
}

/** Malformed values are the schema's to report; here only well-formed ones we cannot keep exactly. */
function checkDateTime(view: DocumentView, path: string[], value: unknown): Diagnostic[] {
  if (typeof value !== 'string') return [];
  const problem = dateTimeProblem(value);
  if (problem === undefined || problem === 'not-rfc3339') return [];
  const name = path[path.length - 1]!;
  const message = problem === 'fractional-seconds'
    ? `"${name}" must be a whole second; AWS keeps no fractions`
    : `"${name}" is not a real date-time`;
  return [errorAtPath(view.pd, path, { code: 'INVALID_DATE', message, hint: 'write it like 2027-06-30T00:00:00Z', field: path.join('.') })];
}

// License entitlements: unit None takes a value and no count, every other unit a count and no value;
// entitlement and metadata names are unique because the canonical spec is keyed and sorted by name.

function checkEntitlements(views: readonly DocumentView[]): Diagnostic[] {
  return views.flatMap((view) => {
    if (view.kind !== 'License') return [];
    const entitlements = Array.isArray(view.spec.entitlements) ? view.spec.entitlements : [];
    return [
      ...entitlements.flatMap((e, i) => (isRecord(e) ? unitFields(view, e, i) : [])),
      ...duplicateNames(view, 'entitlements', 'entitlement'),
      ...duplicateNames(view, 'licenseMetadata', 'metadata entry'),
    ];
  });
}

function unitFields(view: DocumentView, entitlement: Record<string, unknown>, index: number): Diagnostic[] {
  const path = ['spec', 'entitlements', String(index)];
  const field = `spec.entitlements[${index}]`;
  if (entitlement.unit === 'None') {
    if (entitlement.maxCount !== undefined) {
      return [errorAtPath(view.pd, [...path, 'maxCount'], {
        code: 'INVALID_FIELD', message: '"maxCount" is not allowed with unit None', hint: 'use "value" instead', field: `${field}.maxCount`,
      }, true)];
    }
    if (entitlement.value !== undefined) return [];
    return [errorAtPath(view.pd, path, { code: 'MISSING_FIELD', message: 'missing required field "value" (unit None)', field: `${field}.value` })];
  }
  if (entitlement.value === undefined || typeof entitlement.unit !== 'string') return [];
  return [errorAtPath(view.pd, [...path, 'value'], {
    code: 'INVALID_FIELD', message: '"value" is only allowed with unit None', hint: 'use "maxCount" for a counted unit', field: `${field}.value`,
  }, true)];
}

function duplicateNames(view: DocumentView, list: string, what: string): Diagnostic[] {
  const items = Array.isArray(view.spec[list]) ? (view.spec[list] as unknown[]) : [];
  const seen = new Set<string>();
  return items.flatMap((item, index) => {
    const name = isRecord(item) && typeof item.name === 'string' ? item.name : undefined;
    if (name === undefined) return [];
    if (!seen.has(name)) return (seen.add(name), []);
    return [errorAtPath(view.pd, ['spec', list, String(index), 'name'], {
      code: 'DUPLICATE_NAME', message: `duplicate ${what} "${name}"`, field: `spec.${list}[${index}].name`,
    })];
  });
}

// Tag keys licensectl and AWS keep for themselves; AWS rejects "aws:" keys, and "licensectl:" keys
// carry ownership, which a user tag must never forge or overwrite.

const RESERVED: readonly (readonly [string, string])[] = [
  [RESERVED_TAG_PREFIX, `keys starting with "${RESERVED_TAG_PREFIX}" are set by licensectl to track ownership`],
  [AWS_TAG_PREFIX, `keys starting with "${AWS_TAG_PREFIX}" are reserved by AWS`],
];

function checkReservedTags(views: readonly DocumentView[]): Diagnostic[] {
  return views.flatMap((view) => {
    const tags = view.metadata.tags;
    if (!isRecord(tags)) return [];
    return Object.keys(tags).flatMap((key) => {
      const reserved = RESERVED.find(([prefix]) => key.toLowerCase().startsWith(prefix));
      if (reserved === undefined) return [];
      return [errorAtPath(view.pd, ['metadata', 'tags', key], {
        code: 'RESERVED_TAG',
        message: `tag "${key}" is reserved`,
        hint: reserved[1],
        field: `metadata.tags.${key}`,
      }, true)];
    });
  });
}
