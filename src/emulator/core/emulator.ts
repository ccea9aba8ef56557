// The emulator: routes a request to its operation, applies faults, validates the input against the model,
// runs the handler against the state store and answers the way AWS does. Transport-neutral: the in-process
// handler and the HTTP server both call `handle`.
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { LicensectlError } from '../../errors/index.js';
import { DEFAULT_REGION } from '../../model/arn.js';
import { compareText } from '../../util/canonical.js';
import { licenseManagerOperations } from '../license-manager/index.js';
import { type ReportRun, runReportGenerator, writeReports } from '../license-manager/report-runs.js';
import { allocateHost, changeInstances, checkLaunch, fleetView, launchOne, releaseHosts, type FleetAction, type FleetContext, type HostRequest, type LaunchRequest } from '../fleet/fleet.js';
import { addManaged, removeManaged, setInventory, type ApplicationInput, type ManagedRequest } from '../fleet/managed-resources.js';
import type { HostRecord, InstanceRecord, ManagedResourceRecord, ManagedType } from '../fleet/records.js';
import { ramOperations } from '../ram/index.js';
import { accountFromAccessKey } from '../sts/credentials.js';
import { stsOperations } from '../sts/index.js';
import { checkDeclaration, InvalidDeclaration } from '../organizations/declaration.js';
import { organizationsOperations } from '../organizations/index.js';
import { organizationFrom, organizationOf, type OrganizationRecord } from '../organizations/organization.js';
import { type Identity, identityOf, idSource } from './call-context.js';
import { FaultController, type FaultOptions, seededRandom } from './faults.js';
import { checkOutput, checkUnchanged, validateInput } from './model-checks.js';
import { decodeQueryInput, queryParameters } from './query-protocol.js';
import { OperationRegistry, type Route, SERVICE_MODELS, serviceOfTarget } from './registry.js';
import { type CallContext, copy, type EmulatorState, type OperationSpec, ServiceError, type ServiceName } from './service-contract.js';
import { FileStateStore } from './state-file.js';
import { MemoryStateStore, type StateStore } from './state-store.js';
import { decodeInput, type EmulatorRequest, type EmulatorResponse, errorResponse, splitPath, successResponse } from './wire.js';

export interface EmulatorOptions {
  /** Keep the state in this JSON file (shared safely between processes); in memory when absent. */
  statePath?: string;
  /** Makes ids (and random faults) reproducible. */
  seed?: number;
  now?: () => Date;
  faults?: FaultOptions;
  /** How long RAM shares and associations stay in their transitional statuses. */
  shareDelayMs?: number;
  /** Conformance mode for tests: a response that breaks the model, or a read-only call that changes state, is a 500. */
  checkResponses?: boolean;
  /** The operation table; License Manager, RAM, STS and Organizations by default. */
  operations?: readonly OperationSpec[];
}

/** The account and region a fleet change acts in: the emulator's default account and region when absent. */
export interface FleetPlace {
  readonly account?: string;
  readonly region?: string;
}

export class Emulator {
  readonly faults: FaultController;
  private readonly store: StateStore;
  private readonly registry: OperationRegistry;
  private readonly counts = new Map<string, number>();
  private readonly now: () => Date;

  constructor(private readonly options: EmulatorOptions = {}) {
    this.registry = new OperationRegistry(options.operations ?? [...licenseManagerOperations, ...ramOperations, ...stsOperations, ...organizationsOperations]);
    this.store = options.statePath ? new FileStateStore(options.statePath) : new MemoryStateStore();
    this.now = options.now ?? (() => new Date());
    const random = options.seed === undefined ? Math.random : seededRandom(options.seed);
    this.faults = new FaultController(options.faults ?? {}, new Set(this.registry.keys()), random);
  }

  async handle(request: EmulatorRequest, signal?: AbortSignal): Promise<EmulatorResponse> {
    const requestId = randomUUID();
    const [pathname, query] = splitPath(request.path);
    const target = request.headers['x-amz-target'];
    const params = queryParameters(request, pathname, query);
    if (params) return this.handleQuery(request, params, requestId, signal);
    const route = target === undefined ? this.registry.byHttp(request.method, pathname) : this.registry.byTarget(target);
    if (!route) return unknownOperation(target, request.method, pathname, requestId);
    return this.dispatch(route, request, () => decodeInput(route, request.body, query), requestId, signal);
  }

  /** An awsQuery (STS) request: the operation is its `Action` parameter. */
  private handleQuery(request: EmulatorRequest, params: URLSearchParams, requestId: string, signal?: AbortSignal): Promise<EmulatorResponse> {
    const action = params.get('Action') ?? '';
    const route = this.registry.byAction(action);
    if (!route) {
      const error = new ServiceError('InvalidAction', `Could not find operation ${action} for version ${params.get('Version') ?? 'NO_VERSION_SPECIFIED'}`);
      return Promise.resolve(errorResponse('sts', error, requestId));
    }
    return this.dispatch(route, request, () => decodeQueryInput(SERVICE_MODELS.sts, route.inputShape!, params), requestId, signal);
  }

