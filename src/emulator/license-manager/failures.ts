// The license operations License Manager could not perform, per configuration, as
// ListFailuresForLicenseConfigurationOperations lists them (LicenseOperationFailure): a launch or start
// refused for a configuration's rules or hard limit (RunInstances, StartInstances), an association refused by
// UpdateLicenseSpecificationsForResource, a resource automated discovery could not associate. A refused call
// changes nothing else, so the failure is committed on its own after the call is rolled back
// (ServiceError.commitOnFailure); a configuration's failures go with it when it is deleted.
import { ServiceError, str, type CallContext, type EmulatorState, type Input } from '../core/service-contract.js';
import { ownConfiguration } from './configuration-records.js';
import { pages } from './conventions.js';

export interface FailureRecord {
  ResourceArn: string;
  ResourceType: string;
  ResourceOwnerId: string;
  OperationName: string;
  OperationRequestedBy: string;
  ErrorMessage: string;
  /** Epoch seconds. */
  FailureTime: number;
}

/** At most this many failures are kept per configuration, the newest. */
const KEPT = 1000;

type Stored = FailureRecord & { _seq: number };

function failures(state: EmulatorState): Record<string, Stored[]> {
  return state.licenseManager.failures as unknown as Record<string, Stored[]>;
}

export function recordFailure(state: EmulatorState, configurationArn: string, failure: FailureRecord): void {
  const list = (failures(state)[configurationArn] ??= []);
  list.push({ ...failure, _seq: (list.at(-1)?._seq ?? 0) + 1 });
  if (list.length > KEPT) list.splice(0, list.length - KEPT);
}

/**
 * Runs an operation on a resource for a configuration; a refusal (a ServiceError) is recorded as that
 * configuration's failure, with the refusal's message, and thrown on.
 */
export function recordingFailure<T>(configurationArn: string, failure: Omit<FailureRecord, 'ErrorMessage'>, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ServiceError) error.alsoRecord((state) => recordFailure(state, configurationArn, { ...failure, ErrorMessage: `${error.type}: ${error.message}` }));
    throw error;
  }
}

export function forgetFailures(state: EmulatorState, configurationArn: string): void {
  delete failures(state)[configurationArn];
}

export function listFailuresForLicenseConfigurationOperations(ctx: CallContext, input: Input): Record<string, unknown> {
  const arn = ownConfiguration(ctx, str(input, 'LicenseConfigurationArn')).LicenseConfigurationArn;
  const page = pages.page('ListFailuresForLicenseConfigurationOperations', input, failures(ctx.state)[arn] ?? [], (f) => String(f._seq).padStart(10, '0'));
  return pages.output('LicenseOperationFailureList', page, ({ _seq, ...failure }) => failure);
}
