// The one headroom figure findings, the report and watch's gauges share: rounded down, never negative.
import { describe, expect, it } from 'vitest';
import { headroomOf, headroomPercentOf } from '../../src/model/index.js';

describe('headroom', () => {
  it('is rounded down to a tenth, so a value just under a policy minimum never reads as meeting it', () => {
    expect(headroomPercentOf(10_000, 9_001)).toBe(9.9);
    expect(headroomPercentOf(3, 1)).toBe(66.6);
    expect(headroomPercentOf(100, 90)).toBe(10);
  });

  it('is 0 past the count and null without a positive count', () => {
    expect(headroomPercentOf(20, 24)).toBe(0);
    expect(headroomOf(20, 24)).toBe(0);
    expect(headroomPercentOf(null, 5)).toBeNull();
    expect(headroomPercentOf(0, 0)).toBeNull();
  });
});
