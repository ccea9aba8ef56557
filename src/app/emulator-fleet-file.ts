// `emulator fleet apply FILE`: a whole simulated fleet written in YAML, read and checked here; converging the
// emulator's fleet to it is emulator-fleet-converge.ts. Hosts, instances and managed instances are known by the
// names the file gives them (kept on the records), RDS DB instances by their identifiers.
//
//   hosts:
//     win-host-1: { cores: 48, sockets: 2 }
//     old-host: { cores: 16, sockets: 1, state: released }
//   instances:
//     web-1: { ami: ami-0abc, vcpus: 8, cores: 4 }
//     sql-1: { ami: ami-0win, cores: 8, tenancy: host, host: win-host-1, state: stopped }
//   managedInstances:
//     dc-sql: { platform: Microsoft Windows Server 2019 Datacenter, platformType: Windows, vcpus: 8,
//               applications: [{ name: Microsoft SQL Server 2019 Enterprise, version: '15.0' }] }
//   rds:
//     orders: { engine: oracle-ee, licensePacks: [olap], vcpus: 8 }
//
// Every problem in the file is reported at once, located (file, line, field), before anything changes.
import { readFileSync } from 'node:fs';
import { isMap, type Node } from 'yaml';
import { errorAtPath, type ParsedDocument } from '../config/document.js';
import { parseFile } from '../config/parse.js';
import { INSTANCE_TENANCIES, type ApplicationInput, type InstanceTenancy } from '../emulator/index.js';
import { LicensectlError, type Diagnostic } from '../errors/index.js';

const STATES = ['running', 'stopped', 'terminated'] as const;
export type DesiredState = (typeof STATES)[number];

const HOST_STATES = ['available', 'released'] as const;

export interface DesiredHost {
  readonly cores: number;
  readonly sockets: number;
  readonly state: (typeof HOST_STATES)[number];
}

export interface DesiredInstance {
  readonly ami: string;
  readonly vcpus?: number;
  readonly cores?: number;
  readonly threadsPerCore?: number;
  readonly sockets?: number;
  readonly tenancy: InstanceTenancy;
  readonly host?: string;
  readonly platform?: string;
  readonly state: DesiredState;
}

export interface DesiredManaged {
  readonly platform: string;
  readonly platformType?: string;
  readonly platformVersion?: string;
  readonly vcpus?: number;
  readonly cores?: number;
  readonly sockets?: number;
  readonly applications: readonly ApplicationInput[];
  readonly licensePacks: readonly string[];
}

export interface FleetFile {
  readonly hosts: ReadonlyMap<string, DesiredHost>;
  readonly instances: ReadonlyMap<string, DesiredInstance>;
  /** Managed instances by name. */
  readonly managedInstances: ReadonlyMap<string, DesiredManaged>;
  /** RDS DB instances by identifier; `platform` is the engine edition. */
  readonly rds: ReadonlyMap<string, DesiredManaged>;
}

const SECTIONS = ['hosts', 'instances', 'managedInstances', 'rds'] as const;

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const INTEGERS = ['vcpus', 'cores', 'threadsPerCore', 'sockets'] as const;
const INSTANCE_FIELDS = new Set(['ami', ...INTEGERS, 'tenancy', 'host', 'platform', 'state']);

/** Reads and checks a fleet file; every problem is a located diagnostic of one INVALID_CONFIG error. */
export function readFleetFile(file: string): FleetFile {
  return readControlFile(file, { kind: 'fleet', code: 'FLEET_FILE', unchanged: 'the fleet' }, checkDocument);
}

/** What a control file is, for messages: `fleet file`, diagnostics coded FLEET_FILE, "nothing in the fleet was changed". */
export interface ControlFileKind {
  readonly kind: string;
  readonly code: string;
  readonly unchanged: string;
}

/**
 * Reads one of the emulator's YAML control files (`emulator fleet apply`, `emulator org apply`): one document,
 * checked by `check`, which adds located diagnostics; any problem (YAML syntax included) is one INVALID_CONFIG
 * error listing them all.
 */
