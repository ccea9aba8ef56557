// Desired states of a given size, written as YAML the way a user would (README.md), and a deterministic
// mutation of a fraction of their documents. Same sizes and seed, same bytes.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { accountId, intIn, pick, sample, seededRandom, shuffle } from './random.js';

export const PROJECT = 'bench';
/** The scenario: 25 configurations, 50 shares, 5 licenses, 500 grants. */
export const MAIN_SIZES = { configurations: 25, shares: 50, licenses: 5, grants: 500 };
/** 10,000 resources in the same proportions as a grant-heavy account. */
export const LARGE_SIZES = { configurations: 400, shares: 800, licenses: 100, grants: 8700 };

const API_VERSION = 'licensectl/v1';
const DOCS_PER_FILE = 500;
const TEAMS = ['platform', 'data', 'analytics', 'security', 'web'];
const OPERATIONS = ['CheckoutLicense', 'CheckInLicense', 'ListPurchasedLicenses', 'ExtendConsumptionLicense', 'CheckoutBorrowLicense'];
const FILE_OF_KIND = { LicenseConfiguration: 'license-configurations', License: 'licenses', ResourceShare: 'resource-shares', Grant: 'grants' };

const nameOf = (prefix, i) => `${prefix}-${String(i + 1).padStart(5, '0')}`;
const doc = (kind, name, spec, tags) => ({ apiVersion: API_VERSION, kind, metadata: tags ? { name, tags } : { name }, spec });

// Each counting type with rules it allows (src/model/rules.ts), so the state validates.
const CONFIGURATION_SHAPES = [
  (r) => ({ countingType: 'vCPU', rules: { allowedTenancy: ['EC2-Default'], minimumVcpus: intIn(r, 1, 4), honorVcpuOptimization: true } }),
  (r) => ({ countingType: 'Instance', rules: { allowedTenancy: ['EC2-Default', 'EC2-DedicatedInstance'], maximumVcpus: intIn(r, 8, 64) } }),
  (r) => ({ countingType: 'Core', rules: { allowedTenancy: ['EC2-DedicatedHost'], minimumCores: intIn(r, 2, 8), licenseAffinityToHost: 90 } }),
  (r) => ({ countingType: 'Socket', rules: { allowedTenancy: ['EC2-DedicatedHost'], maximumSockets: intIn(r, 2, 4) } }),
];

function configuration(random, i) {
  const shape = CONFIGURATION_SHAPES[i % CONFIGURATION_SHAPES.length](random);
  const spec = { description: `Benchmark configuration ${i + 1}`, ...shape, licenseCount: intIn(random, 10, 1000), hardLimit: random() < 0.3 };
  return doc('LicenseConfiguration', nameOf('cfg', i), spec, { team: pick(random, TEAMS), 'cost-center': String(intIn(random, 1000, 9999)) });
}

function license(random, i) {
  const name = nameOf('lic', i);
  return doc('License', name, {
    productName: `Product ${i + 1}`, productSku: `sku-${name}`, issuer: { name: 'Bench Corp' }, homeRegion: 'us-east-1',
    validity: { begin: '2026-01-01T00:00:00Z', end: '2028-01-01T00:00:00Z' },
    entitlements: [{ name: 'seats', unit: 'Count', maxCount: intIn(random, 10, 500), allowCheckIn: true }],
    consumptionConfiguration: { renewType: 'Monthly', provisionalConfiguration: { maxTimeToLiveInMinutes: 60 } },
  });
}

function share(random, i, configurationNames) {
  const principals = Array.from({ length: intIn(random, 2, 3) }, () => accountId(random)).sort();
  const licenseConfigurations = sample(random, configurationNames, intIn(random, 1, Math.min(3, configurationNames.length))).sort();
  return doc('ResourceShare', nameOf('share', i), { allowExternalPrincipals: true, principals, licenseConfigurations }, { team: pick(random, TEAMS) });
}

function grant(random, i, licenseNames) {
  return doc('Grant', nameOf('grant', i), {
    license: licenseNames[i % licenseNames.length], principal: `arn:aws:iam::${accountId(random)}:root`, homeRegion: 'us-east-1',
    allowedOperations: sample(random, OPERATIONS, intIn(random, 2, 3)).sort(), status: 'ACTIVE',
  });
}

