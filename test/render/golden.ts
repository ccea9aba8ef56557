// Golden files: exact expected output under test/golden, rewritten only when UPDATE_GOLDEN=1.
import { readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

export function goldenPath(name: string): URL {
  return new URL(`../golden/${name}`, import.meta.url);
}

export function readGolden(name: string): string {
  return readFileSync(goldenPath(name), 'utf8');
}

export function expectGolden(name: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(goldenPath(name), actual);
    return;
  }
  expect(actual, `test/golden/${name} differs; rerun with UPDATE_GOLDEN=1 after checking the change is intended`).toBe(readGolden(name));
}
