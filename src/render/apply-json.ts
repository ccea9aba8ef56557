// The machine view of an apply (`apply --json`): the ApplyResult with a format version and a fixed key order.
import type { ApplyResult, ChangeResult } from '../plan/apply-result.js';

export interface JsonApplyDocument extends ApplyResult {
  readonly formatVersion: '1';
}

export function applyToJson(result: ApplyResult): JsonApplyDocument {
  const { store, account, region, endpoint } = result.target;
  const { applied, failed, skipped } = result.summary;
  return {
    formatVersion: '1',
    project: result.project,
    target: { store, account, region, endpoint },
    summary: { applied, failed, skipped },
    results: result.results.map(resultToJson),
  };
}

/** Two-space indented, with a trailing newline. */
export function renderApplyJson(result: ApplyResult): string {
  return `${JSON.stringify(applyToJson(result), null, 2)}\n`;
}

function resultToJson(r: ChangeResult): ChangeResult {
  return {
    address: r.address,
    action: r.action,
    outcome: r.outcome,
    arn: r.arn,
    ...(r.error ? { error: { code: r.error.code, message: r.error.message } } : {}),
    ...(r.blockedBy ? { blockedBy: r.blockedBy } : {}),
  };
}
