import { describe, expect, it } from 'vitest';
import { Emulator, ServiceError, type CallContext, type OperationSpec } from '../../../src/emulator/index.js';
import { lmRequest, ramRequest } from './raw-requests.js';

/** An emulator serving one operation whose handler the test supplies. */
function serving(spec: Partial<OperationSpec> & Pick<OperationSpec, 'name' | 'handler'>, checkResponses = false): Emulator {
  return new Emulator({ operations: [{ service: 'license-manager', readOnly: true, ...spec }], checkResponses });
}

const json = (body: string) => JSON.parse(body) as Record<string, unknown>;

describe('routing', () => {
  it('answers an unknown License Manager target with a JSON 404 UnknownOperationException', async () => {
    const answer = await new Emulator().handle(lmRequest('ListEverything', {}));
    expect(answer.status).toBe(404);
    expect(answer.headers['x-amzn-errortype']).toBe('UnknownOperationException');
    expect(answer.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(json(answer.body)).toEqual({
      __type: 'UnknownOperationException',
      Message: 'The emulator does not implement the operation at x-amz-target AWSLicenseManager.ListEverything',
    });
  });

  it('answers an unknown RAM path with a JSON 404 in RAM’s error format', async () => {
    const answer = await new Emulator().handle(ramRequest('POST', '/shareeverything', {}));
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(json(answer.body)).toEqual({ __type: 'UnknownOperationException', message: 'The emulator does not implement the operation at POST /shareeverything' });
  });

  it('answers malformed JSON with a 400 SerializationException', async () => {
    const answer = await new Emulator().handle(lmRequest('ListLicenseConfigurations', undefined, { body: '{"MaxResults": ' }));
    expect(answer.status).toBe(400);
    expect(answer.headers['x-amzn-errortype']).toBe('SerializationException');
    expect(json(answer.body)['Message']).toMatch(/^Request body is not valid JSON/);
  });

  it('treats an empty body as no members', async () => {
    const answer = await new Emulator().handle(lmRequest('ListLicenseConfigurations', undefined, { body: '' }));
    expect([answer.status, json(answer.body)]).toEqual([200, { LicenseConfigurations: [] }]);
  });

  it('routes RAM by method and path, taking DELETE members from the query string with their modelled types', async () => {
    let seen: Record<string, unknown> = {};
    const emulator = new Emulator({
      operations: [{ service: 'ram', name: 'DeletePermissionVersion', readOnly: true, handler: (_ctx, input) => ((seen = input), {}) }],
    });
    const answer = await emulator.handle(ramRequest('DELETE', '/DeletePermissionVersion/?permissionArn=arn%3Aaws%3Aram%3A%3Aaws%3Apermission%2FX&permissionVersion=3'));
    expect(answer.status).toBe(200);
    expect(seen).toEqual({ permissionArn: 'arn:aws:ram::aws:permission/X', permissionVersion: 3 });
    const post = await emulator.handle(ramRequest('POST', '/deletepermissionversion', {}));
    expect(post.status).toBe(404);
  });
});

describe('identity', () => {
  const capture = () => {
    const seen: Array<Pick<CallContext, 'account' | 'region'>> = [];
    const emulator = serving({ name: 'GetServiceSettings', handler: (ctx) => (seen.push({ account: ctx.account, region: ctx.region }), {}) });
    return { emulator, seen };
  };

  it('takes the account from the access key and the region from the credential scope', async () => {
    const { emulator, seen } = capture();
    await emulator.handle(lmRequest('GetServiceSettings', {}, { account: '222233334444', region: 'eu-west-1' }));
    expect(seen).toEqual([{ account: '222233334444', region: 'eu-west-1' }]);
  });

  it('uses the default account and us-east-1 without a SigV4 authorization header', async () => {
    const { emulator, seen } = capture();
    const request = lmRequest('GetServiceSettings', {});
    await emulator.handle({ ...request, headers: { ...request.headers, authorization: undefined } });
    expect(seen).toEqual([{ account: '000000000000', region: 'us-east-1' }]);
  });
});

describe('errors', () => {
  const failing = (error: Error, service: 'license-manager' | 'ram' = 'license-manager') =>
    new Emulator({
      operations: [
        service === 'ram'
          ? { service, name: 'GetResourceShares', readOnly: true, handler: () => { throw error; } }
          : { service, name: 'GetServiceSettings', readOnly: true, handler: () => { throw error; } },
      ],
    });
  const call = (emulator: Emulator, service: 'license-manager' | 'ram' = 'license-manager') =>
    emulator.handle(service === 'ram' ? ramRequest('POST', '/getresourceshares', { resourceOwner: 'SELF' }) : lmRequest('GetServiceSettings', {}));

  it.each([
    ['ConflictException', 409],
    ['RateLimitExceededException', 429],
    ['AccessDeniedException', 401],
    ['AuthorizationException', 403],
    ['ServerInternalException', 500],
    ['InvalidParameterValueException', 400],
  ])('gives License Manager’s %s the model’s status %i', async (type, status) => {
    const answer = await call(failing(new ServiceError(type, 'boom')));
    expect(answer.status).toBe(status);
    expect(answer.headers['x-amzn-errortype']).toBe(type);
    expect(json(answer.body)).toEqual({ __type: type, Message: 'boom' });
    expect(answer.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['ThrottlingException', 429],
    ['ServiceUnavailableException', 503],
    ['UnknownResourceException', 400],
  ])('gives RAM’s %s the model’s status %i and a lower-case message member', async (type, status) => {
    const answer = await call(failing(new ServiceError(type, 'boom'), 'ram'), 'ram');
    expect([answer.status, answer.headers['content-type'], json(answer.body)]).toEqual([status, 'application/json', { __type: type, message: 'boom' }]);
  });

  it('keeps the thrower’s status for errors the model does not list', async () => {
    expect((await call(failing(new ServiceError('TeapotException', 'no', 418)))).status).toBe(418);
  });

  it('answers a handler crash with a 500 ServerInternalException naming the operation', async () => {
    const answer = await call(failing(new TypeError('x is undefined')));
    expect([answer.status, json(answer.body)]).toEqual([500, { __type: 'ServerInternalException', Message: 'emulator failure in GetServiceSettings: x is undefined' }]);
  });
});

describe('conformance mode', () => {
  it('turns a response member the model lacks into a 500', async () => {
    const emulator = serving({ name: 'GetServiceSettings', handler: () => ({ s3BucketArn: 'wrong case' }) }, true);
    const answer = await emulator.handle(lmRequest('GetServiceSettings', {}));
    expect(answer.status).toBe(500);
    expect(json(answer.body)['Message']).toContain('s3BucketArn: Member is not in the model');
  });

  it('turns a read-only operation that changes the state into a 500', async () => {
    const emulator = serving({ name: 'GetServiceSettings', handler: (ctx) => ((ctx.state.revision = 99), {}) }, true);
    expect((await emulator.handle(lmRequest('GetServiceSettings', {}))).status).toBe(500);
  });
});
