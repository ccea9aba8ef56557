// `--stats`: SDK calls by operation and wall time, on stderr so stdout stays parseable.
import type { CallStats } from '../store/index.js';

export function renderStats(stats: CallStats, wallMs: number): string {
  const rows = Object.entries(stats.snapshot()).map(([op, s]) => `  ${op.padEnd(36)} ${String(s.calls).padStart(6)} calls ${String(s.attempts).padStart(6)} attempts ${String(s.errors).padStart(4)} errors`);
  const total = stats.total();
  return [`SDK calls (${total.calls} calls, ${total.attempts} attempts, ${total.errors} errors) in ${Math.round(wallMs)} ms:`, ...rows].join('\n');
}
