import { describe, expect, it } from 'vitest';
import { ABSENT_FINGERPRINT, fingerprintOf } from '../../src/plan/plan-change.js';
import { liveConfig, liveGrant } from '../helpers/builders.js';

describe('fingerprintOf', () => {
  it('is a sha256 of what planning read', () => {
    expect(fingerprintOf(liveConfig('c'))).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(ABSENT_FINGERPRINT).toBe('sha256:74234e98afe7498fb5daf1f36ac2d78acc339464f950703b8c019892f982b90b');
    expect(fingerprintOf(null)).toBe(ABSENT_FINGERPRINT);
  });

  it('does not depend on key order', () => {
    const live = liveConfig('c', {}, { tags: { a: '1', b: '2' } });
    const reordered = { ...live, tags: { b: '2', a: '1' }, spec: Object.fromEntries(Object.entries(live.spec).reverse()) } as unknown as typeof live;
    expect(fingerprintOf(reordered)).toBe(fingerprintOf(live));
  });

  it('changes with the spec, the tags, the ARN and the version, but not with the raw status', () => {
    const base = fingerprintOf(liveGrant('g'));
    expect(fingerprintOf(liveGrant('g', { allowedOperations: ['CheckoutLicense'] }))).not.toBe(base);
    expect(fingerprintOf(liveGrant('g', {}, { tags: { team: 'x' } }))).not.toBe(base);
    expect(fingerprintOf(liveGrant('g', {}, { arn: 'arn:other' }))).not.toBe(base);
    expect(fingerprintOf(liveGrant('g', {}, { meta: { version: '2', status: 'ACTIVE' } }))).not.toBe(base);
    expect(fingerprintOf(liveGrant('g', {}, { meta: { version: '1', status: 'PENDING_ACCEPT' } }))).toBe(base);
  });
});
