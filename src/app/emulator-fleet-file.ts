// `emulator fleet apply FILE`: a whole simulated fleet written in YAML, and the changes that converge the
// emulator's fleet to it. Hosts and instances are known by the names the file gives them (kept on the records);
// instances launched without a name are not the file's and are left alone.
//
//   hosts:
//     win-host-1: { cores: 48, sockets: 2 }
//   instances:
//     web-1: { ami: ami-0abc, vcpus: 8, cores: 4 }
//     sql-1: { ami: ami-0win, cores: 8, tenancy: host, host: win-host-1, state: stopped }
//
// Every problem in the file is reported at once, located (file, line, field), before anything changes. An
// instance whose AMI or shape differs from the file is replaced (terminated, launched again); one in another
// state is stopped or started. Terminations and stops come first, so that the licenses they release can serve
// the starts and launches after them.
import { readFileSync } from 'node:fs';
import { isMap, type Node } from 'yaml';
import { errorAtPath, type ParsedDocument } from '../config/document.js';
import { parseFile } from '../config/parse.js';
import { INSTANCE_TENANCIES, instanceShape, type FleetAction, type HostRecord, type InstanceRecord, type InstanceTenancy } from '../emulator/index.js';
import { LicensectlError, type Diagnostic } from '../errors/index.js';
import type { Fleet } from './emulator-fleet.js';

const STATES = ['running', 'stopped', 'terminated'] as const;
type DesiredState = (typeof STATES)[number];

interface DesiredHost {
  readonly cores: number;
  readonly sockets: number;
}

interface DesiredInstance {
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

export interface FleetFile {
  readonly hosts: ReadonlyMap<string, DesiredHost>;
  readonly instances: ReadonlyMap<string, DesiredInstance>;
}

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
    fail([], 'a fleet file is a mapping with `hosts` and `instances`');
    return undefined;
  }
  for (const key of Object.keys(root)) if (key !== 'hosts' && key !== 'instances') fail([key], `unknown field ${key} (a fleet file has hosts and instances)`, true);
  const hosts = new Map<string, DesiredHost>();
  for (const [name, value] of entries(root, 'hosts', fail)) {
    const spec = fields(['hosts', name], value, new Set(['cores', 'sockets']), fail);
    const cores = integer(['hosts', name, 'cores'], spec?.['cores'], fail, true);
    const sockets = integer(['hosts', name, 'sockets'], spec?.['sockets'], fail, true);
    if (cores !== undefined && sockets !== undefined) hosts.set(name, { cores, sockets });
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
  return { hosts, instances };
}

type Fail = (path: readonly string[], message: string, atKey?: boolean) => void;

function entries(root: Record<string, unknown>, section: 'hosts' | 'instances', fail: Fail): Array<[string, unknown]> {
  const value = root[section];
  if (value === undefined || value === null) return [];
  if (!isRecord(value)) {
    fail([section], `${section} must be a mapping from names to ${section === 'hosts' ? 'hosts' : 'instances'}`);
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
const definedOnly = (record: Record<string, number | undefined>) => Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));

/** One change made to the fleet: what, to which named resource, and its id. */
export interface FleetChange {
  readonly action: 'allocate-host' | 'launch' | FleetAction;
  readonly name: string;
  readonly id: string;
}

/**
 * Converges the fleet to the file, reporting each change as it is made. A host of the file's name with other
 * cores or sockets is refused before anything changes (a host cannot be resized); a launch AWS refuses stops
 * the apply with its reason, after the changes before it.
 */
export async function applyFleetFile(fleet: Fleet, desired: FleetFile, report: (change: FleetChange) => void): Promise<FleetChange[]> {
  const current = await fleet.list();
  const changes: FleetChange[] = [];
  const done = (change: FleetChange) => {
    changes.push(change);
    report(change);
  };
  const hostIds = new Map<string, string>();
  const liveHosts = new Map((current.hosts ?? []).filter((h): h is HostRecord & { Name: string } => h.Name !== undefined).map((h) => [h.Name, h]));
  for (const [name, host] of sorted(desired.hosts)) {
    const live = liveHosts.get(name);
    if (live && (live.Cores !== host.cores || live.Sockets !== host.sockets))
      throw new LicensectlError('EMULATOR_FLEET_REFUSED', `host ${name} (${live.HostId}) has ${live.Cores} cores and ${live.Sockets} sockets, the file says ${host.cores} and ${host.sockets}: a dedicated host cannot be resized`);
    if (live) hostIds.set(name, live.HostId);
  }
  for (const [name, host] of sorted(desired.hosts)) {
    if (hostIds.has(name)) continue;
    const id = await fleet.allocateHost({ ...host, name });
    hostIds.set(name, id);
    done({ action: 'allocate-host', name, id });
  }

  const live = new Map<string, InstanceRecord>();
  const release: Array<{ action: FleetAction; name: string; id: string }> = [];
  for (const instance of current.instances) {
    if (instance.Name === undefined || instance.State === 'terminated') continue;
    if (live.has(instance.Name) || !desired.instances.has(instance.Name)) release.push({ action: 'terminate', name: instance.Name, id: instance.InstanceId });
    else live.set(instance.Name, instance);
  }
  const starts: FleetChange[] = [];
  const launches: Array<[string, DesiredInstance]> = [];
  for (const [name, want] of sorted(desired.instances)) {
    const have = live.get(name);
    if (!have) {
      if (want.state !== 'terminated') launches.push([name, want]);
    } else if (want.state === 'terminated') release.push({ action: 'terminate', name, id: have.InstanceId });
    else if (!matches(have, want, hostIds)) {
      release.push({ action: 'terminate', name, id: have.InstanceId });
      launches.push([name, want]);
    } else if (want.state !== have.State) (want.state === 'stopped' ? release : starts).push({ action: want.state === 'stopped' ? 'stop' : 'start', name, id: have.InstanceId });
  }
  for (const change of [...release, ...starts]) {
    await fleet.change(change.action as FleetAction, [change.id]);
    done(change);
  }
  for (const [name, want] of launches) {
    const { launched, refusal } = await fleet.launch({
      imageId: want.ami, name, tenancy: want.tenancy,
      ...definedOnly({ vcpus: want.vcpus, cores: want.cores, threadsPerCore: want.threadsPerCore, sockets: want.sockets }),
      ...(want.host === undefined ? {} : { hostId: hostIds.get(want.host)! }),
      ...(want.platform === undefined ? {} : { platform: want.platform }),
    });
    if (refusal) throw refusal;
    done({ action: 'launch', name, id: launched[0]! });
    if (want.state === 'stopped') {
      await fleet.change('stop', launched);
      done({ action: 'stop', name, id: launched[0]! });
    }
  }
  return changes;
}

/** Whether a live instance is what the file describes, its state aside (the platform is its AMI's, set when the AMI was first named). */
function matches(have: InstanceRecord, want: DesiredInstance, hostIds: ReadonlyMap<string, string>): boolean {
  const shape = instanceShape(want);
  const hostId = want.host === undefined ? undefined : hostIds.get(want.host);
  return (
    have.ImageId === want.ami && have.VCpus === shape.VCpus && have.CoreCount === shape.CoreCount && have.ThreadsPerCore === shape.ThreadsPerCore &&
    have.Sockets === shape.Sockets && have.Tenancy === shape.Tenancy && have.HostId === hostId
  );
}

const sorted = <T>(map: ReadonlyMap<string, T>) => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
