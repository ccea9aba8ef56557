import { GetServiceSettingsCommand, UpdateServiceSettingsCommand } from '@aws-sdk/client-license-manager';
import { describe, expect, it } from 'vitest';
import { failureOf, lmClient, testEmulator } from '../../helpers/emulator.js';
import { GRANTEE, ISSUER } from './fixtures.js';

const BUCKET = 'arn:aws:s3:::acme-license-reports';
const TOPIC = `arn:aws:sns:us-east-1:${ISSUER}:license-alerts`;

const settings = async (lm: ReturnType<typeof lmClient>) => {
  const { $metadata: _m, ...out } = await lm.send(new GetServiceSettingsCommand({}));
  return out;
};

describe('GetServiceSettings and UpdateServiceSettings', () => {
  it('starts with nothing set and no integration', async () => {
    expect(await settings(lmClient(testEmulator(), { account: ISSUER }))).toEqual({
      OrganizationConfiguration: { EnableIntegration: false }, EnableCrossAccountsDiscovery: false,
    });
  });

  it('keeps settings per account and region; a member left out keeps its value', async () => {
    const emulator = testEmulator();
    const lm = lmClient(emulator, { account: ISSUER });
    await lm.send(new UpdateServiceSettingsCommand({ S3BucketArn: BUCKET, SnsTopicArn: TOPIC }));
    await lm.send(new UpdateServiceSettingsCommand({ SnsTopicArn: `${TOPIC}-2` }));
    expect(await settings(lm)).toMatchObject({ S3BucketArn: BUCKET, SnsTopicArn: `${TOPIC}-2` });
    expect((await settings(lmClient(emulator, { account: ISSUER, region: 'eu-west-1' }))).S3BucketArn).toBeUndefined();
    expect((await settings(lmClient(emulator, { account: GRANTEE }))).S3BucketArn).toBeUndefined();
  });

  it('refuses malformed bucket and topic ARNs as InvalidParameterValueException', async () => {
    const lm = lmClient(testEmulator(), { account: ISSUER });
    expect(await failureOf(lm.send(new UpdateServiceSettingsCommand({ S3BucketArn: 'acme-license-reports' })))).toMatchObject({ name: 'InvalidParameterValueException', status: 400 });
    expect(await failureOf(lm.send(new UpdateServiceSettingsCommand({ SnsTopicArn: 'arn:aws:sqs:us-east-1:111122223333:q' })))).toMatchObject({ name: 'InvalidParameterValueException' });
  });

  it('links Organizations only from the management account, which then reports the resource share', async () => {
    const emulator = testEmulator();
    await emulator.applyOrganization({ managementAccount: ISSUER, accounts: [GRANTEE] });
    const member = lmClient(emulator, { account: GRANTEE });
    expect((await failureOf(member.send(new UpdateServiceSettingsCommand({ OrganizationConfiguration: { EnableIntegration: true } })))).message).toMatch(/management account/);
    const management = lmClient(emulator, { account: ISSUER });
    await management.send(new UpdateServiceSettingsCommand({ OrganizationConfiguration: { EnableIntegration: true }, EnableCrossAccountsDiscovery: true }));
    const out = await settings(management);
    expect(out).toMatchObject({ OrganizationConfiguration: { EnableIntegration: true }, EnableCrossAccountsDiscovery: true });
    expect(out.LicenseManagerResourceShareArn).toMatch(new RegExp(`^arn:aws:ram:us-east-1:${ISSUER}:resource-share/[0-9a-f-]{36}$`));
    await management.send(new UpdateServiceSettingsCommand({ OrganizationConfiguration: { EnableIntegration: false }, EnableCrossAccountsDiscovery: false }));
    expect((await settings(management)).LicenseManagerResourceShareArn).toBeUndefined();
  });

  it('refuses cross-account discovery without the Organizations integration', async () => {
    const lm = lmClient(testEmulator(), { account: ISSUER });
    expect((await failureOf(lm.send(new UpdateServiceSettingsCommand({ EnableCrossAccountsDiscovery: true })))).message).toMatch(/Organizations/);
  });
});
