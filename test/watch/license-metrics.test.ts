// The license gauges and finding metrics of /metrics, and the events --notify sends, from pass records: what appears,
// what disappears, and what is said once rather than every pass.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/plan/types.js';
import { EventTracker } from '../../src/watch/notify-events.js';
import type { ConfigurationReading, ReconcileRecord } from '../../src/watch/outcome.js';
import { WatchMetrics } from '../../src/watch/watch-metrics.js';
import { record, T0 } from './builders.js';

const DAY = 86_400_000;
const reading = (name: string, licenseCount: number | null, consumed: number, expiry: string | null = null): ConfigurationReading => ({
  name, arn: `arn:aws:license-manager:us-east-1:000000000000:license-configuration:lic-${name}`, licenseCount, consumed, expiry,
});
const usage = (configurations: ConfigurationReading[], minHeadroomPercent: number | null = null) => ({ minHeadroomPercent, configurations });
const finding = (code: Finding['code'], address: Finding['address'], severity: Finding['severity'] = 'warning', message = `${code} at ${address}`): Finding => ({
  code, severity, address, message, numbers: {}, subjects: [], override: null,
});

/** The sample lines of the metrics named `prefix…`, in the registry's order. */
async function samples(metrics: WatchMetrics, prefix: string): Promise<string[]> {
  return (await metrics.text()).split('\n').filter((l) => l.startsWith(prefix));
}

describe('license metrics', () => {
  it('exports count, consumed, headroom ratio and seconds to expiry per configuration, leaving out what a configuration lacks', async () => {
    let now = T0;
    const metrics = new WatchMetrics(() => now);
    metrics.observe(record({ usage: usage([reading('sql', 10, 8, new Date(T0 + 10 * DAY).toISOString()), reading('free', null, 3), reading('over', 4, 6)]) }));
    expect(await samples(metrics, 'licensectl_configuration_')).toEqual([
      'licensectl_configuration_license_count{name="sql"} 10',
      'licensectl_configuration_license_count{name="over"} 4',
      'licensectl_configuration_consumed_licenses{name="sql"} 8',
      'licensectl_configuration_consumed_licenses{name="free"} 3',
      'licensectl_configuration_consumed_licenses{name="over"} 6',
      'licensectl_configuration_headroom_ratio{name="sql"} 0.2',
      'licensectl_configuration_headroom_ratio{name="over"} 0',
      'licensectl_configuration_expiry_seconds{name="sql"} 864000',
    ]);
    // Seconds to expiry are counted when scraped, not when the pass ran.
    now = T0 + DAY;
    expect(await samples(metrics, 'licensectl_configuration_expiry_seconds{')).toEqual(['licensectl_configuration_expiry_seconds{name="sql"} 777600']);
  });

  it('drops the series of a configuration no longer managed, and keeps the last values through a pass that read nothing', async () => {
    const metrics = new WatchMetrics(() => T0);
    metrics.observe(record({ usage: usage([reading('a', 10, 1), reading('b', 5, 5, '2026-04-01T00:00:00Z')]) }));
    metrics.observe(record({ usage: usage([reading('a', 10, 2)]) }));
    expect(await samples(metrics, 'licensectl_configuration_')).toEqual([
      'licensectl_configuration_license_count{name="a"} 10',
      'licensectl_configuration_consumed_licenses{name="a"} 2',
      'licensectl_configuration_headroom_ratio{name="a"} 0.8',
    ]);
    metrics.observe(record({ outcome: 'store-error', counts: null, usage: null, findings: null }));
    expect(await samples(metrics, 'licensectl_configuration_consumed_licenses{')).toEqual(['licensectl_configuration_consumed_licenses{name="a"} 2']);
  });

  it('shows the findings of the last pass that planned by code and severity (0 once gone), and counts them once per pass', async () => {
    const metrics = new WatchMetrics(() => T0);
    const expiring = [finding('EXPIRING', 'LicenseConfiguration/a'), finding('EXPIRING', 'License/l')];
    metrics.observe(record({ findings: [...expiring, finding('COUNT_BELOW_USAGE', 'LicenseConfiguration/b', 'error')] }));
    metrics.observe(record({ findings: expiring }));
    metrics.observe(record({ outcome: 'store-error', counts: null, usage: null, findings: null }));
    expect(await samples(metrics, 'licensectl_findings')).toEqual([
      'licensectl_findings{code="EXPIRING",severity="warning"} 2',
      'licensectl_findings{code="COUNT_BELOW_USAGE",severity="error"} 0',
      'licensectl_findings_total{code="EXPIRING",severity="warning"} 4',
      'licensectl_findings_total{code="COUNT_BELOW_USAGE",severity="error"} 1',
    ]);
  });
});

