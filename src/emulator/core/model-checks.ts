// Checks against the AWS models. Input that breaks the model is answered the way each service does:
// License Manager with `ValidationException` in Coral's words ("1 validation error detected: Value null at
// 'name' failed to satisfy constraint: Member must not be null") or `SerializationException` for wrongly
// typed JSON; RAM with `MissingRequiredParameterException` or `InvalidParameterException` for the first
// problem; STS with `ValidationError` in the same Coral words; Organizations with `InvalidInputException`
// and the `Reason` its model enumerates (INPUT_REQUIRED, INVALID_PATTERN, MAX_VALUE_EXCEEDED, …). The rules a model cannot express stay with each operation's handler.
//
// Outputs are checked only in conformance mode (tests): the SDK silently drops response members it does not
// know (a wrongly cased member simply vanishes), so a test-mode emulator checks each output instead.
import { ShapeValidator, type Problem } from './model/service-model.js';
import { SERVICE_MODELS } from './registry.js';
import { ServiceError, type ServiceName } from './service-contract.js';
import { plural } from '../../util/words.js';

const validators = (mode: 'input' | 'output'): Readonly<Record<ServiceName, ShapeValidator>> => ({
  'license-manager': new ShapeValidator(SERVICE_MODELS['license-manager'], mode),
  ram: new ShapeValidator(SERVICE_MODELS.ram, mode),
  sts: new ShapeValidator(SERVICE_MODELS.sts, mode, true),
  // Organizations' patterns are written for whole-value matching too (`^(r-…)|(ou-…)$`).
  organizations: new ShapeValidator(SERVICE_MODELS.organizations, mode, true),
});
const INPUT_VALIDATORS = validators('input');
const OUTPUT_VALIDATORS = validators('output');

export function validateInput(service: ServiceName, shape: string, input: Record<string, unknown>): void {
  const problems = INPUT_VALIDATORS[service].validate(shape, input);
  if (problems.length === 0) return;
  if (service === 'ram') throw ramError(problems[0]!);
  if (service === 'organizations') throw organizationsError(problems);
  throw service === 'license-manager' ? licenseManagerError(problems) : stsError(problems);
}

function licenseManagerError(problems: readonly Problem[]): ServiceError {
  const wrongType = problems.find((p) => p.kind === 'type');
  if (wrongType) return new ServiceError('SerializationException', `Unexpected value at '${wrongType.path}': ${wrongType.constraint}`);
  return new ServiceError('ValidationException', coralMessage(problems));
}

/** STS (awsQuery) answers every input problem, a missing member or a wrongly typed one included, as a 400 `ValidationError`. */
function stsError(problems: readonly Problem[]): ServiceError {
  return new ServiceError('ValidationError', coralMessage(problems));
}

function organizationsError(problems: readonly Problem[]): ServiceError {
  const wrongType = problems.find((p) => p.kind === 'type');
  if (wrongType) return new ServiceError('SerializationException', `Unexpected value at '${wrongType.path}': ${wrongType.constraint}`);
  return new ServiceError('InvalidInputException', coralMessage(problems), 400, { Reason: reasonOf(problems[0]!) });
}

function reasonOf(problem: Problem): string {
  const below = problem.constraint.includes('greater than');
  switch (problem.kind) {
    case 'missing':
      return 'INPUT_REQUIRED';
    case 'enum':
      return 'INVALID_ENUM';
    case 'range':
      return below ? 'MIN_VALUE_EXCEEDED' : 'MAX_VALUE_EXCEEDED';
    case 'length':
      return below ? 'MIN_LENGTH_EXCEEDED' : 'MAX_LENGTH_EXCEEDED';
    default:
      return 'INVALID_PATTERN';
  }
}

function coralMessage(problems: readonly Problem[]): string {
  const count = problems.length;
  const details = problems.map((p) => `Value ${show(p.value)} at '${p.path}' failed to satisfy constraint: ${p.constraint}`);
  return `${plural(count, 'validation error')} detected: ${details.join('; ')}`;
}

function ramError(problem: Problem): ServiceError {
  if (problem.kind === 'missing')
    return new ServiceError('MissingRequiredParameterException', `The request must contain the parameter ${problem.path}`);
  return new ServiceError('InvalidParameterException', `The parameter ${problem.path} is not valid: value ${show(problem.value)}: ${problem.constraint}`);
}

function show(value: unknown): string {
  if (value === null) return 'null';
  return typeof value === 'string' ? `'${value}'` : `'${JSON.stringify(value)}'`;
}

export function checkOutput(service: ServiceName, shape: string, output: Record<string, unknown>): void {
  const problems = OUTPUT_VALIDATORS[service].validate(shape, output);
  if (problems.length === 0) return;
  const details = problems.map((p) => `${p.path}: ${p.constraint} (got ${JSON.stringify(p.value)})`);
  throw new Error(`response does not conform to ${shape}: ${details.join('; ')}`);
}

export function checkUnchanged(before: string, state: unknown): void {
  if (JSON.stringify(state) !== before) throw new Error('a read-only operation changed the state');
}