export function readControlFile<T>(file: string, what: ControlFileKind, check: (pd: ParsedDocument, problems: Diagnostic[]) => T | undefined): T {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new LicensectlError('USAGE', `cannot read ${what.kind} file ${file}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = parseFile(file, file, bytes);
  const problems = [...parsed.diagnostics.filter((d) => d.severity === 'error')];
  const documents = parsed.documents.filter((d) => d.ok);
  if (problems.length === 0 && documents.length !== 1)
    problems.push({ severity: 'error', code: what.code, message: `a ${what.kind} file holds exactly one YAML document, this one has ${documents.length}`, file, line: 1, column: 1 });
  const value = problems.length === 0 ? check(documents[0]!, problems) : undefined;
  if (problems.length > 0 || value === undefined)
    throw new LicensectlError('INVALID_CONFIG', `${problems.length} ${problems.length === 1 ? 'error' : 'errors'} in ${what.kind} file ${file}`, {
      diagnostics: problems,
      hint: `fix the problems above; nothing in ${what.unchanged} was changed`,
    });
  return value;
}

function checkDocument(pd: ParsedDocument, problems: Diagnostic[]): FleetFile | undefined {
  const fail = (path: readonly string[], message: string, atKey = false) => {
    const field = path.join('.');
    problems.push(errorAtPath(pd, path, { code: 'FLEET_FILE', message: field === '' ? message : `${field}: ${message}`, field }, atKey));
  };
  const root = pd.value;
  if (!isRecord(root) || !isMap(pd.doc.contents as Node)) {
    fail([], `a fleet file is a mapping with ${SECTIONS.join(', ')}`);
    return undefined;
  }
  for (const key of Object.keys(root)) if (!(SECTIONS as readonly string[]).includes(key)) fail([key], `unknown field ${key} (a fleet file has ${SECTIONS.join(', ')})`, true);
  const hosts = new Map<string, DesiredHost>();
  for (const [name, value] of entries(root, 'hosts', fail)) {
    const spec = fields(['hosts', name], value, new Set(['cores', 'sockets', 'state']), fail);
    const cores = integer(['hosts', name, 'cores'], spec?.['cores'], fail, true);
    const sockets = integer(['hosts', name, 'sockets'], spec?.['sockets'], fail, true);
    const state = spec?.['state'] ?? 'available';
    if (!HOST_STATES.includes(state as DesiredHost['state'])) fail(['hosts', name, 'state'], `state must be one of ${HOST_STATES.join(', ')}, got ${JSON.stringify(state)}`);
    else if (cores !== undefined && sockets !== undefined) hosts.set(name, { cores, sockets, state: state as DesiredHost['state'] });
  }
  const instances = new Map<string, DesiredInstance>();
  for (const [name, value] of entries(root, 'instances', fail)) {
    const path = ['instances', name];
    const spec = fields(path, value, INSTANCE_FIELDS, fail);
    if (!spec) continue;
    const before = problems.length;
    const ami = spec['ami'];
    if (typeof ami !== 'string' || !/^ami-[0-9a-zA-Z]{1,32}$/.test(ami)) fail([...path, 'ami'], `ami must be an AMI id (ami-…), got ${JSON.stringify(ami)}`);
    const sizes = Object.fromEntries(INTEGERS.map((f) => [f, integer([...path, f], spec[f], fail, false)]));
    const host = spec['host'];
    const hostNames = isRecord(root['hosts']) ? Object.keys(root['hosts']) : [];
    if (host !== undefined && (typeof host !== 'string' || !hostNames.includes(host)))
      fail([...path, 'host'], `host must name a host of this file's hosts, got ${JSON.stringify(host)}`);
    else if (host !== undefined && hosts.get(host as string)?.state === 'released' && spec['state'] !== 'terminated')
      fail([...path, 'host'], `host ${String(host)} is released: an instance on it is terminated`);
    const tenancy = spec['tenancy'] ?? (host === undefined ? 'default' : 'host');
    if (!INSTANCE_TENANCIES.includes(tenancy as InstanceTenancy)) fail([...path, 'tenancy'], `tenancy must be one of ${INSTANCE_TENANCIES.join(', ')}, got ${JSON.stringify(tenancy)}`);
    else if (host !== undefined && tenancy !== 'host') fail([...path, 'tenancy'], `an instance on host ${String(host)} has tenancy host, not ${String(tenancy)}`);
    const state = spec['state'] ?? 'running';
    if (!STATES.includes(state as DesiredState)) fail([...path, 'state'], `state must be one of ${STATES.join(', ')}, got ${JSON.stringify(state)}`);
    const platform = spec['platform'];
    if (platform !== undefined && typeof platform !== 'string') fail([...path, 'platform'], `platform must be a string, got ${JSON.stringify(platform)}`);
    if (problems.length > before) continue;
    instances.set(name, {
      ami: ami as string, tenancy: tenancy as InstanceTenancy, state: state as DesiredState,
      ...definedOnly(sizes), ...(host === undefined ? {} : { host: host as string }), ...(platform === undefined ? {} : { platform: platform as string }),
    });
  }
  return { hosts, instances, managedInstances: managedSection(root, 'managedInstances', fail), rds: managedSection(root, 'rds', fail) };
}

