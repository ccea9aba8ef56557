// What is worth telling someone about, pass by pass: drift found or corrected, new findings, a configuration's headroom
// crossing spec.policies.minHeadroomPercent (down, and back up), and an apply that failed or was refused. The watcher is
// level-based, so the same state is seen every pass; each event is raised once, when it starts (or changes), and not
// again while it lasts.
import type { Finding } from '../plan/types.js';
import { plural } from '../util/words.js';
import { describeChange } from './change-causes.js';
import { headroomPercent } from './license-metrics.js';
import type { ChangeEntry, ConfigurationReading, ObservedEntry, ReconcileRecord } from './outcome.js';

export const EVENT_TYPES = ['drift-detected', 'drift-corrected', 'findings', 'headroom-below', 'headroom-restored', 'apply-failed', 'apply-refused'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** The structured part of a notification: its type, the project, when, the revision planned, and what it is about. */
export interface WatchEvent {
  readonly type: EventType;
  readonly project: string;
  /** With spec.targets: the target the event is about (its label). */
  readonly target?: string;
  /** ISO 8601: when the pass ended. */
  readonly at: string;
  readonly revision: string | null;
  /** drift-*: the drift-caused changes. */
  readonly changes?: readonly ChangeEntry[];
  /** drift-detected: the observe-only resources that drifted or are missing (never corrected). */
  readonly observed?: readonly ObservedEntry[];
  /** findings: the new ones; apply-refused: every finding of the plan. */
  readonly findings?: readonly Finding[];
  /** headroom-*: the configuration and the policy. */
  readonly configuration?: ConfigurationReading & { readonly headroomPercent: number; readonly minHeadroomPercent: number };
  /** apply-failed, apply-refused. */
  readonly error?: { readonly code: string; readonly message: string };
}

/** One notification: a Slack-compatible `text` line and the event. */
export interface Notification {
  readonly text: string;
  readonly event: WatchEvent;
}

/** Lines and findings listed in one notification's text; the rest are counted. */
const MAX_LISTED = 10;

/**
 * The events of each pass. With spec.targets each target is followed on its own (its drift, findings, headroom and
 * failures, said once each), and each notification names its target: `licensectl org (target dev): drift corrected: …`.
 */
export class EventTracker {
  private readonly scopes = new Map<string, ScopeTracker>();

  /** The notifications of one pass, in a stable order (targets in the order of spec.targets). */
  eventsOf(r: ReconcileRecord): Notification[] {
    if (r.project === null) return [];
    if (!r.targets) return this.scope('').eventsOf(r, r.project);
    // A pass that reached no target (the apply lock was held) has nothing to say about any of them. Each target's
    // observed drift is its own: the pass's (every target's) is not.
    const { observed: _every, ...pass } = r;
    return r.targets.flatMap((t) => this.scope(t.target).eventsOf({ ...pass, ...t }, r.project!, t.target));
  }

  private scope(label: string): ScopeTracker {
    if (!this.scopes.has(label)) this.scopes.set(label, new ScopeTracker());
    return this.scopes.get(label)!;
  }
}

/** The events of the project, or of one of its targets. */
class ScopeTracker {
  /** The drift last reported (address and fields), so unchanged drift in --mode warn is not reported every pass. */
  private lastDrift = '';
  /** The observed drift last reported: it is never corrected, so it is reported when it starts or changes. */
  private lastObserved = '';
  /** Findings of the last pass that planned, by code, address and severity (their numbers change from pass to pass). */
  private findings: Set<string> | null = null;
  /** Names of the configurations under the headroom policy at the last pass that read usage. */
  private below = new Set<string>();
  /** The failure last reported, so a failing apply retried with backoff is reported once. */
  private lastFailure = '';

  eventsOf(r: PassPart, project: string, target?: string): Notification[] {
    const base = { project, ...(target ? { target } : {}), at: new Date(r.startedAt + r.durationMs).toISOString(), revision: r.revision };
    // Slack reads &, < and > as markup: escaped, an AWS message or a name cannot forge a link or a mention.
    const say = (text: string) => `licensectl ${project}${target ? ` (target ${target})` : ''}: ${text}`.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return [...this.drift(r, base, say), ...this.observedDrift(r, base, say), ...this.newFindings(r, base, say), ...this.headroom(r, base, say), ...this.failure(r, base, say)];
  }

  private drift(r: PassPart, base: Base, say: Say): Notification[] {
    if (r.counts === null) return [];
    const changes = r.changes.filter((c) => c.cause === 'drift');
    const key = JSON.stringify(changes.map((c) => [c.address, c.action, c.fields]));
    const corrected = r.outcome === 'applied' || r.outcome === 'drift-corrected';
    const previous = this.lastDrift;
    this.lastDrift = corrected ? '' : key;
    if (!changes.length || (!corrected && key === previous)) return [];
    const type = corrected ? 'drift-corrected' : 'drift-detected';
    const text = say(`${corrected ? 'drift corrected' : 'drift detected'}: ${listed(changes.map(describeChange))}`);
    return [{ text, event: { type, ...base, changes } }];
  }

  private observedDrift(r: PassPart, base: Base, say: Say): Notification[] {
    if (r.counts === null) return [];
    const observed = r.observed ?? [];
    const key = JSON.stringify(observed.map((o) => [o.address, o.fields, o.missing ?? false]));
    const previous = this.lastObserved;
    this.lastObserved = observed.length ? key : '';
    if (!observed.length || key === previous) return [];
    const described = observed.map((o) => `${o.address} (${o.missing ? 'missing' : o.fields.join(', ')})`);
    return [{ text: say(`drift detected on observed resources (never corrected): ${listed(described)}`), event: { type: 'drift-detected', ...base, changes: [], observed } }];
  }

  private newFindings(r: PassPart, base: Base, say: Say): Notification[] {
    if (r.findings === null) return [];
    const keyOf = (f: Finding) => JSON.stringify([f.code, f.address, f.severity]);
    const seen = this.findings ?? new Set<string>();
    const fresh = r.findings.filter((f) => !seen.has(keyOf(f)));
    this.findings = new Set(r.findings.map(keyOf));
    if (!fresh.length) return [];
    const text = say(`${plural(fresh.length, 'new finding')}: ${listed(fresh.map((f) => `${f.severity} ${f.code} ${f.message}`))}`);
    return [{ text, event: { type: 'findings', ...base, findings: fresh } }];
  }

  private headroom(r: PassPart, base: Base, say: Say): Notification[] {
    if (r.usage === null) return [];
    const min = r.usage.minHeadroomPercent;
    const below = new Set<string>();
    const events: Notification[] = [];
    for (const c of r.usage.configurations) {
      const percent = headroomPercent(c);
      if (min === null || percent === null) continue;
      const configuration = { ...c, headroomPercent: percent, minHeadroomPercent: min };
      const usage = `${c.consumed} of ${c.licenseCount} licenses in use`;
      if (percent < min) {
        below.add(c.name);
        if (this.below.has(c.name)) continue;
        const text = say(`LicenseConfiguration/${c.name} headroom ${percent}% is below spec.policies.minHeadroomPercent ${min}% (${usage})`);
        events.push({ text, event: { type: 'headroom-below', ...base, configuration } });
      } else if (this.below.has(c.name)) {
        const text = say(`LicenseConfiguration/${c.name} headroom is back to ${percent}%, at or above spec.policies.minHeadroomPercent ${min}% (${usage})`);
        events.push({ text, event: { type: 'headroom-restored', ...base, configuration } });
      }
    }
    this.below = below;
    return events;
  }

  private failure(r: PassPart, base: Base, say: Say): Notification[] {
    const failed = r.outcome === 'apply-failed' || r.outcome === 'refused';
    const key = failed && r.error ? JSON.stringify([r.outcome, r.error.code, r.error.message]) : '';
    const previous = this.lastFailure;
    // A pass that could not plan (the store is down) says nothing about the apply: the failure is still the last one.
    if (failed || r.counts !== null) this.lastFailure = key;
    if (!failed || !r.error || key === previous) return [];
    const error = { code: r.error.code, message: r.error.message };
    if (r.outcome === 'refused') {
      return [{ text: say(`apply refused, nothing changed: ${r.error.message}`), event: { type: 'apply-refused', ...base, findings: r.findings ?? [], error } }];
    }
    return [{ text: say(`apply failed: [${r.error.code}] ${r.error.message}`), event: { type: 'apply-failed', ...base, error } }];
  }
}

type Base = Pick<WatchEvent, 'project' | 'target' | 'at' | 'revision'>;
type Say = (text: string) => string;
type PassPart = Omit<ReconcileRecord, 'targets'>;

function listed(items: readonly string[]): string {
  const shown = items.slice(0, MAX_LISTED);
  return shown.join('; ') + (items.length > shown.length ? `; …and ${items.length - shown.length} more` : '');
}
