// The contract between the emulator's core (wire, routing, persistence, faults) and its services.
// A service is a table of operations; each operation is a synchronous function of a call context and
// the decoded input, which reads and mutates the state it is given and returns the output members.

/** Which AWS service an operation belongs to. */
export type ServiceName = 'license-manager' | 'ram' | 'sts' | 'organizations';

/** The whole persisted emulator state. Each service owns its own section and only reads the others. */
export interface EmulatorState {
  readonly formatVersion: 1;
  /** Monotonic counter, bumped on every mutation; seeded ids derive from it. */
  revision: number;
  licenseManager: LicenseManagerState;
  ram: RamState;
  /** The simulated EC2 fleet that consumes licenses (src/emulator/fleet). */
  fleet: FleetState;
  /** The emulated AWS Organization (src/emulator/organizations); `current` is empty when there is none. */
  organizations: { current: Record<string, unknown> };
  /** Idempotency records: `${service}:${account}:${operation}:${clientToken}` → request hash and response. */
  clientTokens: Record<string, { readonly requestHash: string; readonly response: Record<string, unknown> }>;
}

/** Keyed by ARN. Records hold AWS-shaped (PascalCase) members as stored, plus bookkeeping fields prefixed `_`. */
export interface LicenseManagerState {
  licenseConfigurations: Record<string, Record<string, unknown>>;
  licenses: Record<string, Record<string, unknown>>;
  grants: Record<string, Record<string, unknown>>;
  /** Checked-out entitlements of seller-issued licenses, keyed by license consumption token. */
  checkouts: Record<string, Record<string, unknown>>;
  /** Tags of any License Manager resource, keyed by ARN. */
  tags: Record<string, Record<string, string>>;
  /** Failed license operations (refused launches, associations, discoveries), by license configuration ARN. */
  failures: Record<string, Array<Record<string, unknown>>>;
  /** Service settings (GetServiceSettings), keyed by `${account}:${region}`; absent: never updated. */
  serviceSettings?: Record<string, Record<string, unknown>>;
  /** Report generators, keyed by ARN (license-manager/report-generators.ts). */
  reportGenerators?: Record<string, Record<string, unknown>>;
}

/**
 * Instances keyed by ARN (`arn:aws:ec2:REGION:ACCOUNT:instance/i-…`), AMIs by `ACCOUNT/REGION/ami-…` (an AMI's
 * ARN names no account). Records hold EC2-shaped (PascalCase) members and their license specifications.
 */
export interface FleetState {
  instances: Record<string, Record<string, unknown>>;
  images: Record<string, Record<string, unknown>>;
  /** Dedicated hosts keyed by ARN (`arn:aws:ec2:REGION:ACCOUNT:dedicated-host/h-…`). */
  hosts: Record<string, Record<string, unknown>>;
  /** Systems Manager managed instances (on-premises servers) and RDS DB instances, keyed by ARN. */
  managed: Record<string, Record<string, unknown>>;
}

/** Keyed by ARN. Records hold RAM-shaped (camelCase) members. */
export interface RamState {
  resourceShares: Record<string, Record<string, unknown>>;
  /** Keyed by `${shareArn}|${associationType}|${entity}`. */
  associations: Record<string, Record<string, unknown>>;
}

/** A session of temporary credentials the emulator issued (STS AssumeRole), as its session token carries it. */
export interface Session {
  readonly accessKeyId: string;
  readonly roleArn: string;
  readonly sessionName: string;
  /** Epoch seconds. */
  readonly expiration: number;
}

/** Who signed a request: the access key of its SigV4 credential scope and, for issued credentials, their session. */
export interface Caller {
  readonly accessKeyId: string | undefined;
  readonly session?: Session;
}

export interface CallContext {
  readonly account: string;
  readonly region: string;
  /** Absent when a test calls a handler directly. */
  readonly caller?: Caller;
  readonly now: Date;
  /**
   * The state; a mutation is committed (and persisted) only if the handler returns without throwing.
   * Timestamps are stored as the wire wants them (epoch seconds, or ISO strings where the model says so).
   */
  readonly state: EmulatorState;
  /** Fresh ids: `hex32()` for lic-/l-/g- ids, `uuid()` for share ids. Deterministic when the emulator is seeded. */
  readonly ids: { hex32(): string; uuid(): string };
  /** Simulated propagation delays (`EmulatorOptions.shareDelayMs`); 0 means immediate. */
  readonly delays?: { readonly shareMs: number };
}

export type OperationHandler = (ctx: CallContext, input: Input) => Record<string, unknown>;

export interface OperationSpec {
  readonly service: ServiceName;
  readonly name: string;
  /** For restJson1 (RAM): method and lower-case path; awsJson1_1 operations are all `POST /`. */
  readonly http?: { readonly method: 'POST' | 'DELETE'; readonly path: string };
  /** Read-only operations skip the write lock and are never persisted. */
  readonly readOnly: boolean;
  readonly handler: OperationHandler;
}

/** An AWS error: its name (the wire `__type`), HTTP status and message. Thrown by handlers. */
export class ServiceError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
    /** Members the error carries besides its message (Organizations' `Reason`). */
    readonly members: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = type;
  }

  /**
   * What the service records about the refusal although the call changes nothing else (License Manager's list
   * of failed operations): committed as a mutation of its own after the call's changes are rolled back.
   */
  commitOnFailure?: (state: EmulatorState) => void;

  /** Adds a record to make of this refusal. */
  alsoRecord(record: (state: EmulatorState) => void): this {
    const before = this.commitOnFailure;
    this.commitOnFailure = (state) => {
      before?.(state);
      record(state);
    };
    return this;
  }
}

export function emptyState(): EmulatorState {
  return {
    formatVersion: 1,
    revision: 0,
    licenseManager: { licenseConfigurations: {}, licenses: {}, grants: {}, checkouts: {}, tags: {}, failures: {}, serviceSettings: {}, reportGenerators: {} },
    ram: { resourceShares: {}, associations: {} },
    fleet: { instances: {}, images: {}, hosts: {}, managed: {} },
    organizations: { current: {} },
    clientTokens: {},
  };
}

/**
 * An operation's input members. The core has checked every member against the model (types, required
 * members, enums, ranges) before a handler runs, so the readers below only narrow what is known to hold.
 * JSON null counts as absent, as it does for the model's checks.
 */
export type Input = Record<string, unknown>;

export const str = (input: Input, name: string): string => input[name] as string;
export const optStr = (input: Input, name: string): string | undefined => (input[name] ?? undefined) as string | undefined;
export const optNum = (input: Input, name: string): number | undefined => (input[name] ?? undefined) as number | undefined;
export const optBool = (input: Input, name: string): boolean | undefined => (input[name] ?? undefined) as boolean | undefined;
export const list = <T = string>(input: Input, name: string): T[] | undefined => (input[name] ?? undefined) as T[] | undefined;

/** A deep copy of an input member, so that stored records never share structure with a request. */
export function copy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
