// Counts SDK calls per operation: what `--stats`, the benchmarks and the watcher's metrics report.
export interface OperationStats {
  calls: number;
  attempts: number;
  errors: number;
}

export type CallListener = (operation: string, outcome: 'ok' | 'error', attempts: number) => void;

export class CallStats {
  private readonly byOp = new Map<string, OperationStats>();
  private readonly listeners: CallListener[] = [];

  record(operation: string, outcome: 'ok' | 'error', attempts: number): void {
    const entry = this.byOp.get(operation) ?? { calls: 0, attempts: 0, errors: 0 };
    entry.calls += 1;
    entry.attempts += attempts;
    if (outcome === 'error') entry.errors += 1;
    this.byOp.set(operation, entry);
    for (const listener of this.listeners) listener(operation, outcome, attempts);
  }

  onCall(listener: CallListener): void {
    this.listeners.push(listener);
  }

  /** Sorted by operation name. */
  snapshot(): Record<string, OperationStats> {
    return Object.fromEntries([...this.byOp.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, { ...v }]));
  }

  total(): OperationStats {
    const total = { calls: 0, attempts: 0, errors: 0 };
    for (const s of this.byOp.values()) {
      total.calls += s.calls;
      total.attempts += s.attempts;
      total.errors += s.errors;
    }
    return total;
  }
}
