// Rejects input that breaks the model the way each service does: License Manager answers
// `ValidationException` with Coral's message ("1 validation error detected: Value null at 'name' failed to
// satisfy constraint: Member must not be null") and `SerializationException` for wrongly typed JSON; RAM
// answers `MissingRequiredParameterException` or `InvalidParameterException` for the first problem.
import { ShapeValidator, type Problem } from './model/validator.js';
import { SERVICE_MODELS } from './registry.js';
import { ServiceError, type ServiceName } from './types.js';

const INPUT_VALIDATORS: Readonly<Record<ServiceName, ShapeValidator>> = {
  'license-manager': new ShapeValidator(SERVICE_MODELS['license-manager'], 'input'),
  ram: new ShapeValidator(SERVICE_MODELS.ram, 'input'),
};

export function validateInput(service: ServiceName, shape: string, input: Record<string, unknown>): void {
  const problems = INPUT_VALIDATORS[service].validate(shape, input);
  if (problems.length === 0) return;
  throw service === 'license-manager' ? licenseManagerError(problems) : ramError(problems[0]!);
}

function licenseManagerError(problems: readonly Problem[]): ServiceError {
  const wrongType = problems.find((p) => p.kind === 'type');
  if (wrongType) return new ServiceError('SerializationException', `Unexpected value at '${wrongType.path}': ${wrongType.constraint}`);
  const count = problems.length;
  const details = problems.map((p) => `Value ${show(p.value)} at '${p.path}' failed to satisfy constraint: ${p.constraint}`);
  return new ServiceError('ValidationException', `${count} validation error${count === 1 ? '' : 's'} detected: ${details.join('; ')}`);
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