  private async dispatch(route: Route, request: EmulatorRequest, decode: () => Record<string, unknown>, requestId: string, signal?: AbortSignal): Promise<EmulatorResponse> {
    const { service } = route.spec;
    this.counts.set(route.key, (this.counts.get(route.key) ?? 0) + 1);
    try {
      const identity = identityOf(request.headers);
      const fault = await this.faults.inject(service, route.key, signal, identity.account);
      if (fault) throw fault;
      const input = decode();
      if (route.inputShape) validateInput(service, route.inputShape, input);
      checkNotExpired(service, identity, this.now());
      const body = route.spec.readOnly
        ? await this.run(route, identity, input)
        : await this.faults.commitLate(() => this.run(route, identity, input), signal);
      return successResponse(service, body, requestId, route.key);
    } catch (error) {
      return errorResponse(service, answerFor(error, route.key), requestId, route.key);
    }
  }

  /** A deep copy of the whole state. */
  snapshot(): EmulatorState {
    return JSON.parse(this.store.text()) as EmulatorState;
  }

  /** Calls routed to each operation since construction (or the last reset), injected failures included. */
  callCounts(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => compareText(a, b)));
  }

  resetCallCounts(): void {
    this.counts.clear();
  }

  /**
   * Launches `request.count` instances (1 by default), each its own committed change; the first that AWS would
   * refuse (a rule broken, a hard limit reached) is not launched, nor any after it, and its error is returned.
   */
  async launchInstances(where: FleetPlace, request: LaunchRequest): Promise<{ launched: string[]; refusal?: ServiceError }> {
    const launched: string[] = [];
    try {
      checkLaunch(request);
      for (let n = 0; n < (request.count ?? 1); n++) launched.push(await this.committingFailures(() => this.store.transact((state) => launchOne(state, this.fleetContext(where, state), request))));
      return { launched };
    } catch (error) {
      if (error instanceof ServiceError) return { launched, refusal: error };
      throw error;
    }
  }

  /** Stops, starts or terminates instances, all or none; throws the ServiceError EC2 would answer. */
  changeInstances(where: FleetPlace, action: FleetAction, ids: readonly string[]): Promise<InstanceRecord[]> {
    return this.committingFailures(() => this.store.transact((state) => copy(changeInstances(state, this.fleetContext(where, state), action, ids))));
  }

  /** Allocates a dedicated host; returns its id (h-…). Throws the ServiceError EC2 would answer. */
  allocateHost(where: FleetPlace, request: HostRequest): Promise<string> {
    return this.store.transact((state) => allocateHost(state, this.fleetContext(where, state), request));
  }

  /** Releases dedicated hosts, all or none; throws the ServiceError EC2 would answer (a host still running instances). */
  releaseHosts(where: FleetPlace, ids: readonly string[]): Promise<HostRecord[]> {
    return this.store.transact((state) => copy(releaseHosts(state, this.fleetContext(where, state), ids)));
  }

  /** Registers a Systems Manager managed instance or creates an RDS DB instance; automated discovery runs. Returns its id (mi-…, or the DB identifier). */
  addManagedResource(where: FleetPlace, type: ManagedType, request: ManagedRequest): Promise<string> {
    return this.store.transact((state) => addManaged(state, this.fleetContext(where, state), type, request).ResourceId);
  }

  /** Replaces a managed instance's installed applications; automated discovery runs. */
  setInventory(where: FleetPlace, id: string, applications: readonly ApplicationInput[]): Promise<ManagedResourceRecord> {
    return this.store.transact((state) => copy(setInventory(state, this.fleetContext(where, state), id, applications)));
  }

  /** Deregisters managed instances and deletes DB instances, all or none. */
  removeManagedResources(where: FleetPlace, ids: readonly string[]): Promise<ManagedResourceRecord[]> {
    return this.store.transact((state) => copy(removeManaged(state, this.fleetContext(where, state), ids)));
  }

  /** The simulated fleet, of one account and region when they are given. */
  fleet(where: { account?: string; region?: string } = {}): ReturnType<typeof fleetView> {
    return copy(fleetView(this.store.read(), where));
  }

  private fleetContext(where: FleetPlace, state: EmulatorState): FleetContext {
    return {
      account: where.account ?? accountFromAccessKey(undefined),
      region: where.region ?? DEFAULT_REGION,
      now: this.now(),
      ids: idSource(this.options.seed, state.revision),
    };
  }

  /**
   * Makes `declaration` (the `emulator org apply` file's shape) the emulated organization, keeping the ids and join
   * times of what it already held; the same declaration again changes nothing (`changed: false`, no write). A
   * declaration that breaks a rule (declaration.ts) is refused with every problem (InvalidDeclaration).
   */
  async applyOrganization(declaration: unknown): Promise<{ changed: boolean; organization: OrganizationRecord }> {
    const { declaration: checked, problems } = checkDeclaration(declaration);
    if (!checked) throw new InvalidDeclaration(problems);
    const nowSeconds = Math.floor(this.now().getTime() / 1000);
    const current = organizationOf(this.store.read());
    if (current && JSON.stringify(current) === JSON.stringify(organizationFrom(checked, nowSeconds, current))) return { changed: false, organization: copy(current) };
    const next = await this.store.transact((state) => {
      const organization = organizationFrom(checked, nowSeconds, organizationOf(state));
      state.organizations.current = organization as unknown as Record<string, unknown>;
      return organization;
    });
    return { changed: true, organization: copy(next) };
  }

  /** The emulated organization, if one was declared. */
  organization(): OrganizationRecord | undefined {
    return copy(organizationOf(this.store.read()));
  }

  /**
   * Runs a report generator now, as AWS does on its schedule: its CSV reports go to `s3/<bucket>/…` beside the state
   * file (not written for an in-memory emulator) and the run is recorded on it. Unknown ARNs: ResourceNotFoundException.
   */
  async runReportGenerator(arn: string): Promise<ReportRun> {
    const run = await this.store.transact((state) => runReportGenerator(state, arn, this.now()));
    return this.options.statePath ? writeReports(run, join(dirname(this.options.statePath), 's3')) : run;
  }

  /** Changes the state directly, as one more committed (and persisted) mutation. For tests and fixtures. */
  async mutate(change: (state: EmulatorState) => void): Promise<void> {
    await this.store.transact(change);
  }

  /** Serialises the output inside the call, while the state it refers to is the state it saw. */
  private async run(route: Route, identity: Identity, input: Record<string, unknown>): Promise<string> {
    const invoke = (state: EmulatorState): string => {
      const before = this.options.checkResponses && route.spec.readOnly ? JSON.stringify(state) : undefined;
      const output = route.spec.handler(this.context(identity, state), input);
      if (this.options.checkResponses) {
        if (route.outputShape) checkOutput(route.spec.service, route.outputShape, output);
        if (before !== undefined) checkUnchanged(before, state);
      }
      return JSON.stringify(output);
    };
    return route.spec.readOnly ? invoke(this.store.read()) : this.committingFailures(() => this.store.transact(invoke));
  }

  /** Runs a mutation; a refusal that carries a record of itself (ServiceError.commitOnFailure) has it committed, then is thrown on. */
  private async committingFailures<T>(mutation: () => Promise<T>): Promise<T> {
    try {
      return await mutation();
    } catch (error) {
      if (error instanceof ServiceError && error.commitOnFailure) await this.store.transact(error.commitOnFailure);
      throw error;
    }
  }

  private context(identity: Identity, state: EmulatorState): CallContext {
    return {
      ...identity,
      now: this.now(),
      state,
      ids: idSource(this.options.seed, state.revision),
      delays: { shareMs: this.options.shareDelayMs ?? 0 },
    };
  }
}

