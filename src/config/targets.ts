// What the schemas cannot say about targets (spec.targets, spec.defaultTargets, metadata.targets): names and
// places unique, every pattern matching a target, every document applied somewhere, and a reference by name
// reaching the referenced document in every target of the one that names it (each target is planned alone).
import type { Diagnostic } from '../errors/index.js';
import { accountOfArn, selectUnits } from '../model/index.js';
import { isRecord } from '../util/canonical.js';
import { didYouMean } from '../util/words.js';
import { errorAtPath } from './document.js';
import { adoptedArn, type DocumentView } from './document-checks.js';

interface DeclaredTarget {
  readonly name: string;
  readonly account: string;
  readonly regions: readonly string[];
}

export function targetDiagnostics(views: readonly DocumentView[]): Diagnostic[] {
  const project = views.find((v) => v.kind === 'Project');
  const declared = project ? declaredTargets(project) : undefined;
  const others = views.filter((v) => v.kind !== 'Project');
  if (!declared) return [...others.flatMap(targetsWithoutProjectTargets), ...settingsProblems(others)];
  const defaults = strings(project!.spec.defaultTargets);
  const selection = new Map(others.map((v) => [v, selected(declared, strings(v.metadata.targets) ?? defaults ?? [])]));
  return [
    ...projectProblems(project!, declared),
    ...(defaults ?? []).flatMap((p, i) => unmatched(project!, ['spec', 'defaultTargets', String(i)], p, declared)),
    ...others.flatMap((v) => (strings(v.metadata.targets) ?? []).flatMap((p, i) => unmatched(v, ['metadata', 'targets', String(i)], p, declared))),
    ...others.filter((v) => !v.metadata.targets && !defaults).map(noTarget),
    ...others.flatMap((v) => referenceProblems(v, others, selection)),
    ...others.flatMap((v) => homeRegionProblems(v, declared, strings(v.metadata.targets) ?? defaults ?? [])),
    ...others.flatMap((v) => adoptProblems(v, declared, strings(v.metadata.targets) ?? defaults ?? [])),
    ...settingsProblems(others, selection),
  ];
}

/**
 * A license or grant lives in its home region (its ARN names none): applied to a unit of another region, that unit
 * would create it again on every apply, never seeing it among its own.
 */
function homeRegionProblems(view: DocumentView, declared: readonly DeclaredTarget[], patterns: readonly string[]): Diagnostic[] {
  const home = view.spec.homeRegion;
  if ((view.kind !== 'License' && view.kind !== 'Grant') || typeof home !== 'string') return [];
  const elsewhere = selectUnits(declared.map((t) => ({ ...t, regions: [...t.regions] })), patterns).filter((key) => !key.endsWith(`@${home}`));
  if (!elsewhere.length) return [];
  return [errorAtPath(view.pd, ['spec', 'homeRegion'], {
    code: 'TARGET_REGION', message: `${view.kind}/${view.name} has homeRegion ${home}, but is applied to ${elsewhere.join(', ')}`,
    hint: `apply it to the ${home} units only, e.g. metadata.targets: ["${elsewhere[0]!.split('@')[0]}@${home}"]`, field: 'spec.homeRegion',
  })];
}

/**
 * spec.adopt names one resource, of one account (and, but for licenses and grants, one region): every unit the
 * document is applied to must be of that account and region, or its plan would refuse the adopt on every run.
 */
