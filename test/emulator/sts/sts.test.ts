// STS through the real SDK client (awsQuery: form-encoded requests, XML answers), in-process and served:
// GetCallerIdentity from the access key, AssumeRole's temporary credentials, and validation as the model and
// the documentation say.
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { ListLicenseConfigurationsCommand } from '@aws-sdk/client-license-manager';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessHandler, Emulator, startServer, type RunningServer } from '../../../src/emulator/index.js';
import { failureOf, lmClient } from '../../helpers/emulator.js';

const ROLE = 'arn:aws:iam::444455556666:role/ops/licensing-admin';

type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

function sts(target: Emulator | string, credentials: Credentials | string = 'AKID111122223333', region = 'us-east-1'): STSClient {
  const creds = typeof credentials === 'string' ? { accessKeyId: credentials, secretAccessKey: 'x' } : credentials;
  const transport = typeof target === 'string' ? { endpoint: target } : { endpoint: 'http://emulator.invalid', requestHandler: createInProcessHandler(target) };
  return new STSClient({ region, credentials: creds, retryStrategy: new ConfiguredRetryStrategy(1, 0), ...transport });
}

async function assumed(emulator: Emulator, from: Credentials | string = 'AKID111122223333', input: Partial<{ RoleArn: string; RoleSessionName: string; DurationSeconds: number }> = {}) {
  const out = await sts(emulator, from).send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'ci-run', ...input }));
  const c = out.Credentials!;
  return { out, credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! } };
}

describe('STS GetCallerIdentity', () => {
  it('answers the account of the access key, as the root user (the emulator has no IAM users)', async () => {
    const out = await sts(new Emulator()).send(new GetCallerIdentityCommand({}));
    expect(out).toMatchObject({ Account: '111122223333', UserId: '111122223333', Arn: 'arn:aws:iam::111122223333:root' });
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers the default account for any other key, and the partition of the region', async () => {
    const out = await sts(new Emulator(), 'AKIAIOSFODNN7EXAMPLE', 'cn-north-1').send(new GetCallerIdentityCommand({}));
    expect(out).toMatchObject({ Account: '000000000000', Arn: 'arn:aws-cn:iam::000000000000:root' });
  });
});

