// accountOfArn reads the account field by position; the emulator asks it of every grant on every page it lists.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountOfArn, grantArn, licenseConfigurationArn, resourceShareArn } from '../../src/model/index.js';

/** The definition, written the obvious way: the fifth of at least six colon-separated fields, twelve digits. */
function byFields(arn: string): string | undefined {
  const parts = arn.split(':');
  return parts.length >= 6 && parts[0] === 'arn' && /^\d{12}$/.test(parts[4]!) ? parts[4] : undefined;
}

const field = fc.oneof(fc.constantFrom('', 'aws', 'license-manager', 'us-east-1', '123456789012', '12345678901', 'grant', 'arn'), fc.string({ maxLength: 14 }));
const arnLike = fc.array(field, { minLength: 0, maxLength: 8 }).map((fields) => fields.join(':'));

describe('accountOfArn', () => {
  it('finds the account of every ARN kind licensectl reads', () => {
    expect(accountOfArn(grantArn('111122223333', 'g-1'))).toBe('111122223333');
    expect(accountOfArn(licenseConfigurationArn('eu-west-1', '444455556666', 'lic-1'))).toBe('444455556666');
    expect(accountOfArn(resourceShareArn('us-east-1', '777788889999', 'abc'))).toBe('777788889999');
  });

  it('has no account for text that is not an ARN with one', () => {
    for (const text of ['', 'arn', 'arn:aws:iam::123456789012', 'arn:aws:s3:::bucket', 'xarn:aws:x::123456789012:y', 'arn:aws:x::12345678901a:y']) {
      expect(accountOfArn(text)).toBeUndefined();
    }
  });

  it('agrees with splitting on colons, for any text made of ARN-like fields', () => {
    fc.assert(fc.property(arnLike, (text) => {
      expect(accountOfArn(text)).toBe(byFields(text));
    }), { numRuns: 3000 });
  });
});