function adoptProblems(view: DocumentView, declared: readonly DeclaredTarget[], patterns: readonly string[]): Diagnostic[] {
  const adopt = adoptedArn(view);
  const account = adopt === undefined ? undefined : accountOfArn(adopt);
  if (account === undefined) return [];
  const region = adopt!.split(':')[3] ?? '';
  const elsewhere = declared.flatMap((t) => t.regions.filter((r) => selectUnits([{ ...t, regions: [r] }], patterns).length > 0)
    .filter((r) => t.account !== account || (region !== '' && r !== region)).map((r) => (t.regions.length === 1 ? t.name : `${t.name}@${r}`)));
  if (!elsewhere.length) return [];
  const place = region === '' ? `account ${account}` : `account ${account} in ${region}`;
  const fitting = declared.filter((t) => t.account === account && (region === '' || t.regions.includes(region)))
    .map((t) => (t.regions.length === 1 || region === '' ? t.name : `${t.name}@${region}`));
  return [errorAtPath(view.pd, ['spec', 'adopt'], {
    code: 'ADOPT_TARGET', message: `spec.adopt names a resource of ${place}, but ${view.kind}/${view.name} is applied to ${elsewhere.join(', ')}`,
    hint: fitting.length ? `apply it to ${fitting.join(', ')} only (metadata.targets)` : `no target of spec.targets is ${place}`, field: 'spec.adopt',
  })];
}

/**
 * A target has exactly one set of service settings, so two ServiceSettings documents applied to one target (or two
 * in a project without targets) contradict each other: the second is reported, naming the first.
 */
function settingsProblems(others: readonly DocumentView[], selection?: ReadonlyMap<DocumentView, Set<string>>): Diagnostic[] {
  const settings = others.filter((v) => v.kind === 'ServiceSettings');
  const shared = (a: DocumentView, b: DocumentView) => (selection ? [...(selection.get(a) ?? [])].filter((t) => selection.get(b)?.has(t)) : []);
  return settings.flatMap((view, i) => {
    const earlier = settings.slice(0, i).find((other) => !selection || shared(view, other).length > 0);
    if (!earlier) return [];
    const where = selection ? ` in target ${shared(view, earlier).join(', ')}` : '';
    return [errorAtPath(view.pd, ['metadata', 'name'], {
      code: 'DUPLICATE_SERVICE_SETTINGS', message: `ServiceSettings/${view.name} and ServiceSettings/${earlier.name} both set the service settings${where}`,
      hint: 'an account has one set of service settings per region: keep one document, or give them different metadata.targets', field: 'metadata.name',
    })];
  });
}

function declaredTargets(project: DocumentView): DeclaredTarget[] | undefined {
  if (!Array.isArray(project.spec.targets)) return undefined;
  return project.spec.targets.filter(isRecord).map((t) => ({
    name: String(t.name), account: String(t.account), regions: strings(t.regions) ?? [],
  }));
}

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}

/** The units the patterns select, by label (the target's name, or `name@region` for a target of several regions). */
function selected(declared: readonly DeclaredTarget[], patterns: readonly string[]): Set<string> {
  const keys = new Set(selectUnits(declared.map((t) => ({ ...t, regions: [...t.regions] })), patterns));
  return new Set(declared.flatMap((t) => t.regions.filter((r) => keys.has(`${t.name}@${r}`)).map((r) => (t.regions.length === 1 ? t.name : `${t.name}@${r}`))));
}

function projectProblems(project: DocumentView, declared: readonly DeclaredTarget[]): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const places = new Map<string, string>();
  declared.forEach((t, i) => {
    if (declared.findIndex((o) => o.name === t.name) < i) {
      problems.push(errorAtPath(project.pd, ['spec', 'targets', String(i), 'name'], { code: 'DUPLICATE_TARGET', message: `target "${t.name}" is declared twice`, hint: 'give each target its own name', field: `spec.targets[${i}].name` }));
    }
    for (const region of t.regions) {
      const place = `${t.account}/${region}`;
      const first = places.get(place);
      if (first !== undefined && first !== t.name) {
        problems.push(errorAtPath(project.pd, ['spec', 'targets', String(i), 'regions'], {
          code: 'DUPLICATE_TARGET', message: `targets "${first}" and "${t.name}" both name account ${t.account} in ${region}`,
          hint: 'one target per account and region: the two would manage the same resources', field: `spec.targets[${i}].regions`,
        }));
      }
      places.set(place, t.name);
    }
  });
  const store = isRecord(project.spec.store) ? project.spec.store : {};
  if (project.spec.account !== undefined) {
    problems.push(errorAtPath(project.pd, ['spec', 'account'], { code: 'TARGETS_CONFLICT', message: 'spec.account cannot be used with spec.targets', hint: 'each target declares its account', field: 'spec.account' }, true));
  }
  if (store.region !== undefined || store.profile !== undefined) {
    const field = store.region !== undefined ? 'region' : 'profile';
    problems.push(errorAtPath(project.pd, ['spec', 'store', field], { code: 'TARGETS_CONFLICT', message: `spec.store.${field} cannot be used with spec.targets`, hint: `each target declares its ${field === 'region' ? 'regions' : 'profile'}`, field: `spec.store.${field}` }, true));
  }
  return problems;
}