const MANAGED_FIELDS = { managedInstances: ['platform', 'platformType', 'platformVersion', 'vcpus', 'cores', 'sockets', 'applications'], rds: ['engine', 'licensePacks', 'vcpus', 'cores'] };

/** The managed instances or RDS DB instances of a file. */
function managedSection(root: Record<string, unknown>, section: 'managedInstances' | 'rds', fail: Fail): Map<string, DesiredManaged> {
  const found = new Map<string, DesiredManaged>();
  for (const [name, value] of entries(root, section, fail)) {
    const path = [section, name];
    const spec = fields(path, value, new Set(MANAGED_FIELDS[section]), fail);
    if (!spec) continue;
    const text = (field: string, required = false) => {
      const v = spec[field];
      if ((v === undefined && !required) || (typeof v === 'string' && v !== '')) return v as string | undefined;
      fail([...path, field], `${field} must be a non-empty string, got ${JSON.stringify(v ?? null)}`);
      return undefined;
    };
    const platform = text(section === 'rds' ? 'engine' : 'platform', true);
    const [platformType, platformVersion] = [text('platformType'), text('platformVersion')];
    const sizes = Object.fromEntries(['vcpus', 'cores', 'sockets'].map((f) => [f, integer([...path, f], spec[f], fail, false)]));
    const applications = (spec['applications'] ?? []) as unknown[];
    const apps = Array.isArray(applications) && applications.every((a) => isRecord(a) && typeof a['name'] === 'string' && Object.values(a).every((v) => typeof v === 'string'));
    if (!apps) fail([...path, 'applications'], 'applications must be a list of {name, version, publisher} strings');
    const packs = spec['licensePacks'] ?? [];
    if (!Array.isArray(packs) || !packs.every((p) => typeof p === 'string')) fail([...path, 'licensePacks'], 'licensePacks must be a list of strings');
    if (platform === undefined || !apps) continue;
    found.set(name, {
      platform, ...(platformType === undefined ? {} : { platformType }), ...(platformVersion === undefined ? {} : { platformVersion }),
      ...definedOnly(sizes), applications: applications as ApplicationInput[], licensePacks: packs as string[],
    });
  }
  return found;
}

type Fail = (path: readonly string[], message: string, atKey?: boolean) => void;

function entries(root: Record<string, unknown>, section: (typeof SECTIONS)[number], fail: Fail): Array<[string, unknown]> {
  const value = root[section];
  if (value === undefined || value === null) return [];
  if (!isRecord(value)) {
    fail([section], `${section} must be a mapping from names to their descriptions`);
    return [];
  }
  return Object.entries(value).filter(([name]) => {
    if (!NAME.test(name)) fail([section, name], `invalid name ${JSON.stringify(name)}: letters, digits, '.', '_' and '-', at most 128`, true);
    return NAME.test(name);
  });
}

function fields(path: readonly string[], value: unknown, known: ReadonlySet<string>, fail: Fail): Record<string, unknown> | undefined {
  if (!isRecord(value)) {
    fail(path, `${path.join('.')} must be a mapping of ${[...known].join(', ')}`);
    return undefined;
  }
  for (const key of Object.keys(value)) if (!known.has(key)) fail([...path, key], `unknown field ${key} (known: ${[...known].join(', ')})`, true);
  return value;
}

function integer(path: readonly string[], value: unknown, fail: Fail, required: boolean): number | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 4096) return value;
  fail(path, `${path[path.length - 1]} must be a whole number from 1 to 4096, got ${JSON.stringify(value ?? null)}`);
  return undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
export const definedOnly = (record: Record<string, number | undefined>) => Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));