describe('STS AssumeRole', () => {
  it('issues temporary credentials that act as the role’s account, as an assumed-role session', async () => {
    const emulator = new Emulator({ now: () => new Date('2026-03-01T12:00:00Z') });
    const { out, credentials } = await assumed(emulator, 'AKID111122223333', { DurationSeconds: 900 });
    expect(out.Credentials!.AccessKeyId).toMatch(/^ASIA444455556666[0-9A-F]{16}$/);
    expect(out.Credentials!.SecretAccessKey).toHaveLength(40);
    expect(out.Credentials!.Expiration).toEqual(new Date('2026-03-01T12:15:00Z'));
    expect(out.AssumedRoleUser).toEqual({ Arn: 'arn:aws:sts::444455556666:assumed-role/licensing-admin/ci-run', AssumedRoleId: expect.stringMatching(/^AROA[0-9A-F]{17}:ci-run$/) });
    const who = await sts(emulator, credentials).send(new GetCallerIdentityCommand({}));
    expect(who).toMatchObject({ Account: '444455556666', Arn: 'arn:aws:sts::444455556666:assumed-role/licensing-admin/ci-run', UserId: out.AssumedRoleUser!.AssumedRoleId });
    // License Manager sees the role's account too.
    const lm = lmClient(emulator);
    lm.config.credentials = async () => credentials;
    await expect(lm.send(new ListLicenseConfigurationsCommand({}))).resolves.toMatchObject({ LicenseConfigurations: [] });
  });

  it('lasts one hour by default, as the documentation says', async () => {
    const emulator = new Emulator({ now: () => new Date('2026-03-01T12:00:00Z') });
    const { out } = await assumed(emulator);
    expect(out.Credentials!.Expiration).toEqual(new Date('2026-03-01T13:00:00Z'));
  });

  it('refuses DurationSeconds outside 900..43200, a bad session name and a short or malformed role ARN with ValidationError', async () => {
    const emulator = new Emulator();
    const cases: [Partial<{ RoleArn: string; RoleSessionName: string; DurationSeconds: number }>, string][] = [
      [{ DurationSeconds: 899 }, "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"],
      [{ DurationSeconds: 43201 }, "Value '43201' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200"],
      [{ RoleSessionName: 'has space' }, "Value 'has space' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*"],
      [{ RoleSessionName: 'x' }, "at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2"],
      [{ RoleArn: 'arn:aws:iam::1:role' }, "at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20"],
      [{ RoleArn: 'arn:aws:iam::444455556666:user/alice' }, 'arn:aws:iam::444455556666:user/alice is invalid'],
    ];
    for (const [input, message] of cases) {
      const failure = await failureOf(assumed(emulator, 'AKID111122223333', input));
      expect(failure, JSON.stringify(input)).toMatchObject({ name: 'ValidationError', status: 400 });
      expect(failure.message).toContain(message);
    }
  });

  it('allows 12 hours from long-term credentials but one hour when a session assumes a role (role chaining)', async () => {
    const emulator = new Emulator();
    const { credentials } = await assumed(emulator, 'AKID111122223333', { DurationSeconds: 43200 });
    const failure = await failureOf(assumed(emulator, credentials, { DurationSeconds: 3601 }));
    expect(failure).toEqual({ name: 'ValidationError', status: 400, message: 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.' });
    await expect(assumed(emulator, credentials, { RoleArn: 'arn:aws:iam::777788889999:role/next' })).resolves.toBeDefined();
  });

  it('refuses expired temporary credentials, and an issued key without its session token', async () => {
    let now = new Date('2026-03-01T12:00:00Z');
    const emulator = new Emulator({ now: () => now });
    const { credentials } = await assumed(emulator, 'AKID111122223333', { DurationSeconds: 900 });
    now = new Date('2026-03-01T12:15:00Z');
    expect(await failureOf(sts(emulator, credentials).send(new GetCallerIdentityCommand({})))).toMatchObject({ name: 'ExpiredToken', status: 403 });
    const lm = lmClient(emulator);
    lm.config.credentials = async () => credentials;
    expect(await failureOf(lm.send(new ListLicenseConfigurationsCommand({})))).toMatchObject({ name: 'ExpiredTokenException', status: 403 });
    const tokenless = { accessKeyId: credentials.accessKeyId, secretAccessKey: 'x' };
    expect(await failureOf(sts(emulator, tokenless).send(new GetCallerIdentityCommand({})))).toMatchObject({ name: 'InvalidClientTokenId', status: 403 });
  });
});

describe('STS over HTTP (emulator serve)', () => {
  let server: RunningServer;
  beforeAll(async () => { server = await startServer(new Emulator(), { port: 0 }); });
  afterAll(() => server.close());

  it('answers the SDK as the in-process handler does', async () => {
    await expect(sts(server.url, 'AKID222233334444').send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({ Account: '222233334444' });
    const out = await sts(server.url).send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'served' }));
    expect(out.AssumedRoleUser!.Arn).toBe('arn:aws:sts::444455556666:assumed-role/licensing-admin/served');
  });

  it('answers XML as AWS does, errors included, and InvalidAction for an unknown action', async () => {
    const post = (body: string) => fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body });
    const ok = await post('Action=GetCallerIdentity&Version=2011-06-15');
    expect(ok.headers.get('content-type')).toBe('text/xml');
    expect(await ok.text()).toMatch(
      /^<GetCallerIdentityResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/"><GetCallerIdentityResult><UserId>000000000000<\/UserId><Account>000000000000<\/Account><Arn>arn:aws:iam::000000000000:root<\/Arn><\/GetCallerIdentityResult><ResponseMetadata><RequestId>[0-9a-f-]{36}<\/RequestId><\/ResponseMetadata><\/GetCallerIdentityResponse>$/,
    );
    const bad = await post(`Action=AssumeRole&Version=2011-06-15&RoleArn=${encodeURIComponent(ROLE)}&RoleSessionName=a%26b`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/^<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/"><Error><Type>Sender<\/Type><Code>ValidationError<\/Code><Message>1 validation error detected: Value &apos;a&amp;b&apos; at &apos;roleSessionName&apos;/);
    const unknown = await post('Action=GetSessionTokens&Version=2011-06-15');
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('<Code>InvalidAction</Code><Message>Could not find operation GetSessionTokens for version 2011-06-15</Message>');
  });
});