/** The project document followed by every resource document, in kind order. */
export function generateDocuments(sizes, seed = 1) {
  const random = seededRandom(seed);
  const configurations = Array.from({ length: sizes.configurations }, (_, i) => configuration(random, i));
  const licenses = Array.from({ length: sizes.licenses }, (_, i) => license(random, i));
  const configurationNames = configurations.map((d) => d.metadata.name);
  const shares = Array.from({ length: sizes.shares }, (_, i) => share(random, i, configurationNames));
  const licenseNames = licenses.map((d) => d.metadata.name);
  const grants = sizes.licenses ? Array.from({ length: sizes.grants }, (_, i) => grant(random, i, licenseNames)) : [];
  const project = doc('Project', PROJECT, { store: { type: 'emulator' }, prune: true });
  return [project, ...configurations, ...licenses, ...shares, ...grants];
}

/** Writes `licensectl.yaml` and the resources, at most DOCS_PER_FILE documents a file. Replaces `dir`. */
export async function writeState(dir, sizes, seed = 1) {
  const [project, ...resources] = generateDocuments(sizes, seed);
  return writeDocuments(dir, project, resources);
}

/** Writes `licensectl.yaml` holding `project` and the `resources`, at most DOCS_PER_FILE documents a file. Replaces `dir`. */
export async function writeDocuments(dir, project, resources) {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'licensectl.yaml'), toYaml([project]));
  const files = filesOf(resources);
  for (const [file, docs] of files) await writeFile(path.join(dir, file), toYaml(docs));
  return { dir, files: files.size + 1, resources: resources.length };
}

function filesOf(resources) {
  const files = new Map();
  const counts = {};
  for (const d of resources) {
    const index = counts[d.kind] = (counts[d.kind] ?? -1) + 1;
    const file = `${FILE_OF_KIND[d.kind]}-${String(Math.floor(index / DOCS_PER_FILE)).padStart(3, '0')}.yaml`;
    files.set(file, [...(files.get(file) ?? []), d]);
  }
  return files;
}

function toYaml(docs) {
  return docs.map((d) => stringify(d, { lineWidth: 0 })).join('---\n');
}

// What a mutation changes, by kind: counts, operations, principals. None of them forces a replace.
const MUTATIONS = {
  LicenseConfiguration: (random, spec) => ({ ...spec, licenseCount: spec.licenseCount + intIn(random, 1, 50) }),
  License: (random, spec) => ({ ...spec, entitlements: spec.entitlements.map((e) => ({ ...e, maxCount: e.maxCount + intIn(random, 1, 50) })) }),
  ResourceShare: (random, spec) => ({ ...spec, principals: [...spec.principals.slice(1), accountId(random)].sort() }),
  Grant: (random, spec) => ({ ...spec, allowedOperations: toggledOperation(random, spec.allowedOperations) }),
};

function toggledOperation(random, operations) {
  const absent = OPERATIONS.filter((op) => !operations.includes(op));
  const kept = operations.length > 1 && random() < 0.5 ? operations.slice(1) : operations;
  return (kept === operations ? [...operations, pick(random, absent)] : kept).sort();
}

/**
 * Changes round(fraction × resources) documents of the state in `dir`, chosen by a seeded shuffle.
 * Returns how many changed, by kind.
 */
export async function mutate(dir, fraction, seed = 2) {
  const random = seededRandom(seed);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.yaml') && f !== 'licensectl.yaml').sort();
  const parsed = await Promise.all(files.map(async (f) => parseAllDocuments(await readFile(path.join(dir, f), 'utf8')).map((d) => d.toJS())));
  const slots = parsed.flatMap((docs, fi) => docs.map((_, di) => [fi, di]));
  const chosen = shuffle(random, slots).slice(0, Math.round(fraction * slots.length));
  const byKind = {};
  for (const [fi, di] of chosen) {
    const d = parsed[fi][di];
    parsed[fi][di] = { ...d, spec: MUTATIONS[d.kind](random, d.spec) };
    byKind[d.kind] = (byKind[d.kind] ?? 0) + 1;
  }
  const touched = new Set(chosen.map(([fi]) => fi));
  for (const fi of touched) await writeFile(path.join(dir, files[fi]), toYaml(parsed[fi]));
  return { changed: chosen.length, byKind: Object.fromEntries(Object.entries(byKind).sort()) };
}
