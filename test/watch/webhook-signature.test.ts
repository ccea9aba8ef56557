import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signatureOf, verifySignature } from '../../src/watch/webhook-signature.js';

// GitHub's documented example: secret "It's a Secret to Everybody", payload "Hello, World!".
const GITHUB_SECRET = "It's a Secret to Everybody";
const GITHUB_BODY = Buffer.from('Hello, World!');
const GITHUB_SIGNATURE = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';

describe('X-Hub-Signature-256', () => {
  it('matches GitHub\'s documented example', () => {
    expect(signatureOf(GITHUB_SECRET, GITHUB_BODY)).toBe(GITHUB_SIGNATURE);
    expect(verifySignature(GITHUB_SECRET, GITHUB_BODY, GITHUB_SIGNATURE)).toBe(true);
  });

  it('rejects another body, another secret, a truncated or differently cased signature', () => {
    expect(verifySignature(GITHUB_SECRET, Buffer.from('Hello, World?'), GITHUB_SIGNATURE)).toBe(false);
    expect(verifySignature('another secret', GITHUB_BODY, GITHUB_SIGNATURE)).toBe(false);
    expect(verifySignature(GITHUB_SECRET, GITHUB_BODY, GITHUB_SIGNATURE.slice(0, -1))).toBe(false);
    expect(verifySignature(GITHUB_SECRET, GITHUB_BODY, GITHUB_SIGNATURE.toUpperCase())).toBe(false);
  });

  it('rejects a missing header, a SHA-1 signature and a missing secret', () => {
    const sha1 = `sha1=${createHmac('sha1', GITHUB_SECRET).update(GITHUB_BODY).digest('hex')}`;
    expect(verifySignature(GITHUB_SECRET, GITHUB_BODY, undefined)).toBe(false);
    expect(verifySignature(GITHUB_SECRET, GITHUB_BODY, sha1)).toBe(false);
    expect(verifySignature(undefined, GITHUB_BODY, GITHUB_SIGNATURE)).toBe(false);
    expect(verifySignature('', GITHUB_BODY, signatureOf('', GITHUB_BODY))).toBe(false);
  });
});