function unmatched(view: DocumentView, path: string[], pattern: string, declared: readonly DeclaredTarget[]): Diagnostic[] {
  if (selected(declared, [pattern]).size > 0) return [];
  const names = declared.map((t) => t.name);
  return [errorAtPath(view.pd, path, {
    code: 'UNKNOWN_TARGET', message: `"${pattern}" matches no target of spec.targets`,
    hint: didYouMean(pattern, names) ?? `the targets are ${names.join(', ')} (name, glob, or name@region for some regions)`, field: `${path[0]}.${path[1]}[${path[2]}]`,
  })];
}

function targetsWithoutProjectTargets(view: DocumentView): Diagnostic[] {
  if (view.metadata.targets === undefined) return [];
  return [errorAtPath(view.pd, ['metadata', 'targets'], {
    code: 'UNKNOWN_TARGET', message: 'metadata.targets needs spec.targets in licensectl.yaml', hint: 'declare the targets in licensectl.yaml, or remove metadata.targets', field: 'metadata.targets',
  }, true)];
}

function noTarget(view: DocumentView): Diagnostic {
  return errorAtPath(view.pd, ['metadata'], {
    code: 'NO_TARGET', message: `${view.kind}/${view.name} is applied to no target`,
    hint: 'set metadata.targets on it, or spec.defaultTargets in licensectl.yaml', field: 'metadata.targets',
  }, true);
}

/** Names a document refers to, by the kind they name and where. */
function referencesOf(view: DocumentView): { kind: string; name: string; path: string[] }[] {
  const names = (field: string) => (strings(view.spec[field]) ?? []).map((name, i) => ({ kind: 'LicenseConfiguration', name, path: ['spec', field, String(i)] }));
  if (view.kind === 'ResourceShare' || view.kind === 'Association' || view.kind === 'ReportGenerator') return names('licenseConfigurations').filter((r) => !r.name.startsWith('arn:'));
  if (view.kind === 'Grant' && typeof view.spec.license === 'string') return [{ kind: 'License', name: view.spec.license, path: ['spec', 'license'] }];
  return [];
}

function referenceProblems(view: DocumentView, others: readonly DocumentView[], selection: ReadonlyMap<DocumentView, Set<string>>): Diagnostic[] {
  const mine = selection.get(view) ?? new Set<string>();
  return referencesOf(view).flatMap((ref) => {
    const target = others.find((o) => o.kind === ref.kind && o.name === ref.name);
    if (!target) return []; // a missing reference is reported by checks.ts
    const theirs = selection.get(target) ?? new Set<string>();
    const missing = [...mine].filter((t) => !theirs.has(t));
    if (!missing.length) return [];
    return [errorAtPath(view.pd, ref.path, {
      code: 'TARGET_REFERENCE', message: `${ref.kind} "${ref.name}" is not applied to ${missing.length === 1 ? 'target' : 'targets'} ${missing.join(', ')}, where ${view.kind}/${view.name} is`,
      hint: `add ${missing.join(', ')} to the metadata.targets of ${ref.kind}/${ref.name}, or narrow this document's`, field: ref.path.length === 3 ? `${ref.path[0]}.${ref.path[1]}[${ref.path[2]}]` : ref.path.join('.'),
    })];
  });
}
