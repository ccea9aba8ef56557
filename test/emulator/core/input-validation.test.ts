import { CreateLicenseConfigurationCommand, ListDistributedGrantsCommand } from '@aws-sdk/client-license-manager';
import { GetResourceSharesCommand } from '@aws-sdk/client-ram';
import { describe, expect, it } from 'vitest';
import { Emulator } from '../../../src/emulator/index.js';
import { failureOf as failure, lmClient, ramClient } from '../../helpers/emulator.js';
import { lmRequest } from './raw-requests.js';

describe('input validated against the model, through the SDK', () => {
  it('answers License Manager’s missing required members with ValidationException in Coral’s words', async () => {
    const lm = lmClient(new Emulator());
    expect(await failure(lm.send(new CreateLicenseConfigurationCommand({ Name: 'windows' } as never)))).toEqual({
      name: 'ValidationException',
      status: 400,
      message: "1 validation error detected: Value null at 'licenseCountingType' failed to satisfy constraint: Member must not be null",
    });
  });

  it('answers License Manager’s enum and range violations with ValidationException, all of them at once', async () => {
    const lm = lmClient(new Emulator());
    const error = await failure(lm.send(new CreateLicenseConfigurationCommand({ Name: 'w', LicenseCountingType: 'Cores' as never })));
    expect(error.message).toBe(
      "1 validation error detected: Value 'Cores' at 'licenseCountingType' failed to satisfy constraint: Member must satisfy enum value set: [vCPU, Instance, Core, Socket]",
    );
    expect((await failure(lm.send(new ListDistributedGrantsCommand({ MaxResults: 0 })))).message).toBe(
      "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
  });

  it('answers wrongly typed JSON with SerializationException', async () => {
    const answer = await new Emulator().handle(lmRequest('CreateLicenseConfiguration', { Name: 'w', LicenseCountingType: 'Core', LicenseCount: '5' }));
    expect([answer.status, answer.headers['x-amzn-errortype']]).toEqual([400, 'SerializationException']);
  });

  it('answers RAM’s missing required members with MissingRequiredParameterException', async () => {
    const ram = ramClient(new Emulator());
    expect(await failure(ram.send(new GetResourceSharesCommand({} as never)))).toEqual({
      name: 'MissingRequiredParameterException',
      status: 400,
      message: 'The request must contain the parameter resourceOwner',
    });
  });

  it('answers RAM’s enum violations with InvalidParameterException', async () => {
    const ram = ramClient(new Emulator());
    const error = await failure(ram.send(new GetResourceSharesCommand({ resourceOwner: 'EVERYONE' as never })));
    expect([error.name, error.status]).toEqual(['InvalidParameterException', 400]);
    expect(error.message).toBe("The parameter resourceOwner is not valid: value 'EVERYONE': Member must satisfy enum value set: [SELF, OTHER-ACCOUNTS]");
  });
});
