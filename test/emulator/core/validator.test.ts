import { describe, expect, it } from 'vitest';
import { ShapeValidator } from '../../../src/emulator/core/model/service-model.js';
import { LICENSE_MANAGER_MODEL, RAM_MODEL } from '../../../src/emulator/core/model/shapes.generated.js';

const lmInput = new ShapeValidator(LICENSE_MANAGER_MODEL, 'input');
const lmOutput = new ShapeValidator(LICENSE_MANAGER_MODEL, 'output');
const ramInput = new ShapeValidator(RAM_MODEL, 'input');

const summary = (problems: ReturnType<ShapeValidator['validate']>) => problems.map((p) => `${p.kind} ${p.path}: ${p.constraint}`);

describe('input validation against the botocore model', () => {
  it('reports every missing required member under its Coral path', () => {
    expect(summary(lmInput.validate('CreateLicenseConfigurationRequest', {}))).toEqual([
      'missing name: Member must not be null',
      'missing licenseCountingType: Member must not be null',
    ]);
  });

  it('treats JSON null as absent', () => {
    expect(summary(lmInput.validate('CreateLicenseConfigurationRequest', { Name: 'n', LicenseCountingType: 'Core', Description: null }))).toEqual([]);
  });

  it('checks enum membership', () => {
    expect(summary(lmInput.validate('CreateLicenseConfigurationRequest', { Name: 'n', LicenseCountingType: 'Cores' }))).toEqual([
      'enum licenseCountingType: Member must satisfy enum value set: [vCPU, Instance, Core, Socket]',
    ]);
  });

  it('walks nested lists and structures with 1-based member steps', () => {
    const input = { Entitlements: [{ Name: 'seats', Unit: 'Count' }, { Name: 'cores' }] };
    const problems = lmInput.validate('CreateLicenseRequest', input).filter((p) => p.path.startsWith('entitlements'));
    expect(summary(problems)).toEqual(['missing entitlements.2.member.unit: Member must not be null']);
  });

  it('checks list lengths, number ranges and patterns', () => {
    expect(summary(lmInput.validate('ListDistributedGrantsRequest', { MaxResults: 101 }))).toEqual([
      'range maxResults: Member must have value less than or equal to 100',
    ]);
    const grant = { ClientToken: 't', GrantName: 'g', LicenseArn: 'not-an-arn', Principals: [], HomeRegion: 'us-east-1', AllowedOperations: ['CreateGrant'] };
    expect(summary(lmInput.validate('CreateGrantRequest', grant))).toEqual([
      expect.stringMatching(/^pattern licenseArn: Member must satisfy regular expression pattern: \^arn:aws/),
      'length principals: Member must have length greater than or equal to 1',
    ]);
  });

  it('reports wrong JSON types without checking their constraints', () => {
    expect(summary(lmInput.validate('CreateLicenseConfigurationRequest', { Name: 'n', LicenseCountingType: 'Core', LicenseCount: '100', LicenseRules: 'x' }))).toEqual([
      'type licenseCount: Member must be of type integer',
      'type licenseRules: Member must be of type list',
    ]);
  });

  it('validates RAM inputs with the same machinery', () => {
    expect(summary(ramInput.validate('GetResourceSharesRequest', { maxResults: 0 }))).toEqual([
      'missing resourceOwner: Member must not be null',
      'range maxResults: Member must have value greater than or equal to 1',
    ]);
  });

  it('ignores members the model does not have in input mode', () => {
    expect(lmInput.validate('GetLicenseConfigurationRequest', { LicenseConfigurationArn: 'a', Extra: 1 })).toEqual([]);
  });
});

describe('output conformance', () => {
  it('flags members the model does not have, such as wrongly cased ones', () => {
    expect(summary(lmOutput.validate('ListLicenseConfigurationsResponse', { licenseConfigurations: [] }))).toEqual([
      'unknown licenseConfigurations: Member is not in the model',
    ]);
  });

  it('flags timestamps that are not epoch seconds', () => {
    const association = { ResourceArn: 'r', AssociationTime: '2026-01-01T00:00:00Z' };
    expect(summary(lmOutput.validate('ListAssociationsForLicenseConfigurationResponse', { LicenseConfigurationAssociations: [association] }))).toEqual([
      'type licenseConfigurationAssociations.1.member.associationTime: Member must be of type epoch-seconds number',
    ]);
  });
});
