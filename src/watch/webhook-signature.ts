// GitHub signs each webhook delivery: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>`.
// The comparison runs in constant time so that a caller cannot learn the signature byte by byte.
import { createHmac, timingSafeEqual } from 'node:crypto';

const PREFIX = 'sha256=';

export function signatureOf(secret: string, body: Uint8Array): string {
  return PREFIX + createHmac('sha256', secret).update(body).digest('hex');
}

/** False for a missing secret, a missing or malformed header, or a signature of anything else. */
export function verifySignature(secret: string | undefined, body: Uint8Array, header: string | undefined): boolean {
  if (!secret || !header || !header.startsWith(PREFIX)) return false;
  const expected = Buffer.from(signatureOf(secret, body), 'utf8');
  const given = Buffer.from(header, 'utf8');
  // timingSafeEqual needs equal lengths; a length mismatch reveals only the length, which is public.
  return given.length === expected.length && timingSafeEqual(given, expected);
}