/**
 * The error a failed call answers with: service errors as thrown, handler bugs as a 500. The emulator's own
 * failures (an unreadable state file) and aborts are not answers: they are rethrown to the transport.
 */
function answerFor(error: unknown, operation: string): ServiceError {
  if (error instanceof ServiceError) return error;
  if (error instanceof LicensectlError || (error as Error).name === 'AbortError') throw error;
  return new ServiceError('ServerInternalException', `emulator failure in ${operation}: ${(error as Error).message}`, 500);
}

/** Temporary credentials the emulator issued are refused once they expire, as AWS refuses them. */
function checkNotExpired(service: ServiceName, identity: Identity, now: Date): void {
  const session = identity.caller.session;
  if (session && session.expiration * 1000 <= now.getTime())
    throw new ServiceError(service === 'sts' ? 'ExpiredToken' : 'ExpiredTokenException', 'The security token included in the request is expired', 403);
}

function unknownOperation(target: string | undefined, method: string, pathname: string, requestId: string): EmulatorResponse {
  const service: ServiceName = target === undefined ? 'ram' : (serviceOfTarget(target) ?? 'license-manager');
  const what = target === undefined ? `${method} ${pathname}` : `x-amz-target ${target}`;
  const error = new ServiceError('UnknownOperationException', `The emulator does not implement the operation at ${what}`, 404);
  return errorResponse(service, error, requestId);
}