describe('notification events', () => {
  const drift = { address: 'LicenseConfiguration/a' as const, action: 'update' as const, cause: 'drift' as const, fields: ['licenseCount'] };
  const types = (tracker: EventTracker, r: ReconcileRecord) => tracker.eventsOf(r).map((n) => n.event.type);

  it('says drift detected once while it lasts (--mode warn), and drift corrected when a pass corrects it', () => {
    const tracker = new EventTracker();
    const [first] = tracker.eventsOf(record({ outcome: 'drift-detected', changes: [drift] }));
    expect(first).toEqual({
      text: 'licensectl p: drift detected: update LicenseConfiguration/a (drift: licenseCount)',
      event: { type: 'drift-detected', project: 'p', at: '2026-03-01T12:00:00.120Z', revision: 'abc123', changes: [drift] },
    });
    expect(types(tracker, record({ outcome: 'drift-detected', changes: [drift] }))).toEqual([]);
    expect(types(tracker, record({ outcome: 'drift-detected', changes: [{ ...drift, fields: ['description'] }] }))).toEqual(['drift-detected']);
    const [corrected] = tracker.eventsOf(record({ outcome: 'drift-corrected', changes: [drift], applied: { applied: 1, failed: 0, skipped: 0 } }));
    expect(corrected!.text).toBe('licensectl p: drift corrected: update LicenseConfiguration/a (drift: licenseCount)');
    expect(types(tracker, record({ outcome: 'drift-detected', changes: [drift] }))).toEqual(['drift-detected']);
  });

  it('escapes what Slack reads as markup in the text line; the structured event keeps the message as it is', () => {
    const failed = record({ outcome: 'apply-failed', error: { code: 'X', message: 'bad <@U123> & <http://evil|click>', diagnostics: [] } });
    const [event] = new EventTracker().eventsOf(failed);
    expect(event!.text).toBe('licensectl p: apply failed: [X] bad &lt;@U123&gt; &amp; &lt;http://evil|click&gt;');
    expect(event!.event).toMatchObject({ error: { message: 'bad <@U123> & <http://evil|click>' } });
  });

  it('sends a finding when it first appears, not every pass, and again only once it has gone and come back', () => {
    const tracker = new EventTracker();
    const a = finding('EXPIRING', 'LicenseConfiguration/a', 'warning', 'LicenseConfiguration/a expires on 2026-03-10, in 9 days');
    const [first] = tracker.eventsOf(record({ findings: [a] }));
    expect(first).toEqual({
      text: 'licensectl p: 1 new finding: warning EXPIRING LicenseConfiguration/a expires on 2026-03-10, in 9 days',
      event: { type: 'findings', project: 'p', at: '2026-03-01T12:00:00.120Z', revision: 'abc123', findings: [a] },
    });
    // Its numbers change from day to day; it is the same finding.
    expect(types(tracker, record({ findings: [{ ...a, message: 'in 8 days' }] }))).toEqual([]);
    expect(types(tracker, record({ outcome: 'store-error', counts: null, findings: null, usage: null }))).toEqual([]);
    expect(types(tracker, record({ findings: [a] }))).toEqual([]);
    expect(types(tracker, record({ findings: [] }))).toEqual([]);
    expect(types(tracker, record({ findings: [a] }))).toEqual(['findings']);
  });

  it('says when a configuration’s headroom crosses spec.policies.minHeadroomPercent, down and back up', () => {
    const tracker = new EventTracker();
    expect(types(tracker, record({ usage: usage([reading('a', 10, 5)], 20) }))).toEqual([]);
    const [below] = tracker.eventsOf(record({ usage: usage([reading('a', 10, 9)], 20) }));
    expect(below).toMatchObject({
      text: 'licensectl p: LicenseConfiguration/a headroom 10% is below spec.policies.minHeadroomPercent 20% (9 of 10 licenses in use)',
      event: { type: 'headroom-below', configuration: { name: 'a', licenseCount: 10, consumed: 9, headroomPercent: 10, minHeadroomPercent: 20 } },
    });
    expect(types(tracker, record({ usage: usage([reading('a', 10, 10)], 20) }))).toEqual([]);
    const [restored] = tracker.eventsOf(record({ usage: usage([reading('a', 20, 10)], 20) }));
    expect(restored!.text).toBe('licensectl p: LicenseConfiguration/a headroom is back to 50%, at or above spec.policies.minHeadroomPercent 20% (10 of 20 licenses in use)');
    expect(types(tracker, record({ usage: usage([reading('a', 10, 9)], null) }))).toEqual([]);
  });

  it('says an apply failed or was refused once per failure, not at every retry', () => {
    const tracker = new EventTracker();
    const failed = record({ outcome: 'apply-failed', error: { code: 'ThrottlingException', message: 'Rate exceeded', diagnostics: [] } });
    expect(tracker.eventsOf(failed)).toEqual([{
      text: 'licensectl p: apply failed: [ThrottlingException] Rate exceeded',
      event: { type: 'apply-failed', project: 'p', at: '2026-03-01T12:00:00.120Z', revision: 'abc123', error: { code: 'ThrottlingException', message: 'Rate exceeded' } },
    }]);
    expect(types(tracker, failed)).toEqual([]);
    expect(types(tracker, record({ outcome: 'store-error', counts: null, findings: null, usage: null }))).toEqual([]);
    expect(types(tracker, failed)).toEqual([]);
    const over = finding('COUNT_BELOW_USAGE', 'LicenseConfiguration/a', 'error');
    const refused = record({ outcome: 'refused', findings: [over], error: { code: 'FINDINGS_REFUSED', message: 'the plan has 1 finding that refuses apply', diagnostics: [] } });
    expect(types(tracker, refused)).toEqual(['findings', 'apply-refused']);
    expect(types(tracker, refused)).toEqual([]);
    expect(types(tracker, record())).toEqual([]);
    expect(types(tracker, failed)).toEqual(['apply-failed']);
  });
});
