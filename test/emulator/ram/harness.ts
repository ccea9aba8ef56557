// Drives the RAM operation table directly, the way the emulator core does: each input is first checked
// against the RAM model (answered as the emulator answers it), then each call gets a fresh JSON copy of
// the state as its draft, committed only when the handler returns. Read-only operations must leave the
// draft untouched, every output must conform to the RAM model's output shape (the SDK would silently drop
// a misspelt member), and outputs are JSON round-tripped as on the wire.
import { checkOutput, validateInput } from '../../../src/emulator/core/model-checks.js';
import { SERVICE_MODELS } from '../../../src/emulator/core/registry.js';
import { emptyState, ServiceError, type CallContext, type EmulatorState } from '../../../src/emulator/core/service-contract.js';
import { ramOperations } from '../../../src/emulator/ram/index.js';
import { licenseConfigurationArn } from '../../../src/model/arn.js';

export const OWNER = '111122223333';
export const PEER = '222233334444';
export const STRANGER = '333344445555';
export const REGION = 'us-east-1';
export const START = new Date('2026-03-01T12:00:00.000Z');
export const START_S = START.getTime() / 1000;

export type Json = Record<string, unknown>;

export interface CallOptions {
  account?: string;
  region?: string;
}

export class RamWorld {
  state: EmulatorState = emptyState();
  now = new Date(START);
  private sequence = 0;

  constructor(readonly delayMs = 0) {}

  call(operation: string, input: Json, options: CallOptions = {}): Json {
    const spec = ramOperations.find((candidate) => candidate.name === operation);
    if (!spec) throw new Error(`no RAM operation ${operation}`);
    const shapes = SERVICE_MODELS.ram.operations[operation]!;
    const request = structuredClone(input);
    validateInput('ram', shapes.input!, request);
    const before = JSON.stringify(this.state);
    const draft = JSON.parse(before) as EmulatorState;
    const output = spec.handler(this.context(draft, options), request);
    if (spec.readOnly && JSON.stringify(draft) !== before) throw new Error(`${operation} is read-only but changed the state`);
    checkOutput('ram', shapes.output!, output);
    this.state = draft;
    return JSON.parse(JSON.stringify(output)) as Json;
  }

  /** The ServiceError a call fails with; throws if the call succeeds or a failed call changed the state. */
  fail(operation: string, input: Json, options: CallOptions = {}): ServiceError {
    const before = JSON.stringify(this.state);
    try {
      this.call(operation, input, options);
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      if (JSON.stringify(this.state) !== before) throw new Error(`${operation} failed but changed the state`);
      return error;
    }
    throw new Error(`${operation} was expected to fail`);
  }

  /** A failure as plain data, for exact comparisons. */
  failure(operation: string, input: Json, options: CallOptions = {}): { type: string; status: number; message: string } {
    const error = this.fail(operation, input, options);
    return { type: error.type, status: error.status, message: error.message };
  }

  advance(ms: number): void {
    this.now = new Date(this.now.getTime() + ms);
  }

  /** A license configuration as License Manager stores it (only its presence matters to RAM). */
  addLicenseConfiguration(account = OWNER, region = REGION): string {
    this.sequence += 1;
    const arn = licenseConfigurationArn(region, account, `lic-${String(this.sequence).padStart(32, '0')}`);
    this.state.licenseManager.licenseConfigurations[arn] = { LicenseConfigurationArn: arn, Name: `lc-${this.sequence}` };
    return arn;
  }

  private context(state: EmulatorState, options: CallOptions): CallContext {
    const next = (): number => {
      this.sequence += 1;
      return this.sequence;
    };
    return {
      account: options.account ?? OWNER,
      region: options.region ?? REGION,
      now: new Date(this.now),
      state,
      ids: {
        hex32: () => next().toString(16).padStart(32, '0'),
        uuid: () => `00000000-0000-4000-8000-${String(next()).padStart(12, '0')}`,
      },
      delays: { shareMs: this.delayMs },
    };
  }
}

export function shareArnOf(output: Json): string {
  return (output['resourceShare'] as Json)['resourceShareArn'] as string;
}
