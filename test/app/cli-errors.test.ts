// Credentials that stop working in the middle of a command (an SSO session that ends during a long apply or watch,
// a session token that expires) are the user's to renew: AWS_CREDENTIALS, never STORE_FAILED or INTERNAL.
import { describe, expect, it } from 'vitest';
import { asLicensectlError } from '../../src/app/cli-errors.js';

const sdkError = (name: string, status: number) => Object.assign(new Error(`${name} from the service`), { name, $metadata: { httpStatusCode: status } });

describe('credentials that fail during a command', () => {
  it.each([
    ['the chain could not refresh them', Object.assign(new Error('The SSO session associated with this profile has expired'), { name: 'CredentialsProviderError' })],
    ['the service says they expired', sdkError('ExpiredTokenException', 400)],
    ['the service does not know them', sdkError('UnrecognizedClientException', 400)],
  ])('%s: AWS_CREDENTIALS, exit 1', async (_what, error) => {
    const mapped = await asLicensectlError(error);
    expect([mapped.code, mapped.exit]).toEqual(['AWS_CREDENTIALS', 1]);
    expect(mapped.message).toContain(error.message);
  });

  it('any other answer of the service stays STORE_FAILED', async () => {
    expect((await asLicensectlError(sdkError('ValidationException', 400))).code).toBe('STORE_FAILED');
  });
});
