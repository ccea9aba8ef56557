// Conformance checks for tests: the SDK silently drops response members it does not know (a wrongly cased
// member simply vanishes), so a test-mode emulator checks each output against the model instead.
import { ShapeValidator } from './model/validator.js';
import { SERVICE_MODELS } from './registry.js';
import type { ServiceName } from './types.js';

const OUTPUT_VALIDATORS: Readonly<Record<ServiceName, ShapeValidator>> = {
  'license-manager': new ShapeValidator(SERVICE_MODELS['license-manager'], 'output'),
  ram: new ShapeValidator(SERVICE_MODELS.ram, 'output'),
};

export function checkOutput(service: ServiceName, shape: string, output: Record<string, unknown>): void {
  const problems = OUTPUT_VALIDATORS[service].validate(shape, output);
  if (problems.length === 0) return;
  const details = problems.map((p) => `${p.path}: ${p.constraint} (got ${JSON.stringify(p.value)})`);
  throw new Error(`response does not conform to ${shape}: ${details.join('; ')}`);
}

export function checkUnchanged(before: string, state: unknown): void {
  if (JSON.stringify(state) !== before) throw new Error('a read-only operation changed the state');
}
